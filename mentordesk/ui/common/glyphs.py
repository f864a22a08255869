"""Small icons drawn in the palette's text colour, so they read in light and dark alike:
a calendar (date fields), an envelope (write an email), an arrow out of a box (open a page)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QWidget

SIZE = 16


def _icon(widget: QWidget, draw: Callable[[QPainter, QColor], None]) -> QIcon:
    pixmap = QPixmap(SIZE * 2, SIZE * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = widget.palette().color(QPalette.ColorRole.Text)
    painter.setPen(QPen(color, 1.2))
    draw(painter, color)
    painter.end()
    return QIcon(pixmap)


def calendar(widget: QWidget) -> QIcon:
    def draw(painter: QPainter, color: QColor) -> None:
        painter.drawRoundedRect(QRectF(2.5, 3.5, 11, 10), 1.5, 1.5)
        painter.fillRect(QRectF(2.5, 3.5, 11, 3), color)
        for x in (5, 8, 11):
            for y in (9, 12):
                painter.fillRect(QRectF(x - 1, y - 1, 1.6, 1.6), color)

    return _icon(widget, draw)


def envelope(widget: QWidget) -> QIcon:
    def draw(painter: QPainter, _color: QColor) -> None:
        painter.drawRoundedRect(QRectF(2, 4, 12, 8.5), 1, 1)
        path = QPainterPath(QPointF(2.5, 4.5))
        path.lineTo(8, 9)
        path.lineTo(13.5, 4.5)
        painter.drawPath(path)

    return _icon(widget, draw)


def open_page(widget: QWidget) -> QIcon:
    def draw(painter: QPainter, _color: QColor) -> None:
        path = QPainterPath(QPointF(7, 3.5))
        path.lineTo(3.5, 3.5)
        path.lineTo(3.5, 12.5)
        path.lineTo(12.5, 12.5)
        path.lineTo(12.5, 9)
        painter.drawPath(path)
        painter.drawLine(QPointF(8, 8), QPointF(13, 3))
        painter.drawLine(QPointF(9.5, 3), QPointF(13, 3))
        painter.drawLine(QPointF(13, 3), QPointF(13, 6.5))

    return _icon(widget, draw)
