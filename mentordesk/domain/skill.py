"""A skill and its dated assessments on the fixed 1-5 scale, and the rules on a skill's
history (the level on a day, the change since a day)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.levels import level_error
from mentordesk.domain.text import one_line
from mentordesk.domain.validation import (
    NAME_MAX,
    ValidationError,
    line_error,
    lines_error,
    tidy_line,
)

SKILL_COLUMN_FIELDS = ("name", "category", "description", "target_level", "target_on")


@dataclass(frozen=True)
class SkillFields:
    name: str
    category: str = ""
    description: str = ""
    target_level: int | None = None
    target_on: date | None = None

    def replace(self, **changes: object) -> SkillFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> SkillFields:
        return self.replace(
            name=" ".join(one_line(self.name).split()), category=tidy_line(self.category)
        )

    def errors(self) -> dict[str, str]:
        found: dict[str, str | None] = {
            "name": line_error(self.name, "Name", NAME_MAX, required=True),
            "category": line_error(self.category, "Category"),
            "description": lines_error(self.description, "Description"),
            "target_level": level_error(self.target_level, "The target level"),
        }
        return {name: message for name, message in found.items() if message}

    def validated(self) -> SkillFields:
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields


@dataclass(frozen=True)
class AssessmentFields:
    assessed_on: date
    level: int
    source: AssessmentSource = AssessmentSource.SELF
    mentor_id: int | None = None
    evidence: str = ""

    def replace(self, **changes: object) -> AssessmentFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def validated(self, today: date) -> AssessmentFields:
        errors: dict[str, str] = {}
        message = level_error(self.level)
        if message:
            errors["level"] = message
        if self.assessed_on > today:
            errors["assessed_on"] = "An assessment cannot be dated in the future."
        message = lines_error(self.evidence, "Evidence")
        if message:
            errors["evidence"] = message
        if errors:
            raise ValidationError(errors)
        return self.replace(evidence=self.evidence.strip())


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


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
