"""How the month and the week grid show days and meetings alike (the locale's week, a
meeting's colours, marks and words), so both grids look and read the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QRect,
    Qt,
    QTime,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import CalendarEntry
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


def local_span(record: CalendarEntry) -> tuple[datetime, datetime]:
    """Start and end as naive wall-clock times in the computer's zone."""
    start = record.local_start()
    end = record.ends_at.astimezone()
    return start.replace(tzinfo=None), end.replace(tzinfo=None)


def short_time(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def time_range(start: datetime, end: datetime) -> str:
    return _tr("{start}–{end}").format(start=short_time(start), end=short_time(end))


def who(record: CalendarEntry, names: Mapping[int, str]) -> str:
    """The first mentor's name ("Amara Okafor +1" for a group), or the title if nobody."""
    if record.is_unassigned:
        return record.title
    first = names.get(record.mentor_ids[0], record.title)
    others = len(record.mentor_ids) - 1
    return _tr("{name} +{n}").format(name=first, n=others) if others else first


def mentor_names(record: CalendarEntry, names: Mapping[int, str]) -> str:
    if record.is_unassigned:
        return _tr("Unassigned")
    return ", ".join(names.get(mentor, _tr("Unknown mentor")) for mentor in record.mentor_ids)


def tooltip(records: Iterable[CalendarEntry], names: Mapping[int, str]) -> str:
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


def mark_of(record: CalendarEntry) -> str:
    if record.status is MeetingStatus.MISSED:
        return MISSED_MARK
    return UNASSIGNED_MARK if record.is_unassigned else ""


def mentor_color(record: CalendarEntry) -> QColor:
    """The first mentor's colour; the caution colour for a meeting nobody is assigned to."""
    scheme = colors()
    if record.is_unassigned:
        return scheme.caution
    return scheme.mentors[record.mentor_ids[0] % len(scheme.mentors)]


def look(record: CalendarEntry, palette: QPalette) -> Look:
    """A meeting's look in the scheme shown now. Like every colour here it is computed from
    ``colors()`` and the palette at each paint, so a theme change shows at the next paint."""
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


_fonts: dict[tuple[str, bool, bool], QFont] = {}


def _line_font(font: QFont, struck: bool, bold: bool) -> QFont:
    """The widget's font, struck through or bolder: made once, not once per line painted."""
    key = (font.key(), struck, bold)
    made = _fonts.get(key)
    if made is None:
        made = QFont(font)
        made.setStrikeOut(struck)
        if bold:
            made.setWeight(QFont.Weight.DemiBold)
        _fonts[key] = made
    return made


def paint_line(
    painter: QPainter, rect: QRect, text: str, appearance: Look, font: QFont, *, bold: bool = False
) -> None:
    """One line of a meeting's text in ``rect``: its mark in its colour, then the text,
    elided to what is left of the width."""
    painter.setFont(_line_font(font, appearance.struck, bold))
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
