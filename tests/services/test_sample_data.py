"""Sample data goes only into an empty database, whole, and every card in it is valid."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.domain.enums import HowWeMet, MentorStatus
from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.domain.settings import PersonalSettings
from mentordesk.domain.validation import DomainError, fold
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import (
    HUGE_PROSPECTS,
    HUGE_RELATIONSHIPS,
    HUGE_TIMES,
    HUGE_YEARS,
    SAMPLE_OWNER,
    SampleSize,
    holds_data,
    load_sample_data,
    sample_mentors,
)
from mentordesk.services.sample_growth import sample_goals, sample_skills
from tests.services.test_sample_meetings import (
    _come_prepared_overlaps_and_imports,
    _every_active_mentor_meets_soon,
    _held_meetings_are_written_up,
    _items_in_believable_states,
    _load,
    _statuses_mixed,
    _times_in_working_hours,
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


def test_sample_gratitude_follows_held_meetings_some_thanked_often_some_never(
    services: Services,
) -> None:
    """Every entry falls a few days after a held meeting with its mentor and never after
    today; of the mentors met, some are thanked and some never (the small set meets each
    only a couple of times); people I mentor are not thanked; the log is the same for the
    same meetings."""
    from mentordesk.domain.enums import Direction, MeetingStatus
    from mentordesk.services.sample_gratitude import sample_gratitude

    load_sample_data(services, SampleSize.SMALL, today=TODAY)
    entries = services.gratitude.list_all()
    assert entries
    held: dict[int, list[date]] = {}
    for meeting in services.meetings.between():
        if meeting.status is MeetingStatus.HELD:
            for mentor_id in meeting.mentor_ids:
                held.setdefault(mentor_id, []).append(meeting.local_day())
    for entry in entries:
        assert entry.given_on <= TODAY
        assert any(0 <= (entry.given_on - day).days <= 7 for day in held[entry.mentor_id])
        assert entry.fields.validated(TODAY) == entry.fields
    mentors = services.mentors.list_all()
    met = [m for m in mentors if m.id in held and m.fields.direction is Direction.THEY_MENTOR_ME]
    counts = Counter(entry.mentor_id for entry in entries)
    assert any(counts[m.id] >= 1 for m in met)
    assert any(counts[m.id] == 0 for m in met)
    mentees = {m.id for m in mentors if m.fields.direction is Direction.I_MENTOR_THEM}
    assert not mentees & set(counts)
    held_days = {mentor_id: sorted(days) for mentor_id, days in held.items()}
    again = sample_gratitude(mentors, held_days, TODAY)
    assert [(f.mentor_id, f.given_on, f.kind, f.text) for f, _at in again] == [
        (e.mentor_id, e.given_on, e.kind, e.text) for e in entries
    ]


@pytest.mark.slow
def test_decade_gratitude_some_thanked_often_some_never_some_due_now(
    services: Services,
) -> None:
    """Over ten years some mentors are thanked again and again and some never; a few active
    ones met lately are due thanks today, and a few were thanked lately."""
    today = date.today()
    load_sample_data(services, SampleSize.DECADE, today=today)
    counts = Counter(entry.mentor_id for entry in services.gratitude.list_all())
    active = [m for m in services.mentors.list_all() if m.fields.status is MentorStatus.ACTIVE]
    assert sum(1 for count in counts.values() if count >= 10) >= 5
    assert any(counts[m.id] == 0 for m in active)
    due = services.gratitude.thanks_due(today)
    assert 2 <= len(due) <= len(active) / 2
    thanked_lately = services.gratitude.last_thanked()
    assert any((today - thanked_lately.get(m.id, date.min)).days <= 90 for m in active)


# --- huge -----------------------------------------------------------------------------------


def _records(cards: list[MentorFields]) -> list[MentorRecord]:
    now = datetime.now(UTC)
    return [MentorRecord(i + 1, card, None, now, now) for i, card in enumerate(cards)]


def test_huge_cards_are_a_large_varied_network() -> None:
    """Four hundred relationships over twenty years (the decade's forty among them) and two
    thousand LinkedIn connections: many distinct people from many cultures."""
    cards = sample_mentors(SampleSize.HUGE, TODAY)

    relationships, network = cards[:HUGE_RELATIONSHIPS], cards[HUGE_RELATIONSHIPS:]
    assert len(relationships) == 400 and len(network) == HUGE_PROSPECTS == 2_000
    names = [c.name for c in cards]
    assert len({fold(n) for n in names}) == len(names), "every person once"
    assert not [n for n in names if re.search(r"\d", n)], "no numbered placeholders"
    assert sum(map(_is_non_ascii_latin, names)) >= 200, "accents"
    assert sum(map(_has_non_latin_script, names)) >= 100, "other scripts"
    assert len({n.split(" ")[0] for n in names}) >= 300
    assert len({n.split(" (")[0].split(" ")[-1] for n in names}) >= 300
    assert len({c.organization for c in cards}) >= 150
    assert len({c.title for c in cards}) >= 80
    assert len({e for c in cards for e in c.expertise}) >= 100
    assert len({c.time_zone for c in cards if c.time_zone}) >= 50
    assert {c.name for c in sample_mentors(SampleSize.DECADE, TODAY)} <= set(names)

    statuses = Counter(c.status for c in relationships)
    assert set(statuses) == set(MentorStatus)
    assert statuses[MentorStatus.CONCLUDED] > statuses[MentorStatus.ACTIVE] > 50
    first_day = TODAY - timedelta(days=365 * HUGE_YEARS)
    for card in relationships:
        if card.started_on is not None:
            assert first_day <= card.started_on <= TODAY
        if card.status is MentorStatus.CONCLUDED:
            assert card.started_on and card.ended_on and card.started_on <= card.ended_on <= TODAY
    for card in network:
        assert card.status is MentorStatus.PROSPECT
        assert (card.met_via, card.met_detail) == (HowWeMet.ONLINE_COMMUNITY, "LinkedIn")
        assert card.started_on is not None and first_day <= card.started_on < TODAY
        assert card.ended_on is None
        assert card.profile_url
    connected_lately = sum(
        c.started_on is not None and c.started_on > TODAY - timedelta(365) for c in network
    )
    assert connected_lately > len(network) / 20, "a network grows faster lately"
    assert len({c.organization for c in network}) >= 100


def test_huge_set_is_deterministic_for_a_given_day() -> None:
    cards = sample_mentors(SampleSize.HUGE, TODAY)
    assert cards == sample_mentors(SampleSize.HUGE, TODAY)
    later = sample_mentors(SampleSize.HUGE, TODAY + timedelta(days=1))
    assert [c.name for c in later] == [c.name for c in cards]
    assert later != cards, "relative to the day"

    mentors = _records(cards)
    skills = sample_skills(mentors, TODAY, decade=True, times=HUGE_TIMES, years=HUGE_YEARS)
    assert skills == sample_skills(mentors, TODAY, decade=True, times=HUGE_TIMES, years=20)
    goals = sample_goals(mentors, TODAY, decade=True, times=HUGE_TIMES, years=HUGE_YEARS)
    assert goals == sample_goals(mentors, TODAY, decade=True, times=HUGE_TIMES, years=20)

    assert len(skills) == 600
    assert len({fold(fields.name) for fields, _ in skills}) == 600
    assert len({fields.category for fields, _ in skills}) >= 12
    names = {fields.name for fields, _ in skills}
    assert len(goals) == 300
    assert len({g.fields.title for g in goals}) == 300
    assert all(set(g.skill_names) <= names for g in goals[1:])  # (one of the decade's names
    assert sum(bool(g.skill_names) for g in goals) >= 290  # a skill it never tracked)
    prospects = {m.id for m in mentors if m.fields.status is MentorStatus.PROSPECT}
    assert not any(g.mentor_ids & prospects for g in goals), "no stranger helps with a goal"


@pytest.mark.slow
def test_huge_sample_is_ten_times_the_decade(tmp_path: Path, empty_database: Path) -> None:
    """The counts the list views are benchmarked at, and the same believable meetings and
    items as the decade's; the imported network mostly never met me."""
    huge = _load(tmp_path / "huge", empty_database, SampleSize.HUGE)
    services = Services.open(DataLocation(tmp_path / "huge"))
    try:
        skills = services.skills.list_all()
        agreements = services.agreements.list_all()
    finally:
        services.close()

    assert len(huge.mentors) == HUGE_RELATIONSHIPS + HUGE_PROSPECTS
    assert 27_000 <= len(huge.meetings) <= 33_000
    assert 105_000 <= len(huge.items) <= 135_000
    assert len(skills) == 600
    assert 21_000 <= sum(len(s.assessments) for s in skills) <= 27_000
    assert len(huge.goals) == 300
    assert 250 <= len(agreements) <= 450
    first = min(m.starts_at for m in huge.meetings)
    assert first.date() < TODAY - timedelta(days=365 * (HUGE_YEARS - 2))

    network = [
        m
        for m in huge.mentors
        if m.fields.status is MentorStatus.PROSPECT
        and m.fields.met_detail == "LinkedIn"
        and m.fields.started_on is not None
    ]
    assert len(network) == HUGE_PROSPECTS
    met = {mentor_id for m in huge.meetings for mentor_id in m.mentor_ids}
    assert 0 < sum(m.id in met for m in network) <= len(network) * 0.05

    _statuses_mixed(huge, held=(0.84, 0.92))
    _every_active_mentor_meets_soon(huge, most=3)
    _come_prepared_overlaps_and_imports(huge, imported=12)
    _held_meetings_are_written_up(huge)
    _times_in_working_hours(huge)
    _items_in_believable_states(huge, overdue=(30, 200))
