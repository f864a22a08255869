"""Resources (the icon now; desktop entry, metadata and translations later) live in the
top-level resources/ folder, travel in the wheel, and are found wherever MentorDesk runs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mentordesk.paths import resource_path, resources_dir

ROOT = Path(__file__).resolve().parent.parent


def test_a_source_checkout_finds_the_top_level_resources() -> None:
    assert resources_dir() == ROOT / "resources"
    assert resource_path("icons", "mentordesk.svg").is_file()


def test_a_frozen_bundle_finds_them_beside_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "mentordesk" / "resources"


@pytest.mark.slow
def test_the_wheel_carries_the_resources_and_finds_them_once_installed(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("mentordesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "mentordesk/resources/icons/mentordesk.svg" in names
    drawings = {
        path.name for path in (Path(__file__).parent.parent / "resources/icons/ui").iterdir()
    }
    assert drawings and {f"mentordesk/resources/icons/ui/{name}" for name in drawings} <= names
    assert "mentordesk/db/migrations/script.py.mako" in names
    # Installed (the wheel's contents on the path, not the checkout): found in the package.
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from mentordesk.paths import resource_path as r; "
            "p = r('icons', 'mentordesk.svg'); print(p); assert p.is_file()",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip().startswith(str(tmp_path / "site" / "mentordesk" / "resources"))
