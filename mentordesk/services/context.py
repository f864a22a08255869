"""One object that holds the open database and every service built on it."""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.db.database import Database, open_database
from mentordesk.paths import DataLocation
from mentordesk.services.mentors import MentorService


@dataclass
class Services:
    database: Database
    mentors: MentorService

    @classmethod
    def open(cls, location: DataLocation) -> Services:
        database = open_database(location)
        return cls(database=database, mentors=MentorService(database.session_factory))

    def close(self) -> None:
        self.database.close()
