"""The first screen's data, read before SQLAlchemy is imported (see mentordesk.db.quick_read)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from mentordesk.db.home_read import read_home_facts
from mentordesk.db.list_specs import MentorList
from mentordesk.db.listing import ListQuery, Params, run_count, run_ids, run_total
from mentordesk.db.quick_read import mentor_rows, open_current, read_mentor_rows
from mentordesk.domain.home import HomeOverview, home_overview
from mentordesk.domain.mentor import MentorRecord, mentor_record, sorted_by_name
from mentordesk.paths import DataLocation


def read_mentors_quickly(location: DataLocation) -> list[MentorRecord] | None:
    """All mentors, or None when the database must first be created or upgraded."""
    rows = read_mentor_rows(location.database)
    if rows is None:
        return None
    return sorted_by_name(
        mentor_record(values, expertise, tags) for values, expertise, tags in rows
    )


class QuickMentorListing:
    """The Mentors list read with plain sqlite3 while the services load: the same SQL as
    MentorService.listing, read-only. ``close`` once the services' listing takes over."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._spec = MentorList()
        self.first: tuple[list[int], int] | None = None

    def _execute(self, sql: str, params: Params) -> sqlite3.Cursor:
        if self._connection is None:
            raise RuntimeError("the quick read is closed")
        return self._connection.execute(sql, params)

    def ids_and_total(self, query: ListQuery) -> tuple[list[int], int]:
        if self.first is not None and query == ListQuery(today=query.today):
            found, self.first = self.first, None  # read in the loader already
            return found
        return run_ids(self._execute, self._spec, query), run_total(self._execute, self._spec)

    def count(self, query: ListQuery) -> int:
        return run_count(self._execute, self._spec, query)

    def fetch(self, ids: Sequence[int]) -> list[MentorRecord]:
        if self._connection is None:
            return []
        rows = mentor_rows(self._connection, ids)
        return [mentor_record(values, expertise, tags) for values, expertise, tags in rows]

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def quick_mentor_listing(location: DataLocation) -> QuickMentorListing | None:
    """The Mentors list's first read (ids in the default order, the total), or None when
    the database must first be created or upgraded."""
    connection = open_current(location.database)
    if connection is None:
        return None
    listing = QuickMentorListing(connection)
    listing.first = listing.ids_and_total(ListQuery())
    return listing


def quick_home(location: DataLocation, now: datetime | None = None) -> HomeOverview | None:
    """Home's overview read with plain sqlite3 (the same read as ``services.home``), or
    None when the database must first be created or upgraded."""
    connection = open_current(location.database)
    if connection is None:
        return None
    try:
        moment = now or datetime.now(UTC)
        today = moment.astimezone().date()
        return home_overview(read_home_facts(connection.execute, today, moment), today, moment)
    finally:
        connection.close()
