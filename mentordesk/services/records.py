"""Immutable records that services hand to the GUI and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mentordesk.domain.mentor import MentorFields


@dataclass(frozen=True)
class MentorRecord:
    """A stored mentor card as it was when read."""

    id: int
    fields: MentorFields
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def as_summary(self) -> dict[str, object]:
        """The stable, script-friendly shape used by ``mentordesk mentors list --json``."""
        f = self.fields
        return {
            "id": self.id,
            "name": f.name,
            "email": f.email,
            "organization": f.organization,
            "kind": f.kind.value,
            "direction": f.direction.value,
            "status": f.status.value,
            "archived": self.is_archived,
        }
