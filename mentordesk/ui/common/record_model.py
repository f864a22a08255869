"""Table models over records: the header and row-count plumbing once, and one model that keeps
a list of records up to date without losing the view's selection.

A feature's model subclasses ``RecordTableModel``, names its columns and says what each cell
shows (``display``), how it sorts (``sort_key``), what the filter searches (``search_text``)
and what other roles it answers (``role_data``). Display strings and search keys are computed
once per change of a record, not on every paint.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

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


@dataclass
class Row(Generic[R]):
    """One record as the table holds it, with what was computed from it once."""

    record: R
    extra: Any = None  # what compute() derived (a skill's change and trend, say)
    texts: tuple[str, ...] = ()
    key: str = ""  # the folded text the filter searches
    sort_keys: tuple[Any, ...] = ()  # per column, what the proxy compares


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
            return row.sort_keys[column]
        return self.role_data(row, column, role)

    # --- access for views and the proxy --------------------------------------------------

    def record_at(self, row: int) -> R:
        return self._rows[row].record

    def row_at(self, row: int) -> Row[R]:
        return self._rows[row]

    def search_key_at(self, row: int) -> str:
        return self._rows[row].key

    def sort_key_at(self, row: int, column: int) -> Any:
        return self._rows[row].sort_keys[column]

    def row_of(self, record_id: int) -> int | None:
        return self._row_of.get(record_id)

    def records(self) -> Sequence[R]:
        return tuple(row.record for row in self._rows)

    # --- writing -------------------------------------------------------------------------

    def _make_row(self, record: R) -> Row[R]:
        row = Row(record, self.compute(record))
        columns = range(len(self._headers))
        row.texts = tuple(self.display(row, column) for column in columns)
        row.key = fold(self.search_text(row))
        # Once per change, not once per comparison: sorting a few hundred rows compares
        # thousands of times.
        row.sort_keys = tuple(self.sort_key(row, column) for column in columns)
        return row

    def set_records(self, records: Iterable[R]) -> None:
        """Bring the rows up to date with the minimum of signals.

        Rows whose record vanished are removed, changed rows report dataChanged, new records
        are appended (the proxy sorts). A view's selection and scroll position survive.
        """
        records = list(records)
        incoming = {record.id: record for record in records}
        for index in range(len(self._rows) - 1, -1, -1):
            if self._rows[index].record.id not in incoming:
                self.beginRemoveRows(QModelIndex(), index, index)
                del self._rows[index]
                self.endRemoveRows()
        last_column = self.columnCount() - 1
        for index, old in enumerate(self._rows):
            new = incoming[old.record.id]
            if new != old.record:
                self._rows[index] = self._make_row(new)
                self.dataChanged.emit(self.index(index, 0), self.index(index, last_column))
        known = {row.record.id for row in self._rows}
        added = [record for record in records if record.id not in known]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(self._make_row(record) for record in added)
            self.endInsertRows()
        self._row_of = {row.record.id: index for index, row in enumerate(self._rows)}

    def recompute(self) -> None:
        """Compute every row again (what it shows depends on something besides the record:
        other records' names, today's date) and report the rows whose texts changed."""
        last_column = self.columnCount() - 1
        for index, old in enumerate(self._rows):
            new = self._make_row(old.record)
            self._rows[index] = new
            if (new.texts, new.extra) != (old.texts, old.extra):
                self.dataChanged.emit(self.index(index, 0), self.index(index, last_column))
