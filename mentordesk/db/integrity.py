"""Read-only checks of a database file: SQLite's integrity check and schema drift."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mentordesk.db.schema import read_only_uri


def integrity_problems(path: Path) -> list[str]:
    """What PRAGMA integrity_check and foreign_key_check find; empty when all is well."""
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [f"the integrity check could not run: {exc}"]
    finally:
        connection.close()
    problems = [f"integrity: {row}" for row in rows[:20]] if rows != ["ok"] else []
    if dangling:
        problems.append(f"{len(dangling)} rows refer to rows that do not exist")
    return problems


def schema_drift(path: Path) -> list[str]:
    """How the file's schema differs from the mapped classes (imports Alembic)."""
    from sqlalchemy import create_engine

    from mentordesk.db.migrate import schema_differences

    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(read_only_uri(path), uri=True)
    )
    try:
        return [str(diff) for diff in schema_differences(engine)]
    finally:
        engine.dispose()
