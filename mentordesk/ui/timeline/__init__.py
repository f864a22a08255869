"""The growth timeline: an overview across the years, the feed, and the year in review."""

from mentordesk.ui.timeline.view import TimelineView

__all__ = ["TimelineView"]
