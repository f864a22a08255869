"""What an import keeps beside a meeting's fields: its identity in the file (UID and
RECURRENCE-ID), the file's SEQUENCE and what the file said (see ics_plan). Meetings are
created and changed through MeetingService; only these columns are read and written here.

Imported only when an import runs: it needs SQLAlchemy, which the GUI's modules never load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.models import Meeting

_CHUNK = 500  # values per IN (...) list, well below SQLite's limit


@dataclass(frozen=True)
class StoredIdentity:
    meeting_id: int
    uid: str
    recurrence_id: str
    imported: Mapping[str, Any] | None


def identities(
    sessions: sessionmaker[Session], keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], StoredIdentity]:
    """The meetings stored with these (UID, RECURRENCE-ID) keys."""
    wanted = set(keys)
    uids = sorted({uid for uid, _ in wanted})
    found: dict[tuple[str, str], StoredIdentity] = {}
    with reading(sessions) as session:
        for first in range(0, len(uids), _CHUNK):
            rows = session.execute(
                select(
                    Meeting.id, Meeting.uid, Meeting.recurrence_id, Meeting.imported_event
                ).where(Meeting.uid.in_(uids[first : first + _CHUNK]))
            )
            for meeting_id, uid, recurrence_id, imported in rows:
                if (uid, recurrence_id) in wanted:
                    found[(uid, recurrence_id)] = StoredIdentity(
                        meeting_id, uid, recurrence_id, _parsed(imported)
                    )
    return found


def recurrence_ids(sessions: sessionmaker[Session], meeting_ids: Sequence[int]) -> dict[int, str]:
    """meeting id -> its RECURRENCE-ID, for the meetings that are instances (for export)."""
    found: dict[int, str] = {}
    ids = list(meeting_ids)
    with reading(sessions) as session:
        for first in range(0, len(ids), _CHUNK):
            rows = session.execute(
                select(Meeting.id, Meeting.recurrence_id).where(
                    Meeting.id.in_(ids[first : first + _CHUNK]), Meeting.recurrence_id != ""
                )
            )
            found.update((meeting_id, key) for meeting_id, key in rows)
    return found


def mark(sessions: sessionmaker[Session], rows: Sequence[Mapping[str, Any]]) -> None:
    """Store, per meeting ``id``, any of ``uid``, ``recurrence_id``, ``sequence`` and
    ``imported`` (what the file said, as a mapping)."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        values = {k: v for k, v in row.items() if k != "imported"}
        if "imported" in row:
            values["imported_event"] = json.dumps(row["imported"], ensure_ascii=False)
        by_columns.setdefault(tuple(sorted(values)), []).append(values)
    with writing(sessions) as session:
        for batch in by_columns.values():
            session.execute(update(Meeting), batch)  # by primary key, many at once


def _parsed(text: str) -> Mapping[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
