"""The retention policy, with the clock and the time zone passed in: everything from today and
yesterday, then the newest of each day for 14 days, of each ISO week for 8 weeks, of each month
for 12 months, of each year beyond; never anything dated in the future."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Hashable
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest

from mentordesk.db.retention import snapshots_to_keep

AUCKLAND = ZoneInfo("Pacific/Auckland")


def hourly(start: datetime, end: datetime) -> list[datetime]:
    """A snapshot every hour from ``start`` to ``end`` (both included), stepped in UTC so that
    daylight saving changes neither skip nor repeat an hour."""
    moments = []
    moment = start.astimezone(UTC)
    while moment <= end:
        moments.append(moment)
        moment += timedelta(hours=1)
    return moments


def newest_per(
    moments: list[datetime], bucket: Callable[[datetime], Hashable]
) -> dict[Hashable, datetime]:
    groups: dict[Hashable, list[datetime]] = defaultdict(list)
    for moment in moments:
        groups[bucket(moment)].append(moment)
    return {key: max(group) for key, group in groups.items()}


def local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


# The reference moment for the exact counts: Tuesday 18 June 2030, 12:30 in the zone tested.
# Yesterday is Monday 17 June; the 14 daily days are Mon 3 June .. Sun 16 June; the 8 weekly
# weeks are exactly ISO weeks 15..22 (Mon 8 April .. Sun 2 June); the monthly tier holds the
# months from June 2029 to April 2030 (May 2030 is covered by the finer tiers, so 11
# months); older snapshots are kept one per year (2029 before June, 2028, 2027).
TODAY = date(2030, 6, 18)
YESTERDAY = date(2030, 6, 17)
DAILY_DAYS = [date(2030, 6, 3) + timedelta(days=i) for i in range(14)]
WEEKLY_FIRST, WEEKLY_LAST = date(2030, 4, 8), date(2030, 6, 2)
MONTHS = [(2029, m) for m in range(6, 13)] + [(2030, m) for m in range(1, 5)]
YEARS = [2027, 2028, 2029]


def tier_of(day: date) -> str:
    if day >= YESTERDAY:
        return "recent"
    if day in DAILY_DAYS:
        return "daily"
    if WEEKLY_FIRST <= day <= WEEKLY_LAST:
        return "weekly"
    if (day.year, day.month) in MONTHS:
        return "monthly"
    assert day.year in YEARS
    return "yearly"


@pytest.mark.parametrize("zone", [UTC, AUCKLAND], ids=["utc", "auckland"])
def test_three_years_of_hourly_snapshots_keep_the_newest_of_each_bucket(zone: tzinfo) -> None:
    now = datetime(2030, 6, 18, 12, 30, tzinfo=zone)
    taken = hourly(datetime(2027, 6, 1, 0, 0, tzinfo=UTC), now)
    # Always on the hour in local time too (Auckland's offsets are whole hours).
    assert all(moment.astimezone(zone).minute == 0 for moment in taken)

    kept = snapshots_to_keep(taken, now, zone)

    by_tier: dict[str, list[datetime]] = defaultdict(list)
    for moment in kept:
        by_tier[tier_of(local_day(moment, zone))].append(moment)
    # Today 00:00 .. 12:00 (13) and all 24 of yesterday.
    assert len(by_tier["recent"]) == 13 + 24
    assert len(by_tier["daily"]) == 14
    assert len(by_tier["weekly"]) == 8
    assert len(by_tier["monthly"]) == 11
    assert len(by_tier["yearly"]) == 3
    assert len(kept) == 37 + 14 + 8 + 11 + 3

    every_recent = {m for m in taken if local_day(m, zone) >= YESTERDAY}
    assert set(by_tier["recent"]) == every_recent

    def local(day: date, hour: int = 23) -> datetime:
        return datetime(day.year, day.month, day.day, hour, tzinfo=zone)

    assert sorted(by_tier["daily"]) == [local(day) for day in DAILY_DAYS]
    # The newest of each ISO week is its Sunday at 23:00.
    sundays = [WEEKLY_FIRST + timedelta(days=6 + 7 * i) for i in range(8)]
    assert sorted(by_tier["weekly"]) == [local(day) for day in sundays]
    month_ends = [date(y, m, calendar.monthrange(y, m)[1]) for y, m in MONTHS]
    # April 2030 is cut short by the weekly tier: its newest is 7 April, the day before it.
    month_ends[-1] = date(2030, 4, 7)
    assert sorted(by_tier["monthly"]) == [local(day) for day in month_ends]
    assert sorted(by_tier["yearly"]) == [
        local(date(2027, 12, 31)),
        local(date(2028, 12, 31)),
        local(date(2029, 5, 31)),
    ]
    # Whatever was kept must compare equal to the very objects passed in.
    assert kept <= set(taken)


def test_yesterday_and_the_buckets_are_counted_in_the_local_zone() -> None:
    """Just after midnight in Auckland it is still noon of the previous day in UTC."""
    now = datetime(2030, 6, 18, 0, 30, tzinfo=AUCKLAND)
    assert now.astimezone(UTC).date() == date(2030, 6, 17)
    taken = hourly(datetime(2030, 5, 8, 0, 0, tzinfo=UTC), now)

    in_auckland = snapshots_to_keep(taken, now, AUCKLAND)
    in_utc = snapshots_to_keep(taken, now, UTC)

    recent_auckland = {m for m in in_auckland if local_day(m, AUCKLAND) >= YESTERDAY}
    recent_utc = {m for m in in_utc if local_day(m, UTC) >= date(2030, 6, 16)}
    # Auckland: today 00:00 local, plus all 24 hours of Monday 17 June local.
    assert len(recent_auckland) == 1 + 24
    # UTC: today (17 June) 00:00 .. 12:00 UTC, plus 24 hours of 16 June UTC.
    assert len(recent_utc) == 13 + 24
    # 16 June 22:00 local = 10:00 UTC: yesterday for UTC, so kept there; in Auckland it is
    # two days ago and not the newest of its (local) day, so it goes.
    moment = datetime(2030, 6, 16, 22, 0, tzinfo=AUCKLAND)
    assert moment in taken
    assert moment in in_utc
    assert moment not in in_auckland
    # Daily buckets end at local midnight: 23:00 local is each day's keeper in Auckland.
    assert all(
        m.astimezone(AUCKLAND).hour == 23 for m in in_auckland if local_day(m, AUCKLAND) < YESTERDAY
    )


def test_future_dated_snapshots_are_kept() -> None:
    """A clock that was wrong once must never make the policy delete the newest backups."""
    now = datetime(2030, 6, 18, 12, 30, tzinfo=UTC)
    future = [
        now + timedelta(minutes=1),
        now + timedelta(days=1),
        now + timedelta(days=1, hours=1),
        now + timedelta(days=400),
        datetime(2099, 1, 1, tzinfo=UTC),
    ]
    past = [now - timedelta(days=30, hours=h) for h in range(5)]

    kept = snapshots_to_keep([*future, *past], now, UTC)

    assert set(future) <= kept
    assert len(kept & set(past)) == 1


def test_nothing_to_keep_from_nothing() -> None:
    assert snapshots_to_keep([], datetime(2030, 6, 18, tzinfo=UTC), UTC) == set()


@pytest.mark.parametrize(
    "now",
    [
        datetime(2030, 6, 18, 12, 30, tzinfo=UTC),
        datetime(2031, 1, 21, 7, 0, tzinfo=UTC),  # the weekly tier spans New Year
        datetime(2028, 3, 1, 0, 5, tzinfo=UTC),  # just after a leap day
        datetime(2030, 4, 7, 14, 0, tzinfo=AUCKLAND),  # the day daylight saving ends
    ],
    ids=["june", "new-year", "leap-day", "auckland-dst-end"],
)
@pytest.mark.parametrize("zone", [UTC, AUCKLAND], ids=["utc", "auckland"])
def test_pruning_the_kept_set_again_keeps_all_of_it(now: datetime, zone: tzinfo) -> None:
    taken = hourly(now - timedelta(days=3 * 365), now + timedelta(hours=5))

    kept = snapshots_to_keep(taken, now, zone)
    again = snapshots_to_keep(kept, now, zone)

    assert again == kept
    assert len(kept) < len(taken)


@pytest.mark.parametrize("zone", [UTC, AUCKLAND], ids=["utc", "auckland"])
def test_every_period_keeps_a_snapshot_when_pruned_day_after_day(zone: tzinfo) -> None:
    """The app prunes after every new snapshot, not once: thinning a set that has been thinned
    before must still leave every day, week, month and year with a snapshot, and the number
    kept must stay small."""
    first = datetime(2028, 1, 1, 0, 0, tzinfo=UTC)
    kept: set[datetime] = set()
    taken_all: list[datetime] = []
    for day_number in range(2 * 366 + 30):
        start = first + timedelta(days=day_number)
        new = [start + timedelta(hours=h) for h in range(0, 24, 3)]
        taken_all.extend(new)
        kept = snapshots_to_keep(kept | set(new), new[-1], zone)
        assert len(kept) <= 8 * 2 + 14 + 9 + 13 + 4, (start, len(kept))
    now = taken_all[-1]
    today = local_day(now, zone)

    kept_days = {local_day(m, zone) for m in kept}
    for back in range(16):
        assert today - timedelta(days=back) in kept_days
    kept_weeks = {local_day(m, zone).isocalendar()[:2] for m in kept}
    for back in range(16, 16 + 56):
        day = today - timedelta(days=back)
        assert day.isocalendar()[:2] in kept_weeks
    kept_months = {(d.year, d.month) for d in kept_days}
    for back in range(0, 365, 10):
        day = today - timedelta(days=back)
        assert (day.year, day.month) in kept_months
    assert {d.year for d in kept_days} == {2028, 2029, 2030}


def test_the_newest_of_each_day_is_kept_whatever_the_order_given() -> None:
    now = datetime(2030, 6, 18, 12, 0, tzinfo=UTC)
    day = datetime(2030, 6, 10, tzinfo=UTC)
    taken = [day + timedelta(hours=h, minutes=m) for h in (3, 20, 9) for m in (0, 59, 30)]

    kept = snapshots_to_keep(taken, now, UTC)

    assert kept == {day + timedelta(hours=20, minutes=59)}
    assert newest_per(taken, lambda m: m.date()) == {day.date(): max(taken)}
