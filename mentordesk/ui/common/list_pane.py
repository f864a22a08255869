"""The left side of a list-and-card view: the filter row, the table, and what to show when
there is nothing to list yet (loading, no records, none matching the filters)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QTableView, QVBoxLayout, QWidget

from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.filter_bar import FilterBar


class ListPane(QWidget):
    """Shows the table, or the state that says why there is no row to show."""

    clear_requested = Signal()  # "Clear filters" in the no-match state

    def __init__(
        self,
        filter_bar: FilterBar,
        table: QTableView,
        texts: ListCardTexts,
        new_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.filter_bar = filter_bar
        self.table = table
        self.loading_state = EmptyState(self.tr("Opening your notebook…"))
        self.empty_state = EmptyState(
            texts.empty_title, texts.empty_body, icon_name=texts.empty_icon
        )
        self.empty_state.add_action_button(new_action, texts.empty_button)
        self.no_match_state = EmptyState(
            texts.no_match_title, texts.no_match_body, icon_name="find"
        )
        self.no_match_state.add_button(self.tr("Clear filters")).clicked.connect(
            self.clear_requested
        )
        self.stack = QStackedWidget()
        for page in (self.loading_state, self.empty_state, self.no_match_state, table):
            self.stack.addWidget(page)
        self.count_label = QLabel()
        # Its text changes on every keystroke; an ignored width keeps that from relayouting.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        filter_bar.filter_edit.escaped.connect(lambda: table.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 6, 12)
        layout.addWidget(filter_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)

    def show_state(self, records_known: bool, total: int, shown: int, count: str) -> None:
        """The table, or loading / nothing yet / nothing matches; and the count below."""
        if not records_known:
            self.stack.setCurrentWidget(self.loading_state)
        elif total == 0:
            self.stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match_state)
        else:
            self.stack.setCurrentWidget(self.table)
        self.filter_bar.setVisible(total > 0)
        self.count_label.setText(count if total else "")
