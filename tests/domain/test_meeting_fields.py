"""What a meeting may hold: a duration of at least a minute, a start that exists in its time
zone, a zone that exists; the record's UTC start and end, its local start, and which
meetings overlap."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import (
    AgendaItem,
    MeetingFields,
    MeetingRecord,
    overlapping,
    utc,
)
from mentordesk.domain.validation import ValidationError

STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def local_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _fields(**changes: object) -> MeetingFields:
    base = MeetingFields(
        title="Career check-in",
        start=datetime(2026, 5, 12, 9, 0),
        minutes=45,
        time_zone="Europe/Berlin",
        mentor_ids=(1,),
    )
    return base.replace(**changes)


def _record(meeting_id: int, fields: MeetingFields) -> MeetingRecord:
    return MeetingRecord(meeting_id, fields, f"uid-{meeting_id}", 0, STAMP, STAMP)


def _errors(fields: MeetingFields) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        fields.validated()
    return caught.value.field_errors


# --- what is refused ---------------------------------------------------------------------


def test_a_good_meeting_is_valid() -> None:
    assert _fields().validated() == _fields()


def test_an_end_before_the_start_is_refused() -> None:
    assert _errors(_fields(minutes=-30)) == {"minutes": "The meeting ends before it starts."}


def test_a_duration_of_zero_is_refused() -> None:
    assert _errors(_fields(minutes=0)) == {"minutes": "A meeting lasts at least one minute."}


def test_one_minute_and_two_days_are_the_limits() -> None:
    assert _fields(minutes=1).validated().minutes == 1
    assert _fields(minutes=2 * 24 * 60).validated().minutes == 2880
    assert set(_errors(_fields(minutes=2 * 24 * 60 + 1))) == {"minutes"}


@pytest.mark.parametrize(
    ("start", "zone"),
    [
        (datetime(2026, 3, 29, 2, 30), "Europe/Berlin"),
        (datetime(2026, 3, 8, 2, 30), "America/New_York"),
    ],
)
def test_a_start_in_the_spring_gap_is_refused(start: datetime, zone: str) -> None:
    errors = _errors(_fields(start=start, time_zone=zone))
    assert set(errors) == {"start"}
    assert "02:30" in errors["start"] and "does not exist" in errors["start"]
    assert zone in errors["start"]


def test_the_same_wall_time_in_another_zone_is_fine() -> None:
    # 2026-03-29 02:30 exists in New York (its change was on 8 March).
    fields = _fields(start=datetime(2026, 3, 29, 2, 30), time_zone="America/New_York")
    assert fields.validated().starts_at == datetime(2026, 3, 29, 6, 30, tzinfo=UTC)


def test_an_unknown_zone_is_refused_and_the_start_not_judged() -> None:
    errors = _errors(_fields(time_zone="Europe/Atlantis", start=datetime(2026, 3, 29, 2, 30)))
    assert set(errors) == {"time_zone"}
    assert "Europe/Atlantis" in errors["time_zone"]


def test_an_empty_zone_is_refused() -> None:
    assert _errors(_fields(time_zone=" ")) == {"time_zone": "Choose a time zone."}


def test_a_blank_title_is_refused() -> None:
    assert set(_errors(_fields(title="   "))) == {"title"}


def test_several_problems_are_named_together() -> None:
    errors = _errors(_fields(title="", minutes=0, time_zone="Nowhere/Land"))
    assert set(errors) == {"title", "minutes", "time_zone"}


# --- normalising -------------------------------------------------------------------------


def test_normalized_tidies_without_changing_meaning() -> None:
    fields = _fields(
        title="  Career\tcheck-in  ",
        start=datetime(2026, 5, 12, 9, 0, 42, 999),
        time_zone=" Europe/Berlin ",
        mentor_ids=(3, 1, 3),
        place_or_link="  https://meet.example/abc \n",
        agenda=(
            AgendaItem("  Ask about\nthe promotion ", origin="  Typed "),
            AgendaItem("   "),
            AgendaItem("Feedback", done=True),
        ),
        advice=("  Say no more often ", "", "  "),
        notes="\n# Notes\n\n",
        takeaway="  Keep a brag document ",
    ).normalized()
    assert fields.title == "Career check-in"
    assert fields.start == datetime(2026, 5, 12, 9, 0)
    assert fields.time_zone == "Europe/Berlin"
    assert fields.mentor_ids == (1, 3)
    assert fields.place_or_link == "https://meet.example/abc"
    assert fields.agenda == (
        AgendaItem("Ask about the promotion", origin="Typed"),
        AgendaItem("Feedback", done=True),
    )
    assert fields.advice == ("Say no more often",)
    assert fields.notes == "# Notes"
    assert fields.takeaway == "Keep a brag document"


# --- the record ----------------------------------------------------------------------------


def test_starts_at_is_utc_and_ends_after_the_duration() -> None:
    record = _record(1, _fields(start=datetime(2026, 1, 15, 18, 30), minutes=90))
    assert record.starts_at == datetime(2026, 1, 15, 17, 30, tzinfo=UTC)  # CET, +01:00
    assert record.ends_at == datetime(2026, 1, 15, 19, 0, tzinfo=UTC)
    summer = _record(2, _fields(start=datetime(2026, 7, 15, 18, 30)))
    assert summer.starts_at == datetime(2026, 7, 15, 16, 30, tzinfo=UTC)  # CEST, +02:00


def test_starts_at_is_computed_once_and_a_replaced_meeting_computes_its_own() -> None:
    fields = _fields(start=datetime(2026, 1, 15, 18, 30), minutes=90)
    assert fields.starts_at is fields.starts_at  # cached, not converted again
    assert fields.ends_at == datetime(2026, 1, 15, 19, 0, tzinfo=UTC)
    moved = fields.replace(start=datetime(2026, 7, 15, 18, 30))
    assert moved.starts_at == datetime(2026, 7, 15, 16, 30, tzinfo=UTC)  # not the old value
    assert moved.ends_at == datetime(2026, 7, 15, 18, 0, tzinfo=UTC)
    assert fields.starts_at == datetime(2026, 1, 15, 17, 30, tzinfo=UTC)
    # The cache is not a field: equality, hashing and repr are those of the typed values.
    fresh = _fields(start=datetime(2026, 1, 15, 18, 30), minutes=90)
    assert fresh == fields
    assert hash(fresh) == hash(fields)
    assert repr(fresh) == repr(fields)
    assert "starts_at" not in repr(fields)


def test_an_ambiguous_start_is_its_first_occurrence() -> None:
    record = _record(1, _fields(start=datetime(2026, 10, 25, 2, 30)).validated())
    assert record.starts_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_an_end_across_the_spring_gap_lasts_the_real_duration() -> None:
    fields = _fields(start=datetime(2026, 3, 29, 1, 30), minutes=60)
    # 01:30 CET is 00:30 UTC; an hour later it is 03:30 CEST on the wall.
    assert fields.ends_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_local_start_is_in_the_computers_zone(local_berlin: None) -> None:
    record = _record(
        1, _fields(start=datetime(2026, 6, 1, 9, 0), time_zone="America/New_York", minutes=30)
    )
    local = record.local_start()
    assert local.replace(tzinfo=None) == datetime(2026, 6, 1, 15, 0)
    assert local.utcoffset() == timedelta(hours=2)
    assert record.local_day() == date(2026, 6, 1)


def test_local_day_can_differ_from_the_meetings_day(local_berlin: None) -> None:
    record = _record(1, _fields(start=datetime(2026, 6, 1, 20, 0), time_zone="America/Los_Angeles"))
    assert record.local_day() == date(2026, 6, 2)  # 05:00 the next morning in Berlin


def test_unassigned_means_no_mentor() -> None:
    assert _record(1, _fields(mentor_ids=())).is_unassigned
    assert not _record(2, _fields(mentor_ids=(4,))).is_unassigned
    assert _record(3, _fields(mentor_ids=(4, 5))).mentor_ids == (4, 5)


def test_open_agenda_is_what_was_not_ticked() -> None:
    record = _record(
        1,
        _fields(agenda=(AgendaItem("A", done=True), AgendaItem("B"), AgendaItem("C"))),
    )
    assert [item.text for item in record.open_agenda()] == ["B", "C"]


@pytest.mark.parametrize(
    ("status", "takes_place"),
    [
        (MeetingStatus.PLANNED, True),
        (MeetingStatus.HELD, True),
        (MeetingStatus.CANCELLED, False),
        (MeetingStatus.MISSED, False),
    ],
)
def test_takes_place(status: MeetingStatus, takes_place: bool) -> None:
    assert _record(1, _fields(status=status)).takes_place is takes_place


# --- overlapping ---------------------------------------------------------------------------


def _at(
    meeting_id: int, hour: int, minute: int = 0, minutes: int = 60, **changes: object
) -> MeetingRecord:
    start = datetime(2026, 5, 12, hour, minute)
    return _record(meeting_id, _fields(start=start, minutes=minutes, **changes))


def test_overlapping_meetings_are_listed() -> None:
    nine = _at(1, 9)
    others = [
        nine,  # itself: never listed
        _at(2, 9, 30),  # starts inside
        _at(3, 8, 0, minutes=120),  # covers it
        _at(4, 10),  # starts as it ends: no overlap
        _at(5, 8),  # ends as it starts: no overlap
        _at(6, 8, 59, minutes=2),  # one minute in common
    ]
    assert [r.id for r in overlapping(nine, others)] == [2, 3, 6]


def test_overlaps_across_time_zones_are_in_real_time() -> None:
    berlin = _at(1, 15)  # 13:00 UTC in May
    new_york = _record(
        2,
        _fields(start=datetime(2026, 5, 12, 9, 30), time_zone="America/New_York"),  # 13:30 UTC
    )
    tokyo = _record(
        3, _fields(start=datetime(2026, 5, 12, 15, 0), time_zone="Asia/Tokyo")
    )  # 06:00 UTC
    assert [r.id for r in overlapping(berlin, [new_york, tokyo])] == [2]


def test_cancelled_and_missed_meetings_do_not_overlap() -> None:
    nine = _at(1, 9)
    others = [
        _at(2, 9, status=MeetingStatus.CANCELLED),
        _at(3, 9, status=MeetingStatus.MISSED),
        _at(4, 9, status=MeetingStatus.HELD),
    ]
    assert [r.id for r in overlapping(nine, others)] == [4]
    assert overlapping(_at(5, 9, status=MeetingStatus.CANCELLED), [nine]) == []


def test_utc_helper() -> None:
    assert utc(datetime(2026, 1, 1, 12)) == datetime(2026, 1, 1, 12, tzinfo=UTC)
    aware = datetime(2026, 1, 1, 12, tzinfo=UTC).astimezone()
    assert utc(aware) == datetime(2026, 1, 1, 12, tzinfo=UTC)
    assert utc(aware).tzinfo is UTC
