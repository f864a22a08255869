"""Table models over records: the header and row-count plumbing once, and one model that keeps
a list of records up to date without losing the view's selection.

A feature's model subclasses ``RecordTableModel``, names its columns and says what each cell
shows (``display``), how it sorts (``sort_key``), what the filter searches (``search_text``)
and what other roles it answers (``role_data``). Display strings and search keys are computed
once per change of a record, not on every paint.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mentordesk.domain.validation import fold
from mentordesk.ui.common.roles import ObjectRole, SortRole

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)
R_contra = TypeVar("R_contra", contravariant=True)


class RowOwner(Protocol[R_contra]):
    """What a Row asks of its model: derived values, cell texts and the search and sort
    keys (the last two only of models that sort and filter in Python)."""

    def compute(self, record: R_contra) -> Any: ...

    def display(self, row: Any, column: int) -> str: ...

    def search_text(self, row: Any) -> str: ...

    def sort_key(self, row: Any, column: int) -> Any: ...

    def columnCount(self, parent: Any = ...) -> int: ...


class TableModel(QAbstractTableModel):
    """A flat table whose column titles (and their tooltips) are fixed at construction."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        header_tips: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._header_tips = tuple(header_tips)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def row_total(self) -> int:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == DISPLAY:
            return self._headers[section]
        if role == TOOLTIP and section < len(self._header_tips):
            return self._header_tips[section] or None
        return None


_UNSET: Any = object()


class Row(Generic[R]):
    """One record as the table holds it. What it shows, sorts by and is searched by is
    worked out when first asked for and then kept until the record changes: a list of
    thousands of rows computes only what is painted, sorted or searched."""

    __slots__ = ("_extra", "_key", "_model", "_sort_keys", "_texts", "record")

    def __init__(self, record: R, model: RowOwner[R]) -> None:
        self.record = record
        self._model = model
        self._extra: Any = _UNSET
        self._texts: tuple[str, ...] | None = None
        self._key: str | None = None
        self._sort_keys: dict[int, Any] = {}

    @property
    def extra(self) -> Any:
        """What the model's compute() derived from the record (a skill's change, say)."""
        if self._extra is _UNSET:
            self._extra = self._model.compute(self.record)
        return self._extra

    @property
    def texts(self) -> tuple[str, ...]:
        """The text of every column."""
        if self._texts is None:
            model = self._model
            self._texts = tuple(model.display(self, c) for c in range(model.columnCount()))
        return self._texts

    @property
    def key(self) -> str:
        """The folded text filter-as-you-type searches."""
        if self._key is None:
            self._key = fold(self._model.search_text(self))
        return self._key

    def differs_from(self, old: Row[R]) -> bool:
        """Whether anything ``old`` had worked out (shown, sorted or searched) comes out
        differently now. A row nothing was asked of yet is taken to differ: what it would
        have shown is no longer known."""
        if old._texts is None and old._extra is _UNSET and old._key is None:
            return not old._sort_keys or any(
                self.sort_key(c) != key for c, key in old._sort_keys.items()
            )
        return (
            (old._texts is not None and self.texts != old._texts)
            or (old._extra is not _UNSET and self.extra != old._extra)
            or (old._key is not None and self.key != old._key)
            or any(self.sort_key(c) != key for c, key in old._sort_keys.items())
        )

    def sort_key(self, column: int) -> Any:
        found = self._sort_keys.get(column, _UNSET)
        if found is _UNSET:
            found = self._sort_keys[column] = self._model.sort_key(self, column)
        return found


class RecordTableModel(TableModel, Generic[R]):
    """Rows are records with an ``id``; ``set_records`` brings them up to date in place."""

    # Roles answered besides display, object and sort; painting asks for many others, and
    # those get an answer at once.
    extra_roles: frozenset[int] = frozenset()

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        header_tips: Sequence[str] = (),
    ) -> None:
        super().__init__(headers, parent, header_tips=header_tips)
        self._rows: list[Row[R]] = []
        self._row_of: dict[int, int] = {}
        # The rows are kept in the order shown: sorted here, in Python, by keys worked out
        # once per row, rather than by a proxy asking Qt for two keys per comparison.
        self._sort_column = -1
        self._descending = False
        self._roles = frozenset({DISPLAY, ObjectRole, SortRole}) | self.extra_roles

    # --- what a subclass says ------------------------------------------------------------

    def compute(self, record: R) -> Any:
        """Values derived from a record once per change, kept in ``Row.extra``."""
        return None

    def display(self, row: Row[R], column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: Row[R], column: int) -> Any:
        return fold(row.texts[column])

    def search_text(self, row: Row[R]) -> str:
        """What filter-as-you-type searches (folded for case and accents afterwards)."""
        return " \n".join(row.texts)

    def role_data(self, row: Row[R], column: int, role: int) -> Any:
        """Any role in ``extra_roles``: colours, tooltips, fonts, decorations."""
        return None

    # --- Qt's side -----------------------------------------------------------------------

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in self._roles or not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return row.texts[column]
        if role == ObjectRole:
            return row.record
        if role == SortRole:
            return row.sort_key(column)
        return self.role_data(row, column, role)

    # --- access for views and the proxy --------------------------------------------------

    def record_at(self, row: int) -> R:
        return self._rows[row].record

    def row_at(self, row: int) -> Row[R]:
        return self._rows[row]

    def search_key_at(self, row: int) -> str:
        return self._rows[row].key

    def sort_key_at(self, row: int, column: int) -> Any:
        return self._rows[row].sort_key(column)

    def row_of(self, record_id: int) -> int | None:
        return self._row_of.get(record_id)

    def records(self) -> Sequence[R]:
        return tuple(row.record for row in self._rows)

    # --- writing -------------------------------------------------------------------------

    def _make_row(self, record: R) -> Row[R]:
        return Row(record, self)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (what a click on its header asks); selections and
        other persistent indexes follow their records."""
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._reorder()

    def _reorder(self) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].record.id for index in persistent]
        self._sort_rows(self._rows)
        self._row_of = {row.record.id: index for index, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._row_of[i], index.column())
                for i, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_rows(self, rows: list[Row[R]]) -> None:
        column = self._sort_column
        if column < 0:
            return
        try:
            rows.sort(
                key=lambda row: (row.sort_key(column), row.record.id), reverse=self._descending
            )
        except TypeError:  # keys of different kinds (None beside a date): by their text
            rows.sort(
                key=lambda row: (str(row.sort_key(column)), row.record.id), reverse=self._descending
            )

    def _in_order(self) -> bool:
        if self._sort_column < 0:
            return True
        keys = [(row.sort_key(self._sort_column), row.record.id) for row in self._rows]
        try:
            pairs = itertools.pairwise(keys)
            return all((b <= a) if self._descending else (a <= b) for a, b in pairs)
        except TypeError:
            return False

    def set_records(self, records: Iterable[R]) -> None:
        """Bring the rows up to date with the minimum of signals.

        Rows whose record vanished are removed, changed rows report dataChanged, new records
        come in where the order puts them. A view's selection and scroll position survive.
        """
        records = list(records)
        incoming = {record.id: record for record in records}
        for index in range(len(self._rows) - 1, -1, -1):
            if self._rows[index].record.id not in incoming:
                self.beginRemoveRows(QModelIndex(), index, index)
                del self._rows[index]
                self.endRemoveRows()
        last_column = self.columnCount() - 1
        changed = False
        for index, old in enumerate(self._rows):
            new = incoming[old.record.id]
            if new != old.record:
                self._rows[index] = self._make_row(new)
                self.dataChanged.emit(self.index(index, 0), self.index(index, last_column))
                changed = True
        known = {row.record.id for row in self._rows}
        added = [self._make_row(record) for record in records if record.id not in known]
        self._sort_rows(added)
        if added and not self._rows:
            self.beginInsertRows(QModelIndex(), 0, len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
        elif added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self.endInsertRows()
            changed = True
        self._row_of = {row.record.id: index for index, row in enumerate(self._rows)}
        if changed and not self._in_order():
            self._reorder()

    def recompute(self) -> None:
        """Compute every row again (what it shows depends on something besides the record:
        other records' names, today's date) and report the rows that changed."""
        last_column = self.columnCount() - 1
        for index, old in enumerate(self._rows):
            new = self._make_row(old.record)
            self._rows[index] = new
            if new.differs_from(old):
                self.dataChanged.emit(self.index(index, 0), self.index(index, last_column))
