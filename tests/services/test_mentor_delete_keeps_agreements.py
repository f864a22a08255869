"""Deleting a mentor deletes their agreements; undoing it must bring them back whole."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.agreement_templates import TEMPLATES
from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services


def test_undoing_a_mentor_delete_restores_agreements_with_their_revisions(
    location: DataLocation,
) -> None:
    services = Services.open(location)
    try:
        mentor = services.mentors.create(MentorFields(name="Amara Okafor"))
        fields = TEMPLATES[0].fields.replace(status=AgreementStatus.ACTIVE)
        agreement = services.agreements.create(mentor.id, fields)
        services.agreements.update(agreement.id, fields.replace(title=fields.title + " (revised)"))
        before = services.agreements.get(agreement.id)
        revisions = services.agreements.revisions(agreement.id)
        assert len(revisions) == 2  # active agreements keep their history

        references = services.mentors.references(mentor.id)
        assert [a.record.id for a in references.agreements] == [agreement.id]
        deleted = services.mentors.delete(mentor.id)
        assert services.agreements.for_mentor(mentor.id) == []

        services.mentors.restore(deleted, references)
        assert services.agreements.get(agreement.id) == before
        assert services.agreements.revisions(agreement.id) == revisions
    finally:
        services.close()


def test_references_of_a_mentor_without_agreements_are_empty(location: DataLocation) -> None:
    services = Services.open(location)
    try:
        mentor = services.mentors.create(MentorFields(name="Zoë", started_on=date(2024, 1, 1)))
        assert not services.mentors.references(mentor.id)
    finally:
        services.close()
