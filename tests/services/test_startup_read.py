"""The quick start-up read (plain sqlite3) must give exactly what the ORM gives."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime

import pytest

from mentordesk.domain.enums import Channel, HowWeMet
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.mentors import MentorService
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.services.startup import read_mentors_quickly


@pytest.mark.slow
def test_quick_read_equals_orm_read_on_decade_data(location: DataLocation) -> None:
    services = Services.open(location)
    load_sample_data(services, SampleSize.DECADE, today=date(2026, 11, 22))
    first = services.mentors.list_all()[0]
    services.mentors.set_archived(first.id, True)
    expected = services.mentors.list_all()
    services.close()
    assert read_mentors_quickly(location) == expected


def test_quick_read_keeps_empty_values_microseconds_and_label_order(
    location: DataLocation,
) -> None:
    services = Services.open(location)
    clock = MentorService(
        services.database.session_factory,
        clock=lambda: datetime(2024, 2, 29, 23, 59, 59, 123456, tzinfo=UTC),
    )
    clock.create(MentorFields(name="Bare"))
    clock.create(
        MentorFields(
            name="Full",
            met_via=HowWeMet.REFERRAL,
            preferred_channel=Channel.IN_PERSON,
            started_on=date(2016, 1, 31),
            ended_on=date(2026, 12, 31),
            expertise=("zeta", "alpha", "Mu"),
            tags=("b", "a"),
            notes="line one\nline two ✓",
        )
    )
    expected = services.mentors.list_all()
    services.close()
    quick = read_mentors_quickly(location)
    assert quick == expected
    assert quick is not None and quick[1].fields.expertise == ("zeta", "alpha", "Mu")


def test_quick_read_is_none_when_the_database_must_be_created(location: DataLocation) -> None:
    assert read_mentors_quickly(location) is None
    assert not location.database.exists()


def test_quick_read_imports_no_sqlalchemy(location: DataLocation) -> None:
    Services.open(location).close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mentordesk.paths import DataLocation\n"
        "from mentordesk.services.startup import read_mentors_quickly\n"
        f"assert read_mentors_quickly(DataLocation(Path({str(location.root)!r}))) == []\n"
        "assert 'sqlalchemy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
