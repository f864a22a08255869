"""What the month and the week grid share: the locale's week, a meeting's colours and marks
(cancelled, missed, unassigned), its time and people in words, its tooltip, and
``GridBehaviour``, the selection, keys and clicks both grids handle alike.

Colours are computed from ``colors()`` and the widget's palette each time a grid paints, so
a theme change shows at the next paint; nothing here keeps a colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import cast

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QPoint,
    QRect,
    Qt,
    QTime,
    SignalInstance,
)
from PySide6.QtGui import QColor, QFont, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.style import colors

BAR_WIDTH = 4  # the solid strip of the mentor's colour at a meeting's left edge
TINT = 0.16  # how much of the mentor's colour shows behind a meeting's text (alpha ~40)
MISSED_MARK = "✕"
UNASSIGNED_MARK = "?"


def _tr(text: str) -> str:
    return QCoreApplication.translate("calendar", text)


# The locale's week --------------------------------------------------------------------


def first_weekday() -> int:
    """The ISO weekday (Monday 1 ... Sunday 7) the locale starts its weeks on."""
    return int(QLocale().firstDayOfWeek().value)


def week_start(day: date) -> date:
    """The first day of the locale's week that holds ``day``."""
    return day - timedelta(days=(day.isoweekday() - first_weekday()) % 7)


def weekend_days() -> frozenset[int]:
    """The ISO weekdays that are not the locale's working days (6 and 7 in most places)."""
    return frozenset(range(1, 8)) - {int(weekday.value) for weekday in QLocale().weekdays()}


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def add_months(day: date, months: int) -> date:
    """The same day of another month, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - timedelta(days=1)).day))


def weekday_name(day: date) -> str:
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def long_date(day: date) -> str:
    return QLocale().toString(qdate(day), QLocale.FormatType.LongFormat)


def day_description(day: date, count: int) -> str:
    """What a screen reader says of the selected day: "Thursday, 3 December 2026, 2 meetings"."""
    meetings = _tr("1 meeting") if count == 1 else _tr("{n} meetings").format(n=count)
    if count == 0:
        meetings = _tr("no meetings")
    return _tr("{day}, {meetings}").format(day=long_date(day), meetings=meetings)


# Times and people ---------------------------------------------------------------------


def local_span(record: MeetingRecord) -> tuple[datetime, datetime]:
    """Start and end as naive wall-clock times in the computer's zone."""
    start = record.local_start()
    end = record.ends_at.astimezone()
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def short_time(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def time_range(start: datetime, end: datetime) -> str:
    return _tr("{start}–{end}").format(start=short_time(start), end=short_time(end))


def who(record: MeetingRecord, names: Mapping[int, str]) -> str:
    """The first mentor's name ("Amara Okafor +1" for a group), or the title if nobody."""
    if record.is_unassigned:
        return record.title
    first = names.get(record.mentor_ids[0], record.title)
    others = len(record.mentor_ids) - 1
    return _tr("{name} +{n}").format(name=first, n=others) if others else first


def mentor_names(record: MeetingRecord, names: Mapping[int, str]) -> str:
    if record.is_unassigned:
        return _tr("Unassigned")
    return ", ".join(names.get(mentor, _tr("Unknown mentor")) for mentor in record.mentor_ids)


def tooltip(records: Iterable[MeetingRecord], names: Mapping[int, str]) -> str:
    """Each meeting as title, date and time, mentors and status; a blank line between."""
    parts = []
    for record in records:
        start, end = local_span(record)
        when = _tr("{day}, {time}").format(day=long_date(start.date()), time=time_range(start, end))
        parts.append(
            "\n".join((record.title, when, mentor_names(record, names), label(record.status)))
        )
    return "\n\n".join(parts)


# How a meeting looks ------------------------------------------------------------------


@dataclass(frozen=True)
class Look:
    """The colours and marks of one meeting in the scheme shown now."""

    bar: QColor
    fill: QColor
    text: QColor
    mark: str  # drawn before the text: ✕ for missed, ? for unassigned, else ""
    mark_color: QColor
    struck: bool


def blend(under: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``under`` with the given opacity, as one opaque colour."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        under.redF() * keep + over.redF() * amount,
        under.greenF() * keep + over.greenF() * amount,
        under.blueF() * keep + over.blueF() * amount,
    )


def mark_of(record: MeetingRecord) -> str:
    if record.status is MeetingStatus.MISSED:
        return MISSED_MARK
    return UNASSIGNED_MARK if record.is_unassigned else ""


def mentor_color(record: MeetingRecord) -> QColor:
    """The first mentor's colour; the caution colour for a meeting nobody is assigned to."""
    scheme = colors()
    if record.is_unassigned:
        return scheme.caution
    return scheme.mentors[record.mentor_ids[0] % len(scheme.mentors)]


def look(record: MeetingRecord, palette: QPalette) -> Look:
    scheme = colors()
    base = palette.color(QPalette.ColorRole.Base)
    if record.status is MeetingStatus.CANCELLED:
        bar = scheme.muted
        return Look(bar, blend(base, bar, TINT / 2), scheme.muted, mark_of(record), bar, True)
    bar = mentor_color(record)
    mark_color = scheme.danger if record.status is MeetingStatus.MISSED else scheme.caution
    text = palette.color(QPalette.ColorRole.Text)
    return Look(bar, blend(base, bar, TINT), text, mark_of(record), mark_color, False)


def paint_chip(
    painter: QPainter, rect: QRect, appearance: Look, palette: QPalette, *, selected: bool
) -> None:
    """A meeting's background: the light tint, the solid bar, the selection's border."""
    painter.fillRect(rect, appearance.fill)
    painter.fillRect(QRect(rect.left(), rect.top(), BAR_WIDTH, rect.height()), appearance.bar)
    if selected:
        paint_frame(painter, rect, palette.color(QPalette.ColorRole.Highlight), 2)


def paint_frame(painter: QPainter, rect: QRect, color: QColor, width: int) -> None:
    """A frame ``width`` pixels wide just inside ``rect`` (crisp, whatever the pen)."""
    w, h = rect.width(), rect.height()
    painter.fillRect(QRect(rect.left(), rect.top(), w, width), color)
    painter.fillRect(QRect(rect.left(), rect.bottom() - width + 1, w, width), color)
    painter.fillRect(QRect(rect.left(), rect.top(), width, h), color)
    painter.fillRect(QRect(rect.right() - width + 1, rect.top(), width, h), color)


def paint_line(
    painter: QPainter, rect: QRect, text: str, appearance: Look, font: QFont, *, bold: bool = False
) -> None:
    """One line of a meeting's text in ``rect``: its mark in its colour, then the text,
    elided to what is left of the width."""
    line_font = QFont(font)
    line_font.setStrikeOut(appearance.struck)
    if bold:
        line_font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(line_font)
    metrics = painter.fontMetrics()
    left = rect.left()
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    if appearance.mark:
        painter.setPen(appearance.mark_color)
        mark_rect = QRect(left, rect.top(), rect.width(), rect.height())
        painter.drawText(mark_rect, flags, appearance.mark)
        left += metrics.horizontalAdvance(appearance.mark + " ")
    painter.setPen(appearance.text)
    width = max(0, rect.right() - left + 1)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    painter.drawText(QRect(left, rect.top(), width, rect.height()), flags, elided)


def grid_line(palette: QPalette) -> QColor:
    """The thin lines between days and hours: a little of the text colour on the base."""
    return blend(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.14
    )


def weekend_fill(palette: QPalette) -> QColor:
    return blend(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window), 0.7
    )


def paint_day_number(
    painter: QPainter, rect: QRect, number: str, *, today: bool, muted: bool, palette: QPalette
) -> None:
    """A day's number, centred in ``rect``; today's on a filled circle of the accent."""
    scheme = colors()
    if today:
        side = min(rect.width(), rect.height())
        circle = QRect(0, 0, side, side)
        circle.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scheme.accent)
        painter.drawEllipse(circle)
        painter.restore()
        painter.setPen(scheme.on_accent)
    else:
        painter.setPen(scheme.muted if muted else palette.color(QPalette.ColorRole.Text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)


# Selection, keys and clicks -----------------------------------------------------------


class GridBehaviour:
    """What both grids do alike with the selected day and meeting, keys and clicks. A grid
    (a QWidget subclass listing this first) declares the signals and provides the hooks:
    ``_show_day`` (show the month or week holding a day, emitting range_changed), ``_on``
    (is a meeting drawn on a day), ``_key_target``, ``_hit``, ``_empty_double_click`` and
    ``_repaint``. Setters never emit what the person did (selected_date_changed,
    meeting_selected)."""

    selected_date_changed: SignalInstance
    meeting_selected: SignalInstance
    meeting_activated: SignalInstance
    day_activated: SignalInstance

    def _init_selection(self, day: date) -> None:
        self._selected = day
        self._meeting: int | None = None
        self._by_id: dict[int, MeetingRecord] = {}
        self._spans: dict[int, tuple[datetime, datetime]] = {}  # local start and end by id
        self._names: dict[int, str] = {}

    def _show_day(self, day: date) -> None: ...

    def _on(self, record: MeetingRecord, day: date) -> bool: ...

    def _key_target(self, key: Qt.Key) -> date | None: ...

    def _hit(self, pos: QPoint) -> tuple[date | None, int | None]: ...

    def _empty_double_click(self, pos: QPoint, day: date) -> None: ...

    def _repaint(self) -> None: ...

    def _take(self, records: Sequence[MeetingRecord], names: Mapping[int, str]) -> None:
        self._by_id = {record.id: record for record in records}
        # Converting to local time costs a time-zone look-up: done once per meeting here.
        self._spans = {record.id: local_span(record) for record in records}
        self._names = dict(names)
        if self._meeting not in self._by_id:
            self._meeting = None

    def selected_date(self) -> date:
        return self._selected

    def set_selected_date(self, day: date) -> None:
        """Select a day, showing its month or week."""
        self._show_day(day)
        self._select(day, person=False)

    def selected_meeting(self) -> int | None:
        return self._meeting

    def set_selected_meeting(self, meeting_id: int | None) -> None:
        """Highlight a meeting (None for none), selecting its day if it is shown."""
        record = self._by_id.get(meeting_id) if meeting_id is not None else None
        if record is not None:
            self.set_selected_date(self._spans[record.id][0].date())
        self._meeting = meeting_id
        self._repaint()

    def _select(self, day: date, *, person: bool) -> None:
        changed = day != self._selected
        self._selected = day
        record = self._by_id.get(self._meeting) if self._meeting is not None else None
        if record is None or not self._on(record, day):
            self._meeting = None
        self._describe()
        self._repaint()
        if changed and person:
            self.selected_date_changed.emit(day)

    def _describe(self) -> None:
        count = sum(1 for record in self._by_id.values() if self._on(record, self._selected))
        widget = cast(QWidget, self)
        widget.setAccessibleDescription(day_description(self._selected, count))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        target = self._key_target(key) if plain == Qt.KeyboardModifier.NoModifier else None
        if plain == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._meeting is not None:
                self.meeting_activated.emit(self._meeting)
            else:
                self.day_activated.emit(self._selected)
        elif target is not None:
            self._show_day(target)  # past the shown range: the next month or week
            self._select(target, person=True)
        else:
            super().keyPressEvent(event)  # type: ignore[misc]

    def _click(self, pos: QPoint) -> tuple[date | None, int | None]:
        day, meeting = self._hit(pos)
        if day is not None:
            self._select(day, person=True)
            if meeting != self._meeting:
                self._meeting = meeting
                self._repaint()
                if meeting is not None:
                    self.meeting_selected.emit(meeting)
        return day, meeting

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._click(event.position().toPoint())
        else:
            super().mousePressEvent(event)  # type: ignore[misc]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)  # type: ignore[misc]
            return
        pos = event.position().toPoint()
        day, meeting = self._click(pos)
        if meeting is not None:
            self.meeting_activated.emit(meeting)
        elif day is not None:
            self._empty_double_click(pos, day)

    def _tooltip(self, event: QHelpEvent, records: list[MeetingRecord], owner: QWidget) -> bool:
        if records:
            QToolTip.showText(event.globalPos(), tooltip(records, self._names), owner)
        else:
            QToolTip.hideText()
            event.ignore()
        return True
