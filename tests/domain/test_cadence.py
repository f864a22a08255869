"""Meeting at the agreed cadence: the next due day (month ends spelled out), overdue only
after the due day, and the start "Schedule next" proposes inside the availability windows,
never before tomorrow and never in a time the clocks skip."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from mentordesk.domain.agreement import AgreementFields, AvailabilityWindow
from mentordesk.domain.cadence import (
    add_cadence,
    add_months,
    is_overdue,
    next_due,
    propose_start,
)
from mentordesk.domain.enums import CadenceUnit
from mentordesk.domain.time_zones import wall_time

DAYS, WEEKS, MONTHS, AS_NEEDED = (
    CadenceUnit.DAYS,
    CadenceUnit.WEEKS,
    CadenceUnit.MONTHS,
    CadenceUnit.AS_NEEDED,
)


def _agreement(every: int | None, unit: CadenceUnit, **changes: object) -> AgreementFields:
    return AgreementFields("Coaching", cadence_every=every, cadence_unit=unit).replace(**changes)


def _window(weekday: int, hour: int, minute: int = 0) -> AvailabilityWindow:
    """An hour-long window from ``hour:minute`` on ``weekday`` (0 = Monday)."""
    return AvailabilityWindow(weekday, time(hour, minute), time(hour + 1, minute))


# --- the next due day --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "every", "unit", "due"),
    [
        (date(2026, 5, 4), 10, DAYS, date(2026, 5, 14)),
        (date(2026, 5, 4), 2, WEEKS, date(2026, 5, 18)),
        (date(2026, 5, 4), 1, MONTHS, date(2026, 6, 4)),
        (date(2026, 1, 31), 1, MONTHS, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, MONTHS, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, MONTHS, date(2026, 4, 30)),
        (date(2026, 11, 30), 3, MONTHS, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, MONTHS, date(2027, 1, 15)),
        (date(2026, 12, 31), 12, MONTHS, date(2027, 12, 31)),
        (date(2026, 12, 28), 7, DAYS, date(2027, 1, 4)),
    ],
)
def test_next_due_is_the_last_held_meeting_plus_the_cadence(
    last: date, every: int, unit: CadenceUnit, due: date
) -> None:
    assert next_due(last, _agreement(every, unit)) == due


def test_as_needed_is_never_due() -> None:
    assert next_due(date(2026, 5, 4), _agreement(None, AS_NEEDED)) is None
    assert next_due(None, _agreement(None, AS_NEEDED, starts_on=date(2026, 5, 1))) is None
    assert add_cadence(date(2026, 5, 4), 1, AS_NEEDED) is None


def test_before_any_meeting_it_is_due_when_the_agreement_starts() -> None:
    fields = _agreement(2, WEEKS, agreed_on=date(2026, 4, 20), starts_on=date(2026, 5, 1))
    assert next_due(None, fields) == date(2026, 5, 1)


def test_before_any_meeting_without_a_start_it_is_due_when_agreed() -> None:
    assert next_due(None, _agreement(2, WEEKS, agreed_on=date(2026, 4, 20))) == date(2026, 4, 20)


def test_before_any_meeting_without_dates_nothing_is_due() -> None:
    assert next_due(None, _agreement(2, WEEKS)) is None


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2026, 1, 29), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 28), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 5, 31), 0) == date(2026, 5, 31)
    assert add_months(date(2026, 8, 31), 18) == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("due", "overdue"),
    [
        (date(2026, 5, 12), True),
        (date(2026, 5, 13), False),  # the due day itself
        (date(2026, 5, 14), False),
        (None, False),
    ],
)
def test_is_overdue(due: date | None, overdue: bool) -> None:
    assert is_overdue(due, date(2026, 5, 13)) is overdue


# --- proposing a start -------------------------------------------------------------------

TODAY = date(2026, 5, 13)  # a Wednesday
BERLIN = "Europe/Berlin"


def _wall(moment: datetime, zone: str = BERLIN) -> datetime:
    assert moment.utcoffset() is not None  # aware
    return wall_time(moment, zone)


def test_without_windows_the_due_day_at_ten() -> None:
    moment = propose_start(date(2026, 5, 20), TODAY, (), BERLIN)
    assert moment == datetime(2026, 5, 20, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert _wall(moment) == datetime(2026, 5, 20, 10, 0)


def test_without_windows_the_usual_time() -> None:
    moment = propose_start(date(2026, 5, 20), TODAY, (), BERLIN, usual_time=time(17, 30))
    assert _wall(moment) == datetime(2026, 5, 20, 17, 30)


def test_never_before_tomorrow() -> None:
    overdue = propose_start(date(2026, 5, 1), TODAY, (), BERLIN)
    assert _wall(overdue) == datetime(2026, 5, 14, 10, 0)
    due_today = propose_start(TODAY, TODAY, (), BERLIN)
    assert _wall(due_today) == datetime(2026, 5, 14, 10, 0)
    nothing_due = propose_start(None, TODAY, (), BERLIN)
    assert _wall(nothing_due) == datetime(2026, 5, 14, 10, 0)


def test_the_first_window_on_or_after_the_due_day() -> None:
    windows = (_window(0, 9), _window(3, 14))  # Monday 09:00, Thursday 14:00
    # Due Friday 22 May: next is Monday 25 May at 09:00.
    assert _wall(propose_start(date(2026, 5, 22), TODAY, windows, BERLIN)) == datetime(
        2026, 5, 25, 9, 0
    )
    # Due Thursday 21 May itself: that day's window.
    assert _wall(propose_start(date(2026, 5, 21), TODAY, windows, BERLIN)) == datetime(
        2026, 5, 21, 14, 0
    )


def test_the_earliest_window_of_the_day_whatever_their_order() -> None:
    windows = (_window(4, 16), _window(4, 8, 30))  # two on Friday, typed late first
    assert _wall(propose_start(date(2026, 5, 15), TODAY, windows, BERLIN)) == datetime(
        2026, 5, 15, 8, 30
    )


def test_a_window_today_is_not_proposed_when_overdue() -> None:
    windows = (_window(2, 9),)  # Wednesdays: today is one
    assert _wall(propose_start(date(2026, 5, 6), TODAY, windows, BERLIN)) == datetime(
        2026, 5, 20, 9, 0
    )


def test_windows_are_in_the_given_zone() -> None:
    windows = (_window(0, 9),)
    moment = propose_start(date(2026, 5, 18), TODAY, windows, "America/New_York")
    assert moment == datetime(2026, 5, 18, 13, 0, tzinfo=UTC)  # 09:00 EDT
    assert _wall(moment) == datetime(2026, 5, 18, 15, 0)  # 15:00 in Berlin


def test_a_usual_time_in_the_spring_gap_moves_past_it() -> None:
    moment = propose_start(date(2026, 3, 29), date(2026, 3, 20), (), BERLIN, usual_time=time(2, 30))
    assert moment == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert _wall(moment) == datetime(2026, 3, 29, 3, 30)


def test_a_window_in_the_spring_gap_moves_past_it() -> None:
    sunday_two = (_window(6, 2),)  # Sundays at 02:00
    moment = propose_start(date(2026, 3, 8), date(2026, 3, 1), sunday_two, "America/New_York")
    assert wall_time(moment, "America/New_York") == datetime(2026, 3, 8, 3, 0)
    assert moment == datetime(2026, 3, 8, 7, 0, tzinfo=UTC)


def test_an_ambiguous_proposal_is_the_first_occurrence() -> None:
    moment = propose_start(
        date(2026, 10, 25), date(2026, 10, 20), (), BERLIN, usual_time=time(2, 30)
    )
    assert moment == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_windows_more_than_four_weeks_away_fall_back_to_the_due_day() -> None:
    # A window on a weekday that never comes (not a real weekday) is never found.
    odd = (AvailabilityWindow(7, time(9), time(10)),)
    assert _wall(propose_start(date(2026, 5, 20), TODAY, odd, BERLIN)) == datetime(
        2026, 5, 20, 10, 0
    )
