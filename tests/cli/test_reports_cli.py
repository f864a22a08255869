"""``mentordesk export pdf`` in a fresh interpreter with no display configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.reports.helpers import load_known


def _run(location: DataLocation, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["TZ"] = "UTC0"
    return subprocess.run(
        [sys.executable, "-m", "mentordesk", "--data-dir", str(location.root), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture
def known_folder(location: DataLocation, services: Services) -> DataLocation:
    load_known(services)
    return location


def test_summary_is_written_without_a_display(known_folder: DataLocation, tmp_path: Path) -> None:
    output = tmp_path / "zoe.pdf"
    result = _run(
        known_folder, "export", "pdf", "--report", "summary", "--mentor", "Zoë", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    assert "Wrote Relationship summary: Zoë Дмитриева" in result.stdout


def test_growth_prep_and_agreement(known_folder: DataLocation, tmp_path: Path) -> None:
    cases = [
        ("growth", "--from", "2023-01-01", "--to", "2023-12-31", "--paper", "letter"),
        ("agreement", "--mentor", "zoe"),
    ]
    for number, (report, *rest) in enumerate(cases):
        output = tmp_path / f"{number}.pdf"
        result = _run(known_folder, "export", "pdf", "--report", report, *rest, "-o", str(output))
        assert result.returncode == 0, result.stderr
        assert output.stat().st_size > 1000
    services = Services.open(known_folder, create=False)
    planned = next(m for m in services.meetings.between() if m.title == "Next talk")
    services.close()
    output = tmp_path / "prep.pdf"
    result = _run(
        known_folder,
        "export",
        "pdf",
        "--report",
        "prep",
        "--meeting",
        str(planned.id),
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    assert "1 page)" in result.stdout


def test_unknown_mentor_is_a_clear_refusal(known_folder: DataLocation, tmp_path: Path) -> None:
    output = tmp_path / "x.pdf"
    result = _run(
        known_folder,
        "export",
        "pdf",
        "--report",
        "summary",
        "--mentor",
        "Nobody",
        "-o",
        str(output),
    )
    assert result.returncode == 2
    assert "Nobody" in result.stderr and "no mentor" in result.stderr
    assert not output.exists()


def test_empty_range_writes_nothing(known_folder: DataLocation, tmp_path: Path) -> None:
    output = tmp_path / "x.pdf"
    result = _run(
        known_folder,
        "export",
        "pdf",
        "--report",
        "growth",
        "--from",
        "2030-01-01",
        "--to",
        "2030-12-31",
        "-o",
        str(output),
    )
    assert result.returncode == 1
    assert "Nothing was recorded in that range" in result.stderr
    assert os.listdir(tmp_path) == ["data"] or not output.exists()
    backwards = _run(
        known_folder,
        "export",
        "pdf",
        "--report",
        "growth",
        "--from",
        "2024-01-01",
        "--to",
        "2023-01-01",
        "-o",
        str(output),
    )
    assert backwards.returncode == 2
    assert "--from is after --to" in backwards.stderr
    assert not output.exists()


def test_an_existing_file_is_kept_without_force(known_folder: DataLocation, tmp_path: Path) -> None:
    output = tmp_path / "kept.pdf"
    output.write_bytes(b"mine")
    result = _run(
        known_folder, "export", "pdf", "--report", "summary", "--mentor", "Zoë", "-o", str(output)
    )
    assert result.returncode == 2
    assert output.read_bytes() == b"mine"
    forced = _run(
        known_folder,
        "export",
        "pdf",
        "--report",
        "summary",
        "--mentor",
        "Zoë",
        "-o",
        str(output),
        "--force",
    )
    assert forced.returncode == 0, forced.stderr
    assert output.read_bytes().startswith(b"%PDF")
