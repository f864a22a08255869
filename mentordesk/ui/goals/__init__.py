"""The Goals view: goals with milestones, progress notes and the mentors and skills they need."""

from mentordesk.ui.goals.view import GoalsView

__all__ = ["GoalsView"]
