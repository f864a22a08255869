"""Consistent, verified copies of a live database through SQLite's online backup API.

A plain file copy of a WAL database can miss committed pages or catch a half-written one;
the backup API copies a consistent snapshot even while another connection writes. A
snapshot is written under a temporary name, checked (opened, quick_check) and only then
renamed into place, so a file that looks like a backup is one.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from mentordesk.db.schema import read_only_uri
from mentordesk.domain.validation import DomainError

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
SNAPSHOT_NAME = re.compile(r"^mentordesk-(\d{8}-\d{6})-([a-z0-9_-]+?)(?:-(\d+))?\.sqlite3$")
# Tables whose row counts describe a snapshot to a person (those that exist in it).
COUNTED_TABLES = {
    "mentors": "mentor",
    "goals": "goal",
    "skills": "skill",
    "assessments": "assessment",
    "agreements": "agreement",
    "meetings": "meeting",
    "action items": "action_item",
    "gratitude entries": "gratitude_entry",
}


class SnapshotError(DomainError):
    """A snapshot could not be written or failed its check; no backup was recorded."""


def make_private_dir(path: Path) -> None:
    """Create a folder only the user can read; an existing folder keeps its permissions."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        os.chmod(path, PRIVATE_DIR)


def snapshot_time(path: Path) -> datetime | None:
    """When a snapshot in the backups folder was taken, from its name (UTC)."""
    match = SNAPSHOT_NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)


def snapshot_reason(path: Path) -> str:
    match = SNAPSHOT_NAME.match(path.name)
    return match.group(2) if match else ""


def snapshot_files(backups_dir: Path) -> list[Path]:
    """Snapshot files in the folder, newest first (temporary and foreign files ignored)."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.iterdir():
        match = SNAPSHOT_NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        # Snapshots taken in the same second are ordered by when their file was written.
        found.append((match.group(1), path.stat().st_mtime_ns, int(match.group(3) or 1), path))
    return [item[-1] for item in sorted(found, reverse=True)]


def copy_database(source: Path, target: Path, *, single_file: bool = True) -> None:
    """Copy ``source`` into ``target`` (a new file or a database to overwrite) with the
    backup API; the target is written in one transaction of its own.

    ``single_file`` switches the copy out of WAL mode, so a snapshot is one self-contained
    file that opening it read-only never adds -wal/-shm files to.
    """
    source_connection = sqlite3.connect(read_only_uri(source), uri=True, timeout=30)
    try:
        target_connection = sqlite3.connect(target, timeout=30)
        try:
            source_connection.backup(target_connection)
            if single_file:
                target_connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            target_connection.close()
    finally:
        source_connection.close()


def check_snapshot(path: Path) -> str | None:
    """What is wrong with a database file (quick_check, schema version), or None when sound."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
            if result != ["ok"]:
                return "; ".join(result[:3])
            from mentordesk.db.integrity import freelist_problem

            problem = freelist_problem(path)  # which quick_check may leave out
            if problem is not None:
                return problem
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if len(rows) != 1:
                return "it has no schema version"
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None


def backup_database(
    source: Path, backups_dir: Path, reason: str, *, now: datetime | None = None
) -> Path:
    """Write a verified snapshot of ``source`` into ``backups_dir`` and return its path."""
    make_private_dir(backups_dir)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"mentordesk-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"mentordesk-{stamp}-{reason}-{counter}.sqlite3"
    write_verified_copy(source, target)
    log.info("backup taken: %s (%d kB)", target.name, target.stat().st_size // 1024)
    return target


def write_verified_copy(source: Path, target: Path) -> None:
    """Copy under a temporary name, fsync, check, then rename: all or nothing."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        copy_database(source, partial)
        os.chmod(partial, PRIVATE_FILE)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        problem = check_snapshot(partial)
        if problem is not None:
            raise SnapshotError(f"The new backup failed its check ({problem}).")
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise SnapshotError("The backup could not be written: the disk is full.") from exc
        if not target.parent.is_dir():
            raise SnapshotError(
                f"The backup could not be written: the folder {target.parent} does not exist."
            ) from exc
        raise SnapshotError(
            f"The backup could not be written to {target} ({exc.strerror or exc})."
        ) from exc
    except sqlite3.Error as exc:
        if "full" in str(exc):
            raise SnapshotError("The backup could not be written: the disk is full.") from exc
        if not target.parent.is_dir():
            raise SnapshotError(
                f"The backup could not be written: the folder {target.parent} does not exist."
            ) from exc
        raise SnapshotError(f"The backup could not be written ({exc}).") from exc
    finally:
        partial.unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def row_counts(path: Path) -> dict[str, int]:
    """How many mentors (always), goals, skills, ... (when there are any) a database holds."""
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    try:
        tables = {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        counts = {}
        for label, table in COUNTED_TABLES.items():
            if table in tables:
                count = int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                if count or label == "mentors":
                    counts[label] = count
        return counts
    finally:
        connection.close()


def content_fingerprint(path: Path) -> str:
    """A hash of every row of every table: equal fingerprints mean the same data. The
    search index is left out: it is made from the other tables (and FTS5 keeps some of it
    in tables without rowids)."""
    from mentordesk.db.search import is_search_table

    digest = hashlib.sha256()
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            if not is_search_table(r[0])
        ]
        for table in tables:
            digest.update(table.encode())
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()
