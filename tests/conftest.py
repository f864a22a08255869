"""Test-wide set-up: Qt runs offscreen, and every test gets its own data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any Qt import so nobody running the tests needs a display or has to export it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MENTORDESK_DATA_DIR", None)

from mentordesk.paths import DataLocation


@pytest.fixture
def location(tmp_path: Path) -> DataLocation:
    """An empty data folder of this test's own; nothing touches the real user data."""
    return DataLocation(tmp_path / "data")


@pytest.fixture(autouse=True)
def _no_real_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Point the platform default at a temporary folder too, in case code forgets an override."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
