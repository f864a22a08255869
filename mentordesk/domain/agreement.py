"""An expectations agreement with one mentor: what both sides agreed, the rules it keeps, and
the stored record (with the rule for when its review is due).

The stored form of its state, for revisions, is in ``agreement_revision``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)
from mentordesk.domain.text import one_line
from mentordesk.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    DomainError,
    ValidationError,
    date_order_error,
    line_error,
    lines_error,
    tidy_line,
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

SHORT_TEXT_FIELDS = ("planned_length", "place_or_link", "reply_time")
LONG_TEXT_FIELDS = ("out_of_scope", "cancellation", "communication_notes", "confidentiality")

# The fields stored as columns of the agreement table (the lists have tables of their own).
AGREEMENT_COLUMN_FIELDS = (
    "title",
    "status",
    "agreed_on",
    "starts_on",
    "ends_on",
    "planned_length",
    "review_on",
    "cadence_every",
    "cadence_unit",
    "format",
    "typical_minutes",
    "place_or_link",
    "who_schedules",
    "out_of_scope",
    "reply_time",
    "cancellation",
    "preferred_channels",
    "acceptable_channels",
    "communication_notes",
    "confidentiality",
)
LIST_FIELDS = ("objectives", "commitments", "windows")
# Every field, in the order an editor and a revision comparison show them.
AGREEMENT_FIELDS = (*AGREEMENT_COLUMN_FIELDS, *LIST_FIELDS)


class AnotherAgreementActive(DomainError):
    """Activating an agreement while the mentor already has an active one."""

    def __init__(self, agreement_id: int, title: str) -> None:
        self.agreement_id = agreement_id
        self.title = title
        super().__init__(
            f"This mentor already has an active agreement (“{title}”). Conclude it first, "
            "or conclude it as part of this change."
        )


def _first(messages: Iterable[str | None]) -> str | None:
    return next((message for message in messages if message), None)


@dataclass(frozen=True)
class ObjectiveFields:
    """One objective of the relationship: free text, or linked to one of my goals."""

    text: str = ""
    goal_id: int | None = None

    def is_blank(self) -> bool:
        return not self.text.strip() and self.goal_id is None


@dataclass(frozen=True)
class CommitmentFields:
    """One line of "I will" (side ME) or "my mentor will" (side MENTOR)."""

    side: CommitmentSide
    text: str


@dataclass(frozen=True)
class AvailabilityWindow:
    """When the mentor can be reached: a weekday (0 = Monday) and hours."""

    weekday: int
    starts: time
    ends: time

    def error(self) -> str | None:
        if not 0 <= self.weekday <= 6:
            return "Choose a day of the week."
        if self.ends <= self.starts:
            day = WEEKDAYS[self.weekday]
            return (
                f"The {day} window ends ({self.ends:%H:%M}) before it starts ({self.starts:%H:%M})."
            )
        return None


@dataclass(frozen=True)
class AgreementFields:
    """Everything typed on an agreement. Immutable: an edit makes a new one."""

    title: str
    status: AgreementStatus = AgreementStatus.DRAFT
    agreed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None  # the planned end
    planned_length: str = ""  # or the planned length, in words ("6 months")
    review_on: date | None = None
    cadence_every: int | None = None
    cadence_unit: CadenceUnit = CadenceUnit.AS_NEEDED
    format: MeetingFormat = MeetingFormat.VIDEO
    typical_minutes: int | None = None
    place_or_link: str = ""
    who_schedules: WhoSchedules = WhoSchedules.ME
    out_of_scope: str = ""
    reply_time: str = ""
    cancellation: str = ""
    preferred_channels: tuple[Channel, ...] = ()
    acceptable_channels: tuple[Channel, ...] = ()
    communication_notes: str = ""
    confidentiality: str = ""
    objectives: tuple[ObjectiveFields, ...] = ()
    commitments: tuple[CommitmentFields, ...] = ()
    windows: tuple[AvailabilityWindow, ...] = ()

    def replace(self, **changes: object) -> AgreementFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def my_commitments(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.commitments if c.side is CommitmentSide.ME)

    @property
    def mentor_commitments(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.commitments if c.side is CommitmentSide.MENTOR)

    def normalized(self) -> AgreementFields:
        """Trim text, drop blank list entries and repeated channels; never changes meaning."""
        changes: dict[str, object] = {"title": " ".join(one_line(self.title).split())}
        for name in SHORT_TEXT_FIELDS:
            changes[name] = tidy_line(getattr(self, name))
        for name in LONG_TEXT_FIELDS:
            changes[name] = getattr(self, name).strip()
        changes["preferred_channels"] = tuple(dict.fromkeys(self.preferred_channels))
        changes["acceptable_channels"] = tuple(
            c for c in dict.fromkeys(self.acceptable_channels) if c not in self.preferred_channels
        )
        changes["objectives"] = tuple(
            ObjectiveFields(tidy_line(o.text), o.goal_id)
            for o in self.objectives
            if not o.is_blank()
        )
        changes["commitments"] = tuple(
            CommitmentFields(c.side, tidy_line(c.text)) for c in self.commitments if c.text.strip()
        )
        changes["windows"] = tuple(
            sorted(dict.fromkeys(self.windows), key=lambda w: (w.weekday, w.starts, w.ends))
        )
        if self.cadence_unit is CadenceUnit.AS_NEEDED:
            changes["cadence_every"] = None
        return self.replace(**changes)

    def errors(self) -> dict[str, str]:
        """Field name -> message for every rule this agreement breaks."""
        found: dict[str, str | None] = {
            "title": line_error(self.title, "Title", NAME_MAX, required=True),
            "ends_on": date_order_error(self.starts_on, self.ends_on),
        }
        if self.starts_on and self.review_on and self.review_on < self.starts_on:
            found["review_on"] = "The review date is before the start date."
        if self.cadence_unit is not CadenceUnit.AS_NEEDED:
            if self.cadence_every is None:
                found["cadence_every"] = f"Say every how many {self.cadence_unit.value}."
            elif self.cadence_every <= 0:
                found["cadence_every"] = (
                    "Meet every 1 or more days, weeks or months (or choose “as needed”)."
                )
        if self.typical_minutes is not None and self.typical_minutes <= 0:
            found["typical_minutes"] = "A meeting lasts at least one minute."
        for name in SHORT_TEXT_FIELDS:
            found[name] = line_error(getattr(self, name), "This field")
        for name in LONG_TEXT_FIELDS:
            found[name] = lines_error(getattr(self, name), "This text")
        found["windows"] = next((w.error() for w in self.windows if w.error()), None)
        found["objectives"] = _first(
            line_error(o.text, "An objective", NOTES_MAX, required=o.goal_id is None)
            for o in self.objectives
        )
        found["commitments"] = _first(
            line_error(c.text, "A commitment", NOTES_MAX, required=True) for c in self.commitments
        )
        return {name: message for name, message in found.items() if message}

    def validated(self) -> AgreementFields:
        """The normalized agreement, or ValidationError naming each field that is wrong."""
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields


@dataclass(frozen=True)
class AgreementRecord:
    """A stored agreement with its lists. The ids of the list rows run parallel to
    ``fields.objectives``, ``fields.commitments`` and ``fields.windows``, so a restore puts
    every row back under its id."""

    id: int
    mentor_id: int
    fields: AgreementFields
    objective_ids: tuple[int, ...]
    commitment_ids: tuple[int, ...]
    window_ids: tuple[int, ...]
    latest_revision_id: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def is_active(self) -> bool:
        return self.fields.status is AgreementStatus.ACTIVE

    def is_review_due(self, today: date) -> bool:
        """Still in force although its review date has passed."""
        review = self.fields.review_on
        return (
            self.fields.status is not AgreementStatus.CONCLUDED
            and review is not None
            and review < today
        )
