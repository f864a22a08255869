"""The one text rule every field of every kind follows (mentordesk.domain.text)."""

from __future__ import annotations

import pytest

from mentordesk.domain.agreement import AgreementFields, CommitmentFields, ObjectiveFields
from mentordesk.domain.enums import CommitmentSide
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import SkillFields
from mentordesk.domain.text import has_visible, terminal_safe
from mentordesk.domain.validation import ValidationError

CONTROLS = ["\x00", "\x1b", "\x07", "\x7f", "\x9b", "\x01"]
BIDI = ["\u202e", "\u202d", "\u2066", "\u2069"]


@pytest.mark.parametrize("bad", CONTROLS)
def test_one_line_fields_refuse_nul_and_control_characters(bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        MentorFields(name=f"Ada{bad}", organization=f"Org{bad}").validated()
    assert set(caught.value.field_errors) == {"name", "organization"}
    assert "control character" in caught.value.field_errors["name"]


def test_one_line_fields_turn_newlines_and_tabs_into_spaces() -> None:
    fields = MentorFields(name="Ada\nLovelace", organization="Analytical\tEngines\r\n").validated()
    assert (fields.name, fields.organization) == ("Ada Lovelace", "Analytical Engines")
    assert GoalFields(title="Give\na talk").validated().title == "Give a talk"
    assert SkillFields(name="Public", category="Commu\tnication").validated().category == (
        "Commu nication"
    )


@pytest.mark.parametrize("bad", CONTROLS)
def test_multi_line_fields_keep_newlines_and_tabs_and_refuse_other_controls(bad: str) -> None:
    assert MentorFields(name="Ada", notes="line one\n\tline two").validated().notes
    with pytest.raises(ValidationError) as caught:
        MentorFields(name="Ada", notes=f"line{bad}").validated()
    assert set(caught.value.field_errors) == {"notes"}


@pytest.mark.parametrize(
    "invisible", ["", "   ", "\u200b\u200b", "\u2060", "\u00a0\u3000", "\u200e"]
)
def test_required_means_a_visible_character(invisible: str) -> None:
    assert not has_visible(invisible)
    for make in (
        lambda: MentorFields(name=invisible).validated(),
        lambda: GoalFields(title=invisible).validated(),
        lambda: SkillFields(name=invisible).validated(),
        lambda: AgreementFields(title=invisible).validated(),
        lambda: GoalNoteFields(
            written_on=__import__("datetime").date(2026, 1, 1), text=invisible
        ).validated(),
    ):
        with pytest.raises(ValidationError, match="required"):
            make()


@pytest.mark.parametrize("bidi", BIDI)
def test_stray_bidi_controls_are_refused_in_one_line_fields_only(bidi: str) -> None:
    with pytest.raises(ValidationError) as caught:
        MentorFields(name=f"evil{bidi}gnp.exe").validated()
    assert "reorders text" in caught.value.field_errors["name"]
    # A right-to-left paragraph in a note may need them.
    assert MentorFields(name="Ada", notes=f"{bidi}שלום\u202c").validated().notes


def test_lone_surrogates_from_undecodable_bytes_are_refused() -> None:
    broken = b"\xff".decode("utf-8", "surrogateescape")
    with pytest.raises(ValidationError, match="not valid text"):
        MentorFields(name=f"Ada{broken}").validated()
    with pytest.raises(ValidationError, match="not valid text"):
        MentorFields(name="Ada", email=f"a{broken}@b.org").validated()


def test_every_kind_of_text_follows_the_rule() -> None:
    esc = "\x1b[31m"
    with pytest.raises(ValidationError):
        MilestoneFields(title=f"Step{esc}").validated(__import__("datetime").date(2026, 1, 1))
    with pytest.raises(ValidationError):
        GoalFields(title="Goal", description=f"{esc}").validated()
    with pytest.raises(ValidationError):
        SkillFields(name="Skill", description="\x00").validated()
    with pytest.raises(ValidationError):
        MentorFields(name="Ada", expertise=(f"SQL{esc}",)).validated()
    with pytest.raises(ValidationError):
        AgreementFields(title="Ours", objectives=(ObjectiveFields(f"x{esc}"),)).validated()
    with pytest.raises(ValidationError):
        AgreementFields(
            title="Ours", commitments=(CommitmentFields(CommitmentSide.ME, "\x07"),)
        ).validated()
    with pytest.raises(ValidationError):
        AgreementFields(title="Ours", confidentiality="\x00").validated()


def test_ordinary_unicode_is_text() -> None:
    names = ["Zoë Ødegaard", "王芳", "محمد الأحمد", "Ngozi Adébáyọ̀", "👩🏽‍💻 Priya", "Ａｍａｒａ"]
    for name in names:
        assert MentorFields(name=name).validated().name == name


def test_terminal_output_never_carries_control_characters() -> None:
    assert terminal_safe("Ada\x1b[2J\x07") == "Ada\ufffd[2J\ufffd"
    assert terminal_safe("a\u202eb") == "a\ufffdb"
    assert terminal_safe("Zoë 王芳") == "Zoë 王芳"
