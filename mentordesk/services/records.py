"""Immutable records that services hand to the GUI and the command line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import COLUMN_FIELDS, MentorFields
from mentordesk.domain.validation import fold

_ENUM_FIELDS: dict[str, Any] = {
    "kind": RelationshipKind,
    "direction": Direction,
    "status": MentorStatus,
    "met_via": HowWeMet,
    "preferred_channel": Channel,
}


@dataclass(frozen=True)
class MentorRecord:
    """A stored mentor card as it was when read."""

    id: int
    fields: MentorFields
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def as_summary(self) -> dict[str, object]:
        """The stable, script-friendly shape used by ``mentordesk mentors list --json``."""
        f = self.fields
        return {
            "id": self.id,
            "name": f.name,
            "email": f.email,
            "organization": f.organization,
            "kind": f.kind.value,
            "direction": f.direction.value,
            "status": f.status.value,
            "archived": self.is_archived,
        }


def mentor_record(
    columns: Mapping[str, Any], expertise: Sequence[str], tags: Sequence[str]
) -> MentorRecord:
    """Build a record from a mentor row's values, whichever way the row was read.

    The one place that turns stored values into a record, for the ORM and for the quick
    start-up read alike; enum columns may arrive as members or as their stored strings.
    """
    values = {name: columns[name] for name in COLUMN_FIELDS}
    for name, enum_class in _ENUM_FIELDS.items():
        if values[name] is not None:
            values[name] = enum_class(values[name])
    return MentorRecord(
        id=int(columns["id"]),
        fields=MentorFields(**values, expertise=tuple(expertise), tags=tuple(tags)),
        archived_at=columns["archived_at"],
        created_at=columns["created_at"],
        updated_at=columns["updated_at"],
    )


def sorted_by_name(records: Iterable[MentorRecord]) -> list[MentorRecord]:
    """Alphabetical ignoring case and accents ("Élodie" beside "Elliot", not after "Zoë")."""
    return sorted(records, key=lambda r: (fold(r.name), r.id))
