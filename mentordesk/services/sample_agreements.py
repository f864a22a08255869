"""Sample agreements: one per active or concluded relationship, revised a few times over the
years (a new review date, a different cadence, an added promise, a change of format), and
concluded when the relationship ended."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from mentordesk.domain.agreement import AgreementFields, CommitmentFields, ObjectiveFields
from mentordesk.domain.agreement_templates import template
from mentordesk.domain.enums import (
    AgreementStatus,
    CommitmentSide,
    MeetingFormat,
    MentorStatus,
    RelationshipKind,
)
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.mentor import MentorRecord
from mentordesk.services.context import Services

_TEMPLATE_BY_KIND = {
    RelationshipKind.SPONSOR: "sponsorship",
    RelationshipKind.REVERSE_MENTOR: "reverse",
    RelationshipKind.PEER_MENTOR: "micro",
}
_FREE_OBJECTIVES = (
    "Get an outside view on my career direction",
    "Practise difficult conversations before I have them",
    "Understand how decisions are really made at senior level",
    "Build confidence speaking up in large meetings",
    "Learn how they plan a year of work",
)


@dataclass(frozen=True)
class SampleAgreement:
    """One agreement as a story: created at the first step, updated at each later one."""

    mentor_id: int
    steps: tuple[tuple[datetime, AgreementFields], ...]


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(17, 0), tzinfo=UTC)


def _revisions(rng: random.Random, day: date) -> list[Callable[[AgreementFields], AgreementFields]]:
    """Believable edits, each of which changes at least one field."""

    def review_moved(f: AgreementFields) -> AgreementFields:
        minutes = 45 if f.typical_minutes == 60 else 60
        return f.replace(review_on=day + timedelta(days=180), typical_minutes=minutes)

    def slower_cadence(f: AgreementFields) -> AgreementFields:
        return f.replace(cadence_every=(f.cadence_every or 1) + 1)

    def new_promise(f: AgreementFields) -> AgreementFields:
        promise = CommitmentFields(CommitmentSide.ME, "Write up what I tried within a week")
        return f.replace(commitments=(*f.commitments, promise))

    def other_format(f: AgreementFields) -> AgreementFields:
        if f.format is MeetingFormat.IN_PERSON:
            return f.replace(format=MeetingFormat.VIDEO, place_or_link="https://meet.example/ours")
        return f.replace(format=MeetingFormat.IN_PERSON, place_or_link="The café by the office")

    def clearer_boundaries(f: AgreementFields) -> AgreementFields:
        return f.replace(
            reply_time="Within three working days",
            out_of_scope=(f.out_of_scope + " No weekend messages.").strip(),
        )

    edits: list[Callable[[AgreementFields], AgreementFields]] = [
        review_moved,
        slower_cadence,
        new_promise,
        other_format,
        clearer_boundaries,
    ]
    rng.shuffle(edits)
    return edits


def sample_agreements(
    mentors: Sequence[MentorRecord], goals: Sequence[GoalRecord], today: date, *, decade: bool
) -> list[SampleAgreement]:
    rng = random.Random(5150)
    chosen = [
        m
        for m in mentors
        if m.fields.status in (MentorStatus.ACTIVE, MentorStatus.CONCLUDED)
        and m.fields.started_on is not None
        and m.fields.started_on < today
    ]
    if not decade:
        chosen = chosen[:2]
    result = []
    in_force = 0
    for mentor in chosen:
        start = mentor.fields.started_on
        assert start is not None
        concluded = mentor.fields.status is MentorStatus.CONCLUDED
        end = min(today, mentor.fields.ended_on or today) if concluded else today
        base = template(_TEMPLATE_BY_KIND.get(mentor.fields.kind, "monthly_career")).fields
        their_goals = [g for g in goals if mentor.id in g.mentor_ids][:2]
        first_name = mentor.name.split(" ")[0]
        fields = base.replace(
            title=f"{base.title} with {first_name}",
            status=AgreementStatus.ACTIVE,
            agreed_on=start,
            starts_on=start,
            review_on=start + timedelta(days=180),
            objectives=(
                *(ObjectiveFields("", g.id) for g in their_goals),
                ObjectiveFields(rng.choice(_FREE_OBJECTIVES)),
            ),
        )
        steps = [(_moment(start), fields)]
        count = rng.randint(2, 5)  # revisions, the creation included
        if not concluded:
            count = min(count, 4)  # the last review comes on top
        span = max(1, (end - start).days)
        for k in range(1, count):
            day = start + timedelta(days=span * k // count + rng.randint(0, 10))
            day = min(day, end)
            if concluded and k == count - 1:
                fields = fields.replace(status=AgreementStatus.CONCLUDED, ends_on=end)
                day = end
            else:
                fields = _revisions(rng, day)[0](fields)
            steps.append((_moment(max(day, start)), fields))
        if not concluded:
            in_force += 1
            steps.append(_last_review(rng, steps[-1], today, due=in_force % 6 == 3))
        result.append(SampleAgreement(mentor.id, tuple(steps)))
    return result


def _last_review(
    rng: random.Random, previous: tuple[datetime, AgreementFields], today: date, *, due: bool
) -> tuple[datetime, AgreementFields]:
    """The review held a few weeks ago, which set the next one: months ahead, or (``due``:
    one agreement in six, as in a real notebook) already passed."""
    moment, fields = previous
    held = max(moment.date(), today - timedelta(days=rng.randint(20, 120)))
    if due:
        review = today - timedelta(days=rng.randint(3, 40))
    else:
        review = today + timedelta(days=rng.randint(20, 200))
    review = max(review, held + timedelta(days=1))
    return _moment(held), fields.replace(review_on=review)


def load_sample_agreements(
    services: Services,
    today: date,
    *,
    decade: bool,
    mentors: Sequence[MentorRecord] | None = None,
    goals: Sequence[GoalRecord] | None = None,
) -> None:
    """Store the sample agreements, each revision dated when it happened in the story
    (``mentors`` and ``goals``: the stored ones, when the caller has them at hand)."""
    mentors = services.mentors.list_all() if mentors is None else mentors
    goals = services.goals.list_all() if goals is None else goals
    samples = sample_agreements(mentors, goals, today, decade=decade)
    services.agreements.create_many([(sample.mentor_id, sample.steps) for sample in samples])
