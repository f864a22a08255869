"""Home's overview through the services: the same read (``db/home_read.py``) and rules
(``domain/home.py``) as the start-up quick read, on the services' connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading
from mentordesk.db.home_read import read_home_facts
from mentordesk.domain.home import HomeOverview, home_overview
from mentordesk.services.listing import sql_executor

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class HomeService:
    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock

    def overview(self, today: date | None = None) -> HomeOverview:
        """What needs attention on ``today`` (the person's local day; by default the
        clock's), read in one transaction."""
        now = self._now()
        day = today or now.astimezone().date()
        with reading(self._sessions) as session:
            facts = read_home_facts(sql_executor(session), day, now)
        return home_overview(facts, day, now)
