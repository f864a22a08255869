"""The sidebar's counts of what needs attention agree with the domain's rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.enums import AgreementStatus, GoalStatus
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.attention import Attention
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

TODAY = date(2030, 6, 15)


def test_nothing_needs_attention_in_an_empty_notebook(services: Services) -> None:
    assert services.attention.counts(TODAY) == Attention()


def test_overdue_goals_and_due_reviews_are_counted(services: Services) -> None:
    past, future = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
    for status, target in (
        (GoalStatus.ACTIVE, past),  # counted
        (GoalStatus.ACTIVE, TODAY),  # due today: not yet overdue
        (GoalStatus.ACTIVE, future),
        (GoalStatus.ACTIVE, None),
        (GoalStatus.PAUSED, past),
        (GoalStatus.ACHIEVED, past),
    ):
        services.goals.create(GoalFields(title="g", status=status, target_on=target))
    for number, (status, review) in enumerate(
        (
            (AgreementStatus.ACTIVE, past),  # counted
            (AgreementStatus.DRAFT, past),  # counted: not concluded
            (AgreementStatus.CONCLUDED, past),
            (AgreementStatus.ACTIVE, future),
        )
    ):
        mentor = services.mentors.create(MentorFields(name=f"Mentor {number}")).id
        services.agreements.create(mentor, AgreementFields("a", status=status, review_on=review))
    assert services.attention.counts(TODAY) == Attention(goals_overdue=1, reviews_due=2)


@pytest.mark.slow
def test_counts_equal_the_domain_rules_on_the_decade_sample(services: Services) -> None:
    today = date.today()
    load_sample_data(services, SampleSize.DECADE, today=today)
    goals = services.goals.list_all()
    agreements = services.agreements.list_all()
    counts = services.attention.counts(today)
    assert counts == Attention(
        goals_overdue=sum(g.is_overdue(today) for g in goals),
        reviews_due=sum(a.is_review_due(today) for a in agreements),
    )
    assert counts.goals_overdue > 0 and counts.reviews_due > 0  # the sample has some of each
