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


def freelist_problem(path: Path) -> str | None:
    """What is wrong with the list of free pages, read from the file, or None.

    SQLite 3.40's quick_check and integrity_check skip this list when the schema holds a
    virtual table (the search index is one), so it is walked here: each trunk page must be
    in the file, hold no more leaves than fit, and name only pages in the file, and the
    pages counted must be the header's count. Only the file itself is read, so nothing is
    said while a -wal file with frames is beside it (its pages would be newer than the
    file's); one that is no WAL at all, SQLite ignores too.
    """
    if _holds_frames(path.with_name(path.name + "-wal")):
        return None
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
            if len(header) < 100:
                return None
            page_size = int.from_bytes(header[16:18], "big")
            page_size = 65536 if page_size == 1 else page_size
            if page_size < 512:
                return None
            usable = page_size - header[20]
            pages = path.stat().st_size // page_size
            trunk = int.from_bytes(header[32:36], "big")
            expected = int.from_bytes(header[36:40], "big")
            counted = 0
            visited: set[int] = set()
            while trunk:
                if trunk > pages or trunk in visited:
                    return f"free page list: invalid page number {trunk}"
                visited.add(trunk)
                handle.seek((trunk - 1) * page_size)
                data = handle.read(page_size)
                leaves = int.from_bytes(data[4:8], "big")
                if leaves > usable // 4 - 2:
                    return f"free page list: leaf count too big on page {trunk}"
                for at in range(8, 8 + 4 * leaves, 4):
                    leaf = int.from_bytes(data[at : at + 4], "big")
                    if not 1 < leaf <= pages:
                        return f"free page list: invalid page number {leaf} on page {trunk}"
                counted += 1 + leaves
                if counted > expected:
                    break
                trunk = int.from_bytes(data[0:4], "big")
    except OSError:
        return None
    if counted != expected:
        return f"free page list: {counted} pages listed, the header says {expected}"
    return None


_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32


def _holds_frames(wal: Path) -> bool:
    try:
        with wal.open("rb") as handle:
            header = handle.read(_WAL_HEADER)
        return (
            len(header) == _WAL_HEADER
            and int.from_bytes(header[:4], "big") in _WAL_MAGIC
            and wal.stat().st_size > _WAL_HEADER
        )
    except OSError:
        return False
