"""Time zones for meetings: wall-clock times turned into UTC and back, the times a zone skips
(refused) or repeats (the first occurrence), and the zone names a person may type."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from mentordesk.domain.time_zones import (
    NonexistentTime,
    city,
    in_zone,
    is_nonexistent,
    local_zone_name,
    to_utc,
    wall_time,
    zone,
    zone_error,
)


@pytest.fixture
def local_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("wall", "name"),
    [
        (datetime(2026, 3, 29, 2, 30), "Europe/Berlin"),
        (datetime(2026, 3, 29, 2, 0), "Europe/Berlin"),
        (datetime(2026, 3, 29, 2, 59), "Europe/Berlin"),
        (datetime(2026, 3, 8, 2, 30), "America/New_York"),
    ],
)
def test_times_in_the_spring_gap_do_not_exist(wall: datetime, name: str) -> None:
    assert is_nonexistent(wall, name)
    with pytest.raises(NonexistentTime):
        to_utc(wall, name)


@pytest.mark.parametrize(
    ("wall", "name"),
    [
        (datetime(2026, 3, 29, 1, 59), "Europe/Berlin"),
        (datetime(2026, 3, 29, 3, 0), "Europe/Berlin"),
        (datetime(2026, 10, 25, 2, 30), "Europe/Berlin"),  # repeated, but exists
        (datetime(2026, 3, 8, 3, 0), "America/New_York"),
        (datetime(2026, 3, 29, 2, 30), "UTC"),
        (datetime(2026, 3, 29, 2, 30), "Asia/Tokyo"),
    ],
)
def test_times_outside_a_gap_exist(wall: datetime, name: str) -> None:
    assert not is_nonexistent(wall, name)


def test_to_utc_on_either_side_of_the_spring_gap() -> None:
    assert to_utc(datetime(2026, 3, 29, 1, 59), "Europe/Berlin") == datetime(
        2026, 3, 29, 0, 59, tzinfo=UTC
    )
    assert to_utc(datetime(2026, 3, 29, 3, 0), "Europe/Berlin") == datetime(
        2026, 3, 29, 1, 0, tzinfo=UTC
    )


def test_a_repeated_time_is_its_first_occurrence() -> None:
    # 25 October 2026: Berlin goes from 03:00 CEST back to 02:00 CET; 02:30 happens twice.
    first = to_utc(datetime(2026, 10, 25, 2, 30), "Europe/Berlin")
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer time (+02:00)
    # Also when the typed time says it meant the second occurrence.
    assert to_utc(datetime(2026, 10, 25, 2, 30, fold=1), "Europe/Berlin") == first
    # New York, 1 November 2026: 01:30 EDT (-04:00) comes first.
    assert to_utc(datetime(2026, 11, 1, 1, 30), "America/New_York") == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


def test_to_utc_is_aware_utc_and_wall_time_gives_it_back() -> None:
    moment = to_utc(datetime(2026, 7, 1, 9, 15), "America/New_York")
    assert moment == datetime(2026, 7, 1, 13, 15, tzinfo=UTC)
    assert moment.utcoffset() == timedelta(0)
    assert wall_time(moment, "America/New_York") == datetime(2026, 7, 1, 9, 15)
    assert wall_time(moment, "Asia/Kolkata") == datetime(2026, 7, 1, 18, 45)
    assert wall_time(moment, "America/New_York").tzinfo is None


def test_wall_time_of_the_second_occurrence_is_the_same_wall_clock() -> None:
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, after the change
    assert wall_time(second, "Europe/Berlin") == datetime(2026, 10, 25, 2, 30)


def test_in_zone_defaults_to_the_local_zone(local_berlin: None) -> None:
    moment = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
    assert in_zone(moment).utcoffset() == timedelta(hours=1)
    assert in_zone(moment).hour == 13
    other = timezone(timedelta(hours=-3))
    assert in_zone(moment, other).hour == 9


@pytest.mark.parametrize("name", ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"])
def test_known_zones_have_no_error(name: str) -> None:
    assert zone_error(name) is None
    assert zone(name).key == name


def test_a_zone_name_with_spaces_around_it_is_accepted() -> None:
    assert zone_error("  Europe/Berlin ") is None


@pytest.mark.parametrize(
    "name",
    [
        "Mars/Olympus_Mons",
        "Berlin",
        "Europe",
        "../../etc/passwd",
        "/etc/localtime",
        "Europe/../UTC",
    ],
)
def test_unknown_zones_are_refused(name: str) -> None:
    message = zone_error(name)
    assert message is not None and "is not a time zone" in message
    with pytest.raises(ValueError):
        zone(name)


@pytest.mark.parametrize("name", ["", "   "])
def test_a_missing_zone_asks_for_one(name: str) -> None:
    assert zone_error(name) == "Choose a time zone."


def test_local_zone_name_reads_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_zone_name() == "America/New_York"
    monkeypatch.setenv("TZ", ":Asia/Tokyo")
    assert local_zone_name() == "Asia/Tokyo"


def test_local_zone_name_reads_a_tz_file_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "/usr/share/zoneinfo/Asia/Tokyo")
    assert local_zone_name() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", ":/usr/share/zoneinfo/America/Argentina/Salta")
    assert local_zone_name() == "America/Argentina/Salta"


def test_local_zone_name_is_always_a_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Not/AZone")
    assert zone_error(local_zone_name()) is None


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Africa/Lagos", "Lagos"),
        ("America/Argentina/Salta", "Salta"),
        ("America/Port_of_Spain", "Port of Spain"),
        ("UTC", "UTC"),
    ],
)
def test_city(name: str, shown: str) -> None:
    assert city(name) == shown
