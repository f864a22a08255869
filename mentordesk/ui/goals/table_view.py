"""The goal table as the Goals view shows it: progress bars, sorted by title, one row selected."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from mentordesk.ui.common.record_table_view import RecordTableView
from mentordesk.ui.goals.model import GoalTableModel
from mentordesk.ui.goals.progress_delegate import GoalProgressDelegate


class GoalTableView(RecordTableView):
    """A read-only table over a goal proxy; the Title column takes the spare width."""

    fits_columns = False  # resizeEvent shares the width out

    def __init__(self, proxy: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(proxy, sort_column=GoalTableModel.TITLE, stretch=None, parent=parent)
        self.setObjectName("goalTable")
        self.setItemDelegateForColumn(GoalTableModel.PROGRESS, GoalProgressDelegate(self))
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column, width in _FIXED.items():
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Share the width between title, kind and mentors; the title gets the most."""
        super().resizeEvent(event)
        spare = self.viewport().width() - sum(_FIXED.values()) - _MENTORS_LEAST
        header = self.horizontalHeader()
        for column, (share, least) in _SHARED.items():
            header.resizeSection(column, max(least, int(spare * share)))
        used = sum(header.sectionSize(column) for column in (*_FIXED, *_SHARED))
        mentors = max(_MENTORS_LEAST, self.viewport().width() - used)
        header.resizeSection(GoalTableModel.MENTORS, mentors)


# Columns whose content has one width: status words, dates, the progress bar.
_FIXED = {GoalTableModel.STATUS: 76, GoalTableModel.TARGET: 104, GoalTableModel.PROGRESS: 96}
# Columns that share the rest: (share, least width); Mentors takes what is left.
_SHARED = {GoalTableModel.TITLE: (0.62, 120), GoalTableModel.KIND: (0.24, 70)}
_MENTORS_LEAST = 60
