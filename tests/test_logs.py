"""The log file: written where the platform keeps logs, private, rotated, and free of what
the person wrote, whatever happens (commands, backups, refusals, errors with tracebacks)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from mentordesk import logs
from mentordesk.cli import main
from mentordesk.domain.goal import GoalFields
from mentordesk.logs import configure_logging, describe_exception, log_files, stop_logging
from mentordesk.paths import DataLocation, log_dir
from mentordesk.services.context import Services

# A word that appears nowhere in MentorDesk's code: if it is in the log, the log leaked.
MARKER = "Quillfeather"


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    logs_folder = tmp_path / "logs"
    yield logs_folder
    stop_logging()


def _log_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in log_files(folder))


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_the_log_lives_in_the_platform_log_folder(tmp_path: Path) -> None:
    assert log_dir() == tmp_path / "xdg-state" / "MentorDesk" / "log"  # set by conftest


def test_the_log_is_private_and_says_when_and_who(folder: Path) -> None:
    path = configure_logging(folder)
    logging.getLogger("mentordesk.test").info("started in %d ms", 12)
    _flush()
    assert path == folder / "mentordesk.log"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    line = path.read_text(encoding="utf-8").strip()
    assert line.endswith(f"{os.getpid()} INFO mentordesk.test: started in 12 ms")


def test_only_debug_logging_keeps_debug_records(folder: Path) -> None:
    configure_logging(folder)
    logging.getLogger("mentordesk.x").debug("detail one")
    configure_logging(folder, debug=True)  # reconfiguring replaces the handler
    logging.getLogger("mentordesk.x").debug("detail two")
    _flush()
    written = _log_text(folder)
    assert "detail one" not in written
    assert written.count("detail two") == 1


def test_libraries_log_only_warnings(folder: Path) -> None:
    configure_logging(folder, debug=True)
    logging.getLogger("sqlalchemy.engine").info("SELECT secret FROM notes")
    logging.getLogger("sqlalchemy.engine").warning("pool overflow")
    _flush()
    written = _log_text(folder)
    assert "SELECT secret" not in written and "pool overflow" in written


def test_debug_is_asked_for_by_flag_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not logs.debug_requested()
    assert logs.debug_requested(True)
    monkeypatch.setenv("MENTORDESK_DEBUG", "1")
    assert logs.debug_requested()
    monkeypatch.setenv("MENTORDESK_DEBUG", "0")
    assert not logs.debug_requested()


def test_the_log_rotates_into_a_few_files(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    configure_logging(folder)
    for n in range(400):
        logging.getLogger("mentordesk.test").info("record %04d of a long session", n)
    _flush()
    files = log_files(folder)
    assert [p.name for p in files] == [
        "mentordesk.log",
        *(f"mentordesk.log.{n}" for n in range(1, logs.BACKUP_COUNT + 1)),
    ]
    assert all(p.stat().st_size <= 2_000 for p in files)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert "record 0399" in files[0].read_text(encoding="utf-8")


def test_an_unwritable_log_folder_means_no_log_not_no_app(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert configure_logging(blocker / "logs") is None
    logging.getLogger("mentordesk.test").error("still fine")  # nothing raised
    stop_logging()


def _raise_chain() -> None:
    try:
        {}[MARKER]
    except KeyError as exc:
        raise ValueError(f"could not read “{MARKER}”") from exc


def test_tracebacks_keep_the_place_and_withhold_messages_that_may_be_personal() -> None:
    with pytest.raises(ValueError) as raised:
        _raise_chain()
    withheld = describe_exception(raised.value, withhold=True)
    assert MARKER not in withheld
    assert "KeyError: <message withheld from the log" in withheld
    assert "ValueError: <message withheld from the log" in withheld
    assert "direct cause" in withheld and "_raise_chain" in withheld
    full = describe_exception(raised.value, withhold=False)
    assert f"ValueError: could not read “{MARKER}”" in full


def test_messages_about_the_program_are_kept() -> None:
    try:
        None.missing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "'NoneType' object has no attribute 'missing'" in describe_exception(
            exc, withhold=True
        )


def test_nothing_personal_reaches_the_log(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commands, refusals, backups, a failed statement and an unexpected error, each
    carrying the marker word in the person's text: the log tells of each, never the word.
    With debug logging on, which logs the most."""
    monkeypatch.setenv("MENTORDESK_DEBUG", "1")
    folder = log_dir()
    data = f"--data-dir={location.root}"
    assert main([data, "mentors", "add", "--name", f"Ada {MARKER}", "--email", "a@b.org"]) == 0
    assert main([data, "mentors", "add", "--name", "X", "--email", f"{MARKER}-no-at"]) == 1
    assert main([data, "backup"]) == 0
    assert main([data, "restore", str(location.root / f"{MARKER}.sqlite3")]) == 1

    configure_logging(folder, debug=True)  # as the GUI runs
    services = Services.open(location)
    try:
        (ada,) = services.mentors.list_all()
        services.mentors.update(ada.id, ada.fields.replace(notes=f"Met {MARKER} at the café"))
        services.goals.create(GoalFields(title=f"Learn {MARKER}"))
        with pytest.raises(IntegrityError) as failed, services.database.engine.begin() as db:
            db.execute(
                text("INSERT INTO mentor (id, name) VALUES (:id, :name)"),
                {"id": ada.id, "name": MARKER},
            )
        logging.getLogger("mentordesk.test").error("a statement failed", exc_info=failed.value)
        try:
            raise RuntimeError(f"unexpected while showing {MARKER}")
        except RuntimeError:
            logging.getLogger("mentordesk.test").exception("unexpected error")
    finally:
        services.close()
        stop_logging()
    written = _log_text(folder)
    assert "backup taken: mentordesk-" in written
    assert "mentors refused invalid input (email)" in written
    assert "IntegrityError" in written and "INSERT INTO mentor" in written
    assert "RuntimeError: <message withheld" in written
    assert MARKER.casefold() not in written.casefold()


def test_names_in_fields_are_not_logged_when_a_sample_loads(location: DataLocation) -> None:
    assert main([f"--data-dir={location.root}", "sample-data"]) == 0
    written = _log_text(log_dir())
    assert "loaded the small sample: " in written
    services = Services.open(location)
    try:
        names = [m.name for m in services.mentors.list_all()]
    finally:
        services.close()
    assert names and not any(name in written for name in names)
