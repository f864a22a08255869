"""One object that holds the open database and every service built on it."""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.db.database import Database, open_database
from mentordesk.paths import DataLocation
from mentordesk.services.agreements import AgreementService
from mentordesk.services.goals import GoalService
from mentordesk.services.mentors import MentorService
from mentordesk.services.skills import SkillService


@dataclass
class Services:
    database: Database
    mentors: MentorService
    goals: GoalService
    skills: SkillService
    agreements: AgreementService

    @classmethod
    def open(cls, location: DataLocation) -> Services:
        database = open_database(location)
        sessions = database.session_factory
        agreements = AgreementService(sessions)
        return cls(
            database=database,
            mentors=MentorService(sessions, agreements=agreements),
            goals=GoalService(sessions),
            skills=SkillService(sessions),
            agreements=agreements,
        )

    def close(self) -> None:
        self.database.close()
