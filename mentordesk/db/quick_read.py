"""Reads mentor rows with plain sqlite3, so the first screen shows without SQLAlchemy.

Importing SQLAlchemy takes longer than the whole rest of start-up. When the schema is
already current, the rows are read here, read-only, while the ORM loads for editing. The
values are converted from SQLAlchemy's SQLite storage format; a test keeps this read equal
to the ORM's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from mentordesk.db.listing import install_functions
from mentordesk.db.schema import SchemaState, inspect_schema, read_only_uri

_DATE_COLUMNS = ("started_on", "ended_on")
_UTC_COLUMNS = ("archived_at", "created_at", "updated_at")

MentorRow = tuple[dict[str, Any], list[str], list[str]]


def read_mentor_rows(path: Path) -> list[MentorRow] | None:
    """Every mentor row with its expertise and tags; None when the schema is not current."""
    connection = open_current(path)
    if connection is None:
        return None
    try:
        return mentor_rows(connection)
    finally:
        connection.close()


def open_current(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a database whose schema is current (else None), with the
    list queries' SQL functions; usable from any thread, one at a time."""
    if inspect_schema(path).state is not SchemaState.CURRENT:
        return None
    connection = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    install_functions(connection)
    return connection


def mentor_rows(
    connection: sqlite3.Connection, ids: Sequence[int] | None = None
) -> list[MentorRow]:
    """The mentor rows (of ``ids``, or all) with their expertise and tags."""
    where = ""
    params: tuple[int, ...] = ()
    if ids is not None:
        where = f" WHERE {{column}} IN ({', '.join('?' * len(ids))})"
        params = tuple(ids)
    labels: dict[str, dict[int, list[str]]] = {"mentor_expertise": {}, "mentor_tag": {}}
    for table, by_mentor in labels.items():
        query = (
            f"SELECT mentor_id, label FROM {table}{where.format(column='mentor_id')}"
            " ORDER BY mentor_id, position, id"
        )
        for mentor_id, label in connection.execute(query, params):
            by_mentor.setdefault(mentor_id, []).append(label)
    rows = []
    cursor = connection.execute(f"SELECT * FROM mentor{where.format(column='id')}", params)
    names = [column[0] for column in cursor.description]
    for row in cursor:
        values = dict(zip(names, row, strict=True))
        for name in _DATE_COLUMNS:
            if values[name] is not None:
                values[name] = date.fromisoformat(values[name])
        for name in _UTC_COLUMNS:
            if values[name] is not None:
                values[name] = datetime.fromisoformat(values[name]).replace(tzinfo=UTC)
        mentor_id = values["id"]
        rows.append(
            (
                values,
                labels["mentor_expertise"].get(mentor_id, []),
                labels["mentor_tag"].get(mentor_id, []),
            )
        )
    return rows


def has_rows(path: Path, table: str) -> bool:
    """Whether ``table`` in the database at ``path`` holds any row (read-only)."""
    connection = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return bool(connection.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0])
    finally:
        connection.close()
