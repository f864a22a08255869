"""Test-wide set-up: Qt runs offscreen, every test gets its own data folder, and the fixtures
most tests share (open services over an empty database, a clock the test moves)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import so nobody running the tests needs a display or has to export it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("MENTORDESK_DATA_DIR", None)

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.helpers import Clock


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--all",
        action="store_true",
        help="also run the slow tests (the crash test, the decade sample, building the wheel)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A quick run by default (under about a minute); ./bootstrap test runs everything."""
    if config.getoption("--all"):
        return
    skip = pytest.mark.skip(reason="slow: run with --all (./bootstrap test does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def location(tmp_path: Path) -> DataLocation:
    """An empty data folder of this test's own; nothing touches the real user data."""
    return DataLocation(tmp_path / "data")


@pytest.fixture(autouse=True)
def _no_real_user_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Point the platform default at a temporary folder too, in case code forgets an override."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the log folder
    monkeypatch.delenv("MENTORDESK_DEBUG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty database, made once: each test starts from a copy (migrating is slow)."""
    template = DataLocation(tmp_path_factory.mktemp("template") / "data")
    Services.open(template).close()
    return template.database


@pytest.fixture
def services(location: DataLocation, empty_database: Path) -> Iterator[Services]:
    """Every service, open over this test's own (empty) database."""
    location.root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(empty_database, location.database)
    os.chmod(location.database, 0o600)
    opened = Services.open(location)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def local_time_is_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Services take "today" in local time; pin it so dates do not depend on the machine."""
    monkeypatch.setenv("TZ", "UTC0")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
