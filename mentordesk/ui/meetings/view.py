"""The Calendar view: meetings by month, by week or as an agenda, and the selected meeting's
card beside them, where it is prepared before, ticked off during and written up after.

Only the shown range is read from the database, so moving month to month costs the same at
any number of meetings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import CalendarEntry, MeetingRecord, overlapping
from mentordesk.domain.mentor import MentorEntry
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.card_host import CardHost
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.view import View
from mentordesk.ui.meetings.agenda_list import AgendaList
from mentordesk.ui.meetings.calendar_paint import add_months, week_start
from mentordesk.ui.meetings.editor import MeetingEditor
from mentordesk.ui.meetings.edits import MEETING, MeetingEdits, day_text
from mentordesk.ui.meetings.month_grid import MonthGrid
from mentordesk.ui.meetings.nav_bar import CalendarMode, CalendarNavBar
from mentordesk.ui.meetings.texts import calendar_texts
from mentordesk.ui.meetings.week_grid import WeekGrid

if TYPE_CHECKING:
    from mentordesk.services.context import Services

RANGES_KEPT = 8  # months or weeks of meetings kept once read
READ_AHEAD_MS = 120  # idle time before the neighbouring ranges are read


# The card beside the calendar: both fit side by side in an 800 px window.
CARD_MIN_WIDTH = 290


class CalendarView(MeetingEdits, CardHost, View):
    """The calendar in three modes and the meeting card; every change is undoable."""

    pdf_requested = Signal()  # the shown planned meeting's preparation sheet
    name = "calendar"
    kinds = frozenset({DataKind.MEETING, DataKind.MENTOR, DataKind.ACTION_ITEM})
    edit_kinds = MEETING
    key_field = "title"
    editor: MeetingEditor
    texts: ListCardTexts

    def __init__(
        self,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._host(bus, undo_stack, today, calendar_texts())
        self._mentors: Sequence[MentorEntry] = ()
        self._names: dict[int, str] = {}
        self._shown: list[CalendarEntry] = []  # what the grid shows
        self._mode = CalendarMode.MONTH
        self._editor = None
        # The last ranges of days read, by (first, last, mentor shown), oldest first.
        self._ranges: dict[tuple[date, date, int | None], list[CalendarEntry]] = {}
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(READ_AHEAD_MS)
        self._prefetch.timeout.connect(self._read_ahead)
        self._build_actions()
        self._build()
        bus.changed.connect(self._on_data_changed)
        self._update_actions()

    # --- construction --------------------------------------------------------------------

    def _action(
        self,
        icon_name: str,
        text: str,
        shortcut: str | QKeySequence.StandardKey,
        slot: Callable[[], None],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip or text.replace("&", ""))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.new_action = self._action(
            "new",
            tr("&New Meeting"),
            QKeySequence.StandardKey.New,
            lambda: self.start_new(),
            tr("Plan a meeting"),
        )
        self.prepare_action = self._action(
            "prepare",
            tr("&Prepare"),
            "Ctrl+Shift+P",
            self.prepare,
            tr("Fill the agenda from what is open with these mentors"),
        )
        self.schedule_action = self._action(
            "schedule",
            tr("&Schedule Next"),
            "Ctrl+Shift+N",
            self.schedule_next,
            tr("Plan the next meeting with this mentor at the agreed cadence"),
        )
        self.pdf_action = self._action(
            "report",
            tr("P&reparation Sheet PDF…"),
            "",
            self.pdf_requested.emit,
            tr("A one-page PDF to take into the meeting shown"),
        )
        self.pdf_action.setIconText(tr("PDF"))
        self.delete_action = QAction(icon("delete"), tr("&Delete Meeting…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only in the calendar itself: Delete in a text field deletes text, not a meeting.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.today_action = self._action(
            "today", tr("&Today"), "Ctrl+T", self.go_to_today, tr("Show today")
        )
        self.previous_action = self._action(
            "previous",
            tr("&Previous"),
            "Alt+Left",
            lambda: self.step(-1),
            tr("The previous month or week"),
        )
        self.next_action = self._action(
            "next", tr("Ne&xt"), "Alt+Right", lambda: self.step(1), tr("The next month or week")
        )
        self.go_to_action = self._action(
            "",
            tr("&Go to Date…"),
            "Ctrl+G",
            lambda: self.nav.jump.setFocus(),
            tr("Type a day to go to"),
        )
        group = QActionGroup(self)
        self.mode_actions: dict[CalendarMode, QAction] = {}
        for mode, text, key in (
            (CalendarMode.MONTH, tr("&Month"), "Ctrl+Shift+M"),
            (CalendarMode.WEEK, tr("&Week"), "Ctrl+Shift+W"),
            (CalendarMode.AGENDA, tr("&Agenda"), "Ctrl+Shift+A"),
        ):
            action = self._action("", text, key, lambda m=mode: self.set_mode(m))
            action.setCheckable(True)
            group.addAction(action)
            self.mode_actions[mode] = action
        self.mode_actions[CalendarMode.MONTH].setChecked(True)

    def _build(self) -> None:
        self.nav = CalendarNavBar(
            (self.today_action, self.previous_action, self.next_action),
            tuple(self.mode_actions.values()),
        )
        self.nav.jump_requested.connect(self.go_to)
        self.nav.mentor_chosen.connect(lambda _m: self._fetch())
        self.stack = QStackedWidget()
        self._week: WeekGrid | None = None
        self._agenda: AgendaList | None = None
        self.month = MonthGrid(today=self._today)
        self._add_grid(self.month, "calendarMonth")
        self.month.day_activated.connect(self._open_day)
        self.stack.addAction(self.delete_action)
        calendar = QWidget()
        column = QVBoxLayout(calendar)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.nav)
        column.addWidget(self.stack, 1)

        self.editor_hint = EmptyState(
            self.texts.hint_title, self.texts.hint_body, icon_name="calendar"
        )
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_hint)
        self.editor_stack.setMinimumWidth(CARD_MIN_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(calendar)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The card may be pushed aside in a narrow window (it comes back when a meeting is
        # shown); the calendar may not.
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, True)
        self.splitter.setSizes([680, 420])  # the card as wide as its rows at 1280 px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setObjectName("calendarView")
        self.splitter.setObjectName("calendarSplitter")
        self._update_title()

    # The week and the agenda are built when first shown: most visits are to the month.

    @property
    def week(self) -> WeekGrid:
        if self._week is None:
            self._week = WeekGrid(today=self._today)
            self._add_grid(self._week, "calendarWeek")
        return self._week

    @property
    def agenda(self) -> AgendaList:
        if self._agenda is None:
            self._agenda = AgendaList(today=self._today)
            self._add_grid(self._agenda, "calendarAgenda")
        return self._agenda

    def _add_grid(self, grid: MonthGrid | WeekGrid | AgendaList, name: str) -> None:
        grid.setObjectName(name)
        self.stack.addWidget(grid)
        grid.range_changed.connect(lambda _a, _b: self._fetch())
        grid.meeting_selected.connect(self._select_meeting)
        grid.meeting_activated.connect(self._activate_meeting)
        if not isinstance(grid, AgendaList):
            grid.create_requested.connect(self._create_at)
            grid.selected_date_changed.connect(lambda _d: self._update_title())

    @property
    def editor(self) -> MeetingEditor:  # type: ignore[override]
        """The meeting card, built when a meeting is first shown or started."""
        if self._editor is None:
            editor = MeetingEditor()
            editor.edit_requested.connect(self.store_edit)
            editor.create_requested.connect(self.store_new)
            editor.prepare_requested.connect(self.prepare)
            editor.action_from_advice_requested.connect(self.add_action_item)
            editor.items.add_requested.connect(self.add_action_item)
            editor.items.done_toggled.connect(self.mark_item)
            editor.set_mentors(self._mentors)
            editor.setEnabled(self.editable)
            self.editor_stack.addWidget(editor)
            self._editor = editor
        return self._editor

    # --- what the main window asks -------------------------------------------------------

    def menu_actions(self) -> Sequence[QAction]:
        return (
            self.new_action,
            self.prepare_action,
            self.schedule_action,
            self.pdf_action,
            self.delete_action,
            self.today_action,
            self.previous_action,
            self.next_action,
            self.go_to_action,
            *self.mode_actions.values(),
        )

    def toolbar_actions(self) -> Sequence[QAction]:
        return (
            self.new_action,
            self.prepare_action,
            self.schedule_action,
            self.pdf_action,
            self.delete_action,
        )

    def attach(self, services: Services) -> None:
        self._services = services
        if self._editor is not None:
            self._editor.setEnabled(self.editable)
        self.reload(self.kinds)

    def detach(self) -> None:
        self.commit_pending()
        self._services = None
        if self._editor is not None:
            self._editor.setEnabled(False)
        self._update_actions()

    def commit_pending(self) -> None:
        if self._editor is not None:
            self._editor.commit_pending()

    def unsaved_fields(self) -> list[str]:
        return self._editor.unsaved_fields() if self._editor is not None else []

    def view_state(self) -> dict[str, Any]:
        return {"splitter": self.splitter.saveState()}

    def restore_view_state(self, state: dict[str, Any]) -> None:
        if "splitter" in state:
            self.splitter.restoreState(state["splitter"])

    # --- reading -------------------------------------------------------------------------

    def _on_data_changed(self, kinds: frozenset[DataKind]) -> None:
        if kinds & self.kinds and self._services is not None:
            self.reload(kinds & self.kinds)

    def reload(self, kinds: frozenset[DataKind]) -> None:
        services = self._services
        if services is None:
            return
        if DataKind.MENTOR in kinds:
            self._mentors = self._bus.mentor_directory(services)
            self._names = {m.id: m.name for m in self._mentors}
            self.nav.set_mentors(self._mentors)
            if self._editor is not None:
                self._editor.set_mentors(self._mentors)
        record = self.shown_meeting()
        if kinds & {DataKind.MEETING, DataKind.MENTOR}:
            self._ranges.clear()  # what was read ahead may have changed
            self._fetch()
            if record is not None:
                try:  # the grid reads entries: the card reads the whole meeting
                    self._show_card(services.meetings.get(record.id))
                except DomainError:
                    self._show_card(None)  # deleted meanwhile (an undo, the command line)
        elif record is not None:  # only action items changed: the meetings did not
            self.editor.items.set_items(services.action_items.of_meeting(record.id))
        self._update_actions()

    def grid(self) -> MonthGrid | WeekGrid | AgendaList:
        if self._mode is CalendarMode.MONTH:
            return self.month
        return self.week if self._mode is CalendarMode.WEEK else self.agenda

    def _fetch(self) -> None:
        """Show the meetings of the range shown (and only those): from the few ranges read
        last, or read now; the ranges either side are read ahead while nothing happens."""
        if self._services is None:
            return
        grid = self.grid()
        self._shown = self._read_range(*grid.shown_range())
        grid.set_meetings(self._shown, self._names)
        self._update_title()
        self._prefetch.start()

    def _read_range(self, first: date, last: date) -> list[CalendarEntry]:
        key = (first, last, self.nav.chosen_mentor())
        found = self._ranges.pop(key, None)
        if found is None:
            assert self._services is not None
            start = datetime.combine(first, time()).astimezone()
            end = datetime.combine(last + timedelta(days=1), time()).astimezone()
            mentor = key[2]
            found = self._services.meetings.entries_between(
                start, end, mentor_ids=() if mentor is None else (mentor,)
            )
        self._ranges[key] = found  # the most recently used last
        while len(self._ranges) > RANGES_KEPT:
            del self._ranges[next(iter(self._ranges))]
        return found

    def _read_ahead(self) -> None:
        """Read the ranges before and after the one shown, so that stepping shows at once."""
        if self._services is None:
            return
        grid = self.grid()
        first, last = grid.shown_range()
        if isinstance(grid, MonthGrid):
            year, month = grid.month()
            for step in (1, -1):
                start = week_start(add_months(date(year, month, 1), step))
                self._read_range(start, start + (last - first))
        else:
            span = last - first + timedelta(days=1)
            for step in (1, -1):
                self._read_range(first + step * span, last + step * span)
        self._read_range(first, last)  # the shown range stays the most recently used

    def shown_meeting(self) -> MeetingRecord | None:
        if self._editor is None or self.editor_stack.currentWidget() is not self._editor:
            return None
        return self._editor.record

    # --- navigation ----------------------------------------------------------------------

    def set_mode(self, mode: CalendarMode) -> None:
        day = self.grid().selected_date()
        self._mode = mode
        self.mode_actions[mode].setChecked(True)
        grid = self.grid()
        self.stack.setCurrentWidget(grid)
        before = grid.shown_range()
        grid.set_selected_date(day)
        if grid.shown_range() == before:
            self._fetch()  # the same range as when this grid was last shown: read it again
        selected = self.shown_meeting()
        grid.set_selected_meeting(selected.id if selected else None)
        grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to(self, day: date) -> None:
        self._show_day(day)
        self.grid().setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_day(self, day: date) -> None:
        """Select ``day``; the meetings are read again only if the shown range changed
        (the grid's range_changed does it)."""
        grid = self.grid()
        before = grid.shown_range()
        grid.set_selected_date(day)
        if grid.shown_range() == before:
            self._update_title()

    def go_to_today(self) -> None:
        self.go_to(self._today())

    def step(self, direction: int) -> None:
        grid = self.grid()
        if isinstance(grid, AgendaList):
            grid.step(direction)
            return
        day = grid.selected_date()
        # The grid announces its new range (range_changed), which reads its meetings.
        if isinstance(grid, MonthGrid):
            month_index = day.year * 12 + day.month - 1 + direction
            grid.set_month(month_index // 12, month_index % 12 + 1)
        else:
            grid.set_selected_date(day + timedelta(weeks=direction))

    def _open_day(self, day: date) -> None:
        self.set_mode(CalendarMode.WEEK)
        self.week.set_selected_date(day)

    def _update_title(self) -> None:
        grid = self.grid()
        locale = QLocale()
        if isinstance(grid, MonthGrid):
            year, month = grid.month()
            text = f"{locale.standaloneMonthName(month)} {year}"
        else:
            first, last = grid.shown_range()
            text = f"{day_text(locale, first)} – {day_text(locale, last)} {last.year}"
        self.nav.title.setText(text)
        self.nav.jump.set_value(grid.selected_date())

    # --- the card ------------------------------------------------------------------------

    def _record(self, meeting_id: int) -> MeetingRecord | None:
        if self._services is None:
            return None
        try:
            return self._services.meetings.get(meeting_id)
        except DomainError:
            return None

    def _select_meeting(self, meeting_id: int) -> None:
        shown = self.shown_meeting()
        if shown is not None and shown.id == meeting_id:
            return
        if not self.may_leave_card():
            self.grid().set_selected_meeting(shown.id if shown else None)
            return
        self._show_card(self._record(meeting_id))

    def _activate_meeting(self, meeting_id: int) -> None:
        self._select_meeting(meeting_id)
        if self.shown_meeting() is not None:
            self.editor.focus_field("title")

    def _show_card(self, record: MeetingRecord | None) -> None:
        if record is None:
            self.commit_pending()
            self.editor_stack.setCurrentWidget(self.editor_hint)
        else:
            editor = self.editor
            if editor.record is None or editor.record.id != record.id:
                editor.commit_pending()
            editor.show_record(record)
            self.editor_stack.setCurrentWidget(editor)
            self._show_card_pane()
            self._show_card_extras(record)
            if self._mode is CalendarMode.WEEK:
                self._scroll_into_view(record)
        self.grid().set_selected_meeting(None if record is None else record.id)
        self._update_actions()

    def _show_card_pane(self) -> None:
        """Bring the card back if a narrow window had pushed it aside."""
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[1] == 0:
            room = self.editor_stack.minimumWidth()
            self.splitter.setSizes([max(0, sum(sizes) - room), room])

    def _scroll_into_view(self, record: MeetingRecord) -> None:
        """In the week, bring the meeting's block into sight (an hour before it on top)."""
        seen = self.week.viewport().rect()
        if not any(rect.intersects(seen) for rect in self.week.block_rects().get(record.id, [])):
            start = record.local_start()
            self.week.scroll_to_minute(max(0, start.hour * 60 + start.minute - 60))

    def _show_card_extras(self, record: MeetingRecord) -> None:
        services = self._services
        if services is None:
            return
        self.editor.items.set_items(services.action_items.of_meeting(record.id))
        first, last = self.grid().shown_range()
        if first <= record.local_day() and record.ends_at.astimezone().date() <= last:
            # Everything it could overlap is shown, so read already.
            self.editor.show_overlaps(overlapping(record, self._shown))
        else:
            self.editor.show_overlaps(services.meetings.overlaps(record))

    def focus_record(self, record_id: int) -> None:
        """Show a meeting: its day in the calendar, and its card."""
        record = self._record(record_id)
        if record is None:
            return
        self._show_day(record.local_day())
        if self.shown_meeting() != record:  # not refreshed a moment ago (after an edit)
            self._show_card(record)

    def start_new(self, start: datetime | None = None) -> None:
        """A blank card for a meeting at ``start`` (naive local), by default on the selected
        day at 10:00 (or tomorrow's when the selected day is past)."""
        if not self.editable:
            return
        if not self.may_leave_card():
            self.editor.focus_field(self.key_field)
            return
        if start is None:
            day = max(self.grid().selected_date(), self._today())
            start = datetime.combine(day, time(10, 0))
        self.editor.start_new(start)
        self.editor_stack.setCurrentWidget(self.editor)
        self._show_card_pane()
        self.grid().set_selected_meeting(None)
        self._update_actions()
        self.status_message.emit(self.texts.started_new)

    def _create_at(self, when: date | datetime) -> None:
        start = when if isinstance(when, datetime) else datetime.combine(when, time(10, 0))
        self.start_new(start)

    def _update_actions(self) -> None:
        record = self.shown_meeting()
        editable = self.editable
        self.new_action.setEnabled(editable)
        self.delete_action.setEnabled(editable and record is not None)
        self.prepare_action.setEnabled(editable and record is not None and not record.is_unassigned)
        self.schedule_action.setEnabled(editable and self._mentor_for_next() is not None)
        planned = record is not None and record.status is MeetingStatus.PLANNED
        self.pdf_action.setEnabled(self._services is not None and planned)
