"""The status and mentor filters (and filter-as-you-type) over the agreement table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.validation import fold
from mentordesk.ui.agreements.model import AgreementTableModel
from mentordesk.ui.common.roles import SortRole


class AgreementFilterProxy(QSortFilterProxyModel):
    """Rows of one status and one mentor (None: any); every typed word must appear."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._status: AgreementStatus | None = None
        self._mentor_id: int | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_status(self, status: AgreementStatus | None) -> None:
        if status != self._status:
            self._change_filter(lambda: setattr(self, "_status", status))

    def set_mentor(self, mentor_id: int | None) -> None:
        if mentor_id != self._mentor_id:
            self._change_filter(lambda: setattr(self, "_mentor_id", mentor_id))

    @property
    def is_filtering(self) -> bool:
        return bool(self._words) or self._status is not None or self._mentor_id is not None

    def _change_filter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AgreementTableModel)
        record = model.record_at(source_row)
        if self._status is not None and record.fields.status != self._status:
            return False
        if self._mentor_id is not None and record.mentor_id != self._mentor_id:
            return False
        if self._words:
            key = model.search_key_at(source_row)
            return all(word in key for word in self._words)
        return True
