"""The growth timeline through the services: the feed a page at a time, the overview's
bands and marks, and the year in review (``db/timeline_read.py`` on the services'
connection; the rules in ``domain/timeline.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db import timeline_read
from mentordesk.db.engine import reading
from mentordesk.domain.timeline import (
    Period,
    TimelineEntry,
    TimelineFilter,
    TimelineOverview,
    YearInReview,
    year_in_review,
)
from mentordesk.services.listing import sql_executor

MonthCounts = Sequence[tuple[int, int, int]]


class TimelineService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def month_counts(self, feed: TimelineFilter) -> list[tuple[int, int, int]]:
        """(year, month, entries) of each month the feed shows, newest first."""
        with reading(self._sessions) as session:
            return timeline_read.month_counts(sql_executor(session), feed)

    def count(self, feed: TimelineFilter) -> int:
        with reading(self._sessions) as session:
            return timeline_read.count(sql_executor(session), feed)

    def entries(
        self,
        feed: TimelineFilter,
        offset: int,
        limit: int,
        months: MonthCounts | None = None,
    ) -> list[TimelineEntry]:
        """Entries ``offset`` to ``offset + limit`` of the feed, newest first. With the
        feed's ``months`` (as ``month_counts`` gave them), only the months the page falls
        in are read."""
        first = last = None
        skip = offset
        if months:
            first, last, skip = _narrowed(months, offset, limit)
        with reading(self._sessions) as session:
            execute = sql_executor(session)
            keys = timeline_read.read_keys(execute, feed, skip, limit, first=first, last=last)
            return timeline_read.read_entries(execute, keys)

    def overview(self, today: date | None = None) -> TimelineOverview:
        with reading(self._sessions) as session:
            return timeline_read.read_overview(sql_executor(session), today or date.today())

    def years(self) -> list[int]:
        """Years with anything to review, newest first."""
        with reading(self._sessions) as session:
            return timeline_read.read_years(sql_executor(session))

    def year_in_review(self, year: int) -> YearInReview:
        with reading(self._sessions) as session:
            return year_in_review(timeline_read.read_year(sql_executor(session), year))


def _narrowed(months: MonthCounts, offset: int, limit: int) -> tuple[date | None, date | None, int]:
    """The days of the months holding entries ``offset`` to ``offset + limit`` and the
    offset within them."""
    before = 0
    newest: tuple[int, int] | None = None
    skip = offset
    for year, month, n in months:
        if newest is None:
            if offset < before + n:
                newest = (year, month)
                skip = offset - before
            else:
                before += n
                continue
        if offset + limit <= before + n:
            oldest = Period(year, 0, month)
            return oldest.first_day, Period(newest[0], 0, newest[1]).last_day, skip
        before += n
    if newest is None:
        return None, None, offset
    return None, Period(newest[0], 0, newest[1]).last_day, skip
