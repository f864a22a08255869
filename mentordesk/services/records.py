"""Immutable records that services hand to the GUI and the command line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mentordesk.domain.agreement import AgreementFields, FieldChange
from mentordesk.domain.enums import (
    AgreementStatus,
    Channel,
    Direction,
    GoalStatus,
    HowWeMet,
    MentorStatus,
    RelationshipKind,
)
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import COLUMN_FIELDS, MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields
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


@dataclass(frozen=True)
class MentorReferences:
    """What refers to a mentor: goals they help with, assessments they gave, and their
    agreements (which deleting the mentor deletes, so they are kept whole for undo)."""

    goal_ids: frozenset[int] = frozenset()
    assessment_ids: frozenset[int] = frozenset()
    agreements: tuple[DeletedAgreement, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.goal_ids or self.assessment_ids or self.agreements)


@dataclass(frozen=True)
class MilestoneRecord:
    id: int
    title: str
    due_on: date | None
    done_on: date | None

    @property
    def is_done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True)
class GoalNoteRecord:
    id: int
    written_on: date
    text: str


@dataclass(frozen=True)
class GoalRecord:
    """A goal with its milestones (in order), notes (oldest first) and links."""

    id: int
    fields: GoalFields
    milestones: tuple[MilestoneRecord, ...]
    notes: tuple[GoalNoteRecord, ...]
    mentor_ids: frozenset[int]
    skill_ids: frozenset[int]
    created_at: datetime
    updated_at: datetime

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def progress(self) -> float | None:
        """Share of milestones done (0-1); None for a goal without milestones."""
        if not self.milestones:
            return None
        return sum(1 for m in self.milestones if m.is_done) / len(self.milestones)

    def is_overdue(self, today: date) -> bool:
        """Still active although its target date has passed."""
        target = self.fields.target_on
        return self.fields.status is GoalStatus.ACTIVE and target is not None and target < today


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    skill_id: int
    fields: AssessmentFields


@dataclass(frozen=True)
class SkillRecord:
    """A skill with every assessment, oldest first; the latest one is its current level."""

    id: int
    fields: SkillFields
    assessments: tuple[AssessmentRecord, ...]
    goal_ids: frozenset[int]
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def current_level(self) -> int | None:
        return self.assessments[-1].fields.level if self.assessments else None

    def level_on(self, day: date) -> int | None:
        """The level the latest assessment on or before ``day`` gave; None before any."""
        found = None
        for assessment in self.assessments:
            if assessment.fields.assessed_on > day:
                break
            found = assessment.fields.level
        return found

    def change_since(self, day: date) -> int | None:
        """Current level minus the level on ``day`` (None when either is unknown)."""
        before, now = self.level_on(day), self.current_level
        if now is None:
            return None
        if before is None:
            first = self.assessments[0].fields
            return now - first.level if first.assessed_on > day else None
        return now - before


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
