"""Sample meetings and action items: ten years of one person's mentoring conversations.

Each relationship meets at the cadence of its agreement in force (roughly monthly without
one), in the mentor's working hours, with a short check-in now and then in between. Most
meetings were held, some cancelled or missed; held ones have an agenda mostly ticked off,
Markdown notes, advice, a key takeaway and the action items that came of them. Old items
are mostly done and were reported back at the next meeting; recent ones are open. Every
active relationship has meetings planned in the coming weeks, and a few events brought in
from another calendar still wait for a mentor. In a network imported from LinkedIn, a few of
the prospects I looked at more closely had an introductory call, or have one planned.

Deterministic for a reference date: the same day gives the same meetings, word for word.
"""

from __future__ import annotations

import bisect
import logging
import random
import time as timer
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.cadence import add_cadence
from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    CadenceUnit,
    Direction,
    MeetingFormat,
    MeetingStatus,
    MentorStatus,
    RelationshipKind,
)
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.time_zones import is_nonexistent, local_zone_name, to_utc, wall_time
from mentordesk.services.context import Services
from mentordesk.services.sample_agreements import sample_agreements

log = logging.getLogger(__name__)

# --- phrase banks -----------------------------------------------------------------------------
# Placeholders: {first} the mentor's first name, {topic} and {other} two of their areas of
# expertise, {goal} a goal of mine they help with, {skill} a skill I am working on.

_OPENINGS = (
    "We started with a quick round of news: {first} is busy with a new initiative, and I "
    "shared where things stand with *{goal}*.",
    "I came in a little tired after a heavy week, so {first} suggested we pick one thing and "
    "go deep rather than rush through the whole agenda.",
    "{first} opened by asking what had changed since last time, which turned out to be more "
    "than I expected.",
    "Most of the hour went to {topic}; it is clearly where {first} has the most to give.",
    "I had sent the agenda two days ahead, so we could skip the warm-up and go straight to "
    "the hard questions.",
    "We picked up where we left off: the follow-up on {topic} and what I tried since.",
    "This one felt like a turning point: {first} pushed back on my framing of *{goal}* and "
    "I think they were right.",
    "A shorter session than usual, but a focused one, mostly about {skill}.",
)
_CONTEXT = (
    "The question behind it all is still how to make progress on *{goal}* without dropping "
    "everything else.",
    "I want to get better at {skill}, and {topic} is where I notice the gap most.",
    "My manager is supportive, but {first} sees the wider picture across companies.",
    "Work has been noisy with the quarterly planning, which makes it easy to lose the thread.",
    "Since the last meeting I have kept a short log of what I tried, which helped a lot.",
    "I noticed that I keep postponing the parts of {topic} that make me uncomfortable.",
    "The team changed shape again this month, so some of the earlier advice needs adapting.",
)
_BULLETS = (
    "**{topic}**: what good looks like at my level, and what {first} would expect to see "
    "from someone a level above.",
    "**{other}**: {first} told the story of a project where this went wrong and what they "
    "learned from it.",
    "**Feedback on my draft**: clearer than the last one, but the recommendation is buried "
    "on page two.",
    "**{skill}**: I rated myself higher than {first} would; we agreed on concrete evidence "
    "to collect.",
    "**Visibility**: who should know about my work, and how to tell them without bragging.",
    "**Saying no**: two requests I should decline, and a kinder way to word it.",
    "**Next quarter**: which bet matters most for *{goal}*, and which ones to drop.",
    "**Stakeholders**: mapping who decides, who influences, and who just needs to be told.",
    "**Energy**: what drains me at the moment and whether that is a signal or just a phase.",
    "**Reading**: {first} recommended a book on {topic} and the one chapter worth reading first.",
    "**A hard conversation**: we role-played it twice; the second time I was calmer.",
    "**Career story**: how I describe my last two years in one minute, and where it gets vague.",
    "**Metrics**: which numbers would show progress on {topic}, and which would only look busy.",
)
_PERSPECTIVE = (
    "{first} thinks {topic} is mostly about judgement, not rules, and that judgement comes "
    "from doing it badly a few times first.",
    "Their advice was to *start smaller than feels comfortable* and to make the result "
    "visible early.",
    "They were frank that nobody will hand me the opportunity: I have to ask for it, "
    "specifically and more than once.",
    "{first} pointed out that I describe problems well but stop short of a recommendation.",
    "According to {first}, the people who grow fastest in {other} write down what they "
    "learned after each attempt.",
    "They suggested that I treat the next month as an experiment and review it with them.",
    "What stayed with me: **clarity is a kindness**, especially when the news is bad.",
    "{first} asked a question I could not answer: what would I stop doing if {topic} "
    "went perfectly?",
    "We disagreed a little on timing; {first} would move faster, I want one more data point.",
    "They reminded me that a sponsor can only speak for work they have actually seen.",
    "{first} shared how they structure their own week around {topic}, which was practical "
    "and easy to copy.",
)
_TRIES = (
    "Block two hours on Friday for {topic} and protect them.",
    "Write a one-page summary of *{goal}* and ask {first} for feedback.",
    "Ask two peers for honest feedback on {skill}.",
    "Try the framing {first} suggested in the next planning meeting.",
    "Keep the decision log going and bring it next time.",
    "Pick one request to decline this week, kindly and clearly.",
    "Draft the hard email, sleep on it, then send it.",
    "Read the chapter on {other} before we meet again.",
)
_CLOSINGS = (
    "Overall a *good* session: less advice than usual, more questions, which was what I needed.",
    "I left with a clear next step and the feeling that {first} is genuinely invested.",
    "Next time I want to start with what did not work, not with what did.",
    "> “Make the work visible, then make the ask.” — {first}",
    "We ran over by ten minutes; worth it.",
    "I should send the thank-you note today rather than let it slide.",
)
_ADVICE = (
    "Start smaller than feels comfortable, and ship it.",
    "Ask for the opportunity explicitly; nobody reads minds.",
    "Write down the decision and who made it.",
    "Lead with the recommendation, then the reasoning.",
    "Protect one morning a week for deep work on {topic}.",
    "Feedback is a gift only if you act on it within a week.",
    "Say no to the good to make room for the great.",
    "Find the person who decides, not the person who forwards.",
    "Treat {topic} as a practice, not a project.",
    "When in doubt, make the trade-off explicit and let others choose.",
    "Keep an impact log; your future self will thank you.",
    "A calm “not yet” beats a rushed “yes”.",
)
_TAKEAWAYS = (
    "Progress on {goal} needs one clear ask, not more preparation.",
    "{topic} is a habit I build weekly, not a course I finish.",
    "I undersell my work; the fix is evidence, not modesty.",
    "Make the trade-off visible and let the stakeholders choose.",
    "Smaller experiments, reviewed honestly, beat big plans.",
    "The uncomfortable conversation is usually the useful one.",
    "{first}'s rule: recommendation first, detail on request.",
    "I do not need permission to start on {skill}.",
)
_AGENDA = (
    "Update on {goal}",
    "How did you learn {topic}?",
    "Feedback on my one-page plan",
    "What would you do in my place with the reorg?",
    "{skill}: what should I practise next?",
    "How to ask for the stretch project",
    "Reading recommendations on {other}",
    "Review what I tried since last time",
    "How to say no to the extra committee",
    "Preparing for my performance review",
    "What does senior look like in {topic}?",
    "Introductions that could help with {goal}",
)
_ITEMS_ME = (
    "Draft a one-page plan for {goal}",
    "Read the chapter on {topic} {first} recommended",
    "Ask my manager for the stretch project",
    "Collect evidence of {skill} for the review",
    "Send {first} the draft for feedback",
    "Block a weekly focus slot for {topic}",
    "Update my impact log",
    "Talk to two peers about {other}",
    "Write up what I tried and what happened",
    "Decline the extra committee, kindly",
    "Prepare the one-minute version of my career story",
    "Try the decision log for a month",
    "Book a coffee with the person {first} introduced",
    "Rewrite the proposal with the recommendation first",
)
_ITEMS_MENTOR = (
    "{first} to introduce me to someone working on {topic}",
    "{first} to share their template for {other}",
    "{first} to mention my work in the talent review",
    "{first} to send the article on {topic}",
)
_CHECK_IN_TITLES = ("Quick check-in with {first}", "Coffee with {first}", "Short call with {first}")
_TITLES = {
    RelationshipKind.MENTOR: ("Mentoring session with {first}", "Monthly catch-up with {first}"),
    RelationshipKind.SPONSOR: ("Sponsor check-in with {first}", "Visibility review with {first}"),
    RelationshipKind.PEER_MENTOR: ("Peer session with {first}", "Micro-mentoring with {first}"),
    RelationshipKind.REVERSE_MENTOR: ("Reverse mentoring with {first}",),
    RelationshipKind.GROUP_MENTORING: ("Mentoring circle with {first}",),
}
_MY_MENTEE_TITLES = ("1:1 with {first}", "Mentoring {first}")
_CANCELLED = (
    "Cancelled: {first} was travelling. Agenda moved to next time.",
    "Cancelled by me: release week. Sent {first} a short written update instead.",
    "Moved at short notice; {first} had a board meeting.",
)
_MISSED = (
    "Missed: I double-booked and only noticed afterwards. Apologised to {first}.",
    "{first} could not join; the link was wrong in the invitation.",
)
_IMPORTED = (
    ("FW: Mentoring programme kick-off", MeetingFormat.VIDEO, "https://teams.example/kickoff"),
    ("Coffee chat (from Google Calendar)", MeetingFormat.IN_PERSON, "Lobby café"),
    ("Lunch & learn: career ladders", MeetingFormat.IN_PERSON, "Room 4.12"),
    # More for a larger set: a busy calendar's imports.
    ("Mentoring circle: spring cohort", MeetingFormat.VIDEO, "https://teams.example/circle"),
    ("Catch-up (from Outlook)", MeetingFormat.PHONE, ""),
    ("Career clinic drop-in", MeetingFormat.IN_PERSON, "Library, 2nd floor"),
    ("FW: Speed mentoring evening", MeetingFormat.IN_PERSON, "Town hall"),
    ("Coffee?", MeetingFormat.IN_PERSON, "The café by the office"),
    ("Intro call (from Google Calendar)", MeetingFormat.VIDEO, "https://meet.example/intro"),
    ("Alumni mentoring: first session", MeetingFormat.VIDEO, "https://zoom.example/alumni"),
    ("Lunch", MeetingFormat.IN_PERSON, "Canteen"),
    ("Women in Tech mentoring hour", MeetingFormat.VIDEO, "https://teams.example/wit"),
)
_PLACES = ("The café by the office", "Their office, 3rd floor", "Co-working space on Main St")
# A first call with someone from my LinkedIn network.
_INTRO_TITLES = ("Intro call with {first}", "Getting to know {first}", "Coffee with {first}")
_INTRO_OPENINGS = (
    "{first} answered my LinkedIn message within a day and suggested a call; I came with three "
    "questions and left with many more.",
    "A first conversation with {first}, after years of only reading each other's posts.",
    "We had been connected for a while; a post of theirs on {topic} finally made me ask for "
    "half an hour.",
    "{first} was generous with their time for someone they had never met.",
)
_INTRO_BULLETS = (
    "**Their path**: how {first} got into {topic}, and what they would do differently.",
    "**What I am working on**: *{goal}*, and where I feel stuck.",
    "**{topic}**: the one habit that made the biggest difference for them.",
    "**{other}**: a book and a newsletter worth following.",
    "**Mentoring**: whether {first} takes on mentees, and how they like to work if so.",
    "**People to meet**: two names {first} offered to introduce me to.",
    "**Their week**: how they keep time for learning in a full diary.",
)
_INTRO_NEXT = (
    "I will write a short thank-you note and ask whether a monthly call would suit them.",
    "No commitment yet; {first} suggested we talk again in a couple of months.",
    "I should decide within a week whether to ask {first} to mentor me.",
    "Worth keeping in touch: {first} knows the people I want to meet.",
)
_INTRO_ITEMS_ME = (
    "Send {first} a thank-you note",
    "Decide whether to ask {first} to mentor me",
    "Read the article {first} recommended on {topic}",
    "Follow up with {first} in two months",
)
_INTRO_ITEMS_MENTOR = ("{first} to introduce me to someone working on {topic}",)
_INTRO_AGENDA = (
    "How did you get into {topic}?",
    "What I am working on: {goal}",
    "Do you take on mentees?",
    "Who else should I talk to?",
    "What would you read on {other}?",
    "What do you wish you had known at my stage?",
)

HELD_SHARE, CANCELLED_SHARE = 0.88, 0.08  # and missed: the rest
# An old item still open ("someday") is at most this old: older ones were let go.
SOMEDAY_DAYS = 540
RECENT_DAYS = 75  # items from meetings within this many days are still in motion
SMALL_PAST_PER_MENTOR = 3


@dataclass
class _Slot:
    """One meeting in the making."""

    mentor: MentorRecord | None  # whose relationship it belongs to (None: imported)
    others: tuple[int, ...]
    starts_at: datetime  # UTC
    minutes: int
    zone: str
    status: MeetingStatus
    format: MeetingFormat
    place: str
    title: str
    agenda_wanted: bool = True
    check_in: bool = False
    intro: bool = False  # a first call with a prospect
    fields: MeetingFields | None = None
    items: list[ActionItemFields] = field(default_factory=list)


@dataclass(frozen=True)
class SampleMeeting:
    """A sample meeting with when it was written down, and the action items that came of
    it (their ``meeting_id`` is filled in when stored)."""

    fields: MeetingFields
    created_at: datetime
    items: tuple[ActionItemFields, ...]


@dataclass(frozen=True)
class _Story:
    mentor: MentorRecord
    zone: str
    start: date
    end: date  # last day of meeting (today for active relationships)
    steps: tuple[tuple[date, AgreementFields], ...]
    usual: time
    own_zone: bool  # planned in their zone rather than mine


def _changed(item: ActionItemFields, **changes: object) -> ActionItemFields:
    """``item.replace(**changes)`` without ``dataclasses.replace``'s walk over the fields
    (a third cheaper, and the huge set settles some 120,000 items)."""
    return ActionItemFields(**{**vars(item), **changes})


def _fill(text: str, words: dict[str, str]) -> str:
    return text.format(**words)


def _first(mentor: MentorRecord) -> str:
    return mentor.name.split(" ")[0]


def _existing_utc(day: date, at: time, zone_name: str) -> datetime:
    wall = datetime.combine(day, at)
    while is_nonexistent(wall, zone_name):
        wall += timedelta(hours=1)
    return to_utc(wall, zone_name)


def _weekday(day: date, rng: random.Random) -> date:
    if day.weekday() == 5:
        return day - timedelta(days=1) if rng.random() < 0.5 else day + timedelta(days=2)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


class _Generator:
    def __init__(
        self,
        mentors: Sequence[MentorRecord],
        goals: Sequence[GoalRecord],
        today: date,
        *,
        decade: bool,
        times: int = 1,
        my_zone: str,
    ) -> None:
        self.rng = random.Random(31337)
        self.mentors = list(mentors)
        # Who can join a group session: people I have had a relationship with.
        self.known = [
            m
            for m in mentors
            if m.fields.started_on is not None and m.fields.status is not MentorStatus.PROSPECT
        ]
        self.today = today
        self.decade = decade
        self.my_zone = my_zone
        self.goals_of: dict[int, list[GoalRecord]] = {}
        for goal in goals:
            for mentor_id in sorted(goal.mentor_ids):
                self.goals_of.setdefault(mentor_id, []).append(goal)
        self._goals_on: dict[tuple[int, date], list[GoalRecord]] = {}
        steps: dict[int, list[tuple[date, AgreementFields]]] = {}
        for agreement in sample_agreements(mentors, goals, today, decade=decade):
            steps[agreement.mentor_id] = [(moment.date(), f) for moment, f in agreement.steps]
        self.steps = steps
        self.times = times
        self.joins_circles = {
            m.id
            for m in mentors
            if m.fields.status is MentorStatus.ACTIVE
            and m.fields.kind is not RelationshipKind.GROUP_MENTORING
        }
        self.overdue = 9 * times if decade else 2
        self.imported = min(len(_IMPORTED), 3 * times) if decade else 2
        self.late: list[tuple[_Slot, int]] = []  # open items past their due day

    # --- the schedule ----------------------------------------------------------------------

    def stories(self) -> list[_Story]:
        rng = self.rng
        result = []
        for mentor in self.mentors:
            f = mentor.fields
            if f.started_on is None or f.started_on >= self.today:
                continue
            if f.status is MentorStatus.PROSPECT:
                continue  # connected, not (yet) a relationship: see introductions()
            end = self.today
            if f.status is MentorStatus.CONCLUDED and f.ended_on is not None:
                end = f.ended_on
            elif f.status is MentorStatus.PAUSED:
                pause = self.today - timedelta(days=rng.randint(45, 240))
                end = max(f.started_on + timedelta(days=30), pause)
            zone_name = f.time_zone or self.my_zone
            result.append(
                _Story(
                    mentor=mentor,
                    zone=zone_name,
                    start=f.started_on,
                    end=min(end, self.today),
                    steps=tuple(self.steps.get(mentor.id, ())),
                    usual=time(rng.choice((9, 10, 11, 13, 14, 15, 16)), rng.choice((0, 30))),
                    own_zone=rng.random() < 0.4,
                )
            )
        return result

    def _terms(self, story: _Story, day: date) -> AgreementFields | None:
        found = None
        for step_day, fields in story.steps:
            if step_day <= day or found is None:
                found = fields
        return found

    def _slot_time(
        self, story: _Story, day: date, terms: AgreementFields | None, minutes: int
    ) -> datetime:
        rng = self.rng
        if terms is not None and terms.windows:
            window = min(terms.windows, key=lambda w: (w.weekday - day.weekday()) % 7)
            day += timedelta(days=(window.weekday - day.weekday()) % 7)
            return _existing_utc(day, window.starts, story.zone)
        at = story.usual
        if rng.random() < 0.3:
            at = time(rng.randint(9, 16), rng.choice((0, 30)))
        latest = 18 * 60 - minutes
        if at.hour * 60 + at.minute > latest:
            at = time(max(8, latest // 60), 0)
        return _existing_utc(_weekday(day, rng), at, story.zone)

    def _zone_for(self, story: _Story) -> str:
        mine = self.rng.random() < 0.85
        return story.zone if story.own_zone == mine else self.my_zone

    def past_slots(self, story: _Story) -> list[_Slot]:
        rng = self.rng
        mentor = story.mentor
        words = {"first": _first(mentor)}
        slots: list[_Slot] = []
        day = story.start + timedelta(days=rng.randint(0, 10))
        last_day = min(story.end, self.today - timedelta(days=1))
        while day <= last_day:
            terms = self._terms(story, day)
            minutes = (terms.typical_minutes if terms else None) or 60
            fmt = terms.format if terms else rng.choice((MeetingFormat.VIDEO, MeetingFormat.PHONE))
            starts = self._slot_time(story, day, terms, minutes)
            if starts.date() > self.today - timedelta(days=1):
                break
            status = self._status()
            slots.append(
                _Slot(
                    mentor=mentor,
                    others=self._circle(mentor, day),
                    starts_at=starts,
                    minutes=minutes,
                    zone=self._zone_for(story),
                    status=status,
                    format=fmt,
                    place=self._place(fmt, terms, mentor),
                    title=_fill(rng.choice(self._titles(mentor)), words),
                )
            )
            step = self._cadence_days(day, terms)
            # Short check-ins between the agreed meetings: about one every three weeks.
            expected = max(0.0, step / 21 - 0.2)
            count = int(expected) + (rng.random() < expected % 1)
            for offset in sorted(rng.sample(range(3, max(4, step - 3)), min(count, step - 6))):
                check_in = self._check_in(story, day + timedelta(days=offset), words)
                if check_in is not None:
                    slots.append(check_in)
            day += timedelta(days=max(7, step + rng.randint(-4, 5)))
        slots.sort(key=lambda s: s.starts_at)
        return slots

    def _status(self) -> MeetingStatus:
        roll = self.rng.random()
        if roll < HELD_SHARE:
            return MeetingStatus.HELD
        return (
            MeetingStatus.CANCELLED if roll < HELD_SHARE + CANCELLED_SHARE else MeetingStatus.MISSED
        )

    def _check_in(self, story: _Story, day: date, words: dict[str, str]) -> _Slot | None:
        rng = self.rng
        if day > min(story.end, self.today - timedelta(days=1)):
            return None
        minutes = rng.choice((15, 20, 30))
        starts = self._slot_time(story, day, None, minutes)
        if starts.date() >= self.today:
            return None
        status = self._status()
        fmt = rng.choice((MeetingFormat.CHAT, MeetingFormat.PHONE, MeetingFormat.MICRO_SESSION))
        return _Slot(
            mentor=story.mentor,
            others=(),
            starts_at=starts,
            minutes=minutes,
            zone=self._zone_for(story),
            status=status,
            format=fmt,
            place="",
            title=_fill(rng.choice(_CHECK_IN_TITLES), words),
            check_in=True,
        )

    def _cadence_days(self, day: date, terms: AgreementFields | None) -> int:
        if terms is None or terms.cadence_unit is CadenceUnit.AS_NEEDED or not terms.cadence_every:
            return self.rng.randint(26, 36)  # roughly monthly
        following = add_cadence(day, terms.cadence_every, terms.cadence_unit)
        return (following - day).days if following else 30

    def _titles(self, mentor: MentorRecord) -> tuple[str, ...]:
        if mentor.fields.direction is Direction.I_MENTOR_THEM:
            return _MY_MENTEE_TITLES
        return _TITLES.get(mentor.fields.kind, _TITLES[RelationshipKind.MENTOR])

    def _place(
        self, fmt: MeetingFormat, terms: AgreementFields | None, mentor: MentorRecord
    ) -> str:
        if terms is not None and terms.place_or_link:
            return terms.place_or_link
        if fmt is MeetingFormat.IN_PERSON:
            return self.rng.choice(_PLACES)
        if fmt in (MeetingFormat.VIDEO, MeetingFormat.MICRO_SESSION):
            return f"https://meet.example/mentoring-{mentor.id}"
        return ""

    def _circle(self, mentor: MentorRecord, day: date) -> tuple[int, ...]:
        """For group mentoring: one or two other mentors at most of the circle's sessions."""
        if mentor.fields.kind is not RelationshipKind.GROUP_MENTORING or self.rng.random() < 0.3:
            return ()
        present = [
            m.id
            for m in self.known
            if m.id != mentor.id
            and m.fields.started_on is not None
            and m.fields.started_on <= day
            and (m.fields.ended_on is None or m.fields.ended_on >= day)
        ]
        return tuple(self.rng.sample(present, min(len(present), self.rng.randint(1, 2))))

    def planned_slots(self, story: _Story) -> list[_Slot]:
        """One to three meetings in the coming weeks for an active relationship."""
        rng = self.rng
        mentor = story.mentor
        words = {"first": _first(mentor)}
        day = self.today + timedelta(days=rng.randint(2, 12))
        slots = []
        for index in range(rng.randint(1, 3 if self.decade else 2)):
            terms = self._terms(story, day)
            minutes = (terms.typical_minutes if terms else None) or 60
            fmt = terms.format if terms else MeetingFormat.VIDEO
            others = self._circle(mentor, self.today)
            if self.times > 1:
                # Only people I meet now join a circle's next session, and not those who lead
                # circles of their own. (With ten times the circles someone paused would be
                # drawn; the decade's are kept as they were.)
                others = tuple(i for i in others if i in self.joins_circles)
            slots.append(
                _Slot(
                    mentor=mentor,
                    others=others,
                    starts_at=self._slot_time(story, day, terms, minutes),
                    minutes=minutes,
                    zone=self._zone_for(story),
                    status=MeetingStatus.PLANNED,
                    format=fmt,
                    place=self._place(fmt, terms, mentor),
                    title=_fill(rng.choice(self._titles(mentor)), words),
                    agenda_wanted=index == 0 or (index == 1 and rng.random() < 0.5),
                )
            )
            day += timedelta(days=max(7, min(28, self._cadence_days(day, terms))))
        return slots

    def imported_slots(self) -> list[_Slot]:
        rng = self.rng
        slots = []
        for title, fmt, place in _IMPORTED[: self.imported]:
            day = _weekday(self.today + timedelta(days=rng.randint(2, 20)), rng)
            slots.append(
                _Slot(
                    mentor=None,
                    others=(),
                    starts_at=_existing_utc(day, time(rng.choice((12, 13, 16)), 0), self.my_zone),
                    minutes=rng.choice((30, 60)),
                    zone=self.my_zone,
                    status=MeetingStatus.PLANNED,
                    format=fmt,
                    place=place,
                    title=title,
                    agenda_wanted=False,
                )
            )
        return slots

    def introductions(self) -> tuple[list[_Slot], list[_Slot]]:
        """A first call with some of the prospects I looked at more closely (those with a
        time zone on their card): held a few weeks after we connected, or, for a recent
        connection, planned in the coming weeks. The rest of the network never met me."""
        rng = self.rng
        held: list[_Slot] = []
        planned: list[_Slot] = []
        for mentor in self.mentors:
            f = mentor.fields
            if f.status is not MentorStatus.PROSPECT or f.started_on is None or not f.time_zone:
                continue
            recent = (self.today - f.started_on).days <= 90
            if rng.random() >= (0.3 if recent else 0.25):
                continue
            if recent:
                day = self.today + timedelta(days=rng.randint(2, 30))
                status = MeetingStatus.PLANNED
            else:
                day = f.started_on + timedelta(days=rng.randint(5, 60))
                status = self._status()
            at = time(rng.randint(9, 16), rng.choice((0, 30)))
            fmt = rng.choice((MeetingFormat.VIDEO, MeetingFormat.VIDEO, MeetingFormat.PHONE))
            slot = _Slot(
                mentor=mentor,
                others=(),
                starts_at=_existing_utc(_weekday(day, rng), at, f.time_zone),
                minutes=30,
                zone=f.time_zone if rng.random() < 0.15 else self.my_zone,
                status=status,
                format=fmt,
                place=f"https://meet.example/intro-{mentor.id}"
                if fmt is MeetingFormat.VIDEO
                else "",
                title=_fill(rng.choice(_INTRO_TITLES), {"first": _first(mentor)}),
                agenda_wanted=not recent or rng.random() < 0.7,
                check_in=True,
                intro=True,
            )
            (planned if recent else held).append(slot)
        return held, planned

    # --- what was said -----------------------------------------------------------------------

    def words(self, slot: _Slot) -> dict[str, str]:
        rng = self.rng
        mentor = slot.mentor
        assert mentor is not None
        expertise = list(mentor.fields.expertise) or ["career growth"]
        topic = rng.choice(expertise)
        other = rng.choice([e for e in expertise if e != topic] or ["career growth"])
        goals = self._goals_then(mentor, slot.starts_at.date())
        goal = rng.choice(goals).title if goals else "my next career step"
        return {
            "first": _first(mentor),
            "topic": topic,
            "other": other,
            "goal": goal,
            "skill": rng.choice(("delegation", "public speaking", "written proposals", topic)),
        }

    def _goals_then(self, mentor: MentorRecord, day: date) -> list[GoalRecord]:
        """The mentor's goals already set (or about to be) on that day."""
        key = (mentor.id, day)
        found = self._goals_on.get(key)
        if found is None:
            soon = day + timedelta(days=60)
            found = [
                g
                for g in self.goals_of.get(mentor.id, [])
                if g.fields.started_on is None or g.fields.started_on <= soon
            ]
            self._goals_on[key] = found
        return found

    def agenda(self, slot: _Slot, words: dict[str, str]) -> tuple[AgendaItem, ...]:
        rng = self.rng
        bank = _INTRO_AGENDA if slot.intro else _AGENDA
        lines = rng.sample(bank, rng.randint(3, 4) if slot.check_in else rng.randint(3, 6))
        held = slot.status is MeetingStatus.HELD
        return tuple(
            AgendaItem(_fill(line, words), done=held and rng.random() < 0.9) for line in lines
        )

    def notes(self, words: dict[str, str]) -> str:
        rng = self.rng
        parts = [
            "## Where things stand",
            " ".join([rng.choice(_OPENINGS), *rng.sample(_CONTEXT, rng.randint(2, 3))]).format(
                **words
            ),
            "## What we discussed",
            "\n".join(f"- {b}" for b in rng.sample(_BULLETS, rng.randint(4, 6))).format(**words),
            f"### {words['first']}'s view",
            " ".join(rng.sample(_PERSPECTIVE, rng.randint(3, 5))).format(**words),
            "## What I will try",
            "\n".join(
                f"{n}. {line}" for n, line in enumerate(rng.sample(_TRIES, rng.randint(2, 4)), 1)
            ).format(**words),
            rng.choice(_CLOSINGS).format(**words),
        ]
        return "\n\n".join(parts)

    def intro_notes(self, slot: _Slot, words: dict[str, str]) -> str:
        rng = self.rng
        assert slot.mentor is not None and slot.mentor.fields.started_on is not None
        since = slot.mentor.fields.started_on.strftime("%B %Y")
        parts = [
            "## How we met",
            f"{rng.choice(_INTRO_OPENINGS)} We have been connected on LinkedIn since {since}.",
            "## What we talked about",
            "\n".join(f"- {b}" for b in rng.sample(_INTRO_BULLETS, rng.randint(5, 6))),
            f"### {words['first']}'s view",
            " ".join(rng.sample(_PERSPECTIVE, rng.randint(3, 5))),
            "## Next step",
            rng.choice(_INTRO_NEXT),
        ]
        return "\n\n".join(parts).format(**words)

    def describe(self, slot: _Slot) -> None:
        """Agenda, notes, advice and takeaway for a meeting with a mentor."""
        rng = self.rng
        if slot.mentor is None:
            slot.fields = self._fields(slot)
            return
        words = self.words(slot)
        agenda = self.agenda(slot, words) if slot.agenda_wanted else ()
        notes, takeaway = "", ""
        advice: tuple[str, ...] = ()
        if slot.status is MeetingStatus.HELD:
            notes = self.intro_notes(slot, words) if slot.intro else self.notes(words)
            advice_count = rng.randint(1, 2) if slot.check_in else rng.randint(1, 4)
            advice = tuple(a.format(**words) for a in rng.sample(_ADVICE, advice_count))
            takeaway = rng.choice(_TAKEAWAYS).format(**words)
        elif slot.status is MeetingStatus.CANCELLED:
            notes = rng.choice(_CANCELLED).format(**words)
        elif slot.status is MeetingStatus.MISSED:
            notes = rng.choice(_MISSED).format(**words)
        slot.fields = self._fields(slot, agenda, notes, advice, takeaway)
        if slot.status is MeetingStatus.HELD and slot.intro:
            slot.items = [
                self._item(slot, words, _INTRO_ITEMS_ME, _INTRO_ITEMS_MENTOR)
                for _ in range(rng.randint(1, 3))
            ]
        elif slot.status is MeetingStatus.HELD:
            count = rng.randint(2, 5) if slot.check_in or not self.decade else rng.randint(4, 7)
            slot.items = [self._item(slot, words) for _ in range(count)]

    def _fields(
        self,
        slot: _Slot,
        agenda: tuple[AgendaItem, ...] = (),
        notes: str = "",
        advice: tuple[str, ...] = (),
        takeaway: str = "",
    ) -> MeetingFields:
        mentor_ids = () if slot.mentor is None else (slot.mentor.id, *slot.others)
        return MeetingFields(
            title=slot.title,
            start=wall_time(slot.starts_at, slot.zone),
            minutes=slot.minutes,
            time_zone=slot.zone,
            mentor_ids=tuple(sorted(set(mentor_ids))),
            format=slot.format,
            place_or_link=slot.place,
            status=slot.status,
            agenda=agenda,
            notes=notes,
            advice=advice,
            takeaway=takeaway,
        )

    def _item(
        self,
        slot: _Slot,
        words: dict[str, str],
        mine: tuple[str, ...] = _ITEMS_ME,
        theirs: tuple[str, ...] = _ITEMS_MENTOR,
    ) -> ActionItemFields:
        """What was to be done (states are settled later, when every meeting is known)."""
        rng = self.rng
        assert slot.mentor is not None
        mentor_owned = rng.random() < 0.18
        text = rng.choice(theirs if mentor_owned else mine).format(**words)
        day = slot.starts_at.date()
        due = (
            day + timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))
            if rng.random() < 0.8
            else None
        )
        goal_id = skill_id = None
        goals = self._goals_then(slot.mentor, day)
        if goals and rng.random() < 0.35:
            goal = rng.choice(goals)
            goal_id = goal.id
            if goal.skill_ids and rng.random() < 0.6:
                skill_id = rng.choice(sorted(goal.skill_ids))
        return ActionItemFields(
            text=text,
            owner=ActionOwner.MENTOR if mentor_owned else ActionOwner.ME,
            due_on=due,
            goal_id=goal_id,
            skill_id=skill_id,
        )

    def settle(self, slot: _Slot, next_meetings: list[date]) -> None:
        """Set each item's state from the meeting's age: old items done and reported back
        (usually at the next meeting) or dropped; recent ones open, some done."""
        rng = self.rng
        today = self.today
        day = slot.starts_at.date()
        age = (today - day).days
        settled = []
        for item in slot.items:
            roll = rng.random()
            due = item.due_on
            if age > RECENT_DAYS:
                if roll < 0.86:
                    done = self._done_on(day, due)
                    settled.append(self._done(item, done, next_meetings, report=rng.random()))
                elif roll < 0.997 or age > SOMEDAY_DAYS:
                    settled.append(_changed(item, status=ActionStatus.DROPPED))
                else:
                    settled.append(_changed(item, due_on=None))  # someday, still meant
                continue
            if roll < 0.3 and age > 3:
                done = self._done_on(day, due)
                settled.append(self._done(item, done, next_meetings, report=rng.random()))
            elif roll < 0.35:
                settled.append(_changed(item, status=ActionStatus.DROPPED))
            else:
                if due is not None and due < today:
                    self.late.append((slot, len(settled)))
                settled.append(item)
        slot.items = settled

    def keep_a_few_overdue(self) -> None:
        """A handful of open items stay past their due day; the others were given a new
        one (what a person does when they see a date slip)."""
        keep = set(self.rng.sample(range(len(self.late)), min(len(self.late), self.overdue)))
        for index, (slot, at) in enumerate(self.late):
            if index not in keep:
                new_due = self.today + timedelta(days=self.rng.randint(1, 21))
                slot.items[at] = _changed(slot.items[at], due_on=new_due)

    def _done_on(self, day: date, due: date | None) -> date:
        latest = (due or day + timedelta(days=30)) + timedelta(days=7)
        done = day + timedelta(days=self.rng.randint(1, max(1, (latest - day).days)))
        return min(done, self.today - timedelta(days=1))

    def _done(
        self, item: ActionItemFields, done: date, next_meetings: list[date], *, report: float
    ) -> ActionItemFields:
        """Done, and reported back at the next meeting after it (or by a message a few days
        later); a few not reported back yet."""
        reported: date | None = None
        at = bisect.bisect_left(next_meetings, done)
        recent = (self.today - done).days <= RECENT_DAYS
        if report < 0.82 and at < len(next_meetings):
            reported = next_meetings[at]
        elif report < 0.985 or not recent:  # only lately done things still wait
            reported = done + timedelta(days=self.rng.randint(3, 28))
        if reported is not None and reported > self.today:
            reported = None
        return _changed(item, status=ActionStatus.DONE, done_on=done, reported_on=reported)


def sample_meetings(
    mentors: Sequence[MentorRecord],
    goals: Sequence[GoalRecord],
    today: date,
    *,
    decade: bool,
    times: int = 1,
    my_zone: str | None = None,
) -> list[SampleMeeting]:
    """The sample meetings in order of their start, each with its action items (``times``:
    how many times the decade's imported events and overdue items a larger set has)."""
    gen = _Generator(
        mentors, goals, today, decade=decade, times=times, my_zone=my_zone or local_zone_name()
    )
    stories = gen.stories()
    past: list[_Slot] = []
    planned: list[_Slot] = []
    for story in stories:
        slots = gen.past_slots(story)
        if not decade:
            slots = _few(slots, gen.rng)
        past += slots
        if story.mentor.fields.status is MentorStatus.ACTIVE:
            planned += gen.planned_slots(story)
    imported = gen.imported_slots()
    _come_prepared_and_overlaps(planned, imported, gen)
    met, to_meet = gen.introductions()
    past += met
    planned += to_meet
    everything = sorted([*past, *planned, *imported], key=lambda s: s.starts_at)
    for slot in everything:
        gen.describe(slot)
    held_days: dict[int, list[date]] = {}
    for slot in past:
        if slot.status is MeetingStatus.HELD and slot.mentor is not None:
            held_days.setdefault(slot.mentor.id, []).append(slot.starts_at.date())
    for slot in past:
        if slot.items and slot.mentor is not None:
            days = held_days[slot.mentor.id]
            later = days[bisect.bisect_right(days, slot.starts_at.date()) :]
            gen.settle(slot, later)
    gen.keep_a_few_overdue()
    return [
        SampleMeeting(slot.fields, _written_at(slot, today, gen.rng), tuple(slot.items))
        for slot in everything
        if slot.fields is not None
    ]


def _few(slots: list[_Slot], rng: random.Random) -> list[_Slot]:
    """For the small sample: the last few meetings of a relationship, with at least one
    that did not take place."""
    kept = slots[-SMALL_PAST_PER_MENTOR:]
    if kept and all(s.status is MeetingStatus.HELD for s in kept):
        kept[rng.randrange(len(kept))].status = rng.choice(
            (MeetingStatus.CANCELLED, MeetingStatus.MISSED)
        )
    return kept


def _in_hours(moment: datetime, zone_name: str) -> bool:
    wall = wall_time(moment, zone_name)
    return wall.weekday() < 5 and 9 <= wall.hour < 17


def _come_prepared_and_overlaps(
    planned: list[_Slot], imported: list[_Slot], gen: _Generator
) -> None:
    """One planned meeting tomorrow with nothing on its agenda yet (Home asks to come
    prepared), two planned meetings at the same time, and an imported event on top of a
    planned meeting."""
    if not planned:
        return
    first = planned[0]
    assert first.mentor is not None
    there = first.mentor.fields.time_zone or gen.my_zone
    first.starts_at = _existing_utc(gen.today + timedelta(days=1), time(10, 0), there)
    first.agenda_wanted = False
    later = planned[1:]
    clash = next(
        (
            (a, b, a.starts_at + timedelta(minutes=30))
            for a in later
            for b in later
            if a.mentor is not b.mentor
            and b.mentor is not None
            and _in_hours(a.starts_at + timedelta(minutes=30), b.mentor.fields.time_zone)
        ),
        None,
    )
    if clash is not None:
        clash[1].starts_at = clash[2]
    on_top = next((p for p in reversed(later) if _in_hours(p.starts_at, gen.my_zone)), None)
    if on_top is not None and imported:
        imported[0].starts_at = on_top.starts_at + timedelta(minutes=15)


def _written_at(slot: _Slot, today: date, rng: random.Random) -> datetime:
    """When the meeting was written down: days to weeks ahead of it, and not after today."""
    ahead = timedelta(days=rng.randint(1, 3) if slot.check_in else rng.randint(3, 30))
    noon = datetime.combine(today, time(12, 0), tzinfo=UTC)
    return min(slot.starts_at - ahead, noon - timedelta(days=rng.randint(0, 5)))


def load_sample_meetings(
    services: Services,
    today: date,
    *,
    decade: bool,
    times: int = 1,
    mentors: Sequence[MentorRecord] | None = None,
    goals: Sequence[GoalRecord] | None = None,
) -> tuple[int, int]:
    """Store the sample meetings and their action items (inside the sample's one
    transaction; ``mentors`` and ``goals``: the stored ones, when the caller has them at
    hand). Returns how many meetings and action items were stored."""
    began = timer.perf_counter()
    mentors = services.mentors.list_all() if mentors is None else mentors
    goals = services.goals.list_all() if goals is None else goals
    meetings = sample_meetings(mentors, goals, today, decade=decade, times=times)
    ids = services.meetings.add_many([(m.fields, m.created_at) for m in meetings])
    items: list[tuple[ActionItemFields, datetime]] = []
    for meeting_id, meeting in zip(ids, meetings, strict=True):
        written = meeting.fields.ends_at + timedelta(minutes=20)
        items += [(_changed(item, meeting_id=meeting_id), written) for item in meeting.items]
    services.action_items.add_many(items)
    log.info(
        "stored %d sample meetings and %d action items in %.2f s",
        len(ids),
        len(items),
        timer.perf_counter() - began,
    )
    return len(ids), len(items)
