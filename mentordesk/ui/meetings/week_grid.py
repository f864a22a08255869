"""The Calendar's week: seven days on a scrolling 24-hour grid, meetings as blocks.

Meetings that overlap share their day's width side by side. Where each block goes is
worked out once per ``set_meetings`` (in minutes) and turned into pixels by
``layout_for``, which painting, hit testing and the tests all use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.ui.common.style import Space, colors, scaled_font
from mentordesk.ui.meetings import calendar_paint as cp

DAY_MINUTES = 24 * 60
SHORTEST = 30  # minutes: a shorter meeting is drawn (and laid out) this tall, to be readable
FIRST_HOUR = 8  # shown at the top unless a meeting of the week starts earlier
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class _Placed:
    record: MeetingRecord
    start: int  # minutes after the day's midnight, as laid out
    end: int
    column: int
    columns: int


@dataclass(frozen=True)
class WeekBlock:
    """A meeting's block on one day, in content coordinates (y from midnight's line)."""

    meeting_id: int
    day: date
    rect: QRect
    column: int
    columns: int
    struck: bool


def _place(segments: list[tuple[MeetingRecord, int, int]]) -> list[_Placed]:
    """Columns by greedy interval colouring: each block takes the first column free at its
    start; a cluster of blocks that overlap (even through others) shares its column count."""
    placed: list[_Placed] = []
    cluster: list[tuple[MeetingRecord, int, int, int]] = []
    ends: list[int] = []  # per column, when its last block ends
    cluster_end = -1

    def close() -> None:
        placed.extend(_Placed(r, s, e, c, len(ends)) for r, s, e, c in cluster)

    for record, start, end in sorted(segments, key=lambda s: (s[1], -s[2], s[0].id)):
        if start >= cluster_end:
            close()
            cluster, ends = [], []
        column = next((i for i, last in enumerate(ends) if last <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        ends[column] = end
        cluster.append((record, start, end, column))
        cluster_end = max(cluster_end, end)
    close()
    return placed


class _Header(QWidget):
    """The row of days above the hours; it does not scroll."""

    def __init__(self, grid: WeekGrid) -> None:
        super().__init__(grid)
        self._grid = grid

    def paintEvent(self, event: QPaintEvent) -> None:
        self._grid.paint_header(QPainter(self))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self._grid.day_at(event.position().toPoint().x())
        if day is not None:
            self._grid.click_day(day)


class WeekGrid(cp.GridBehaviour, QAbstractScrollArea):
    """A week of meetings by the hour, driven by mouse and keyboard. ``range_changed`` comes
    whenever the shown week changes; ``day_activated`` is Enter with no meeting selected."""

    selected_date_changed = Signal(object)
    range_changed = Signal(object, object)
    meeting_selected = Signal(int)
    meeting_activated = Signal(int)
    create_requested = Signal(object)
    day_activated = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._init_selection(today())
        self._first = cp.week_start(self._selected)
        self._records: list[MeetingRecord] = []
        self._placed: dict[date, list[_Placed]] = {}
        self._scroll_pending = True
        self._gutter: tuple[tuple[str, str] | None, int] = (None, 0)
        self._header = _Header(self)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Week"))
        self._clock = QTimer(self)  # the line of the current time moves; today may change
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._repaint)
        self._clock.start()
        self._update_geometry()
        self._describe()

    def set_meetings(self, records: Sequence[MeetingRecord], names: Mapping[int, str]) -> None:
        """The meetings to draw (those of the shown week) and the mentors' names by id."""
        self._records = list(records)
        self._take(records, names)
        self._lay_out()

    def _lay_out(self) -> None:
        segments: dict[date, list[tuple[MeetingRecord, int, int]]] = {}
        first, last = self.shown_range()
        for record in self._records:
            start, end = self._spans[record.id]
            day = start.date()
            while (midnight := datetime.combine(day, time())) < end and day <= last:
                begin = max(0, int((start - midnight).total_seconds() // 60))
                until = min(DAY_MINUTES, int((end - midnight).total_seconds() // 60))
                until = min(DAY_MINUTES, max(until, begin + SHORTEST))
                if day >= first:
                    segments.setdefault(day, []).append(
                        (record, min(begin, until - SHORTEST), until)
                    )
                day += timedelta(days=1)
        self._placed = {day: _place(found) for day, found in segments.items()}
        self._describe()
        self._repaint()

    def shown_range(self) -> tuple[date, date]:
        return self._first, self._first + timedelta(days=6)

    def _days(self) -> list[date]:
        return [self._first + timedelta(days=offset) for offset in range(7)]

    def set_week(self, day: date) -> None:
        """Show the week that holds ``day`` (the selection moves to ``day`` if outside it)."""
        self._show_day(day)
        first, last = self.shown_range()
        if not first <= self._selected <= last:
            self._select(day, person=False)

    # The hooks of GridBehaviour ---------------------------------------------------------

    def _show_day(self, day: date) -> None:
        if cp.week_start(day) != self._first:
            self._first = cp.week_start(day)
            self._lay_out()
            self.range_changed.emit(*self.shown_range())

    def _on(self, record: MeetingRecord, day: date) -> bool:
        start, end = self._spans[record.id]
        return start.date() <= day and datetime.combine(day, time()) < end

    def _key_target(self, key: Qt.Key) -> date | None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_PageUp: -7,
            Qt.Key.Key_PageDown: 7,
        }
        if key in steps:
            return self._selected + timedelta(days=steps[key])
        ends = {Qt.Key.Key_Home: 0, Qt.Key.Key_End: 6}
        return self._first + timedelta(days=ends[key]) if key in ends else None  # Up, Down scroll

    def _hit(self, pos: QPoint) -> tuple[date | None, int | None]:
        return self.day_at(pos.x()), self.meeting_at(pos)

    def _empty_double_click(self, pos: QPoint, day: date) -> None:
        if (moment := self.datetime_at(pos)) is not None:
            self.create_requested.emit(moment)

    def _repaint(self) -> None:
        self.viewport().update()
        self._header.update()

    def click_day(self, day: date) -> None:
        """The person clicked a day's header."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._select(day, person=True)

    # Geometry -------------------------------------------------------------------------

    def hour_height(self) -> int:
        return round(2.6 * self.fontMetrics().height())

    def _header_height(self) -> int:
        return 2 * self.fontMetrics().height() + 3 * Space.XS

    def _gutter_width(self) -> int:
        key = (self.font().key(), QLocale().name())
        if key != self._gutter[0]:  # asked for every column: measured once per font
            widest = cp.short_time(datetime(2000, 1, 1, 23))
            self._gutter = (key, self.fontMetrics().horizontalAdvance(widest) + 2 * Space.S)
        return self._gutter[1]

    def _column_x(self, column: int) -> int:
        gutter = self._gutter_width()
        return gutter + column * (self.viewport().width() - gutter) // 7

    def _y(self, minutes: int) -> int:
        return minutes * self.hour_height() // 60

    def day_rect(self, day: date) -> QRect:
        """The column of a shown day in the viewport (its whole height); empty if not shown."""
        column = (day - self._first).days
        if not 0 <= column < 7:
            return QRect()
        left = self._column_x(column)
        return QRect(left, 0, self._column_x(column + 1) - left, self.viewport().height())

    def day_at(self, x: int) -> date | None:
        if x < self._gutter_width():
            return None
        column = next((c for c in range(7) if x < self._column_x(c + 1)), None)
        return None if column is None else self._first + timedelta(days=column)

    def layout_for(self, day: date) -> list[WeekBlock]:
        """The blocks drawn on a day, in content coordinates (add the scroll to compare with
        viewport positions; ``block_rects`` gives those)."""
        column = self.day_rect(day)
        blocks = []
        for placed in self._placed.get(day, []):
            share = column.width() / placed.columns
            left = column.left() + round(placed.column * share)
            right = column.left() + round((placed.column + 1) * share)
            rect = QRect(left + 1, self._y(placed.start) + 1, right - left - 3, 0)
            rect.setBottom(self._y(placed.end) - 1)
            struck = placed.record.status is MeetingStatus.CANCELLED
            blocks.append(
                WeekBlock(placed.record.id, day, rect, placed.column, placed.columns, struck)
            )
        return blocks

    def block_rects(self) -> dict[int, list[QRect]]:
        """Every meeting's blocks where they are in the viewport now (scrolled)."""
        found: dict[int, list[QRect]] = {}
        scroll = self.verticalScrollBar().value()
        for day in self._days():
            for block in self.layout_for(day):
                found.setdefault(block.meeting_id, []).append(block.rect.translated(0, -scroll))
        return found

    def _block_at(self, pos: QPoint) -> WeekBlock | None:
        day = self.day_at(pos.x())
        if day is None:
            return None
        content = pos + QPoint(0, self.verticalScrollBar().value())
        return next((b for b in reversed(self.layout_for(day)) if b.rect.contains(content)), None)

    def meeting_at(self, pos: QPoint) -> int | None:
        block = self._block_at(pos)
        return None if block is None else block.meeting_id

    def datetime_at(self, pos: QPoint) -> datetime | None:
        """The start of the half hour under a viewport position (naive, local)."""
        day = self.day_at(pos.x())
        content_y = pos.y() + self.verticalScrollBar().value()
        if day is None or not 0 <= content_y < self._y(DAY_MINUTES):
            return None
        half_hours = content_y * 2 // self.hour_height()
        return datetime.combine(day, time()) + timedelta(minutes=30 * half_hours)

    def scroll_to_minute(self, minutes: int) -> None:
        self.verticalScrollBar().setValue(self._y(minutes))

    def _first_minute(self) -> int:
        first, last = self.shown_range()
        starts = [
            s.hour * 60
            for r in self._records
            if first <= (s := self._spans[r.id][0]).date() <= last
        ]
        return min([FIRST_HOUR * 60, *starts])

    def _update_geometry(self) -> None:
        header = self._header_height()
        self.setViewportMargins(0, header, 0, 0)
        area = self.viewport().geometry()
        self._header.setGeometry(area.left(), area.top() - header, area.width(), header)
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self._y(DAY_MINUTES) - self.viewport().height()))
        bar.setPageStep(self.viewport().height())
        bar.setSingleStep(self.hour_height() // 2)
        if self._scroll_pending and self.isVisible() and self.viewport().height() > 0:
            self._scroll_pending = False
            self.scroll_to_minute(self._first_minute())

    def sizeHint(self) -> QSize:
        hours = 10 * self.hour_height()
        return QSize(self._gutter_width() + 7 * 130, self._header_height() + hours)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._gutter_width() + 7 * 90, self._header_height() + 3 * self.hour_height())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._update_geometry()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            meeting = self.meeting_at(event.pos())
            records = [] if meeting is None else [self._by_id[meeting]]
            return self._tooltip(event, records, self.viewport())
        return super().viewportEvent(event)

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)
        self._update_geometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._header.setFont(self.font())
            self._update_geometry()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    # Painting -------------------------------------------------------------------------

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
