"""What a failed read or write says: the truth (busy, full, read-only), in words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from mentordesk.db import engine
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import StorageError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services


def _failing(detail: str) -> OperationalError:
    return OperationalError("INSERT ...", {}, sqlite3.OperationalError(detail))


def _message(detail: str, database: Path | None = None, *, reading: bool = False) -> str:
    with pytest.raises(StorageError) as caught, engine.storage_errors(database, reading=reading):
        raise _failing(detail)
    return str(caught.value)


def test_a_read_that_fails_says_it_could_not_read_not_that_a_change_was_lost() -> None:
    message = _message("attempt to write a readonly database", reading=True)
    assert "could not be read" in message and "read-only" in message
    assert "not saved" not in message


def test_a_vague_io_error_on_a_nearly_full_disk_is_called_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "mentordesk.sqlite3"
    assert "disk I/O error" in _message("disk I/O error", database)  # plenty of space
    monkeypatch.setattr(engine.shutil, "disk_usage", lambda _p: type("U", (), {"free": 10})())
    assert "The disk is full" in _message("disk I/O error", database)


def test_a_write_in_a_read_only_database_says_read_only(location: DataLocation) -> None:
    services = Services.open(location)
    services.close()
    viewer = Services.open(location, read_only=True)
    try:
        assert viewer.read_only
        assert viewer.mentors.list_all() == []
        with pytest.raises(StorageError, match="read-only, so the change was not saved"):
            viewer.mentors.create(MentorFields(name="Ada"))
    finally:
        viewer.close()
