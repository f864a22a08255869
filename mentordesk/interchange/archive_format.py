"""The complete archive's format: which records it holds, each field's type, and its version.

One table of ``Collection`` s (a kind of record, stored in one table) with their ``Part`` s
(the lists a record owns, stored in tables of their own) is what the export writes, what
the import checks a file against, and what ``json_schema()`` turns into the JSON Schema in
docs/archive.schema.json. docs/archive-format.md describes every field. Plain Python: no
SQLAlchemy, no Qt.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from mentordesk.domain import enums
from mentordesk.domain.validation import DomainError

FORMAT_NAME = "mentordesk-archive"
FORMAT_VERSION = 1  # raise it whenever a field is added, removed or changes meaning
MEMBER_NAME = "mentordesk-archive.json"  # the JSON file inside the zip
MAX_ARCHIVE_BYTES = 256 * 1024 * 1024  # the JSON's size, also once unzipped


class ArchiveError(DomainError):
    """The archive cannot be imported (or written); nothing was imported."""

    def __init__(self, path: Path, problem: str, *, nothing: str = "Nothing was imported.") -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem} {nothing}".strip())


class T(StrEnum):
    """A field's type in the archive (and how it is stored)."""

    INT = "integer"
    TEXT = "text"
    BOOL = "boolean"
    DATE = "date"  # "2026-03-01"
    DATETIME = "datetime"  # UTC, "2026-03-01T14:00:00Z" (fractions of a second kept)
    TIME = "time"  # "16:30:00"
    CHOICE = "choice"  # one of the field's choices
    CHOICES = "choices"  # a list of the field's choices (stored as JSON text)
    JSON = "json"  # any JSON value (stored as JSON text)
    OBJECT = "object"  # a JSON object (stored as JSON text)


@dataclass(frozen=True)
class Field:
    name: str
    type: T
    nullable: bool = False
    choices: builtins.type[Enum] | None = None
    refers: str | None = None  # the collection whose id this field holds
    empty_is_null: bool = False  # OBJECT stored as "" when absent, null in the archive

    @property
    def choice_values(self) -> tuple[str, ...]:
        return tuple(str(m.value) for m in self.choices) if self.choices else ()


class PartKind(StrEnum):
    ROWS = "rows"  # a list of objects, each with its own id
    LABELS = "labels"  # a list of strings, in order
    LINKS = "links"  # a list of ids of records of another collection


@dataclass(frozen=True)
class Part:
    """A list a record owns, stored in ``table`` with ``parent`` naming the record."""

    name: str
    table: str
    parent: str
    kind: PartKind
    fields: tuple[Field, ...] = ()
    ordered: bool = False  # a ``position`` column keeps the order of the list
    column: str = ""  # LABELS: the text column; LINKS: the id column
    refers: str | None = None  # LINKS: the collection the ids belong to


@dataclass(frozen=True)
class Collection:
    name: str
    table: str
    fields: tuple[Field, ...]
    parts: tuple[Part, ...] = ()
    key: str = "id"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _id() -> Field:
    return Field("id", T.INT)


def _text(name: str) -> Field:
    return Field(name, T.TEXT)


def _date(name: str, nullable: bool = True) -> Field:
    return Field(name, T.DATE, nullable=nullable)


def _choice(name: str, choices: type[Enum], nullable: bool = False) -> Field:
    return Field(name, T.CHOICE, nullable=nullable, choices=choices)


def _ref(name: str, collection: str, nullable: bool = True) -> Field:
    return Field(name, T.INT, nullable=nullable, refers=collection)


_STAMPS = (Field("created_at", T.DATETIME), Field("updated_at", T.DATETIME))

MENTORS = Collection(
    "mentors",
    "mentor",
    (
        _id(),
        _text("name"),
        _text("title"),
        _text("organization"),
        _text("email"),
        _text("phone"),
        _text("profile_url"),
        _text("location"),
        _text("time_zone"),
        _choice("met_via", enums.HowWeMet, nullable=True),
        _text("met_detail"),
        _choice("kind", enums.RelationshipKind),
        _choice("direction", enums.Direction),
        _choice("status", enums.MentorStatus),
        _date("started_on"),
        _date("ended_on"),
        _choice("preferred_channel", enums.Channel, nullable=True),
        _text("notes"),
        Field("archived_at", T.DATETIME, nullable=True),
        *_STAMPS,
    ),
    (
        Part(
            "expertise",
            "mentor_expertise",
            "mentor_id",
            PartKind.LABELS,
            ordered=True,
            column="label",
        ),
        Part("tags", "mentor_tag", "mentor_id", PartKind.LABELS, ordered=True, column="label"),
    ),
)

SKILLS = Collection(
    "skills",
    "skill",
    (
        _id(),
        _text("name"),
        _text("category"),
        _text("description"),
        Field("target_level", T.INT, nullable=True),
        _date("target_on"),
        *_STAMPS,
    ),
    (
        Part(
            "assessments",
            "assessment",
            "skill_id",
            PartKind.ROWS,
            (
                _id(),
                _date("assessed_on", nullable=False),
                Field("level", T.INT),
                _choice("source", enums.AssessmentSource),
                _ref("mentor_id", "mentors"),
                _text("evidence"),
            ),
        ),
    ),
)

GOALS = Collection(
    "goals",
    "goal",
    (
        _id(),
        _text("title"),
        _choice("kind", enums.GoalKind),
        _text("description"),
        _text("why_it_matters"),
        _date("started_on"),
        _date("target_on"),
        _choice("status", enums.GoalStatus),
        _date("status_changed_on"),
        *_STAMPS,
    ),
    (
        Part(
            "milestones",
            "milestone",
            "goal_id",
            PartKind.ROWS,
            (_id(), _text("title"), _date("due_on"), _date("done_on")),
            ordered=True,
        ),
        Part(
            "notes",
            "goal_note",
            "goal_id",
            PartKind.ROWS,
            (_id(), _date("written_on", nullable=False), _text("text")),
        ),
        Part(
            "mentor_ids",
            "goal_mentor",
            "goal_id",
            PartKind.LINKS,
            column="mentor_id",
            refers="mentors",
        ),
        Part(
            "skill_ids", "goal_skill", "goal_id", PartKind.LINKS, column="skill_id", refers="skills"
        ),
    ),
)

AGREEMENTS = Collection(
    "agreements",
    "agreement",
    (
        _id(),
        _ref("mentor_id", "mentors", nullable=False),
        _text("title"),
        _choice("status", enums.AgreementStatus),
        _date("agreed_on"),
        _date("starts_on"),
        _date("ends_on"),
        _text("planned_length"),
        _date("review_on"),
        Field("cadence_every", T.INT, nullable=True),
        _choice("cadence_unit", enums.CadenceUnit),
        _choice("format", enums.MeetingFormat),
        Field("typical_minutes", T.INT, nullable=True),
        _text("place_or_link"),
        _choice("who_schedules", enums.WhoSchedules),
        _text("out_of_scope"),
        _text("reply_time"),
        _text("cancellation"),
        Field("preferred_channels", T.CHOICES, choices=enums.Channel),
        Field("acceptable_channels", T.CHOICES, choices=enums.Channel),
        _text("communication_notes"),
        _text("confidentiality"),
        *_STAMPS,
    ),
    (
        Part(
            "objectives",
            "agreement_objective",
            "agreement_id",
            PartKind.ROWS,
            (_id(), _text("text"), _ref("goal_id", "goals")),
            ordered=True,
        ),
        Part(
            "commitments",
            "agreement_commitment",
            "agreement_id",
            PartKind.ROWS,
            (_id(), _choice("side", enums.CommitmentSide), _text("text")),
            ordered=True,
        ),
        Part(
            "windows",
            "availability_window",
            "agreement_id",
            PartKind.ROWS,
            (_id(), Field("weekday", T.INT), Field("starts", T.TIME), Field("ends", T.TIME)),
            ordered=True,
        ),
        Part(
            "revisions",
            "agreement_revision",
            "agreement_id",
            PartKind.ROWS,
            (
                _id(),
                Field("revised_at", T.DATETIME),
                Field("changes", T.OBJECT),
                Field("state", T.OBJECT),
            ),
        ),
    ),
)

MEETINGS = Collection(
    "meetings",
    "meeting",
    (
        _id(),
        _text("uid"),
        _text("recurrence_id"),
        Field("imported_event", T.OBJECT, nullable=True, empty_is_null=True),
        Field("sequence", T.INT),
        _text("title"),
        Field("starts_at", T.DATETIME),
        Field("minutes", T.INT),
        _text("time_zone"),
        _choice("format", enums.MeetingFormat),
        _text("place_or_link"),
        _choice("status", enums.MeetingStatus),
        _text("notes"),
        _text("takeaway"),
        *_STAMPS,
    ),
    (
        Part(
            "mentor_ids",
            "meeting_mentor",
            "meeting_id",
            PartKind.LINKS,
            column="mentor_id",
            refers="mentors",
        ),
        Part(
            "agenda",
            "agenda_item",
            "meeting_id",
            PartKind.ROWS,
            (_id(), _text("text"), Field("done", T.BOOL), _text("origin")),
            ordered=True,
        ),
        Part(
            "advice",
            "meeting_advice",
            "meeting_id",
            PartKind.ROWS,
            (_id(), _text("text")),
            ordered=True,
        ),
    ),
)

ACTION_ITEMS = Collection(
    "action_items",
    "action_item",
    (
        _id(),
        _text("text"),
        _choice("owner", enums.ActionOwner),
        _date("due_on"),
        _choice("status", enums.ActionStatus),
        _date("done_on"),
        _date("reported_on"),
        _ref("meeting_id", "meetings"),
        _ref("goal_id", "goals"),
        _ref("skill_id", "skills"),
        *_STAMPS,
    ),
)

GRATITUDE = Collection(
    "gratitude",
    "gratitude_entry",
    (
        _id(),
        _ref("mentor_id", "mentors", nullable=False),
        _date("given_on", nullable=False),
        _choice("kind", enums.GratitudeKind),
        _text("text"),
        *_STAMPS,
    ),
)

SETTINGS = Collection(
    "settings",
    "setting",
    (_text("key"), Field("value", T.JSON), Field("updated_at", T.DATETIME)),
    key="key",
)

# In the order they are stored: every record refers only to records of collections above it.
COLLECTIONS: tuple[Collection, ...] = (
    MENTORS,
    SKILLS,
    GOALS,
    AGREEMENTS,
    MEETINGS,
    ACTION_ITEMS,
    GRATITUDE,
    SETTINGS,
)
HEADER = ("format", "format_version", "app_version", "exported_at")


# --- the JSON Schema -----------------------------------------------------------------------

_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"
_TIME_PATTERN = r"^\d{2}:\d{2}:\d{2}(\.\d{1,6})?$"


def _field_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any]
    if field.type is T.INT:
        schema = {"type": "integer"}
    elif field.type is T.TEXT:
        schema = {"type": "string"}
    elif field.type is T.BOOL:
        schema = {"type": "boolean"}
    elif field.type is T.DATE:
        schema = {"type": "string", "pattern": _DATE_PATTERN}
    elif field.type is T.DATETIME:
        schema = {"type": "string", "pattern": _DATETIME_PATTERN}
    elif field.type is T.TIME:
        schema = {"type": "string", "pattern": _TIME_PATTERN}
    elif field.type is T.CHOICE:
        schema = {"enum": list(field.choice_values)}
    elif field.type is T.CHOICES:
        schema = {"type": "array", "items": {"enum": list(field.choice_values)}}
    elif field.type is T.OBJECT:
        schema = {"type": "object"}
    else:
        schema = {}
    if field.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema


def _object_schema(fields: tuple[Field, ...], parts: tuple[Part, ...]) -> dict[str, Any]:
    properties: dict[str, Any] = {f.name: _field_schema(f) for f in fields}
    for part in parts:
        if part.kind is PartKind.LABELS:
            items: dict[str, Any] = {"type": "string"}
        elif part.kind is PartKind.LINKS:
            items = {"type": "integer"}
        else:
            items = _object_schema(part.fields, ())
        properties[part.name] = {"type": "array", "items": items}
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an archive of this format version."""
    properties: dict[str, Any] = {
        "format": {"const": FORMAT_NAME},
        "format_version": {"const": FORMAT_VERSION},
        "app_version": {"type": "string"},
        "exported_at": {"type": "string", "pattern": _DATETIME_PATTERN},
    }
    for collection in COLLECTIONS:
        properties[collection.name] = {
            "type": "array",
            "items": _object_schema(collection.fields, collection.parts),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://mentordesk.invalid/archive.schema.json",
        "title": f"MentorDesk archive, format version {FORMAT_VERSION}",
        "description": "Every record of a MentorDesk data folder; see docs/archive-format.md.",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
