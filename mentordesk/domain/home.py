"""Home: what needs the person's attention today, worked out from facts the database gives.

The rules are pure functions of ``HomeFacts`` (read by ``mentordesk.db.home_read``, with the
services or with plain sqlite3 at start-up) and the day, so each boundary is tested with a
fixed clock: a cadence due today is not yet overdue, "this week" ends on Sunday (also across
a year's end), a meeting starting within a day with an empty agenda asks to be prepared,
and the thanks span is ``mentordesk.domain.gratitude.thanks_due``'s.

The practices behind the sections: meet regularly, come prepared, act on advice and report
back, track progress, show gratitude, look beyond your immediate circle.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from mentordesk.domain.cadence import due_after, is_overdue
from mentordesk.domain.enums import ActionOwner, CadenceUnit, HowWeMet, RelationshipKind
from mentordesk.domain.gratitude import ThanksCandidate, ThanksDue, thanks_due

UPCOMING_DAYS = 14  # how far ahead "Upcoming meetings" looks
PREPARE_WITHIN = timedelta(days=1)  # an empty agenda this close to the start is flagged
ROWS_READ = 50  # rows read per list section; its count is always the full one

T = TypeVar("T")
K = TypeVar("K")


def end_of_week(today: date) -> date:
    """The Sunday ending ``today``'s week (``today`` itself on a Sunday)."""
    return today + timedelta(days=6 - today.weekday())


# --- the facts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UpcomingMeeting:
    """A planned meeting starting in the next ``UPCOMING_DAYS`` days."""

    meeting_id: int
    title: str
    starts_at: datetime  # aware, UTC
    minutes: int
    mentor_ids: tuple[int, ...]
    agenda_items: int

    def needs_preparation(self, now: datetime) -> bool:
        """Starts within a day (or has started) and nothing is on its agenda yet."""
        return self.agenda_items == 0 and self.starts_at - now <= PREPARE_WITHIN


@dataclass(frozen=True)
class CadenceFacts:
    """One active relationship with an agreement in force: its cadence and its meetings."""

    mentor_id: int
    every: int | None
    unit: CadenceUnit
    first_due: date | None  # the agreement's start (or the day it was agreed)
    last_held: date | None  # the local day of the latest held meeting
    has_planned: bool  # a planned meeting from now on exists


@dataclass(frozen=True)
class QuietRelationship:
    """An active relationship whose agreed cadence has passed with nothing planned."""

    mentor_id: int
    last_met: date | None
    due: date

    def days_overdue(self, today: date) -> int:
        return (today - self.due).days

    def days_since_met(self, today: date) -> int | None:
        return None if self.last_met is None else (today - self.last_met).days


@dataclass(frozen=True)
class ItemDue:
    """An open action item that is overdue or due by the end of this week."""

    item_id: int
    text: str
    owner: ActionOwner
    due_on: date
    meeting_id: int | None
    mentor_ids: tuple[int, ...]

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today


@dataclass(frozen=True)
class ReportBack:
    """A done action item from a meeting with a mentor, not yet reported back to them."""

    item_id: int
    text: str
    done_on: date | None
    meeting_id: int | None
    mentor_ids: tuple[int, ...]


@dataclass(frozen=True)
class AgreementDue:
    """An agreement in force whose review date has passed."""

    agreement_id: int
    title: str
    mentor_id: int
    review_on: date


@dataclass(frozen=True)
class GoalFlag:
    """An active goal past its target date, or one no mentor helps with."""

    goal_id: int
    title: str
    target_on: date | None


@dataclass(frozen=True)
class ActiveMentor:
    """What the mix of the network counts of one active mentor."""

    mentor_id: int
    kind: RelationshipKind
    met_via: HowWeMet | None
    organization: str


@dataclass(frozen=True)
class Counted(Generic[T]):
    """Some rows of a section (at most ``ROWS_READ``, in its order) and how many it holds."""

    rows: tuple[T, ...] = ()
    total: int = 0


@dataclass(frozen=True)
class HomeFacts:
    """Everything Home shows, as the database holds it."""

    upcoming: Sequence[UpcomingMeeting] = ()
    cadences: Sequence[CadenceFacts] = ()
    items_due: Counted[ItemDue] = field(default_factory=Counted)
    report_back: Counted[ReportBack] = field(default_factory=Counted)
    reviews_due: Counted[AgreementDue] = field(default_factory=Counted)
    goals_overdue: Counted[GoalFlag] = field(default_factory=Counted)
    goals_alone: Counted[GoalFlag] = field(default_factory=Counted)
    thanks_candidates: Sequence[ThanksCandidate] = ()
    thanks_span_days: int = 90
    active_mentors: Sequence[ActiveMentor] = ()
    mentor_names: dict[int, str] = field(default_factory=dict)
    started: GettingStarted | None = None


@dataclass(frozen=True)
class GettingStarted:
    """The first steps, each done once the data holds one: what a new user is shown."""

    has_mentor: bool = False
    has_goal: bool = False
    has_agreement: bool = False
    has_meeting: bool = False

    @property
    def done(self) -> bool:
        return self.has_mentor and self.has_goal and self.has_agreement and self.has_meeting

    @property
    def is_new(self) -> bool:
        """Nothing written down yet."""
        return not (self.has_mentor or self.has_goal or self.has_agreement or self.has_meeting)


# --- the rules ---------------------------------------------------------------------------


def quiet_relationships(cadences: Iterable[CadenceFacts], today: date) -> list[QuietRelationship]:
    """Relationships whose next meeting was due before today (last held meeting plus the
    cadence; before the first meeting, the agreement's start) with none planned. "As
    needed" is never due, and a meeting due today is not yet overdue. Longest overdue
    first, then by mentor id."""
    quiet = []
    for facts in cadences:
        if facts.has_planned:
            continue
        due = due_after(facts.last_held, facts.every, facts.unit, facts.first_due)
        if due is not None and is_overdue(due, today):
            quiet.append(QuietRelationship(facts.mentor_id, facts.last_held, due))
    return sorted(quiet, key=lambda q: (q.due, q.mentor_id))


class MixAspect(StrEnum):
    ORGANIZATION = "organization"
    HOW_WE_MET = "how_we_met"
    KIND = "kind"


@dataclass(frozen=True)
class NarrowMix:
    """Every active mentor shares one thing: the same organisation, the same way of
    meeting, or the same kind of relationship."""

    aspect: MixAspect
    value: str  # the organisation's name, or the stored value of the enum


@dataclass(frozen=True)
class NetworkMix:
    active: int
    by_kind: tuple[tuple[RelationshipKind, int], ...]  # most first
    by_how_we_met: tuple[tuple[HowWeMet | None, int], ...]  # most first; None: not noted
    narrow: NarrowMix | None


# A mix is judged from this many active mentors on: one or two always look narrow.
MIX_JUDGED_FROM = 3


def network_mix(mentors: Sequence[ActiveMentor]) -> NetworkMix:
    """The active mentors counted by kind and by how we met, and whether the mix is
    narrow: from three active mentors on, all at one organisation, all met the same way,
    or all of one kind (checked in that order; the first that holds is said)."""
    kinds = Counter(m.kind for m in mentors)
    how = Counter(m.met_via for m in mentors)
    narrow = None
    if len(mentors) >= MIX_JUDGED_FROM:
        organizations = {m.organization.strip().casefold() for m in mentors}
        if len(organizations) == 1 and mentors[0].organization.strip():
            narrow = NarrowMix(MixAspect.ORGANIZATION, mentors[0].organization.strip())
        elif len(how) == 1 and mentors[0].met_via is not None:
            narrow = NarrowMix(MixAspect.HOW_WE_MET, mentors[0].met_via.value)
        elif len(kinds) == 1:
            narrow = NarrowMix(MixAspect.KIND, mentors[0].kind.value)
    return NetworkMix(
        active=len(mentors),
        by_kind=_most_first(kinds, list(RelationshipKind)),
        by_how_we_met=_most_first(how, [*HowWeMet, None]),
        narrow=narrow,
    )


def _most_first(counts: Counter[K], order: list[K]) -> tuple[tuple[K, int], ...]:
    return tuple(
        sorted(
            ((key, n) for key, n in counts.items() if n),
            key=lambda pair: (-pair[1], order.index(pair[0])),
        )
    )


@dataclass(frozen=True)
class HomeOverview:
    """What Home shows on ``today``: each section's rows in order, with its count."""

    today: date
    upcoming: tuple[UpcomingMeeting, ...]
    unprepared: frozenset[int]  # ids of upcoming meetings flagged "come prepared"
    quiet: tuple[QuietRelationship, ...]
    items_due: Counted[ItemDue]
    report_back: Counted[ReportBack]
    reviews_due: Counted[AgreementDue]
    goals_overdue: Counted[GoalFlag]
    goals_alone: Counted[GoalFlag]
    thanks: tuple[ThanksDue, ...]
    thanks_span_days: int
    mix: NetworkMix
    mentor_names: dict[int, str]
    started: GettingStarted

    def mentor_name(self, mentor_id: int) -> str:
        return self.mentor_names.get(mentor_id, "")

    def names(self, mentor_ids: Iterable[int]) -> str:
        return ", ".join(name for name in map(self.mentor_name, mentor_ids) if name)

    @property
    def attention(self) -> int:
        """How many things ask for the person's attention (the sidebar's count): every
        section but the upcoming meetings that are prepared and the mix."""
        return (
            len(self.unprepared)
            + len(self.quiet)
            + self.items_due.total
            + self.report_back.total
            + self.reviews_due.total
            + self.goals_overdue.total
            + self.goals_alone.total
            + len(self.thanks)
        )


def home_overview(facts: HomeFacts, today: date, now: datetime) -> HomeOverview:
    """Home on ``today`` (the person's local day) at ``now`` (aware)."""
    upcoming = tuple(sorted(facts.upcoming, key=lambda m: (m.starts_at, m.meeting_id)))
    return HomeOverview(
        today=today,
        upcoming=upcoming,
        unprepared=frozenset(m.meeting_id for m in upcoming if m.needs_preparation(now)),
        quiet=tuple(quiet_relationships(facts.cadences, today)),
        items_due=facts.items_due,
        report_back=facts.report_back,
        reviews_due=facts.reviews_due,
        goals_overdue=facts.goals_overdue,
        goals_alone=facts.goals_alone,
        thanks=tuple(thanks_due(facts.thanks_candidates, today, facts.thanks_span_days)),
        thanks_span_days=facts.thanks_span_days,
        mix=network_mix(facts.active_mentors),
        mentor_names=dict(facts.mentor_names),
        started=facts.started or GettingStarted(),
    )
