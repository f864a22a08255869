"""Filter-as-you-type and named filters: in Python over a RecordTableModel (a few rows held
in memory), or as the query of a ListingModel (a list view's rows, in SQL).

Every word typed must appear in the row's search text (case and accents ignored). Each named
filter (a status, a kind, a mentor) is a value and a test on the record; setting the same
value again changes nothing, so choosing the shown choice does not refilter.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, Generic

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mentordesk.db.listing import ListQuery
from mentordesk.domain.validation import fold
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import R, RecordTableModel
from mentordesk.ui.common.roles import SortRole


class RecordFilterProxy(QSortFilterProxyModel, Generic[R]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._filters: dict[str, tuple[Any, Callable[[R], bool]]] = {}
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @contextlib.contextmanager
    def changes(self) -> Iterator[None]:
        yield  # each change refilters at once: the rows are in memory

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


class ListingProxy(QIdentityProxyModel):
    """The words and filters of a ListingModel's query: the same calls as
    RecordFilterProxy, but the listing's SQL filters and sorts (the proxy only passes the
    rows through)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._filters: dict[str, Any] = {}
        self._held = 0
        self._pending = False

    @property
    def listing_model(self) -> ListingModel[Any]:
        model = self.sourceModel()
        assert isinstance(model, ListingModel)
        return model

    def set_text(self, text: str) -> None:
        words = ListQuery.words_of(text)
        if words != self._words:
            self._words = words
            self._push()

    def set_filter(self, name: str, value: Any) -> None:
        """Keep only records passing filter ``name`` (its meaning is the listing's);
        ``value`` None removes it."""
        if self._filters.get(name) != value:
            if value is None:
                self._filters.pop(name, None)
            else:
                self._filters[name] = value
            self._push()

    def filter_value(self, name: str) -> Any:
        return self._filters.get(name)

    # Filters that are not the person narrowing the list (showing archived cards, say).
    quiet_filters: frozenset[str] = frozenset()

    @property
    def is_filtering(self) -> bool:
        """Whether the person narrowed the list (by words or a filter)."""
        return bool(self._words) or any(name not in self.quiet_filters for name in self._filters)

    @contextlib.contextmanager
    def changes(self) -> Iterator[None]:
        """Several changes, read as one query at the end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._pending:
                self._push()

    def _push(self) -> None:
        if self._held:
            self._pending = True
            return
        self._pending = False
        model = self.sourceModel()
        if isinstance(model, ListingModel):
            model.set_query(
                replace(
                    model.query,
                    words=self._words,
                    filters=tuple(sorted(self._filters.items(), key=lambda pair: pair[0])),
                )
            )

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        self._push()
