"""Filter-as-you-type and the owner, mentor, status and due filters over the action items.

The status filter starts at "Needs doing": open items and done items not yet reported
back, which is what the person comes to this view for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QObject

from mentordesk.domain.action_item import ActionItemRecord, DueBucket
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.ui.common.record_proxy import RecordFilterProxy


class StatusChoice(StrEnum):
    """What the status filter offers; NEEDS_DOING is the default."""

    NEEDS_DOING = "needs_doing"
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    ANY = "any"

    @property
    def needs_every_item(self) -> bool:
        """Whether it shows items the pending list leaves out (done and reported, dropped)."""
        return self in (StatusChoice.DONE, StatusChoice.DROPPED, StatusChoice.ANY)


def needs_doing(record: ActionItemRecord) -> bool:
    return record.is_open or record.awaits_report_back


_STATUS_TESTS: dict[StatusChoice, Callable[[ActionItemRecord], bool]] = {
    StatusChoice.NEEDS_DOING: needs_doing,
    StatusChoice.OPEN: lambda r: r.fields.status is ActionStatus.OPEN,
    StatusChoice.DONE: lambda r: r.fields.status is ActionStatus.DONE,
    StatusChoice.DROPPED: lambda r: r.fields.status is ActionStatus.DROPPED,
}


class ActionItemFilterProxy(RecordFilterProxy[ActionItemRecord]):
    """Every typed word must appear in the text, the meeting's title or its mentors' names."""

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.set_status(StatusChoice.NEEDS_DOING)

    @property
    def status(self) -> StatusChoice:
        return self.filter_value("status") or StatusChoice.ANY

    @property
    def narrowed_beyond_default(self) -> bool:
        """Whether the person narrowed the list further than the default "Needs doing"."""
        return (
            bool(self._words)
            or set(self._filters) != {"status"}
            or (self.status is not StatusChoice.NEEDS_DOING)
        )

    @staticmethod
    def status_test(choice: StatusChoice) -> Callable[[ActionItemRecord], bool]:
        return _STATUS_TESTS.get(choice, lambda _r: True)

    def set_status(self, choice: StatusChoice) -> None:
        test = self.status_test(choice)
        self.set_filter("status", None if choice is StatusChoice.ANY else choice, test)

    def set_owner(self, owner: ActionOwner | None) -> None:
        self.set_filter("owner", owner, lambda r: r.fields.owner is owner)

    def set_mentor(self, mentor_id: int | None) -> None:
        """Only items from meetings with this mentor; None for every item."""
        self.set_filter("mentor", mentor_id, lambda r: mentor_id in r.mentor_ids)

    def set_due(self, bucket: DueBucket | None) -> None:
        """Only items due in this bucket (overdue, this week, later, no date)."""
        self.set_filter("due", bucket, lambda r: r.due_bucket(self._today()) is bucket)

    def set_awaiting_report(self, only: bool) -> None:
        """Only items done but not yet reported back to their mentor."""
        self.set_filter("awaiting", True if only else None, lambda r: r.awaits_report_back)
