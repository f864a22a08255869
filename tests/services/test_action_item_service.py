"""Action items through the service: what is stored, "done" dated today when no date is
given, dates in the future or out of order refused with nothing stored, links to meetings,
goals and skills checked, the pending list, several marked done at once, delete and undo."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.action_item import ActionItemFields, DueBucket
from mentordesk.domain.enums import ActionOwner, ActionStatus, MeetingStatus
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import SkillFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.action_items import ActionItemService
from mentordesk.services.context import Services
from mentordesk.services.meetings import MeetingService
from tests.helpers import NOON, Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

TODAY = date(2030, 3, 4)  # NOON's day, local time pinned to UTC
YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
OPEN, DONE, DROPPED = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED


@pytest.fixture
def items(services: Services, clock: Clock) -> ActionItemService:
    return ActionItemService(services.sessions, clock=clock)


@pytest.fixture
def meetings(services: Services, clock: Clock) -> MeetingService:
    return MeetingService(services.sessions, clock=clock)


@pytest.fixture
def ann(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Amara Okafor")).id


@pytest.fixture
def bob(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Bob Lin")).id


def _meeting(meetings: MeetingService, *mentor_ids: int, start: datetime | None = None) -> int:
    fields = MeetingFields(
        "Check-in",
        start=start or datetime(2030, 3, 1, 9, 0),
        time_zone="UTC",
        mentor_ids=mentor_ids,
        status=MeetingStatus.HELD,
    )
    return meetings.create(fields).id


def _rows(location: DataLocation) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(location.database)
    try:
        return connection.execute("SELECT * FROM action_item ORDER BY id").fetchall()
    finally:
        connection.close()


# --- creating ------------------------------------------------------------------------------


def test_create_stores_every_field(
    services: Services, items: ActionItemService, meetings: MeetingService, ann: int
) -> None:
    goal = services.goals.create(GoalFields(title="Promotion")).id
    skill = services.skills.create(SkillFields(name="Negotiation")).id
    meeting = _meeting(meetings, ann)
    fields = ActionItemFields(
        "  Ask HR about\tthe ladder ",
        owner=ActionOwner.MENTOR,
        due_on=date(2030, 3, 20),
        meeting_id=meeting,
        goal_id=goal,
        skill_id=skill,
    )
    record = items.create(fields)
    assert record.fields == fields.replace(text="Ask HR about the ladder")
    assert record.mentor_ids == frozenset({ann})
    assert (record.meeting_title, record.meeting_on) == ("Check-in", date(2030, 3, 1))
    assert record.created_at == record.updated_at == NOON
    assert items.get(record.id) == record
    assert items.list_all() == [record]


def test_an_item_on_its_own(items: ActionItemService) -> None:
    record = items.create(ActionItemFields("Renew the passport", due_on=YESTERDAY))
    assert (record.mentor_ids, record.meeting_title, record.meeting_on) == (frozenset(), "", None)
    assert record.is_overdue(TODAY)
    assert record.due_bucket(TODAY) is DueBucket.OVERDUE


def test_create_under_a_given_id(items: ActionItemService) -> None:
    assert items.create(ActionItemFields("x"), item_id=42).id == 42


def test_marked_done_without_a_date_is_done_today(items: ActionItemService) -> None:
    record = items.create(ActionItemFields("Send the CV", status=DONE))
    assert record.fields.done_on == TODAY


def test_marked_done_with_a_date_keeps_it(items: ActionItemService) -> None:
    record = items.create(ActionItemFields("Send the CV", status=DONE, done_on=date(2030, 2, 1)))
    assert record.fields.done_on == date(2030, 2, 1)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (ActionItemFields("x", status=DONE, done_on=TOMORROW), "done_on"),
        (ActionItemFields("x", status=DONE, done_on=TODAY, reported_on=TOMORROW), "reported_on"),
        (ActionItemFields("x", status=DONE, done_on=TODAY, reported_on=YESTERDAY), "reported_on"),
        (ActionItemFields("  "), "text"),
        (ActionItemFields("x", meeting_id=999), "meeting_id"),
        (ActionItemFields("x", goal_id=999), "goal_id"),
        (ActionItemFields("x", skill_id=999), "skill_id"),
    ],
)
def test_bad_input_stores_nothing(
    items: ActionItemService, location: DataLocation, fields: ActionItemFields, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        items.create(fields)
    assert field in caught.value.field_errors
    assert _rows(location) == []


def test_done_today_by_default_cannot_be_reported_before(
    items: ActionItemService, location: DataLocation
) -> None:
    """Marked done without a date (so done today) but reported back yesterday: reported
    before done, which is refused like any other order."""
    with pytest.raises(ValidationError) as caught:
        items.create(ActionItemFields("x", status=DONE, reported_on=YESTERDAY))
    assert set(caught.value.field_errors) == {"reported_on"}
    assert _rows(location) == []


def test_the_future_is_judged_by_the_clock(items: ActionItemService, clock: Clock) -> None:
    with pytest.raises(ValidationError):
        items.create(ActionItemFields("x", status=DONE, done_on=TOMORROW))
    clock.advance(days=1)
    assert items.create(ActionItemFields("x", status=DONE, done_on=TOMORROW)).fields.done_on == (
        TOMORROW
    )


# --- updating ------------------------------------------------------------------------------


def test_reopening_clears_the_done_and_reported_dates(items: ActionItemService) -> None:
    done = items.create(ActionItemFields("x", status=DONE, done_on=YESTERDAY, reported_on=TODAY))
    reopened = items.update(done.id, done.fields.replace(status=OPEN))
    assert (reopened.fields.done_on, reopened.fields.reported_on) == (None, None)
    dropped = items.update(done.id, done.fields.replace(status=DROPPED))
    assert (dropped.fields.done_on, dropped.fields.reported_on) == (None, None)


def test_marking_done_again_without_a_date_keeps_the_earlier_date(
    items: ActionItemService, clock: Clock
) -> None:
    done = items.create(ActionItemFields("x", status=DONE, done_on=date(2030, 2, 1)))
    clock.advance(days=3)
    again = items.update(done.id, done.fields.replace(done_on=None, reported_on=date(2030, 3, 5)))
    assert again.fields.done_on == date(2030, 2, 1)
    assert again.fields.reported_on == date(2030, 3, 5)


def test_marking_an_open_item_done_dates_it_today(items: ActionItemService, clock: Clock) -> None:
    record = items.create(ActionItemFields("x"))
    clock.advance(days=2)
    done = items.update(record.id, record.fields.replace(status=DONE))
    assert done.fields.done_on == TODAY + timedelta(days=2)


def test_update_touches_updated_at_only_on_a_change(items: ActionItemService, clock: Clock) -> None:
    record = items.create(ActionItemFields("x", due_on=TOMORROW))
    clock.advance(hours=1)
    assert items.update(record.id, record.fields.replace(text="  x ")).updated_at == NOON
    changed = items.update(record.id, record.fields.replace(due_on=TODAY))
    assert changed.updated_at == NOON + timedelta(hours=1)
    assert changed.created_at == NOON


def test_a_bad_update_changes_nothing(items: ActionItemService, location: DataLocation) -> None:
    record = items.create(ActionItemFields("x"))
    before = _rows(location)
    with pytest.raises(ValidationError):
        items.update(record.id, record.fields.replace(status=DONE, done_on=TOMORROW))
    with pytest.raises(ValidationError):
        items.update(record.id, record.fields.replace(goal_id=999))
    assert _rows(location) == before
    with pytest.raises(NotFoundError):
        items.update(record.id + 1, record.fields)


def test_update_many_is_all_or_nothing(items: ActionItemService, location: DataLocation) -> None:
    one = items.create(ActionItemFields("one"))
    two = items.create(ActionItemFields("two"))
    before = _rows(location)
    with pytest.raises(ValidationError):
        items.update_many(
            [
                (one.id, one.fields.replace(status=DONE)),
                (two.id, two.fields.replace(status=DONE, done_on=TOMORROW)),
            ]
        )
    assert _rows(location) == before
    done = items.update_many(
        [(one.id, one.fields.replace(status=DONE)), (two.id, two.fields.replace(status=DONE))]
    )
    assert [(r.id, r.fields.done_on) for r in done] == [(one.id, TODAY), (two.id, TODAY)]


# --- reading -------------------------------------------------------------------------------


def test_pending_is_open_items_and_done_items_to_report_back(
    items: ActionItemService, meetings: MeetingService, ann: int
) -> None:
    meeting = _meeting(meetings, ann)
    open_item = items.create(ActionItemFields("open", meeting_id=meeting))
    alone = items.create(ActionItemFields("open on its own"))
    to_report = items.create(ActionItemFields("to report", status=DONE, meeting_id=meeting))
    items.create(ActionItemFields("reported", status=DONE, reported_on=TODAY, meeting_id=meeting))
    items.create(ActionItemFields("dropped", status=DROPPED, meeting_id=meeting))
    items.create(ActionItemFields("done on its own", status=DONE))
    pending = items.list_pending()
    assert [r.id for r in pending] == [open_item.id, alone.id, to_report.id]
    assert [r.awaits_report_back for r in pending] == [False, False, True]


def test_pending_leaves_out_done_items_of_a_meeting_with_nobody(
    items: ActionItemService, meetings: MeetingService
) -> None:
    """A done item from an imported meeting no mentor is assigned to has nobody to be
    reported back to: it does not await a report back, so it is not pending."""
    meeting = _meeting(meetings)
    done = items.create(ActionItemFields("done", status=DONE, meeting_id=meeting))
    assert not done.awaits_report_back
    assert items.list_pending() == []


def test_of_meeting_and_of_mentors(
    items: ActionItemService, meetings: MeetingService, ann: int, bob: int
) -> None:
    with_ann = _meeting(meetings, ann)
    group = _meeting(meetings, ann, bob, start=datetime(2030, 3, 2, 9, 0))
    with_bob = _meeting(meetings, bob, start=datetime(2030, 3, 3, 9, 0))
    a = items.create(ActionItemFields("a", meeting_id=with_ann)).id
    g = items.create(ActionItemFields("g", meeting_id=group)).id
    b = items.create(ActionItemFields("b", meeting_id=with_bob)).id
    items.create(ActionItemFields("alone"))
    assert [r.id for r in items.of_meeting(group)] == [g]
    assert items.get(g).mentor_ids == frozenset({ann, bob})
    assert [r.id for r in items.of_mentors([ann])] == [a, g]
    assert [r.id for r in items.of_mentors([bob])] == [g, b]
    assert [r.id for r in items.of_mentors([ann, bob])] == [a, g, b]
    assert items.of_mentors([]) == []


def test_the_meeting_day_is_the_local_day(
    items: ActionItemService, meetings: MeetingService, ann: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = _meeting(meetings, ann, start=datetime(2030, 3, 1, 23, 30))
    item = items.create(ActionItemFields("x", meeting_id=meeting)).id
    assert items.get(item).meeting_on == date(2030, 3, 1)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        assert items.get(item).meeting_on == date(2030, 3, 2)
    finally:
        monkeypatch.setenv("TZ", "UTC0")
        time.tzset()


def test_get_of_a_missing_item(items: ActionItemService) -> None:
    with pytest.raises(NotFoundError):
        items.get(404)


# --- deleting and undoing ------------------------------------------------------------------


def test_delete_and_restore(
    items: ActionItemService, meetings: MeetingService, ann: int, location: DataLocation
) -> None:
    meeting = _meeting(meetings, ann)
    record = items.create(ActionItemFields("x", status=DONE, done_on=YESTERDAY, meeting_id=meeting))
    rows = _rows(location)
    deleted = items.delete(record.id)
    assert deleted == record
    assert _rows(location) == []
    assert items.restore(deleted) == record
    assert _rows(location) == rows
    with pytest.raises(ValidationError):
        items.restore(deleted)


def test_restore_after_its_links_were_deleted(
    services: Services, items: ActionItemService, meetings: MeetingService, ann: int
) -> None:
    meeting = _meeting(meetings, ann)
    goal = services.goals.create(GoalFields(title="Promotion")).id
    skill = services.skills.create(SkillFields(name="Negotiation")).id
    record = items.create(ActionItemFields("x", meeting_id=meeting, goal_id=goal, skill_id=skill))
    deleted = items.delete(record.id)
    meetings.delete(meeting)
    services.goals.delete(goal)
    services.skills.delete(skill)
    restored = items.restore(deleted)
    assert restored.text == "x"
    assert (restored.fields.meeting_id, restored.fields.goal_id, restored.fields.skill_id) == (
        None,
        None,
        None,
    )


def test_deleting_a_goal_or_skill_unlinks_the_item(
    services: Services, items: ActionItemService
) -> None:
    goal = services.goals.create(GoalFields(title="Promotion")).id
    skill = services.skills.create(SkillFields(name="Negotiation")).id
    record = items.create(ActionItemFields("x", goal_id=goal, skill_id=skill))
    services.goals.delete(goal)
    services.skills.delete(skill)
    assert (items.get(record.id).fields.goal_id, items.get(record.id).fields.skill_id) == (
        None,
        None,
    )


def test_created_at_survives_a_restore(items: ActionItemService, clock: Clock) -> None:
    record = items.create(ActionItemFields("x"))
    clock.advance(days=1)
    restored = items.restore(items.delete(record.id))
    assert restored.created_at == NOON == datetime(2030, 3, 4, 12, tzinfo=UTC)


def test_a_kept_done_date_is_still_checked_against_the_report_back(
    items: ActionItemService, location: DataLocation
) -> None:
    done = items.create(ActionItemFields("x", status=DONE, done_on=date(2030, 2, 1)))
    before = _rows(location)
    with pytest.raises(ValidationError) as caught:
        items.update(done.id, done.fields.replace(done_on=None, reported_on=date(2030, 1, 15)))
    assert set(caught.value.field_errors) == {"reported_on"}
    assert _rows(location) == before
