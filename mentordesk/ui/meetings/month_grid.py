"""The Calendar's month: six weeks with week numbers, each day listing its meetings, painted
by one widget (none per day or meeting) so switching month only regroups and repaints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import CalendarEntry
from mentordesk.ui.common.style import Space, colors
from mentordesk.ui.meetings import calendar_paint as cp
from mentordesk.ui.meetings.calendar_grid import GridBehaviour

ROWS = 6
MIN_CELL = QSize(42, 56)  # a day's number and a line or two, down to an 800 px window
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class MonthLine:
    """One line drawn in a day: a meeting (``meeting_id``) or the "+N more" line (None)."""

    text: str
    mark: str
    meeting_id: int | None
    rect: QRect
    struck: bool


class MonthGrid(GridBehaviour, QWidget):
    """A month of meetings, driven by mouse and keyboard; see the module's docstring.
    ``range_changed`` is emitted whenever the shown month changes, however it changed."""

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
        self._month = self._selected.replace(day=1)
        self._by_day: dict[date, list[CalendarEntry]] = {}
        self._grid_valid = False  # the columns' and rows' edges, until resized or refont
        # Each day's lines, until the meetings, the month or the geometry change: a
        # selection moving repaints days without laying them out again.
        self._lines: dict[date, list[MonthLine]] = {}
        self._columns: list[int] = []
        self._rows: list[int] = []
        self._origin = self.shown_range()[0]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Month"))
        self._describe()

    def set_meetings(self, records: Sequence[CalendarEntry], names: Mapping[int, str]) -> None:
        """The meetings to draw (those of the shown range) and the mentors' names by id."""
        self._take(records, names)
        self._by_day = {}
        self._lines = {}
        for record in sorted(records, key=lambda r: (*self._spans[r.id], r.id)):
            self._by_day.setdefault(self._spans[record.id][0].date(), []).append(record)
        self._describe()
        self.update()

    def month(self) -> tuple[int, int]:
        return self._month.year, self._month.month

    def set_month(self, year: int, month: int) -> None:
        """Show a month; the selection stays if in it, else moves to today (if in it) or
        the 1st."""
        first, today = date(year, month, 1), self._today()
        if first == self._month:
            return
        day = self._selected
        if (day.year, day.month) != (year, month):
            day = today if (today.year, today.month) == (year, month) else first
        self._show_day(first)
        self._select(day, person=False)

    def shown_range(self) -> tuple[date, date]:
        self._origin = cp.week_start(self._month)  # kept for day_rect, called very often
        return self._origin, self._origin + timedelta(days=ROWS * 7 - 1)

    def meetings_on(self, day: date) -> list[CalendarEntry]:
        return list(self._by_day.get(day, ()))

    # The hooks of GridBehaviour ---------------------------------------------------------

    def _show_day(self, day: date) -> None:
        if day.replace(day=1) != self._month:
            self._month = day.replace(day=1)
            self._lines = {}
            self.update()
            self.range_changed.emit(*self.shown_range())

    def _on(self, record: CalendarEntry, day: date) -> bool:
        return self._spans[record.id][0].date() == day

    def _key_target(self, key: Qt.Key) -> date | None:
        day, week = self._selected, cp.week_start(self._selected)
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps:
            return day + timedelta(days=steps[key])
        targets = {
            Qt.Key.Key_PageUp: cp.add_months(day, -1),
            Qt.Key.Key_PageDown: cp.add_months(day, 1),
            Qt.Key.Key_Home: week,
            Qt.Key.Key_End: week + timedelta(days=6),
        }
        return targets.get(key)

    def _hit(self, pos: QPoint) -> tuple[date | None, int | None]:
        # A day of the month before or after is selected where it is: showing its month
        # would move the grid under the pointer between the two clicks of a double-click.
        day, line = self._line_at(pos)
        return day, None if line is None else line.meeting_id

    def _empty_double_click(self, pos: QPoint, day: date) -> None:
        if self._line_at(pos)[1] is not None:  # "+N more": the whole day, in the week
            self.day_activated.emit(day)
        else:
            self.create_requested.emit(day)

    def _repaint(self) -> None:
        self.update()

    # Geometry ---------------------------------------------------------------------------

    def _line_height(self) -> int:
        return self.fontMetrics().height() + 3

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 2 * Space.XS

    def _gutter_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("53") + 2 * Space.S

    def _grid(self) -> tuple[list[int], list[int]]:
        """Where the columns and the rows start (and the last ends), for this size and font."""
        if not self._grid_valid:
            gutter, header = self._gutter_width(), self._header_height()
            self._columns = [gutter + c * (self.width() - gutter) // 7 for c in range(8)]
            self._rows = [header + r * (self.height() - header) // ROWS for r in range(ROWS + 1)]
            self._grid_valid = True
        return self._columns, self._rows

    def _column_x(self, column: int) -> int:
        return self._grid()[0][column]

    def _row_y(self, row: int) -> int:
        return self._grid()[1][row]

    def day_rect(self, day: date) -> QRect:
        """Where a shown day is painted; an empty rect for a day not shown."""
        row, column = divmod((day - self._origin).days, 7)
        if not 0 <= row < ROWS:
            return QRect()
        top_left = QPoint(self._column_x(column), self._row_y(row))
        return QRect(top_left, QPoint(self._column_x(column + 1) - 1, self._row_y(row + 1) - 1))

    def day_at(self, pos: QPoint) -> date | None:
        if pos.x() < self._gutter_width() or not self._header_height() <= pos.y() < self.height():
            return None
        column = next((c for c in range(7) if pos.x() < self._column_x(c + 1)), 6)
        row = next((r for r in range(ROWS) if pos.y() < self._row_y(r + 1)), ROWS - 1)
        return self.shown_range()[0] + timedelta(days=row * 7 + column)

    def _number_rect(self, cell: QRect) -> QRect:
        side = self.fontMetrics().height() + 4
        return QRect(cell.left() + Space.XS, cell.top() + Space.XS, side + 6, side)

    def line_layout(self, day: date) -> list[MonthLine]:
        """The lines a day shows, top to bottom, where painting puts them: one per meeting
        in start order, the last replaced by "+N more" when they do not all fit. Painting,
        hit testing and the tests all use these."""
        if not self._grid_valid:
            self._lines = {}
        cached = self._lines.get(day)
        if cached is None:
            cached = self._lines[day] = self._lay_out_day(day)
        return cached

    def _lay_out_day(self, day: date) -> list[MonthLine]:
        cell, records = self.day_rect(day), self._by_day.get(day, [])
        if cell.isEmpty() or not records:
            return []
        height = self._line_height()
        top = self._number_rect(cell).bottom() + 3
        room = max(0, (cell.bottom() - Space.XS - top + 1) // height)
        shown = records if len(records) <= room else records[: max(0, room - 1)]

        def rect(position: int) -> QRect:
            return QRect(cell.left() + 3, top + position * height, cell.width() - 6, height - 2)

        lines = [
            MonthLine(
                f"{cp.short_time(self._spans[r.id][0])} {cp.who(r, self._names)}",
                cp.mark_of(r),
                r.id,
                rect(position),
                r.status is MeetingStatus.CANCELLED,
            )
            for position, r in enumerate(shown)
        ]
        if len(shown) < len(records) and room:
            more = self.tr("+{n} more").format(n=len(records) - len(shown))
            lines.append(MonthLine(more, "", None, rect(len(shown)), False))
        return lines

    def lines_for(self, day: date) -> list[str]:
        """The text of each line a day shows, its mark first as drawn ("✕ 14:00 Amara")."""
        return [f"{x.mark} {x.text}" if x.mark else x.text for x in self.line_layout(day)]

    def hidden_count(self, day: date) -> int:
        """How many of the day's meetings do not fit and are counted in "+N more"."""
        shown = sum(1 for line in self.line_layout(day) if line.meeting_id is not None)
        return len(self._by_day.get(day, ())) - shown

    def _line_at(self, pos: QPoint) -> tuple[date | None, MonthLine | None]:
        day = self.day_at(pos)
        lines = self.line_layout(day) if day is not None else []
        return day, next((line for line in lines if line.rect.contains(pos)), None)

    def meeting_at(self, pos: QPoint) -> int | None:
        return self._hit(pos)[1]

    def sizeHint(self) -> QSize:
        return QSize(self._gutter_width() + 7 * 130, self._header_height() + ROWS * 100)

    def minimumSizeHint(self) -> QSize:
        width = max(MIN_CELL.width(), 6 * self.fontMetrics().averageCharWidth())
        height = max(MIN_CELL.height(), 4 * self._line_height())
        return QSize(self._gutter_width() + 7 * width, self._header_height() + ROWS * height)

    # Painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette, muted = self.palette(), colors().muted
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        first, today = self.shown_range()[0], self._today()
        line, weekend, shade = cp.grid_line(palette), cp.weekend_days(), cp.weekend_fill(palette)
        for column in range(7):
            left, right = self._column_x(column), self._column_x(column + 1)
            painter.setPen(muted)
            painter.drawText(
                QRect(left, 0, right - left, self._header_height()),
                Qt.AlignmentFlag.AlignCenter,
                cp.weekday_name(first + timedelta(days=column)),
            )
        exposed = event.rect()
        for index in range(ROWS * 7):
            day = first + timedelta(days=index)
            cell = self.day_rect(day)
            if not cell.intersects(exposed) and not (index % 7 == 0 and exposed.left() == 0):
                continue
            if index % 7 == 0:
                number = self._number_rect(cell)
                week = QRect(0, number.top(), self._gutter_width(), number.height())
                painter.setPen(muted)
                painter.setFont(self.font())
                text = str(day.isocalendar().week)
                painter.drawText(week, Qt.AlignmentFlag.AlignCenter, text)
            if day.isoweekday() in weekend:
                painter.fillRect(cell, shade)
            painter.fillRect(QRect(cell.left(), cell.top(), cell.width(), 1), line)
            painter.fillRect(QRect(cell.left(), cell.top(), 1, cell.height()), line)
            self._paint_day(painter, day, cell, day == today, palette)
        selected = self.day_rect(self._selected)
        if not selected.isEmpty():
            highlight = palette.color(QPalette.ColorRole.Highlight)
            cp.paint_frame(painter, selected, highlight, 2 if self.hasFocus() else 1)

    def _paint_day(
        self, painter: QPainter, day: date, cell: QRect, today: bool, palette: QPalette
    ) -> None:
        painter.setFont(self.font())
        other_month = day.replace(day=1) != self._month
        number = self._number_rect(cell)
        cp.paint_day_number(
            painter, number, str(day.day), today=today, muted=other_month, palette=palette
        )
        painter.save()
        painter.setClipRect(cell)
        for line in self.line_layout(day):
            text_rect = line.rect.adjusted(cp.BAR_WIDTH + Space.XS, 0, -2, 0)
            if line.meeting_id is None:
                painter.setFont(self.font())
                painter.setPen(colors().muted)
                painter.drawText(text_rect, LEFT, line.text)
                continue
            appearance = cp.look(self._by_id[line.meeting_id], palette)
            selected = line.meeting_id == self._meeting
            cp.paint_chip(painter, line.rect, appearance, palette, selected=selected)
            cp.paint_line(painter, text_rect, line.text, appearance, self.font())
        painter.restore()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._grid_valid = False
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._grid_valid = False
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day, line = self._line_at(event.pos())
            records: list[CalendarEntry] = []
            if day is not None and line is not None and line.meeting_id is None:
                drawn = {other.meeting_id for other in self.line_layout(day)}
                records = [r for r in self._by_day.get(day, []) if r.id not in drawn]
            elif line is not None and line.meeting_id is not None:
                records = [self._by_id[line.meeting_id]]
            return self._tooltip(event, records, self)
        return super().event(event)
