"""The Calendar's painted month and week grids, driven as a person does: keys, clicks and
double-clicks, and what is drawn where (through the layout helpers painting uses)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QToolTip, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingFields, MeetingRecord
from mentordesk.ui.common.style import Theme, apply_theme, colors
from mentordesk.ui.meetings.month_grid import MonthGrid
from mentordesk.ui.meetings.week_grid import WeekGrid

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = date(2026, 12, 2)  # a Wednesday
NAMES = {1: "Amara Okafor", 2: "Bastien Leclerc", 3: "Chen Wei"}
UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture(autouse=True)
def uk_locale() -> Iterator[None]:
    """Weeks from Monday unless a test says otherwise; the locale is restored after."""
    saved = QLocale()
    QLocale.setDefault(UK)
    yield
    QLocale.setDefault(saved)


def meeting(
    id: int,
    start: datetime,
    minutes: int = 60,
    mentors: tuple[int, ...] = (1,),
    status: MeetingStatus = MeetingStatus.PLANNED,
    title: str = "1:1",
) -> MeetingRecord:
    fields = MeetingFields(
        title=title, start=start, minutes=minutes, mentor_ids=mentors, status=status
    )
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    return MeetingRecord(
        id=id, fields=fields, uid=f"m{id}", sequence=0, created_at=stamp, updated_at=stamp
    )


def shown(qtbot: QtBot, widget: QWidget, width: int = 1000, height: int = 700) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


@pytest.fixture
def month(qtbot: QtBot) -> MonthGrid:
    grid = MonthGrid(today=lambda: TODAY)
    shown(qtbot, grid)
    grid.setFocus()
    return grid


@pytest.fixture
def week(qtbot: QtBot) -> WeekGrid:
    grid = WeekGrid(today=lambda: TODAY)
    shown(qtbot, grid)
    grid.setFocus()
    return grid


# Month ------------------------------------------------------------------------------


def test_the_month_shows_six_weeks_from_the_locales_first_day(qtbot: QtBot) -> None:
    grid = MonthGrid(today=lambda: TODAY)
    shown(qtbot, grid)
    assert grid.shown_range() == (date(2026, 11, 30), date(2027, 1, 10))  # Monday first
    first_cell = grid.day_rect(date(2026, 11, 30))
    assert first_cell.left() == grid.day_rect(date(2026, 12, 7)).left()
    assert first_cell.top() < grid.day_rect(date(2026, 12, 1)).bottom()
    assert grid.day_rect(date(2026, 12, 1)).left() > first_cell.left()
    assert grid.day_rect(date(2027, 1, 11)).isEmpty()

    QLocale.setDefault(US)
    grid = MonthGrid(today=lambda: TODAY)
    shown(qtbot, grid)
    assert grid.shown_range() == (date(2026, 11, 29), date(2027, 1, 9))  # Sunday first
    assert grid.day_at(grid.day_rect(date(2026, 11, 29)).center()) == date(2026, 11, 29)


def test_arrows_and_page_keys_move_the_selection_across_months(
    qtbot: QtBot, month: MonthGrid
) -> None:
    month.set_selected_date(date(2026, 12, 31))
    ranges: list[tuple[date, date]] = []
    month.range_changed.connect(lambda first, last: ranges.append((first, last)))
    with qtbot.waitSignal(month.selected_date_changed) as moved:
        qtbot.keyClick(month, Qt.Key.Key_Right)
    assert moved.args == [date(2027, 1, 1)]
    assert month.month() == (2027, 1)
    assert ranges == [(date(2026, 12, 28), date(2027, 2, 7))]

    qtbot.keyClick(month, Qt.Key.Key_Down)
    assert month.selected_date() == date(2027, 1, 8)
    qtbot.keyClick(month, Qt.Key.Key_Up)
    qtbot.keyClick(month, Qt.Key.Key_Left)
    assert month.selected_date() == date(2026, 12, 31)
    assert month.month() == (2026, 12)
    qtbot.keyClick(month, Qt.Key.Key_Home)  # the week of Thursday 31 December
    assert month.selected_date() == date(2026, 12, 28)
    qtbot.keyClick(month, Qt.Key.Key_End)
    assert month.selected_date() == date(2027, 1, 3)

    month.set_selected_date(date(2027, 1, 31))
    qtbot.keyClick(month, Qt.Key.Key_PageDown)
    assert month.selected_date() == date(2027, 2, 28)  # the shorter month's last day
    assert ranges[-1] == month.shown_range() == (date(2027, 2, 1), date(2027, 3, 14))
    qtbot.keyClick(month, Qt.Key.Key_PageUp)
    assert month.selected_date() == date(2027, 1, 28)


def test_set_month_keeps_the_day_or_picks_today_or_the_first(month: MonthGrid) -> None:
    month.set_month(2027, 3)
    assert month.selected_date() == date(2027, 3, 1)
    month.set_selected_date(date(2027, 3, 17))
    month.set_month(2026, 12)
    assert month.selected_date() == TODAY


def test_enter_activates_the_day_or_the_selected_meeting(qtbot: QtBot, month: MonthGrid) -> None:
    month.set_meetings([meeting(7, datetime(2026, 12, 3, 14, 0))], NAMES)
    month.set_selected_date(date(2026, 12, 3))
    with qtbot.waitSignal(month.day_activated) as activated:
        qtbot.keyClick(month, Qt.Key.Key_Return)
    assert activated.args == [date(2026, 12, 3)]

    line = month.line_layout(date(2026, 12, 3))[0]
    with qtbot.waitSignal(month.meeting_selected) as selected:
        qtbot.mouseClick(month, Qt.MouseButton.LeftButton, pos=line.rect.center())
    assert selected.args == [7]
    assert month.selected_meeting() == 7
    with qtbot.waitSignal(month.meeting_activated) as opened:
        qtbot.keyClick(month, Qt.Key.Key_Enter)
    assert opened.args == [7]
    qtbot.keyClick(month, Qt.Key.Key_Right)  # another day: no meeting is selected there
    assert month.selected_meeting() is None


def test_double_clicks_create_on_an_empty_day_and_open_a_meeting(
    qtbot: QtBot, month: MonthGrid
) -> None:
    month.set_meetings([meeting(3, datetime(2026, 12, 10, 9, 30))], NAMES)
    empty = month.day_rect(date(2026, 12, 16))
    with qtbot.waitSignal(month.create_requested) as create:
        qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=empty.center())
    assert create.args == [date(2026, 12, 16)]
    assert month.selected_date() == date(2026, 12, 16)

    line = month.line_layout(date(2026, 12, 10))[0]
    with qtbot.waitSignal(month.meeting_activated) as opened:
        qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=line.rect.center())
    assert opened.args == [3]
    # Below the meeting's line is the day, not the meeting.
    below = QPoint(line.rect.center().x(), line.rect.bottom() + 8)
    with qtbot.waitSignal(month.create_requested) as create:
        qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=below)
    assert create.args == [date(2026, 12, 10)]


def test_a_full_day_ends_in_plus_n_more(qtbot: QtBot, month: MonthGrid) -> None:
    day = date(2026, 12, 3)
    records = [meeting(i, datetime(2026, 12, 3, 8 + i, 0), mentors=(1,)) for i in range(8)]
    month.set_meetings(list(reversed(records)), NAMES)
    lines = month.lines_for(day)
    hidden = month.hidden_count(day)
    assert hidden > 0
    assert lines[-1] == f"+{hidden} more"
    assert len(lines) - 1 + hidden == 8
    assert lines[0] == "08:00 Amara Okafor"  # in start order, whatever order they came in
    assert lines[1] == "09:00 Amara Okafor"
    # Every line is inside its day.
    assert all(month.day_rect(day).contains(line.rect) for line in month.line_layout(day))

    month.resize(1000, 1400)
    assert month.hidden_count(day) == 0
    assert len(month.lines_for(day)) == 8


def test_what_a_meeting_line_says_and_how_it_is_marked(month: MonthGrid) -> None:
    day = date(2026, 12, 8)
    month.set_meetings(
        [
            meeting(1, datetime(2026, 12, 8, 9, 0), mentors=(1, 2)),
            meeting(2, datetime(2026, 12, 8, 10, 0), mentors=(), title="Imported coffee"),
            meeting(3, datetime(2026, 12, 8, 11, 0), mentors=(3,), status=MeetingStatus.CANCELLED),
            meeting(4, datetime(2026, 12, 8, 12, 0), mentors=(2,), status=MeetingStatus.MISSED),
        ],
        NAMES,
    )
    assert month.lines_for(day) == [
        "09:00 Amara Okafor +1",
        "? 10:00 Imported coffee",
        "11:00 Chen Wei",
        "✕ 12:00 Bastien Leclerc",
    ]
    assert [line.struck for line in month.line_layout(day)] == [False, False, True, False]
    month.set_selected_date(day)
    assert month.accessibleName() == "Month"
    assert month.accessibleDescription() == (
        f"{UK.toString(TODAY.replace(day=8), QLocale.FormatType.LongFormat)}, 4 meetings"
    )


def test_tooltip_names_the_meeting(month: MonthGrid) -> None:
    month.set_meetings([meeting(5, datetime(2026, 12, 9, 15, 0), mentors=(1, 3))], NAMES)
    line = month.line_layout(date(2026, 12, 9))[0]
    event = QHelpEvent(
        QEvent.Type.ToolTip, line.rect.center(), month.mapToGlobal(line.rect.center())
    )
    month.event(event)
    text = QToolTip.text()
    assert "1:1" in text and "15:00–16:00" in text
    assert "Amara Okafor, Chen Wei" in text and "Planned" in text


def test_week_tooltip_and_no_tooltip_on_an_empty_slot(week: WeekGrid) -> None:
    week.set_meetings([meeting(6, datetime(2026, 12, 2, 9, 0), mentors=())], NAMES)
    block = week.block_rects()[6][0]
    viewport = week.viewport()
    week.viewportEvent(
        QHelpEvent(QEvent.Type.ToolTip, block.center(), viewport.mapToGlobal(block.center()))
    )
    assert "Unassigned" in QToolTip.text() and "09:00–10:00" in QToolTip.text()
    empty = QPoint(block.center().x(), block.bottom() + 2 * week.hour_height())
    event = QHelpEvent(QEvent.Type.ToolTip, empty, viewport.mapToGlobal(empty))
    week.viewportEvent(event)
    assert not event.isAccepted()


def test_tab_leaves_the_grid(qtbot: QtBot) -> None:
    for grid in (MonthGrid(today=lambda: TODAY), WeekGrid(today=lambda: TODAY)):
        window = QWidget()
        layout = QVBoxLayout(window)
        before, after = QLineEdit(), QLineEdit()
        for widget in (before, grid, after):
            layout.addWidget(widget)
        shown(qtbot, window)
        window.activateWindow()
        grid.setFocus()
        qtbot.waitUntil(grid.hasFocus)
        qtbot.keyClick(grid, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is after
        grid.setFocus()
        qtbot.waitUntil(grid.hasFocus)
        qtbot.keyClick(grid, Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is before


# Week -------------------------------------------------------------------------------


def test_overlapping_meetings_stand_side_by_side(week: WeekGrid) -> None:
    day = date(2026, 12, 3)
    week.set_meetings(
        [
            meeting(1, datetime(2026, 12, 3, 10, 0)),
            meeting(2, datetime(2026, 12, 3, 10, 30)),
            meeting(3, datetime(2026, 12, 3, 11, 0), minutes=30),
            meeting(4, datetime(2026, 12, 3, 14, 0), status=MeetingStatus.CANCELLED),
        ],
        NAMES,
    )
    blocks = {block.meeting_id: block for block in week.layout_for(day)}
    assert {i: (b.column, b.columns) for i, b in blocks.items()} == {
        1: (0, 2),
        2: (1, 2),
        3: (0, 2),  # column 0 is free again at 11:00
        4: (0, 1),
    }
    column = week.day_rect(day)
    assert blocks[1].rect.right() < blocks[2].rect.left()
    assert blocks[1].rect.width() < column.width() / 2 <= blocks[4].rect.width()
    assert column.left() <= blocks[1].rect.left() and blocks[2].rect.right() <= column.right()
    hour = week.hour_height()
    assert blocks[1].rect.top() in range(10 * hour, 10 * hour + 3)
    assert blocks[1].rect.bottom() in range(11 * hour - 3, 11 * hour)
    assert [blocks[i].struck for i in (1, 4)] == [False, True]


def test_a_meeting_across_midnight_is_drawn_on_both_days(week: WeekGrid) -> None:
    week.set_meetings([meeting(9, datetime(2026, 12, 4, 23, 0), minutes=120)], NAMES)
    friday, saturday = week.layout_for(date(2026, 12, 4)), week.layout_for(date(2026, 12, 5))
    hour = week.hour_height()
    assert friday[0].rect.top() // hour == 23 and friday[0].rect.bottom() < 24 * hour
    assert saturday[0].rect.top() <= 1 and saturday[0].rect.bottom() // hour == 0
    assert len(week.block_rects()[9]) == 2


def test_double_click_on_a_slot_asks_for_its_half_hour(qtbot: QtBot, week: WeekGrid) -> None:
    week.set_meetings([meeting(2, datetime(2026, 12, 3, 9, 0))], NAMES)
    hour = week.hour_height()
    column = week.day_rect(date(2026, 12, 1))
    scroll = week.verticalScrollBar().value()
    for minutes, expected in ((14 * 60 + 40, (14, 30)), (9 * 60 + 5, (9, 0))):
        y = minutes * hour // 60 - scroll
        with qtbot.waitSignal(week.create_requested) as create:
            qtbot.mouseDClick(
                week.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(column.center().x(), y)
            )
        assert create.args == [datetime(2026, 12, 1, *expected)]
    assert week.selected_date() == date(2026, 12, 1)

    block = week.block_rects()[2][0]
    with qtbot.waitSignal(week.meeting_activated) as opened:
        qtbot.mouseDClick(week.viewport(), Qt.MouseButton.LeftButton, pos=block.center())
    assert opened.args == [2]
    assert week.selected_meeting() == 2


def test_week_keys_move_days_and_weeks_and_scroll_hours(qtbot: QtBot, week: WeekGrid) -> None:
    assert week.shown_range() == (date(2026, 11, 30), date(2026, 12, 6))
    week.set_selected_date(date(2026, 12, 6))
    with qtbot.waitSignal(week.range_changed) as changed:
        qtbot.keyClick(week, Qt.Key.Key_Right)
    assert changed.args == [date(2026, 12, 7), date(2026, 12, 13)]
    assert week.selected_date() == date(2026, 12, 7)
    qtbot.keyClick(week, Qt.Key.Key_PageDown)
    assert week.selected_date() == date(2026, 12, 14)
    qtbot.keyClick(week, Qt.Key.Key_End)
    assert week.selected_date() == date(2026, 12, 20)
    qtbot.keyClick(week, Qt.Key.Key_Home)
    assert week.selected_date() == date(2026, 12, 14)
    with qtbot.waitSignal(week.selected_date_changed) as moved:
        qtbot.keyClick(week, Qt.Key.Key_Left)
    assert moved.args == [date(2026, 12, 13)]

    scroll = week.verticalScrollBar().value()
    qtbot.keyClick(week, Qt.Key.Key_Up)
    assert week.verticalScrollBar().value() < scroll
    assert week.selected_date() == date(2026, 12, 13)


def test_first_show_scrolls_to_eight_or_the_first_meeting(qtbot: QtBot) -> None:
    grid = WeekGrid(today=lambda: TODAY)
    shown(qtbot, grid, height=400)
    assert grid.verticalScrollBar().value() == 8 * grid.hour_height()

    early = WeekGrid(today=lambda: TODAY)
    early.set_meetings([meeting(1, datetime(2026, 12, 2, 6, 30))], NAMES)
    shown(qtbot, early, height=400)
    assert early.verticalScrollBar().value() == 6 * early.hour_height()


def test_week_describes_the_selected_day(week: WeekGrid) -> None:
    week.set_meetings([meeting(1, datetime(2026, 12, 2, 9, 0))], NAMES)
    assert week.accessibleName() == "Week"
    assert week.accessibleDescription().endswith(", 1 meeting")
    assert UK.toString(TODAY, QLocale.FormatType.LongFormat) in week.accessibleDescription()


# Painting ---------------------------------------------------------------------------


def _sample() -> list[MeetingRecord]:
    return [
        meeting(1, datetime(2026, 12, 2, 9, 0), mentors=(1, 2)),
        meeting(2, datetime(2026, 12, 2, 9, 30), mentors=(), title="Unassigned one"),
        meeting(3, datetime(2026, 12, 3, 11, 0), status=MeetingStatus.CANCELLED),
        meeting(4, datetime(2026, 12, 4, 23, 30), mentors=(3,), status=MeetingStatus.MISSED),
    ]


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_both_grids_paint_in_both_schemes(qtbot: QtBot, theme: Theme) -> None:
    apply_theme(theme)
    for grid in (MonthGrid(today=lambda: TODAY), WeekGrid(today=lambda: TODAY)):
        shown(qtbot, grid)
        grid.set_meetings(_sample(), NAMES)
        grid.set_selected_meeting(1)
        image = QImage(grid.size(), QImage.Format.Format_ARGB32)
        grid.render(image)
        assert not image.isNull()
    month = MonthGrid(today=lambda: TODAY)
    shown(qtbot, month)
    image = month.grab().toImage()
    # Today's number sits on the accent circle (in the scheme shown); a weekend is shaded
    # apart from a weekday.
    accent = colors().accent.rgb()

    def accent_pixels(day: date) -> int:
        corner = month.day_rect(day).topLeft()
        area = [corner + QPoint(x, y) for x in range(40) for y in range(30)]
        return sum(1 for point in area if image.pixel(point) == accent)

    assert accent_pixels(TODAY) > 50
    assert accent_pixels(TODAY + timedelta(days=1)) == 0
    saturday = month.day_rect(date(2026, 12, 19)).center()
    friday = month.day_rect(date(2026, 12, 18)).center()
    assert image.pixel(saturday) != image.pixel(friday)
