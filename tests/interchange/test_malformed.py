"""A file that cannot be imported is refused with a message naming it and what is wrong, and
nothing at all is imported: not even its sound events."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentordesk.interchange.errors import CalendarFileError
from mentordesk.interchange.ics_read import read_calendar_file
from tests.interchange.conftest import DATA, Calendars

MALFORMED = DATA / "malformed"

EXPECTED = {
    "not_a_calendar.ics": "is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)",
    "truncated.ics": "ends before END:VEVENT; the file is incomplete",
    "missing_end.ics": "has END:VCALENDAR where END:VEVENT was expected",
    "mismatched_end.ics": "has END:VTODO where END:VEVENT was expected",
    "invalid_date.ics": "“Career chat” (UID base-1@example.org) has an invalid DTSTART",
    "ends_before_start.ics": "“Career chat” (UID base-1@example.org) ends before it starts",
    "no_start.ics": "has no start (DTSTART)",
    "year_one.ics": "is dated 1; a meeting falls between 1900 and 2200",
    "broken_parameter.ics": "A line of the event “Career chat” (UID base-1@example.org) cannot",
    "unreadable_line.ics": "cannot be read (Content line could not be parsed",
    "never_occurs.ics": "repeats on days that do not exist",
    "every_minute.ics": "repeats minutely; meetings (and time zones) repeat at most daily",
    "bad_rule.ics": "has an invalid RRULE",
    "interval_zero.ics": "repeats by a rule with an impossible INTERVAL=0",
    "nested.ics": "nested more than 6 deep",
    "two_calendars_one_broken.ics": "has an invalid DTSTART",
}


def test_every_malformed_file_is_listed() -> None:
    assert sorted(p.name for p in MALFORMED.glob("*.ics")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_malformed_file_is_refused_naming_it_and_the_problem(
    calendars: Calendars, name: str
) -> None:
    path = MALFORMED / name
    with pytest.raises(CalendarFileError) as refused:
        calendars.read(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: ")
    assert EXPECTED[name] in message
    assert message.endswith("Nothing was imported.")
    assert calendars.services.meetings.count() == 0


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.ics"
    path.write_bytes((DATA / "google.ics").read_bytes() * 40)
    with pytest.raises(CalendarFileError, match=r"big\.ics: It is 0\.\d MB; calendar files of up"):
        read_calendar_file(path, max_bytes=100_000)


def test_files_that_are_not_there_or_not_files(tmp_path: Path) -> None:
    with pytest.raises(CalendarFileError, match=re.escape("nowhere.ics: It does not exist.")):
        read_calendar_file(tmp_path / "nowhere.ics")
    with pytest.raises(CalendarFileError, match=re.escape("It is not a file.")):
        read_calendar_file(tmp_path)
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    with pytest.raises(CalendarFileError, match=re.escape("empty.ics: It is empty.")):
        read_calendar_file(empty)
    binary = tmp_path / "photo.ics"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(
        CalendarFileError, match=re.escape("photo.ics: It is not an iCalendar file")
    ):
        read_calendar_file(binary)


def test_a_rule_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    """A rule no check foresees that takes dateutil ages: the time limit refuses the file."""
    text = (MALFORMED / "never_occurs.ics").read_text(encoding="utf-8")
    # The 366th day of the year falls in December, never in January: no check knows that.
    path = tmp_path / "slow.ics"
    path.write_text(
        text.replace("BYMONTH=2;BYMONTHDAY=30", "BYMONTH=1;BYYEARDAY=366"), encoding="utf-8"
    )
    calendar_file = read_calendar_file(path)
    with pytest.raises(CalendarFileError, match="take too long to work out"):
        from datetime import date

        calendar_file.events_between(date(2025, 1, 1), date(2027, 1, 1), time_limit=0.5)
