"""Filter-as-you-type and the status, kind and mentor filters of the goal list (their SQL is
mentordesk.db.list_specs.GoalList)."""

from __future__ import annotations

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.ui.common.record_proxy import ListingProxy


class GoalFilterProxy(ListingProxy):
    """Every typed word must appear in the title, texts, milestones or mentor names."""

    def set_status(self, status: GoalStatus | None) -> None:
        self.set_filter("status", status)

    def set_kind(self, kind: GoalKind | None) -> None:
        self.set_filter("kind", kind)

    def set_mentor(self, mentor_id: int | None) -> None:
        """Only goals this mentor helps with; None for every goal."""
        self.set_filter("mentor", mentor_id)
