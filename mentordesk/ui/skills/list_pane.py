"""The left side of the Skills view: the filter row, the skills table and what to show when
there is nothing to list (no skills yet, or none matching the filters)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.skills.filter_bar import SkillFilterBar
from mentordesk.ui.skills.model import SkillTableModel
from mentordesk.ui.skills.proxy import SkillFilterProxy
from mentordesk.ui.skills.sparkline import SparklineDelegate


class SkillList(QWidget):
    """Shows the proxy's rows; the view owns the model, the selection logic and the edits."""

    def __init__(
        self,
        model: SkillTableModel,
        proxy: SkillFilterProxy,
        new_action: QAction,
        delete_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._proxy = proxy
        self.filter_bar = SkillFilterBar(proxy)
        self.filter_bar.changed.connect(lambda: self.update_panes(True))

        self.table = QTableView()
        self.table.setObjectName("skillTable")
        self.table.setModel(proxy)
        self.table.setItemDelegateForColumn(SkillTableModel.TREND, SparklineDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SkillTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SkillTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in {1: 92, 2: 100, 3: 100, 5: 70}.items():
            header.resizeSection(column, width)
        change_title = model.headerData(SkillTableModel.CHANGE, Qt.Orientation.Horizontal)
        header.resizeSection(
            SkillTableModel.CHANGE, header.fontMetrics().horizontalAdvance(change_title) + 24
        )
        self.table.addAction(delete_action)
        self.filter_bar.filter_edit.escaped.connect(lambda: self.table.setFocus())

        self.loading_state = EmptyState(self.tr("Opening your notebook…"))
        self.empty_state = EmptyState(
            self.tr("No skills yet"),
            self.tr(
                "Add the skills you are growing (speaking, a language, system design) and "
                "record where you stand now and then. The chart shows how far you have come."
            ),
        )
        self.empty_state.setObjectName("skillsEmptyState")
        # A sentence, not a banner: keep the explanation to a readable width.
        self.empty_state.body_label.setMaximumWidth(520)
        empty_layout = self.empty_state.layout()
        assert empty_layout is not None
        empty_layout.setAlignment(self.empty_state.body_label, Qt.AlignmentFlag.AlignHCenter)
        self.empty_state.add_action_button(new_action, self.tr("Add a skill (Ctrl+N)"))
        self.no_match_state = EmptyState(
            self.tr("No skill matches"), self.tr("Try fewer words or another category.")
        )
        self.no_match_state.add_button(self.tr("Clear filters")).clicked.connect(
            self.filter_bar.clear
        )
        self.stack = QStackedWidget()
        for page in (self.loading_state, self.empty_state, self.no_match_state, self.table):
            self.stack.addWidget(page)

        self.count_label = QLabel()
        self.count_label.setObjectName("skillCount")
        # Its text changes on every keystroke; an ignored width keeps that from relayouting.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)

    def show_categories(self) -> None:
        """Offer the categories of the skills listed now in the category filter."""
        records = self._model.records()
        self.filter_bar.set_categories(
            self._model.categories(),
            has_uncategorized=any(not record.fields.category for record in records),
        )

    def update_panes(self, records_known: bool) -> None:
        total = self._model.rowCount()
        shown = self._proxy.rowCount()
        if not records_known:
            self.stack.setCurrentWidget(self.loading_state)
        elif total == 0:
            self.stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match_state)
        else:
            self.stack.setCurrentWidget(self.table)
        self.filter_bar.setVisible(total > 0)
        if total == 0:
            self.count_label.clear()
        elif shown == total:
            self.count_label.setText(
                self.tr("1 skill") if total == 1 else self.tr("{n} skills").format(n=total)
            )
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
            )

    def select_row(self, source_row: int) -> None:
        """Select a skill's row when the filters show it; otherwise select nothing."""
        index = self._proxy.mapFromSource(self._model.index(source_row, 0))
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
