"""Many plain rows inserted at once, for the services' bulk methods (sample data, imports).

SQLAlchemy Core's executemany: one prepared statement for all the rows, no ORM objects and
no unit of work, which is what makes 120,000 action items cost a second rather than ten.
What the ORM would do on the way is then the caller's: validating, knowing the ids of rows
that others point at, and the list keys (``name_key``, ``search_key``) that the before_flush
listener (``mentordesk/db/models/keys.py``) keeps for ORM rows. A bulk method whose rows
have keys that combine several fields stores those rows as ORM objects in one flush, so the
listener sets the keys, and only their plain parts (assessments, notes, links) here.

Internal to the services package: it takes a session, which no public method does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from mentordesk.db.models import Base


def insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (column name to value, every row with the same columns) into the
    model's table, in order: ids not given are assigned in that order."""
    if rows:
        session.execute(insert(Base.metadata.tables[model.__tablename__]), rows)
