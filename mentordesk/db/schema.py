"""Which schema revisions this version knows, readable without importing Alembic.

Start-up compares the database's revision with ``HEAD_REVISION`` using plain sqlite3, so the
common case (schema already current) never pays for importing Alembic. A test keeps these
constants equal to the migration scripts.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

# Oldest first. Append the new revision id here whenever a migration is added.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_mentors",
    "0002_goals_skills",
    "0003_agreements",
    "0004_settings",
    "0005_meetings",
    "0006_list_keys",
    "0007_calendar_import",
    "0008_gratitude",
    "0009_search",
    "0010_query_indexes",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
# Tables a current database must have; read (read-only) before the app engine touches it.
REQUIRED_TABLES: tuple[str, ...] = (
    "mentor",
    "mentor_expertise",
    "mentor_tag",
    "goal",
    "milestone",
    "goal_note",
    "goal_mentor",
    "goal_skill",
    "skill",
    "assessment",
    "agreement",
    "agreement_objective",
    "agreement_commitment",
    "availability_window",
    "agreement_revision",
    "setting",
    "meeting",
    "meeting_mentor",
    "agenda_item",
    "meeting_advice",
    "action_item",
    "gratitude_entry",
)

SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaState(Enum):
    MISSING = auto()
    CURRENT = auto()
    OLDER = auto()
    NEWER = auto()


@dataclass(frozen=True)
class SchemaInspection:
    state: SchemaState
    revision: str | None = None


def read_only_uri(path: Path) -> str:
    """Open a database without writing anything at all.

    A WAL database opened read-only normally gets -shm (and -wal) files created beside it.
    When no -wal file exists there is nothing pending to read, so ``immutable`` opens it
    without creating any file; when one exists, its committed edits must be read.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


def inspect_schema(path: Path) -> SchemaInspection:
    """Classify a data file without writing to it; raises DatabaseOpenError for bad files."""
    from mentordesk.db.errors import (
        CorruptDatabaseError,
        DanglingLinkError,
        DatabaseBusyError,
        NotMentorDeskDatabaseError,
    )

    if not path.exists():
        if path.is_symlink():  # opening it would create a file wherever the link points
            raise DanglingLinkError(path, os.readlink(path))
        return SchemaInspection(SchemaState.MISSING)
    if not path.is_file():
        raise NotMentorDeskDatabaseError(path, "it is not a file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if len(header) == 0:
        raise NotMentorDeskDatabaseError(path, "the file is empty")
    if header != SQLITE_HEADER:
        raise NotMentorDeskDatabaseError(path, "it is not an SQLite database file")
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                raise NotMentorDeskDatabaseError(path, "it has no MentorDesk schema version")
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if len(rows) == 1 and rows[0][0] == HEAD_REVISION:
                missing = [name for name in REQUIRED_TABLES if name not in tables]
                if missing:
                    raise CorruptDatabaseError(path, f"table {missing[0]} is missing")
                for name in REQUIRED_TABLES:
                    # Reads every page of the table: a damaged one fails here, not in use.
                    connection.execute(f"SELECT count(*) FROM {name}").fetchone()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseBusyError(path) from exc
        raise CorruptDatabaseError(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(path, str(exc)) from exc
    if len(rows) != 1:
        raise NotMentorDeskDatabaseError(path, "its schema version is missing")
    revision = str(rows[0][0])
    if revision == HEAD_REVISION:
        return SchemaInspection(SchemaState.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return SchemaInspection(SchemaState.OLDER, revision)
    return SchemaInspection(SchemaState.NEWER, revision)
