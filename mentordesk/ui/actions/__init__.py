"""The Action items view: advice turned into things to do, done, and reported back."""

from mentordesk.ui.actions.view import ActionItemsView

__all__ = ["ActionItemsView"]
