"""The rules a mentor card must satisfy before it is stored, and how it is tidied first."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.domain.enums import MentorStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import (
    DomainError,
    ValidationError,
    normalize_labels,
    split_labels,
)


@pytest.mark.parametrize("name", ["", " ", "   \t\n  ", "\u00a0"])
def test_empty_or_blank_name_is_an_error_on_name(name: str) -> None:
    card = MentorFields(name=name)

    assert set(card.errors()) == {"name"}
    assert "required" in card.errors()["name"]
    with pytest.raises(ValidationError) as caught:
        card.validated()
    assert set(caught.value.field_errors) == {"name"}


def test_validation_error_is_a_domain_error_with_a_readable_message() -> None:
    with pytest.raises(DomainError) as caught:
        MentorFields(name="").validated()

    assert isinstance(caught.value, ValidationError)
    assert str(caught.value) == "Name is required."


def test_name_longer_than_200_characters_is_rejected() -> None:
    assert MentorFields(name="x" * 200).errors() == {}
    errors = MentorFields(name="x" * 201).errors()

    assert set(errors) == {"name"}
    assert "201" in errors["name"]


@pytest.mark.parametrize("email", ["ann", "ann@", "a b@x.org", "@x.org", "ann@x", "a@b@x.org"])
def test_malformed_email_is_rejected(email: str) -> None:
    errors = MentorFields(name="Ann", email=email).errors()

    assert set(errors) == {"email"}
    assert "email" in errors["email"].lower()


@pytest.mark.parametrize(
    "email", ["ann@example.org", "ann.lee+mentoring@mail.example.co.uk", "zoë@exämple.de"]
)
def test_well_formed_email_is_accepted(email: str) -> None:
    card = MentorFields(name="Ann", email=email)

    assert card.errors() == {}
    assert card.validated().email == email


def test_email_is_checked_after_trimming() -> None:
    card = MentorFields(name="Ann", email="  ann@example.org \n")

    assert card.validated().email == "ann@example.org"


@pytest.mark.parametrize(
    "url",
    [
        "example.org",
        "example.org/jane",
        "ftp://x.org",
        "mailto:ann@example.org",
        "https://",
        "https://exa mple.org/jane",
        "https://example",
        "javascript:alert(1)",
    ],
)
def test_profile_url_without_http_scheme_or_valid_host_is_rejected(url: str) -> None:
    errors = MentorFields(name="Ann", profile_url=url).errors()

    assert set(errors) == {"profile_url"}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/jane",
        "http://example.org",
        "HTTPS://Example.ORG/Jane?tab=about#top",
        "https://www.linkedin.com/in/jane-doe-123/",
        "http://localhost:8080/me",
        "https://bücher.example.de/autorin",
    ],
)
def test_http_or_https_profile_url_with_valid_host_is_accepted(url: str) -> None:
    card = MentorFields(name="Ann", profile_url=url)

    assert card.errors() == {}
    assert card.validated().profile_url == url


@pytest.mark.parametrize(
    "url",
    ["http://192.168.1.20/wiki/jane", "https://example.xn--p1ai/jane"],
)
def test_profile_url_with_ip_address_or_punycode_host_is_accepted(url: str) -> None:
    assert MentorFields(name="Ann", profile_url=url).errors() == {}


def test_ended_before_started_is_an_error_on_ended_on() -> None:
    card = MentorFields(name="Ann", started_on=date(2024, 5, 2), ended_on=date(2024, 5, 1))

    assert set(card.errors()) == {"ended_on"}


@pytest.mark.parametrize(
    ("started", "ended"),
    [
        (date(2024, 5, 1), date(2024, 5, 1)),
        (date(2024, 5, 1), date(2025, 1, 1)),
        (None, date(2020, 1, 1)),
        (date(2020, 1, 1), None),
    ],
)
def test_ended_on_or_after_started_or_either_missing_is_fine(
    started: date | None, ended: date | None
) -> None:
    assert MentorFields(name="Ann", started_on=started, ended_on=ended).errors() == {}


def test_several_errors_are_reported_per_field_at_once() -> None:
    card = MentorFields(
        name="  ",
        email="ann@",
        profile_url="example.org",
        started_on=date(2024, 1, 2),
        ended_on=date(2023, 1, 1),
        organization="o" * 301,
    )

    with pytest.raises(ValidationError) as caught:
        card.validated()

    errors = caught.value.field_errors
    assert set(errors) == {"name", "email", "profile_url", "ended_on", "organization"}
    assert all(message.strip() for message in errors.values())
    assert len(set(errors.values())) == len(errors)
    for message in errors.values():
        assert message in str(caught.value)


def test_normalized_trims_and_collapses_name_whitespace() -> None:
    card = MentorFields(
        name="  Jean   Luc\t Picard \n",
        title=" Captain ",
        organization="\tStarfleet  ",
        email=" jl@example.org ",
        profile_url=" https://example.org/jl ",
        location=" La Barre ",
        notes="  keep my indentation  ",
    ).normalized()

    assert card.name == "Jean Luc Picard"
    assert card.title == "Captain"
    assert card.organization == "Starfleet"
    assert card.email == "jl@example.org"
    assert card.profile_url == "https://example.org/jl"
    assert card.location == "La Barre"
    assert card.notes == "  keep my indentation  "


def test_normalized_dedups_labels_case_insensitively_keeping_first_and_order() -> None:
    card = MentorFields(
        name="Ann",
        expertise=(" Python ", "leadership", "python", "", "  ", "Team   Building", "LEADERSHIP"),
        tags=("b", "A", "a", "B", "c"),
    ).normalized()

    assert card.expertise == ("Python", "leadership", "Team Building")
    assert card.tags == ("b", "A", "c")


def test_normalized_dedups_with_unicode_case_folding() -> None:
    assert normalize_labels(["Straße", "STRASSE", "Ελληνικά", "ελληνικά"]) == ("Straße", "Ελληνικά")


def test_validated_returns_the_normalized_card_and_leaves_the_original_alone() -> None:
    original = MentorFields(name=" Ann  Lee ", expertise=("x", "X"), status=MentorStatus.PAUSED)

    valid = original.validated()

    assert valid == original.normalized()
    assert valid.name == "Ann Lee"
    assert valid.expertise == ("x",)
    assert valid.status is MentorStatus.PAUSED
    assert original.name == " Ann  Lee "


def test_split_labels() -> None:
    assert split_labels("a, b,,A") == ("a", "b")
    assert split_labels("") == ()
    assert split_labels(" public speaking ,  negotiation,Public Speaking") == (
        "public speaking",
        "negotiation",
    )


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Ólafsdóttir",
        "Nguyễn Thị Lan",
        "محمد الأحمد",
        "김은혜",
        "Дмитрий Волков",
        "王小明",
        "Siobhán O'Brien-Ní Bhriain",
    ],
)
def test_accented_and_non_latin_names_are_accepted_unchanged(name: str) -> None:
    card = MentorFields(name=name)

    assert card.errors() == {}
    assert card.validated().name == name
