"""Notes as Markdown: one file per mentor and goal with what the brief names, file names safe
on every platform, and a folder written whole or not at all."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange.archive_format import ArchiveError
from mentordesk.interchange.markdown_export import MarkdownExport
from mentordesk.interchange.markdown_names import MAX_NAME_BYTES, UniqueNames, safe_stem
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder the notes go into (the data folder is beside it)."""
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


@pytest.fixture
def sample(services: Services) -> Services:
    load_sample_data(services, SampleSize.SMALL)
    return services


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amara Okafor", "Amara Okafor"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1", "_Com1"),
        ("ends with dots...", "ends with dots"),
        ("  spaced \t out\nlines  ", "spaced out lines"),
        ("", "untitled"),
        ("...", "untitled"),
        ("tab\x00null\x1bescape", "tab null escape"),
        ("José", "José"),
    ],
)
def test_safe_stem(text: str, expected: str) -> None:
    assert safe_stem(text) == expected


def test_safe_stems_are_composed_and_limited() -> None:
    assert safe_stem("Jose\u0301") == "Jos\u00e9"
    long = safe_stem("王" * 200)
    assert len(long.encode("utf-8")) <= MAX_NAME_BYTES
    assert long == "王" * (MAX_NAME_BYTES // 3)


def test_unique_names_ignore_case() -> None:
    names = UniqueNames()
    assert [names.name(t) for t in ("Sam", "sam", "SAM", "Sam (2)")] == [
        "Sam.md",
        "sam (2).md",
        "SAM (3).md",
        "Sam (2) (2).md",
    ]


def _front_matter(text: str) -> dict[str, str]:
    assert text.startswith("---\n")
    block = text[4 : text.index("\n---\n")]
    return dict(line.split(": ", 1) for line in block.splitlines())


def test_a_file_per_mentor_and_goal(sample: Services, out: Path) -> None:
    folder = out / "notes"
    result = MarkdownExport(sample).write(folder)
    mentors = sample.mentors.list_all()
    goals = sample.goals.list_all()
    assert (result.mentors, result.goals) == (len(mentors), len(goals))
    assert len(list((folder / "mentors").iterdir())) == len(mentors)
    assert len(list((folder / "goals").iterdir())) == len(goals)
    index = (folder / "index.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(<([^>]+)>\)", index):
        assert (folder / link).is_file()
    assert [p.name for p in out.iterdir()] == ["notes"], "no temporary folder is left"


def test_a_mentors_file_holds_card_agreement_and_meetings_in_order(
    sample: Services, out: Path
) -> None:
    MarkdownExport(sample).write(out / "notes")
    mentor = next(m for m in sample.mentors.list_all() if sample.agreements.for_mentor(m.id))
    text = (out / "notes" / "mentors" / f"{mentor.name}.md").read_text(encoding="utf-8")
    front = _front_matter(text)
    assert front["name"] == f'"{mentor.name}"'
    assert front["email"] == f'"{mentor.fields.email}"'
    agreement = sample.agreements.for_mentor(mentor.id)[0]
    assert f"## Agreement: {agreement.fields.title}" in text
    every = sample.meetings.between(
        datetime(1900, 1, 1, tzinfo=UTC), datetime(2999, 1, 1, tzinfo=UTC)
    )
    meetings = sorted((m for m in every if mentor.id in m.mentor_ids), key=lambda m: m.starts_at)
    assert meetings
    positions = [text.index(f": {m.title}\n") for m in meetings]
    assert positions == sorted(positions)
    held = next(m for m in meetings if m.fields.agenda and m.fields.advice)
    for item in held.fields.agenda:
        assert f"] {item.text}" in text
    for advice in held.fields.advice:
        assert f"- {advice}" in text
    items = [
        i for i in sample.action_items.list_all() if i.fields.meeting_id in {m.id for m in meetings}
    ]
    assert items and all(i.text in text for i in items)
    # The person's own headings in notes sit below the meeting's heading.
    assert not re.search(r"^#{1,3} (Where things stand|What we discussed)", text, re.M)


def test_names_that_are_not_file_names(services: Services, out: Path) -> None:
    for name in ("CON", "A/B: C?", "a/b: c?", "x" * 300):
        services.mentors.create(MentorFields(name=name[:200]))
    MarkdownExport(services).write(out / "notes")
    names = sorted(p.name for p in (out / "notes" / "mentors").iterdir())
    assert names == sorted(
        ["_CON.md", "A-B- C-.md", "a-b- c- (2).md", "x" * MAX_NAME_BYTES + ".md"]
    )
    for name in names:
        assert not WINDOWS_FORBIDDEN & set(name)


def test_a_folder_with_files_is_refused_unless_forced(sample: Services, out: Path) -> None:
    folder = out / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(ArchiveError, match="is not empty"):
        MarkdownExport(sample).write(folder)
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]
    MarkdownExport(sample).write(folder, replace=True)
    assert sorted(p.name for p in folder.iterdir()) == ["goals", "index.md", "mentors"]
    assert [p.name for p in out.iterdir()] == ["notes"]


def test_the_data_folder_is_never_replaced(sample: Services) -> None:
    data = sample.database.location.root
    for folder in (data, data.parent):
        with pytest.raises(ArchiveError, match="holds your data folder"):
            MarkdownExport(sample).write(folder, replace=True)
    assert sample.database.location.database.is_file()


def test_an_empty_folder_is_used(sample: Services, out: Path) -> None:
    (out / "notes").mkdir()
    MarkdownExport(sample).write(out / "notes")
    assert (out / "notes" / "index.md").is_file()


def test_a_failed_write_leaves_nothing(
    sample: Services, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = Path.write_text

    def failing(self: Path, *args: Any, **kwargs: Any) -> int:
        calls.append(self)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(ArchiveError, match="No space left"):
        MarkdownExport(sample).write(out / "notes")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("failure", [RuntimeError("a bug"), KeyboardInterrupt()])
def test_a_failure_of_any_kind_leaves_no_staging_folder(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    import mentordesk.interchange.markdown_export as markdown

    services.mentors.create(MentorFields(name="Amara Okafor"))

    def fail(_staging: Path, _folder: Path) -> None:
        raise failure

    monkeypatch.setattr(markdown, "_put_in_place", fail)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(type(failure)):
        MarkdownExport(services).write(out / "notes")
    assert list(out.iterdir()) == []
