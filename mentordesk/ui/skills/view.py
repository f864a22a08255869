"""The Skills view: every skill with its level and trend, and beside it the selected skill's
fields, growth chart and assessment history, all edited in place with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import AssessmentFields, AssessmentRecord, SkillFields, SkillRecord
from mentordesk.domain.validation import DomainError, ValidationError
from mentordesk.ui.common.commands import ServiceCommand, execute
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.draft_guard import ask_to_discard_draft, stay_on_draft
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.skills.commands import (
    CreateSkill,
    DeleteSkill,
    EditAssessment,
    EditSkill,
    RecordAssessment,
    RemoveAssessment,
    SkillContext,
    SkillServiceLike,
    SkillServices,
)
from mentordesk.ui.skills.compare_dialog import CompareSkillsDialog
from mentordesk.ui.skills.detail import SkillDetail
from mentordesk.ui.skills.list_pane import SkillList
from mentordesk.ui.skills.model import SkillTableModel
from mentordesk.ui.skills.proxy import SkillFilterProxy

_KINDS = frozenset({DataKind.SKILL, DataKind.MENTOR})


class SkillsView(QWidget):
    """Lists skills, filters them as you type, and shows the selected skill's growth."""

    status_message = Signal(str)

    def __init__(
        self,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skillsView")
        self._bus = bus
        self._undo = undo_stack
        self._today = today
        self._services: SkillServices | None = None
        self._records_known = False
        self._refreshing = False
        self._refresh_again = False
        self.compare_dialog: CompareSkillsDialog | None = None
        self._context = SkillContext(
            bus=bus, report_error=self._report_error, focus_skill=self.select_skill
        )
        self.model = SkillTableModel(self, today=today)
        self.proxy = SkillFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self._update_panes()

    # --- construction --------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(
            text: str, shortcut: QKeySequence | str | None, slot: Callable[[], None]
        ) -> QAction:
            made = QAction(text, self)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
            # Window-wide while this view is the one shown (a hidden view's shortcuts do not
            # fire, and the main window's menu holds only the shown view's actions), so the
            # keys work even while the sidebar has focus.
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.new_action = action(
            self.tr("&New Skill"), QKeySequence(QKeySequence.StandardKey.New), self.start_new_skill
        )
        self.new_action.setStatusTip(self.tr("Add a skill you want to grow"))
        self.record_action = action(
            self.tr("&Record Assessment…"), "Ctrl+R", self.record_assessment
        )
        self.record_action.setStatusTip(self.tr("Note the level of the selected skill today"))
        self.compare_action = action(
            self.tr("&Compare Skills…"), "Ctrl+Shift+C", self.compare_skills
        )
        self.compare_action.setStatusTip(self.tr("See several skills in one chart"))
        self.find_action = action(
            self.tr("&Find Skill"),
            QKeySequence(QKeySequence.StandardKey.Find),
            lambda: self.filter_bar.focus_text(),
        )
        self.delete_action = QAction(self.tr("&Delete Skill…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field deletes text, not a skill.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.actions_for_menu = (
            self.new_action,
            self.record_action,
            self.compare_action,
            self.delete_action,
        )
        for disabled in self.actions_for_menu:
            disabled.setEnabled(False)

    def _build(self) -> None:
        self.list = SkillList(self.model, self.proxy, self.new_action, self.delete_action)
        self.list.filter_bar.changed.connect(self._update_actions)
        self.list.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        # Short names for the parts tests and the screenshot script drive.
        self.filter_bar = self.list.filter_bar
        self.filter_edit = self.filter_bar.filter_edit
        self.category_filter = self.filter_bar.category_filter
        self.table = self.list.table
        self.list_stack = self.list.stack
        self.empty_state = self.list.empty_state
        self.no_match_state = self.list.no_match_state
        self.count_label = self.list.count_label

        self.detail = SkillDetail(self.record_action, today=self._today)
        self.editor = self.detail.editor
        self.chart = self.detail.chart
        self.history = self.detail.history
        self.editor.edit_requested.connect(self._store_edit)
        self.editor.create_requested.connect(self._store_new)
        self.history.record_requested.connect(self._store_assessment)
        self.history.edit_requested.connect(self._store_assessment_edit)
        self.history.remove_requested.connect(self._remove_assessment)
        self.detail_hint = EmptyState(
            self.tr("No skill selected"),
            self.tr("Select a skill to see its growth and assessments, or press Ctrl+N."),
        )
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail_hint)
        self.detail_stack.addWidget(self.detail)
        self.detail_stack.setMinimumWidth(480)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("skillsSplitter")
        self.splitter.addWidget(self.list)
        # Showing the view and focusing it puts the keyboard in the list.
        self.setFocusProxy(self.table)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setChildrenCollapsible(False)
        self._split_once = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_once:
            # The list gets what its columns need; the chart gets the rest.
            self._split_once = True
            left = max(600, min(680, self.width() * 52 // 100))
            self.splitter.setSizes([left, max(1, self.width() - left)])

    # --- data ----------------------------------------------------------------------------

    def attach(self, services: SkillServices) -> None:
        """Make the view editable over these services (``.skills`` and ``.mentors``)."""
        self._services = services
        self._records_known = True
        self.new_action.setEnabled(True)
        self.editor.setEnabled(True)
        self.history.setEnabled(True)
        self.refresh(mentors=True)

    def detach(self) -> None:
        """The database is closed (restore, recovery): keep showing, stop editing."""
        self.editor.commit_pending()
        self._services = None
        self.new_action.setEnabled(False)
        self.editor.setEnabled(False)
        self.history.close_form()
        self.history.setEnabled(False)
        self._update_actions()

    @property
    def _service(self) -> SkillServiceLike | None:
        return self._services.skills if self._services is not None else None

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        if kinds & _KINDS and self._services is not None:
            self.refresh(mentors=DataKind.MENTOR in kinds)

    def refresh(self, *, mentors: bool = False) -> None:
        """Re-read the skills (and the mentors' names). A refresh asked for during one runs
        right after it."""
        if self._services is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        try:
            if mentors:
                found = self._services.mentors.list_all(include_archived=True)
                archived = self.tr("{name} (archived)")
                self.detail.set_mentors(
                    [
                        (m.id, archived.format(name=m.name) if m.is_archived else m.name)
                        for m in found
                    ]
                )
            self._apply_records(self._services.skills.list_all())
            self.editor.set_categories(self._services.skills.categories())
        finally:
            self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            QTimer.singleShot(0, self.refresh)

    def _apply_records(self, records: list[SkillRecord]) -> None:
        self.model.set_records(records)
        self.list.show_categories()
        shown = self.detail.record
        if shown is not None:
            row = self.model.row_of(shown.id)
            if row is None:
                self._show_detail(None)
            else:
                self.detail.show_record(self.model.record_at(row), self._today())
        if self.compare_dialog is not None:
            self.compare_dialog.set_skills(records)
        self._update_panes()

    def _update_panes(self) -> None:
        self.list.update_panes(self._records_known)
        total = self.model.rowCount()
        self.detail_stack.setVisible(total > 0 or self.detail_stack.currentWidget() is self.detail)
        self._update_actions()

    def _update_actions(self) -> None:
        editable = self._services is not None
        record = self.selected_record()
        self.record_action.setEnabled(editable and record is not None)
        self.delete_action.setEnabled(editable and record is not None)
        self.compare_action.setEnabled(self.model.rowCount() > 0)

    # --- selection -----------------------------------------------------------------------

    def selected_record(self) -> SkillRecord | None:
        if self.detail_stack.currentWidget() is self.detail and not self.editor.is_new:
            return self.editor.record
        return None

    def select_skill(self, skill_id: int) -> None:
        """Show one skill, and select its row when the filters show it."""
        row = self.model.row_of(skill_id)
        if row is None:
            return
        self._show_detail(self.model.record_at(row))
        self.list.select_row(row)
        self._update_panes()

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        record = self.model.record_at(self.proxy.mapToSource(current).row())
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            stay_on_draft(self.table)
            return
        self._show_detail(record)

    def _discard_draft(self) -> bool:
        return ask_to_discard_draft(
            self,
            self.tr("Unsaved new skill"),
            self.tr("The new skill has no name yet, so nothing is saved.\n\nDiscard it?"),
        )

    def _show_detail(self, record: SkillRecord | None) -> None:
        if record is None:
            self.editor.commit_pending()
            self.detail_stack.setCurrentWidget(self.detail_hint)
        else:
            if self.editor.record is None or self.editor.record.id != record.id:
                self.editor.commit_pending()
            self.detail.show_record(record, self._today())
            self.detail_stack.setCurrentWidget(self.detail)
        self._update_actions()

    def clear_filters(self) -> None:
        self.list.filter_bar.clear()

    # --- edits of skills -----------------------------------------------------------------

    def start_new_skill(self) -> None:
        if self._services is None:
            return
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            self.editor.fields["name"].widget.setFocus()
            return
        self.editor.commit_pending()
        self.table.selectionModel().clearSelection()
        self.detail.start_new()
        self.detail_stack.setCurrentWidget(self.detail)
        self.detail_stack.show()
        self._update_actions()
        self.status_message.emit(self.tr("New skill: type a name, then where you want to get."))

    def _store_new(self, fields: SkillFields) -> None:
        if self._service is None:
            return
        command = CreateSkill(self._context, self._service, fields)
        if self._run(command, self.editor.show_errors):
            self.status_message.emit(self.tr("Added {name}.").format(name=fields.name))
        else:
            self.editor.keep_unsaved("name")

    def _store_edit(self, field: str, before: SkillFields, after: SkillFields) -> None:
        record = self.editor.record
        if self._service is None or record is None:
            self.editor.keep_unsaved(field)
            return
        noun = self.editor.fields[field].noun
        command = EditSkill(self._context, self._service, record.id, before, after, field, noun)
        if self._run(command, self.editor.show_errors):
            self.status_message.emit(self.tr("Saved."))
        else:
            self.editor.keep_unsaved(field)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
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
        text += "\n\n" + self.tr("You can undo this with Ctrl+Z.")
        answer = QMessageBox.question(
            self,
            self.tr("Delete skill"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(DeleteSkill(self._context, self._service, record), self._report_fields):
            # Nothing selected, so that choosing any skill, the neighbour too, shows it.
            self.table.selectionModel().clear()
            self.detail_stack.setCurrentWidget(self.detail_hint)
            self._update_actions()
            self.status_message.emit(
                self.tr("Deleted {name}. Undo: Ctrl+Z").format(name=record.name)
            )

    # --- edits of assessments ------------------------------------------------------------

    def record_assessment(self) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        self.history.open_form(record.current_level)

    def _store_assessment(self, fields: AssessmentFields) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        command = RecordAssessment(self._context, self._service, record, fields)
        if self._run(command, self.history.form.show_errors):
            self.history.close_form()
            if command.record is not None:
                self.history.select_assessment(command.record.id)
            self.status_message.emit(
                self.tr("Recorded {name} at level {level}.").format(
                    name=record.name, level=fields.level
                )
            )

    def _store_assessment_edit(
        self, assessment: AssessmentRecord, fields: AssessmentFields
    ) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        self.history.show_message("")
        command = EditAssessment(self._context, self._service, record, assessment, fields)
        if self._run(command, lambda errors: self.history.show_message(" ".join(errors.values()))):
            self.status_message.emit(self.tr("Saved."))

    def _remove_assessment(self, assessment: AssessmentRecord) -> None:
        record = self.selected_record()
        if record is None or self._service is None:
            return
        if self._run(
            RemoveAssessment(self._context, self._service, record, assessment),
            self._report_fields,
        ):
            self.status_message.emit(self.tr("Removed the assessment. Undo: Ctrl+Z"))

    # --- comparing -----------------------------------------------------------------------

    def compare_skills(self) -> None:
        if self.model.rowCount() == 0:
            return
        chosen = self.selected_record()
        if self.compare_dialog is None:
            self.compare_dialog = CompareSkillsDialog(self.model.records(), self._today(), self)
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

    # --- running commands ----------------------------------------------------------------

    def _run(self, command: ServiceCommand, show_errors: Callable[[dict[str, str]], None]) -> bool:
        try:
            execute(self._undo, command)
            return True
        except ValidationError as exc:
            show_errors(exc.field_errors)
        except DomainError as exc:
            self._report_error(str(exc))
        except OSError as exc:
            self._report_error(self.tr("Could not save: {error}").format(error=exc))
        return False

    def _report_fields(self, errors: dict[str, str]) -> None:
        self._report_error(" ".join(errors.values()))

    def _report_error(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self, self.tr("MentorDesk"), message)
