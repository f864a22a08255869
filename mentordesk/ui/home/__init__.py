"""Home: what needs attention today (the first view at start-up)."""

from mentordesk.ui.home.view import HomeView

__all__ = ["HomeView"]
