"""Undoable edits of a goal's parts: milestones, progress notes and links.

Each one calls GoalService, announces DataKind.GOAL and brings the goal back into view.
Creating, editing and deleting the goal itself use the generic commands of ui/common.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.goal import (
    GoalNoteFields,
    GoalNoteRecord,
    GoalRecord,
    MilestoneFields,
    MilestoneRecord,
)
from mentordesk.ui.common.commands import CommandContext, PartCommand

if TYPE_CHECKING:
    from mentordesk.services.goals import GoalService
from mentordesk.ui.common.data_bus import DataKind

GOAL = frozenset({DataKind.GOAL})
GOAL_AND_SKILL = frozenset({DataKind.GOAL, DataKind.SKILL})


def _tr(text: str) -> str:
    return QCoreApplication.translate("GoalCommands", text)


class GoalCommand(PartCommand):
    """Changes a part of one goal; the goal is shown again afterwards."""

    service: GoalService

    def __init__(
        self, context: CommandContext, service: GoalService, goal_id: int, text: str
    ) -> None:
        super().__init__(context, service, goal_id, text, GOAL)

    @property
    def goal_id(self) -> int:
        return self.parent_id


class SetGoalLinks(GoalCommand):
    """Which mentors help with a goal, and which skills it builds."""

    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        record: GoalRecord,
        mentor_ids: frozenset[int],
        skill_ids: frozenset[int],
    ) -> None:
        if mentor_ids != record.mentor_ids:
            text = _tr("Change the mentors of “{title}”")
        else:
            text = _tr("Change the skills of “{title}”")
        super().__init__(context, service, record.id, text.format(title=record.title))
        self.before = (record.mentor_ids, record.skill_ids)
        self.after_links = (mentor_ids, skill_ids)
        if skill_ids != record.skill_ids:
            self.kinds = GOAL_AND_SKILL  # a skill's list of goals changes too

    def apply(self) -> None:
        mentors, skills = self.after_links
        self.service.set_links(self.goal_id, mentor_ids=mentors, skill_ids=skills)

    def revert(self) -> None:
        mentors, skills = self.before
        self.service.set_links(self.goal_id, mentor_ids=mentors, skill_ids=skills)


class AddMilestone(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        fields: MilestoneFields,
    ) -> None:
        text = _tr("Add milestone “{title}”").format(title=fields.title.strip())
        super().__init__(context, service, goal_id, text)
        self.fields = fields
        self.milestone: MilestoneRecord | None = None
        self.index = 0

    def apply(self) -> None:
        if self.milestone is None:
            goal = self.service.add_milestone(self.goal_id, self.fields)  # appended last
            self.index = len(goal.milestones) - 1
            self.milestone = goal.milestones[-1]
        else:
            self.service.restore_milestone(self.goal_id, self.milestone, self.index)

    def revert(self) -> None:
        assert self.milestone is not None
        self.service.remove_milestone(self.goal_id, self.milestone.id)


class EditMilestone(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        milestone: MilestoneRecord,
        after: MilestoneFields,
    ) -> None:
        before = MilestoneFields(milestone.title, milestone.due_on, milestone.done_on)
        if before.done_on is None and after.done_on is not None:
            text = _tr("Tick milestone “{title}” done")
        elif before.done_on is not None and after.done_on is None:
            text = _tr("Untick milestone “{title}”")
        else:
            text = _tr("Edit milestone “{title}”")
        super().__init__(context, service, goal_id, text.format(title=milestone.title))
        self.milestone_id = milestone.id
        self.before = before
        self.after_fields = after

    def apply(self) -> None:
        self.service.update_milestone(self.goal_id, self.milestone_id, self.after_fields)

    def revert(self) -> None:
        self.service.update_milestone(self.goal_id, self.milestone_id, self.before)


class RemoveMilestone(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        milestone: MilestoneRecord,
        index: int,
    ) -> None:
        text = _tr("Remove milestone “{title}”").format(title=milestone.title)
        super().__init__(context, service, goal_id, text)
        self.milestone = milestone
        self.index = index

    def apply(self) -> None:
        self.service.remove_milestone(self.goal_id, self.milestone.id)

    def revert(self) -> None:
        self.service.restore_milestone(self.goal_id, self.milestone, self.index)


class MoveMilestone(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        milestone: MilestoneRecord,
        old_index: int,
        new_index: int,
    ) -> None:
        text = _tr("Move milestone “{title}”").format(title=milestone.title)
        super().__init__(context, service, goal_id, text)
        self.milestone_id = milestone.id
        self.old_index = old_index
        self.new_index = new_index

    def apply(self) -> None:
        self.service.move_milestone(self.goal_id, self.milestone_id, self.new_index)

    def revert(self) -> None:
        self.service.move_milestone(self.goal_id, self.milestone_id, self.old_index)


class AddGoalNote(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        fields: GoalNoteFields,
    ) -> None:
        super().__init__(context, service, goal_id, _tr("Add a progress note"))
        self.fields = fields
        self.note: GoalNoteRecord | None = None

    def apply(self) -> None:
        if self.note is None:
            goal = self.service.add_note(self.goal_id, self.fields)
            # Ids only grow, so the newest id is the note just added.
            self.note = max(goal.notes, key=lambda note: note.id)
        else:
            self.service.restore_note(self.goal_id, self.note)

    def revert(self) -> None:
        assert self.note is not None
        self.service.remove_note(self.goal_id, self.note.id)


class RemoveGoalNote(GoalCommand):
    def __init__(
        self,
        context: CommandContext,
        service: GoalService,
        goal_id: int,
        note: GoalNoteRecord,
    ) -> None:
        super().__init__(context, service, goal_id, _tr("Remove a progress note"))
        self.note = note

    def apply(self) -> None:
        self.service.remove_note(self.goal_id, self.note.id)

    def revert(self) -> None:
        self.service.restore_note(self.goal_id, self.note)
