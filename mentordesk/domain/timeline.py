"""The growth timeline: one chronological feed of what happened, its periods, the overview's
bands and marks, and the year in review.

Everything here is plain Python over facts the database gives (``mentordesk.db.timeline_read``):
the feed's entries, how its rows fall into years, quarters or months (from the count of
entries per month, so a view can lay out ten years of headers without reading an entry),
and the figures of one year, each a pure function tested with fixed dates.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate

from mentordesk.domain.enums import MentorStatus, RelationshipKind


class EntryKind(StrEnum):
    """What a feed entry says happened (the order is the order within one day)."""

    STARTED = "started"  # a relationship started
    PAUSED = "paused"
    CONCLUDED = "concluded"
    AGREEMENT_MADE = "agreement_made"
    AGREEMENT_REVISED = "agreement_revised"
    MEETING_HELD = "meeting_held"
    ITEM_DONE = "item_done"
    SKILL_ASSESSED = "skill_assessed"
    MILESTONE_REACHED = "milestone_reached"
    GOAL_ACHIEVED = "goal_achieved"
    GRATITUDE = "gratitude"


class Page(StrEnum):
    """The main window's page an entry opens (its page keys)."""

    MENTORS = "mentors"
    AGREEMENTS = "agreements"
    CALENDAR = "calendar"
    ACTIONS = "actions"
    SKILLS = "skills"
    GOALS = "goals"


# Where each kind's record is shown: a gratitude entry on its mentor's card, an assessment
# on its skill's, a milestone on its goal's.
KIND_PAGE: Mapping[EntryKind, Page] = {
    EntryKind.STARTED: Page.MENTORS,
    EntryKind.PAUSED: Page.MENTORS,
    EntryKind.CONCLUDED: Page.MENTORS,
    EntryKind.AGREEMENT_MADE: Page.AGREEMENTS,
    EntryKind.AGREEMENT_REVISED: Page.AGREEMENTS,
    EntryKind.MEETING_HELD: Page.CALENDAR,
    EntryKind.ITEM_DONE: Page.ACTIONS,
    EntryKind.SKILL_ASSESSED: Page.SKILLS,
    EntryKind.MILESTONE_REACHED: Page.GOALS,
    EntryKind.GOAL_ACHIEVED: Page.GOALS,
    EntryKind.GRATITUDE: Page.MENTORS,
}

# Kinds a person filters by together (the relationship's own events are one choice).
RELATIONSHIP_KINDS = frozenset({EntryKind.STARTED, EntryKind.PAUSED, EntryKind.CONCLUDED})
AGREEMENT_KINDS = frozenset({EntryKind.AGREEMENT_MADE, EntryKind.AGREEMENT_REVISED})
GOAL_KINDS = frozenset({EntryKind.MILESTONE_REACHED, EntryKind.GOAL_ACHIEVED})


@dataclass(frozen=True)
class TimelineFilter:
    """What the feed shows: one mentor's entries or everyone's, some kinds or all (empty),
    between two days (either open)."""

    mentor_id: int | None = None
    kinds: frozenset[EntryKind] = frozenset()
    first_day: date | None = None
    last_day: date | None = None

    def shows(self, kind: EntryKind) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened, and the record it opens."""

    kind: EntryKind
    day: date
    record_id: int  # the row it comes from (a meeting, an assessment, a revision...)
    title: str
    detail: str = ""
    mentor_ids: tuple[int, ...] = ()
    opens_id: int = 0  # the record its page shows (the mentor of a gratitude entry, ...)
    level: int | None = None  # a skill assessed: its level, and the one before it
    previous_level: int | None = None

    @property
    def page(self) -> Page:
        return KIND_PAGE[self.kind]

    @property
    def key(self) -> tuple[EntryKind, int]:
        return self.kind, self.record_id

    @property
    def level_change(self) -> int | None:
        """How far an assessment moved from the one before it (None for the first)."""
        if self.level is None or self.previous_level is None:
            return None
        return self.level - self.previous_level


# --- periods -----------------------------------------------------------------------------


class Grouping(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


@dataclass(frozen=True, order=True)
class Period:
    """A year, a quarter (1-4) or a month (1-12) of a year."""

    year: int
    quarter: int = 0
    month: int = 0

    @property
    def first_day(self) -> date:
        if self.month:
            return date(self.year, self.month, 1)
        if self.quarter:
            return date(self.year, 3 * self.quarter - 2, 1)
        return date(self.year, 1, 1)

    @property
    def last_day(self) -> date:
        if self.month:
            return _month_after(self.year, self.month) - timedelta(days=1)
        if self.quarter:
            return _month_after(self.year, 3 * self.quarter) - timedelta(days=1)
        return date(self.year, 12, 31)


def _month_after(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def period_of(day: date, grouping: Grouping) -> Period:
    if grouping is Grouping.MONTH:
        return Period(day.year, (day.month + 2) // 3, day.month)
    if grouping is Grouping.QUARTER:
        return Period(day.year, (day.month + 2) // 3)
    return Period(day.year)


def group_entries(
    entries: Iterable[TimelineEntry], grouping: Grouping
) -> list[tuple[Period, list[TimelineEntry]]]:
    """Consecutive entries of one period together, in the order given (newest first)."""
    groups: list[tuple[Period, list[TimelineEntry]]] = []
    for entry in entries:
        period = period_of(entry.day, grouping)
        if groups and groups[-1][0] == period:
            groups[-1][1].append(entry)
        else:
            groups.append((period, [entry]))
    return groups


def group_counts(
    month_counts: Iterable[tuple[int, int, int]], grouping: Grouping
) -> list[tuple[Period, int]]:
    """From (year, month, entries) newest first: each period's count, newest first."""
    groups: list[tuple[Period, int]] = []
    for year, month, count in month_counts:
        period = period_of(date(year, month, 1), grouping)
        if groups and groups[-1][0] == period:
            groups[-1] = (period, groups[-1][1] + count)
        else:
            groups.append((period, count))
    return groups


@dataclass(frozen=True)
class FeedLayout:
    """The rows of a grouped feed: each period a header row followed by its entries.

    Made from the periods' counts only, so a view knows what each of its rows is (a header,
    or the n-th entry of the feed) without reading any entry."""

    groups: tuple[tuple[Period, int], ...] = ()
    _starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, groups: Sequence[tuple[Period, int]]) -> FeedLayout:
        kept = tuple((period, n) for period, n in groups if n > 0)
        starts = tuple(accumulate((n + 1 for _period, n in kept), initial=0))
        return cls(kept, starts)

    @property
    def rows(self) -> int:
        return self._starts[-1] if self._starts else 0

    @property
    def entries(self) -> int:
        return sum(n for _period, n in self.groups)

    def at(self, row: int) -> tuple[Period, int | None]:
        """The period of ``row`` and the feed position of its entry (None: the header)."""
        group = bisect_right(self._starts, row) - 1
        start = self._starts[group]
        period = self.groups[group][0]
        if row == start:
            return period, None
        return period, start - group + (row - start - 1)

    def group_at(self, row: int) -> int:
        """The index in ``groups`` of the period ``row`` belongs to."""
        return bisect_right(self._starts, row) - 1

    def row_of(self, position: int) -> int:
        """The row showing the feed's ``position``-th entry."""
        before = 0
        for group, (_period, n) in enumerate(self.groups):
            if position < before + n:
                return self._starts[group] + 1 + position - before
            before += n
        raise IndexError(position)

    def header_rows(self) -> list[int]:
        return list(self._starts[:-1])


# --- the overview ------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """A relationship across the years: from its start to its end (or today)."""

    mentor_id: int
    name: str
    kind: RelationshipKind
    status: MentorStatus
    start: date
    end: date
    ongoing: bool  # no end yet: the band runs to today


class MarkKind(StrEnum):
    GOAL_ACHIEVED = "goal_achieved"
    SKILL_ROSE = "skill_rose"


@dataclass(frozen=True)
class Marker:
    """A goal achieved or a skill that rose, on the overview's row of markers."""

    kind: MarkKind
    day: date
    record_id: int  # the goal, or the skill
    label: str


@dataclass(frozen=True)
class TimelineOverview:
    bands: tuple[Band, ...]
    meeting_days: Mapping[int, tuple[date, ...]]  # mentor id: the days met, in order
    markers: tuple[Marker, ...]
    today: date

    @property
    def first_day(self) -> date:
        days = [b.start for b in self.bands] + [m.day for m in self.markers]
        return min(days, default=self.today)

    @property
    def last_day(self) -> date:
        days = [b.end for b in self.bands] + [m.day for m in self.markers] + [self.today]
        return max(days)

    @property
    def is_empty(self) -> bool:
        return not self.bands and not self.markers


def band_of(
    mentor_id: int,
    name: str,
    kind: RelationshipKind,
    status: MentorStatus,
    started_on: date | None,
    ended_on: date | None,
    today: date,
) -> Band | None:
    """A mentor's band: none before the relationship started (a prospect)."""
    if started_on is None:
        return None
    end = ended_on if ended_on is not None else max(today, started_on)
    return Band(mentor_id, name, kind, status, started_on, max(end, started_on), ended_on is None)


# --- the year in review ------------------------------------------------------------------


@dataclass(frozen=True)
class Assessed:
    """One assessment of a skill (a fact the year in review reads)."""

    skill_id: int
    day: date
    level: int


@dataclass(frozen=True)
class YearFacts:
    """What the database gives for one year."""

    year: int
    meetings: Mapping[int, int]  # mentor id: meetings held with them that year
    items_done: int
    assessments: Sequence[Assessed]  # that year's, any order
    goals_achieved: Sequence[tuple[int, str]]  # (goal id, title)
    started: Sequence[int]  # mentor ids
    ended: Sequence[int]
    mentor_names: Mapping[int, str]
    skill_names: Mapping[int, str]
    meetings_held: int = -1  # meetings held in all (a meeting with two mentors counts once)


@dataclass(frozen=True)
class SkillRise:
    skill_id: int
    name: str
    first: int
    last: int


@dataclass(frozen=True)
class Named:
    record_id: int
    name: str


@dataclass(frozen=True)
class MentorMeetings:
    mentor_id: int
    name: str
    meetings: int


@dataclass(frozen=True)
class YearInReview:
    year: int
    meetings: tuple[MentorMeetings, ...]  # the most first
    meetings_held: int
    items_done: int
    skills_rose: tuple[SkillRise, ...]  # the largest rise first
    goals_achieved: tuple[Named, ...]
    started: tuple[Named, ...]
    ended: tuple[Named, ...]

    @property
    def is_empty(self) -> bool:
        return not (
            self.meetings_held
            or self.items_done
            or self.skills_rose
            or self.goals_achieved
            or self.started
            or self.ended
        )


def skills_that_rose(
    assessments: Iterable[Assessed], names: Mapping[int, str]
) -> tuple[SkillRise, ...]:
    """Skills whose last level of the year is above their first of the year."""
    by_skill: dict[int, list[Assessed]] = {}
    for a in assessments:
        by_skill.setdefault(a.skill_id, []).append(a)
    rises = []
    for skill_id, seen in by_skill.items():
        ordered = sorted(seen, key=lambda a: a.day)
        first, last = ordered[0].level, ordered[-1].level
        if last > first:
            rises.append(SkillRise(skill_id, names.get(skill_id, ""), first, last))
    return tuple(sorted(rises, key=lambda r: (r.first - r.last, r.name.casefold())))


def year_in_review(facts: YearFacts) -> YearInReview:
    def named(ids: Iterable[int]) -> tuple[Named, ...]:
        return tuple(
            sorted(
                (Named(i, facts.mentor_names.get(i, "")) for i in set(ids)),
                key=lambda n: n.name.casefold(),
            )
        )

    meetings = tuple(
        sorted(
            (
                MentorMeetings(mentor_id, facts.mentor_names.get(mentor_id, ""), n)
                for mentor_id, n in facts.meetings.items()
                if n > 0
            ),
            key=lambda m: (-m.meetings, m.name.casefold()),
        )
    )
    held = facts.meetings_held if facts.meetings_held >= 0 else sum(m.meetings for m in meetings)
    return YearInReview(
        year=facts.year,
        meetings=meetings,
        meetings_held=held,
        items_done=facts.items_done,
        skills_rose=skills_that_rose(facts.assessments, facts.skill_names),
        goals_achieved=tuple(Named(i, t) for i, t in facts.goals_achieved),
        started=named(facts.started),
        ended=named(facts.ended),
    )
