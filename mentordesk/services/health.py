"""``mentordesk check``: is the file intact, and is its schema exactly what this version expects?"""

from __future__ import annotations

from dataclasses import dataclass, field

from mentordesk.db.errors import (
    DatabaseOpenError,
    DataFileMissingError,
    NoDataError,
    has_snapshots,
)
from mentordesk.db.integrity import integrity_problems, schema_drift
from mentordesk.db.schema import HEAD_REVISION, SchemaState, inspect_schema
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
        if has_snapshots(location.backups):
            report.problems.append(str(DataFileMissingError(path)))
        else:
            report.problems.append(str(NoDataError(path)))
        return report
    report.facts.append(f"Database: {path}")
    report.facts.append(f"Schema revision: {inspection.revision}")
    integrity = integrity_problems(path)
    if integrity:
        report.problems.extend(f"Integrity: {problem}" for problem in integrity)
    else:
        report.facts.append("Integrity check: ok")
    if inspection.state is SchemaState.NEWER:
        report.problems.append(
            f"Schema {inspection.revision} was written by a newer MentorDesk; this version "
            f"knows up to {HEAD_REVISION} and will not open it."
        )
        return report
    if inspection.state is SchemaState.OLDER:
        report.facts.append(
            f"Schema {inspection.revision} is from an earlier version; MentorDesk upgrades it "
            f"to {HEAD_REVISION} at the next start, after a backup."
        )
        return report
    report.problems.extend(f"Schema differs: {diff}" for diff in schema_drift(path))
    if not report.problems:
        report.facts.append("Schema matches this version: ok")
    return report
