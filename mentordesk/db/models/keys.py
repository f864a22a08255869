"""Keeps every row's list keys (see mentordesk.domain.listing_keys) in step with its text.

One listener before each flush works the keys out for every new or changed row, and for the
owner of a changed part (a mentor's expertise, a goal's milestone), so no service can forget
them. Bulk inserts that bypass the ORM (sample data, imports) set them themselves.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from mentordesk.db.models.agreement import Agreement
from mentordesk.db.models.goal import Goal, Milestone
from mentordesk.db.models.meeting import ActionItem, Meeting
from mentordesk.db.models.mentor import Mentor, MentorExpertise, MentorTag
from mentordesk.db.models.skill import Skill
from mentordesk.domain.listing_keys import folded


def _owner(session: Session, row: object) -> object | None:
    if isinstance(row, (MentorExpertise, MentorTag)):
        mentor: Mentor | None = row.mentor
        return mentor
    if isinstance(row, Milestone):
        # A milestone changed on its own (its title edited): its goal's key holds it.
        return session.get(Goal, row.goal_id) if row.goal_id is not None else None
    return row


def _set_keys(row: object) -> None:
    if isinstance(row, Mentor):
        row.name_key = folded(row.name)
        row.search_key = folded(
            row.name,
            row.organization or "",
            [item.label for item in row.expertise],
            [item.label for item in row.tags],
        )
    elif isinstance(row, Goal):
        row.name_key = folded(row.title)
        row.search_key = folded(
            row.title,
            row.description or "",
            row.why_it_matters or "",
            [milestone.title for milestone in row.milestones],
        )
    elif isinstance(row, Skill):
        row.search_key = folded(row.name, row.category or "")
    elif isinstance(row, Agreement):
        row.name_key = row.search_key = folded(row.title)
    elif isinstance(row, (ActionItem, Meeting)):
        row.search_key = folded(row.text if isinstance(row, ActionItem) else row.title)


@event.listens_for(Session, "before_flush")
def _refresh_keys(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    with session.no_autoflush:
        owners = {_owner(session, row) for row in chain(session.new, session.dirty)}
        for owner in owners:
            if owner is not None and owner not in session.deleted:
                _set_keys(owner)
