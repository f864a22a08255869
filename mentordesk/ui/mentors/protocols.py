"""What the GUI needs from the services, so views type-check without importing them.

Importing mentordesk.services.mentors would import SQLAlchemy, which start-up defers until
the window is on screen.
"""

from __future__ import annotations

from typing import Protocol

from mentordesk.domain.agreement import AgreementRecord
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.mentor import MentorFields, MentorRecord, MentorReferences


class MentorServiceLike(Protocol):
    def list_all(self, *, include_archived: bool = True) -> list[MentorRecord]: ...
    def get(self, mentor_id: int) -> MentorRecord: ...
    def create(self, fields: MentorFields, *, mentor_id: int | None = None) -> MentorRecord: ...
    def update(self, mentor_id: int, fields: MentorFields) -> MentorRecord: ...
    def set_archived(self, mentor_id: int, archived: bool) -> MentorRecord: ...
    def delete(self, mentor_id: int) -> MentorRecord: ...
    def restore(
        self, record: MentorRecord, references: MentorReferences | None = None
    ) -> MentorRecord: ...
    def references(self, mentor_id: int) -> MentorReferences: ...


class GoalListLike(Protocol):
    def list_all(self) -> list[GoalRecord]: ...


class AgreementLookup(Protocol):
    def active_for_mentor(self, mentor_id: int) -> AgreementRecord | None: ...
