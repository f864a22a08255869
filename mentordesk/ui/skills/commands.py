"""Undoable edits of skills and their assessments: create, edit, delete, record, remove."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillFields, SkillRecord
from mentordesk.ui.common.commands import CommandContext, MergesQuickEdits, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

_SKILL = frozenset({DataKind.SKILL})


class SkillServiceLike(Protocol):
    """What the Skills view needs from SkillService (importing it would import SQLAlchemy)."""

    def list_all(self) -> list[SkillRecord]: ...
    def get(self, skill_id: int) -> SkillRecord: ...
    def categories(self) -> list[str]: ...
    def create(self, fields: SkillFields) -> SkillRecord: ...
    def update(self, skill_id: int, fields: SkillFields) -> SkillRecord: ...
    def delete(self, skill_id: int) -> SkillRecord: ...
    def restore(self, record: SkillRecord) -> SkillRecord: ...
    def add_assessment(self, skill_id: int, fields: AssessmentFields) -> AssessmentRecord: ...
    def update_assessment(
        self, assessment_id: int, fields: AssessmentFields
    ) -> AssessmentRecord: ...
    def remove_assessment(self, assessment_id: int) -> AssessmentRecord: ...
    def restore_assessment(self, record: AssessmentRecord) -> AssessmentRecord: ...


class MentorListLike(Protocol):
    def list_all(self, *, include_archived: bool = True) -> list[MentorRecord]: ...


class SkillServices(Protocol):
    """The services the Skills view is attached to (mentordesk.services.context.Services)."""

    @property
    def skills(self) -> SkillServiceLike: ...
    @property
    def mentors(self) -> MentorListLike: ...


@dataclass(frozen=True)
class SkillContext(CommandContext):
    """Adds where to show a skill after its edit is done, undone or redone."""

    focus_skill: Callable[[int], None] = lambda _id: None


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkillCommands", text)


class CreateSkill(ServiceCommand):
    kinds = _SKILL

    def __init__(self, context: SkillContext, service: SkillServiceLike, fields: SkillFields):
        super().__init__(context, _tr("Add skill “{name}”").format(name=fields.name.strip()))
        self.skill_context = context
        self.service = service
        self.fields = fields
        self.record: SkillRecord | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.service.create(self.fields)
        else:
            self.service.restore(self.record)

    def revert(self) -> None:
        assert self.record is not None
        # What was recorded since belongs to the skill; keep it for the redo.
        self.record = self.service.delete(self.record.id)

    def after(self, undone: bool) -> None:
        if not undone and self.record is not None:
            self.skill_context.focus_skill(self.record.id)


class EditSkill(MergesQuickEdits, ServiceCommand):
    """One field changed. Quick further edits of the same field merge into one undo step."""

    kinds = _SKILL

    def __init__(
        self,
        context: SkillContext,
        service: SkillServiceLike,
        skill_id: int,
        before: SkillFields,
        after: SkillFields,
        field: str,
        noun: str,
    ) -> None:
        super().__init__(
            context, _tr("Edit {field} of “{name}”").format(field=noun, name=before.name)
        )
        self.skill_context = context
        self.service = service
        self.skill_id = skill_id
        self.before = before
        self.after_fields = after
        self.field = field
        self.made_at = time.monotonic()
        self.record_key = skill_id

    def apply(self) -> None:
        self.service.update(self.skill_id, self.after_fields)

    def revert(self) -> None:
        self.service.update(self.skill_id, self.before)

    def after(self, undone: bool) -> None:
        self.skill_context.focus_skill(self.skill_id)


class DeleteSkill(ServiceCommand):
    """Deletes the skill with its assessments and goal links; undo puts all of it back."""

    kinds = frozenset({DataKind.SKILL, DataKind.GOAL})

    def __init__(self, context: SkillContext, service: SkillServiceLike, record: SkillRecord):
        super().__init__(context, _tr("Delete skill “{name}”").format(name=record.name))
        self.skill_context = context
        self.service = service
        self.record = record

    def apply(self) -> None:
        self.record = self.service.delete(self.record.id)

    def revert(self) -> None:
        self.service.restore(self.record)

    def after(self, undone: bool) -> None:
        if undone:
            self.skill_context.focus_skill(self.record.id)


class RecordAssessment(ServiceCommand):
    kinds = _SKILL

    def __init__(
        self,
        context: SkillContext,
        service: SkillServiceLike,
        skill: SkillRecord,
        fields: AssessmentFields,
    ) -> None:
        super().__init__(context, _tr("Record an assessment of “{name}”").format(name=skill.name))
        self.skill_context = context
        self.service = service
        self.skill_id = skill.id
        self.fields = fields
        self.record: AssessmentRecord | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.service.add_assessment(self.skill_id, self.fields)
        else:
            self.service.restore_assessment(self.record)

    def revert(self) -> None:
        assert self.record is not None
        self.service.remove_assessment(self.record.id)

    def after(self, undone: bool) -> None:
        self.skill_context.focus_skill(self.skill_id)


class EditAssessment(ServiceCommand):
    kinds = _SKILL

    def __init__(
        self,
        context: SkillContext,
        service: SkillServiceLike,
        skill: SkillRecord,
        record: AssessmentRecord,
        after: AssessmentFields,
    ) -> None:
        super().__init__(context, _tr("Edit an assessment of “{name}”").format(name=skill.name))
        self.skill_context = context
        self.service = service
        self.skill_id = skill.id
        self.assessment_id = record.id
        self.before = record.fields
        self.after_fields = after

    def apply(self) -> None:
        self.service.update_assessment(self.assessment_id, self.after_fields)

    def revert(self) -> None:
        self.service.update_assessment(self.assessment_id, self.before)

    def after(self, undone: bool) -> None:
        self.skill_context.focus_skill(self.skill_id)


class RemoveAssessment(ServiceCommand):
    kinds = _SKILL

    def __init__(
        self,
        context: SkillContext,
        service: SkillServiceLike,
        skill: SkillRecord,
        record: AssessmentRecord,
    ) -> None:
        super().__init__(context, _tr("Remove an assessment of “{name}”").format(name=skill.name))
        self.skill_context = context
        self.service = service
        self.skill_id = skill.id
        self.record = record

    def apply(self) -> None:
        self.record = self.service.remove_assessment(self.record.id)

    def revert(self) -> None:
        self.service.restore_assessment(self.record)

    def after(self, undone: bool) -> None:
        self.skill_context.focus_skill(self.skill_id)
