"""Faults: damaged database files, the newest backup also damaged, a salvage, a -wal left by a
killed process, a lock held by another process, a full disk, a read-only disk, and a
migration that fails halfway. Each time the person's data is either intact or kept aside
byte-for-byte, and what they are told is true."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import mentordesk.db.database as database_module
import mentordesk.db.engine as engine_module
import mentordesk.db.migrate as migrate_module
import mentordesk.db.schema as schema_module
from mentordesk import cli
from mentordesk.db.database import open_database
from mentordesk.db.errors import (
    CorruptDatabaseError,
    DatabaseOpenError,
    MigrationFailedError,
    NotMentorDeskDatabaseError,
)
from mentordesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import StorageError
from mentordesk.paths import DataLocation
from mentordesk.services.backups import BackupInfo, BackupService
from mentordesk.services.context import Services
from mentordesk.services.recovery import RecoveryError, RecoveryService
from tests.backups.helpers import (
    SQLITE_HEADER,
    add_mentors,
    all_rows,
    database_with_mentors,
    flip_bytes,
    integrity,
    mentor_names,
    overwrite_page,
    page_size,
    query,
    revision,
    schema_sql,
    sha256,
    table_pages,
)
from tests.helpers import Clock

BACKUP_TIME = datetime(2030, 6, 17, 9, 15, 0, tzinfo=UTC)
RECOVERY_TIME = datetime(2030, 6, 18, 8, 0, 0, tzinfo=UTC)
MENTORS = 300
DAMAGED_NAME = re.compile(r"^mentordesk-damaged-\d{8}-\d{6}(-\d+)?\.sqlite3$")
REPO_ROOT = Path(__file__).resolve().parents[2]


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def backup_then_more_edits(location: DataLocation, clock: Clock) -> BackupInfo:
    """A database of 300 mentors, a backup of it, then edits the backup does not have."""
    database_with_mentors(location, MENTORS, notes_length=600)
    clock.now = BACKUP_TIME
    info = BackupService(location, clock=clock).snapshot("daily")
    add_mentors(location, ["After the backup"])
    clock.now = RECOVERY_TIME
    return info


# --- kinds of damage -----------------------------------------------------------------------------


def _flipped_table_page(path: Path) -> None:
    _root, leaves = table_pages(path, "mentor")
    start = (leaves[len(leaves) // 2] - 1) * page_size(path)
    flip_bytes(path, start, 64)


def _damaged_freelist(path: Path) -> None:
    """Damage only the list of free pages: every table and index still reads, and only
    SQLite's own check (quick_check) notices."""
    connection = sqlite3.connect(path)
    try:
        for table in ("mentor_expertise", "mentor_tag"):
            connection.execute(f"DELETE FROM {table} WHERE mentor_id % 3 = 0")
        connection.execute("DELETE FROM mentor WHERE id % 3 = 0")
        connection.commit()
    finally:
        connection.close()
    trunk = int.from_bytes(path.read_bytes()[32:36], "big")
    assert trunk > 0, "the deletes left free pages"
    overwrite_page(path, trunk, seed=5)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zeroed_header(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(bytes(100) + data[100:])


def _not_a_database(path: Path) -> None:
    path.write_text("Dear diary, today I met my mentor.\n" * 50, encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


DAMAGE: dict[str, tuple[Callable[[Path], None], type[DatabaseOpenError]]] = {
    "flipped-table-page": (_flipped_table_page, CorruptDatabaseError),
    "damaged-free-page-list": (_damaged_freelist, CorruptDatabaseError),
    "truncated": (_truncated, CorruptDatabaseError),
    "zeroed-header": (_zeroed_header, NotMentorDeskDatabaseError),
    "not-a-database": (_not_a_database, NotMentorDeskDatabaseError),
    "empty": (_empty, NotMentorDeskDatabaseError),
}


@pytest.fixture
def clock() -> Clock:
    return Clock(RECOVERY_TIME)


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_database_is_refused_untouched_then_replaced_by_the_newest_backup(
    location: DataLocation, clock: Clock, kind: str
) -> None:
    damage, error_class = DAMAGE[kind]
    backup = backup_then_more_edits(location, clock)
    damage(location.database)
    wal, shm = sidecars(location.database)
    wal.write_bytes(b"a -wal the killed app left: it may hold committed edits" * 10)
    shm.write_bytes(bytes(32768))
    damaged_bytes = location.database.read_bytes()
    wal_bytes = wal.read_bytes()

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(location)

    assert type(caught.value) is error_class
    assert caught.value.path == location.database
    assert str(location.database) in str(caught.value)
    assert "untouched" in str(caught.value)
    assert location.database.read_bytes() == damaged_bytes
    assert wal.read_bytes() == wal_bytes
    assert [info.path for info in BackupService(location).list_all()] == [backup.path]

    result = RecoveryService(location, clock=clock).restore_newest_backup()

    kept = result.damaged_kept_at
    assert kept.parent == location.root
    assert DAMAGED_NAME.match(kept.name), kept.name
    assert kept.name == "mentordesk-damaged-20300618-080000.sqlite3"
    assert kept.read_bytes() == damaged_bytes, "the damaged file is kept byte for byte"
    kept_wal, kept_shm = sidecars(kept)
    assert kept_wal.read_bytes() == wal_bytes
    assert kept_shm.exists()
    assert result.restored_from is not None
    assert result.restored_from.path == backup.path
    assert result.data_from == BACKUP_TIME == backup.taken_at
    assert all_rows(location.database) == all_rows(backup.path)
    assert integrity(location.database) == ["ok"]
    services = Services.open(location)
    try:
        names = [record.name for record in services.mentors.list_all()]
    finally:
        services.close()
    assert len(names) == MENTORS
    assert "After the backup" not in names


def test_when_the_newest_backup_is_damaged_too_the_older_sound_one_is_used(
    location: DataLocation, clock: Clock
) -> None:
    older = backup_then_more_edits(location, clock)
    clock.now = BACKUP_TIME + timedelta(hours=5)
    newer = BackupService(location, clock=clock).snapshot("while-open")
    clock.now = RECOVERY_TIME
    _root, leaves = table_pages(newer.path, "mentor")
    overwrite_page(newer.path, leaves[1], seed=1)
    newer_bytes = newer.path.read_bytes()
    _flipped_table_page(location.database)

    result = RecoveryService(location, clock=clock).restore_newest_backup()

    assert result.restored_from is not None
    assert result.restored_from.path == older.path
    assert result.data_from == BACKUP_TIME
    assert all_rows(location.database) == all_rows(older.path)
    assert "After the backup" not in mentor_names(location.database)
    assert newer.path.read_bytes() == newer_bytes, "a damaged backup is left alone too"


def test_without_a_sound_backup_recovery_refuses_and_moves_nothing(
    location: DataLocation, clock: Clock
) -> None:
    backup = backup_then_more_edits(location, clock)
    backup.path.write_bytes(backup.path.read_bytes()[:8192])
    _flipped_table_page(location.database)
    listing = sorted(str(p.relative_to(location.root)) for p in location.root.rglob("*"))
    hashes = {p: sha256(p) for p in location.root.rglob("*") if p.is_file()}

    with pytest.raises(RecoveryError, match="no backup that passes"):
        RecoveryService(location, clock=clock).restore_newest_backup()

    assert sorted(str(p.relative_to(location.root)) for p in location.root.rglob("*")) == listing
    assert {p: sha256(p) for p in hashes} == hashes


def test_without_any_backup_recovery_refuses_and_moves_nothing(
    location: DataLocation, clock: Clock
) -> None:
    database_with_mentors(location, 10)
    _truncated(location.database)
    before = sha256(location.database)

    with pytest.raises(RecoveryError):
        RecoveryService(location, clock=clock).restore_newest_backup()

    assert sha256(location.database) == before
    assert sorted(p.name for p in location.root.iterdir()) == ["mentordesk.sqlite3"]


@pytest.mark.parametrize("kind", ["zeroed-header", "empty"])
def test_recover_command_restores_a_database_with_a_destroyed_header(
    location: DataLocation, clock: Clock, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backup_then_more_edits(location, clock)
    DAMAGE[kind][0](location.database)
    damaged_bytes = location.database.read_bytes()

    code = cli.main(["--data-dir", str(location.root), "recover"])

    assert code == 0, capsys.readouterr()
    kept = [p for p in location.root.iterdir() if DAMAGED_NAME.match(p.name)]
    assert len(kept) == 1
    assert kept[0].read_bytes() == damaged_bytes
    assert all_rows(location.database) == all_rows(backup.path)


def test_recover_command_restores_a_damaged_database(
    location: DataLocation, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = backup_then_more_edits(location, clock)
    _flipped_table_page(location.database)
    damaged_bytes = location.database.read_bytes()

    code = cli.main(["--data-dir", str(location.root), "recover"])

    out = capsys.readouterr().out
    assert code == 0
    assert "damaged" in out
    assert "Edits made after that time are not in it." in out
    kept = [p for p in location.root.iterdir() if DAMAGED_NAME.match(p.name)]
    assert len(kept) == 1
    assert str(kept[0]) in out
    assert kept[0].read_bytes() == damaged_bytes
    assert all_rows(location.database) == all_rows(backup.path)


# --- salvage -------------------------------------------------------------------------------------


def _cells_on_page(path: Path, page: int) -> int:
    start = (page - 1) * page_size(path)
    data = path.read_bytes()
    assert data[start] == 0x0D
    return int.from_bytes(data[start + 3 : start + 5], "big")


def test_salvage_keeps_every_row_that_still_reads(location: DataLocation, clock: Clock) -> None:
    database_with_mentors(location, MENTORS, notes_length=600)
    _root, leaves = table_pages(location.database, "mentor")
    assert len(leaves) > 10
    victim = leaves[len(leaves) // 2]
    lost = _cells_on_page(location.database, victim)
    original = all_rows(location.database)
    overwrite_page(location.database, victim, seed=3)
    damaged_bytes = location.database.read_bytes()
    with pytest.raises(CorruptDatabaseError):
        open_database(location)

    result = RecoveryService(location, clock=clock).salvage()

    assert result.damaged_kept_at.read_bytes() == damaged_bytes
    assert DAMAGED_NAME.match(result.damaged_kept_at.name)
    assert result.restored_from is None
    assert result.data_from is None
    assert "mentor" in result.unreadable
    assert result.salvaged["mentor"] == MENTORS - lost
    assert query(location.database, "PRAGMA foreign_key_check") == []
    assert integrity(location.database) == ["ok"]
    assert revision(location.database) == HEAD_REVISION
    saved = all_rows(location.database)
    # Every saved row is exactly as it was; the children of lost mentors went with them.
    assert set(saved["mentor"]) <= set(original["mentor"])
    assert len(saved["mentor"]) == MENTORS - lost
    kept_ids = {row[0] for row in saved["mentor"]}
    assert saved["mentor_expertise"] == [
        r for r in original["mentor_expertise"] if r[1] in kept_ids
    ]
    assert saved["mentor_tag"] == [r for r in original["mentor_tag"] if r[1] in kept_ids]
    assert result.salvaged["mentor_expertise"] == len(saved["mentor_expertise"])
    assert result.salvaged["mentor_tag"] == len(saved["mentor_tag"])
    services = Services.open(location)
    try:
        assert len(services.mentors.list_all()) == MENTORS - lost
        services.mentors.create(MentorFields(name="Life goes on"))
    finally:
        services.close()


def test_salvage_of_a_truncated_file(location: DataLocation, clock: Clock) -> None:
    database_with_mentors(location, MENTORS, notes_length=600)
    original = all_rows(location.database)
    _truncated(location.database)
    damaged_bytes = location.database.read_bytes()

    result = RecoveryService(location, clock=clock).salvage()

    assert result.damaged_kept_at.read_bytes() == damaged_bytes
    saved = all_rows(location.database)
    assert 0 < len(saved["mentor"]) < MENTORS
    assert set(saved["mentor"]) <= set(original["mentor"])
    assert set(saved["mentor_expertise"]) <= set(original["mentor_expertise"])
    assert query(location.database, "PRAGMA foreign_key_check") == []
    assert integrity(location.database) == ["ok"]


# --- a -wal left by a killed process -------------------------------------------------------------

_EDIT_THEN_WAIT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mentordesk.domain.mentor import MentorFields
    from mentordesk.paths import DataLocation
    from mentordesk.services.context import Services

    services = Services.open(DataLocation(Path(sys.argv[1])))
    records = [
        services.mentors.create(MentorFields(name=f"Committed {i}", expertise=("x", "y")))
        for i in range(20)
    ]
    services.mentors.update(records[0].id, records[0].fields.replace(notes="edited"))
    services.mentors.set_archived(records[1].id, True)
    services.mentors.delete(records[2].id)
    print("committed", flush=True)
    time.sleep(120)
    """
)


def test_commits_in_a_wal_left_by_a_killed_process_are_kept(
    location: DataLocation, tmp_path: Path
) -> None:
    add_mentors(location, ["Before"])
    child = subprocess.Popen(
        [sys.executable, "-c", _EDIT_THEN_WAIT, str(location.root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "committed\n", child.stderr.read() if child.stderr else line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    wal, _shm = sidecars(location.database)
    assert wal.exists() and wal.stat().st_size > 0, "the commits were not checkpointed"
    # Proof that the edits live only in the -wal: the main file alone does not have them.
    alone = tmp_path / "alone.sqlite3"
    shutil.copyfile(location.database, alone)
    assert mentor_names(alone) == ["Before"]

    database = open_database(location)
    database.close()

    assert integrity(location.database) == ["ok"]
    services = Services.open(location)
    try:
        records = {record.name: record for record in services.mentors.list_all()}
    finally:
        services.close()
    expected = {"Before", *(f"Committed {i}" for i in range(20))} - {"Committed 2"}
    assert set(records) == expected
    assert records["Committed 0"].fields.notes == "edited"
    assert records["Committed 1"].is_archived
    assert records["Committed 5"].fields.expertise == ("x", "y")


# --- a lock held by another process ---------------------------------------------------------------

_HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    connection.execute("UPDATE mentor SET notes = 'uncommitted, from another program'")
    print("locked", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def other_program_holding_the_lock(location: DataLocation) -> Iterator[subprocess.Popen[str]]:
    add_mentors(location, ["Ann", "Bo"])
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(location.database)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line == "locked\n", child.stderr.read() if child.stderr else line
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def test_an_edit_while_another_program_holds_the_lock_is_refused_with_a_message(
    location: DataLocation,
    monkeypatch: pytest.MonkeyPatch,
    other_program_holding_the_lock: subprocess.Popen[str],
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    services = Services.open(location)
    try:
        before = all_rows(location.database)
        # Reading goes on while the other program writes (it would fail after the busy
        # timeout if it waited for the lock), and does not see its uncommitted change.
        listed = services.mentors.list_all()
        assert [(r.name, r.fields.notes) for r in listed] == [("Ann", ""), ("Bo", "")]
        ann = listed[0]

        started = time.monotonic()
        with pytest.raises(StorageError) as caught:
            services.mentors.create(MentorFields(name="Cy"))
        waited = time.monotonic() - started
        with pytest.raises(StorageError):
            services.mentors.update(ann.id, ann.fields.replace(notes="mine"))
        with pytest.raises(StorageError):
            services.mentors.delete(ann.id)

        message = str(caught.value)
        assert "another program" in message
        assert "Nothing was changed" in message
        assert "[SQL:" not in message
        assert waited >= 0.1, "waited for the busy timeout before giving up"
        assert waited < 60, "and not forever"
        assert all_rows(location.database) == before

        other_program_holding_the_lock.kill()
        other_program_holding_the_lock.wait(timeout=30)

        assert all_rows(location.database) == before, "the other program's edit never landed"
        services.mentors.create(MentorFields(name="Cy"))
        assert [r.name for r in services.mentors.list_all()] == ["Ann", "Bo", "Cy"]
        assert all(r.fields.notes == "" for r in services.mentors.list_all())
    finally:
        services.close()


# --- a full disk, a read-only disk ---------------------------------------------------------------


def _fail_statements(
    monkeypatch: pytest.MonkeyPatch, services: Services, starting_with: str, message: str
) -> list[str]:
    """Make SQLite fail every statement that starts with ``starting_with`` as it would."""
    dialect = services.database.engine.dialect
    failed: list[str] = []
    real_execute = dialect.do_execute
    real_executemany = dialect.do_executemany

    def check(statement: str) -> None:
        if statement.lstrip().upper().startswith(starting_with):
            failed.append(statement)
            raise sqlite3.OperationalError(message)

    def do_execute(cursor: Any, statement: str, parameters: Any, context: Any = None) -> None:
        check(statement)
        real_execute(cursor, statement, parameters, context)

    def do_executemany(cursor: Any, statement: str, parameters: Any, context: Any = None) -> None:
        check(statement)
        real_executemany(cursor, statement, parameters, context)

    monkeypatch.setattr(dialect, "do_execute", do_execute)
    monkeypatch.setattr(dialect, "do_executemany", do_executemany)
    return failed


@pytest.mark.parametrize(
    ("sqlite_message", "person_message"),
    [
        ("database or disk is full", "The disk is full"),
        ("attempt to write a readonly database", "read-only"),
    ],
    ids=["disk-full", "read-only"],
)
def test_an_edit_that_cannot_be_written_is_rolled_back_with_a_message(
    location: DataLocation,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_message: str,
    person_message: str,
) -> None:
    add_mentors(location, ["Ann"])
    services = Services.open(location)
    try:
        before = all_rows(location.database)
        ann = services.mentors.list_all()[0]
        # The mentor row itself is written; the expertise rows after it fail, so the rollback
        # has something to undo.
        failed = _fail_statements(
            monkeypatch, services, "INSERT INTO MENTOR_EXPERTISE", sqlite_message
        )
        typed = MentorFields(name="Cy", expertise=("negotiation", "hiring"), notes="long notes")

        with pytest.raises(StorageError) as caught:
            services.mentors.create(typed)
        with pytest.raises(StorageError):
            services.mentors.update(ann.id, ann.fields.replace(expertise=("something new",)))

        assert failed, "the fault was really injected"
        assert person_message in str(caught.value)
        assert "[SQL:" not in str(caught.value)
        assert all_rows(location.database) == before
        assert [r.name for r in services.mentors.list_all()] == ["Ann"]

        monkeypatch.undo()
        created = services.mentors.create(typed)
        assert created.fields.expertise == ("negotiation", "hiring")
    finally:
        services.close()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MB file system (tmpfs), when this machine lets the tests mount one."""
    mount_point = tmp_path / "tiny-disk"
    mount_point.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Fill the disk up, then free ``leave`` bytes again."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle:
        try:
            while handle.write(b"\0" * 4096):
                pass
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def test_a_really_full_disk_rolls_the_edit_back(tiny_disk: Path) -> None:
    location = DataLocation(tiny_disk / "data")
    add_mentors(location, ["Ann"])
    services = Services.open(location)
    try:
        services.mentors.create(MentorFields(name="Bo"))
        before = all_rows(location.database)
        filler = _fill(tiny_disk, leave=8192)
        typed = MentorFields(name="Cy", notes="n" * 90_000, expertise=("a", "b"))

        with pytest.raises(StorageError) as caught:
            services.mentors.create(typed)

        assert "disk is full" in str(caught.value)
        assert all_rows(location.database) == before
        assert [r.name for r in services.mentors.list_all()] == ["Ann", "Bo"]

        filler.unlink()
        services.mentors.create(typed)
        assert [r.name for r in services.mentors.list_all()] == ["Ann", "Bo", "Cy"]
    finally:
        services.close()
    assert integrity(location.database) == ["ok"]


def test_a_snapshot_on_a_full_disk_fails_cleanly(tiny_disk: Path) -> None:
    location = DataLocation(tiny_disk / "data")
    # About 750 kB (notes and their copy in the search index): it and one snapshot fit.
    database_with_mentors(location, 100, notes_length=1000)
    service = BackupService(location)
    first = service.snapshot("daily")
    filler = _fill(tiny_disk, leave=8192)

    with pytest.raises(Exception, match="backup could not be written"):
        service.snapshot("while-open")

    assert [p.name for p in location.backups.iterdir()] == [first.path.name]
    filler.unlink()
    assert integrity(first.path) == ["ok"]


# --- a migration that fails halfway ---------------------------------------------------------------
# tests/db/test_migrations.py::test_failed_upgrade_changes_nothing_but_keeps_the_backup covers a
# migration failing after one table rebuild. This one fails after rebuilding two tables and
# compares the whole schema and every row, not just a few of them.

_TWO_REBUILDS = f'''
import sqlalchemy as sa
from alembic import op

revision = "0002_test_halfway"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("mentor", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(50), nullable=False, server_default=""))
    with op.batch_alter_table("mentor_tag", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("colour", sa.String(20), nullable=False, server_default=""))
    op.execute("DELETE FROM mentor_expertise")
    op.execute("CREATE TABLE half_done (x INTEGER)")
    raise RuntimeError("power cut halfway through the upgrade")


def downgrade():
    pass
'''


def test_a_migration_that_fails_halfway_leaves_schema_and_data_identical(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    database_with_mentors(location, 50)
    schema_before = schema_sql(location.database)
    rows_before = all_rows(location.database)
    scripts = tmp_path / "migrations"
    shutil.copytree(
        migrate_module.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / "0002_test_halfway.py").write_text(_TWO_REBUILDS, encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(schema_module, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, "0002_test_halfway"))
    monkeypatch.setattr(schema_module, "HEAD_REVISION", "0002_test_halfway")
    monkeypatch.setattr(database_module, "HEAD_REVISION", "0002_test_halfway")

    with pytest.raises(MigrationFailedError) as caught:
        open_database(location)

    assert "power cut halfway" in str(caught.value)
    assert schema_sql(location.database) == schema_before
    assert all_rows(location.database) == rows_before
    assert not [row for row in schema_before if str(row[1]).startswith("_alembic_tmp")]
    assert integrity(location.database) == ["ok"]
    backup = caught.value.backup
    assert backup.exists()
    assert str(backup) in str(caught.value)
    assert all_rows(backup) == rows_before
    assert schema_sql(backup) == schema_before
    assert location.database.read_bytes()[:16] == SQLITE_HEADER
