"""Filter-as-you-type and the status, kind and mentor filters over the goal table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.validation import fold
from mentordesk.ui.common.roles import SortRole
from mentordesk.ui.goals.model import GoalTableModel


class GoalFilterProxy(QSortFilterProxyModel):
    """Every typed word must appear in the title, texts, milestones or mentor names."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._status: GoalStatus | None = None
        self._kind: GoalKind | None = None
        self._mentor_id: int | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_status(self, status: GoalStatus | None) -> None:
        if status != self._status:
            self._change_filter(lambda: setattr(self, "_status", status))

    def set_kind(self, kind: GoalKind | None) -> None:
        if kind != self._kind:
            self._change_filter(lambda: setattr(self, "_kind", kind))

    def set_mentor(self, mentor_id: int | None) -> None:
        """Only goals this mentor helps with; None for every goal."""
        if mentor_id != self._mentor_id:
            self._change_filter(lambda: setattr(self, "_mentor_id", mentor_id))

    @property
    def is_filtering(self) -> bool:
        return bool(self._words) or any(
            value is not None for value in (self._status, self._kind, self._mentor_id)
        )

    def _change_filter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, GoalTableModel)
        record = model.record_at(source_row)
        if self._status is not None and record.fields.status != self._status:
            return False
        if self._kind is not None and record.fields.kind != self._kind:
            return False
        if self._mentor_id is not None and self._mentor_id not in record.mentor_ids:
            return False
        if self._words:
            key = model.search_key_at(source_row)
            return all(word in key for word in self._words)
        return True
