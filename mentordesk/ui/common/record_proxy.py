"""Filter-as-you-type and named filters over a RecordTableModel, sorted by its sort role.

Every word typed must appear in the row's search text (case and accents ignored). Each named
filter (a status, a kind, a mentor) is a value and a test on the record; setting the same
value again changes nothing, so choosing the shown choice does not refilter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mentordesk.domain.validation import fold
from mentordesk.ui.common.record_model import R, RecordTableModel
from mentordesk.ui.common.roles import SortRole


class RecordFilterProxy(QSortFilterProxyModel, Generic[R]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._filters: dict[str, tuple[Any, Callable[[R], bool]]] = {}
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self.change_filter(lambda: setattr(self, "_words", words))

    def set_filter(self, name: str, value: Any, test: Callable[[R], bool]) -> None:
        """Keep only records passing ``test``; ``value`` None removes the filter ``name``."""
        current = self._filters.get(name)
        if value is None:
            if current is not None:
                self.change_filter(lambda: self._filters.pop(name))
        elif current is None or current[0] != value:
            self.change_filter(lambda: self._filters.__setitem__(name, (value, test)))

    def filter_value(self, name: str) -> Any:
        current = self._filters.get(name)
        return None if current is None else current[0]

    @property
    def is_filtering(self) -> bool:
        """Whether the person narrowed the list (by words or a filter)."""
        return bool(self._words) or bool(self._filters)

    def change_filter(self, change: Callable[[], object]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, record: R) -> bool:
        """A rule that always applies (such as hiding archived cards); True by default."""
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The model sorts (see RecordTableModel.sort); the proxy keeps its order and only
        filters."""
        model = self.sourceModel()
        if isinstance(model, RecordTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        record = model.record_at(source_row)
        if not self.accepts(record):
            return False
        for _value, test in self._filters.values():
            if not test(record):
                return False
        if self._words:
            key = model.search_key_at(source_row)
            return all(word in key for word in self._words)
        return True
