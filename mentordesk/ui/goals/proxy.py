"""Filter-as-you-type and the status, kind and mentor filters over the goal table."""

from __future__ import annotations

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.goal import GoalRecord
from mentordesk.ui.common.record_proxy import RecordFilterProxy


class GoalFilterProxy(RecordFilterProxy[GoalRecord]):
    """Every typed word must appear in the title, texts, milestones or mentor names."""

    def set_status(self, status: GoalStatus | None) -> None:
        self.set_filter("status", status, lambda r: r.fields.status == status)

    def set_kind(self, kind: GoalKind | None) -> None:
        self.set_filter("kind", kind, lambda r: r.fields.kind == kind)

    def set_mentor(self, mentor_id: int | None) -> None:
        """Only goals this mentor helps with; None for every goal."""
        self.set_filter("mentor", mentor_id, lambda r: mentor_id in r.mentor_ids)
