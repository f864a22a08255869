"""The Calendar's week as a widget: seven days on a scrolling 24-hour grid, its geometry,
keys and clicks (blocks are placed by ``week_layout``, painted by ``week_paint``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QLocale, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from mentordesk.domain.meeting import CalendarEntry
from mentordesk.ui.common.style import Space
from mentordesk.ui.meetings import calendar_paint as cp
from mentordesk.ui.meetings.calendar_grid import GridBehaviour
from mentordesk.ui.meetings.week_layout import DAY_MINUTES, Placed, WeekBlock, blocks, lay_out
from mentordesk.ui.meetings.week_paint import WeekPainting

FIRST_HOUR = 8  # shown at the top unless a meeting of the week starts earlier


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


class WeekGrid(GridBehaviour, WeekPainting, QAbstractScrollArea):
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
        self._records: list[CalendarEntry] = []
        self._placed: dict[date, list[Placed]] = {}
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

    def set_meetings(self, records: Sequence[CalendarEntry], names: Mapping[int, str]) -> None:
        """The meetings to draw (those of the shown week) and the mentors' names by id."""
        self._records = list(records)
        self._take(records, names)
        self._lay_out()

    def _lay_out(self) -> None:
        self._placed = lay_out(self._records, self._spans, *self.shown_range())
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

    def _on(self, record: CalendarEntry, day: date) -> bool:
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
        viewport positions; ``block_rects`` gives those). Placed in minutes once per
        ``set_meetings``; painting, hit testing and the tests all use these."""
        return blocks(day, self._placed.get(day, []), self.day_rect(day), self._y)

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
        return QSize(self._gutter_width() + 7 * 44, self._header_height() + 3 * self.hour_height())

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
