"""``mentordesk export ics`` and ``mentordesk import ics``: what they print, store and refuse
(a one-line message naming the file, a non-zero exit status, never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from mentordesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, build_parser, main
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

DATA = Path(__file__).resolve().parents[1] / "interchange" / "data"
RANGE = ("--from", "2025-01-01", "--to", "2027-12-31")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    services = Services.open(DataLocation(tmp_path / "data"))
    try:
        services.mentors.create(MentorFields(name="Amara Okafor", email="amara@example.org"))
        services.mentors.create(MentorFields(name="José Álvarez", email="jose@example.org"))
    finally:
        services.close()
    return tmp_path / "data"


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def _count(data_dir: Path) -> int:
    services = Services.open(DataLocation(data_dir))
    try:
        return services.meetings.count()
    finally:
        services.close()


def test_import_prints_what_it_did_and_again_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = DATA / "google.ics"
    assert _run(data_dir, "import", "ics", str(path), *RANGE) == EXIT_OK
    out = capsys.readouterr().out
    assert f"Imported {path} (events from 2025-01-01 to 2027-12-31): 10 new meetings" in out
    assert "A backup was taken first:" in out
    assert "3 meetings have no mentor yet" in out and "Coffee with Priya" in out
    assert _count(data_dir) == 10

    assert _run(data_dir, "import", "ics", str(path), *RANGE) == EXIT_OK
    out = capsys.readouterr().out
    assert "0 new meetings, 0 updated, 10 unchanged." in out
    assert "backup" not in out
    assert _count(data_dir) == 10


def test_dry_run_writes_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "import", "ics", str(DATA / "apple.ics"), *RANGE, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Would import" in out and "[left out: lasts longer than two days]" in out
    assert "Nothing was written (--dry-run)." in out
    assert _count(data_dir) == 0
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").iterdir())


@pytest.mark.parametrize(
    "name", ["truncated.ics", "invalid_date.ics", "not_a_calendar.ics", "never_occurs.ics"]
)
def test_a_file_that_cannot_be_imported_is_one_line_and_exit_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = DATA / "malformed" / name
    assert _run(data_dir, "import", "ics", str(path), *RANGE) == EXIT_FAILED
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"mentordesk: {path}: ") and line.endswith("Nothing was imported.")
    assert _count(data_dir) == 0


def test_bad_command_lines(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(DATA / "google.ics")
    assert _run(data_dir, "import", "ics", path, "--from", "2026-13-01") == EXIT_USAGE
    assert "--from: “2026-13-01” is not a date" in capsys.readouterr().err
    assert _run(data_dir, "import", "ics", path, "--from", "2026-05-01", "--to", "2026-01-01") == 2
    assert "--from is after --to" in capsys.readouterr().err
    # One end alone, on the wrong side of the default's other end: said, not blamed on the file.
    assert _run(data_dir, "import", "ics", path, "--from", "2999-01-01") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "--from 2999-01-01 is after" in err and "give --to as well" in err
    assert _run(data_dir, "import", "ics", path, "--to", "1999-01-01") == EXIT_USAGE
    assert "give --from as well" in capsys.readouterr().err
    assert _count(data_dir) == 0
    assert _run(data_dir, "export", "ics", "-o", "x.ics", "--mentor", "Nobody") == EXIT_USAGE
    assert "no mentor has that name" in capsys.readouterr().err


def test_export_writes_a_file_and_refuses_when_nothing_matches(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "import", "ics", str(DATA / "google.ics"), *RANGE) == EXIT_OK
    capsys.readouterr()
    out = tmp_path / "jose.ics"
    assert _run(data_dir, "export", "ics", "-o", str(out), "--mentor", "José") == EXIT_OK
    assert capsys.readouterr().out == f"Exported 5 meetings to {out}.\n"
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert isinstance(calendar, icalendar.Calendar)
    assert len(calendar.walk("VEVENT")) == 5
    none = tmp_path / "none.ics"
    args = ("export", "ics", "-o", str(none), "--from", "2030-01-01")
    assert _run(data_dir, *args) == EXIT_FAILED
    assert "No meetings match" in capsys.readouterr().err and not none.exists()
    folder = tmp_path / "missing" / "x.ics"
    assert _run(data_dir, "export", "ics", "-o", str(folder)) == EXIT_FAILED
    err = capsys.readouterr().err
    assert f"{folder}: It cannot be written" in err and "Nothing was written." in err


def test_help_says_the_default_days() -> None:
    parser = build_parser()
    text = " ".join(
        parser._subparsers._group_actions[0]  # type: ignore[union-attr]
        .choices["import"]
        ._subparsers._group_actions[0]  # type: ignore[union-attr]
        .choices["ics"]
        .format_help()
        .split()
    )
    assert "default: one year before today" in text
    assert "default: one year after today" in text


def test_no_traceback_from_a_real_process(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    path = DATA / "malformed" / "nested.ics"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mentordesk",
            "--data-dir",
            str(data_dir),
            "import",
            "ics",
            str(path),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == EXIT_FAILED
    assert "Traceback" not in result.stderr
    assert "nested more than 6 deep" in result.stderr
