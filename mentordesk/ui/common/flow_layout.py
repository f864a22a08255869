"""A layout that puts its widgets in rows, left to right, starting a new row where the width
runs out: a row of choices that wraps under itself instead of making the window wider than
800 pixels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from mentordesk.ui.common.style import Space


class FlowLayout(QLayout):
    """Rows of items at their preferred sizes (an item wider than the row is narrowed to
    it, down to its minimum), each row's items centred on the row's height; what a row
    leaves over goes to its items added with a stretch. Reports a height for each width,
    so the layout above gives it the rows it needs."""

    def __init__(self, parent: QWidget | None = None, *, centred: bool = False) -> None:
        super().__init__(parent)
        self._centred = centred  # each row centred in the width, rather than from the left
        self._items: list[QLayoutItem] = []
        self._stretch: dict[int, int] = {}  # id of an item: its share of a row's leftover
        self._heights: dict[int, int] = {}  # width: height, until the layout changes
        self.setContentsMargins(0, 0, 0, 0)

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        """Add ``widget``; with a ``stretch``, it widens to fill its row."""
        self.addWidget(widget)
        if stretch:
            item = self._items[-1]
            self._stretch[id(item)] = stretch

    # --- QLayout's interface ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._stretch.pop(id(item), None)
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Asked many times a layout pass, for the same few widths.
        if width not in self._heights:
            self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return self._heights[width]

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as the widest item's minimum: one item a row."""
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # --- placing -----------------------------------------------------------------------------

    def gap(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else Space.S

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (moving them when ``place``); the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.gap()
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._shown():
            hint = item.sizeHint()
            size = QSize(max(item.minimumSize().width(), min(hint.width(), area.width())), 0)
            size.setHeight(hint.height())
            if rows[-1] and x + size.width() > area.width():
                rows.append([])
                x = 0
            rows[-1].append((item, size))
            x += size.width() + gap
        y = area.y()
        for row in rows:
            if not row:
                continue
            line = max(size.height() for _, size in row)
            shares = [self._stretch.get(id(item), 0) for item, _ in row]
            leftover = area.width() - sum(size.width() for _, size in row) - gap * (len(row) - 1)
            if leftover > 0 and sum(shares):
                total = sum(shares)
                for (_, size), share in zip(row, shares, strict=True):
                    size.setWidth(size.width() + leftover * share // total)
            x = area.x()
            if self._centred:
                spare = area.width() - sum(size.width() for _, size in row) - gap * (len(row) - 1)
                x += max(0, spare) // 2
            for item, size in row:
                if place:
                    top = y + (line - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += size.width() + gap
            y += line + gap
        used = y - gap - area.y() if any(rows) else 0
        return used + margins.top() + margins.bottom()
