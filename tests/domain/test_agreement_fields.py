"""Agreement fields: each rule refuses with a message next to its field; templates are valid."""

from __future__ import annotations

from datetime import date, time

import pytest

from mentordesk.domain.agreement import (
    AgreementFields,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.agreement_revision import field_changes, fields_from_json, fields_to_json
from mentordesk.domain.agreement_templates import TEMPLATES, template
from mentordesk.domain.enums import AgreementStatus, CadenceUnit, Channel, CommitmentSide
from mentordesk.domain.validation import ValidationError


def _errors(**changes: object) -> dict[str, str]:
    fields = AgreementFields(title="Monthly mentoring").replace(**changes)
    with pytest.raises(ValidationError) as caught:
        fields.validated()
    return caught.value.field_errors


def test_title_is_required() -> None:
    assert "title" in _errors(title="   ")


@pytest.mark.parametrize("every", [0, -2, None])
def test_cadence_needs_a_positive_count_unless_as_needed(every: int | None) -> None:
    errors = _errors(cadence_every=every, cadence_unit=CadenceUnit.WEEKS)
    assert list(errors) == ["cadence_every"]
    assert errors["cadence_every"]


def test_as_needed_ignores_the_count() -> None:
    fields = AgreementFields("A", cadence_every=0, cadence_unit=CadenceUnit.AS_NEEDED).validated()
    assert fields.cadence_every is None


def test_review_before_start_is_refused() -> None:
    errors = _errors(starts_on=date(2025, 3, 1), review_on=date(2025, 2, 28))
    assert list(errors) == ["review_on"]


def test_planned_end_before_start_is_refused() -> None:
    assert list(_errors(starts_on=date(2025, 3, 1), ends_on=date(2025, 1, 1))) == ["ends_on"]


@pytest.mark.parametrize("ends", [time(9, 0), time(8, 30)])
def test_window_ending_at_or_before_its_start_is_refused(ends: time) -> None:
    errors = _errors(windows=(AvailabilityWindow(2, time(9, 0), ends),))
    assert list(errors) == ["windows"]
    assert "Wednesday" in errors["windows"]


def test_weekday_out_of_range_is_refused() -> None:
    assert "windows" in _errors(windows=(AvailabilityWindow(7, time(9, 0), time(10, 0)),))


def test_normalized_drops_blank_entries_and_repeated_channels() -> None:
    fields = AgreementFields(
        title="  Career   talks ",
        preferred_channels=(Channel.EMAIL, Channel.EMAIL),
        acceptable_channels=(Channel.EMAIL, Channel.CHAT),
        objectives=(ObjectiveFields("  "), ObjectiveFields(" Ship it "), ObjectiveFields("", 4)),
        commitments=(CommitmentFields(CommitmentSide.ME, " "),),
    ).validated()
    assert fields.title == "Career talks"
    assert fields.preferred_channels == (Channel.EMAIL,)
    assert fields.acceptable_channels == (Channel.CHAT,)
    assert fields.objectives == (ObjectiveFields("Ship it"), ObjectiveFields("", 4))
    assert fields.commitments == ()


@pytest.mark.parametrize("entry", TEMPLATES, ids=lambda t: t.key)
def test_templates_are_valid_and_survive_the_stored_form(entry: object) -> None:
    fields = template(entry.key).fields  # type: ignore[attr-defined]
    assert fields.validated() == fields
    assert fields.commitments and fields.cadence_unit is not None
    assert fields_from_json(fields_to_json(fields)) == fields


def test_field_changes_name_only_what_differs() -> None:
    before = template("monthly_career").fields
    after = before.replace(status=AgreementStatus.ACTIVE, typical_minutes=45)
    changes = field_changes(before, after)
    assert [(c.name, c.old, c.new) for c in changes] == [
        ("status", AgreementStatus.DRAFT, AgreementStatus.ACTIVE),
        ("typical_minutes", 60, 45),
    ]
