"""Sample data goes only into an empty database, whole, and every card in it is valid."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from datetime import date, timedelta

import pytest

from mentordesk.domain.enums import MentorStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.settings import PersonalSettings
from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import (
    SAMPLE_OWNER,
    SampleSize,
    holds_data,
    load_sample_data,
    sample_mentors,
)

TODAY = date(2025, 6, 15)  # in the past: assessments may not be dated in the future


def _is_non_ascii_latin(name: str) -> bool:
    return any(
        not c.isascii() and c.isalpha() and unicodedata.name(c, "").startswith("LATIN")
        for c in name
    )


def _has_non_latin_script(name: str) -> bool:
    return any(c.isalpha() and not unicodedata.name(c, "").startswith("LATIN") for c in name)


def test_small_sample_loads_into_an_empty_database(services: Services) -> None:
    added = load_sample_data(services, SampleSize.SMALL, today=TODAY)

    stored = services.mentors.list_all()
    assert added == len(stored) == len(sample_mentors(SampleSize.SMALL, TODAY))
    assert 3 <= added <= 12
    assert {r.name for r in stored} == {c.name for c in sample_mentors(SampleSize.SMALL, TODAY)}


def test_sample_names_its_owner_but_never_over_the_persons_own_settings(
    services: Services, location: DataLocation
) -> None:
    load_sample_data(services, SampleSize.SMALL, today=TODAY)
    settings = services.settings.read()
    assert settings == SAMPLE_OWNER
    assert not any(settings.is_own_address(m.fields.email) for m in services.mentors.list_all())

    other = Services.open(DataLocation(location.root.parent / "other"))
    try:
        own = PersonalSettings(your_name="Dana Reyes", thanks_after_days=30)
        other.settings.save(own)
        load_sample_data(other, SampleSize.SMALL, today=TODAY)
        assert other.settings.read() == own
    finally:
        other.close()


@pytest.mark.slow
def test_decade_sample_has_forty_mentors_fifteen_concluded(services: Services) -> None:
    added = load_sample_data(services, SampleSize.DECADE, today=TODAY)

    stored = services.mentors.list_all()
    assert added == 40
    assert len(stored) == 40
    statuses = Counter(r.fields.status for r in stored)
    assert statuses[MentorStatus.CONCLUDED] == 15
    names = [r.name for r in stored]
    assert len(set(names)) == 40
    assert any(_is_non_ascii_latin(n) for n in names), names
    assert any(_has_non_latin_script(n) for n in names), names
    for record in stored:
        fields = record.fields
        if fields.status is MentorStatus.CONCLUDED:
            assert fields.started_on is not None and fields.ended_on is not None
            assert fields.started_on <= fields.ended_on <= TODAY
        else:
            assert fields.ended_on is None
        if fields.started_on is not None:
            assert fields.started_on <= TODAY


@pytest.mark.slow
def test_stored_sample_keeps_the_cards_exactly(services: Services) -> None:
    load_sample_data(services, SampleSize.DECADE, today=TODAY)

    stored = {r.name: r.fields for r in services.mentors.list_all()}

    for card in sample_mentors(SampleSize.DECADE, TODAY):
        assert stored[card.name] == card


@pytest.mark.parametrize("today", [TODAY, date(2024, 2, 29), None])
@pytest.mark.parametrize("size", list(SampleSize))
def test_every_sample_card_is_valid(size: SampleSize, today: date | None) -> None:
    cards = sample_mentors(size, today)

    assert cards
    for card in cards:
        assert isinstance(card, MentorFields)
        assert card.errors() == {}, card.name
        assert card.validated() == card, "sample cards are already in normalized form"


def test_sample_is_deterministic_for_a_given_day() -> None:
    assert sample_mentors(SampleSize.DECADE, TODAY) == sample_mentors(SampleSize.DECADE, TODAY)


def test_sample_data_refuses_a_database_with_data(
    services: Services, location: DataLocation
) -> None:
    services.mentors.create(MentorFields(name="My Real Mentor"))

    with pytest.raises(DomainError, match="empty"):
        load_sample_data(services, SampleSize.SMALL, today=TODAY)

    assert [r.name for r in services.mentors.list_all()] == ["My Real Mentor"]


def test_sample_data_refusal_does_not_touch_the_file(location: DataLocation) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="My Real Mentor"))
    services.close()
    before = hashlib.sha256(location.database.read_bytes()).hexdigest()

    services = Services.open(location)
    try:
        with pytest.raises(DomainError):
            load_sample_data(services, SampleSize.DECADE, today=TODAY)
    finally:
        services.close()

    assert hashlib.sha256(location.database.read_bytes()).hexdigest() == before


def test_holds_data(location: DataLocation) -> None:
    assert holds_data(location) is False
    assert not location.database.exists(), "asking must not create a database"

    services = Services.open(location)
    try:
        assert holds_data(location) is False
        services.mentors.create(MentorFields(name="Ann"))
        assert holds_data(location) is True
    finally:
        services.close()


def test_a_failure_part_way_leaves_the_folder_without_data(
    services: Services, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sample data is one transaction: mentors, skills and goals written before a failure in
    the agreements are rolled back with it."""
    import mentordesk.services.sample_data as sample_data

    def fail(*_args: object, **_kwargs: object) -> None:
        raise DomainError("injected failure while storing the agreements")

    monkeypatch.setattr(sample_data, "load_sample_agreements", fail)

    with pytest.raises(DomainError, match="injected"):
        load_sample_data(services, SampleSize.SMALL, today=TODAY)

    assert services.mentors.count() == 0
    assert services.goals.count() == 0
    assert services.skills.list_all() == []
    assert not holds_data(location)
    monkeypatch.undo()
    assert load_sample_data(services, SampleSize.SMALL, today=TODAY) > 0  # and it still works


@pytest.mark.slow
def test_decade_sample_looks_alive_now(services: Services) -> None:
    """A fair share of skills rose in the last twelve months, and most agreements in force
    have their review ahead, a few due: the views show change and a little to do."""
    today = date.today()
    load_sample_data(services, SampleSize.DECADE, today=today)
    skills = services.skills.list_all()
    year_ago = today - timedelta(days=365)
    rose = sum(1 for s in skills if (s.change_since(year_ago) or 0) > 0)
    assert rose >= len(skills) / 4
    in_force = [a for a in services.agreements.list_all() if a.fields.status != "concluded"]
    due = sum(a.is_review_due(today) for a in in_force)
    assert in_force and 1 <= due <= len(in_force) / 3
