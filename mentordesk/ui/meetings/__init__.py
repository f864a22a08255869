"""The Calendar view: meetings by month, week and agenda, with the meeting card."""

from mentordesk.ui.meetings.view import CalendarView

__all__ = ["CalendarView"]
