"""Every stored row, read and written table by table, for the complete archive
(mentordesk/interchange/archive_*.py).

A faithful archive keeps what no service hands out or takes (ids, when a record was made
and last changed, a meeting's calendar identity, an agreement's revisions), so it reads
and writes the tables themselves, with SQLAlchemy Core and the mapped tables' types (dates
as dates, UTC times as aware datetimes, choices as enums). The list keys (``name_key``,
``search_key``) are not archived: they are worked out again on the way in, by the same
listener code that keeps them for ORM rows (``models/keys.py``).

Imported only when an archive is exported or imported (it needs SQLAlchemy).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.models import Base, Skill
from mentordesk.db.models.keys import _set_keys
from mentordesk.domain.validation import fold

DERIVED = frozenset({"name_key", "search_key"})
# The parts whose text is in their owner's search key (see models/keys.py).
_KEY_PARTS = {"mentor": ("expertise", "tags"), "goal": ("milestones",)}


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def stored_tables() -> tuple[str, ...]:
    """Every table of the mapped schema (the search index is none: it is made from them)."""
    return tuple(sorted(Base.metadata.tables))


def stored_columns(table: str) -> tuple[str, ...]:
    """The columns of ``table`` an archive must hold: all but the derived list keys."""
    return tuple(c.name for c in _table(table).columns if c.name not in DERIVED)


@dataclass(frozen=True)
class TableRead:
    table: str
    columns: tuple[str, ...]
    order_by: tuple[str, ...]


def read_tables(
    sessions: sessionmaker[Session],
    reads: Sequence[TableRead],
    stop: Callable[[], None] | None = None,
) -> list[list[tuple[Any, ...]]]:
    """The rows of each table asked for, in one read transaction (so they fit together);
    ``stop()`` is called before each table (it raises to end the read early)."""
    found: list[list[tuple[Any, ...]]] = []
    with reading(sessions) as session:
        for wanted in reads:
            if stop is not None:
                stop()
            table = _table(wanted.table)
            query = select(*(table.c[name] for name in wanted.columns)).order_by(
                *(table.c[name] for name in wanted.order_by)
            )
            found.append([tuple(row) for row in session.execute(query)])
    return found


def count_rows(sessions: sessionmaker[Session], tables: Sequence[str]) -> dict[str, int]:
    """How many rows each table holds."""
    with reading(sessions) as session:
        return {
            name: int(session.execute(select(func.count()).select_from(_table(name))).scalar_one())
            for name in tables
        }


def insert_table(
    sessions: sessionmaker[Session],
    table: str,
    rows: Sequence[Mapping[str, Any]],
    parts: Sequence[Mapping[str, Sequence[Mapping[str, Any]]]] | None = None,
) -> None:
    """Insert ``rows`` (every row with the same columns, ids included) into ``table``.
    For a table with list keys, ``parts`` gives each row's owned rows by part name (a
    mentor's ``expertise`` and ``tags``, a goal's ``milestones``), which its key holds."""
    if not rows:
        return
    target = _table(table)
    if DERIVED & set(target.columns.keys()):
        rows = [
            {**row, **_keys(table, row, parts[i] if parts else {})} for i, row in enumerate(rows)
        ]
    with writing(sessions) as session:
        session.execute(insert(target), list(rows))


def _model(table: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if mapper.local_table is _table(table):
            return mapper.class_
    raise KeyError(table)


def _keys(
    table: str, row: Mapping[str, Any], parts: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, str]:
    model = _model(table)
    record = model(**row)  # transient: never added to a session
    for name in _KEY_PARTS.get(table, ()):
        relationship = getattr(model, name).property
        setattr(record, name, [relationship.mapper.class_(**part) for part in parts.get(name, ())])
    _set_keys(record)
    if isinstance(record, Skill):
        record.name_key = fold(record.name)  # the skill service's unique key
    return {name: getattr(record, name) for name in DERIVED if name in model.__table__.columns}
