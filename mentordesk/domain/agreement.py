"""An expectations agreement with one mentor: what both sides agreed, and the rules it keeps.

Also the stored form of an agreement's state (plain JSON values), so a revision can keep the
whole state after a change and any two revisions can be compared field by field.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)
from mentordesk.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    SHORT_TEXT_MAX,
    DomainError,
    ValidationError,
    date_order_error,
    length_error,
    required_text_error,
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
        changes: dict[str, object] = {"title": " ".join(self.title.split())}
        for name in (*SHORT_TEXT_FIELDS, *LONG_TEXT_FIELDS):
            changes[name] = getattr(self, name).strip()
        changes["preferred_channels"] = tuple(dict.fromkeys(self.preferred_channels))
        changes["acceptable_channels"] = tuple(
            c for c in dict.fromkeys(self.acceptable_channels) if c not in self.preferred_channels
        )
        changes["objectives"] = tuple(
            ObjectiveFields(o.text.strip(), o.goal_id) for o in self.objectives if not o.is_blank()
        )
        changes["commitments"] = tuple(
            CommitmentFields(c.side, c.text.strip()) for c in self.commitments if c.text.strip()
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
            "title": required_text_error(self.title, "Title")
            or length_error(self.title, "Title", NAME_MAX),
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
            found[name] = length_error(getattr(self, name), "This field", SHORT_TEXT_MAX)
        for name in LONG_TEXT_FIELDS:
            found[name] = length_error(getattr(self, name), "This text", NOTES_MAX)
        found["windows"] = next((w.error() for w in self.windows if w.error()), None)
        found["objectives"] = next(
            (
                length_error(o.text, "An objective", NOTES_MAX)
                for o in self.objectives
                if length_error(o.text, "An objective", NOTES_MAX)
            ),
            None,
        )
        found["commitments"] = next(
            (
                length_error(c.text, "A commitment", NOTES_MAX)
                for c in self.commitments
                if length_error(c.text, "A commitment", NOTES_MAX)
            ),
            None,
        )
        return {name: message for name, message in found.items() if message}

    def validated(self) -> AgreementFields:
        """The normalized agreement, or ValidationError naming each field that is wrong."""
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields


# --- the stored form: plain JSON values per field ----------------------------------------

_ENUMS: dict[str, Callable[[Any], Any]] = {
    "status": AgreementStatus,
    "cadence_unit": CadenceUnit,
    "format": MeetingFormat,
    "who_schedules": WhoSchedules,
}
_DATES = ("agreed_on", "starts_on", "ends_on", "review_on")


def encode_field(name: str, value: Any) -> Any:
    """One field's value as JSON (dates as ISO text, lists as lists)."""
    if name in _DATES:
        return None if value is None else value.isoformat()
    if name in ("preferred_channels", "acceptable_channels"):
        return [channel.value for channel in value]
    if name == "objectives":
        return [{"text": o.text, "goal_id": o.goal_id} for o in value]
    if name == "commitments":
        return [{"side": c.side.value, "text": c.text} for c in value]
    if name == "windows":
        return [
            {
                "weekday": w.weekday,
                "starts": w.starts.isoformat("minutes"),
                "ends": w.ends.isoformat("minutes"),
            }
            for w in value
        ]
    if name in _ENUMS:
        return value.value
    return value


def decode_field(name: str, value: Any) -> Any:
    """The inverse of ``encode_field``."""
    if name in _DATES:
        return None if value is None else date.fromisoformat(value)
    if name in ("preferred_channels", "acceptable_channels"):
        return tuple(Channel(v) for v in value)
    if name == "objectives":
        return tuple(ObjectiveFields(o["text"], o["goal_id"]) for o in value)
    if name == "commitments":
        return tuple(CommitmentFields(CommitmentSide(c["side"]), c["text"]) for c in value)
    if name == "windows":
        return tuple(
            AvailabilityWindow(
                w["weekday"], time.fromisoformat(w["starts"]), time.fromisoformat(w["ends"])
            )
            for w in value
        )
    if name in _ENUMS:
        return _ENUMS[name](value)
    return value


def fields_to_json(fields: AgreementFields) -> str:
    return json.dumps(
        {name: encode_field(name, getattr(fields, name)) for name in AGREEMENT_FIELDS},
        ensure_ascii=False,
    )


def fields_from_json(text: str) -> AgreementFields:
    data: Mapping[str, Any] = json.loads(text)
    # A field a later version added is absent from older snapshots: it keeps its default.
    return AgreementFields(
        **{name: decode_field(name, data[name]) for name in AGREEMENT_FIELDS if name in data}
    )


@dataclass(frozen=True)
class FieldChange:
    """One field that differs between two states of an agreement."""

    name: str
    old: Any
    new: Any


def field_changes(old: AgreementFields | None, new: AgreementFields) -> tuple[FieldChange, ...]:
    """Every field whose value differs, in editor order; ``old=None`` means nothing before."""
    changes = []
    for name in AGREEMENT_FIELDS:
        before = None if old is None else getattr(old, name)
        after = getattr(new, name)
        if before != after and not (old is None and after in ("", (), None)):
            changes.append(FieldChange(name, before, after))
    return tuple(changes)
