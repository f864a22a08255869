"""The meetings part of ``scripts/benchmark.py``: the Calendar, Action items and Prepare.

Run through benchmark.py (which loads the decade sample and sets up the offscreen
application); each figure is the median of N runs after one untimed warm-up, in this process:

* bare widget painted (the floor): a plain 1280x800 QWidget shown and painted; what showing
  anything at all costs here, for comparison with the figures below.
* open Calendar on the busiest month: construct a CalendarView, attach the services, go to
  the month with the most meetings, show it and settle until the month grid has painted.
* month to month: in a shown Calendar idle for a moment (as between two steps a person
  takes: the Calendar reads the months either side then), Next (or Previous) once, until
  painted; the runs walk back and forth around the busiest month.
* month to month, no pause: Next again and again with no idle time between, so every month
  is read from the database when it is shown (the worst case; no target).
* switch to the week view: Month to Week in a shown Calendar, until the week has painted.
* open Calendar, month of ~54 meetings, and month to month from there: the same on the
  month holding about as many meetings as the decade sample's busiest (at the decade size,
  that month itself): the huge sample's busiest month shows five times as much, so this
  is the pair that compares the same screen at both sizes.
* open Action items (default filter): construct the view, attach, show, until the table has
  painted ("Needs doing": open items and those done but not reported back).
* Prepare on the busiest mentor: the planned meeting (with the fewest agenda lines) of the
  mentor who has the most meetings, shown on the card; Prepare, until its agenda has
  painted again; undone (untimed) after.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from benchmark import HEIGHT, WIDTH, Measure, PaintCounter, dispose, settle
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from mentordesk.domain.enums import MeetingStatus
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus


def _timed(samples: list[float], action: Callable[[], None]) -> None:
    started = time.perf_counter()
    action()
    samples.append((time.perf_counter() - started) * 1000.0)


def _month_counts(services: Services) -> Counter[date]:
    return Counter(m.local_day().replace(day=1) for m in services.meetings.between())


def _busiest_month(services: Services) -> date:
    return _month_counts(services).most_common(1)[0][0]


# The meetings of the decade sample's busiest month. The huge sample's busiest month holds
# 289 (ten times the meetings in the same years), so its screen holds five times as much;
# a month holding as many as the decade's busiest compares the same screen at both sizes.
DECADE_BUSIEST = 54


def _month_like_decade(services: Services) -> date:
    counts = _month_counts(services)
    return min(counts, key=lambda month: (abs(counts[month] - DECADE_BUSIEST), month))


def _pause(everything: PaintCounter, seconds: float = 0.3) -> None:
    """Let the Calendar be idle for a moment (it reads the neighbouring months then)."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        settle(everything)
        time.sleep(0.02)


def _paint_until(everything: PaintCounter, widget: QWidget, show: Callable[[], None]) -> None:
    paints = PaintCounter(widget)
    show()
    settle(everything, until=lambda: paints.count > 0)
    paints.remove()


def measure_floor(everything: PaintCounter, runs: int) -> Measure:
    samples: list[float] = []
    for run in range(runs + 1):
        widget = QWidget()
        widget.resize(WIDTH, HEIGHT)
        started = time.perf_counter()
        _paint_until(everything, widget, widget.show)
        if run:
            samples.append((time.perf_counter() - started) * 1000.0)
        dispose(widget)
    return Measure("bare_widget_painted", "bare widget painted (floor)", samples)


def _calendar(services: Services, everything: PaintCounter, month: date) -> Any:
    from mentordesk.ui.meetings import CalendarView

    view = CalendarView(DataBus(), QUndoStack())
    view.go_to(month)  # before attaching, so that the month is read once
    view.attach(services)
    view.resize(WIDTH, HEIGHT)
    _paint_until(everything, view.month, view.show)
    return view


def _open_and_step(
    services: Services, everything: PaintCounter, runs: int, month: date
) -> tuple[list[float], list[float], Any]:
    """Open the Calendar on ``month`` (timed, ``runs`` times), then step to the month after
    and back (timed); returns both and the view, still open."""
    dispose(_calendar(services, everything, month))  # warm-up
    opened: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        view = _calendar(services, everything, month)
        opened.append((time.perf_counter() - started) * 1000.0)
        dispose(view)

    view = _calendar(services, everything, month)
    stepped: list[float] = []
    for run in range(runs + 1):
        _pause(everything)  # as a person between two steps: the neighbours are read ahead
        action = view.next_action if run % 2 == 0 else view.previous_action
        started = time.perf_counter()
        _paint_until(everything, view.month, action.trigger)
        if run:
            stepped.append((time.perf_counter() - started) * 1000.0)
    return opened, stepped, view


def measure_calendar(services: Services, everything: PaintCounter, runs: int) -> list[Measure]:
    from mentordesk.ui.meetings.nav_bar import CalendarMode

    like, like_stepped, like_view = _open_and_step(
        services, everything, runs, _month_like_decade(services)
    )
    dispose(like_view)
    opened, stepped, view = _open_and_step(services, everything, runs, _busiest_month(services))
    paged: list[float] = []
    for _ in range(runs):  # onwards with no pause: every month read when shown
        started = time.perf_counter()
        _paint_until(everything, view.month, view.next_action.trigger)
        paged.append((time.perf_counter() - started) * 1000.0)
    weeks: list[float] = []
    for run in range(runs + 1):
        started = time.perf_counter()
        _paint_until(
            everything, view.week.viewport(), lambda: view.mode_actions[CalendarMode.WEEK].trigger()
        )
        if run:
            weeks.append((time.perf_counter() - started) * 1000.0)
        _paint_until(
            everything, view.month, lambda: view.mode_actions[CalendarMode.MONTH].trigger()
        )
    dispose(view)
    return [
        Measure("open_calendar", "open Calendar on the busiest month", opened, 50.0),
        Measure("calendar_next_month", "Calendar: month to month", stepped, 16.0),
        Measure("calendar_paging", "Calendar: month to month, no pause (read now)", paged),
        Measure("calendar_week", "Calendar: switch to the week view", weeks, 30.0),
        Measure("open_calendar_like", f"open Calendar, month of ~{DECADE_BUSIEST} meetings", like),
        Measure("calendar_like_next", f"month to month, from ~{DECADE_BUSIEST}", like_stepped),
    ]


def measure_action_items(services: Services, everything: PaintCounter, runs: int) -> Measure:
    from mentordesk.ui.actions import ActionItemsView

    def opened() -> QWidget:
        view = ActionItemsView(DataBus(), QUndoStack())
        view.attach(services)
        view.resize(WIDTH, HEIGHT)
        _paint_until(everything, view.table.viewport(), view.show)
        return view

    dispose(opened())
    samples: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        view = opened()
        samples.append((time.perf_counter() - started) * 1000.0)
        dispose(view)
    return Measure("open_action_items", "open Action items (default filter)", samples, 50.0)


def measure_prepare(services: Services, everything: PaintCounter, runs: int) -> Measure:
    meetings = services.meetings.between()
    busiest = Counter(m for record in meetings for m in record.mentor_ids).most_common(1)[0][0]
    planned = [r for r in meetings if busiest in r.mentor_ids and r.status is MeetingStatus.PLANNED]
    if not planned:
        raise RuntimeError("the busiest mentor has no planned meeting in the sample")
    target = min(planned, key=lambda r: len(r.fields.agenda))  # Prepare has most to add
    stack = QUndoStack()
    from mentordesk.ui.meetings import CalendarView

    view = CalendarView(DataBus(), stack)
    view.attach(services)
    view.resize(WIDTH, HEIGHT)
    _paint_until(everything, view.month, view.show)
    view.focus_record(target.id)
    settle(everything)
    samples: list[float] = []
    for run in range(runs + 1):
        started = time.perf_counter()
        _paint_until(everything, view.editor.agenda.tree.viewport(), view.prepare_action.trigger)
        if run:
            samples.append((time.perf_counter() - started) * 1000.0)
        if stack.count():
            stack.undo()
        settle(everything)
    dispose(view)
    return Measure("prepare_busiest", "Prepare on the busiest mentor", samples, 30.0)
