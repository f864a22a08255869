"""Which backups to keep: everything recent, then fewer and fewer as they age.

All snapshots from today and yesterday; then the newest of each day for 14 days; the newest
of each week for 8 weeks; of each month for 12 months; of each year beyond. Pure, with the
clock passed in, so the policy is tested exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, tzinfo

DAILY_DAYS = 14
WEEKLY_WEEKS = 8
MONTHLY_MONTHS = 12


def snapshots_to_keep(
    taken: Iterable[datetime], now: datetime, zone: tzinfo | None = None
) -> set[datetime]:
    """The subset of ``taken`` (aware datetimes) that the retention policy keeps.

    Days, weeks and months are counted in ``zone`` (the local time zone by default), so
    "yesterday" means what the person means by it.
    """
    local_now = now.astimezone(zone)
    today = local_now.date()
    yesterday = today - timedelta(days=1)
    daily_from = yesterday - timedelta(days=DAILY_DAYS)
    weekly_from = daily_from - timedelta(weeks=WEEKLY_WEEKS)
    month_index_now = today.year * 12 + today.month - 1

    keep: set[datetime] = set()
    newest_in: dict[tuple[str, object], datetime] = {}
    for moment in taken:
        day = moment.astimezone(zone).date()
        if day >= yesterday:
            keep.add(moment)  # today, yesterday, and anything dated in the future
            continue
        if day >= daily_from:
            bucket: tuple[str, object] = ("day", day)
        elif day >= weekly_from:
            iso = day.isocalendar()
            bucket = ("week", (iso.year, iso.week))
        elif month_index_now - (day.year * 12 + day.month - 1) <= MONTHLY_MONTHS:
            bucket = ("month", (day.year, day.month))
        else:
            bucket = ("year", day.year)
        if bucket not in newest_in or moment > newest_in[bucket]:
            newest_in[bucket] = moment
    keep.update(newest_in.values())
    return keep
