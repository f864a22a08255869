"""The sample data's agreements: one per active or concluded relationship, each revised two to
five times over the years, concluded ones concluded, objectives linked to the mentor's goals."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.enums import AgreementStatus, MentorStatus
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

TODAY = date(2025, 6, 15)


@pytest.mark.slow
def test_decade_sample_agreements(services: Services) -> None:
    load_sample_data(services, SampleSize.DECADE, today=TODAY)
    mentors = {m.id: m for m in services.mentors.list_all()}
    goals = {g.id: g for g in services.goals.list_all()}
    agreements = services.agreements.list_all()

    in_force = {
        m.id
        for m in mentors.values()
        if m.fields.status in (MentorStatus.ACTIVE, MentorStatus.CONCLUDED)
    }
    assert {a.mentor_id for a in agreements} == in_force
    assert len(agreements) == len(in_force)
    years = set()
    linked = 0
    for agreement in agreements:
        mentor = mentors[agreement.mentor_id]
        expected = (
            AgreementStatus.CONCLUDED
            if mentor.fields.status is MentorStatus.CONCLUDED
            else AgreementStatus.ACTIVE
        )
        assert agreement.fields.status is expected
        assert agreement.fields.validated() == agreement.fields
        revisions = services.agreements.revisions(agreement.id)
        assert 2 <= len(revisions) <= 5
        assert revisions[0].state == agreement.fields
        assert all(r.revised_at.date() <= TODAY for r in revisions)
        years |= {r.revised_at.year for r in revisions}
        for objective in agreement.fields.objectives:
            if objective.goal_id is not None:
                linked += 1
                assert agreement.mentor_id in goals[objective.goal_id].mentor_ids
    assert len(years) >= 8  # spread over the decade
    assert linked > 0


def test_small_sample_has_a_couple_of_agreements(services: Services) -> None:
    load_sample_data(services, SampleSize.SMALL, today=TODAY)
    agreements = services.agreements.list_all()
    assert len(agreements) == 2
    assert all(2 <= len(services.agreements.revisions(a.id)) <= 5 for a in agreements)
