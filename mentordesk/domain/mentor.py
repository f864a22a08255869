"""A mentor card: what can be typed on it, the rules it must satisfy, and the stored record."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.text import one_line
from mentordesk.domain.validation import (
    NAME_MAX,
    ValidationError,
    date_order_error,
    email_error,
    fold,
    line_error,
    lines_error,
    normalize_labels,
    tidy_line,
    url_error,
)

if TYPE_CHECKING:
    from mentordesk.domain.agreement_revision import DeletedAgreement
    from mentordesk.domain.gratitude import GratitudeRecord

SHORT_TEXT_FIELDS = (
    "title",
    "organization",
    "email",
    "phone",
    "profile_url",
    "location",
    "time_zone",
    "met_detail",
)

# The fields stored as columns of the mentor table (expertise and tags have tables of their own).
COLUMN_FIELDS = (
    "name",
    "title",
    "organization",
    "email",
    "phone",
    "profile_url",
    "location",
    "time_zone",
    "met_via",
    "met_detail",
    "kind",
    "direction",
    "status",
    "started_on",
    "ended_on",
    "preferred_channel",
    "notes",
)


def _labels_error(labels: tuple[str, ...], what: str) -> str | None:
    return next((e for e in (line_error(label, what) for label in labels) if e), None)


@dataclass(frozen=True)
class MentorFields:
    """Everything a person can type on a mentor card. Immutable: an edit makes a new one."""

    name: str
    title: str = ""
    organization: str = ""
    email: str = ""
    phone: str = ""
    profile_url: str = ""
    location: str = ""
    time_zone: str = ""
    met_via: HowWeMet | None = None
    met_detail: str = ""
    expertise: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    kind: RelationshipKind = RelationshipKind.MENTOR
    direction: Direction = Direction.THEY_MENTOR_ME
    status: MentorStatus = MentorStatus.ACTIVE
    started_on: date | None = None
    ended_on: date | None = None
    preferred_channel: Channel | None = None
    notes: str = ""

    def replace(self, **changes: object) -> MentorFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> MentorFields:
        """Trim surrounding whitespace and tidy the label lists; never changes meaning."""
        changes: dict[str, object] = {"name": " ".join(one_line(self.name).split())}
        for name in SHORT_TEXT_FIELDS:
            changes[name] = tidy_line(getattr(self, name))
        changes["expertise"] = normalize_labels(self.expertise)
        changes["tags"] = normalize_labels(self.tags)
        return self.replace(**changes)

    def errors(self) -> dict[str, str]:
        """Field name -> message for every rule this card breaks; empty when it can be stored."""
        found: dict[str, str | None] = {
            "name": line_error(self.name, "Name", NAME_MAX, required=True),
            "email": email_error(tidy_line(self.email)),
            "profile_url": url_error(tidy_line(self.profile_url)),
            "ended_on": date_order_error(self.started_on, self.ended_on),
            "notes": lines_error(self.notes, "Notes"),
            "expertise": _labels_error(self.expertise, "An area of expertise"),
            "tags": _labels_error(self.tags, "A tag"),
        }
        for name in SHORT_TEXT_FIELDS:
            if found.get(name) is None:
                found[name] = line_error(getattr(self, name), "This field")
        return {name: message for name, message in found.items() if message}

    def validated(self) -> MentorFields:
        """The normalized card, or ValidationError naming each field that is wrong."""
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields


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


@dataclass(frozen=True)
class MentorEntry:
    """What a list of names needs of a mentor (a calendar, a choice of mentors): read
    without the rest of the card."""

    id: int
    name: str
    is_archived: bool
    time_zone: str
    organization: str = ""


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


@dataclass(frozen=True)
class MentorReferences:
    """What refers to a mentor: goals they help with, assessments they gave, meetings they
    were at, and their agreements and gratitude log (which deleting the mentor deletes, so
    they are kept whole for undo)."""

    goal_ids: frozenset[int] = frozenset()
    assessment_ids: frozenset[int] = frozenset()
    agreements: tuple[DeletedAgreement, ...] = ()
    meeting_ids: frozenset[int] = frozenset()
    gratitude: tuple[GratitudeRecord, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.goal_ids
            or self.assessment_ids
            or self.agreements
            or self.meeting_ids
            or self.gratitude
        )
