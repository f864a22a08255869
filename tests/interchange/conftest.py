"""Fixtures for the calendar-file tests: the mentors the sample files name, the person's own
addresses, and an importer over this test's own database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.settings import PersonalSettings
from mentordesk.interchange.ics_import import CalendarImport
from mentordesk.interchange.ics_plan import ImportPlan
from mentordesk.services.context import Services

DATA = Path(__file__).with_name("data")
# Wide enough for every event in the sample files (all in 2026).
FIRST, LAST = date(2025, 1, 1), date(2027, 12, 31)
HOME = "Europe/Berlin"  # the computer's zone, for floating times and all-day events

MENTORS = {
    "amara": MentorFields(name="Amara Okafor", email="amara@example.org"),
    "jose": MentorFields(name="José Álvarez", email="jose@example.org"),
    "zoe": MentorFields(name="Zoë Ødegaard", email="zoe@example.no"),
    "wang": MentorFields(name="王芳 (Wang Fang)", email="wang.fang@example.cn"),
    "noemail": MentorFields(name="Priya Raman"),
}


@dataclass
class Calendars:
    """The services with the sample mentors, their ids by short name, and an importer."""

    services: Services
    ids: dict[str, int]
    importer: CalendarImport

    def read(self, name: str | Path, first: date = FIRST, last: date = LAST) -> ImportPlan:
        path = name if isinstance(name, Path) else DATA / name
        return self.importer.read(path, first, last, floating_zone=HOME)

    def names(self, mentor_ids: tuple[int, ...]) -> set[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return {by_id[i] for i in mentor_ids}


@pytest.fixture
def calendars(services: Services) -> Iterator[Calendars]:
    ids = {key: services.mentors.create(fields).id for key, fields in MENTORS.items()}
    services.settings.save(
        PersonalSettings(your_name="Sam Rivera", your_emails=("me@example.com",))
    )
    yield Calendars(services, ids, CalendarImport(services))
