"""An action item: advice turned into something to do, who does it, by when, and whether it
was reported back to the mentor it came from.

Acting on advice and reporting back is what keeps a mentor invested; the rules here say
which items are overdue and which are done but not yet reported.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.domain.meeting import tidy_line
from mentordesk.domain.validation import ValidationError, line_error

ACTION_TEXT_MAX = 1000

ACTION_COLUMN_FIELDS = (
    "text",
    "owner",
    "due_on",
    "status",
    "done_on",
    "meeting_id",
    "goal_id",
    "skill_id",
    "reported_on",
)


class DueBucket(StrEnum):
    """When an item is due, as the Action items view filters it."""

    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    LATER = "later"
    EARLIER = "earlier"  # a done or dropped item whose due date has passed
    NONE = "none"


@dataclass(frozen=True)
class ActionItemFields:
    text: str
    owner: ActionOwner = ActionOwner.ME
    due_on: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: date | None = None
    meeting_id: int | None = None
    goal_id: int | None = None
    skill_id: int | None = None
    reported_on: date | None = None

    def replace(self, **changes: object) -> ActionItemFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> ActionItemFields:
        changes: dict[str, object] = {"text": tidy_line(self.text)}
        if self.status is not ActionStatus.DONE:
            # Only a done item has a done date, and only a done item can be reported.
            changes["done_on"] = None
            changes["reported_on"] = None
        return self.replace(**changes)

    def errors(self) -> dict[str, str]:
        found: dict[str, str | None] = {
            "text": line_error(self.text, "What to do", ACTION_TEXT_MAX, required=True),
        }
        done, reported = self.done_on, self.reported_on
        if self.status is ActionStatus.DONE and done and reported and reported < done:
            found["reported_on"] = "It was reported back before it was done."
        return {name: message for name, message in found.items() if message}

    def validated(self, today: date | None = None) -> ActionItemFields:
        fields = self.normalized()
        errors = fields.errors()
        if today is not None:
            if fields.done_on is not None and fields.done_on > today:
                errors["done_on"] = "An item cannot be done in the future."
            if fields.reported_on is not None and fields.reported_on > today:
                errors["reported_on"] = "An item cannot be reported back in the future."
        if errors:
            raise ValidationError(errors)
        return fields


@dataclass(frozen=True)
class ActionItemRecord:
    """A stored action item with what the list shows of its meeting: the meeting's mentors,
    title and day (none for an item written down outside a meeting)."""

    id: int
    fields: ActionItemFields
    mentor_ids: frozenset[int]
    meeting_title: str
    meeting_on: date | None
    created_at: datetime
    updated_at: datetime

    @property
    def text(self) -> str:
        return self.fields.text

    @property
    def is_open(self) -> bool:
        return self.fields.status is ActionStatus.OPEN

    @property
    def is_done(self) -> bool:
        return self.fields.status is ActionStatus.DONE

    def is_overdue(self, today: date) -> bool:
        due = self.fields.due_on
        return self.is_open and due is not None and due < today

    @property
    def awaits_report_back(self) -> bool:
        """Done, came from a meeting with a mentor, and not yet reported back to them."""
        return self.is_done and self.fields.reported_on is None and bool(self.mentor_ids)

    def due_bucket(self, today: date) -> DueBucket:
        """Overdue, due by the end of this week (Sunday), later, earlier (a closed item's
        passed date: done and dropped items are never overdue), or no due date."""
        due = self.fields.due_on
        if due is None:
            return DueBucket.NONE
        if self.is_overdue(today):
            return DueBucket.OVERDUE
        if due < today:
            return DueBucket.EARLIER
        end_of_week = today + timedelta(days=6 - today.weekday())
        return DueBucket.THIS_WEEK if due <= end_of_week else DueBucket.LATER
