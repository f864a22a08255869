"""Undoable edits of a skill's assessments: record, edit, remove. Creating, editing and
deleting the skill itself use the generic commands of ui/common."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillRecord
from mentordesk.ui.common.commands import CommandContext, PartCommand
from mentordesk.ui.common.data_bus import DataKind

SKILL = frozenset({DataKind.SKILL})
# Deleting a skill also changes the goals that listed it.
SKILL_AND_GOAL = frozenset({DataKind.SKILL, DataKind.GOAL})

if TYPE_CHECKING:
    from mentordesk.services.skills import SkillService


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkillCommands", text)


class AssessmentCommand(PartCommand):
    """Changes one of a skill's assessments; the skill is shown again afterwards."""

    service: SkillService

    def __init__(
        self, context: CommandContext, service: SkillService, skill: SkillRecord, text: str
    ) -> None:
        super().__init__(context, service, skill.id, text.format(name=skill.name), SKILL)


class RecordAssessment(AssessmentCommand):
    def __init__(
        self,
        context: CommandContext,
        service: SkillService,
        skill: SkillRecord,
        fields: AssessmentFields,
    ) -> None:
        super().__init__(context, service, skill, _tr("Record an assessment of “{name}”"))
        self.fields = fields
        self.record: AssessmentRecord | None = None

    def apply(self) -> None:
        if self.record is None:
            self.record = self.service.add_assessment(self.parent_id, self.fields)
        else:
            self.service.restore_assessment(self.record)

    def revert(self) -> None:
        assert self.record is not None
        self.service.remove_assessment(self.record.id)


class EditAssessment(AssessmentCommand):
    def __init__(
        self,
        context: CommandContext,
        service: SkillService,
        skill: SkillRecord,
        record: AssessmentRecord,
        after: AssessmentFields,
    ) -> None:
        super().__init__(context, service, skill, _tr("Edit an assessment of “{name}”"))
        self.assessment_id = record.id
        self.before = record.fields
        self.after_fields = after

    def apply(self) -> None:
        self.service.update_assessment(self.assessment_id, self.after_fields)

    def revert(self) -> None:
        self.service.update_assessment(self.assessment_id, self.before)


class RemoveAssessment(AssessmentCommand):
    def __init__(
        self,
        context: CommandContext,
        service: SkillService,
        skill: SkillRecord,
        record: AssessmentRecord,
    ) -> None:
        super().__init__(context, service, skill, _tr("Remove an assessment of “{name}”"))
        self.record = record

    def apply(self) -> None:
        self.record = self.service.remove_assessment(self.record.id)

    def revert(self) -> None:
        self.service.restore_assessment(self.record)
