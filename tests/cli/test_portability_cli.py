"""``mentordesk export archive|markdown|vcard`` and ``mentordesk import archive|vcard|linkedin``:
what they print, write and refuse (a one-line message naming the file, a non-zero exit
status, nothing stored)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from mentordesk.cli import EXIT_FAILED, EXIT_OK, build_parser, main
from mentordesk.db import archive_rows
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

DATA = Path(__file__).resolve().parents[1] / "interchange" / "data"


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    services = Services.open(DataLocation(tmp_path / "sample"))
    try:
        load_sample_data(services, SampleSize.SMALL)
    finally:
        services.close()
    return tmp_path / "sample"


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def _rows(data_dir: Path) -> int:
    services = Services.open(DataLocation(data_dir), create=False)
    try:
        return sum(
            archive_rows.count_rows(services.sessions, archive_rows.stored_tables()).values()
        )
    finally:
        services.close()


def test_the_formats_are_listed_under_export_and_import() -> None:
    parser = build_parser()
    for argv in (
        ["export", "archive", "-o", "x"],
        ["export", "markdown", "-o", "x"],
        ["export", "vcard", "-o", "x", "--mentor", "A", "--mentor", "B"],
        ["import", "archive", "x"],
        ["import", "vcard", "x", "--dry-run"],
        ["import", "linkedin", "x", "--dry-run"],
        ["export", "ics", "-o", "x"],
        ["import", "ics", "x"],
    ):
        args = parser.parse_args(argv)
        assert getattr(args, f"{argv[0]}_format") == argv[1]


def test_archive_out_and_in(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "everything.zip"
    assert _run(sample_dir, "export", "archive", "-o", str(archive)) == EXIT_OK
    out = capsys.readouterr().out
    assert f"Exported everything to {archive}: 6 mentors" in out
    assert zipfile.is_zipfile(archive)

    assert _run(tmp_path / "new", "import", "archive", str(archive), "--dry-run") == EXIT_OK
    assert "Nothing was written (--dry-run)" in capsys.readouterr().out
    assert not (tmp_path / "new").exists()

    assert _run(tmp_path / "new", "import", "archive", str(archive)) == EXIT_OK
    out = capsys.readouterr().out
    assert "Imported" in out and "A backup was taken first" in out
    assert _rows(tmp_path / "new") == _rows(sample_dir)

    archive.write_bytes(b"an older archive")
    assert _run(sample_dir, "export", "archive", "-o", str(archive)) == EXIT_FAILED
    assert "already exists; add --force" in capsys.readouterr().err
    assert archive.read_bytes() == b"an older archive"
    assert _run(sample_dir, "export", "archive", "-o", str(archive), "--force") == EXIT_OK
    assert zipfile.is_zipfile(archive)


def test_archive_into_a_folder_with_data_is_refused(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "everything.json"
    assert _run(sample_dir, "export", "archive", "-o", str(archive)) == EXIT_OK
    before = _rows(sample_dir)
    assert _run(sample_dir, "import", "archive", str(archive)) == EXIT_FAILED
    assert "already holds data" in capsys.readouterr().err
    assert _rows(sample_dir) == before


def test_a_malformed_archive_is_refused_naming_the_file(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "everything.json"
    assert _run(sample_dir, "export", "archive", "-o", str(archive)) == EXIT_OK
    document = json.loads(archive.read_text(encoding="utf-8"))
    document["goals"][0]["mentor_ids"] = [4242]
    archive.write_text(json.dumps(document), encoding="utf-8")
    assert _run(tmp_path / "new", "import", "archive", str(archive)) == EXIT_FAILED
    err = capsys.readouterr().err
    assert str(archive) in err and "no record with id 4242 in mentors" in err
    assert err.count("\n") == 1, "one line, no traceback"
    assert not (tmp_path / "new").exists(), "a file that cannot be used opens no folder"


def test_markdown_out(sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    assert _run(sample_dir, "export", "markdown", "-o", str(notes)) == EXIT_OK
    assert f"Exported 6 mentors and 4 goals as Markdown to {notes}." in capsys.readouterr().out
    assert len(list((notes / "mentors").glob("*.md"))) == 6
    assert _run(sample_dir, "export", "markdown", "-o", str(notes)) == EXIT_FAILED
    assert "is not empty" in capsys.readouterr().err
    assert _run(sample_dir, "export", "markdown", "-o", str(notes), "--force") == EXIT_OK


def test_vcard_out_for_named_mentors(
    sample_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "two.vcf"
    argv = ("export", "vcard", "-o", str(out), "--mentor", "Amara", "--mentor", "Hannah")
    assert _run(sample_dir, *argv) == EXIT_OK
    assert f"Exported 2 mentors to {out}." in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "FN:Amara Okafor" in text and "FN:Hannah Schröder" in text
    assert text.count("BEGIN:VCARD") == 2
    nobody = ("export", "vcard", "-o", str(tmp_path / "x.vcf"), "--mentor", "Nobody")
    assert _run(sample_dir, *nobody) != EXIT_OK
    assert not (tmp_path / "x.vcf").exists()


def test_vcard_in_dry_run_then_for_real(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    services = Services.open(DataLocation(data_dir))
    try:
        services.mentors.create(MentorFields(name="Amara Okafor", title="CTO"))
    finally:
        services.close()
    path = DATA / "contacts" / "google.vcf"
    assert _run(data_dir, "import", "vcard", str(path), "--dry-run") == EXIT_OK
    out = capsys.readouterr().out
    assert f"Would import {path} (vCard): 2 new, 1 updated, 0 skipped" in out
    assert "update  Amara Okafor (matched by name): fills organization" in out
    assert "title left as in MentorDesk: 'CTO' (the file says 'VP Engineering')" in out
    assert "Nothing was written (--dry-run)." in out
    assert _names(data_dir) == ["Amara Okafor"]
    assert _run(data_dir, "import", "vcard", str(path)) == EXIT_OK
    out = capsys.readouterr().out
    assert "Imported" in out and "A backup was taken first" in out
    assert _names(data_dir) == ["Amara Okafor", "José Álvarez-Ruiz", "王芳"]


def test_linkedin_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "contacts" / "Connections.csv"
    assert _run(tmp_path / "data", "import", "linkedin", str(path)) == EXIT_OK
    out = capsys.readouterr().out
    assert "(LinkedIn): 4 new, 0 updated, 0 skipped." in out
    assert "line 8: no name: left out" in out
    assert len(_names(tmp_path / "data")) == 4


@pytest.mark.parametrize(
    ("fmt", "name", "where"),
    [
        ("vcard", "truncated.vcf", "line 5"),
        ("vcard", "latin1.vcf", "line 7"),
        ("linkedin", "other-columns.csv", "line 4"),
        ("linkedin", "utf16.csv", "line 1"),
    ],
)
def test_bad_contact_files_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str, where: str
) -> None:
    path = DATA / "contacts" / "malformed" / name
    assert _run(tmp_path / "data", "import", fmt, str(path)) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{path}, {where}: " in err and "Nothing was imported." in err
    assert err.count("\n") == 1
    assert not (tmp_path / "data").exists()


def _names(data_dir: Path) -> list[str]:
    services = Services.open(DataLocation(data_dir), create=False)
    try:
        return sorted(m.name for m in services.mentors.list_all())
    finally:
        services.close()
