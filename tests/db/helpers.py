"""Building a database as an older MentorDesk left it, for the upgrade tests."""

from __future__ import annotations

import sqlite3

from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import upgrade_to_head
from mentordesk.paths import DataLocation

STAMP = "'2021-05-01 10:00:00.000000'"


def database_at(location: DataLocation, revision: str) -> sqlite3.Connection:
    """A new database in ``location`` migrated to ``revision`` only, and a plain sqlite3
    connection to fill it (use it in a ``with`` block, then close it)."""
    location.root.mkdir(parents=True)
    engine = create_sqlite_engine(location.database, foreign_keys=False)
    upgrade_to_head(engine, revision)
    engine.dispose()
    return sqlite3.connect(location.database)


def insert_mentor(
    connection: sqlite3.Connection, mentor_id: int, name: str, notes: str = ""
) -> None:
    """A mentor row as every revision so far stores it."""
    connection.execute(
        "INSERT INTO mentor (id, name, title, organization, email, phone, profile_url,"
        " location, time_zone, met_detail, kind, direction, status, notes,"
        " created_at, updated_at) VALUES (?, ?, '', 'Lumen', '', '', '', '', '', '',"
        f" 'mentor', 'they_mentor_me', 'active', ?, {STAMP}, {STAMP})",
        (mentor_id, name, notes),
    )
