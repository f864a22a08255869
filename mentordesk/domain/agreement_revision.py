"""The stored form of an agreement's state (plain JSON values per field), so a revision can keep
the whole agreement after a change and any two revisions can be compared field by field."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from mentordesk.domain.agreement import (
    AGREEMENT_FIELDS,
    AgreementFields,
    AgreementRecord,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)

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


@dataclass(frozen=True)
class RevisionRecord:
    """One change to an active agreement: when, which fields (old and new values), and the
    whole agreement as it stood after the change."""

    id: int
    agreement_id: int
    revised_at: datetime
    changes: tuple[FieldChange, ...]
    state: AgreementFields

    @property
    def changed_fields(self) -> tuple[str, ...]:
        return tuple(change.name for change in self.changes)


@dataclass(frozen=True)
class DeletedAgreement:
    """Everything a delete removed, so undo can put it back whole with the same ids."""

    record: AgreementRecord
    revisions: tuple[RevisionRecord, ...]
