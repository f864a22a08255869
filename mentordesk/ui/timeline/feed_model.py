"""The feed's model: one row per period header and per entry, entries read a page at a time.

It holds the count of entries per month (from which ``FeedLayout`` says what each row is)
and the pages of entries painted lately; a page (``PAGE`` entries) is read from the source
when a row on it is first asked for, narrowed to the months it falls in. Ten years of
entries cost a few counts to lay out, and a page per screenful to scroll.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mentordesk.domain.timeline import (
    FeedLayout,
    Grouping,
    Period,
    TimelineEntry,
    TimelineFilter,
    group_counts,
)
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.timeline.texts import entries_count, entry_title, kind_label, period_label

PAGE = 64
KEPT_PAGES = 48

Index = QModelIndex | QPersistentModelIndex


class FeedSource(Protocol):
    """What the model reads from: services.timeline, or a test's stand-in."""

    def month_counts(self, feed: TimelineFilter) -> list[tuple[int, int, int]]: ...

    def entries(
        self,
        feed: TimelineFilter,
        offset: int,
        limit: int,
        months: Sequence[tuple[int, int, int]] | None = None,
    ) -> list[TimelineEntry]: ...


class FeedModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: FeedSource | None = None
        self._filter = TimelineFilter()
        self._grouping = Grouping.YEAR
        self._months: list[tuple[int, int, int]] = []
        self._layout = FeedLayout.of([])
        self._pages: OrderedDict[int, list[TimelineEntry]] = OrderedDict()
        self.rows_fetched = 0  # entries read so far (tests count them)
        self.pages_fetched = 0

    # --- what is shown -------------------------------------------------------------------

    @property
    def feed_filter(self) -> TimelineFilter:
        return self._filter

    @property
    def grouping(self) -> Grouping:
        return self._grouping

    @property
    def layout(self) -> FeedLayout:
        return self._layout

    @property
    def entry_count(self) -> int:
        return self._layout.entries

    def set_source(self, source: FeedSource | None, *, read: bool = True) -> None:
        """Read the feed from ``source``: now, or (``read=False``) at the next ``refresh``,
        for a caller about to refresh anyway (each read counts every month)."""
        self._source = source
        if read:
            self.refresh()

    def set_filter(self, feed: TimelineFilter) -> None:
        if feed != self._filter:
            self._filter = feed
            self.refresh()

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping != self._grouping:
            self._grouping = grouping
            self.beginResetModel()
            self._layout = FeedLayout.of(group_counts(self._months, grouping))
            self.endResetModel()

    def refresh(self) -> None:
        """Count again and forget the pages read (after a change of the data)."""
        months = self._source.month_counts(self._filter) if self._source is not None else []
        self.beginResetModel()
        self._months = months
        self._layout = FeedLayout.of(group_counts(months, self._grouping))
        self._pages.clear()
        self.endResetModel()

    # --- Qt's side -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._layout.rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            ObjectRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        item = self.item_at(index.row())
        if role == ObjectRole:
            return item
        if isinstance(item, Period):
            count = self._layout.groups[self._group_of(index.row())][1]
            return f"{period_label(item, self._grouping)} — {entries_count(count)}"
        if item is None:
            return ""
        return f"{format_date(item.day)} · {kind_label(item.kind)} · {entry_title(item)}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_header(index.row()):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- rows ----------------------------------------------------------------------------

    def is_header(self, row: int) -> bool:
        return self._layout.at(row)[1] is None

    def header_count(self, row: int) -> int:
        return self._layout.groups[self._group_of(row)][1]

    def _group_of(self, row: int) -> int:
        return self._layout.group_at(row)

    def item_at(self, row: int) -> Period | TimelineEntry | None:
        """The period a header row names, or the entry of an entry row (None: gone)."""
        period, position = self._layout.at(row)
        if position is None:
            return period
        return self.entry_at(position)

    def entry_at(self, position: int) -> TimelineEntry | None:
        page = position // PAGE
        entries = self._pages.get(page)
        if entries is None:
            entries = self._read_page(page)
        else:
            self._pages.move_to_end(page)
        offset = position - page * PAGE
        return entries[offset] if offset < len(entries) else None

    def row_of_entry(self, position: int) -> int:
        return self._layout.row_of(position)

    def _read_page(self, page: int) -> list[TimelineEntry]:
        entries: list[TimelineEntry] = []
        if self._source is not None:
            entries = self._source.entries(self._filter, page * PAGE, PAGE, self._months)
        self.rows_fetched += len(entries)
        self.pages_fetched += 1
        self._pages[page] = entries
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return entries

    def pages_held(self) -> list[int]:
        return sorted(self._pages)
