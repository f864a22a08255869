"""Shared tools for the backup, restore and recovery tests: fixed clocks, row dumps, damage."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import struct
from pathlib import Path

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

SQLITE_HEADER = b"SQLite format 3\x00"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in rowid order: equal dumps mean equal data."""
    connection = connect_read_only(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {table: _rows(connection, table) for table in tables}
    finally:
        connection.close()


def _rows(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    try:
        return connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    except sqlite3.OperationalError:  # a table without rowids (the search index has two)
        return sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def schema_sql(path: Path) -> list[tuple[object, ...]]:
    connection = connect_read_only(path)
    try:
        return connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
    finally:
        connection.close()


def query(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = connect_read_only(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def scalar(path: Path, sql: str, *params: object) -> int:
    """The single integer a query returns."""
    value = query(path, sql, *params)[0][0]
    assert isinstance(value, int), value
    return value


def mentor_names(path: Path) -> list[str]:
    return [str(row[0]) for row in query(path, "SELECT name FROM mentor ORDER BY id")]


def mentor_count(path: Path) -> int:
    return scalar(path, "SELECT count(*) FROM mentor")


def integrity(path: Path) -> list[str]:
    return [str(row[0]) for row in query(path, "PRAGMA integrity_check")]


def revision(path: Path) -> str:
    rows = query(path, "SELECT version_num FROM alembic_version")
    assert len(rows) == 1
    return str(rows[0][0])


def set_revision(path: Path, value: str) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = ?", (value,))
        connection.commit()
    finally:
        connection.close()


def card(index: int, *, notes_length: int = 40) -> MentorFields:
    return MentorFields(
        name=f"Mentor {index:04d}",
        organization=f"Org {index % 7}",
        email=f"m{index}@example.org",
        expertise=(f"skill {index % 5}", f"area {index % 3}"),
        tags=(f"tag {index % 4}",),
        notes=f"notes for {index} " + "x" * notes_length,
    )


def database_with_mentors(location: DataLocation, count: int, *, notes_length: int = 40) -> None:
    services = Services.open(location)
    try:
        services.mentors.create_many([card(i, notes_length=notes_length) for i in range(count)])
    finally:
        services.close()


def add_mentors(location: DataLocation, names: list[str]) -> None:
    services = Services.open(location)
    try:
        for name in names:
            services.mentors.create(MentorFields(name=name, expertise=("listening",)))
    finally:
        services.close()


def page_size(path: Path) -> int:
    return scalar(path, "PRAGMA page_size")


def table_pages(path: Path, table: str) -> tuple[int, list[int]]:
    """The root page of ``table``'s b-tree and its leaf pages, read from the file's bytes.

    Walks the b-tree by hand (no dbstat), so it works with any SQLite build.
    """
    root = scalar(path, "SELECT rootpage FROM sqlite_master WHERE name = ?", table)
    size = page_size(path)
    data = path.read_bytes()
    leaves: list[int] = []

    def walk(page: int) -> None:
        start = (page - 1) * size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == 0x0D:  # table leaf
            leaves.append(page)
            return
        assert kind == 0x05, f"page {page} is not a table b-tree page ({kind:#x})"
        cells = struct.unpack(">H", data[header + 3 : header + 5])[0]
        for i in range(cells):
            offset = struct.unpack(">H", data[header + 12 + 2 * i : header + 14 + 2 * i])[0]
            walk(struct.unpack(">I", data[start + offset : start + offset + 4])[0])
        walk(struct.unpack(">I", data[header + 8 : header + 12])[0])

    walk(root)
    return root, leaves


def overwrite_page(path: Path, page: int, seed: int = 0) -> None:
    """Fill one page with random bytes (a torn or bit-rotted page)."""
    size = page_size(path)
    data = bytearray(path.read_bytes())
    start = (page - 1) * size
    data[start : start + size] = random.Random(seed).randbytes(size)
    path.write_bytes(bytes(data))


def flip_bytes(path: Path, offset: int, count: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(offset, offset + count):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
