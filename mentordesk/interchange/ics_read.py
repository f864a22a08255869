"""A calendar file as the events it holds in a range of days.

The libraries do the reading: ``icalendar`` parses RFC 5545 (folded lines, escaped text,
quoted parameters, TZIDs with their VTIMEZONEs, Windows zone names), ``x_wr_timezone``
turns a Google calendar that names its zone only in X-WR-TIMEZONE into a standard one, and
``recurring_ical_events`` expands RRULE, RDATE, EXDATE and RECURRENCE-ID inside the range.
What is checked here is what they leave to the caller: the file's size and nesting, the
problems they note on components, dates no meeting can have, rules that would run for
ever, and what each event means for a meeting (title, time, place, agenda, people).

Every refusal is a CalendarFileError naming the file and the problem; nothing here writes.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.domain.enums import MeetingFormat, MeetingStatus
from mentordesk.domain.meeting import AGENDA_LINE_MAX, LONGEST_MINUTES, MeetingFields
from mentordesk.domain.time_zones import local_zone_name, to_utc, wall_time, zone, zone_error
from mentordesk.domain.validation import NAME_MAX, SHORT_TEXT_MAX
from mentordesk.interchange._deadline import TookTooLong, within
from mentordesk.interchange.errors import CalendarFileError

if TYPE_CHECKING:
    from icalendar import Calendar, Component, Event

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
# VCALENDAR > VEVENT > VALARM is three deep, VCALENDAR > VTIMEZONE > STANDARD too.
MAX_NESTING = 6
MAX_COMPONENTS = 200_000
# More meetings than ten busy years hold: beyond this a file is not a person's meetings.
MAX_EVENTS = 25_000
# Expanding the recurrences of a sound file takes well under a second.
EXPANSION_SECONDS = 15.0
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
# A meeting repeats daily at the most; shorter rules are not meetings (and expand slowly).
_TOO_FREQUENT = frozenset({"SECONDLY", "MINUTELY", "HOURLY"})
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_VIDEO_WORDS = ("zoom", "teams", "meet.", "webex", "skype", "whereby", "jitsi", "video")
NO_TITLE = "(No title)"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# icalendar's own notes (a TZID it had to guess, say) are no business of the person's.
for _module in ("icalendar", "recurring_ical_events", "x_wr_timezone"):
    warnings.filterwarnings("ignore", module=_module)
# icalendar keeps the VTIMEZONEs it has read in one process-wide cache: one file is read
# at a time, with the cache emptied first, so no file's zones stand in for another's.
_PARSING = threading.Lock()


@dataclass(frozen=True)
class Person:
    """An ATTENDEE or the ORGANIZER: their address (without mailto:) and name (CN)."""

    email: str
    name: str


@dataclass(frozen=True)
class IncomingEvent:
    """One meeting as a calendar file describes it (one instance of a recurring event)."""

    uid: str
    recurrence_id: str  # "" for an event that does not recur
    title: str
    starts_at: datetime  # aware, UTC
    minutes: int
    time_zone: str  # an IANA name
    all_day: bool
    place: str
    format: MeetingFormat
    status: MeetingStatus
    agenda: tuple[str, ...]
    done: tuple[bool, ...]  # ticks MentorDesk wrote (X-MENTORDESK-DONE), else all False
    people: tuple[Person, ...]
    mentor_names: tuple[str, ...]  # the mentors MentorDesk named (X-MENTORDESK-MENTOR)
    sequence: int
    left_out: str = ""  # why this cannot be a meeting ("lasts longer than two days")

    @property
    def key(self) -> tuple[str, str]:
        return (self.uid, self.recurrence_id)

    def fields(self, mentor_ids: Sequence[int] = ()) -> MeetingFields:
        """The meeting this event makes, with ``mentor_ids``."""
        from mentordesk.domain.meeting import AgendaItem

        return MeetingFields(
            title=self.title,
            start=wall_time(self.starts_at, self.time_zone),
            minutes=self.minutes,
            time_zone=self.time_zone,
            mentor_ids=tuple(mentor_ids),
            format=self.format,
            place_or_link=self.place,
            status=self.status,
            agenda=tuple(
                AgendaItem(text, done) for text, done in zip(self.agenda, self.done, strict=True)
            ),
        )

    def stored(self) -> dict[str, Any]:
        """What the file says, as kept beside the meeting to compare the next import with."""
        return {
            "title": self.title,
            "start": self.starts_at.isoformat(),
            "minutes": self.minutes,
            "time_zone": self.time_zone,
            "place": self.place,
            "format": self.format.value,
            "status": self.status.value,
            "agenda": list(self.agenda),
            "people": [[p.email, p.name] for p in self.people],
            "mentors": list(self.mentor_names),
        }


@dataclass(frozen=True)
class EventsInRange:
    """The events of a file that take place in a range of days."""

    events: tuple[IncomingEvent, ...]
    start: date
    end: date  # inclusive
    outside: int  # events (or whole series) of the file with nothing in the range
    duplicates: int  # the same event more than once: the latest revision was taken


# --- reading the file ------------------------------------------------------------------------


@dataclass
class CalendarFile:
    """A parsed calendar file, ready to be read for any range of days."""

    path: Path
    calendars: list[Calendar]
    event_count: int  # VEVENT components (a recurring one counts once)

    def events_between(
        self,
        start: date,
        end: date,
        *,
        floating_zone: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        time_limit: float = EXPANSION_SECONDS,
    ) -> EventsInRange:
        """The events taking place from ``start`` to ``end`` (inclusive), recurring ones
        expanded. Times without a zone (and all-day events) are in ``floating_zone``, the
        computer's own by default."""
        home = floating_zone or local_zone_name()
        try:
            occurrences = within(time_limit, lambda: self._occurrences(start, end))
        except CalendarFileError:
            raise
        except TookTooLong:
            raise CalendarFileError(
                self.path,
                "Its repeating events take too long to work out (a rule that never or hardly "
                "ever occurs?).",
            ) from None
        except Exception as exc:
            raise _unreadable(self.path, exc) from exc
        if len(occurrences) > MAX_EVENTS:
            raise CalendarFileError(
                self.path,
                f"It holds {len(occurrences):,} events between {start} and {end}; at most "
                f"{MAX_EVENTS:,} can be imported at once. Choose a shorter range of days.",
            )
        found: dict[tuple[str, str], IncomingEvent] = {}
        duplicates = 0
        series = self._series_uids()
        for done, component in enumerate(occurrences):
            if cancelled is not None and cancelled():
                from mentordesk.interchange.errors import ImportCancelled

                raise ImportCancelled()
            if progress is not None and done % 50 == 0:
                progress(done, len(occurrences))
            try:
                event = _event(component, series, home, self.path)
            except CalendarFileError:
                raise
            except Exception as exc:
                raise _unreadable(self.path, exc, _what(component)) from exc
            earlier = found.get(event.key)
            if earlier is not None:
                duplicates += 1
                if earlier.sequence > event.sequence:
                    continue
            found[event.key] = event
        if progress is not None:
            progress(len(occurrences), len(occurrences))
        events = tuple(sorted(found.values(), key=lambda e: (e.starts_at, e.uid, e.recurrence_id)))
        inside = {e.uid for e in events}
        outside = len(self._all_uids() - inside)
        return EventsInRange(events, start, end, outside, duplicates)

    def _occurrences(self, start: date, end: date) -> list[Event]:
        import recurring_ical_events  # type: ignore[import-untyped]

        found: list[Event] = []
        for calendar in self.calendars:
            query = recurring_ical_events.of(calendar)
            found.extend(query.between(start, end + timedelta(days=1)))
        return found

    def _events(self) -> Iterable[Component]:
        for calendar in self.calendars:
            yield from calendar.walk("VEVENT")

    def _all_uids(self) -> set[str]:
        return {str(event.get("UID")) for event in self._events()}

    def _series_uids(self) -> set[str]:
        """UIDs of recurring events: their instances are told apart by RECURRENCE-ID."""
        return {
            str(event.get("UID"))
            for event in self._events()
            if "RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event
        }


def read_calendar_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> CalendarFile:
    """Parse ``path``; CalendarFileError when it is not a calendar file that can be read."""
    data = _read_bytes(path, max_bytes)
    text = _check_structure(path, data)
    with _PARSING:
        try:
            import icalendar
            from icalendar.timezone import tzp

            tzp.use_zoneinfo()  # empties the zones cached from the file read before
            parsed = within(
                _parse_seconds(len(data)),
                lambda: icalendar.Calendar.from_ical(text, multiple=True),
            )
            calendars = [_standard(c) for c in parsed]
        except CalendarFileError:
            raise
        except TookTooLong:
            raise CalendarFileError(path, "Reading it takes too long.") from None
        except Exception as exc:
            raise _unreadable(path, exc) from exc
    if not calendars:
        raise CalendarFileError(path, "It holds no calendar (no BEGIN:VCALENDAR … END:VCALENDAR).")
    calendar_file = CalendarFile(path, calendars, 0)
    try:
        _check_components(calendar_file)
    except CalendarFileError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from exc
    calendar_file.event_count = sum(1 for _ in calendar_file._events())
    return calendar_file


def _parse_seconds(size: int) -> float:
    """How long parsing may take: icalendar reads about a megabyte in three seconds."""
    return 20.0 + 5.0 * size / 1024 / 1024


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            what = "It does not exist." if not path.exists() else "It is not a file."
            raise CalendarFileError(path, what)
        size = path.stat().st_size
        if size > max_bytes:
            raise CalendarFileError(
                path,
                f"It is {size / 1024 / 1024:.1f} MB; calendar files of up to "
                f"{max_bytes // 1024 // 1024} MB can be imported.",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CalendarFileError(path, f"It cannot be read ({exc.strerror or exc}).") from exc
    if len(data) > max_bytes:  # it grew while we looked
        raise CalendarFileError(path, f"It is larger than {max_bytes // 1024 // 1024} MB.")
    if not data.strip():
        raise CalendarFileError(path, "It is empty.")
    return data


def _check_structure(path: Path, data: bytes) -> str:
    """The text of the file, once its BEGIN and END lines are known to pair up and nest no
    deeper than a calendar does (the parser itself accepts mismatched ones)."""
    from icalendar.parser import Contentlines
    from icalendar.parser_tools import to_unicode

    text = to_unicode(data)
    if "\x00" in text:
        raise CalendarFileError(path, "It is not an iCalendar file (it holds binary data).")
    lines = Contentlines.from_ical(text)  # type: ignore[no-untyped-call]
    first = next((line for line in lines if line.strip()), "")
    if first.strip().upper() != "BEGIN:VCALENDAR":
        raise CalendarFileError(
            path, "It is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)."
        )
    open_components: list[str] = []
    count = 0
    for line in lines:
        head = line[:6].upper()
        if head == "BEGIN:":
            name = line[6:].strip().upper()
            open_components.append(name)
            count += 1
            if len(open_components) > MAX_NESTING:
                raise CalendarFileError(
                    path,
                    f"Its components are nested more than {MAX_NESTING} deep "
                    f"({' > '.join(open_components[:4])} > …); no calendar is.",
                )
            if count > MAX_COMPONENTS:
                raise CalendarFileError(
                    path, f"It holds more than {MAX_COMPONENTS:,} components; too many."
                )
        elif line[:4].upper() == "END:":
            name = line[4:].strip().upper()
            if not open_components:
                raise CalendarFileError(path, f"It has an END:{_clip(name)} that ends nothing.")
            if open_components[-1] != name:
                raise CalendarFileError(
                    path,
                    f"It has END:{_clip(name)} where END:{_clip(open_components[-1])} "
                    "was expected; the file is damaged or cut short.",
                )
            open_components.pop()
    if open_components:
        raise CalendarFileError(
            path,
            f"It ends before END:{_clip(open_components[-1])}; the file is incomplete "
            "(cut short while it was copied or downloaded?).",
        )
    return text


def _standard(calendar: Calendar) -> Calendar:
    """A calendar with an X-WR-TIMEZONE (Google's) in the standard form: times in UTC and
    floating ones placed in that zone."""
    import x_wr_timezone  # type: ignore[import-untyped]

    name = calendar.get("X-WR-TIMEZONE")
    if name is None:
        return calendar
    if zone_error(str(name)) is not None:
        del calendar["X-WR-TIMEZONE"]  # a zone nobody knows: times stay as they are written
        return calendar
    standard: Calendar = x_wr_timezone.to_standard(calendar, add_timezone_component=False)
    return standard


def _check_components(calendar_file: CalendarFile) -> None:
    """Refuse the problems icalendar noted on components, events without a start, and
    recurrence rules no meeting has."""
    path = calendar_file.path
    for calendar in calendar_file.calendars:
        for component in calendar.walk():
            for prop, problem in component.errors:
                raise CalendarFileError(path, _problem_text(component, prop, problem))
    for event in calendar_file._events():
        if "DTSTART" not in event:
            raise CalendarFileError(path, f"{_What(event)} has no start (DTSTART).")
        _check_dates(path, event)
        if not str(event.get("UID", "")).strip():
            # Without a UID it could not be found again: one made of what it holds is the
            # same for the same event in the next import of the file.
            event["UID"] = hashlib.sha256(event.to_ical()).hexdigest()[:32] + "@no-uid"
        uid = _clean_line(str(event["UID"]))
        if len(uid) > 255:
            uid = uid[:190] + "-" + hashlib.sha256(uid.encode()).hexdigest()[:40]
        if uid != str(event["UID"]):
            event["UID"] = uid
    for calendar in calendar_file.calendars:
        # Every component's rules: a time zone's too (its changes are worked out by them).
        for component in calendar.walk():
            for rule in _rules(component):
                _check_rule(path, component, rule)


def _check_rule(path: Path, component: Component, rule: Any) -> None:
    frequency = {str(f).upper() for f in rule.get("FREQ", [])}
    if not frequency:
        raise CalendarFileError(path, f"{_What(component)} repeats by a rule without FREQ.")
    if frequency & _TOO_FREQUENT or len(frequency) > 1:
        said = " and ".join(sorted(f.lower() for f in frequency))
        raise CalendarFileError(
            path,
            f"{_What(component)} repeats {said}; meetings (and time zones) repeat at most daily.",
        )
    wrong = _out_of_range(rule)
    if wrong:
        raise CalendarFileError(
            path, f"{_What(component)} repeats by a rule with an impossible {wrong}."
        )
    if _impossible(rule):
        raise CalendarFileError(
            path,
            f"{_What(component)} repeats on days that do not exist "
            f"({_clip(rule.to_ical().decode(errors='replace'))}).",
        )


def _check_dates(path: Path, event: Component) -> None:
    """A start no meeting can have, or an end before the start, is a broken event."""
    start = event.get("DTSTART").dt
    if not EARLIEST_YEAR <= start.year <= LATEST_YEAR:
        raise CalendarFileError(
            path,
            f"{_What(event)} is dated {start.year}; a meeting falls between {EARLIEST_YEAR} "
            f"and {LATEST_YEAR}.",
        )
    end = event.get("DTEND").dt if "DTEND" in event else None
    if end is None or isinstance(start, datetime) != isinstance(end, datetime):
        return
    if isinstance(start, datetime) and (start.tzinfo is None) != (end.tzinfo is None):
        return
    if end < start:
        raise CalendarFileError(path, f"{_What(event)} ends before it starts.")


def _rules(event: Component) -> list[Any]:
    rules = event.get("RRULE")
    if rules is None:
        return []
    return list(rules) if isinstance(rules, list) else [rules]


# What each part of a rule may hold (RFC 5545, 3.3.10); anything else never occurs, and
# dateutil may search for it until the year 9999 (INTERVAL=0 never moves on at all).
_RULE_RANGES = {
    "INTERVAL": (1, 10_000),
    "COUNT": (1, 1_000_000),
    "BYMONTH": (1, 12),
    "BYMONTHDAY": (-31, 31),
    "BYYEARDAY": (-366, 366),
    "BYWEEKNO": (-53, 53),
    "BYSETPOS": (-366, 366),
    "BYHOUR": (0, 23),
    "BYMINUTE": (0, 59),
    "BYSECOND": (0, 60),
}
_NOT_ZERO = frozenset({"BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS"})


def _out_of_range(rule: Any) -> str:
    """The part of a rule (“INTERVAL=0”) holding a value no rule may have, or ""."""
    for part, (lowest, highest) in _RULE_RANGES.items():
        for value in rule.get(part, []):
            try:
                number = int(value)
            except (TypeError, ValueError):
                return f"{part}={_clip(str(value), 20)}"
            if not lowest <= number <= highest or (number == 0 and part in _NOT_ZERO):
                return f"{part}={number}"
    return ""


_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30}


def _impossible(rule: Any) -> bool:
    """A day of the month no month of the rule has (30 February): such a rule never
    occurs, and looking for its next time runs to the year 9999."""
    months = [int(m) for m in rule.get("BYMONTH", [])] or list(range(1, 13))
    days = [int(d) for d in rule.get("BYMONTHDAY", [])]
    if not days:
        return False
    return not any(
        abs(day) <= _MONTH_DAYS.get(month, 31) for month in months for day in days if day
    )


# --- one event -------------------------------------------------------------------------------


def _event(component: Event, series: set[str], home: str, path: Path) -> IncomingEvent:
    uid = str(component.get("UID"))
    start = component.start
    end = component.end
    all_day = not isinstance(start, datetime)
    if not isinstance(start, datetime):
        starts_at, time_zone = _day_start(start, home), home
        ends_at = _day_start(end if not isinstance(end, datetime) else end.date(), home)
    else:
        time_zone = _zone_name(start, component.get("DTSTART"), home)
        named = _text(component.get("X-MENTORDESK-TZ")).strip()
        if (
            named != time_zone
            and zone_error(named) is None
            and start.astimezone(zone(named)).utcoffset() == start.utcoffset()
        ):
            time_zone = named  # as MentorDesk wrote it ("Africa/Accra", written in UTC)
        starts_at = _utc(start, time_zone)
        ends_at = _utc(end, time_zone) if isinstance(end, datetime) else starts_at
    starts_at = starts_at.replace(second=0, microsecond=0)  # meetings start on a minute
    if not EARLIEST_YEAR <= starts_at.year <= LATEST_YEAR:
        raise CalendarFileError(
            path,
            f"{_What(component)} is dated {starts_at.year}; a meeting falls between "
            f"{EARLIEST_YEAR} and {LATEST_YEAR}.",
        )
    minutes = int((ends_at - starts_at).total_seconds() // 60)
    if minutes < 0:
        raise CalendarFileError(path, f"{_What(component)} ends before it starts.")
    left_out = ""
    if minutes == 0:
        minutes = MeetingFields.minutes  # no end given: the usual hour
    elif minutes > LONGEST_MINUTES:
        left_out = "lasts longer than two days"
    # A wall time the zone repeats (the hour the clocks go back) is stored as its first
    # occurrence; keep the exact moment in UTC rather than move the meeting an hour.
    if to_utc(wall_time(starts_at, time_zone), time_zone) != starts_at:
        time_zone = "UTC"
    place = _clipped(_clean_line(_text(component.get("LOCATION"))), SHORT_TEXT_MAX)
    link = _clipped(_clean_line(_text(component.get("URL"))), SHORT_TEXT_MAX)
    agenda = _agenda(_text(component.get("DESCRIPTION")))
    recurrence_id = ""
    if uid in series and component.get("RECURRENCE-ID") is not None:
        recurrence_id = recurrence_key(component.get("RECURRENCE-ID").dt)
    return IncomingEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        title=_clipped(_clean_line(_text(component.get("SUMMARY"))), NAME_MAX) or NO_TITLE,
        starts_at=starts_at,
        minutes=minutes,
        time_zone=time_zone,
        all_day=all_day,
        place=place or link,
        format=_format(component, place, link),
        status=_status(component),
        agenda=agenda,
        done=_done(component, len(agenda)),
        people=_people(component),
        mentor_names=tuple(
            name
            for name in (_clean_line(_text(v)) for v in _all(component, "X-MENTORDESK-MENTOR"))
            if name
        ),
        sequence=_sequence(component),
        left_out=left_out,
    )


def recurrence_key(value: date | datetime) -> str:
    """How a RECURRENCE-ID is kept: the instant in UTC, or the day of an all-day event (or
    the wall time of a floating one)."""
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def recurrence_value(key: str) -> date | datetime | None:
    """The RECURRENCE-ID a key was made from (None for "" or a key that is none)."""
    makers: tuple[tuple[str, Callable[[datetime], date | datetime]], ...] = (
        ("%Y%m%dT%H%M%SZ", lambda d: d.replace(tzinfo=UTC)),
        ("%Y%m%dT%H%M%S", lambda d: d),
        ("%Y%m%d", lambda d: d.date()),
    )
    for pattern, make in makers:
        try:
            value: date | datetime = make(datetime.strptime(key, pattern))
        except ValueError:
            continue
        return value
    return None


def _day_start(day: date, home: str) -> datetime:
    """Midnight at the start of ``day`` in ``home``, in UTC (the first of two, if repeated)."""
    return datetime(day.year, day.month, day.day, tzinfo=zone(home)).astimezone(UTC)


def _utc(moment: datetime, time_zone: str) -> datetime:
    if moment.tzinfo is None:  # floating: the wall time in the computer's zone
        moment = moment.replace(tzinfo=zone(time_zone))
    return moment.astimezone(UTC)


def _zone_name(start: datetime, prop: Any, home: str) -> str:
    """The IANA name of the zone the event's start is written in."""
    tz: tzinfo | None = start.tzinfo
    if tz is None:
        return home
    offset = start.utcoffset()
    tzid = str(getattr(prop, "params", {}).get("TZID", "")).strip()
    try:
        candidates = _zone_candidates(tzid, tz)
    except TypeError:  # a zone object that cannot be a key
        candidates = _zone_candidates.__wrapped__(tzid, tz)
    for name in candidates:
        if start.astimezone(zone(name)).utcoffset() == offset:
            return "UTC" if name in ("UTC", "Etc/UTC") and offset == timedelta(0) else name
    if offset == timedelta(0):
        return "UTC"
    # A zone the file defines itself ("Customized Time Zone"): the computer's, if it
    # agrees with it at the time; the moment itself is exact in any case.
    if start.astimezone(zone(home)).utcoffset() == offset:
        return home
    return "UTC"


@lru_cache(maxsize=256)
def _zone_candidates(tzid: str, tz: tzinfo) -> tuple[str, ...]:
    """The IANA names a TZID (and the zone icalendar made of it) may stand for, best first:
    the name itself, the Windows name's zone, a globally unique TZID's tail, the zone's key
    and icalendar's equivalents. Worked out once per zone, not once per event."""
    from icalendar.timezone import tzids_from_tzinfo
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    candidates = [tzid, WINDOWS_TO_OLSON.get(tzid.strip("/"), "")]
    if tzid.startswith("/"):  # "/freeassociation.sourceforge.net/Europe/Berlin"
        parts = tzid.strip("/").split("/")
        candidates += ["/".join(parts[i:]) for i in range(1, len(parts))]
    candidates.append(str(getattr(tz, "key", "")))
    candidates += list(tzids_from_tzinfo(tz))
    return tuple(dict.fromkeys(c for c in candidates if c and zone_error(c) is None))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a property given twice: the first counts
        return _text(value[0]) if value else ""
    return str(value)


def _all(component: Component, name: str) -> list[Any]:
    value = component.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _clean(text: str) -> str:
    """Text as MentorDesk stores it: line breaks as \\n, no control characters, no bytes
    that were not text, no invisible characters that reorder what follows."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text  # the usual case: none of them (each is unprintable), checked in C
    return "".join(
        c
        for c in text
        if c in "\n\t"
        or not (
            unicodedata.category(c) in ("Cc", "Cs")
            or c in _BIDI_CONTROLS
            or c in "\u2028\u2029\x85"
        )
    )


def _clean_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _clipped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _agenda(description: str) -> tuple[str, ...]:
    """The description's lines, as they are (markup is text); a line longer than an agenda
    line holds is carried on in the next ones."""
    lines: list[str] = []
    for raw in _clean(description).split("\n"):
        line = " ".join(raw.split())
        while len(line) > AGENDA_LINE_MAX:
            cut = line.rfind(" ", 0, AGENDA_LINE_MAX + 1)
            cut = cut if cut > AGENDA_LINE_MAX // 2 else AGENDA_LINE_MAX
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        if line:
            lines.append(line)
    return tuple(lines)


def _done(component: Component, count: int) -> tuple[bool, ...]:
    ticks = _text(component.get("X-MENTORDESK-DONE")).split(",")
    if len(ticks) == count and all(t in ("0", "1") for t in ticks):
        return tuple(t == "1" for t in ticks)
    return (False,) * count


def _format(component: Component, place: str, link: str) -> MeetingFormat:
    named = _text(component.get("X-MENTORDESK-FORMAT")).strip().lower()
    if named in {f.value for f in MeetingFormat}:
        return MeetingFormat(named)
    if link or place.lower().startswith(("http://", "https://")):
        return MeetingFormat.VIDEO
    if any(word in place.lower() for word in _VIDEO_WORDS):
        return MeetingFormat.VIDEO
    return MeetingFormat.IN_PERSON if place else MeetingFormat.VIDEO


def _status(component: Component) -> MeetingStatus:
    named = _text(component.get("X-MENTORDESK-STATUS")).strip().lower()
    if named in {s.value for s in MeetingStatus}:
        return MeetingStatus(named)
    if _text(component.get("STATUS")).strip().upper() == "CANCELLED":
        return MeetingStatus.CANCELLED
    return MeetingStatus.PLANNED


def _sequence(component: Component) -> int:
    try:
        return max(0, min(int(str(component.get("SEQUENCE", 0))), 1_000_000))
    except ValueError:
        return 0


def _people(component: Component) -> tuple[Person, ...]:
    found: list[Person] = []
    for prop in _all(component, "ORGANIZER") + _all(component, "ATTENDEE"):
        params = getattr(prop, "params", {})
        value = _clean_line(str(prop))
        email = ""
        if value.lower().startswith("mailto:"):
            email = value[7:].strip()
        elif "@" in value and ":" not in value:
            email = value
        email = email or _clean_line(str(params.get("EMAIL", "")))
        person = Person(email=email, name=_clean_line(str(params.get("CN", ""))))
        if (person.email or person.name) and person not in found:
            found.append(person)
    return tuple(found)


# --- messages --------------------------------------------------------------------------------


def _clip(text: str, limit: int = 60) -> str:
    text = _clean_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _what(component: Component) -> str:
    """“the event “Career chat” (UID …)”, to name an event in a message."""
    name = str(getattr(component, "name", "") or "component")
    kind = {
        "VEVENT": "event",
        "VTIMEZONE": "time zone",
        "STANDARD": "time zone's standard time",
        "DAYLIGHT": "time zone's summer time",
        "VALARM": "alarm",
    }.get(name, name)
    summary = _clip(_text(component.get("SUMMARY")) or _text(component.get("TZID")))
    uid = _clip(_text(component.get("UID")), 40)
    described = f"the {kind}"
    if summary:
        described += f" “{summary}”"
    if uid:
        described += f" (UID {uid})"
    return described


def _What(component: Component) -> str:  # _what at the start of a sentence
    text = _what(component)
    return text[:1].upper() + text[1:]


def _problem_text(component: Component, prop: str | None, problem: str) -> str:
    if prop is None:
        return f"A line of {_what(component)} cannot be read ({_clip(problem, 120)})."
    return f"{_What(component)} has an invalid {prop} ({_clip(problem, 120)})."


def _unreadable(path: Path, exc: BaseException, where: str = "") -> CalendarFileError:
    """A failure inside the libraries on this file, as a message (logged without content)."""
    log.warning("calendar file %s could not be read: %s", path.name, type(exc).__name__)
    detail = _clip(str(exc), 120) if not isinstance(exc, RecursionError | MemoryError) else ""
    if isinstance(exc, RecursionError | MemoryError):
        detail = "it is too large or too deeply nested"
    place = f" at {where}" if where else ""
    return CalendarFileError(
        path, f"It cannot be read as iCalendar{place} ({detail or type(exc).__name__})."
    )
