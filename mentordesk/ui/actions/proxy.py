"""Filter-as-you-type and the owner, mentor, status and due filters over the action items.

The status filter starts at "Needs doing": open items and done items not yet reported
back, which is what the person comes to this view for.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject

from mentordesk.domain.action_item import DueBucket
from mentordesk.domain.enums import ActionOwner
from mentordesk.ui.common.record_proxy import ListingProxy


class StatusChoice(StrEnum):
    """What the status filter offers; NEEDS_DOING is the default."""

    NEEDS_DOING = "needs_doing"
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    ANY = "any"


class ActionItemFilterProxy(ListingProxy):
    """Every typed word must appear in the text, the meeting's title or its mentors' names
    (the filters' SQL is mentordesk.db.list_specs.ActionItemList)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_status(StatusChoice.NEEDS_DOING)

    @property
    def status(self) -> StatusChoice:
        return StatusChoice(self.filter_value("status") or StatusChoice.ANY)

    @property
    def narrowed_beyond_default(self) -> bool:
        """Whether the person narrowed the list further than the default "Needs doing"."""
        return (
            bool(self._words)
            or set(self._filters) != {"status"}
            or (self.status is not StatusChoice.NEEDS_DOING)
        )

    def set_status(self, choice: StatusChoice) -> None:
        self.set_filter("status", None if choice is StatusChoice.ANY else choice.value)

    def set_owner(self, owner: ActionOwner | None) -> None:
        self.set_filter("owner", owner)

    def set_mentor(self, mentor_id: int | None) -> None:
        """Only items from meetings with this mentor; None for every item."""
        self.set_filter("mentor", mentor_id)

    def set_due(self, bucket: DueBucket | None) -> None:
        """Only items due in this bucket (overdue, this week, later, no date), as of today."""
        self.set_filter("due", None if bucket is None else bucket.value)

    def set_awaiting_report(self, only: bool) -> None:
        """Only items done but not yet reported back to their mentor."""
        self.set_filter("awaiting", True if only else None)
