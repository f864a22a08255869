"""A list view's rows through the services: ids in order, the total, and the records of the
ids it paints (see mentordesk.db.listing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading
from mentordesk.db.listing import ListQuery, ListSpec, Params, run_count, run_ids, run_total

R = TypeVar("R")


class Listing(Generic[R]):
    """Reads one table's list: what a list view's model asks, and nothing more."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        spec: ListSpec,
        fetch: Callable[[Session, Sequence[int]], list[R]],
    ) -> None:
        self._sessions = sessions
        self.spec = spec
        self._fetch = fetch

    def ids(self, query: ListQuery) -> list[int]:
        """The ids ``query`` shows, in its order."""
        with reading(self._sessions) as session:
            return run_ids(sql_executor(session), self.spec, query)

    def ids_and_total(self, query: ListQuery) -> tuple[list[int], int]:
        """The ids ``query`` shows and how many rows there are in all, read together."""
        with reading(self._sessions) as session:
            execute = sql_executor(session)
            return run_ids(execute, self.spec, query), run_total(execute, self.spec)

    def count(self, query: ListQuery) -> int:
        """How many rows ``query`` shows (a count in SQL: nothing else is read)."""
        with reading(self._sessions) as session:
            return run_count(sql_executor(session), self.spec, query)

    def total(self) -> int:
        with reading(self._sessions) as session:
            return run_total(sql_executor(session), self.spec)

    def fetch(self, ids: Sequence[int]) -> list[R]:
        """The records of ``ids`` that still exist (in no particular order)."""
        if not ids:
            return []
        with reading(self._sessions) as session:
            return self._fetch(session, ids)


def sql_executor(session: Session) -> Callable[[str, Params], Any]:
    """Runs SQL text with named parameters on the session's connection, as the plain
    sqlite3 quick read runs the same text (values come back as SQLite stores them)."""
    # The DB-API connection under the session's, so inside its transaction: its cursor
    # hands over thousands of ids at C speed, where SQLAlchemy's result wraps each row
    # (3 ms of a keystroke's 4 at 2,400 mentors).
    driver = session.connection().connection.driver_connection
    assert driver is not None
    return lambda sql, params: driver.execute(sql, params)
