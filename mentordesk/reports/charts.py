"""The reports' charts, painted with QPainter straight into the PDF: vector lines and real
text, sharp at any zoom. (QtCharts draws through a graphics scene that needs the GUI
thread and a widget style; reports are made off it, so they paint their own.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen

from mentordesk.domain.levels import MAX_LEVEL, MIN_LEVEL
from mentordesk.reports.layout import INK, MUTED, RULE, report_font

# Okabe and Ito's palette: told apart with any colour vision, and in grey print.
SERIES_COLORS = [
    QColor(0, 114, 178),
    QColor(230, 159, 0),
    QColor(0, 158, 115),
    QColor(204, 121, 167),
    QColor(86, 180, 233),
    QColor(213, 94, 0),
    QColor(240, 228, 66),
    QColor(120, 120, 120),
]


def color(index: int) -> QColor:
    return SERIES_COLORS[index % len(SERIES_COLORS)]


@dataclass(frozen=True)
class LevelSeries:
    """One skill's assessed levels in order of their day."""

    name: str
    points: tuple[tuple[date, int], ...]


def _pt(painter: QPainter) -> float:
    return painter.device().logicalDpiY() / 72.0


def _text(painter: QPainter, point: QPointF, text: str, size: float = 7.5) -> None:
    painter.setFont(report_font(size))
    painter.setPen(MUTED)
    painter.drawText(point, text)


def _legend(painter: QPainter, area: QRectF, names: Sequence[str]) -> float:
    """Swatches and names in rows at the top of ``area``; the height used."""
    pt = _pt(painter)
    font = report_font(7.5)
    metrics = QFontMetricsF(font, painter.device())
    x, y = area.left(), area.top()
    row = 11 * pt
    for index, name in enumerate(names):
        width = 12 * pt + metrics.horizontalAdvance(name) + 10 * pt
        if x + width > area.right() and x > area.left():
            x, y = area.left(), y + row
        painter.fillRect(QRectF(x, y + 2 * pt, 8 * pt, 6 * pt), color(index))
        painter.setFont(font)
        painter.setPen(INK)
        painter.drawText(QPointF(x + 11 * pt, y + 8 * pt), name)
        x += width
    return y + row - area.top()


def _level_axis(painter: QPainter, plot: QRectF) -> None:
    pt = _pt(painter)
    for value in range(MIN_LEVEL, MAX_LEVEL + 1):
        y = _level_y(plot, value)
        painter.setPen(QPen(RULE, 0.4 * pt, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        _text(painter, QPointF(plot.left() - 9 * pt, y + 2.5 * pt), str(value))


def _level_y(plot: QRectF, value: float) -> float:
    share = (value - MIN_LEVEL) / (MAX_LEVEL - MIN_LEVEL)
    return plot.bottom() - share * plot.height()


def paint_levels_over_time(
    painter: QPainter, area: QRectF, series: Sequence[LevelSeries], start: date, end: date
) -> None:
    """Each skill's level (1-5) as a step line from ``start`` to ``end``."""
    pt = _pt(painter)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    used = _legend(painter, area, [s.name for s in series])
    plot = QRectF(area.left() + 14 * pt, area.top() + used + 6 * pt, 0, 0)
    plot.setRight(area.right() - 4 * pt)
    plot.setBottom(area.bottom() - 14 * pt)
    _level_axis(painter, plot)
    span = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return plot.left() + (min(max(day, start), end) - start).days / span * plot.width()

    for year in range(start.year + 1, end.year + 1):
        x = x_of(date(year, 1, 1))
        painter.setPen(QPen(RULE, 0.4 * pt))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
    step = max(1, (end.year - start.year + 1) // 10)
    for year in range(start.year, end.year + 1, step):
        x = max(x_of(date(year, 1, 1)), plot.left())
        _text(painter, QPointF(x + 1.5 * pt, plot.bottom() + 10 * pt), str(year))
    for index, one in enumerate(series):
        pen = QPen(color(index), 1.6 * pt)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        previous: QPointF | None = None
        for day, level in one.points:
            point = QPointF(x_of(day), _level_y(plot, level))
            if previous is not None:
                corner = QPointF(point.x(), previous.y())
                painter.drawLine(previous, corner)
                painter.drawLine(corner, point)
            previous = point
        if previous is not None:
            painter.drawLine(previous, QPointF(plot.right(), previous.y()))
        painter.setBrush(QBrush(color(index)))
        for day, level in one.points:
            if start <= day <= end:
                painter.drawEllipse(QPointF(x_of(day), _level_y(plot, level)), 1.8 * pt, 1.8 * pt)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def levels_chart_height(count: int) -> float:
    """Points a levels-over-time chart of ``count`` skills needs (its legend wraps)."""
    return 150 + 11 * ((count - 1) // 4)


@dataclass(frozen=True)
class LevelChange:
    name: str
    start: int | None
    end: int | None


def change_chart_height(count: int) -> float:
    return 24 + 15 * count


def paint_level_changes(painter: QPainter, area: QRectF, changes: Sequence[LevelChange]) -> None:
    """One row per skill: its level at the start (hollow) and at the end (filled)."""
    pt = _pt(painter)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    name_width = area.width() * 0.36
    plot = QRectF(area.left() + name_width, area.top() + 12 * pt, area.width() - name_width, 0)
    plot.setBottom(area.bottom())
    row = plot.height() / max(len(changes), 1)

    def x_of(value: float) -> float:
        share = (value - MIN_LEVEL) / (MAX_LEVEL - MIN_LEVEL)
        return plot.left() + 8 * pt + share * (plot.width() - 16 * pt)

    for value in range(MIN_LEVEL, MAX_LEVEL + 1):
        x = x_of(value)
        painter.setPen(QPen(RULE, 0.4 * pt, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        _text(painter, QPointF(x - 2 * pt, area.top() + 8 * pt), str(value))
    metrics = QFontMetricsF(report_font(8), painter.device())
    for index, change in enumerate(changes):
        y = plot.top() + (index + 0.5) * row
        painter.setFont(report_font(8))
        painter.setPen(INK)
        name = metrics.elidedText(change.name, Qt.TextElideMode.ElideRight, name_width - 6 * pt)
        painter.drawText(QPointF(area.left(), y + 3 * pt), name)
        known = [v for v in (change.start, change.end) if v is not None]
        if not known:
            _text(painter, QPointF(plot.left() + 8 * pt, y + 3 * pt), "not assessed")
            continue
        if change.start is not None and change.end is not None:
            rising = change.end >= change.start
            painter.setPen(QPen(color(2 if rising else 5), 2.2 * pt))
            painter.drawLine(QPointF(x_of(change.start), y), QPointF(x_of(change.end), y))
        if change.start is not None:
            painter.setPen(QPen(MUTED, 1.2 * pt))
            painter.setBrush(QColor(255, 255, 255))
            painter.drawEllipse(QPointF(x_of(change.start), y), 3 * pt, 3 * pt)
        if change.end is not None:
            painter.setPen(QPen(color(0), 1.2 * pt))
            painter.setBrush(color(0))
            painter.drawEllipse(QPointF(x_of(change.end), y), 3 * pt, 3 * pt)
        painter.setBrush(Qt.BrushStyle.NoBrush)


@dataclass(frozen=True)
class MonthSeries:
    name: str
    counts: tuple[int, ...]  # one per month of the chart


def paint_monthly_bars(
    painter: QPainter,
    area: QRectF,
    months: Sequence[tuple[int, int]],
    series: Sequence[MonthSeries],
) -> None:
    """Meetings per month, stacked by mentor; ``months`` are (year, month) in order."""
    pt = _pt(painter)
    used = _legend(painter, area, [s.name for s in series])
    plot = QRectF(area.left() + 18 * pt, area.top() + used + 6 * pt, 0, 0)
    plot.setRight(area.right())
    plot.setBottom(area.bottom() - 14 * pt)
    totals = [sum(s.counts[i] for s in series) for i in range(len(months))]
    top = max(max(totals, default=0), 1)
    tick = next(t for t in (1, 2, 5, 10, 20, 50, 100, 1000) if top / t <= 5)
    scale_top = ((top + tick - 1) // tick) * tick
    for value in range(0, scale_top + 1, tick):
        y = plot.bottom() - value / scale_top * plot.height()
        painter.setPen(QPen(RULE, 0.4 * pt, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        _text(painter, QPointF(area.left(), y + 2.5 * pt), str(value))
    slot = plot.width() / max(len(months), 1)
    bar = max(slot * 0.75, 0.3 * pt)
    for index, (year, month) in enumerate(months):
        x = plot.left() + index * slot + (slot - bar) / 2
        y = plot.bottom()
        for number, one in enumerate(series):
            count = one.counts[index]
            if count:
                height = count / scale_top * plot.height()
                painter.fillRect(QRectF(x, y - height, bar, height), color(number))
                y -= height
        labelled = month == 1 if len(months) > 18 else True
        if labelled:
            text = str(year) if len(months) > 18 else f"{month:02d}"
            _text(painter, QPointF(plot.left() + index * slot, plot.bottom() + 9 * pt), text, 7)
    painter.setPen(QPen(MUTED, 0.6 * pt))
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
