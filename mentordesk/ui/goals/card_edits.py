"""Turns what the goal card's panels ask for (milestones, notes, links) into undoable
commands on the goal shown, and sends refusals back to the panel that asked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from mentordesk.domain.goal import GoalNoteFields, GoalNoteRecord, MilestoneFields, MilestoneRecord
from mentordesk.ui.common.commands import CommandContext, ServiceCommand
from mentordesk.ui.goals.commands import (
    AddGoalNote,
    AddMilestone,
    EditMilestone,
    MoveMilestone,
    RemoveGoalNote,
    RemoveMilestone,
    SetGoalLinks,
)
from mentordesk.ui.goals.editor import GoalEditor

if TYPE_CHECKING:
    from mentordesk.services.goals import GoalService

ShowErrors = Callable[[dict[str, str]], None]
Run = Callable[[ServiceCommand, ShowErrors], bool]


class GoalCardEdits(QObject):
    """Connects the panels of a GoalEditor to commands run by the view's ``run``."""

    status_message = Signal(str)

    def __init__(
        self,
        editor: GoalEditor,
        context: CommandContext,
        service: Callable[[], GoalService | None],
        run: Run,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._context = context
        self._service = service
        self._run = run
        editor.milestones.add_requested.connect(self._add_milestone)
        editor.milestones.change_requested.connect(self._change_milestone)
        editor.milestones.remove_requested.connect(self._remove_milestone)
        editor.milestones.move_requested.connect(self._move_milestone)
        editor.notes.add_requested.connect(self._add_note)
        editor.notes.remove_requested.connect(self._remove_note)
        editor.links.links_requested.connect(self._set_links)

    def _goal_command(self, make: Callable[[GoalService, int], ServiceCommand]) -> bool:
        service, record = self._service(), self._editor.record
        if service is None or record is None:
            return False
        return self._run(make(service, record.id), self._show_errors)

    def _add_milestone(self, fields: MilestoneFields) -> None:
        if self._goal_command(lambda s, g: AddMilestone(self._context, s, g, fields)):
            self._editor.milestones.added()

    def _change_milestone(self, milestone: MilestoneRecord, fields: MilestoneFields) -> None:
        self._goal_command(lambda s, g: EditMilestone(self._context, s, g, milestone, fields))

    def _remove_milestone(self, milestone: MilestoneRecord, index: int) -> None:
        if self._goal_command(lambda s, g: RemoveMilestone(self._context, s, g, milestone, index)):
            self.status_message.emit(self.tr("Removed the milestone. Undo: Ctrl+Z"))

    def _move_milestone(self, milestone: MilestoneRecord, old: int, new: int) -> None:
        self._goal_command(lambda s, g: MoveMilestone(self._context, s, g, milestone, old, new))
        self._editor.milestones.select_milestone(milestone.id)

    def _add_note(self, fields: GoalNoteFields) -> None:
        if self._goal_command(lambda s, g: AddGoalNote(self._context, s, g, fields)):
            self._editor.notes.added()

    def _remove_note(self, note: GoalNoteRecord) -> None:
        if self._goal_command(lambda s, g: RemoveGoalNote(self._context, s, g, note)):
            self.status_message.emit(self.tr("Removed the note. Undo: Ctrl+Z"))

    def _set_links(self, mentor_ids: frozenset[int], skill_ids: frozenset[int]) -> None:
        service, record = self._service(), self._editor.record
        if service is None or record is None:
            return
        command = SetGoalLinks(self._context, service, record, mentor_ids, skill_ids)
        self._run(command, self._show_errors)

    def _show_errors(self, errors: dict[str, str]) -> None:
        message = " ".join(errors.values())
        if "text" in errors:
            self._editor.notes.show_error(message)
        elif "mentors" in errors or "skills" in errors:
            self._editor.links.show_error(message)
        else:
            self._editor.milestones.show_error(message)
