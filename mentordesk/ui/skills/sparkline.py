"""A tiny trend line in the skills table: the level over the last years, at a glance.

The model hands over the points already scaled to 0-1 along time (TrendRole), so painting a
row is a handful of line segments and no date arithmetic.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mentordesk.domain.levels import MAX_LEVEL, MIN_LEVEL
from mentordesk.ui.common.roles import TrendRole
from mentordesk.ui.common.style import colors


class SparklineDelegate(QStyledItemDelegate):
    """Paints TrendRole points as a polyline inside the cell, with a dot on the latest level."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Background, selection and focus as for any cell; then the line on top.
        super().paint(painter, option, index)
        points = index.data(TrendRole)
        if not points:
            return
        rect = QRectF(option.rect).adjusted(6, 4, -8, -4)
        if rect.width() < 8 or rect.height() < 4:
            return
        span = MAX_LEVEL - MIN_LEVEL

        def at(x: float, level: int) -> QPointF:
            return QPointF(
                rect.left() + x * rect.width(),
                rect.bottom() - (level - MIN_LEVEL) / span * rect.height(),
            )

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        color = (
            option.palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else colors().accent
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        baseline = QPen(option.palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine)
        painter.setPen(baseline)
        painter.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))
        painter.setPen(QPen(color, 1.6))
        painter.drawPolyline(QPolygonF([at(x, level) for x, level in points]))
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(at(*points[-1]), 2.5, 2.5)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(80, option.fontMetrics.height() + 8)
