"""Consistent copies of a live database through SQLite's online backup API.

A plain file copy of a WAL database can miss committed pages or catch a half-written one;
the backup API copies a consistent snapshot even while another connection writes.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from mentordesk.db.schema import read_only_uri

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def make_private_dir(path: Path) -> None:
    """Create a folder only the user can read; an existing folder keeps its permissions."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True)
        os.chmod(path, PRIVATE_DIR)


def backup_database(
    source: Path, backups_dir: Path, reason: str, *, now: datetime | None = None
) -> Path:
    """Write a snapshot of ``source`` into ``backups_dir`` and return its path.

    The snapshot is written under a temporary name and renamed only once complete, so a
    crash never leaves a half-written file that looks like a backup.
    """
    make_private_dir(backups_dir)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"mentordesk-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"mentordesk-{stamp}-{reason}-{counter}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    source_connection = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        target_connection = sqlite3.connect(partial)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    os.chmod(partial, PRIVATE_FILE)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target
