"""The table every list of records uses: read-only, whole rows, one at a time, sortable.

Tab leaves the table (as it leaves any field), instead of walking from cell to cell and then
changing the selected record. Typing a letter in the table does not jump to a row (next to
Delete, that is a trap): it goes to the filter field, which is what a person typing wants.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QToolTip,
    QWidget,
)

from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import RecordTableModel

# The padding a cell keeps on each side of its text (Fusion's item margin, with room).
ELIDE_MARGIN = 8
# A cell's icon when the view sets no size (the style's small icon). Not asked of QStyle:
# the first use of its enums costs about 15 ms, before the window is shown.
SMALL_ICON = 16
# A column this wide or narrower (a status, a date) is never cut short by fit_columns().
SHORT_COLUMN = 120


class RecordTableView(QTableView):
    """A read-only table of records: whole rows selected one at a time, sorted by a column."""

    # Printable text typed while the table has focus, for the filter field.
    typed = Signal(str)
    # Whether the view may fit the columns to their content on first show (a table that
    # shares its width out itself says no).
    fits_columns = True
    # Columns fitting never makes narrower than this (a name the person must read).
    least_widths: Mapping[int, int] = MappingProxyType({})

    def __init__(
        self,
        model: Any,
        *,
        sort_column: int = 0,
        widths: Mapping[int, int] | None = None,
        stretch: int | None = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSortingEnabled(True)
        self.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Every row the same height, never measured: Qt lays out thousands of rows without
        # asking the model for any of them.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in (widths or {}).items():
            header.resizeSection(column, width)

    def reset(self) -> None:
        """After a model reset (a filter keystroke), lay the rows out now rather than on the
        event loop's next pass: the table then paints once. Laid out later, it painted for
        the reset and again when the layout set the scroll bar (twice the cost of a
        keystroke that changes the rows, at any size)."""
        super().reset()
        self.executeDelayedItemsLayout()

    def viewportEvent(self, event: QEvent) -> bool:
        """A cell whose text is cut short ("Monthly car…") shows the whole text as its
        tooltip, unless the model has a tooltip of its own for it."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.indexAt(event.pos())
            if index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
                text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
                if text and self.is_elided(index, text):
                    QToolTip.showText(event.globalPos(), text, self.viewport())
                    return True
        return super().viewportEvent(event)

    def is_elided(self, index: QModelIndex, text: str) -> bool:
        room = self.visualRect(index).width() - 2 * ELIDE_MARGIN
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            room -= self._icon_width()
        return self.fontMetrics().horizontalAdvance(text) > room

    def fit_columns(self, *, widest: int = 320, stretch_share: float = 0.3) -> None:
        """Columns as wide as their content (and their title), none wider than ``widest``,
        and together leaving ``stretch_share`` of the width to the stretching column (the
        name or title): where they would not, each gives up width in proportion. For the
        first show, before the person sets widths of their own (those are remembered)."""
        header = self.horizontalHeader()
        fitted = {
            column: min(widest, max(self._text_width(column), header.sectionSizeHint(column)))
            for column in range(header.count())
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
            and not header.isSectionHidden(column)
        }
        # Short columns (a status, a date) keep their width; long texts give up room.
        sized_by_qt = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if header.sectionResizeMode(column)
            in (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Fixed)
            and not header.isSectionHidden(column)
        )
        room = (self.viewport().width() - sized_by_qt) * (1 - stretch_share)
        short = {c: w for c, w in fitted.items() if w <= SHORT_COLUMN}
        long = {c: w for c, w in fitted.items() if w > SHORT_COLUMN}
        spare = room - sum(short.values())
        total = sum(long.values())
        scale = min(1.0, spare / total) if total and spare > 0 else 1.0
        for column, width in {**short, **long}.items():
            least = max(header.sectionSizeHint(column), self.least_widths.get(column, 0))
            wanted = width if column in short else int(width * scale)
            header.resizeSection(column, max(least, wanted))

    def _icon_width(self) -> int:
        width = self.iconSize().width()  # -1 until a size is set
        return width if width > 0 else SMALL_ICON

    def _text_width(self, column: int, rows: int = 60) -> int:
        """The widest text of ``column`` in the first ``rows`` rows shown, with the cell's
        margins and its icon: measured with the font, not with the delegate's size hints,
        which take a few hundred milliseconds for a table of forty rows. The texts are read
        from a record model's rows directly; only the widest few are asked for an icon."""
        proxy = self.model()
        metrics = self.fontMetrics()
        count = min(rows, proxy.rowCount())
        cells = [proxy.index(row, column) for row in range(count)]
        source = proxy.sourceModel() if isinstance(proxy, QAbstractProxyModel) else None
        if isinstance(source, RecordTableModel | ListingModel):
            assert isinstance(proxy, QAbstractProxyModel)
            rows = (source.row_at(proxy.mapToSource(cell).row()) for cell in cells)
            texts = [row.texts[column] if row is not None else "" for row in rows]
        else:
            texts = [str(cell.data(Qt.ItemDataRole.DisplayRole) or "") for cell in cells]
        widths = sorted(
            ((metrics.horizontalAdvance(text), row) for row, text in enumerate(texts)),
            reverse=True,
        )
        icon = self._icon_width() + ELIDE_MARGIN // 2
        widest = 0
        for width, row in widths[:5]:
            if cells[row].data(Qt.ItemDataRole.DecorationRole) is not None:
                width += icon
            widest = max(widest, width)
        return widest + 2 * ELIDE_MARGIN

    def keyboardSearch(self, search: str) -> None:
        """No jumping to the row that starts with what was typed (see keyPressEvent)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if plain and text and text.isprintable() and not text.isspace():
            self.typed.emit(text)
            return
        super().keyPressEvent(event)
