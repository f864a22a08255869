"""The Goals view: every goal with its progress in a filterable table, the card beside it.

Goals come first in mentoring: this is where the person writes down what they want to reach,
breaks it into milestones, notes how it goes, and says which mentors help and which skills
it builds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.goal import GoalFields, GoalRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.skill import SkillRecord
from mentordesk.domain.validation import DomainError, ValidationError
from mentordesk.ui.common.commands import ServiceCommand, execute
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.draft_guard import ask_to_discard_draft, stay_on_draft
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.goals.card_edits import GoalCardEdits
from mentordesk.ui.goals.commands import (
    CreateGoal,
    DeleteGoal,
    EditGoal,
    GoalCommandContext,
    GoalServiceLike,
)
from mentordesk.ui.goals.editor import GoalEditor
from mentordesk.ui.goals.filter_bar import GoalFilterBar
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.proxy import GoalFilterProxy
from mentordesk.ui.goals.table_view import GoalTableView

_SHOWN_KINDS = frozenset({DataKind.GOAL, DataKind.MENTOR, DataKind.SKILL})


class _GoalService(GoalServiceLike, Protocol):
    def list_all(self) -> list[GoalRecord]: ...


class _MentorList(Protocol):
    def list_all(self, *, include_archived: bool = True) -> list[MentorRecord]: ...


class _SkillList(Protocol):
    def list_all(self) -> list[SkillRecord]: ...


class GoalViewServices(Protocol):
    """The part of Services the view uses (Services itself would import SQLAlchemy)."""

    @property
    def goals(self) -> _GoalService: ...
    @property
    def mentors(self) -> _MentorList: ...
    @property
    def skills(self) -> _SkillList: ...


class GoalsView(QWidget):
    """Lists goals with their progress, filters them, and edits the selected goal in place."""

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
        self.setObjectName("goalsView")
        self._bus = bus
        self._undo = undo_stack
        self._today = today
        self._services: GoalViewServices | None = None
        self._records_known = False
        self._refreshing = False
        self._refresh_again: frozenset[DataKind] = frozenset()
        self._mentors: Sequence[MentorRecord] = ()
        self._skills: Sequence[SkillRecord] = ()
        self._context = GoalCommandContext(
            bus=bus, report_error=self._report_error, focus_goal=self.select_goal
        )
        self.model = GoalTableModel(self, today=today)
        self.proxy = GoalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self._update_panes()

    # --- construction --------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.new_action = QAction(self.tr("&New Goal"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setStatusTip(self.tr("Write down a goal"))
        self.new_action.triggered.connect(self.start_new_goal)
        self.delete_action = QAction(self.tr("&Delete Goal…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field deletes text, not a goal.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.find_action = QAction(self.tr("&Find Goal"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(lambda: self.filter_bar.focus_text())
        # Window-wide, but only while this view is the one shown: the main window puts the
        # shown view's actions in its menu, and a hidden view's shortcuts do not fire. So
        # Ctrl+N works even while the sidebar has focus, and never means two things.
        for action in (self.new_action, self.find_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.actions_for_menu = (self.new_action, self.delete_action)
        self.new_action.setEnabled(False)

    def _build(self) -> None:
        self.filter_bar = GoalFilterBar(self.proxy)
        self.filter_bar.changed.connect(self._update_panes)
        self.filter_edit = self.filter_bar.filter_edit
        self.status_filter = self.filter_bar.status_filter
        self.kind_filter = self.filter_bar.kind_filter
        self.mentor_filter = self.filter_bar.mentor_filter

        self.table: GoalTableView = GoalTableView(self.proxy)
        self.filter_bar.filter_edit.escaped.connect(self.table.setFocus)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.addAction(self.delete_action)

        self.loading_state = EmptyState(self.tr("Opening your notebook…"))
        self.empty_state = EmptyState(
            self.tr("No goals yet"),
            self.tr(
                "Good mentoring starts from your own goals. Write down what you want to reach, "
                "break it into milestones, and note which mentors help with it."
            ),
        )
        self.empty_state.setObjectName("goalsEmptyState")
        self.empty_state.add_action_button(self.new_action, self.tr("Add a goal (Ctrl+N)"))
        self.no_match_state = EmptyState(
            self.tr("No goal matches"),
            self.tr("Try fewer words, or another status, kind or mentor."),
        )
        clear = self.no_match_state.add_button(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        self.list_stack = QStackedWidget()
        for page in (self.loading_state, self.empty_state, self.no_match_state, self.table):
            self.list_stack.addWidget(page)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.list_stack, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("goalCount")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left_layout.addWidget(self.count_label)

        self.editor = GoalEditor(today=self._today)
        self.table.activated.connect(lambda _index: self.editor.setFocus())
        self.editor.edit_requested.connect(self._store_edit)
        self.editor.create_requested.connect(self._store_new)
        self.card_edits = GoalCardEdits(
            self.editor,
            self._context,
            lambda: None if self._services is None else self._services.goals,
            self._run,
            self,
        )
        self.card_edits.status_message.connect(self.status_message)
        self.editor_hint = EmptyState(
            self.tr("No goal selected"),
            self.tr("Select a goal in the list to see and edit it, or press Ctrl+N."),
        )
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_hint)
        self.editor_stack.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("goalsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        self.editor_stack.setMinimumWidth(460)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        for action in (self.new_action, self.find_action):
            self.addAction(action)

    # --- data ----------------------------------------------------------------------------

    def attach(self, services: GoalViewServices) -> None:
        """Read and show every goal, and make the view editable."""
        self._services = services
        self.new_action.setEnabled(True)
        self.editor.setEnabled(True)
        self._records_known = True
        self._reload(_SHOWN_KINDS)

    def detach(self) -> None:
        """The database is closed (restore, recovery): keep showing, stop editing."""
        self.editor.commit_pending()
        self._services = None
        self.new_action.setEnabled(False)
        self.editor.setEnabled(False)
        self._update_actions()

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        shown = kinds & _SHOWN_KINDS
        if shown and self._services is not None:
            self.refresh(frozenset(shown))

    def refresh(self, kinds: frozenset[DataKind] = _SHOWN_KINDS) -> None:
        """Re-read what ``kinds`` names. A refresh asked for during one runs right after it."""
        if self._services is None:
            return
        if self._refreshing:
            self._refresh_again |= kinds
            return
        self._refreshing = True
        try:
            self._reload(kinds)
        finally:
            self._refreshing = False
        if self._refresh_again:
            again, self._refresh_again = self._refresh_again, frozenset()
            QTimer.singleShot(0, lambda: self.refresh(again))

    def _reload(self, kinds: frozenset[DataKind]) -> None:
        services = self._services
        assert services is not None
        if DataKind.MENTOR in kinds:
            mentors = services.mentors.list_all()
            self.model.set_mentor_names({m.id: m.name for m in mentors})
            self.filter_bar.set_mentors([m for m in mentors if not m.is_archived])
            self._mentors = mentors
        if DataKind.SKILL in kinds:
            self._skills = services.skills.list_all()
        if kinds & {DataKind.MENTOR, DataKind.SKILL}:
            self.editor.links.set_choices(self._mentors, self._skills)
        if DataKind.GOAL in kinds:
            self._apply_records(services.goals.list_all())
        else:
            self._update_panes()

    def _apply_records(self, records: list[GoalRecord]) -> None:
        self.model.set_records(records)
        record = self.editor.record
        if record is not None:
            row = self.model.row_of(record.id)
            if row is None:
                self._show_editor(None)
            else:
                self.editor.show_record(self.model.record_at(row))
        self._update_panes()

    def _update_panes(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if not self._records_known:
            self.list_stack.setCurrentWidget(self.loading_state)
        elif total == 0:
            self.list_stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.list_stack.setCurrentWidget(self.no_match_state)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.filter_bar.setVisible(total > 0)
        self.editor_stack.setVisible(total > 0 or self.editor_stack.currentWidget() is self.editor)
        if total == 0:
            self.count_label.clear()
        elif shown == total:
            self.count_label.setText(
                self.tr("1 goal") if total == 1 else self.tr("{n} goals").format(n=total)
            )
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
            )
        self._update_actions()

    def _update_actions(self) -> None:
        self.delete_action.setEnabled(
            self.selected_record() is not None and self._services is not None
        )

    # --- selection -----------------------------------------------------------------------

    def selected_record(self) -> GoalRecord | None:
        if self.editor_stack.currentWidget() is self.editor and not self.editor.is_new:
            return self.editor.record
        return None

    def select_goal(self, goal_id: int) -> None:
        """Show one goal's card, and select its row when the filters show it."""
        row = self.model.row_of(goal_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self._show_editor(self.model.record_at(row))
        selection = self.table.selectionModel()
        if index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        else:
            selection.clearSelection()
        self._update_panes()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        record = self.model.record_at(self.proxy.mapToSource(current).row())
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            stay_on_draft(self.table)
            return
        self._show_editor(record)

    def _discard_draft(self) -> bool:
        return ask_to_discard_draft(
            self,
            self.tr("Unsaved new goal"),
            self.tr("The new goal has no title yet, so nothing on it is saved.\n\nDiscard it?"),
        )

    def _show_editor(self, record: GoalRecord | None) -> None:
        if record is None:
            self.editor.commit_pending()
            self.editor_stack.setCurrentWidget(self.editor_hint)
        else:
            if self.editor.record is None or self.editor.record.id != record.id:
                self.editor.commit_pending()
            self.editor.show_record(record)
            self.editor_stack.setCurrentWidget(self.editor)
        self._update_actions()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    # --- the goal itself -----------------------------------------------------------------

    def start_new_goal(self) -> None:
        if self._services is None:
            return
        if self.editor.has_unsaved_draft() and not self._discard_draft():
            self.editor.fields["title"].widget.setFocus()
            return
        self.editor.commit_pending()
        self.table.selectionModel().clearSelection()
        self.editor.start_new()
        self.editor_stack.setCurrentWidget(self.editor)
        self.editor_stack.show()
        self._update_actions()
        self.status_message.emit(self.tr("New goal: type a title, then fill in the rest."))

    def _store_new(self, fields: GoalFields) -> None:
        if self._services is None:
            return
        command = CreateGoal(self._context, self._services.goals, fields)
        if self._run(command, self.editor.show_errors):
            self.status_message.emit(
                self.tr("Added the goal “{title}”.").format(title=fields.title)
            )

    def _store_edit(self, field: str, before: GoalFields, after: GoalFields) -> None:
        record = self.editor.record
        if self._services is None or record is None:
            self.editor.keep_unsaved(field)
            return
        noun = self.editor.fields[field].noun
        command = EditGoal(
            self._context, self._services.goals, record.id, before, after, field, noun
        )
        if self._run(command, self.editor.show_errors):
            self.status_message.emit(self.tr("Saved."))
        else:
            self.editor.keep_unsaved(field)

    def delete_selected(self) -> None:
        record = self.selected_record()
        if record is None or self._services is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete goal"),
            self.tr(
                "Delete the goal “{title}” with its {milestones} milestones and {notes} "
                "progress notes?\n\nYou can undo this with Ctrl+Z."
            ).format(
                title=record.title, milestones=len(record.milestones), notes=len(record.notes)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._run(DeleteGoal(self._context, self._services.goals, record), self._report):
            self.editor_stack.setCurrentWidget(self.editor_hint)
            self._update_panes()
            self.status_message.emit(
                self.tr("Deleted the goal “{title}”. Undo: Ctrl+Z").format(title=record.title)
            )

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

    def _report(self, errors: dict[str, str]) -> None:
        self._report_error(" ".join(errors.values()))

    def _report_error(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self, self.tr("MentorDesk"), message)
