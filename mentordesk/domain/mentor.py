"""The editable content of a mentor card and the rules it must satisfy to be stored."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    SHORT_TEXT_MAX,
    ValidationError,
    date_order_error,
    email_error,
    length_error,
    normalize_labels,
    required_text_error,
    url_error,
)

SHORT_TEXT_FIELDS = (
    "title",
    "organization",
    "email",
    "phone",
    "profile_url",
    "location",
    "time_zone",
    "met_detail",
)

# The fields stored as columns of the mentor table (expertise and tags have tables of their own).
COLUMN_FIELDS = (
    "name",
    "title",
    "organization",
    "email",
    "phone",
    "profile_url",
    "location",
    "time_zone",
    "met_via",
    "met_detail",
    "kind",
    "direction",
    "status",
    "started_on",
    "ended_on",
    "preferred_channel",
    "notes",
)


@dataclass(frozen=True)
class MentorFields:
    """Everything a person can type on a mentor card. Immutable: an edit makes a new one."""

    name: str
    title: str = ""
    organization: str = ""
    email: str = ""
    phone: str = ""
    profile_url: str = ""
    location: str = ""
    time_zone: str = ""
    met_via: HowWeMet | None = None
    met_detail: str = ""
    expertise: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    kind: RelationshipKind = RelationshipKind.MENTOR
    direction: Direction = Direction.THEY_MENTOR_ME
    status: MentorStatus = MentorStatus.ACTIVE
    started_on: date | None = None
    ended_on: date | None = None
    preferred_channel: Channel | None = None
    notes: str = ""

    def replace(self, **changes: object) -> MentorFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> MentorFields:
        """Trim surrounding whitespace and tidy the label lists; never changes meaning."""
        changes: dict[str, object] = {"name": " ".join(self.name.split())}
        for name in SHORT_TEXT_FIELDS:
            changes[name] = getattr(self, name).strip()
        changes["expertise"] = normalize_labels(self.expertise)
        changes["tags"] = normalize_labels(self.tags)
        return self.replace(**changes)

    def errors(self) -> dict[str, str]:
        """Field name -> message for every rule this card breaks; empty when it can be stored."""
        found: dict[str, str | None] = {
            "name": required_text_error(self.name, "Name")
            or length_error(self.name, "Name", NAME_MAX),
            "email": email_error(self.email.strip()),
            "profile_url": url_error(self.profile_url.strip()),
            "ended_on": date_order_error(self.started_on, self.ended_on),
            "notes": length_error(self.notes, "Notes", NOTES_MAX),
        }
        for name in SHORT_TEXT_FIELDS:
            if found.get(name) is None:
                found[name] = length_error(getattr(self, name), "This field", SHORT_TEXT_MAX)
        return {name: message for name, message in found.items() if message}

    def validated(self) -> MentorFields:
        """The normalized card, or ValidationError naming each field that is wrong."""
        fields = self.normalized()
        errors = fields.errors()
        if errors:
            raise ValidationError(errors)
        return fields
