"""A table model that holds row ids and reads the rows it paints.

The model keeps the ids a ``Listing`` gives for the current ``ListQuery`` (words, filters,
sort) and fetches records a page at a time when the view first asks for one of them, so
the first screen, a keystroke in the filter and a click on a header cost the same at any
size (Anki's browser table works the same way). A feature's model says, as with
``RecordTableModel``, what each cell shows (``display``) and what other roles it answers
(``role_data``); sorting and filtering are the listing's SQL.

A refresh after a change keeps the view's selection: rows that left are removed, rows that
came are inserted and rows that moved are laid out again, each with Qt's own signals; a new
query (a filter, a word) resets the model, and ``reset_done`` lets the view select the card's
record again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from mentordesk.db.listing import ListQuery
from mentordesk.domain.validation import fold
from mentordesk.ui.common.record_model import DISPLAY, HasId, Index, Row, TableModel
from mentordesk.ui.common.roles import ObjectRole

R = TypeVar("R", bound=HasId)


class RowSource(Protocol[R]):
    """What the model reads from: mentordesk.services.listing.Listing, or a test's list."""

    def ids_and_total(self, query: ListQuery) -> tuple[list[int], int]: ...

    def count(self, query: ListQuery) -> int: ...

    def fetch(self, ids: Sequence[int]) -> list[R]: ...


PAGE = 64  # rows read at once: a screenful and some
KEPT = 4096  # rows kept before the least recently painted are dropped
# Above this many insert and remove runs, a refresh resets the model instead.
MAX_RUNS = 32


class ListingModel(TableModel, Generic[R]):
    """Rows are the ids a listing gives; records are read when painted."""

    # Roles answered besides display and object; painting asks for many others, and those
    # get an answer at once.
    extra_roles: frozenset[int] = frozenset()
    # Columns that show a translated label of an enum: sorted by the label's text.
    label_columns: ClassVar[Mapping[int, type[StrEnum]]] = {}
    reset_done = Signal()  # after a new query reset the rows (the selection went with it)

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        header_tips: Sequence[str] = (),
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(headers, parent, header_tips=header_tips)
        self._today = today
        self._source: RowSource[R] | None = None
        self._query = ListQuery(today=today())
        self._ids: list[int] = []
        self._position: dict[int, int] | None = None
        self._rows: OrderedDict[int, Row[R] | None] = OrderedDict()
        self._total = 0
        self._roles = frozenset({DISPLAY, ObjectRole}) | self.extra_roles
        self.rows_fetched = 0  # records read so far (tests count them)

    # --- what a subclass says ------------------------------------------------------------

    def compute(self, record: R) -> Any:
        """Values derived from a record once per read, kept in ``Row.extra``."""
        return None

    def display(self, row: Row[R], column: int) -> str:
        raise NotImplementedError

    def role_data(self, row: Row[R], column: int, role: int) -> Any:
        """Any role in ``extra_roles``: colours, tooltips, fonts, decorations."""
        return None

    def search_text(self, row: Row[R]) -> str:
        raise NotImplementedError("the listing's SQL searches")

    def sort_key(self, row: Row[R], column: int) -> Any:
        raise NotImplementedError("the listing's SQL sorts")

    def label(self, value: StrEnum) -> str:
        """The shown text of an enum value in a label column (for sorting by it)."""
        raise NotImplementedError

    # --- Qt's side -----------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._ids)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in self._roles or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == DISPLAY:
            return row.texts[column]
        if role == ObjectRole:
            return row.record
        return self.role_data(row, column, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (a click on its header): the same rows, laid out
        again; selections and other persistent indexes follow their records."""
        ranking: tuple[str, ...] = ()
        enum = self.label_columns.get(column)
        if enum is not None:
            ranking = tuple(
                value.value for value in sorted(enum, key=lambda v: fold(self.label(v)))
            )
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self._query, sort=column, descending=descending, ranking=ranking)
        if query != self._query:
            self._query = query
            self._read(reset=False)

    # --- the query -----------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """Show what ``query`` asks (its sort is the model's own)."""
        query = replace(
            query,
            sort=self._query.sort,
            descending=self._query.descending,
            ranking=self._query.ranking,
            today=self._today(),
        )
        if query != self._query:
            self._query = query
            self._read(reset=True)

    def set_source(self, source: RowSource[R] | None) -> None:
        """Read from ``source`` from now on (None: show nothing)."""
        self._source = source
        self.refresh()

    @property
    def source(self) -> RowSource[R] | None:
        return self._source

    def refresh(self, changed: Iterable[int] | None = None) -> None:
        """Read the ids again and bring the rows up to date (after a change of the data).
        ``changed``: the records known to differ; by default every record is read again."""
        self._query = replace(self._query, today=self._today())
        if changed is None:
            self._rows.clear()
        else:
            for record_id in changed:
                self._rows.pop(record_id, None)
        self._read(reset=False)
        if self._ids:
            last = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def recompute(self) -> None:
        """Work out what every row shows again (it depends on something besides the record:
        other records' names, today's date); the records themselves are kept."""
        for record_id, row in self._rows.items():
            if row is not None:
                self._rows[record_id] = Row(row.record, self)
        if self._ids:
            last = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- access for views ----------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many records there are, whatever the query shows."""
        return self._total

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> Sequence[int]:
        return self._ids

    def row_at(self, row: int) -> Row[R] | None:
        record_id = self._ids[row]
        if record_id not in self._rows:
            self._read_page(row)
        else:
            self._rows.move_to_end(record_id)
        return self._rows.get(record_id)

    def record_at(self, row: int) -> R:
        found = self.row_at(row)
        if found is None:
            raise LookupError(f"record #{self._ids[row]} is gone")
        return found.record

    def row_of(self, record_id: int) -> int | None:
        """The row showing ``record_id`` (None when the query does not show it)."""
        if self._position is None:
            self._position = {record_id: row for row, record_id in enumerate(self._ids)}
        return self._position.get(record_id)

    def record(self, record_id: int) -> R | None:
        """The stored record ``record_id``, shown or not (None once it is gone)."""
        row = self._rows.get(record_id)
        if row is not None:
            return row.record
        if self._source is None:
            return None
        found = self._source.fetch([record_id])
        self.rows_fetched += len(found)
        return found[0] if found else None

    def count(self, **filters: Any) -> int:
        """How many records the query would show with only ``filters`` (a count in SQL)."""
        if self._source is None:
            return 0
        query = ListQuery(filters=tuple(sorted(filters.items())), today=self._query.today)
        return self._source.count(query)

    def loaded_records(self) -> list[R]:
        """The records read so far (for tests and for panels that show a few)."""
        return [row.record for row in self._rows.values() if row is not None]

    # --- reading -------------------------------------------------------------------------

    def _read_page(self, row: int) -> None:
        start = row - row % PAGE
        wanted = [i for i in self._ids[start : start + PAGE] if i not in self._rows]
        found: dict[int, R] = {}
        if self._source is not None and wanted:
            found = {record.id: record for record in self._source.fetch(wanted)}
            self.rows_fetched += len(found)
        for record_id in wanted:
            record = found.get(record_id)
            # A record deleted since the ids were read shows empty until the refresh.
            self._rows[record_id] = Row(record, self) if record is not None else None
        while len(self._rows) > KEPT:
            self._rows.popitem(last=False)

    def _read(self, *, reset: bool) -> None:
        ids: list[int] = []
        total = 0
        if self._source is not None:
            ids, total = self._source.ids_and_total(self._query)
        self._total = total
        if ids == self._ids:
            return
        if reset or not self._ids or not ids:
            self.beginResetModel()
            self._set_ids(ids)
            self.endResetModel()
            self.reset_done.emit()
            return
        self._move_to(ids)

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._position = None

    def _move_to(self, ids: list[int]) -> None:
        """Go from the rows shown to ``ids`` with removes, a layout change and inserts, so
        that selection and current row stay on their records."""
        incoming = set(ids)
        removed = [row for row, record_id in enumerate(self._ids) if record_id not in incoming]
        kept = [record_id for record_id in self._ids if record_id in incoming]
        known = set(kept)
        added = [row for row, record_id in enumerate(ids) if record_id not in known]
        if _runs(removed) + _runs(added) > MAX_RUNS:
            self.beginResetModel()
            self._set_ids(ids)
            self.endResetModel()
            self.reset_done.emit()
            return
        for first, last in reversed(_ranges(removed)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        self._position = None
        in_new_order = [record_id for record_id in ids if record_id in known]
        if in_new_order != self._ids:
            self._lay_out(in_new_order)
        for first, last in _ranges(added):
            self.beginInsertRows(QModelIndex(), first, last)
            self._ids[first:first] = ids[first : last + 1]
            self.endInsertRows()
        self._set_ids(list(ids))

    def _lay_out(self, ids: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [self._ids[index.row()] for index in persistent]
        self._set_ids(ids)
        position = {record_id: row for row, record_id in enumerate(ids)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(position[record_id], index.column())
                for record_id, index in zip(held, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted row numbers as (first, last)."""
    ranges: list[tuple[int, int]] = []
    for row in rows:
        if ranges and ranges[-1][1] == row - 1:
            ranges[-1] = (ranges[-1][0], row)
        else:
            ranges.append((row, row))
    return ranges


def _runs(rows: list[int]) -> int:
    return len(_ranges(rows))
