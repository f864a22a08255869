"""The navigation sidebar: one entry per view, with its icon and, beside it, how many
things there need attention (goals past their target, agreements due for review).

The counts are set by the main window after each change the data bus announces; nothing
polls. A count is text in a badge, and also in the entry's tooltip and accessible name,
so it is never told by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.roles import AttentionRole
from mentordesk.ui.common.style import Space, colors

Index = QModelIndex | QPersistentModelIndex
SIDEBAR_WIDTH = 172


class _BadgeDelegate(QStyledItemDelegate):
    """Draws the entry as usual, then its attention count in a pill at the right."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The selection spans the whole row; icon and text sit indented within it. (Drawn
        # here rather than by the style: QStyle's enums cost 15 ms before the first paint.)
        view = self.parent()
        if isinstance(view, QListWidget) and view.currentIndex() == index:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight))
        indented = QStyleOptionViewItem(option)
        indented.rect = option.rect.adjusted(Space.M, 0, 0, 0)
        super().paint(painter, indented, index)
        count = int(index.data(AttentionRole) or 0)
        if not count:
            return
        text = str(count)
        metrics = option.fontMetrics
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + Space.S + 2)
        row = QRect(option.rect)
        badge = QRect(
            row.right() - width - Space.S, row.center().y() - height // 2 + 1, width, height
        )
        scheme = colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scheme.accent)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(scheme.on_accent)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class Sidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Views"))
        self.setIconSize(QSize(20, 20))
        self.setFixedWidth(SIDEBAR_WIDTH)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setItemDelegate(_BadgeDelegate(self))
        self.setSpacing(1)
        # The sidebar is part of the window's frame, not a list of data.
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self._titles: list[str] = []
        self._explanations: list[str] = []

    def add_entry(self, title: str, icon_name: str) -> QListWidgetItem:
        item = QListWidgetItem(icon(icon_name), title)
        item.setSizeHint(QSize(0, 36))
        self.addItem(item)
        self._titles.append(title)
        self._explanations.append("")
        return item

    def set_tooltip(self, row: int, text: str) -> None:
        self._explanations[row] = text
        self._describe(row)

    def set_attention(self, row: int, count: int, why: str) -> None:
        """``count`` things need attention in the view of ``row``; ``why`` says what, as
        a sentence for the tooltip ("3 goals past their target date")."""
        item = self.item(row)
        item.setData(AttentionRole, count)
        item.setData(Qt.ItemDataRole.UserRole, why if count else "")
        self._describe(row)

    def attention(self, row: int) -> int:
        return int(self.item(row).data(AttentionRole) or 0)

    def _describe(self, row: int) -> None:
        item = self.item(row)
        why = str(item.data(Qt.ItemDataRole.UserRole) or "")
        tip = self._explanations[row]
        item.setToolTip(f"{tip}\n{why}" if why else tip)
        title = self._titles[row]
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {why}" if why else title)
