"""``mentordesk check``: is the file intact, and is its schema exactly what this version expects?"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from mentordesk.db.errors import DatabaseOpenError
from mentordesk.db.schema import HEAD_REVISION, SchemaState, inspect_schema, read_only_uri
from mentordesk.paths import DataLocation


@dataclass
class HealthReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(location: DataLocation) -> HealthReport:
    """Read-only: runs SQLite's integrity check and compares the schema with the mapped classes."""
    report = HealthReport()
    path = location.database
    try:
        inspection = inspect_schema(path)
    except DatabaseOpenError as exc:
        report.problems.append(str(exc))
        return report
    if inspection.state is SchemaState.MISSING:
        report.problems.append(f"There is no database at {path} yet.")
        return report
    report.facts.append(f"Database: {path}")
    report.facts.append(f"Schema revision: {inspection.revision}")
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        fk_rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"Integrity check could not run: {exc}")
        return report
    finally:
        connection.close()
    if rows != ["ok"]:
        report.problems.extend(f"Integrity: {row}" for row in rows[:20])
    else:
        report.facts.append("Integrity check: ok")
    if fk_rows:
        report.problems.append(f"{len(fk_rows)} rows refer to rows that do not exist.")
    if inspection.state is not SchemaState.CURRENT:
        report.problems.append(
            f"Schema revision {inspection.revision} is not this version's ({HEAD_REVISION})."
        )
        return report
    report.problems.extend(_schema_drift(path))
    if not report.problems:
        report.facts.append("Schema matches this version: ok")
    return report


def _schema_drift(path: Path) -> list[str]:
    from sqlalchemy import create_engine

    from mentordesk.db.migrate import schema_differences

    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(read_only_uri(path), uri=True)
    )
    try:
        return [f"Schema differs: {diff}" for diff in schema_differences(engine)]
    finally:
        engine.dispose()
