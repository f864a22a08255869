"""Turns what the assessment history asks for (record, edit, remove an assessment) into
undoable commands on the skill shown, and sends refusals back to where they were typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillRecord
from mentordesk.ui.common.labels import saved_now
from mentordesk.ui.skills.commands import EditAssessment, RecordAssessment, RemoveAssessment
from mentordesk.ui.skills.history import AssessmentHistory

if TYPE_CHECKING:
    from mentordesk.services.skills import SkillService
    from mentordesk.ui.skills.view import SkillsView


class AssessmentEdits(QObject):
    def __init__(self, view: SkillsView, history: AssessmentHistory) -> None:
        super().__init__(view)
        self._view = view
        self._history = history
        history.record_requested.connect(self._record)
        history.edit_requested.connect(self._edit)
        history.remove_requested.connect(self._remove)

    def _skill(self) -> tuple[SkillRecord, SkillService] | None:
        record = self._view.selected_record()
        services = self._view.services
        if record is None or services is None:
            return None
        return record, services.skills

    def open_form(self) -> None:
        """Record an assessment of the shown skill: the form opens at its current level."""
        found = self._skill()
        if found is None:
            return
        skill = found[0]
        feedback = [
            a.fields.mentor_id
            for a in skill.assessments
            if a.fields.source is AssessmentSource.MENTOR_FEEDBACK and a.fields.mentor_id
        ]
        self._history.open_form(skill.current_level, feedback[-1] if feedback else None)

    def _record(self, fields: AssessmentFields) -> None:
        found = self._skill()
        if found is None:
            return
        record, service = found
        command = RecordAssessment(self._view.context, service, record, fields)
        if self._view.run(command, self._history.form.show_errors):
            self._history.close_form()
            if command.record is not None:
                self._history.select_assessment(command.record.id)
            self._view.status_message.emit(
                self.tr("Recorded {name} at level {level}.").format(
                    name=record.name, level=fields.level
                )
            )

    def _edit(self, assessment: AssessmentRecord, fields: AssessmentFields) -> None:
        found = self._skill()
        if found is None:
            return
        record, service = found
        self._history.show_message("")
        command = EditAssessment(self._view.context, service, record, assessment, fields)
        if self._view.run(
            command, lambda errors: self._history.show_message(" ".join(errors.values()))
        ):
            self._view.status_message.emit(saved_now())

    def _remove(self, assessment: AssessmentRecord) -> None:
        found = self._skill()
        if found is None:
            return
        record, service = found
        command = RemoveAssessment(self._view.context, service, record, assessment)
        if self._view.run(command, self._view.report_errors):
            self._view.status_message.emit(self.tr("Removed the assessment. Undo: Ctrl+Z"))
