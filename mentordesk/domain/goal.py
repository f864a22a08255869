"""A goal, its milestones and progress notes: what can be typed, what must hold, and the stored
record with the rules on it (progress, overdue)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.text import one_line
from mentordesk.domain.validation import NAME_MAX, ValidationError, line_error, lines_error

GOAL_COLUMN_FIELDS = (
    "title",
    "kind",
    "description",
    "why_it_matters",
    "started_on",
    "target_on",
    "status",
    "status_changed_on",
)


@dataclass(frozen=True)
class GoalFields:
    """Everything typed on a goal card (milestones, notes and links are kept apart)."""

    title: str
    kind: GoalKind = GoalKind.ADVANCE
    description: str = ""
    why_it_matters: str = ""
    started_on: date | None = None
    target_on: date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    status_changed_on: date | None = None

    def replace(self, **changes: object) -> GoalFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> GoalFields:
        return self.replace(title=" ".join(one_line(self.title).split()))

    def errors(self) -> dict[str, str]:
        found: dict[str, str | None] = {
            "title": line_error(self.title, "Title", NAME_MAX, required=True),
            "description": lines_error(self.description, "Description"),
            "why_it_matters": lines_error(self.why_it_matters, "This text"),
        }
        if self.started_on and self.target_on and self.target_on < self.started_on:
            found["target_on"] = "The target date is before the start date."
        return {name: message for name, message in found.items() if message}

    def validated(self) -> GoalFields:
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields


@dataclass(frozen=True)
class MilestoneFields:
    title: str
    due_on: date | None = None
    done_on: date | None = None

    def validated(self, today: date) -> MilestoneFields:
        title = " ".join(one_line(self.title).split())
        errors: dict[str, str] = {}
        message = line_error(title, "Title", NAME_MAX, required=True)
        if message:
            errors["title"] = message
        if self.done_on is not None and self.done_on > today:
            errors["done_on"] = "A milestone cannot be done in the future."
        if errors:
            raise ValidationError(errors)
        return dataclasses.replace(self, title=title)


@dataclass(frozen=True)
class GoalNoteFields:
    written_on: date
    text: str

    def validated(self) -> GoalNoteFields:
        message = lines_error(self.text, "The note", required=True)
        if message:
            raise ValidationError({"text": message})
        return dataclasses.replace(self, text=self.text.strip())


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
class GoalChoice:
    """What a choice of goals shows and sorts by (an agreement's objective names one): the
    goal's title and mentors, without the milestones and notes of a whole record."""

    id: int
    title: str
    mentor_ids: frozenset[int]


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

    @property
    def is_pursued(self) -> bool:
        """Active: being worked on (an achieved, paused or dropped goal asks nothing now)."""
        return self.fields.status is GoalStatus.ACTIVE

    @property
    def needs_a_mentor(self) -> bool:
        """Active, and no mentor helps with it."""
        return self.is_pursued and not self.mentor_ids

    def is_milestone_late(self, milestone: MilestoneRecord, today: date) -> bool:
        """A milestone of a goal being pursued, not done, and due before ``today``."""
        due = milestone.due_on
        return self.is_pursued and not milestone.is_done and due is not None and due < today

    def is_overdue(self, today: date) -> bool:
        """Still active although its target date has passed."""
        target = self.fields.target_on
        return self.fields.status is GoalStatus.ACTIVE and target is not None and target < today
