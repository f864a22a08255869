"""Copies the rows that can still be read from a damaged database into a sound one."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from mentordesk.db.schema import read_only_uri

# Past the highest rowid a damaged table still reports, keep probing this many ids.
_PROBE_BEYOND = 1000


def salvage_rows(
    damaged: Path, target_path: Path, tables: Sequence[str]
) -> tuple[dict[str, int], dict[str, str]]:
    """Copy readable rows of ``tables`` (in foreign-key order) into ``target_path``.

    Returns rows saved per table and, for tables that could not be read whole, why. Rows
    whose parent row was lost are dropped rather than left dangling.
    """
    saved: dict[str, int] = {}
    unreadable: dict[str, str] = {}
    source = sqlite3.connect(read_only_uri(damaged), uri=True)
    # Without this, SQLite refuses every read of a file shorter than its header says,
    # although the pages before the cut are intact.
    source.execute("PRAGMA writable_schema=ON")
    target = sqlite3.connect(target_path)
    try:
        target.execute("PRAGMA foreign_keys=OFF")
        for table in tables:
            saved[table], problem = _copy_readable_rows(source, target, table)
            if problem:
                unreadable[table] = problem
        dangling = target.execute("PRAGMA foreign_key_check").fetchall()
        for table, rowid, _parent, _fk in dangling:
            target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            saved[table] -= 1
        target.commit()
    finally:
        source.close()
        target.close()
    return saved, unreadable


def _copy_readable_rows(
    source: sqlite3.Connection, target: sqlite3.Connection, table: str
) -> tuple[int, str]:
    """Rows of ``table`` that can be read, copied; falls back to one row at a time."""
    try:
        source_columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError as exc:
        return 0, str(exc)
    target_columns = [row[1] for row in target.execute(f'PRAGMA table_info("{table}")')]
    columns = [name for name in target_columns if name in source_columns]
    if not columns:
        return 0, "the table could not be read"
    names = ", ".join(f'"{name}"' for name in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    rows: list[tuple[object, ...]] = []
    problem = ""
    try:
        rows = source.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
        rows = _probe_rows(source, table, names)
    whole = [row for row in rows if not _reads_past_the_end(row)]
    if len(whole) < len(rows):
        problem = problem or f"{len(rows) - len(whole)} rows ran past the end of the file"
    rows = whole
    if not rows:
        return 0, problem
    # The rows inserted (those a trigger writes, such as the search index's, not counted).
    inserted = target.executemany(insert, rows).rowcount
    return max(inserted, 0), problem


def _reads_past_the_end(row: tuple[object, ...]) -> bool:
    """A row whose text continues on a page beyond the end of a cut file: SQLite reads the
    missing bytes as zeros. Nothing a person typed holds a NUL character."""
    return any(isinstance(value, str) and "\x00" in value for value in row)


def _probe_rows(source: sqlite3.Connection, table: str, names: str) -> list[tuple[object, ...]]:
    """Read a damaged table row by row, keeping every row that still reads."""
    try:
        highest = int(source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0] or 0)
    except sqlite3.DatabaseError:
        highest = 0
    rows = []
    misses = 0
    rowid = 1
    while rowid <= highest or misses < _PROBE_BEYOND:
        try:
            row = source.execute(
                f'SELECT {names} FROM "{table}" WHERE rowid = ?', (rowid,)
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            rows.append(row)
        rowid += 1
    return rows
