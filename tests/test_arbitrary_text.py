"""Any string at all, into every service that takes text and every command-line command:
each call stores the value and reads it back as it was (tidied: trimmed, line breaks of a
one-line field as spaces), or is refused with one line per field, and stores nothing.
Never a traceback, never a partial write."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.cli import main
from mentordesk.domain.agreement import AgreementFields, CommitmentFields, ObjectiveFields
from mentordesk.domain.enums import CommitmentSide
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.domain.validation import ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

SPECIAL = [
    "",
    " ",
    "\x00",
    "Ada\x00",
    "\x1b[31mred\x1b[0m",
    "\u202egnp.exe",
    "\u200b\u200b",
    "\udcff",
    "Zoë 王芳 محمد 👩🏽‍💻",
    "line one\nline two\ttab",
    "\r\n",
    "x" * 301,
    "y" * 100_001,
]
# Every code point, lone surrogates (undecodable bytes) and controls included.
ANY = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.sampled_from(SPECIAL),
)
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _refused_cleanly(error: ValidationError) -> None:
    assert error.field_errors
    for message in error.field_errors.values():
        assert message and "\n" not in message


def _tables(services: Services) -> tuple[int, ...]:
    return (
        services.mentors.count(),
        services.goals.count(),
        len(services.skills.list_all()),
        services.agreements.count(),
    )


@FAST
@given(name=ANY, organization=ANY, email=ANY, notes=ANY, tag=ANY)
def test_mentor_cards(
    services: Services, name: str, organization: str, email: str, notes: str, tag: str
) -> None:
    fields = MentorFields(name=name, organization=organization, notes=notes, tags=(tag,))
    fields = fields.replace(email=email if "@" in email else "")
    before = _tables(services)
    try:
        record = services.mentors.create(fields)
    except ValidationError as error:
        _refused_cleanly(error)
        assert _tables(services) == before
        return
    assert services.mentors.get(record.id).fields == fields.normalized()


@FAST
@given(title=ANY, description=ANY, milestone=ANY, note=ANY)
def test_goals_milestones_and_notes(
    services: Services, title: str, description: str, milestone: str, note: str
) -> None:
    before = _tables(services)
    try:
        goal = services.goals.create(
            GoalFields(title=title, description=description),
            milestones=[MilestoneFields(milestone)],
        )
    except ValidationError as error:
        _refused_cleanly(error)
        assert _tables(services) == before
        return
    stored = services.goals.get(goal.id)
    expected = GoalFields(title=title, description=description).normalized()
    assert (stored.fields.title, stored.fields.description) == (
        expected.title,
        expected.description,
    )
    assert stored.milestones[0].title == " ".join(milestone.replace("\n", " ").split())
    try:
        after = services.goals.add_note(goal.id, GoalNoteFields(date(2026, 1, 1), note))
    except ValidationError as error:
        _refused_cleanly(error)
        assert services.goals.get(goal.id).notes == ()
        return
    assert after.notes[0].text == note.strip()


@FAST
@given(name=ANY, category=ANY, evidence=ANY)
def test_skills_and_assessments(
    services: Services, name: str, category: str, evidence: str
) -> None:
    before = _tables(services)
    try:
        skill = services.skills.create(SkillFields(name=name, category=category))
    except ValidationError as error:
        _refused_cleanly(error)
        assert _tables(services) == before
        return
    assert services.skills.get(skill.id).fields == SkillFields(name, category).normalized()
    try:
        services.skills.add_assessment(
            skill.id, AssessmentFields(date(2020, 1, 1), 3, evidence=evidence)
        )
    except ValidationError as error:
        _refused_cleanly(error)
        assert services.skills.get(skill.id).assessments == ()
        return
    assert services.skills.get(skill.id).assessments[0].fields.evidence == evidence.strip()


@FAST
@given(title=ANY, place=ANY, boundaries=ANY, objective=ANY, promise=ANY)
def test_agreements(
    services: Services, title: str, place: str, boundaries: str, objective: str, promise: str
) -> None:
    mentor = services.mentors.list_all()
    mentor_id = mentor[0].id if mentor else services.mentors.create(MentorFields("Ada")).id
    fields = AgreementFields(
        title=title,
        place_or_link=place,
        out_of_scope=boundaries,
        objectives=(ObjectiveFields(objective),),
        commitments=(CommitmentFields(CommitmentSide.ME, promise),),
    )
    before = _tables(services)
    try:
        record = services.agreements.create(mentor_id, fields)
    except ValidationError as error:
        _refused_cleanly(error)
        assert _tables(services) == before
        return
    assert services.agreements.get(record.id).fields == fields.normalized()


@pytest.fixture
def data_dir(services: Services, location: DataLocation) -> DataLocation:
    services.close()
    return location


@FAST
@given(name=ANY, organization=ANY)
def test_the_command_line_adds_or_refuses(
    data_dir: DataLocation, capsys: pytest.CaptureFixture[str], name: str, organization: str
) -> None:
    args = ["--data-dir", str(data_dir.root), "mentors", "add"]
    count = _count(data_dir)
    code = main([*args, f"--name={name}", f"--organization={organization}", "--json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if code == 0:
        assert _count(data_dir) == count + 1
        expected = MentorFields(name=name, organization=organization).normalized()
        assert _names(data_dir)[-1] == expected.name
    else:
        assert code == 1
        assert _count(data_dir) == count
        assert captured.err.strip() and all(
            line.startswith("mentordesk: ") for line in captured.err.splitlines()
        )


@FAST
@given(folder=ANY)
def test_reading_commands_take_any_data_dir_and_write_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    folder: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    # The log is written, but in its own folder, outside the one watched here.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path.with_name(tmp_path.name + "-state")))
    before = sorted(os.listdir(tmp_path))
    for command in (["mentors", "list"], ["check"], ["backups", "list"]):
        code = main([f"--data-dir={folder}", *command])
        captured = capsys.readouterr()
        assert code in (0, 1, 2)
        assert "Traceback" not in captured.err
    assert sorted(os.listdir(tmp_path)) == before


def _count(location: DataLocation) -> int:
    services = Services.open(location, create=False)
    try:
        return services.mentors.count()
    finally:
        services.close()


def _names(location: DataLocation) -> list[str]:
    services = Services.open(location, create=False)
    try:
        return [m.name for m in sorted(services.mentors.list_all(), key=lambda m: m.id)]
    finally:
        services.close()
