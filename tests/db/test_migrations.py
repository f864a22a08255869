"""Creating, upgrading and backing up the database: the schema Alembic builds is the one the
code maps, transactions really are transactions, and an upgrade never starts without a backup."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

import mentordesk.db.database as database_module
import mentordesk.db.migrate as migrate_module
import mentordesk.db.schema as schema_module
from mentordesk.db.backup import backup_database
from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import schema_differences, script_revisions
from mentordesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

INSERT_MENTOR = (
    "INSERT INTO mentor (name, title, organization, email, phone, profile_url, location, "
    "time_zone, met_detail, kind, direction, status, notes, created_at, updated_at) "
    "VALUES (?, '', '', '', '', '', '', '', '', 'mentor', 'they_mentor_me', 'active', '', "
    "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
)


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    assert len(rows) == 1
    return str(rows[0][0])


def _names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM mentor ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def app_engine(location: DataLocation) -> Iterator[Engine]:
    database = open_database(location)
    yield database.engine
    database.close()


def test_empty_folder_gets_a_database_at_head(location: DataLocation) -> None:
    assert not location.root.exists()

    database = open_database(location)
    database.close()

    assert location.database.is_file()
    assert location.database.name == "mentordesk.sqlite3"
    assert _revision(location.database) == HEAD_REVISION
    assert database.backups_made == []
    assert not list(location.root.glob("*.creating*"))
    assert not location.backups.exists()


def test_new_database_and_folder_are_private(location: DataLocation) -> None:
    open_database(location).close()

    assert stat.S_IMODE(location.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(location.root.stat().st_mode) == 0o700


def test_reopening_a_current_database_keeps_its_data_and_makes_no_backup(
    location: DataLocation,
) -> None:
    services = Services.open(location)
    services.mentors.create(MentorFields(name="Ann"))
    services.close()

    database = open_database(location)
    database.close()

    assert database.backups_made == []
    assert _names(location.database) == ["Ann"]
    assert _revision(location.database) == HEAD_REVISION


def test_fresh_database_matches_mapped_classes(app_engine: Engine) -> None:
    assert schema_differences(app_engine) == []


def test_schema_differences_notices_drift(app_engine: Engine) -> None:
    """Guards the test above: the comparison really looks at the database."""
    with app_engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE stray (x INTEGER)")
        connection.exec_driver_sql("DROP INDEX ix_mentor_tag_mentor_id")

    differences = schema_differences(app_engine)

    rendered = repr(differences)
    assert "stray" in rendered
    assert "ix_mentor_tag_mentor_id" in rendered


def test_known_revisions_equal_migration_scripts() -> None:
    revisions, head = script_revisions()

    assert list(KNOWN_REVISIONS) == revisions
    assert head == HEAD_REVISION == KNOWN_REVISIONS[-1]


def test_app_engine_pragmas(app_engine: Engine) -> None:
    with app_engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_ddl_is_rolled_back_with_its_transaction(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "ddl.sqlite3")
    try:
        with pytest.raises(RuntimeError, match="abandon"), engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t(x)")
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
            raise RuntimeError("abandon this unit of work")

        with engine.connect() as connection:
            tables = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            ).all()
        assert tables == []

        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t(x)")
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
    finally:
        engine.dispose()


def test_foreign_keys_are_enforced_by_app_engine(app_engine: Engine) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), app_engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO mentor_tag (mentor_id, position, label) VALUES (999, 0, 'x')"
        )


# --- upgrading an older database -------------------------------------------------------------

SECOND_REVISION = "0002_test_nickname"

_REBUILDING_MIGRATION = f'''
import sqlalchemy as sa
from alembic import op

revision = "{SECOND_REVISION}"
down_revision = "{HEAD_REVISION}"
branch_labels = None
depends_on = None


def upgrade():
    # Rebuilds the parent table: with foreign keys on this would cascade into its children.
    with op.batch_alter_table("mentor", recreate="always") as batch_op:
        batch_op.add_column(
            sa.Column("nickname", sa.String(50), nullable=False, server_default="")
        )
    op.execute("UPDATE mentor SET nickname = 'migrated'")
    {{failure}}


def downgrade():
    pass
'''


def _install_second_revision(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *, fail: bool
) -> None:
    """Make this MentorDesk one revision newer than the database on disk.

    The real scripts are copied with one extra revision on top, and the names the start-up
    check uses are pointed at it, so the file's real head revision counts as older.
    """
    scripts = tmp_path / "migrations"
    shutil.copytree(
        migrate_module.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    failure = 'raise RuntimeError("migration exploded")' if fail else "pass"
    (scripts / "versions" / f"{SECOND_REVISION}.py").write_text(
        _REBUILDING_MIGRATION.format(failure=failure), encoding="utf-8"
    )
    monkeypatch.setattr(migrate_module, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(schema_module, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, SECOND_REVISION))
    monkeypatch.setattr(schema_module, "HEAD_REVISION", SECOND_REVISION)
    monkeypatch.setattr(database_module, "HEAD_REVISION", SECOND_REVISION)


def _database_with_mentors(location: DataLocation) -> None:
    services = Services.open(location)
    try:
        services.mentors.create(MentorFields(name="Ann", expertise=("hiring", "strategy")))
        services.mentors.create(MentorFields(name="Zoë", tags=("peer",)))
    finally:
        services.close()


def _count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_older_database_is_backed_up_then_upgraded(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _database_with_mentors(location)
    _install_second_revision(monkeypatch, tmp_path, fail=False)

    database = open_database(location)
    database.close()

    assert _revision(location.database) == SECOND_REVISION
    assert _names(location.database) == ["Ann", "Zoë"]
    # The parent table was rebuilt; its children must have survived untouched.
    assert _count(location.database, "mentor_expertise") == 2
    assert _count(location.database, "mentor_tag") == 1
    connection = sqlite3.connect(location.database)
    try:
        nicknames = connection.execute("SELECT DISTINCT nickname FROM mentor").fetchall()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    assert nicknames == [("migrated",)]

    assert len(database.backups_made) == 1
    backup = database.backups_made[0]
    assert backup.parent == location.backups
    assert f"before-{SECOND_REVISION}" in backup.name
    assert sorted(location.backups.iterdir()) == [backup]
    assert _revision(backup) == HEAD_REVISION
    assert _names(backup) == ["Ann", "Zoë"]
    assert _count(backup, "mentor_expertise") == 2
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_failed_upgrade_changes_nothing_but_keeps_the_backup(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _database_with_mentors(location)
    _install_second_revision(monkeypatch, tmp_path, fail=True)

    with pytest.raises(Exception, match="migration exploded"):
        open_database(location)

    assert _revision(location.database) == HEAD_REVISION
    assert _names(location.database) == ["Ann", "Zoë"]
    assert _count(location.database, "mentor_expertise") == 2
    connection = sqlite3.connect(location.database)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(mentor)")]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert "nickname" not in columns
    assert not any(name.startswith("_alembic_tmp") for name in tables)
    backups = list(location.backups.glob("*.sqlite3"))
    assert len(backups) == 1
    assert _names(backups[0]) == ["Ann", "Zoë"]


# --- backups -----------------------------------------------------------------------------------


def test_backup_copies_committed_wal_data_but_not_uncommitted(location: DataLocation) -> None:
    open_database(location).close()
    writer = sqlite3.connect(location.database, isolation_level=None)
    other_writer = sqlite3.connect(location.database, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("BEGIN")
        writer.execute(INSERT_MENTOR, ("Committed Ann",))
        writer.execute(INSERT_MENTOR, ("Committed Bo",))
        writer.execute("COMMIT")
        wal = location.database.with_name(location.database.name + "-wal")
        assert wal.stat().st_size > 0, "the rows must still sit in the WAL, not the main file"
        other_writer.execute("BEGIN IMMEDIATE")
        other_writer.execute(INSERT_MENTOR, ("Uncommitted Cy",))

        target = backup_database(location.database, location.backups, "test")

        other_writer.execute("ROLLBACK")
    finally:
        writer.close()
        other_writer.close()

    assert target.parent == location.backups
    assert target.name.endswith("-test.sqlite3")
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    backup = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        assert backup.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = [row[0] for row in backup.execute("SELECT name FROM mentor ORDER BY id")]
        revision = backup.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        backup.close()
    assert names == ["Committed Ann", "Committed Bo"]
    assert revision == HEAD_REVISION
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(location.backups.stat().st_mode) == 0o700
    assert not list(location.backups.glob("*.partial*"))


def test_backups_at_the_same_second_get_distinct_names(location: DataLocation) -> None:
    open_database(location).close()
    now = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)

    first = backup_database(location.database, location.backups, "manual", now=now)
    second = backup_database(location.database, location.backups, "manual", now=now)

    assert first.name == "mentordesk-20300102-030405-manual.sqlite3"
    assert second.name == "mentordesk-20300102-030405-manual-2.sqlite3"
    assert sorted(p.name for p in location.backups.iterdir()) == sorted([first.name, second.name])


def test_backup_leaves_the_source_unchanged(location: DataLocation) -> None:
    _database_with_mentors(location)
    before = location.database.read_bytes()

    backup_database(location.database, location.backups, "manual")

    assert location.database.read_bytes() == before


def test_leftovers_of_an_interrupted_creation_are_discarded(location: DataLocation) -> None:
    location.root.mkdir(parents=True)
    # A creation killed midway leaves a file named after its (now gone) process id.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = location.root / f"mentordesk.sqlite3.creating-{dead.pid}"
    stale.write_bytes(b"half-written garbage from a crash")
    stale.with_name(stale.name + "-wal").write_bytes(b"stale wal")

    open_database(location).close()

    assert _revision(location.database) == HEAD_REVISION
    assert sorted(p.name for p in location.root.iterdir()) == ["mentordesk.sqlite3"]
