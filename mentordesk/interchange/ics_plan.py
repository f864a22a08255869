"""What importing a calendar file's events would do, before anything is written.

Each event is new (a meeting is created), an update of the meeting that came from it (or was
exported with its UID), unchanged, or left out (it cannot be a meeting). An event maps to the
mentors whose email an ATTENDEE or the ORGANIZER has, else whose name a CN has (case and
accents ignored); the person's own addresses and name are never a mentor. An event mapped to
nobody is still imported, as a meeting with no mentor yet, and listed to be assigned.

A changed event never overwrites what was written in MentorDesk: notes, advice and the key
takeaway are MentorDesk's alone, and each part the file has too (title, time, length, place,
status, agenda, mentors) takes the file's new value only where the meeting still holds what
the last import brought. A meeting never imported but exported with its UID takes the file's
values when the file's SEQUENCE is higher (the other program changed it since).

Pure Python: the records in, a plan out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from mentordesk.domain.meeting import AgendaItem, MeetingFields, MeetingRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.settings import PersonalSettings
from mentordesk.domain.time_zones import wall_time
from mentordesk.domain.validation import ValidationError, fold
from mentordesk.interchange.errors import CalendarFileError
from mentordesk.interchange.ics_read import EventsInRange, IncomingEvent


class Action(StrEnum):
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    LEFT_OUT = "left_out"


class MappedBy(StrEnum):
    EMAIL = "email"  # an attendee's or the organizer's address is a mentor's
    NAME = "name"  # an attendee's name (CN) is a mentor's
    KEPT = "kept"  # the meeting's mentors, as assigned in MentorDesk
    CHOSEN = "chosen"  # the person chose them in the preview
    NONE = "none"  # nobody: imported with no mentor, to be assigned


@dataclass(frozen=True)
class Existing:
    """A stored meeting an event matches (by UID and RECURRENCE-ID), and what the last
    import of it said (None when it was never imported)."""

    record: MeetingRecord
    imported: Mapping[str, Any] | None


@dataclass(frozen=True)
class PlannedEvent:
    event: IncomingEvent
    action: Action
    fields: MeetingFields | None  # the meeting as the import leaves it (None: left out)
    meeting_id: int | None = None  # the meeting it updates
    current: MeetingFields | None = None  # that meeting as it is now
    mapped_by: MappedBy = MappedBy.NONE
    changes: tuple[str, ...] = ()  # what an update changes ("time", "title", ...)
    reason: str = ""  # why it is left out
    include: bool = True
    # What the meeting keeps of this import, to compare the next one with.
    stored: Mapping[str, Any] | None = None
    previously: Mapping[str, Any] | None = None  # what it kept of the last one

    @property
    def mentor_ids(self) -> tuple[int, ...]:
        return self.fields.mentor_ids if self.fields is not None else ()

    @property
    def is_unassigned(self) -> bool:
        return self.fields is not None and not self.fields.mentor_ids

    @property
    def writes(self) -> bool:
        """Whether importing it stores anything (an unchanged one may only note the file's
        new version beside the meeting)."""
        if not self.include or self.fields is None:
            return False
        return self.action is not Action.UNCHANGED or self.stored != self.previously

    def with_mentors(self, mentor_ids: Sequence[int]) -> PlannedEvent:
        """The same event mapped to ``mentor_ids`` by the person's choice."""
        if self.fields is None:
            return self
        ids = tuple(sorted(set(mentor_ids)))
        fields = self.fields.replace(mentor_ids=ids)
        planned = dataclasses.replace(
            self,
            fields=fields,
            mapped_by=MappedBy.CHOSEN,
            stored=_kept(self.event, ids),
        )
        if self.current is None:
            return planned
        changes = _changes(self.current, fields)
        return dataclasses.replace(
            planned, action=Action.UPDATE if changes else Action.UNCHANGED, changes=changes
        )

    def with_include(self, include: bool) -> PlannedEvent:
        if self.fields is None:
            return self
        return dataclasses.replace(self, include=include)


@dataclass(frozen=True)
class ImportPlan:
    path: Path
    start: date
    end: date
    events: tuple[PlannedEvent, ...]
    outside: int = 0  # events of the file with nothing in the range
    duplicates: int = 0

    def count(self, action: Action) -> int:
        if action is Action.LEFT_OUT:
            return sum(1 for p in self.events if p.action is action or not p.include)
        return sum(1 for p in self.events if p.action is action and p.include)

    @property
    def writes(self) -> bool:
        return any(p.writes for p in self.events)

    def unassigned(self) -> list[PlannedEvent]:
        """The events that will be meetings with no mentor yet."""
        return [p for p in self.events if p.include and p.is_unassigned]

    def replaced(self, index: int, planned: PlannedEvent) -> ImportPlan:
        events = list(self.events)
        events[index] = planned
        return dataclasses.replace(self, events=tuple(events))

    def choices(self) -> dict[tuple[str, str], Choice]:
        """What the person chose in the preview, to apply to a plan made again."""
        return {
            p.event.key: Choice(p.include, p.mentor_ids if p.mapped_by is MappedBy.CHOSEN else None)
            for p in self.events
            if not p.include or p.mapped_by is MappedBy.CHOSEN
        }

    def with_choices(self, choices: Mapping[tuple[str, str], Choice]) -> ImportPlan:
        events = []
        for planned in self.events:
            choice = choices.get(planned.event.key)
            if choice is not None:
                if choice.mentor_ids is not None:
                    planned = planned.with_mentors(choice.mentor_ids)
                planned = planned.with_include(choice.include)
            events.append(planned)
        return dataclasses.replace(self, events=tuple(events))

    def summary(self) -> str:
        """“12 new meetings, 3 updated, 40 unchanged, 1 left out.”"""
        parts = [
            _counted(self.count(Action.NEW), "new meeting", "new meetings"),
            f"{self.count(Action.UPDATE)} updated",
            f"{self.count(Action.UNCHANGED)} unchanged",
        ]
        left_out = self.count(Action.LEFT_OUT)
        if left_out:
            parts.append(f"{left_out} left out")
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class Choice:
    include: bool = True
    mentor_ids: tuple[int, ...] | None = None  # None: as the file maps it


def _counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- mentors -------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return fold(" ".join(name.replace('"', " ").split()))


class MentorDirectory:
    """Who an address or a name is: a mentor, the person themselves, or nobody known."""

    def __init__(self, mentors: Sequence[MentorRecord], settings: PersonalSettings) -> None:
        self._settings = settings
        self._own_name = _name_key(settings.your_name)
        emails: dict[str, list[MentorRecord]] = {}
        names: dict[str, list[MentorRecord]] = {}
        for mentor in mentors:
            if mentor.fields.email.strip():
                emails.setdefault(mentor.fields.email.strip().casefold(), []).append(mentor)
            names.setdefault(_name_key(mentor.name), []).append(mentor)
        self._by_email = {k: m for k, found in emails.items() if (m := _one(found)) is not None}
        self._by_name = {k: m for k, found in names.items() if (m := _one(found)) is not None}

    def mentor_by_email(self, email: str) -> int | None:
        key = email.strip().casefold()
        if not key or self._settings.is_own_address(key):
            return None
        return self._by_email.get(key)

    def mentor_by_name(self, name: str) -> int | None:
        for key in _name_variants(name):
            if key and key != self._own_name and key in self._by_name:
                return self._by_name[key]
        return None

    def map(self, event: IncomingEvent) -> tuple[tuple[int, ...], MappedBy]:
        by_email: set[int] = set()
        by_name: set[int] = set()
        for person in event.people:
            if self._settings.is_own_address(person.email) or (
                person.name and _name_key(person.name) == self._own_name
            ):
                continue
            found = self.mentor_by_email(person.email)
            if found is None and "@" in person.name:
                found = self.mentor_by_email(person.name)
            if found is not None:
                by_email.add(found)
                continue
            found = self.mentor_by_name(person.name)
            if found is not None:
                by_name.add(found)
        for name in event.mentor_names:
            found = self.mentor_by_name(name)
            if found is not None:
                by_name.add(found)
        ids = tuple(sorted(by_email | by_name))
        if by_email:
            return ids, MappedBy.EMAIL
        return ids, (MappedBy.NAME if ids else MappedBy.NONE)


def _one(found: list[MentorRecord]) -> int | None:
    """The mentor a key names: the only one, or the only one not archived."""
    if len(found) == 1:
        return found[0].id
    active = [m for m in found if not m.is_archived]
    return active[0].id if len(active) == 1 else None


def _name_variants(name: str) -> list[str]:
    key = _name_key(name)
    variants = [key]
    if "," in key:  # Outlook's “Okafor, Amara”
        last, _, first = key.partition(",")
        variants.append(" ".join(f"{first} {last}".split()))
    return variants


# --- planning ------------------------------------------------------------------------------


def plan_import(
    path: Path,
    found: EventsInRange,
    mentors: Sequence[MentorRecord],
    settings: PersonalSettings,
    existing: Mapping[tuple[str, str], Existing],
) -> ImportPlan:
    """What importing ``found`` would do to the meetings in ``existing``."""
    directory = MentorDirectory(mentors, settings)
    planned = [_plan_one(path, event, directory, existing.get(event.key)) for event in found.events]
    return ImportPlan(path, found.start, found.end, tuple(planned), found.outside, found.duplicates)


def _plan_one(
    path: Path, event: IncomingEvent, directory: MentorDirectory, match: Existing | None
) -> PlannedEvent:
    if event.left_out:
        return PlannedEvent(event, Action.LEFT_OUT, None, reason=event.left_out, include=False)
    suggested, mapped_by = directory.map(event)
    if match is None:
        fields = _valid(path, event, event.fields(suggested))
        return PlannedEvent(
            event, Action.NEW, fields, mapped_by=mapped_by, stored=_kept(event, suggested)
        )
    current = match.record.fields
    previously = match.imported
    base_file = previously.get("file") if previously else None
    if base_file == event.stored():  # the file says what it said last time
        return PlannedEvent(
            event,
            Action.UNCHANGED,
            current,
            meeting_id=match.record.id,
            current=current,
            mapped_by=MappedBy.KEPT,
            stored=previously,
            previously=previously,
        )
    file_newer = event.sequence > match.record.sequence
    merged = _valid(path, event, _merge(current, previously, event, suggested, file_newer))
    kept_by = MappedBy.KEPT if merged.mentor_ids == current.mentor_ids else mapped_by
    changes = _changes(current, merged)
    return PlannedEvent(
        event,
        Action.UPDATE if changes else Action.UNCHANGED,
        merged,
        meeting_id=match.record.id,
        current=current,
        mapped_by=kept_by if current.mentor_ids or merged.mentor_ids else MappedBy.NONE,
        changes=changes,
        stored=_kept(event, merged.mentor_ids),
        previously=previously,
    )


def _kept(event: IncomingEvent, mentor_ids: Sequence[int]) -> dict[str, Any]:
    return {"file": event.stored(), "mentors": list(mentor_ids)}


@lru_cache(maxsize=8192)
def _validated(fields: MeetingFields) -> MeetingFields:
    """The fields validated; the same fields again (the plan made once more when the import
    is stored) are not checked twice."""
    return fields.validated()


def _valid(path: Path, event: IncomingEvent, fields: MeetingFields) -> MeetingFields:
    try:
        return _validated(fields)
    except ValidationError as exc:
        when = f"{event.starts_at:%Y-%m-%d}"
        raise CalendarFileError(
            path, f"The event “{event.title[:60]}” on {when} cannot be a meeting: {exc}"
        ) from exc


def _merge(
    current: MeetingFields,
    previously: Mapping[str, Any] | None,
    event: IncomingEvent,
    suggested: tuple[int, ...],
    file_newer: bool,
) -> MeetingFields:
    """``current`` with each part the file changed since the last import (or, for a meeting
    never imported, every part when the file is newer), unless it was edited here."""
    base: Mapping[str, Any] | None = previously.get("file") if previously else None

    def take(mine: object, theirs: object, before: object) -> Any:
        if base is None:
            return theirs if file_newer else mine
        return theirs if mine == before else mine

    before_start = _parse_moment(base.get("start")) if base else None
    start, time_zone = take(
        (current.starts_at, current.time_zone),
        (event.starts_at, event.time_zone),
        (before_start, base.get("time_zone")) if base else None,
    )
    place, meeting_format = take(
        (current.place_or_link, current.format.value),
        (event.place, event.format.value),
        (base.get("place"), base.get("format")) if base else None,
    )
    mentors = current.mentor_ids
    if previously is not None:
        if list(current.mentor_ids) == list(previously.get("mentors", [])):
            mentors = suggested
    elif not current.mentor_ids:
        mentors = suggested
    return current.replace(
        title=take(current.title, event.title, base.get("title") if base else None),
        start=wall_time(start, time_zone),
        time_zone=time_zone,
        minutes=take(current.minutes, event.minutes, base.get("minutes") if base else None),
        place_or_link=place,
        format=type(current.format)(meeting_format),
        status=take(current.status.value, event.status.value, base.get("status") if base else None),
        agenda=_merged_agenda(
            current.agenda,
            event,
            None if base is None else list(base.get("agenda", [])),
            file_newer,
        ),
        mentor_ids=mentors,
    )


def _merged_agenda(
    mine: tuple[AgendaItem, ...], event: IncomingEvent, before: list[str] | None, newer: bool
) -> tuple[AgendaItem, ...]:
    """The agenda with the file's changes to its lines; lines added or edited here stay,
    and a line that stays keeps its tick."""
    texts = [item.text for item in mine]
    theirs = list(event.agenda)
    ticks = {item.text: item for item in mine}
    if before is None:
        if not newer:
            return mine
        before = texts
    if texts == before:  # not edited here: the file's lines, in the file's order
        return tuple(
            ticks.get(text, AgendaItem(text, done))
            for text, done in zip(theirs, event.done, strict=True)
        )
    removed = set(before) - set(theirs)
    added = [t for t in theirs if t not in before and t not in texts]
    return tuple(item for item in mine if item.text not in removed) + tuple(
        AgendaItem(text) for text in added
    )


def _parse_moment(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


_PARTS = (
    ("time", lambda f: (f.starts_at, f.time_zone)),
    ("length", lambda f: f.minutes),
    ("title", lambda f: f.title),
    ("place", lambda f: (f.place_or_link, f.format)),
    ("status", lambda f: f.status),
    ("agenda", lambda f: f.agenda),
    ("mentors", lambda f: f.mentor_ids),
)


def _changes(before: MeetingFields, after: MeetingFields) -> tuple[str, ...]:
    return tuple(name for name, part in _PARTS if part(before) != part(after))
