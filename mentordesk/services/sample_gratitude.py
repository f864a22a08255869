"""Sample gratitude log: thanks given over the years, after meetings that were held.

Built on the meetings actually stored (any sample size): each mentor who mentors me gets a
habit, in turn, so every set has some thanked often, some now and then, some once or
twice and some never (these are the ones Home suggests thanking). An entry falls a few
days after one of their held meetings, never after today, and at least two weeks after the
one before. People I mentor are not
thanked in the sample.

Deterministic for the stored meetings: the same meetings give the same log, word for word.
"""

from __future__ import annotations

import logging
import random
import time as timer
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum

from sqlalchemy import select

from mentordesk.db.engine import reading
from mentordesk.db.models import Meeting, MeetingMentor
from mentordesk.domain.enums import Direction, GratitudeKind, MeetingStatus
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.mentor import MentorRecord
from mentordesk.services.context import Services

log = logging.getLogger(__name__)


class _Habit(Enum):
    OFTEN = 0.5  # the share of held meetings followed by thanks
    SOMETIMES = 0.15
    RARELY = 0.0  # once or twice in the whole relationship
    NEVER = -1.0


# Thanks written down less than this long after the last: a weekly meeting is not thanked
# every week, however often the habit.
_MIN_GAP = timedelta(days=14)

# In turn, by mentor id: any three mentors or more include one thanked often and one never.
_HABITS = (
    _Habit.OFTEN,
    _Habit.SOMETIMES,
    _Habit.NEVER,
    _Habit.RARELY,
    _Habit.OFTEN,
    _Habit.SOMETIMES,
    _Habit.NEVER,
    _Habit.SOMETIMES,
)

_K = GratitudeKind
_KIND_WEIGHTS = (
    (_K.THANK_YOU_NOTE, 34),
    (_K.UPDATE_SENT, 30),
    (_K.FAVOUR_RETURNED, 10),
    (_K.GIFT_OR_MEAL, 9),
    (_K.PUBLIC_RECOGNITION, 8),
    (_K.INTRODUCTION_MADE, 9),
)

# Placeholders: {first} the mentor's first name, {topic} and {other} two of their areas.
_TEXTS: dict[GratitudeKind, tuple[str, ...]] = {
    _K.THANK_YOU_NOTE: (
        "Sent {first} a short note to say thanks for the time on {topic}.",
        "Thank-you email after our session: the advice on {topic} was what I needed.",
        "Handwritten card thanking {first} for the candid feedback.",
        "Messaged {first} to say the session changed how I think about {topic}.",
        "Thanked {first} for making time in a busy week.",
    ),
    _K.UPDATE_SENT: (
        "Told {first} how the conversation about {topic} played out at work.",
        "Sent {first} an update: I tried the approach to {topic} we discussed, and it worked.",
        "Shared the outcome of the review with {first}, and what I would do differently.",
        "Quick update to {first} on the goal we talked about, with my next step.",
        "Let {first} know the advice on {other} landed well with my manager.",
    ),
    _K.FAVOUR_RETURNED: (
        "Reviewed the draft of {first}'s conference talk on {topic}.",
        "Helped {first}'s team with a question on {other}.",
        "Gave {first} feedback on a job description they were writing.",
    ),
    _K.GIFT_OR_MEAL: (
        "Took {first} out for lunch to say thanks.",
        "Sent {first} a book on {topic} they mentioned wanting to read.",
        "Coffee on me after the meeting.",
    ),
    _K.PUBLIC_RECOGNITION: (
        "Thanked {first} by name in my promotion announcement.",
        "Wrote {first} a recommendation for their work on {topic}.",
        "Credited {first}'s advice on {other} in my talk at the team offsite.",
    ),
    _K.INTRODUCTION_MADE: (
        "Introduced {first} to a colleague who is hiring for {topic}.",
        "Connected {first} with a former manager who works on {other}.",
        "Put {first} in touch with the organisers of a meetup on {topic}.",
    ),
}


def _first(mentor: MentorRecord) -> str:
    return mentor.name.split(" ")[0]


def _held_days(services: Services, today: date) -> dict[int, list[date]]:
    """The local days of each mentor's held meetings up to today, oldest first."""
    query = (
        select(MeetingMentor.mentor_id, Meeting.starts_at)
        .join(Meeting, Meeting.id == MeetingMentor.meeting_id)
        .where(Meeting.status == MeetingStatus.HELD)
        .order_by(Meeting.starts_at, Meeting.id, MeetingMentor.mentor_id)
    )
    days: dict[int, list[date]] = defaultdict(list)
    with reading(services.sessions) as session:
        for mentor_id, starts in session.execute(query):
            day = starts.astimezone().date()
            if day <= today:
                days[mentor_id].append(day)
    return days


def sample_gratitude(
    mentors: list[MentorRecord], held: dict[int, list[date]], today: date
) -> list[tuple[GratitudeFields, datetime]]:
    """The log for these mentors and their held meeting days: (fields, written at)."""
    entries: list[tuple[GratitudeFields, datetime]] = []
    kinds = [kind for kind, _weight in _KIND_WEIGHTS]
    weights = [weight for _kind, weight in _KIND_WEIGHTS]
    thankable = sorted(
        (m for m in mentors if m.fields.direction is Direction.THEY_MENTOR_ME and held.get(m.id)),
        key=lambda m: m.id,
    )
    for turn, mentor in enumerate(thankable):
        habit = _HABITS[turn % len(_HABITS)]
        if habit is _Habit.NEVER:
            continue
        rng = random.Random(20261204 + mentor.id)
        days = held[mentor.id]
        if habit is _Habit.RARELY:
            chosen = sorted(rng.sample(days, min(len(days), rng.randint(1, 2))))
        else:
            chosen = [day for day in days if rng.random() < habit.value]
        expertise = mentor.fields.expertise or ("what they know",)
        words = {"first": _first(mentor)}
        last: date | None = None
        for day in chosen:
            given = day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5, 7)))
            if given > today or (last is not None and given - last < _MIN_GAP):
                continue
            last = given
            kind = rng.choices(kinds, weights)[0]
            words["topic"] = rng.choice(expertise)
            words["other"] = rng.choice(expertise)
            text = rng.choice(_TEXTS[kind]).format(**words)
            written = datetime.combine(given, time(18, rng.randint(0, 59))).astimezone(UTC)
            entries.append((GratitudeFields(mentor.id, given, kind, text), written))
    entries.sort(key=lambda entry: (entry[0].given_on, entry[0].mentor_id))
    return entries


def load_sample_gratitude(services: Services, today: date) -> int:
    """Store the sample log for the meetings stored (inside the sample's one transaction).
    Returns how many entries were stored."""
    began = timer.perf_counter()
    entries = sample_gratitude(services.mentors.list_all(), _held_days(services, today), today)
    services.gratitude.add_many(entries)
    log.info(
        "stored %d sample gratitude entries in %.2f s", len(entries), timer.perf_counter() - began
    )
    return len(entries)
