"""The Mentors view: every mentor card in a filterable table, the card editor beside it."""

from mentordesk.ui.mentors.view import MentorsView

__all__ = ["MentorsView"]
