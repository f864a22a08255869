"""Meeting at the agreed cadence: when the next meeting with a mentor is due, and the first
time inside the agreement's availability windows that "Schedule next" proposes.

Plain date arithmetic with the boundaries spelled out: a month after 31 January is the last
day of February, and a meeting due today is due, not overdue.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from mentordesk.domain.agreement import AgreementFields, AgreementRecord, AvailabilityWindow
from mentordesk.domain.enums import CadenceUnit
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.domain.time_zones import is_nonexistent, to_utc

DEFAULT_TIME = time(10, 0)
# How far ahead "Schedule next" looks for a window before it gives up on windows.
SEARCH_DAYS = 28


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_cadence(day: date, every: int, unit: CadenceUnit) -> date | None:
    if unit is CadenceUnit.DAYS:
        return day + timedelta(days=every)
    if unit is CadenceUnit.WEEKS:
        return day + timedelta(weeks=every)
    if unit is CadenceUnit.MONTHS:
        return add_months(day, every)
    return None  # as needed: never due


def next_due(last_held: date | None, agreement: AgreementFields) -> date | None:
    """The day the next meeting is due: the last held one plus the cadence. Before the first
    meeting it is due when the agreement starts (or was agreed); "as needed" is never due."""
    return due_after(
        last_held,
        agreement.cadence_every,
        agreement.cadence_unit,
        agreement.starts_on or agreement.agreed_on,
    )


def due_after(
    last_held: date | None, every: int | None, unit: CadenceUnit, first_due: date | None
) -> date | None:
    """``next_due`` from the agreement's cadence alone: ``first_due`` (its start) before the
    first meeting, else the last held meeting plus ``every`` ``unit``; None for "as
    needed" or no cadence."""
    if unit is CadenceUnit.AS_NEEDED or not every:
        return None
    if last_held is None:
        return first_due
    return add_cadence(last_held, every, unit)


def is_overdue(due: date | None, today: date) -> bool:
    """Past its due day. The due day itself is not overdue."""
    return due is not None and due < today


def propose_start(
    due: date | None,
    today: date,
    windows: Sequence[AvailabilityWindow],
    zone_name: str,
    *,
    usual_time: time | None = None,
) -> datetime:
    """When to meet next, as an aware time: the first availability window (in ``zone_name``,
    where the mentor is) on or after the due day, but never before tomorrow; without
    windows (or none within four weeks), the due day at the usual time of meeting."""
    first_day = max(due or today, today + timedelta(days=1))
    by_day = sorted(windows, key=lambda w: (w.weekday, w.starts))
    for offset in range(SEARCH_DAYS if by_day else 0):
        day = first_day + timedelta(days=offset)
        for window in by_day:
            if window.weekday == day.weekday():
                return _existing(datetime.combine(day, window.starts), zone_name)
    return _existing(datetime.combine(first_day, usual_time or DEFAULT_TIME), zone_name)


def _existing(wall: datetime, zone_name: str) -> datetime:
    """``wall`` in the zone, moved on by whole hours past a gap the clocks skip."""
    while is_nonexistent(wall, zone_name):
        wall += timedelta(hours=1)
    return to_utc(wall, zone_name)


@dataclass(frozen=True)
class RelationshipPulse:
    """A relationship seen from its meetings: what a mentor's card and Home show."""

    last_met: date | None
    next_planned: MeetingRecord | None
    next_due: date | None
    open_items: int
    cadence_agreement: AgreementRecord | None = None

    def is_overdue(self, today: date) -> bool:
        """The agreed cadence has passed with no meeting planned."""
        return self.next_planned is None and is_overdue(self.next_due, today)
