"""BackupService: snapshots are verified before they count, pruning happens only after a good
one, the listing survives damaged files, a backup taken during edits is consistent, and a
restore can itself be undone while a refused restore changes nothing."""

from __future__ import annotations

import re
import shutil
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import mentordesk.db.backup as backup_module
import mentordesk.db.database as database_module
import mentordesk.db.migrate as migrate_module
import mentordesk.db.schema as schema_module
from mentordesk.db.backup import SnapshotError
from mentordesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.backups import BackupError, BackupInfo, BackupService
from mentordesk.services.context import Services
from tests.backups.helpers import (
    add_mentors,
    all_rows,
    database_with_mentors,
    integrity,
    mentor_count,
    mentor_names,
    overwrite_page,
    query,
    revision,
    set_revision,
    sha256,
    table_pages,
)
from tests.helpers import Clock

NOW = datetime(2030, 6, 18, 12, 30, 45, tzinfo=UTC)
NAME = re.compile(r"^mentordesk-(\d{8})-(\d{6})-([a-z0-9-]+)\.sqlite3$")


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def service(location: DataLocation, clock: Clock) -> BackupService:
    return BackupService(location, clock=clock, zone=UTC)


def snapshot_names(location: DataLocation) -> list[str]:
    if not location.backups.exists():
        return []
    return sorted(path.name for path in location.backups.iterdir())


# --- taking a snapshot -------------------------------------------------------------------------


def test_snapshot_is_a_private_verified_single_file_copy(
    location: DataLocation, service: BackupService
) -> None:
    database_with_mentors(location, 25)

    info = service.snapshot("manual")

    assert info.path.parent == location.backups
    assert info.path.name == "mentordesk-20300618-123045-manual.sqlite3"
    assert NAME.match(info.path.name)
    assert info.taken_at == NOW.replace(microsecond=0)
    assert info.reason == "manual"
    assert info.size == info.path.stat().st_size > 0
    assert info.counts == {"mentors": 25}
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(location.backups.stat().st_mode) == 0o700
    assert integrity(info.path) == ["ok"]
    # Opened read-only (as above) it stays one file: no -wal or -shm appear beside it.
    assert snapshot_names(location) == [info.path.name]
    assert all_rows(info.path) == all_rows(location.database)
    assert revision(info.path) == HEAD_REVISION
    assert not list(location.backups.glob("*.partial*"))


def test_snapshot_copies_edits_still_in_the_wal(
    location: DataLocation, service: BackupService
) -> None:
    services = Services.open(location)
    try:
        services.mentors.create(MentorFields(name="Ann", expertise=("hiring",)))
        wal = location.database.with_name(location.database.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0

        info = service.snapshot("while-open")
    finally:
        services.close()

    assert mentor_names(info.path) == ["Ann"]
    assert query(info.path, "SELECT label FROM mentor_expertise") == [("hiring",)]


def _old_snapshots(location: DataLocation, service: BackupService, clock: Clock) -> list[Path]:
    """Three snapshots taken on one day long ago: retention later keeps only the newest."""
    made = []
    for hour in (9, 10, 11):
        clock.now = datetime(2030, 1, 10, hour, tzinfo=UTC)
        made.append(service.snapshot("daily").path)
    clock.now = NOW
    return made


def test_a_snapshot_that_fails_verification_does_not_count_and_prunes_nothing(
    location: DataLocation,
    service: BackupService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database_with_mentors(location, 3)
    old = _old_snapshots(location, service, clock)
    before = snapshot_names(location)
    assert before == sorted(path.name for path in old)
    checked: list[Path] = []

    def failing_check(path: Path) -> str | None:
        checked.append(path)
        return "*** in database main *** Page 3: btree page is corrupt (simulated)"

    monkeypatch.setattr(backup_module, "check_snapshot", failing_check)

    with pytest.raises(SnapshotError, match="failed its check"):
        service.snapshot("manual")

    assert len(checked) == 1
    assert checked[0].name.endswith(".partial")
    assert snapshot_names(location) == before, "no new file, and nothing pruned"

    monkeypatch.undo()
    info = service.snapshot("manual")

    # After a snapshot that verified, retention thins the old day out to its newest.
    assert snapshot_names(location) == sorted([old[-1].name, info.path.name])


def test_a_snapshot_that_cannot_be_written_leaves_nothing_behind(
    location: DataLocation,
    service: BackupService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    database_with_mentors(location, 3)
    old = _old_snapshots(location, service, clock)

    def failing_copy(source: Path, target: Path, *, single_file: bool = True) -> None:
        target.write_bytes(b"half a copy")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "copy_database", failing_copy)

    with pytest.raises(SnapshotError, match="disk is full"):
        service.snapshot("manual")

    assert snapshot_names(location) == sorted(path.name for path in old)


def test_pruning_follows_the_clock_and_zone_given(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    database_with_mentors(location, 1)
    clock.now = datetime(2030, 6, 10, 8, tzinfo=UTC)
    service.snapshot("daily")
    clock.now = datetime(2030, 6, 10, 20, tzinfo=UTC)
    evening = service.snapshot("while-open")
    clock.now = datetime(2030, 6, 11, 8, tzinfo=UTC)
    service.snapshot("daily")
    assert len(snapshot_names(location)) == 3, "yesterday's snapshots are all kept"

    clock.now = datetime(2030, 6, 12, 23, 59, tzinfo=UTC)
    latest = service.snapshot("daily")

    # 10 June is now two days ago: only its newest stays; 11 June is yesterday.
    assert snapshot_names(location) == sorted(
        [evening.path.name, "mentordesk-20300611-080000-daily.sqlite3", latest.path.name]
    )


# --- is a snapshot due? --------------------------------------------------------------------------


def test_is_due(location: DataLocation, service: BackupService, clock: Clock) -> None:
    database_with_mentors(location, 2)
    assert service.is_due(timedelta(days=1)), "no backup yet"

    service.snapshot("daily")
    assert not service.is_due(timedelta(0)), "nothing changed since the snapshot"
    clock.advance(days=30)
    assert not service.is_due(timedelta(days=1)), "old, but nothing changed"

    add_mentors(location, ["Changed"])
    assert service.is_due(timedelta(days=1)), "changed, and the newest is older than a day"
    assert service.is_due(timedelta(0))

    clock.now = NOW + timedelta(days=30, hours=2)
    service.snapshot("while-open")
    add_mentors(location, ["Changed again"])
    clock.advance(hours=2, minutes=59)
    assert not service.is_due(timedelta(hours=3)), "changed, but the newest is younger"
    clock.advance(minutes=1)
    assert service.is_due(timedelta(hours=3))

    taken = service.snapshot_if_due(timedelta(hours=3), "while-open")
    assert taken is not None
    assert service.snapshot_if_due(timedelta(0), "while-open") is None


def test_is_due_with_no_database_is_false(service: BackupService) -> None:
    assert not service.is_due(timedelta(0))


# --- a copy elsewhere ----------------------------------------------------------------------------


def test_snapshot_to_writes_a_verified_copy(
    location: DataLocation, service: BackupService, tmp_path: Path
) -> None:
    database_with_mentors(location, 4)
    target = tmp_path / "elsewhere" / "my copy.sqlite3"
    target.parent.mkdir()

    info = service.snapshot_to(target)

    assert info.path == target
    assert info.counts == {"mentors": 4}
    assert integrity(target) == ["ok"]
    assert all_rows(target) == all_rows(location.database)
    assert sorted(p.name for p in target.parent.iterdir()) == ["my copy.sqlite3"]
    assert snapshot_names(location) == [], "a copy elsewhere is not one of the backups"


def test_snapshot_to_refuses_an_existing_file_without_touching_it(
    location: DataLocation, service: BackupService, tmp_path: Path
) -> None:
    database_with_mentors(location, 4)
    target = tmp_path / "precious.sqlite3"
    target.write_bytes(b"someone's precious bytes")

    with pytest.raises(BackupError, match="already exists"):
        service.snapshot_to(target)

    assert target.read_bytes() == b"someone's precious bytes"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("precious")) == [
        "precious.sqlite3"
    ]


# --- listing --------------------------------------------------------------------------------------


def _three_snapshots(location: DataLocation, service: BackupService, clock: Clock) -> list[Path]:
    """Snapshots with 100, 101 and 102 mentors, oldest first, an hour apart."""
    database_with_mentors(location, 100, notes_length=400)
    made = []
    for index in range(3):
        if index:
            add_mentors(location, [f"Added {index}"])
        clock.now = NOW + timedelta(hours=index)
        made.append(service.snapshot("manual").path)
    return made


def _damage(path: Path) -> None:
    """Overwrite a page in the middle of the mentor table with garbage."""
    _root, leaves = table_pages(path, "mentor")
    assert len(leaves) > 3
    overwrite_page(path, leaves[len(leaves) // 2], seed=7)


def test_list_all_is_newest_first_with_counts_and_marks_a_damaged_one(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    oldest, middle, newest = _three_snapshots(location, service, clock)
    _damage(middle)

    listed = service.list_all(check=True)

    assert [info.path for info in listed] == [newest, middle, oldest]
    assert [info.taken_at for info in listed] == [
        NOW.replace(microsecond=0) + timedelta(hours=h) for h in (2, 1, 0)
    ]
    assert listed[0].counts == {"mentors": 102}
    assert listed[2].counts == {"mentors": 100}
    assert listed[0].is_sound and listed[2].is_sound
    assert not listed[1].is_sound
    assert listed[1].problem
    assert listed[1].counts == {}
    # Without the check the listing is quick, and still does not crash on the damaged file.
    assert [info.path for info in service.list_all()] == [newest, middle, oldest]


def test_list_all_ignores_files_that_are_not_snapshots(
    location: DataLocation, service: BackupService
) -> None:
    database_with_mentors(location, 1)
    info = service.snapshot("manual")
    (location.backups / "notes.txt").write_text("mine", encoding="utf-8")
    (location.backups / (info.path.name + ".partial")).write_bytes(b"leftover")

    assert [found.path for found in service.list_all(check=True)] == [info.path]


def test_a_truncated_snapshot_is_listed_as_damaged(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    _oldest, _middle, newest = _three_snapshots(location, service, clock)
    data = newest.read_bytes()
    newest.write_bytes(data[: len(data) // 2])

    listed = service.list_all(check=True)

    assert [info.is_sound for info in listed] == [False, True, True]
    assert service.newest_sound() is not None


def test_newest_sound_skips_damaged_and_newer_revision_snapshots(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    oldest, middle, newest = _three_snapshots(location, service, clock)
    _damage(newest)
    set_revision(middle, "9999_future")
    assert integrity(middle) == ["ok"], "the newer one is sound, only too new"

    found = service.newest_sound()

    assert found is not None
    assert found.path == oldest
    assert found.counts == {"mentors": 100}
    assert found.taken_at == NOW.replace(microsecond=0)


def test_newest_sound_is_none_without_a_sound_snapshot(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    assert service.newest_sound() is None
    made = _three_snapshots(location, service, clock)
    for path in made:
        path.write_bytes(b"")

    assert service.newest_sound() is None


# --- a backup while edits are running -------------------------------------------------------------


def test_backups_taken_during_edits_are_consistent(location: DataLocation) -> None:
    service = BackupService(location)  # the real clock: names differ by a counter
    services = Services.open(location)
    try:
        services.mentors.create_many(
            [MentorFields(name=f"Seed {i}", notes="y" * 300) for i in range(200)]
        )
        count_before = services.mentors.count()
        stop = threading.Event()
        errors: list[BaseException] = []
        edits = [0]

        def edit() -> None:
            try:
                while not stop.is_set():
                    record = services.mentors.create(
                        MentorFields(
                            name=f"During {edits[0]}",
                            expertise=("a", "b", "c"),
                            tags=("t",),
                            notes="z" * 500,
                        )
                    )
                    services.mentors.update(record.id, record.fields.replace(notes="changed"))
                    edits[0] += 1
            except BaseException as exc:  # reported below, in the test's thread
                errors.append(exc)

        thread = threading.Thread(target=edit)
        thread.start()
        snapshots: list[BackupInfo] = []
        # Until several snapshots were taken while edits ran, however slow the machine is
        # (the generous limit only keeps a broken run from hanging).
        give_up = time.monotonic() + 120
        try:
            while (len(snapshots) < 3 or edits[0] <= 10) and time.monotonic() < give_up:
                snapshots.append(service.snapshot("while-open"))
        finally:
            stop.set()
            thread.join(timeout=30)
        assert not errors, errors
        count_after = services.mentors.count()
    finally:
        services.close()

    assert edits[0] > 10, "the edits really ran alongside"
    assert len(snapshots) >= 3
    counts = []
    for info in snapshots:
        assert integrity(info.path) == ["ok"], info.path
        assert query(info.path, "PRAGMA foreign_key_check") == []
        count = mentor_count(info.path)
        assert count_before <= count <= count_after
        # Each mentor created during the run got its three expertise rows in the same
        # transaction: a snapshot never holds half of one.
        assert query(
            info.path,
            "SELECT count(*) FROM mentor m WHERE m.name LIKE 'During %' AND "
            "(SELECT count(*) FROM mentor_expertise e WHERE e.mentor_id = m.id) != 3",
        ) == [(0,)]
        counts.append(count)
    assert counts == sorted(counts)
    assert counts[-1] > counts[0], "edits landed between the snapshots"


# --- restore --------------------------------------------------------------------------------------


def test_restore_snapshots_first_and_can_itself_be_undone(
    location: DataLocation, service: BackupService, clock: Clock
) -> None:
    add_mentors(location, ["Ann", "Bo"])
    backup = service.snapshot("manual")
    backup_rows = all_rows(backup.path)
    add_mentors(location, ["Cy", "Di"])
    services = Services.open(location)
    try:
        services.mentors.delete(services.mentors.list_all()[0].id)  # Ann
    finally:
        services.close()
    current_rows = all_rows(location.database)
    assert mentor_names(location.database) == ["Bo", "Cy", "Di"]
    clock.advance(minutes=5)

    before = service.restore(backup.path)

    assert before is not None
    assert before.reason == "before-restore"
    assert before.path.parent == location.backups
    assert all_rows(before.path) == current_rows
    assert all_rows(location.database) == backup_rows
    assert mentor_names(location.database) == ["Ann", "Bo"]
    assert stat.S_IMODE(location.database.stat().st_mode) == 0o600
    assert all_rows(backup.path) == backup_rows, "the backup itself is not changed"
    services = Services.open(location)
    try:
        assert [r.name for r in services.mentors.list_all()] == ["Ann", "Bo"]
        services.mentors.create(MentorFields(name="After restore"))
    finally:
        services.close()

    clock.advance(minutes=5)
    again = service.restore(before.path)

    assert again is not None
    assert all_rows(location.database) == current_rows
    assert mentor_names(again.path) == ["Ann", "Bo", "After restore"]
    assert integrity(location.database) == ["ok"]


def test_restore_into_a_data_folder_without_a_database(
    location: DataLocation, service: BackupService, tmp_path: Path
) -> None:
    add_mentors(location, ["Ann"])
    copy = tmp_path / "copy.sqlite3"
    service.snapshot_to(copy)
    location.database.unlink()

    before = service.restore(copy)

    assert before is None
    assert mentor_names(location.database) == ["Ann"]
    assert stat.S_IMODE(location.database.stat().st_mode) == 0o600
    assert snapshot_names(location) == []


def test_restore_into_a_data_folder_that_does_not_exist_yet(
    location: DataLocation, service: BackupService, tmp_path: Path
) -> None:
    """Restoring onto a new computer, before MentorDesk ever ran there."""
    add_mentors(location, ["Ann"])
    copy = tmp_path / "copy.sqlite3"
    service.snapshot_to(copy)
    shutil.rmtree(location.root)

    before = service.restore(copy)

    assert before is None
    assert mentor_names(location.database) == ["Ann"]
    assert stat.S_IMODE(location.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(location.root.stat().st_mode) == 0o700


def _text(path: Path, _location: DataLocation) -> None:
    path.write_text("Mentors:\n- Ann\n", encoding="utf-8")


def _empty(path: Path, _location: DataLocation) -> None:
    path.write_bytes(b"")


def _newer(path: Path, location: DataLocation) -> None:
    BackupService(location).snapshot_to(path)
    set_revision(path, "9999_future")


def _damaged(path: Path, location: DataLocation) -> None:
    BackupService(location).snapshot_to(path)
    _damage(path)


def _foreign(path: Path, _location: DataLocation) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("CREATE TABLE mentor (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO mentor (name) VALUES ('not ours')")
        connection.commit()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_text, "not a MentorDesk backup"),
        (_empty, "not a MentorDesk backup"),
        (_foreign, "not a MentorDesk backup"),
        (_newer, "newer version"),
        (_damaged, "damaged"),
    ],
    ids=["text", "empty", "foreign-sqlite", "newer-revision", "damaged"],
)
def test_a_refused_restore_changes_nothing(
    location: DataLocation,
    service: BackupService,
    tmp_path: Path,
    make: Callable[[Path, DataLocation], None],
    message: str,
) -> None:
    database_with_mentors(location, 100, notes_length=400)
    source = tmp_path / "candidate.sqlite3"
    make(source, location)
    source_bytes = source.read_bytes()
    database_hash = sha256(location.database)
    root_listing = sorted(p.name for p in location.root.iterdir())

    with pytest.raises(BackupError, match=message) as caught:
        service.restore(source)

    assert str(source) in str(caught.value)
    assert "Nothing was changed" in str(caught.value) or message == "newer version"
    assert sha256(location.database) == database_hash
    assert snapshot_names(location) == [], "no before-restore snapshot for a refused restore"
    assert sorted(p.name for p in location.root.iterdir()) == root_listing
    assert source.read_bytes() == source_bytes


def test_restoring_a_missing_file_changes_nothing(
    location: DataLocation, service: BackupService, tmp_path: Path
) -> None:
    add_mentors(location, ["Ann"])
    database_hash = sha256(location.database)

    with pytest.raises(BackupError, match="does not exist"):
        service.restore(tmp_path / "nowhere.sqlite3")

    assert sha256(location.database) == database_hash
    assert snapshot_names(location) == []


# --- restoring a backup from an older version -----------------------------------------------------

SECOND_REVISION = "0002_test_nickname"

_EXTRA_MIGRATION = f'''
import sqlalchemy as sa
from alembic import op

revision = "{SECOND_REVISION}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("mentor", recreate="always") as batch_op:
        batch_op.add_column(
            sa.Column("nickname", sa.String(50), nullable=False, server_default="")
        )
    op.execute("UPDATE mentor SET nickname = 'migrated'")


def downgrade():
    pass
'''


def _become_one_revision_newer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """This MentorDesk gains a revision on top (as in tests/db/test_migrations.py), so a
    database at the real head now counts as one from an older version."""
    scripts = tmp_path / "migrations"
    shutil.copytree(
        migrate_module.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    (scripts / "versions" / f"{SECOND_REVISION}.py").write_text(_EXTRA_MIGRATION, encoding="utf-8")
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(schema_module, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, SECOND_REVISION))
    monkeypatch.setattr(schema_module, "HEAD_REVISION", SECOND_REVISION)
    monkeypatch.setattr(database_module, "HEAD_REVISION", SECOND_REVISION)


def test_restoring_an_older_version_backup_upgrades_it_on_next_open(
    location: DataLocation,
    service: BackupService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    add_mentors(location, ["Old Ann", "Old Bo"])
    old_backup = service.snapshot("manual")
    _become_one_revision_newer(monkeypatch, tmp_path)
    services = Services.open(location)  # the live data is upgraded (after its own backup)
    try:
        services.mentors.create(MentorFields(name="New Cy"))
    finally:
        services.close()
    assert revision(location.database) == SECOND_REVISION
    clock.advance(minutes=10)

    before = service.restore(old_backup.path)

    assert before is not None
    assert revision(before.path) == SECOND_REVISION
    assert mentor_names(before.path) == ["Old Ann", "Old Bo", "New Cy"]
    assert revision(location.database) == HEAD_REVISION, "restored as it was"
    services = Services.open(location)
    try:
        assert [r.name for r in services.mentors.list_all()] == ["Old Ann", "Old Bo"]
    finally:
        services.close()
    assert revision(location.database) == SECOND_REVISION
    assert query(location.database, "SELECT DISTINCT nickname FROM mentor") == [("migrated",)]
    assert query(location.database, "SELECT count(*) FROM mentor_expertise") == [(2,)]
    assert integrity(location.database) == ["ok"]
    assert any(f"before-{SECOND_REVISION}" in name for name in snapshot_names(location)), (
        "the upgrade after the restore made its own backup first"
    )


def test_the_backup_made_before_an_upgrade_is_listed_and_offered(
    location: DataLocation,
    service: BackupService,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Its reason names the revision, and revision ids hold '_' ("0001_mentors")."""
    add_mentors(location, ["Ann"])
    _become_one_revision_newer(monkeypatch, tmp_path)
    database = database_module.open_database(location)
    database.close()
    assert len(database.backups_made) == 1
    made = database.backups_made[0]
    assert made.parent == location.backups

    listed = service.list_all(check=True)

    assert [info.path for info in listed] == [made]
    assert listed[0].reason == f"before-{SECOND_REVISION}"
    assert listed[0].counts == {"mentors": 1}
    newest = service.newest_sound()
    assert newest is not None
    assert newest.path == made
