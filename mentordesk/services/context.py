"""One object that holds the open database and every service built on it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.database import Database, open_database
from mentordesk.db.engine import one_transaction
from mentordesk.paths import DataLocation
from mentordesk.services.action_items import ActionItemService
from mentordesk.services.agreements import AgreementService
from mentordesk.services.attention import AttentionService
from mentordesk.services.goals import GoalService
from mentordesk.services.gratitude import GratitudeService
from mentordesk.services.home import HomeService
from mentordesk.services.meetings import MeetingService
from mentordesk.services.mentors import MentorService
from mentordesk.services.search import SearchService
from mentordesk.services.settings import SettingsService
from mentordesk.services.skills import SkillService
from mentordesk.services.timeline import TimelineService


@dataclass
class Services:
    database: Database
    mentors: MentorService
    goals: GoalService
    skills: SkillService
    agreements: AgreementService
    meetings: MeetingService
    action_items: ActionItemService
    gratitude: GratitudeService
    settings: SettingsService
    attention: AttentionService
    home: HomeService
    timeline: TimelineService
    search: SearchService
    # The session factory every service above opens its sessions from.
    sessions: sessionmaker[Session]

    @classmethod
    def open(
        cls,
        location: DataLocation,
        *,
        create: bool = True,
        read_only: bool = False,
        replace_lost: bool = False,
    ) -> Services:
        """Open the folder's database (see ``open_database`` for what the flags allow)."""
        database = open_database(
            location, create=create, read_only=read_only, replace_lost=replace_lost
        )
        return cls.over(database, database.session_factory)

    @property
    def read_only(self) -> bool:
        """Opened from a read-only folder: everything can be read, nothing changed."""
        return self.database.read_only

    @classmethod
    def over(cls, database: Database, sessions: sessionmaker[Session]) -> Services:
        """Every service, each opening its sessions from ``sessions``."""
        return cls(
            database=database,
            mentors=MentorService(sessions),
            goals=GoalService(sessions),
            skills=SkillService(sessions),
            agreements=AgreementService(sessions),
            meetings=MeetingService(sessions),
            action_items=ActionItemService(sessions),
            gratitude=GratitudeService(sessions),
            settings=SettingsService(sessions),
            attention=AttentionService(sessions),
            home=HomeService(sessions),
            timeline=TimelineService(sessions),
            search=SearchService(sessions),
            sessions=sessions,
        )

    @contextmanager
    def in_one_transaction(self, *, index_at_end: bool = False) -> Iterator[Services]:
        """The same services, but everything done through them in the block is committed
        together at its end, or (on an exception) not at all. ``index_at_end``: for a bulk
        load, the search index is written once at the end instead of row by row."""
        with one_transaction(self.database.session_factory, index_at_end=index_at_end) as shared:
            yield Services.over(self.database, shared)

    def close(self) -> None:
        self.database.close()
