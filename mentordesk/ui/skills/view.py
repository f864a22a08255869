"""The Skills view: every skill with its level and trend, and beside it the selected skill's
fields, growth chart and assessment history, all edited in place with undo."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTableView, QWidget

from mentordesk.domain.skill import SkillFields, SkillRecord
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.commands import CreateRecord, DeleteRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.list_card_view import ListCardView
from mentordesk.ui.skills.assessment_edits import AssessmentEdits
from mentordesk.ui.skills.commands import SKILL, SKILL_AND_GOAL
from mentordesk.ui.skills.compare_dialog import CompareSkillsDialog
from mentordesk.ui.skills.detail import SkillDetail
from mentordesk.ui.skills.filter_bar import SkillFilterBar
from mentordesk.ui.skills.model import SkillTableModel
from mentordesk.ui.skills.proxy import SkillFilterProxy
from mentordesk.ui.skills.sparkline import SparklineDelegate

if TYPE_CHECKING:
    from mentordesk.services.context import Services
    from mentordesk.services.listing import Listing
    from mentordesk.services.skills import SkillService


class SkillsView(ListCardView):
    """Lists skills, filters them as you type, and shows the selected skill's growth."""

    name = "skills"
    kinds = frozenset({DataKind.SKILL, DataKind.MENTOR})
    edit_kinds = SKILL
    column_widths: ClassVar[Mapping[int, int]] = {1: 92, 2: 100, 3: 100, 5: 70}
    card_minimum_width = 320
    model: SkillTableModel
    proxy: SkillFilterProxy
    filter_bar: SkillFilterBar
    compare_dialog: CompareSkillsDialog | None = None
    _split_once = False

    # --- configuration -------------------------------------------------------------------

    def make_texts(self) -> ListCardTexts:
        return ListCardTexts(
            new_action=self.tr("&New Skill"),
            new_tip=self.tr("Add a skill you want to grow"),
            delete_action=self.tr("&Delete Skill…"),
            find_action=self.tr("&Find Skill"),
            list_name=self.tr("Skills"),
            empty_icon="skills",
            empty_title=self.tr("No skills yet"),
            empty_body=self.tr(
                "Add the skills you are growing (speaking, a language, system design) and "
                "record where you stand now and then. The chart shows how far you have come."
            ),
            empty_button=self.tr("Add a skill (Ctrl+N)"),
            no_match_title=self.tr("No skill matches"),
            no_match_body=self.tr("Try fewer words or another category."),
            hint_title=self.tr("No skill selected"),
            hint_body=self.tr("Select a skill to see its growth and assessments, or press Ctrl+N."),
            count_one=self.tr("1 skill"),
            count_many=self.tr("{n} skills"),
            draft_title=self.tr("Unsaved new skill"),
            draft_text=self.tr(
                "The new skill has no name yet, so nothing is saved.\n\nDiscard it?"
            ),
            started_new=self.tr("New skill: type a name, then where you want to get."),
            added=self.tr("Added {name}."),
            deleted=self.tr("Deleted {name}. Undo: Ctrl+Z"),
        )

    def make_model(self) -> SkillTableModel:
        return SkillTableModel(self, today=self._today)

    def make_proxy(self) -> SkillFilterProxy:
        return SkillFilterProxy(self)

    def make_filter_bar(self) -> SkillFilterBar:
        bar = SkillFilterBar(self.proxy)
        self.category_filter = bar.category_filter
        return bar

    def make_table(self) -> QTableView:
        table = super().make_table()
        table.setItemDelegateForColumn(SkillTableModel.TREND, SparklineDelegate(table))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        title = self.model.headerData(SkillTableModel.CHANGE, Qt.Orientation.Horizontal)
        header.resizeSection(
            SkillTableModel.CHANGE, header.fontMetrics().horizontalAdvance(title) + 24
        )
        # Showing the view and focusing it puts the keyboard in the list.
        self.setFocusProxy(table)
        return table

    def make_card(self) -> QWidget:
        self.detail = SkillDetail(self.record_action, today=self._today)
        self.editor = self.detail.editor
        self.chart = self.detail.chart
        self.history = self.detail.history
        self.editor.edit_requested.connect(self.store_edit)
        self.editor.create_requested.connect(self.store_new)
        self.assessment_edits = AssessmentEdits(self, self.history)
        # In a narrow window the card scrolls sideways rather than squeezing its fields.
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        return scroll

    def extra_actions(self) -> Sequence[QAction]:
        self.record_action = QAction(icon("record"), self.tr("&Record Assessment…"), self)
        self.record_action.setShortcut(QKeySequence("Ctrl+R"))
        self.record_action.setStatusTip(self.tr("Note the level of the selected skill today"))
        self.record_action.triggered.connect(lambda: self.assessment_edits.open_form())
        self.compare_action = QAction(icon("compare"), self.tr("&Compare Skills…"), self)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.compare_action.setStatusTip(self.tr("See several skills in one chart"))
        self.compare_action.triggered.connect(self.compare_skills)
        return (self.record_action, self.compare_action)

    def record_service(self) -> SkillService:
        assert self.services is not None
        return self.services.skills

    @property
    def detail_stack(self) -> QWidget:
        return self.editor_stack

    @property
    def detail_hint(self) -> QWidget:
        return self.editor_hint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_once:
            # The list gets what its columns need; the chart gets the rest.
            self._split_once = True
            left = max(600, min(680, self.width() * 52 // 100))
            self.splitter.setSizes([left, max(1, self.width() - left)])

    # --- data ----------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.history.setEnabled(self.editable)

    def detach(self) -> None:
        super().detach()
        self.history.close_form()
        self.history.setEnabled(False)

    def reload(self, kinds: frozenset[DataKind]) -> None:
        services = self.services
        assert services is not None
        if DataKind.MENTOR in kinds:
            archived = self.tr("{name} (archived)")
            self.detail.set_mentors(
                [
                    (m.id, archived.format(name=m.name) if m.is_archived else m.name)
                    for m in self._bus.mentor_directory(services)
                ]
            )
        self.show_rows()
        categories = services.skills.categories()
        self.filter_bar.set_categories(
            categories, has_uncategorized=services.skills.has_uncategorized()
        )
        self.editor.set_categories(categories)
        if self.compare_dialog is not None:
            self.compare_dialog.set_skills(services.skills.list_all())

    def row_source(self, services: Services) -> Listing[SkillRecord]:
        return services.skills.listing

    def show_card(self, record: SkillRecord) -> None:
        self.detail.show_record(record, self._today())

    def start_card(self) -> None:
        self.detail.start_new()

    def update_extra_actions(self, record: SkillRecord | None, editable: bool) -> None:
        self.record_action.setEnabled(editable and record is not None)
        self.compare_action.setEnabled(self.model.rowCount() > 0)

    # --- the skill itself ----------------------------------------------------------------

    def select_skill(self, skill_id: int) -> None:
        self.focus_record(skill_id)

    def start_new_skill(self) -> None:
        self.start_new()

    def create_command(self, fields: SkillFields) -> ServiceCommand:
        service = self.record_service()
        text = self.tr("Add skill “{name}”").format(name=fields.name.strip())
        return CreateRecord(self.context, service, lambda: service.create(fields), text, SKILL)

    def delete_command(self, record: SkillRecord) -> ServiceCommand:
        text = self.tr("Delete skill “{name}”").format(name=record.name)
        return DeleteRecord(self.context, self.record_service(), record.id, text, SKILL_AND_GOAL)

    def delete_question(self, record: SkillRecord) -> str:
        count = len(record.assessments)
        if count == 0:
            text = self.tr("Delete the skill “{name}”?").format(name=record.name)
        elif count == 1:
            text = self.tr("Delete the skill “{name}” and its assessment?").format(name=record.name)
        else:
            text = self.tr("Delete the skill “{name}” with its {n} assessments?").format(
                name=record.name, n=count
            )
        if len(record.goal_ids) == 1:
            text += "\n\n" + self.tr("A goal names this skill; it will no longer list it.")
        elif record.goal_ids:
            text += "\n\n" + self.tr(
                "{n} goals name this skill; they will no longer list it."
            ).format(n=len(record.goal_ids))
        return text + "\n\n" + self.tr("You can undo this with Ctrl+Z.")

    def confirm_delete(self, record: SkillRecord) -> bool:
        return self.ask(self.tr("Delete skill"), self.delete_question(record))

    # --- comparing -----------------------------------------------------------------------

    def compare_skills(self) -> None:
        if self.model.rowCount() == 0:
            return
        chosen = self.selected_record()
        if self.compare_dialog is None:
            assert self.services is not None
            skills = self.services.skills.list_all()  # every skill, shown in the list or not
            self.compare_dialog = CompareSkillsDialog(skills, self._today(), self)
            self.compare_dialog.finished.connect(self._compare_closed)
        if chosen is not None:
            self.compare_dialog.check_skill(chosen.id)
        self.compare_dialog.show()
        self.compare_dialog.raise_()
        self.compare_dialog.activateWindow()

    def _compare_closed(self) -> None:
        if self.compare_dialog is not None:
            self.compare_dialog.deleteLater()
            self.compare_dialog = None
