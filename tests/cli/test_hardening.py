"""What a hostile afternoon with the command line and the file system found: each case is a
message (never a traceback), and nothing is written where it should not be."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from mentordesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from mentordesk.db import backup as backup_module
from mentordesk.db.schema import HEAD_REVISION
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DATA_DIR_ENV, DataLocation
from mentordesk.services.backups import BackupService
from mentordesk.services.context import Services


@pytest.fixture
def with_backup(location: DataLocation) -> DataLocation:
    """A data folder whose database was deleted, but whose backups/ holds a snapshot."""
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Amara Okafor"))
    services.close()
    BackupService(location).snapshot("manual")
    for path in location.root.glob("mentordesk.sqlite3*"):
        path.unlink()
    return location


def run(location: DataLocation, *args: str) -> int:
    return main(["--data-dir", str(location.root), *args])


# --- 1. the data file is missing but backups exist ----------------------------------------


@pytest.mark.parametrize("command", [["mentors", "list"], ["mentors", "add", "--name", "Bo"]])
def test_a_missing_data_file_is_said_so_with_the_newest_backup_and_nothing_is_created(
    with_backup: DataLocation, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert run(with_backup, *command) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "is missing" in err and "newest good backup is from" in err
    assert "mentordesk recover" in err
    assert not with_backup.database.exists()


def test_recover_restores_the_newest_backup_of_a_missing_data_file(
    with_backup: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(with_backup, "recover") == EXIT_OK
    out = capsys.readouterr().out
    assert "Restored the backup from" in out
    assert "nothing to recover" not in out
    services = Services.open(with_backup)
    assert [m.name for m in services.mentors.list_all()] == ["Amara Okafor"]
    services.close()


def test_check_names_a_missing_data_file(
    with_backup: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(with_backup, "check") == EXIT_FAILED
    assert "is missing" in capsys.readouterr().out
    assert not with_backup.database.exists()


# --- 2. an empty data folder is an error, not the real one --------------------------------


def test_an_empty_data_dir_is_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = tmp_path / "xdg-data" / "MentorDesk"
    assert main(["--data-dir", "", "mentors", "add", "--name", "Bo"]) == EXIT_USAGE
    assert "--data-dir is empty" in capsys.readouterr().err
    monkeypatch.setenv(DATA_DIR_ENV, "")
    assert main(["mentors", "add", "--name", "Bo"]) == EXIT_USAGE
    assert f"{DATA_DIR_ENV} is set but empty" in capsys.readouterr().err
    assert not real.exists()


# --- 3. read-only commands on a folder that does not exist --------------------------------


@pytest.mark.parametrize(
    "command", [["mentors", "list"], ["check"], ["backups", "list"], ["recover"]]
)
def test_reading_commands_on_a_missing_folder_create_nothing(
    location: DataLocation, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    assert run(location, *command) == EXIT_FAILED
    captured = capsys.readouterr()
    assert "holds no MentorDesk data" in captured.out + captured.err
    assert not location.root.exists()


def test_writing_commands_create_a_new_data_folder(location: DataLocation) -> None:
    assert run(location, "mentors", "add", "--name", "Bo") == EXIT_OK
    assert location.database.exists()


# --- 4. a dangling link in place of the database -------------------------------------------


def test_a_dangling_link_is_reported_and_nothing_is_written(
    location: DataLocation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location.root.mkdir(parents=True)
    target = tmp_path / "elsewhere" / "gone.sqlite3"
    location.database.symlink_to(target)
    for command in (["mentors", "add", "--name", "Bo"], ["mentors", "list"], ["check"]):
        assert run(location, *command) == EXIT_FAILED
        captured = capsys.readouterr()
        assert "which does not exist" in captured.out + captured.err
    assert not target.exists() and not target.parent.exists()


def test_a_link_to_a_real_database_works(location: DataLocation, tmp_path: Path) -> None:
    real = DataLocation(tmp_path / "real")
    Services.open(real).close()
    location.root.mkdir(parents=True)
    location.database.symlink_to(real.database)
    assert run(location, "mentors", "add", "--name", "Bo") == EXIT_OK
    services = Services.open(real)
    assert [m.name for m in services.mentors.list_all()] == ["Bo"]
    services.close()


# --- 5. backups that cannot be written -----------------------------------------------------


def test_backup_to_a_missing_folder_or_an_empty_name_is_a_message(
    services: Services, location: DataLocation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.close()
    assert run(location, "backup", "--to", str(tmp_path / "no" / "such" / "b.sqlite3")) == 1
    assert "does not exist" in capsys.readouterr().err
    assert run(location, "backup", "--to", "") == EXIT_USAGE
    assert "--to is empty" in capsys.readouterr().err
    assert not location.backups.exists()  # "" did not silently mean backups/


def test_backup_on_a_full_disk_is_a_message(
    services: Services,
    location: DataLocation,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.close()

    def full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "copy_database", full)
    assert run(location, "backup") == EXIT_FAILED
    assert "the disk is full" in capsys.readouterr().err
    assert list(location.backups.glob("*")) == []  # no partial file left


# --- 6. arguments that are not valid UTF-8 -------------------------------------------------


@pytest.mark.parametrize("option", ["--name", "--organization", "--email"])
def test_undecodable_arguments_are_refused_with_a_message(
    location: DataLocation, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    broken = "\udcff"  # how Python hands over the byte 0xFF of an argument
    args = ["mentors", "add", "--name", "Ada", option, f"ada{broken}@example.org"]
    assert run(location, *args) == EXIT_FAILED
    assert "not valid text" in capsys.readouterr().err


# --- 9. messages that say what is true -----------------------------------------------------


def test_a_data_folder_that_is_a_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("mine")
    assert main(["--data-dir", str(file), "mentors", "add", "--name", "Bo"]) == EXIT_FAILED
    assert "is a file, not a folder" in capsys.readouterr().err
    assert file.read_text() == "mine"


def test_a_damaged_database_without_backups_does_not_point_at_backups(
    location: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    Services.open(location).close()
    data = bytearray(location.database.read_bytes())
    data[4096 : 4096 * 2] = b"\x5a" * 4096
    location.database.write_bytes(bytes(data))
    assert run(location, "mentors", "list") == EXIT_FAILED
    err = capsys.readouterr().err
    assert "damaged" in err and "there is no backup" in err


# --- 10. backups from a newer version are listed as such -----------------------------------


def test_backups_list_marks_a_snapshot_from_a_newer_version(
    services: Services, location: DataLocation, capsys: pytest.CaptureFixture[str]
) -> None:
    info = BackupService(location).snapshot("manual")
    connection = sqlite3.connect(info.path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    services.close()
    assert run(location, "backups", "list") == EXIT_OK
    line = capsys.readouterr().out.strip()
    assert "from a newer version" in line and " ok " not in line
    assert HEAD_REVISION  # this version's own snapshots are listed "ok" (tests/backups)


# --- 11. text that is not text -------------------------------------------------------------


@pytest.mark.parametrize("control", ["\x1b", "\x07", "\x00", "\x7f", "\u202e"])
def test_control_characters_are_refused_and_never_reach_the_terminal(
    location: DataLocation, capsys: pytest.CaptureFixture[str], control: str
) -> None:
    assert run(location, "mentors", "add", "--name", f"Ada{control}Lovelace") == EXIT_FAILED
    assert control not in capsys.readouterr().err
    assert run(location, "mentors", "add", "--name", "Ada") == EXIT_OK
    capsys.readouterr()
    # A database from before the rule (or edited by hand) still prints safely.
    connection = sqlite3.connect(location.database)
    connection.execute("UPDATE mentor SET organization = ?", (f"\x1b[2J{control}Evil",))
    connection.commit()
    connection.close()
    assert run(location, "mentors", "list") == EXIT_OK
    assert run(location, "mentors", "list", "--json") == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and control not in out
    assert "Evil" in out


# --- 12. files only the user can read ------------------------------------------------------


def test_opening_tightens_the_folder_and_database_whatever_the_umask(
    location: DataLocation,
) -> None:
    Services.open(location).close()
    os.chmod(location.root, 0o755)
    os.chmod(location.database, 0o644)
    old = os.umask(0)
    try:
        assert run(location, "mentors", "add", "--name", "Bo") == EXIT_OK
        services = Services.open(location)
        services.mentors.create(MentorFields(name="Cy"))  # -wal and -shm exist while open
        files = [location.database, *location.root.glob("mentordesk.sqlite3-*")]
        modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in files}
        services.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(location.root.stat().st_mode) == 0o700
    assert set(modes.values()) == {0o600}, modes
    assert len(modes) >= 2


def test_a_tilde_for_a_user_that_does_not_exist_stays_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hypothesis found it: ``--data-dir ~0`` made Python raise "Could not determine home
    directory"; the shell leaves such a word alone, and so does MentorDesk."""
    from mentordesk.paths import resolve_data_location

    monkeypatch.chdir(tmp_path)
    assert resolve_data_location("~nosuchuser0").root == tmp_path / "~nosuchuser0"
