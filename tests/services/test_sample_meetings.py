"""The sample meetings and action items: believable amounts and states, valid, deterministic,
and stored with the rest of the sample in one transaction."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path

import pytest

from mentordesk.domain.action_item import ActionItemRecord
from mentordesk.domain.enums import ActionStatus, MeetingStatus, MentorStatus, RelationshipKind
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.meeting import MeetingRecord, overlapping
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, holds_data, load_sample_data
from mentordesk.services.sample_meetings import sample_meetings

TODAY = date(2025, 6, 15)  # in the past: nothing may be done or reported in the future
START_OF_TODAY = datetime.combine(TODAY, time.min, tzinfo=UTC)


@dataclass
class Loaded:
    mentors: list[MentorRecord]
    goals: list[GoalRecord]
    meetings: list[MeetingRecord]
    items: list[ActionItemRecord]

    @cached_property  # (the huge set's helpers ask for these once a mentor)
    def past(self) -> list[MeetingRecord]:
        return [m for m in self.meetings if m.starts_at < START_OF_TODAY]

    @cached_property
    def planned(self) -> list[MeetingRecord]:
        return [m for m in self.meetings if m.status is MeetingStatus.PLANNED]


def _load(root: Path, empty_database: Path, size: SampleSize) -> Loaded:
    location = DataLocation(root)
    location.root.mkdir(parents=True)
    shutil.copyfile(empty_database, location.database)
    services = Services.open(location)
    try:
        load_sample_data(services, size, today=TODAY)
        return Loaded(
            services.mentors.list_all(),
            services.goals.list_all(),
            services.meetings.between(),
            services.action_items.list_all(),
        )
    finally:
        services.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, empty_database: Path) -> Loaded:
    return _load(tmp_path_factory.mktemp("small") / "data", empty_database, SampleSize.SMALL)


@pytest.fixture(scope="module")
def decade(tmp_path_factory: pytest.TempPathFactory, empty_database: Path) -> Iterator[Loaded]:
    yield _load(tmp_path_factory.mktemp("decade") / "data", empty_database, SampleSize.DECADE)


# --- what every size holds ------------------------------------------------------------------


def _statuses_mixed(loaded: Loaded, *, held: tuple[float, float]) -> None:
    statuses = Counter(m.status for m in loaded.past)
    assert MeetingStatus.PLANNED not in statuses, "a meeting in the past was held or not"
    share = statuses[MeetingStatus.HELD] / len(loaded.past)
    assert held[0] <= share <= held[1], statuses
    assert statuses[MeetingStatus.CANCELLED] and statuses[MeetingStatus.MISSED], statuses
    assert all(m.starts_at > START_OF_TODAY for m in loaded.planned)


def _every_active_mentor_meets_soon(loaded: Loaded, most: int) -> None:
    weeks_ahead = START_OF_TODAY + timedelta(weeks=6)
    for mentor in loaded.mentors:
        planned = [m for m in loaded.planned if mentor.id in m.mentor_ids]
        own = [m for m in planned if len(m.mentor_ids) == 1]  # not a circle they join
        if mentor.fields.kind is RelationshipKind.GROUP_MENTORING:
            own = planned
        if mentor.fields.status is MentorStatus.ACTIVE:
            assert 1 <= len(own) <= most, mentor.name
            assert planned[0].starts_at < weeks_ahead, mentor.name
            nearest = planned[0]
            tomorrow = nearest.starts_at < START_OF_TODAY + timedelta(days=2)
            assert nearest.fields.agenda or tomorrow, mentor.name
        elif mentor.fields.status is not MentorStatus.PROSPECT:
            assert not own, mentor.name


def _come_prepared_overlaps_and_imports(loaded: Loaded, imported: int) -> None:
    tomorrow_ends = START_OF_TODAY + timedelta(days=2)
    soon = [m for m in loaded.planned if m.starts_at < tomorrow_ends and m.mentor_ids]
    assert any(not m.fields.agenda for m in soon), "a meeting tomorrow with no agenda yet"
    unassigned = [m for m in loaded.meetings if m.is_unassigned]
    assert len(unassigned) == imported
    assert all(m.status is MeetingStatus.PLANNED for m in unassigned)
    clashes = [m for m in loaded.planned if overlapping(m, loaded.planned)]
    assert len(clashes) >= 2
    assert any(not m.is_unassigned for m in clashes if overlapping(m, [*clashes]))


def _held_meetings_are_written_up(loaded: Loaded) -> None:
    for meeting in loaded.meetings:
        fields = meeting.fields
        assert 3 <= len(fields.agenda) <= 6 or not fields.agenda
        if meeting.status is MeetingStatus.HELD:
            words = len(fields.notes.split())
            assert 150 <= words <= 600, (meeting.title, words)
            assert re.search(r"^## ", fields.notes, re.M), "headings"
            assert re.search(r"^- ", fields.notes, re.M), "a bullet list"
            assert re.search(r"\*\*[^*]+\*\*|\*[^*]+\*", fields.notes), "emphasis"
            assert "lorem" not in fields.notes.lower()
            assert 1 <= len(fields.advice) <= 4
            assert fields.takeaway and "\n" not in fields.takeaway
            assert fields.agenda
        else:
            assert not fields.advice and not fields.takeaway
            assert not any(item.done for item in fields.agenda)
    held = [m for m in loaded.meetings if m.status is MeetingStatus.HELD]
    ticked = [item.done for m in held for item in m.fields.agenda]
    assert 0.75 <= sum(ticked) / len(ticked) < 1, "mostly ticked, a few left open"
    names = {m.id: m.fields.expertise for m in loaded.mentors}
    # The notes talk about what that mentor knows about.
    for meeting in held[:50]:
        topics = {t for mentor_id in meeting.mentor_ids for t in names[mentor_id]}
        assert any(topic in meeting.fields.notes for topic in topics), meeting.title


def _times_in_working_hours(loaded: Loaded) -> None:
    from mentordesk.domain.time_zones import local_zone_name, wall_time

    zones = Counter()
    mentors = {m.id: m for m in loaded.mentors}
    for meeting in loaded.meetings:
        if len(meeting.mentor_ids) != 1:
            continue
        mentor = mentors[meeting.mentor_ids[0]]
        there = wall_time(meeting.starts_at, mentor.fields.time_zone)
        assert 8 <= there.hour < 18, (meeting.title, there)
        zones[meeting.fields.time_zone == mentor.fields.time_zone] += 1
        assert meeting.fields.time_zone in (mentor.fields.time_zone, local_zone_name())
    if local_zone_name() not in {m.fields.time_zone for m in loaded.mentors}:
        assert zones[True] and zones[False], "stored in their zone or mine"


def _items_in_believable_states(loaded: Loaded, overdue: tuple[int, int]) -> None:
    meetings = {m.id: m for m in loaded.meetings}
    goals = {g.id: g for g in loaded.goals}
    states = Counter()
    for item in loaded.items:
        f = item.fields
        assert f.validated(TODAY) == f
        if f.meeting_id is not None:
            meeting = meetings[f.meeting_id]
            assert meeting.status is MeetingStatus.HELD
            assert meeting.starts_at < START_OF_TODAY
            assert item.mentor_ids == frozenset(meeting.mentor_ids)
        if f.goal_id is not None:
            assert item.mentor_ids & goals[f.goal_id].mentor_ids, "a goal of that mentor"
            if f.skill_id is not None:
                assert f.skill_id in goals[f.goal_id].skill_ids
        if f.status is ActionStatus.DONE:
            assert f.done_on is not None and f.done_on <= TODAY
            if f.reported_on is not None:
                assert f.done_on <= f.reported_on <= TODAY
            states["reported" if f.reported_on else "not reported back"] += 1
        elif item.is_overdue(TODAY):
            states["overdue"] += 1
        else:
            states[f.status.value] += 1
    assert states["reported"] > states["not reported back"] > 0, states
    assert states["dropped"] and states["open"], states
    assert overdue[0] <= states["overdue"] <= overdue[1], states
    assert any(i.fields.goal_id for i in loaded.items)
    assert any(i.fields.skill_id for i in loaded.items)
    assert any(i.fields.due_on for i in loaded.items if i.is_open)


# --- small ----------------------------------------------------------------------------------


def test_small_sample_has_a_handful_of_each(small: Loaded) -> None:
    assert 15 <= len(small.meetings) <= 25
    assert 30 <= len(small.items) <= 50
    _statuses_mixed(small, held=(0.5, 0.95))
    _every_active_mentor_meets_soon(small, most=2)
    _come_prepared_overlaps_and_imports(small, imported=2)


def test_small_sample_meetings_are_written_up(small: Loaded) -> None:
    _held_meetings_are_written_up(small)
    _times_in_working_hours(small)
    _items_in_believable_states(small, overdue=(1, 4))


def test_sample_meetings_are_valid_and_deterministic(small: Loaded) -> None:
    first = sample_meetings(small.mentors, small.goals, TODAY, decade=False, my_zone="Asia/Tokyo")
    again = sample_meetings(small.mentors, small.goals, TODAY, decade=False, my_zone="Asia/Tokyo")
    assert first == again
    later = sample_meetings(
        small.mentors, small.goals, TODAY + timedelta(days=1), decade=False, my_zone="Asia/Tokyo"
    )
    assert later != first
    for meeting in first:
        assert meeting.fields.validated() == meeting.fields, "already in normalized form"
        assert meeting.created_at <= datetime.combine(TODAY, time(12), tzinfo=UTC)
        for item in meeting.items:
            assert item.validated(TODAY) == item


def test_the_stored_sample_is_the_same_every_time(
    small: Loaded, tmp_path: Path, empty_database: Path
) -> None:
    again = _load(tmp_path / "again", empty_database, SampleSize.SMALL)

    assert [m.fields for m in again.meetings] == [m.fields for m in small.meetings]
    assert [i.fields for i in again.items] == [i.fields for i in small.items]


def test_a_failure_storing_the_meetings_rolls_the_whole_sample_back(
    services: Services, location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.services.action_items import ActionItemService

    def fail(*_args: object, **_kwargs: object) -> None:
        raise DomainError("injected failure while storing the action items")

    monkeypatch.setattr(ActionItemService, "add_many", fail)

    with pytest.raises(DomainError, match="injected"):
        load_sample_data(services, SampleSize.SMALL, today=TODAY)

    assert services.meetings.count() == 0
    assert services.mentors.count() == 0
    assert not holds_data(location)


# --- decade ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_decade_sample_has_ten_years_of_meetings(decade: Loaded) -> None:
    assert 2_700 <= len(decade.meetings) <= 3_500
    assert 10_500 <= len(decade.items) <= 13_500
    _statuses_mixed(decade, held=(0.84, 0.92))
    statuses = Counter(m.status for m in decade.past)
    assert 0.05 <= statuses[MeetingStatus.CANCELLED] / len(decade.past) <= 0.11
    assert 0.02 <= statuses[MeetingStatus.MISSED] / len(decade.past) <= 0.06
    held = [m for m in decade.meetings if m.status is MeetingStatus.HELD]
    assert 3.5 <= len(decade.items) / len(held) <= 5
    first = min(m.starts_at for m in decade.meetings)
    assert first.date() < TODAY - timedelta(days=365 * 9)
    assert sum(len(m.mentor_ids) > 1 for m in decade.meetings) >= 10, "group mentoring"
    _every_active_mentor_meets_soon(decade, most=3)
    _come_prepared_overlaps_and_imports(decade, imported=3)


@pytest.mark.slow
def test_decade_meetings_follow_each_relationship(decade: Loaded) -> None:
    for mentor in decade.mentors:
        theirs = [m for m in decade.past if mentor.fields.name and mentor.id in m.mentor_ids]
        f = mentor.fields
        if f.started_on is None:
            assert not theirs, mentor.name
            continue
        own = [m for m in theirs if len(m.mentor_ids) == 1]
        assert own, mentor.name
        assert min(m.starts_at.date() for m in own) >= f.started_on - timedelta(days=1)
        if f.ended_on is not None:
            assert max(m.starts_at.date() for m in own) <= f.ended_on + timedelta(days=1)
        months = max(1, ((f.ended_on or TODAY) - f.started_on).days / 30)
        assert len(own) / months >= 0.8, (mentor.name, len(own), months)


@pytest.mark.slow
def test_decade_meetings_are_written_up(decade: Loaded) -> None:
    _held_meetings_are_written_up(decade)
    _times_in_working_hours(decade)
    _items_in_believable_states(decade, overdue=(3, 20))
    old = [
        i
        for i in decade.items
        if i.fields.meeting_id is not None
        and i.meeting_on is not None
        and i.meeting_on < TODAY - timedelta(days=365)
    ]
    done = [i for i in old if i.is_done]
    assert len(done) / len(old) >= 0.8, "old items are mostly done"
    assert sum(i.fields.reported_on is not None for i in done) / len(done) >= 0.85
    assert any(i.fields.status is ActionStatus.DROPPED for i in old)
    recent = [i for i in decade.items if i.meeting_on and i.meeting_on > TODAY - timedelta(30)]
    assert sum(i.is_open for i in recent) / len(recent) >= 0.4, "recent items are open"


# --- huge -----------------------------------------------------------------------------------
# The huge set is loaded whole by tests/services/test_sample_data.py (slow); here its meeting
# generator runs over a part of its people.


def _part_of_the_huge_network() -> list[MentorRecord]:
    """Thirty of the huge set's relationships and its whole LinkedIn network, as records."""
    from mentordesk.services.sample_data import HUGE_RELATIONSHIPS, sample_mentors

    cards = sample_mentors(SampleSize.HUGE, TODAY)
    now = datetime.now(UTC)
    chosen = [*cards[:30], *cards[HUGE_RELATIONSHIPS:]]
    return [MentorRecord(i + 1, card, None, now, now) for i, card in enumerate(chosen)]


def test_huge_meetings_are_deterministic_and_the_network_mostly_never_met() -> None:
    mentors = _part_of_the_huge_network()

    first = sample_meetings(mentors, [], TODAY, decade=True, times=10, my_zone="Asia/Tokyo")
    again = sample_meetings(mentors, [], TODAY, decade=True, times=10, my_zone="Asia/Tokyo")

    assert first == again
    by_id = {m.id: m for m in mentors}
    prospects = {m.id for m in mentors if m.fields.status is MentorStatus.PROSPECT}
    intros = [m for m in first if m.fields.mentor_ids and m.fields.mentor_ids[0] in prospects]
    met = {m.fields.mentor_ids[0] for m in intros}
    assert 0 < len(met) <= len(prospects) * 0.05, "a few first calls, most never met"
    assert len(intros) == len(met), "one first call each"
    assert all(by_id[i].fields.time_zone for i in met), "the ones I looked at more closely"
    assert all(len(m.fields.mentor_ids) == 1 for m in intros)
    held = [m for m in intros if m.fields.status is MeetingStatus.HELD]
    assert held and all("LinkedIn" in m.fields.notes for m in held)
    assert any(m.fields.status is MeetingStatus.PLANNED for m in intros)
    assert sum(1 for m in first if not m.fields.mentor_ids) == 12, "a busy calendar's imports"
    for meeting in first:
        assert meeting.fields.validated() == meeting.fields
        for item in meeting.items:
            assert item.validated(TODAY) == item
