"""How the week grid looks: the row of days, the hours, the meetings' blocks and the line of
the current time, painted apart from the grid's geometry and behaviour.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette

from mentordesk.domain.meeting import CalendarEntry
from mentordesk.ui.common.style import Space, colors, scaled_font
from mentordesk.ui.meetings import calendar_paint as cp
from mentordesk.ui.meetings.week_layout import DAY_MINUTES, WeekBlock

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractScrollArea as _Widget
else:
    _Widget = object  # at run time the grid brings its widget class after this mixin


class WeekPainting(_Widget):
    """The week grid's painting. The grid (listing this before its widget class) provides
    the state and geometry declared here."""

    _today: Callable[[], date]
    _selected: date
    _meeting: int | None
    _by_id: dict[int, CalendarEntry]
    _spans: dict[int, tuple[datetime, datetime]]
    _names: dict[int, str]

    if TYPE_CHECKING:  # only declared: the grid's own methods

        def _days(self) -> list[date]: ...

        def _header_height(self) -> int: ...

        def _gutter_width(self) -> int: ...

        def _y(self, minutes: int) -> int: ...

        def day_rect(self, day: date) -> QRect: ...

        def layout_for(self, day: date) -> list[WeekBlock]: ...

    def paint_header(self, painter: QPainter) -> None:
        """The days above the columns: weekday, and the date's number (today's on the accent)."""
        palette, scheme = self.palette(), colors()
        metrics = self.fontMetrics()
        height = self._header_height()
        painter.fillRect(painter.viewport(), palette.color(QPalette.ColorRole.Base))
        today = self._today()
        weekend = cp.weekend_days()
        for day in self._days():
            column = self.day_rect(day)
            cell = QRect(column.left(), 0, column.width(), height)
            if day.isoweekday() in weekend:
                painter.fillRect(cell, cp.weekend_fill(palette))
            painter.setFont(self.font())
            painter.setPen(scheme.muted)
            name = QRect(cell.left(), Space.XS, cell.width(), metrics.height())
            painter.drawText(name, Qt.AlignmentFlag.AlignCenter, cp.weekday_name(day))
            side = metrics.height() + 4
            number = QRect(0, 0, max(side, metrics.horizontalAdvance("88") + 8), side)
            number.moveCenter(QPoint(cell.center().x(), name.bottom() + side // 2 + 2))
            painter.setFont(scaled_font(self, 1.0, bold=True))
            number_text, is_today = str(day.day), day == today
            cp.paint_day_number(
                painter, number, number_text, today=is_today, muted=False, palette=palette
            )
            painter.fillRect(QRect(cell.left(), 0, 1, height), cp.grid_line(palette))
        painter.fillRect(QRect(0, height - 1, self.viewport().width(), 1), cp.grid_line(palette))
        selected = self.day_rect(self._selected)
        if not selected.isEmpty():
            width = 2 if self.hasFocus() else 1
            frame = QRect(selected.left(), 0, selected.width(), height + width)
            cp.paint_frame(painter, frame, palette.color(QPalette.ColorRole.Highlight), width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        palette, scheme = self.palette(), colors()
        scroll = self.verticalScrollBar().value()
        width, bottom = self.viewport().width(), self._y(DAY_MINUTES)
        painter.fillRect(self.viewport().rect(), palette.color(QPalette.ColorRole.Base))
        painter.translate(0, -scroll)
        line = cp.grid_line(palette)
        gutter = self._gutter_width()
        weekend = cp.weekend_days()
        for day in self._days():
            column = self.day_rect(day).adjusted(0, 0, 0, bottom - self.viewport().height())
            if day.isoweekday() in weekend:
                painter.fillRect(column, cp.weekend_fill(palette))
            painter.fillRect(QRect(column.left(), 0, 1, bottom), line)
        metrics = self.fontMetrics()
        painter.setFont(self.font())
        half = cp.blend(palette.color(QPalette.ColorRole.Base), line, 0.5)
        for hour in range(24):
            y = self._y(hour * 60)
            painter.fillRect(QRect(gutter, y, width - gutter, 1), line)
            painter.fillRect(QRect(gutter, self._y(hour * 60 + 30), width - gutter, 1), half)
            if hour:
                painter.setPen(scheme.muted)
                label = QRect(0, y - metrics.height() // 2, gutter - Space.S, metrics.height())
                text = cp.short_time(datetime(2000, 1, 1, hour))
                painter.drawText(label, RIGHT, text)
        shown = self.viewport().rect().translated(0, scroll)
        for day in self._days():
            for block in self.layout_for(day):
                if block.rect.intersects(shown):
                    self._paint_block(painter, block, palette)
        self._paint_now(painter)
        selected = self.day_rect(self._selected)
        if not selected.isEmpty():
            edge = 2 if self.hasFocus() else 1
            frame = QRect(selected.left(), -edge, selected.width(), bottom + 2 * edge)
            cp.paint_frame(painter, frame, palette.color(QPalette.ColorRole.Highlight), edge)

    def _paint_block(self, painter: QPainter, block: WeekBlock, palette: QPalette) -> None:
        record = self._by_id[block.meeting_id]
        appearance = cp.look(record, palette)
        cp.paint_chip(
            painter, block.rect, appearance, palette, selected=block.meeting_id == self._meeting
        )
        inner = block.rect.adjusted(cp.BAR_WIDTH + Space.XS, 2, -3, -2)
        height = self.fontMetrics().height()
        room = max(1, inner.height() // height)
        start, end = self._spans[record.id]
        texts = [cp.time_range(start, end), record.title, cp.mentor_names(record, self._names)]
        if room == 1 or inner.width() < 4 * height:
            texts = [f"{cp.short_time(start)} {record.title}"]
        painter.save()
        painter.setClipRect(block.rect)
        plain = dataclasses.replace(appearance, mark="")
        for index, text in enumerate(texts[:room]):
            rect = QRect(inner.left(), inner.top() + index * height, inner.width(), height)
            look = appearance if index == 0 else plain  # the mark only once
            cp.paint_line(painter, rect, text, look, self.font(), bold=index == 1)
        painter.restore()

    def _paint_now(self, painter: QPainter) -> None:
        """The line of the current time across today, if today is shown."""
        column, now = self.day_rect(self._today()), datetime.now()
        if column.isEmpty():
            return
        y, danger = self._y(now.hour * 60 + now.minute), colors().danger
        painter.fillRect(QRect(column.left(), y - 1, column.width(), 2), danger)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(danger)
        painter.drawEllipse(QPoint(column.left() + 1, y), 4, 4)
