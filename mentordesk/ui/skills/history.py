"""A skill's assessment history: a table edited in place, the "Record" form and a message line.

Cells are edited with the same choices the form offers (the named levels, the sources, the
mentors), so the table never asks for a level outside the scale. What the service still
refuses (a date in the future) shows in the message line under the table; nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import AssessmentRecord
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.roles import ObjectRole, SortRole
from mentordesk.ui.common.style import tint
from mentordesk.ui.skills.assessment_form import (
    AssessmentForm,
    mentor_combo,
    source_combo,
)
from mentordesk.ui.skills.assessment_model import AssessmentTableModel
from mentordesk.ui.skills.level_picker import LevelCombo

Index = QModelIndex | QPersistentModelIndex


class AssessmentDelegate(QStyledItemDelegate):
    """Editors per column: a date, the named levels, the sources, the mentors, free text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mentors: Sequence[tuple[int, str]] = ()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == AssessmentTableModel.DATE:
            return DateField(parent, optional=False)
        if column == AssessmentTableModel.LEVEL:
            return LevelCombo(parent=parent)
        if column == AssessmentTableModel.SOURCE:
            combo = source_combo()
            combo.setParent(parent)
            return combo
        if column == AssessmentTableModel.MENTOR:
            combo = mentor_combo(self.mentors, self.tr("No mentor"))
            combo.setParent(parent)
            return combo
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateField):
            editor.setDate(value)
            editor.selectAll()
        elif isinstance(editor, LevelCombo):
            editor.set_level(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, DateField):
            value: object = editor.date()
            if not editor.date().isValid():
                return  # not a date: the assessment keeps its day
        elif isinstance(editor, LevelCombo):
            value = editor.level()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class AssessmentHistory(QWidget):
    """Shows one skill's assessments newest first, and asks the view to store changes."""

    edit_requested = Signal(object, object)  # AssessmentRecord, AssessmentFields
    remove_requested = Signal(object)  # AssessmentRecord
    record_requested = Signal(object)  # AssessmentFields

    def __init__(
        self,
        record_action: QAction,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.model = AssessmentTableModel(self)
        self.model.edit_requested.connect(self.edit_requested)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SortRole)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Assessments"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.count_label = QLabel()
        self.record_button = QToolButton()
        self.record_button.setDefaultAction(record_action)
        self.record_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.remove_action = QAction(self.tr("Remove"), self)
        self.remove_action.setToolTip(self.tr("Remove the selected assessment (Delete)"))
        self.remove_action.setShortcut(Qt.Key.Key_Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.remove_button = QToolButton()
        self.remove_button.setDefaultAction(self.remove_action)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(title)
        bar.addWidget(self.count_label)
        bar.addStretch()
        bar.addWidget(self.record_button)
        bar.addWidget(self.remove_button)

        self.table = QTableView()
        self.table.setObjectName("assessmentTable")
        self.table.setAccessibleName(self.tr("Assessments"))
        self.table.setModel(self.proxy)
        self.delegate = AssessmentDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(AssessmentTableModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AssessmentTableModel.EVIDENCE, QHeaderView.ResizeMode.Stretch)
        for column, width in {0: 90, 1: 104, 2: 132, 3: 120}.items():
            header.resizeSection(column, width)
        self.table.addAction(self.remove_action)
        self.table.setToolTip(self.tr("Double-click a cell to change it; Ctrl+Z undoes."))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.message = QLabel()
        self.message.setObjectName("historyMessage")
        self.message.setWordWrap(True)
        tint(self.message, "danger")
        self.message.hide()

        self.form = AssessmentForm(today=today)
        self.form.submitted.connect(self.record_requested)
        self.form.cancelled.connect(self.close_form)
        self.form.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        self._update_actions()

    # --- data ----------------------------------------------------------------------------

    def set_mentors(self, mentors: Sequence[tuple[int, str]]) -> None:
        self.delegate.mentors = tuple(mentors)
        self.model.set_mentors(dict(mentors))
        self.form.set_mentors(mentors)

    def set_assessments(self, skill_id: int | None, records: Sequence[AssessmentRecord]) -> None:
        if skill_id != self.model.skill_id:
            self.close_form()
            self.show_message("")
        self.model.set_records(skill_id, records)
        count = len(records)
        self.count_label.setText(self.tr("({n})").format(n=count) if count else "")
        self._update_actions()

    def selected_record(self) -> AssessmentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        record: AssessmentRecord = rows[0].data(ObjectRole)
        return record

    def select_assessment(self, assessment_id: int) -> None:
        row = self.model.row_of(assessment_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def remove_selected(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.remove_requested.emit(record)

    def show_message(self, text: str) -> None:
        """A refusal from the service, shown under the table until the next change."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- the form ------------------------------------------------------------------------

    def open_form(self, level: int | None, mentor_id: int | None = None) -> None:
        self.show_message("")
        self.form.start(level, mentor_id)
        self.form.show()

    def close_form(self) -> None:
        self.form.hide()

    def _update_actions(self) -> None:
        self.remove_action.setEnabled(self.selected_record() is not None)
