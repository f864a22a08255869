"""Goals through the service: what is stored after each call, what bad input leaves untouched,
milestones kept in a dense order, and a deleted goal put back whole.

Also the decade sample data's goals, as stored."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.goal import GoalFields, GoalNoteFields, GoalRecord, MilestoneFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import SkillFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.goals import GoalService
from mentordesk.services.sample_data import SampleSize, load_sample_data
from tests.helpers import NOON, Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = date(
    2030, 3, 4
)  # NOON's date with local time pinned to UTC (see the local_time_is_utc fixture)
GOAL_TABLES = ("goal", "milestone", "goal_note", "goal_mentor", "goal_skill")
EMPTY: dict[str, list[tuple[object, ...]]] = {table: [] for table in GOAL_TABLES}


def _set_local_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


@pytest.fixture
def goals(services: Services, clock: Clock) -> GoalService:
    return GoalService(services.database.session_factory, clock=clock)


@pytest.fixture
def db(location: DataLocation) -> Path:
    return location.database


def _rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {table: _rows(path, f"SELECT * FROM {table} ORDER BY 1, 2") for table in GOAL_TABLES}


def _milestone_rows(path: Path, goal_id: int) -> list[tuple[object, ...]]:
    return _rows(
        path,
        "SELECT position, id, title FROM milestone WHERE goal_id = ? ORDER BY position",
        goal_id,
    )


def _mentor(services: Services, name: str) -> int:
    return services.mentors.create(MentorFields(name=name)).id


def _skill(services: Services, name: str) -> int:
    return services.skills.create(SkillFields(name=name)).id


def _goal_with_milestones(goals: GoalService, *titles: str) -> GoalRecord:
    return goals.create(
        GoalFields(title="Ship it"), milestones=[MilestoneFields(title=t) for t in titles]
    )


def _titles(record: GoalRecord) -> list[str]:
    return [m.title for m in record.milestones]


# --- creating --------------------------------------------------------------------------


def test_create_stores_the_goal_with_milestones_and_links(
    services: Services, goals: GoalService, db: Path
) -> None:
    ann, bob = _mentor(services, "Ann"), _mentor(services, "Bob")
    speaking = _skill(services, "Public speaking")
    fields = GoalFields(
        title="  Give a   conference talk ",
        kind=GoalKind.DEVELOP_SKILL,
        description="A 30-minute talk.",
        why_it_matters="Visibility.",
        started_on=date(2029, 1, 1),
        target_on=date(2030, 6, 1),
    )

    record = goals.create(
        fields,
        mentor_ids=[ann, bob],
        skill_ids=[speaking],
        milestones=[
            MilestoneFields("Pick a topic", due_on=date(2029, 2, 1), done_on=date(2029, 2, 3)),
            MilestoneFields(" Submit  a CFP ", due_on=date(2029, 5, 1)),
            MilestoneFields("Give the talk"),
        ],
    )

    assert record.title == "Give a conference talk"
    assert record.fields == fields.replace(title="Give a conference talk", status_changed_on=TODAY)
    assert _titles(record) == ["Pick a topic", "Submit a CFP", "Give the talk"]
    assert record.milestones[0].done_on == date(2029, 2, 3)
    assert record.mentor_ids == {ann, bob}
    assert record.skill_ids == {speaking}
    assert record.created_at == record.updated_at == NOON
    assert goals.get(record.id) == record
    assert goals.count() == 1
    assert _rows(db, "SELECT id, title, kind, status, status_changed_on FROM goal") == [
        (record.id, "Give a conference talk", "develop_skill", "active", "2030-03-04")
    ]
    assert _rows(
        db, "SELECT goal_id, position, title, due_on, done_on FROM milestone ORDER BY position"
    ) == [
        (record.id, 0, "Pick a topic", "2029-02-01", "2029-02-03"),
        (record.id, 1, "Submit a CFP", "2029-05-01", None),
        (record.id, 2, "Give the talk", None, None),
    ]
    assert _rows(db, "SELECT goal_id, mentor_id FROM goal_mentor ORDER BY 2") == [
        (record.id, ann),
        (record.id, bob),
    ]
    assert _rows(db, "SELECT goal_id, skill_id FROM goal_skill") == [(record.id, speaking)]


def test_create_keeps_a_status_date_the_caller_typed(goals: GoalService) -> None:
    record = goals.create(
        GoalFields(title="Old goal", status=GoalStatus.ACHIEVED, status_changed_on=date(2027, 5, 1))
    )

    assert goals.get(record.id).fields.status_changed_on == date(2027, 5, 1)


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_a_goal_needs_a_title(goals: GoalService, db: Path, title: str) -> None:
    with pytest.raises(ValidationError) as caught:
        goals.create(GoalFields(title=title), milestones=[MilestoneFields("First step")])

    assert set(caught.value.field_errors) == {"title"}
    assert goals.count() == 0
    assert _snapshot(db) == EMPTY


def test_a_target_before_the_start_is_refused_and_nothing_is_stored(
    services: Services, goals: GoalService, db: Path
) -> None:
    ann = _mentor(services, "Ann")

    with pytest.raises(ValidationError) as caught:
        goals.create(
            GoalFields(title="Backwards", started_on=date(2029, 5, 2), target_on=date(2029, 5, 1)),
            mentor_ids=[ann],
            milestones=[MilestoneFields("Step")],
        )

    assert set(caught.value.field_errors) == {"target_on"}
    assert caught.value.field_errors["target_on"]
    assert _snapshot(db) == EMPTY


def test_a_target_on_the_start_day_is_fine(goals: GoalService) -> None:
    day = date(2029, 5, 1)

    record = goals.create(GoalFields(title="One day", started_on=day, target_on=day))

    assert goals.get(record.id).fields.target_on == day


def test_a_milestone_done_in_the_future_is_refused_on_create(goals: GoalService, db: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        goals.create(
            GoalFields(title="Too early"),
            milestones=[
                MilestoneFields("Done today", done_on=TODAY),
                MilestoneFields("Done tomorrow", done_on=TODAY + timedelta(days=1)),
            ],
        )

    assert set(caught.value.field_errors) == {"done_on"}
    assert _snapshot(db) == EMPTY


def test_a_milestone_done_today_is_fine(goals: GoalService) -> None:
    record = goals.create(
        GoalFields(title="On time"), milestones=[MilestoneFields("Done", done_on=TODAY)]
    )

    assert goals.get(record.id).milestones[0].done_on == TODAY


def test_creating_with_a_missing_mentor_or_skill_stores_nothing(
    services: Services, goals: GoalService, db: Path
) -> None:
    ann = _mentor(services, "Ann")

    with pytest.raises(ValidationError) as caught:
        goals.create(
            GoalFields(title="G"), mentor_ids=[ann, 999], milestones=[MilestoneFields("M")]
        )
    assert set(caught.value.field_errors) == {"mentors"}

    with pytest.raises(ValidationError) as caught:
        goals.create(GoalFields(title="G"), skill_ids=[999], milestones=[MilestoneFields("M")])
    assert set(caught.value.field_errors) == {"skills"}

    assert _snapshot(db) == EMPTY


def test_a_missing_goal_is_reported(goals: GoalService) -> None:
    with pytest.raises(NotFoundError):
        goals.get(42)
    with pytest.raises(NotFoundError):
        goals.update(42, GoalFields(title="x"))
    with pytest.raises(NotFoundError):
        goals.delete(42)


# --- updating and the status date ---------------------------------------------------------


def test_update_stores_every_field(goals: GoalService, clock: Clock, db: Path) -> None:
    created = goals.create(GoalFields(title="Draft"), milestones=[MilestoneFields("Keep me")])
    clock.advance(minutes=5)
    changed = created.fields.replace(
        title="Become a staff engineer",
        kind=GoalKind.ADVANCE,
        description="Lead across teams.",
        why_it_matters="Scope.",
        started_on=date(2029, 1, 1),
        target_on=date(2031, 1, 1),
    )

    updated = goals.update(created.id, changed)

    assert updated.fields == changed
    assert updated.created_at == NOON
    assert updated.updated_at == NOON + timedelta(minutes=5)
    assert _titles(updated) == ["Keep me"]
    assert goals.get(created.id) == updated
    assert _rows(db, "SELECT title, kind, started_on, target_on FROM goal") == [
        ("Become a staff engineer", "advance", "2029-01-01", "2031-01-01")
    ]


def test_an_invalid_update_changes_nothing(goals: GoalService, clock: Clock, db: Path) -> None:
    created = goals.create(GoalFields(title="Keep", started_on=date(2029, 1, 1)))
    before = _snapshot(db)
    clock.advance(days=1)

    with pytest.raises(ValidationError) as caught:
        goals.update(
            created.id,
            created.fields.replace(title="Changed", target_on=date(2028, 12, 31)),
        )

    assert set(caught.value.field_errors) == {"target_on"}
    assert goals.get(created.id) == created
    assert _snapshot(db) == before


def test_a_status_change_is_dated_with_the_service_clock(goals: GoalService, clock: Clock) -> None:
    created = goals.create(GoalFields(title="Learn Rust"))
    assert created.fields.status_changed_on == TODAY
    clock.advance(days=10)

    updated = goals.update(created.id, created.fields.replace(status=GoalStatus.ACHIEVED))

    assert updated.fields.status is GoalStatus.ACHIEVED
    assert updated.fields.status_changed_on == TODAY + timedelta(days=10)
    assert goals.get(created.id).fields.status_changed_on == TODAY + timedelta(days=10)


def test_a_status_date_the_caller_typed_is_kept(goals: GoalService, clock: Clock) -> None:
    created = goals.create(GoalFields(title="Learn Rust"))
    clock.advance(days=10)

    updated = goals.update(
        created.id,
        created.fields.replace(status=GoalStatus.DROPPED, status_changed_on=date(2030, 3, 1)),
    )

    assert goals.get(updated.id).fields.status_changed_on == date(2030, 3, 1)


def test_editing_without_a_status_change_keeps_the_status_date(
    goals: GoalService, clock: Clock
) -> None:
    created = goals.create(GoalFields(title="Learn Rust"))
    clock.advance(days=10)

    goals.update(created.id, created.fields.replace(title="Learn Rust well"))

    assert goals.get(created.id).fields.status_changed_on == TODAY


def test_a_status_change_without_a_date_is_dated_today(goals: GoalService, clock: Clock) -> None:
    created = goals.create(GoalFields(title="Learn Rust"))
    clock.advance(days=10)

    goals.update(created.id, GoalFields(title="Learn Rust", status=GoalStatus.PAUSED))

    assert goals.get(created.id).fields.status_changed_on == TODAY + timedelta(days=10)


@pytest.mark.parametrize(
    ("zone", "now", "local_day"),
    [
        # 20:00 UTC is already 09:00 the next morning at UTC+13.
        ("NZDT-13", datetime(2030, 3, 4, 20, 0, tzinfo=UTC), date(2030, 3, 5)),
        # 03:00 UTC is still 19:00 the evening before at UTC-8.
        ("PST8", datetime(2030, 3, 5, 3, 0, tzinfo=UTC), date(2030, 3, 4)),
    ],
)
def test_today_is_the_clock_local_date(
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    now: datetime,
    local_day: date,
) -> None:
    _set_local_zone(monkeypatch, zone)
    goals = GoalService(services.database.session_factory, clock=Clock(now))

    record = goals.create(
        GoalFields(title="Local"), milestones=[MilestoneFields("Done today", done_on=local_day)]
    )
    assert goals.get(record.id).fields.status_changed_on == local_day

    with pytest.raises(ValidationError):
        goals.add_milestone(
            record.id, MilestoneFields("Tomorrow", done_on=local_day + timedelta(days=1))
        )


# --- progress and overdue ----------------------------------------------------------------


def test_progress_is_the_share_of_milestones_done(goals: GoalService) -> None:
    bare = goals.create(GoalFields(title="No milestones"))
    assert goals.get(bare.id).progress is None

    record = _goal_with_milestones(goals, "a", "b", "c")
    assert goals.get(record.id).progress == 0

    ids = [m.id for m in record.milestones]
    goals.update_milestone(record.id, ids[1], MilestoneFields("b", done_on=TODAY))
    assert goals.get(record.id).progress == pytest.approx(1 / 3)

    goals.update_milestone(record.id, ids[0], MilestoneFields("a", done_on=date(2030, 1, 1)))
    assert goals.get(record.id).progress == pytest.approx(2 / 3)

    goals.update_milestone(record.id, ids[2], MilestoneFields("c", done_on=TODAY))
    assert goals.get(record.id).progress == 1

    goals.update_milestone(record.id, ids[1], MilestoneFields("b", done_on=None))
    assert goals.get(record.id).progress == pytest.approx(2 / 3)


def test_is_overdue(goals: GoalService) -> None:
    cases = [
        (GoalStatus.ACTIVE, TODAY - timedelta(days=1), True),
        (GoalStatus.ACTIVE, TODAY, False),
        (GoalStatus.ACTIVE, TODAY + timedelta(days=1), False),
        (GoalStatus.ACTIVE, None, False),
        (GoalStatus.ACHIEVED, TODAY - timedelta(days=100), False),
        (GoalStatus.PAUSED, TODAY - timedelta(days=100), False),
        (GoalStatus.DROPPED, TODAY - timedelta(days=100), False),
    ]
    for status, target_on, overdue in cases:
        record = goals.create(GoalFields(title="G", status=status, target_on=target_on))

        assert goals.get(record.id).is_overdue(TODAY) is overdue, (status, target_on)


# --- milestones in order -------------------------------------------------------------------


def test_adding_milestones_keeps_a_dense_order(goals: GoalService, db: Path) -> None:
    record = _goal_with_milestones(goals, "b", "d")

    goals.add_milestone(record.id, MilestoneFields("e"))
    goals.add_milestone(record.id, MilestoneFields("a"), position=0)
    goals.add_milestone(record.id, MilestoneFields("c"), position=2)
    goals.add_milestone(record.id, MilestoneFields("f"), position=99)
    goals.add_milestone(record.id, MilestoneFields("before a"), position=-3)

    stored = goals.get(record.id)
    assert _titles(stored) == ["before a", "a", "b", "c", "d", "e", "f"]
    rows = _milestone_rows(db, record.id)
    assert [row[0] for row in rows] == list(range(7))
    assert [row[2] for row in rows] == _titles(stored)


def test_a_milestone_is_updated_in_place(goals: GoalService, clock: Clock, db: Path) -> None:
    record = _goal_with_milestones(goals, "a", "b", "c")
    b = record.milestones[1]
    clock.advance(minutes=1)

    updated = goals.update_milestone(
        record.id, b.id, MilestoneFields(" B  done ", due_on=date(2030, 2, 1), done_on=TODAY)
    )

    assert updated.milestones[1].id == b.id
    assert updated.updated_at == NOON + timedelta(minutes=1)
    assert goals.get(record.id) == updated
    assert _rows(
        db, "SELECT position, title, due_on, done_on FROM milestone WHERE id = ?", b.id
    ) == [(1, "B done", "2030-02-01", "2030-03-04")]


def test_bad_milestone_input_changes_nothing(goals: GoalService, db: Path) -> None:
    record = _goal_with_milestones(goals, "a")
    before = _snapshot(db)
    tomorrow = TODAY + timedelta(days=1)

    with pytest.raises(ValidationError) as caught:
        goals.add_milestone(record.id, MilestoneFields("later", done_on=tomorrow))
    assert set(caught.value.field_errors) == {"done_on"}
    with pytest.raises(ValidationError) as caught:
        goals.update_milestone(
            record.id, record.milestones[0].id, MilestoneFields("a", done_on=tomorrow)
        )
    assert set(caught.value.field_errors) == {"done_on"}
    with pytest.raises(ValidationError) as caught:
        goals.add_milestone(record.id, MilestoneFields("  "))
    assert set(caught.value.field_errors) == {"title"}
    with pytest.raises(NotFoundError):
        goals.update_milestone(record.id, 999, MilestoneFields("x"))
    with pytest.raises(NotFoundError):
        goals.remove_milestone(record.id, 999)

    assert _snapshot(db) == before


def test_removing_a_milestone_closes_the_gap(goals: GoalService, db: Path) -> None:
    record = _goal_with_milestones(goals, "a", "b", "c", "d")
    b, c = record.milestones[1], record.milestones[2]

    goals.remove_milestone(record.id, b.id)
    after = goals.remove_milestone(record.id, c.id)

    assert _titles(after) == ["a", "d"]
    assert goals.get(record.id) == after
    assert _milestone_rows(db, record.id) == [
        (0, record.milestones[0].id, "a"),
        (1, record.milestones[3].id, "d"),
    ]
    assert _rows(db, "SELECT count(*) FROM milestone WHERE id IN (?, ?)", b.id, c.id) == [(0,)]


@pytest.mark.parametrize(
    ("title", "new_index", "expected"),
    [
        ("c", 0, ["c", "a", "b", "d", "e"]),  # to first
        ("b", 4, ["a", "c", "d", "e", "b"]),  # to last
        ("a", 2, ["b", "c", "a", "d", "e"]),  # first to the middle
        ("e", 1, ["a", "e", "b", "c", "d"]),  # last to the middle
        ("d", 2, ["a", "b", "d", "c", "e"]),  # one step up
        ("b", 2, ["a", "c", "b", "d", "e"]),  # one step down
        ("c", 2, ["a", "b", "c", "d", "e"]),  # where it already is
        ("a", 99, ["b", "c", "d", "e", "a"]),  # past the end: last
        ("e", -5, ["e", "a", "b", "c", "d"]),  # before the start: first
    ],
)
def test_moving_a_milestone(
    goals: GoalService, db: Path, title: str, new_index: int, expected: list[str]
) -> None:
    record = _goal_with_milestones(goals, "a", "b", "c", "d", "e")
    ids = {m.title: m.id for m in record.milestones}

    moved = goals.move_milestone(record.id, ids[title], new_index)

    assert _titles(moved) == expected
    assert [m.id for m in moved.milestones] == [ids[t] for t in expected]
    assert goals.get(record.id) == moved
    assert _milestone_rows(db, record.id) == [
        (position, ids[t], t) for position, t in enumerate(expected)
    ]


def test_restoring_a_milestone_puts_it_back_at_its_place_with_its_id(
    goals: GoalService, db: Path
) -> None:
    record = goals.create(
        GoalFields(title="G"),
        milestones=[
            MilestoneFields("a"),
            MilestoneFields("b", due_on=date(2030, 5, 1), done_on=date(2030, 1, 2)),
            MilestoneFields("c"),
        ],
    )
    b = record.milestones[1]
    goals.remove_milestone(record.id, b.id)

    restored = goals.restore_milestone(record.id, b, 1)

    assert restored.milestones == record.milestones
    assert goals.get(record.id).milestones == record.milestones
    assert _milestone_rows(db, record.id) == [
        (i, m.id, m.title) for i, m in enumerate(record.milestones)
    ]
    assert _rows(db, "SELECT due_on, done_on FROM milestone WHERE id = ?", b.id) == [
        ("2030-05-01", "2030-01-02")
    ]


@pytest.mark.parametrize("index", [0, 2])
def test_restoring_the_first_or_last_milestone(goals: GoalService, db: Path, index: int) -> None:
    record = _goal_with_milestones(goals, "a", "b", "c")
    removed = record.milestones[index]
    goals.remove_milestone(record.id, removed.id)

    goals.restore_milestone(record.id, removed, index)

    assert goals.get(record.id).milestones == record.milestones
    assert [row[0] for row in _milestone_rows(db, record.id)] == [0, 1, 2]


def test_milestones_of_different_goals_keep_their_own_order(goals: GoalService, db: Path) -> None:
    first = _goal_with_milestones(goals, "a1", "a2")
    second = _goal_with_milestones(goals, "b1", "b2", "b3")

    goals.move_milestone(second.id, second.milestones[2].id, 0)
    goals.add_milestone(first.id, MilestoneFields("a0"), position=0)

    assert _titles(goals.get(first.id)) == ["a0", "a1", "a2"]
    assert _titles(goals.get(second.id)) == ["b3", "b1", "b2"]
    assert [row[0] for row in _milestone_rows(db, first.id)] == [0, 1, 2]
    assert [row[0] for row in _milestone_rows(db, second.id)] == [0, 1, 2]


# --- progress notes -----------------------------------------------------------------------


def test_notes_are_added_updated_removed_and_restored(goals: GoalService, db: Path) -> None:
    record = goals.create(GoalFields(title="G"))

    goals.add_note(record.id, GoalNoteFields(date(2030, 1, 5), "  First step done. \n"))
    two = goals.add_note(record.id, GoalNoteFields(date(2030, 2, 5), "Learned to ask."))
    first, second = two.notes
    assert (first.written_on, first.text) == (date(2030, 1, 5), "First step done.")
    assert _rows(db, "SELECT id, goal_id, written_on, text FROM goal_note ORDER BY id") == [
        (first.id, record.id, "2030-01-05", "First step done."),
        (second.id, record.id, "2030-02-05", "Learned to ask."),
    ]

    goals.update_note(record.id, second.id, GoalNoteFields(date(2030, 2, 6), "Learned to listen."))
    assert _rows(db, "SELECT written_on, text FROM goal_note WHERE id = ?", second.id) == [
        ("2030-02-06", "Learned to listen.")
    ]

    removed = goals.get(record.id).notes[0]
    after = goals.remove_note(record.id, removed.id)
    assert [n.id for n in after.notes] == [second.id]
    assert _rows(db, "SELECT count(*) FROM goal_note WHERE id = ?", removed.id) == [(0,)]

    goals.restore_note(record.id, removed)
    stored = goals.get(record.id).notes
    assert [(n.id, n.written_on, n.text) for n in stored] == [
        (first.id, date(2030, 1, 5), "First step done."),
        (second.id, date(2030, 2, 6), "Learned to listen."),
    ]


def test_an_empty_note_is_refused(goals: GoalService, db: Path) -> None:
    record = goals.create(GoalFields(title="G"))
    note = goals.add_note(record.id, GoalNoteFields(TODAY, "Kept")).notes[0]
    before = _snapshot(db)

    with pytest.raises(ValidationError) as caught:
        goals.add_note(record.id, GoalNoteFields(TODAY, "   "))
    assert set(caught.value.field_errors) == {"text"}
    with pytest.raises(ValidationError):
        goals.update_note(record.id, note.id, GoalNoteFields(TODAY, ""))
    with pytest.raises(NotFoundError):
        goals.update_note(record.id, 999, GoalNoteFields(TODAY, "x"))

    assert _snapshot(db) == before


def test_stored_notes_come_oldest_first(goals: GoalService) -> None:
    record = goals.create(GoalFields(title="G"))
    goals.add_note(record.id, GoalNoteFields(date(2030, 2, 1), "later"))
    goals.add_note(record.id, GoalNoteFields(date(2029, 2, 1), "earlier"))

    assert [n.text for n in goals.get(record.id).notes] == ["earlier", "later"]


def test_add_note_returns_the_notes_oldest_first(goals: GoalService) -> None:
    record = goals.create(GoalFields(title="G"))
    goals.add_note(record.id, GoalNoteFields(date(2030, 2, 1), "later"))

    returned = goals.add_note(record.id, GoalNoteFields(date(2029, 2, 1), "earlier"))

    assert returned == goals.get(record.id)


def test_restore_note_returns_the_notes_oldest_first(goals: GoalService) -> None:
    record = goals.create(GoalFields(title="G"))
    goals.add_note(record.id, GoalNoteFields(date(2029, 2, 1), "earlier"))
    goals.add_note(record.id, GoalNoteFields(date(2030, 2, 1), "later"))
    earlier = goals.get(record.id).notes[0]
    goals.remove_note(record.id, earlier.id)

    returned = goals.restore_note(record.id, earlier)

    assert returned == goals.get(record.id)


def test_update_note_returns_the_notes_oldest_first(goals: GoalService) -> None:
    record = goals.create(GoalFields(title="G"))
    goals.add_note(record.id, GoalNoteFields(date(2029, 2, 1), "first"))
    second = goals.add_note(record.id, GoalNoteFields(date(2030, 2, 1), "second")).notes[1]

    returned = goals.update_note(record.id, second.id, GoalNoteFields(date(2028, 1, 1), "moved"))

    assert [n.text for n in returned.notes] == ["moved", "first"]
    assert returned == goals.get(record.id)


# --- links ----------------------------------------------------------------------------


def test_set_links_replaces_the_links(services: Services, goals: GoalService, db: Path) -> None:
    ann, bob, cy = (_mentor(services, n) for n in ("Ann", "Bob", "Cy"))
    rust, go = _skill(services, "Rust"), _skill(services, "Go")
    record = goals.create(GoalFields(title="G"), mentor_ids=[ann, bob], skill_ids=[rust])

    updated = goals.set_links(record.id, mentor_ids=[bob, cy], skill_ids=[go, rust])

    assert (updated.mentor_ids, updated.skill_ids) == ({bob, cy}, {rust, go})
    assert goals.get(record.id) == updated
    assert _rows(db, "SELECT goal_id, mentor_id FROM goal_mentor ORDER BY 2") == [
        (record.id, bob),
        (record.id, cy),
    ]
    assert _rows(db, "SELECT skill_id FROM goal_skill ORDER BY 1") == [(rust,), (go,)]

    cleared = goals.set_links(record.id, mentor_ids=[], skill_ids=[])

    assert (cleared.mentor_ids, cleared.skill_ids) == (frozenset(), frozenset())
    assert _rows(db, "SELECT count(*) FROM goal_mentor") == [(0,)]
    assert _rows(db, "SELECT count(*) FROM goal_skill") == [(0,)]


@pytest.mark.parametrize(
    ("missing_mentor", "missing_skill", "field"),
    [(True, False, "mentors"), (False, True, "skills")],
)
def test_set_links_with_a_missing_id_changes_nothing(
    services: Services,
    goals: GoalService,
    clock: Clock,
    db: Path,
    missing_mentor: bool,
    missing_skill: bool,
    field: str,
) -> None:
    ann, bob = _mentor(services, "Ann"), _mentor(services, "Bob")
    rust, go = _skill(services, "Rust"), _skill(services, "Go")
    record = goals.create(GoalFields(title="G"), mentor_ids=[ann], skill_ids=[rust])
    before = _snapshot(db)
    clock.advance(minutes=1)

    with pytest.raises(ValidationError) as caught:
        goals.set_links(
            record.id,
            mentor_ids=[bob, *([999] if missing_mentor else [])],
            skill_ids=[go, *([999] if missing_skill else [])],
        )

    assert set(caught.value.field_errors) == {field}
    assert goals.get(record.id) == record
    assert _snapshot(db) == before


def test_goals_of_mentor(services: Services, goals: GoalService) -> None:
    ann, bob, cy = (_mentor(services, n) for n in ("Ann", "Bob", "Cy"))
    zeta = goals.create(GoalFields(title="Zeta"), mentor_ids=[ann])
    alpha = goals.create(GoalFields(title="Alpha"), mentor_ids=[ann, bob])
    goals.create(GoalFields(title="Beta"), mentor_ids=[bob])
    goals.create(GoalFields(title="Alone"))

    assert [g.id for g in goals.goals_of_mentor(ann)] == [alpha.id, zeta.id]
    assert {g.title for g in goals.goals_of_mentor(bob)} == {"Alpha", "Beta"}
    assert goals.goals_of_mentor(cy) == []

    goals.set_links(zeta.id, mentor_ids=[cy], skill_ids=[])

    assert [g.id for g in goals.goals_of_mentor(ann)] == [alpha.id]
    assert [g.id for g in goals.goals_of_mentor(cy)] == [zeta.id]


# --- delete and restore ---------------------------------------------------------------


def _full_goal(services: Services, goals: GoalService) -> tuple[GoalRecord, int, int]:
    ann = _mentor(services, "Ann")
    rust = _skill(services, "Rust")
    record = goals.create(
        GoalFields(
            title="Learn Rust",
            kind=GoalKind.DEVELOP_SKILL,
            started_on=date(2029, 1, 1),
            target_on=date(2030, 1, 1),
            status=GoalStatus.PAUSED,
            status_changed_on=date(2029, 9, 1),
        ),
        mentor_ids=[ann],
        skill_ids=[rust],
        milestones=[
            MilestoneFields("Read the book", done_on=date(2029, 3, 1)),
            MilestoneFields("Port a tool", due_on=date(2029, 8, 1)),
        ],
    )
    goals.add_note(record.id, GoalNoteFields(date(2029, 2, 1), "Chapter 4 is hard."))
    record = goals.add_note(record.id, GoalNoteFields(date(2029, 6, 1), "Borrow checker clicked."))
    return record, ann, rust


def test_delete_returns_the_goal_and_leaves_no_orphan_rows(
    services: Services, goals: GoalService, db: Path
) -> None:
    record, ann, rust = _full_goal(services, goals)
    other = _goal_with_milestones(goals, "keep")
    goals.add_note(other.id, GoalNoteFields(TODAY, "keep"))
    goals.set_links(other.id, mentor_ids=[ann], skill_ids=[rust])

    deleted = goals.delete(record.id)

    assert deleted == record
    with pytest.raises(NotFoundError):
        goals.get(record.id)
    assert [g.id for g in goals.list_all()] == [other.id]
    for table in ("milestone", "goal_note", "goal_mentor", "goal_skill"):
        assert _rows(db, f"SELECT count(*) FROM {table} WHERE goal_id = ?", record.id) == [(0,)]
        assert _rows(db, f"SELECT count(*) FROM {table} WHERE goal_id = ?", other.id) != [(0,)]
    assert _rows(db, "PRAGMA foreign_key_check") == []
    assert services.mentors.get(ann).name == "Ann"
    assert services.skills.get(rust).name == "Rust"


def test_restore_brings_the_goal_back_whole(
    services: Services, goals: GoalService, clock: Clock, db: Path
) -> None:
    record, _, _ = _full_goal(services, goals)
    # A later goal holds the highest ids, so new rows would not get the old ids by chance.
    later = _goal_with_milestones(goals, "later")
    goals.add_note(later.id, GoalNoteFields(TODAY, "later"))
    before = _snapshot(db)
    deleted = goals.delete(record.id)
    clock.advance(days=3)

    restored = goals.restore(deleted)

    assert restored == record
    assert goals.get(record.id) == record
    assert _snapshot(db) == before


def test_restore_drops_links_to_mentors_and_skills_deleted_meanwhile(
    services: Services, goals: GoalService, db: Path
) -> None:
    record, ann, rust = _full_goal(services, goals)
    bob = _mentor(services, "Bob")
    go = _skill(services, "Go")
    record = goals.set_links(record.id, mentor_ids=[ann, bob], skill_ids=[rust, go])
    deleted = goals.delete(record.id)
    services.mentors.delete(ann)
    services.skills.delete(go)

    restored = goals.restore(deleted)

    assert restored.mentor_ids == {bob}
    assert restored.skill_ids == {rust}
    assert restored.milestones == record.milestones
    assert restored.notes == record.notes
    assert goals.get(record.id) == restored
    assert _rows(db, "SELECT mentor_id FROM goal_mentor") == [(bob,)]
    assert _rows(db, "SELECT skill_id FROM goal_skill") == [(rust,)]
    assert _rows(db, "PRAGMA foreign_key_check") == []


def test_restoring_a_goal_that_exists_is_refused(goals: GoalService, db: Path) -> None:
    record = _goal_with_milestones(goals, "a")
    before = _snapshot(db)

    with pytest.raises(ValidationError):
        goals.restore(record)

    assert _snapshot(db) == before


def test_ids_of_a_deleted_goal_are_not_reused_so_restore_still_works(
    goals: GoalService,
) -> None:
    other = _goal_with_milestones(goals, "b1")
    record = _goal_with_milestones(goals, "a1", "a2")
    record = goals.add_note(record.id, GoalNoteFields(TODAY, "a note"))
    deleted = goals.delete(record.id)

    newer = goals.add_milestone(other.id, MilestoneFields("b2"))
    newer = goals.add_note(other.id, GoalNoteFields(TODAY, "b note"))

    assert not {m.id for m in newer.milestones} & {m.id for m in deleted.milestones}
    assert not {n.id for n in newer.notes} & {n.id for n in deleted.notes}
    assert goals.restore(deleted) == record


def test_list_all_is_sorted_by_title_ignoring_case_and_accents(goals: GoalService) -> None:
    for title in ("zebra", "Écrire", "apple", "Banana"):
        goals.create(GoalFields(title=title))

    assert [g.title for g in goals.list_all()] == ["apple", "Banana", "Écrire", "zebra"]


# --- the decade sample ------------------------------------------------------------------

SAMPLE_TODAY = date(2025, 6, 15)


@pytest.fixture(scope="module")
def decade_goals(tmp_path_factory: pytest.TempPathFactory) -> list[GoalRecord]:
    services = Services.open(DataLocation(tmp_path_factory.mktemp("decade") / "data"))
    try:
        load_sample_data(services, SampleSize.DECADE, today=SAMPLE_TODAY)
        return services.goals.list_all()
    finally:
        services.close()


@pytest.mark.slow
def test_decade_sample_has_thirty_goals_with_about_150_milestones(
    decade_goals: list[GoalRecord],
) -> None:
    assert len(decade_goals) == 30
    assert 120 <= sum(len(g.milestones) for g in decade_goals) <= 180
    assert all(g.milestones for g in decade_goals)
    assert all(g.notes for g in decade_goals)


@pytest.mark.slow
def test_decade_sample_goals_tell_a_plausible_story(decade_goals: list[GoalRecord]) -> None:
    statuses = {g.fields.status for g in decade_goals}
    assert GoalStatus.ACTIVE in statuses
    assert GoalStatus.ACHIEVED in statuses
    without_mentor = [g for g in decade_goals if not g.mentor_ids]
    assert 1 <= len(without_mentor) < len(decade_goals) / 2
    assert sum(1 for g in decade_goals if g.skill_ids) >= 25
    for goal in decade_goals:
        f = goal.fields
        assert f.errors() == {}
        assert f.started_on is not None and f.started_on <= SAMPLE_TODAY
        assert f.started_on >= SAMPLE_TODAY.replace(year=SAMPLE_TODAY.year - 10)
        assert f.target_on is not None and f.target_on >= f.started_on
        assert f.status_changed_on is not None and f.status_changed_on <= SAMPLE_TODAY
        assert all(m.done_on is None or m.done_on <= SAMPLE_TODAY for m in goal.milestones)
        assert all(n.written_on <= SAMPLE_TODAY for n in goal.notes)
        if f.status is GoalStatus.ACHIEVED:
            assert goal.progress == 1


def test_choices_give_each_goal_its_title_and_mentors_by_title(services: Services) -> None:
    from mentordesk.domain.goal import GoalChoice
    from mentordesk.domain.mentor import MentorFields

    amara = services.mentors.create(MentorFields(name="Amara")).id
    jose = services.mentors.create(MentorFields(name="José")).id
    speak = services.goals.create(GoalFields(title="Speak at a conference"), mentor_ids=(jose,))
    lead = services.goals.create(GoalFields(title="Lead a team"), mentor_ids=(amara, jose))
    alone = services.goals.create(GoalFields(title="écrire un livre"))
    assert services.goals.choices() == [
        GoalChoice(alone.id, "écrire un livre", frozenset()),
        GoalChoice(lead.id, "Lead a team", frozenset({amara, jose})),
        GoalChoice(speak.id, "Speak at a conference", frozenset({jose})),
    ]
    assert [(c.id, c.title, c.mentor_ids) for c in services.goals.choices()] == [
        (r.id, r.title, r.mentor_ids) for r in services.goals.list_all()
    ]
