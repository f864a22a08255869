"""The first screen's data, read before SQLAlchemy is imported (see mentordesk.db.quick_read)."""

from __future__ import annotations

from mentordesk.db.quick_read import read_mentor_rows
from mentordesk.domain.mentor import MentorRecord, mentor_record, sorted_by_name
from mentordesk.paths import DataLocation


def read_mentors_quickly(location: DataLocation) -> list[MentorRecord] | None:
    """All mentors, or None when the database must first be created or upgraded."""
    rows = read_mentor_rows(location.database)
    if rows is None:
        return None
    return sorted_by_name(
        mentor_record(values, expertise, tags) for values, expertise, tags in rows
    )
