"""The Goals view: every goal with its progress in a filterable table, the card beside it.

Goals come first in mentoring: this is where the person writes down what they want to reach,
breaks it into milestones, notes how it goes, and says which mentors help and which skills
it builds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTableView, QWidget

from mentordesk.domain.goal import GoalFields, GoalRecord
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.commands import CreateRecord, DeleteRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.list_card_view import ListCardView
from mentordesk.ui.goals.card_edits import GoalCardEdits
from mentordesk.ui.goals.commands import GOAL, GOAL_AND_SKILL
from mentordesk.ui.goals.editor import GoalEditor
from mentordesk.ui.goals.filter_bar import GoalFilterBar
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.proxy import GoalFilterProxy
from mentordesk.ui.goals.table_view import GoalTableView

if TYPE_CHECKING:
    from mentordesk.services.context import Services
    from mentordesk.services.goals import GoalService
    from mentordesk.services.listing import Listing


class GoalsView(ListCardView):
    """Lists goals with their progress, filters them, and edits the selected goal in place."""

    name = "goals"
    kinds = frozenset({DataKind.GOAL, DataKind.MENTOR, DataKind.SKILL})
    edit_kinds = GOAL
    key_field = "title"
    card_minimum_width = 320
    initial_sizes = (760, 520)
    model: GoalTableModel
    proxy: GoalFilterProxy
    filter_bar: GoalFilterBar
    editor: GoalEditor

    _mentors: Sequence[MentorEntry] = ()
    _skills: Sequence[tuple[int, str, str]] = ()  # (id, name, category)

    def make_texts(self) -> ListCardTexts:
        return ListCardTexts(
            new_action=self.tr("&New Goal"),
            new_tip=self.tr("Write down a goal"),
            delete_action=self.tr("&Delete Goal…"),
            find_action=self.tr("&Find Goal"),
            list_name=self.tr("Goals"),
            empty_icon="goals",
            empty_title=self.tr("No goals yet"),
            empty_body=self.tr(
                "Good mentoring starts from your own goals. Write down what you want to reach, "
                "break it into milestones, and note which mentors help with it."
            ),
            empty_button=self.tr("Add a goal (Ctrl+N)"),
            no_match_title=self.tr("No goal matches"),
            no_match_body=self.tr("Try fewer words, or another status, kind or mentor."),
            hint_title=self.tr("No goal selected"),
            hint_body=self.tr("Select a goal in the list to see and edit it, or press Ctrl+N."),
            count_one=self.tr("1 goal"),
            count_many=self.tr("{n} goals"),
            draft_title=self.tr("Unsaved new goal"),
            draft_text=self.tr(
                "The new goal has no title yet, so nothing on it is saved.\n\nDiscard it?"
            ),
            started_new=self.tr("New goal: type a title, then fill in the rest."),
            added=self.tr("Added the goal “{name}”."),
            deleted=self.tr("Deleted the goal “{name}”. Undo: Ctrl+Z"),
        )

    def make_model(self) -> GoalTableModel:
        return GoalTableModel(self, today=self._today)

    def make_proxy(self) -> GoalFilterProxy:
        return GoalFilterProxy(self)

    def make_filter_bar(self) -> GoalFilterBar:
        bar = GoalFilterBar(self.proxy)
        self.status_filter = bar.status_filter
        self.kind_filter = bar.kind_filter
        self.mentor_filter = bar.mentor_filter
        return bar

    def make_table(self) -> QTableView:
        return GoalTableView(self.proxy)

    def make_card(self) -> QWidget:
        self.editor = GoalEditor(today=self._today)
        self.editor.edit_requested.connect(self.store_edit)
        self.editor.create_requested.connect(self.store_new)
        self.card_edits = GoalCardEdits(
            self.editor,
            self.context,
            lambda: None if self.services is None else self.services.goals,
            self.run,
            self,
        )
        self.card_edits.status_message.connect(self.status_message)
        return self.editor

    def record_service(self) -> GoalService:
        assert self.services is not None
        return self.services.goals

    def reload(self, kinds: frozenset[DataKind]) -> None:
        services = self.services
        assert services is not None
        if DataKind.MENTOR in kinds:
            mentors = self._bus.mentor_directory(services)
            self.model.set_mentor_names({m.id: m.name for m in mentors})
            self.filter_bar.set_mentors([m for m in mentors if not m.is_archived])
            self._mentors = mentors
        if DataKind.SKILL in kinds:
            self._skills = services.skills.choices()
        if kinds & {DataKind.MENTOR, DataKind.SKILL}:
            self.editor.links.set_choices(self._mentors, self._skills)
        if DataKind.GOAL in kinds:
            self.show_rows()

    def row_source(self, services: Services) -> Listing[GoalRecord]:
        return services.goals.listing

    # --- the goal itself -----------------------------------------------------------------

    def select_goal(self, goal_id: int) -> None:
        self.focus_record(goal_id)

    def start_new_goal(self) -> None:
        self.start_new()

    def create_command(self, fields: GoalFields) -> ServiceCommand:
        service = self.record_service()
        text = self.tr("Add goal “{title}”").format(title=fields.title.strip())
        return CreateRecord(self.context, service, lambda: service.create(fields), text, GOAL)

    def delete_command(self, record: GoalRecord) -> ServiceCommand:
        text = self.tr("Delete goal “{title}”").format(title=record.title)
        # The skills' lists of goals change too.
        kinds = GOAL_AND_SKILL if record.skill_ids else GOAL
        return DeleteRecord(self.context, self.record_service(), record.id, text, kinds)

    def delete_question(self, record: GoalRecord) -> str:
        return self.tr(
            "Delete the goal “{title}” with its {milestones} milestones and {notes} "
            "progress notes?\n\nYou can undo this with Ctrl+Z."
        ).format(title=record.title, milestones=len(record.milestones), notes=len(record.notes))

    def confirm_delete(self, record: GoalRecord) -> bool:
        return self.ask(self.tr("Delete goal"), self.delete_question(record))
