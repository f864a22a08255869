"""The person's own settings that belong with their data: who they are, how long before a
reminder, what paper their documents print on. Stored in the database, so a backup or an
archive carries them; appearance and window state stay beside the data in the UI-state file.

One immutable record with typed fields and defaults: every feature reads its setting from it
(``services.settings.read().thanks_after_days``) and nowhere else.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mentordesk.domain.text import one_line
from mentordesk.domain.validation import (
    NAME_MAX,
    ValidationError,
    email_error,
    line_error,
    tidy_line,
)


class PaperSize(StrEnum):
    """What documents are laid out on; LOCALE follows the system's country (Letter in the
    USA and Canada, A4 nearly everywhere else)."""

    LOCALE = "locale"
    A4 = "a4"
    LETTER = "letter"


# Where Letter is the usual paper (ISO 3166 codes); A4 nearly everywhere else.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "BZ"}
)


def usual_paper(country_code: str) -> PaperSize:
    """The paper size usual in a country: A4 or Letter (never LOCALE)."""
    return PaperSize.LETTER if country_code.upper() in LETTER_COUNTRIES else PaperSize.A4


THANKS_DAYS_MIN = 7
THANKS_DAYS_MAX = 730
EMAILS_MAX = 20


@dataclass(frozen=True)
class PersonalSettings:
    """Every personal setting with its default; an edit makes a new record."""

    # Names the author of a PDF summary; the name and addresses also keep a calendar import
    # from taking the person for one of their own mentors.
    your_name: str = ""
    your_emails: tuple[str, ...] = ()
    # Home suggests a thank-you to a mentor not thanked for this many days.
    thanks_after_days: int = 90
    paper_size: PaperSize = PaperSize.LOCALE

    def replace(self, **changes: object) -> PersonalSettings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def paper_for(self, country_code: str) -> PaperSize:
        """The paper documents are laid out on, for a system in ``country_code``."""
        if self.paper_size is PaperSize.LOCALE:
            return usual_paper(country_code)
        return self.paper_size

    def is_own_address(self, email: str) -> bool:
        wanted = email.strip().casefold()
        return bool(wanted) and any(wanted == own.casefold() for own in self.your_emails)

    def normalized(self) -> PersonalSettings:
        seen: set[str] = set()
        emails: list[str] = []
        for raw in self.your_emails:
            email = tidy_line(raw)
            if email and email.casefold() not in seen:
                seen.add(email.casefold())
                emails.append(email)
        return self.replace(
            your_name=" ".join(one_line(self.your_name).split()), your_emails=tuple(emails)
        )

    def errors(self) -> dict[str, str]:
        found: dict[str, str | None] = {
            "your_name": line_error(self.your_name, "Your name", NAME_MAX),
            "your_emails": _emails_error(self.your_emails),
            "thanks_after_days": _days_error(self.thanks_after_days),
        }
        return {name: message for name, message in found.items() if message}

    def validated(self) -> PersonalSettings:
        settings = self.normalized()
        errors = settings.errors()
        if errors:
            raise ValidationError(errors)
        return settings

    def stored_values(self) -> dict[str, str]:
        """Each setting as the JSON text its row holds."""
        return {
            field.name: json.dumps(_plain(getattr(self, field.name)), ensure_ascii=False)
            for field in dataclasses.fields(self)
        }


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, StrEnum):
        return value.value
    return value


def _emails_error(emails: tuple[str, ...]) -> str | None:
    if len(emails) > EMAILS_MAX:
        return f"At most {EMAILS_MAX} email addresses."
    for email in emails:
        problem = line_error(email, "An email address")
        if problem:
            return problem
        if email_error(email):
            return f"“{email}” is not an email address like name@example.org."
    return None


def _days_error(days: int) -> str | None:
    if not THANKS_DAYS_MIN <= days <= THANKS_DAYS_MAX:
        return f"Choose between {THANKS_DAYS_MIN} and {THANKS_DAYS_MAX} days."
    return None


def settings_from_stored(values: Mapping[str, str]) -> tuple[PersonalSettings, list[str]]:
    """The settings the stored rows describe, and the keys that could not be used.

    A row with a value this version cannot read (edited by hand, say) falls back to the
    default rather than stop the app; unknown keys are ignored.
    """
    defaults = PersonalSettings()
    changes: dict[str, Any] = {}
    unusable: list[str] = []
    for field in dataclasses.fields(PersonalSettings):
        if field.name not in values:
            continue
        try:
            changes[field.name] = _parse(field.name, json.loads(values[field.name]))
        except (ValueError, TypeError):
            unusable.append(field.name)
    settings = defaults.replace(**changes)
    errors = settings.normalized().errors()
    for name in errors:
        changes.pop(name, None)
        unusable.append(name)
    return defaults.replace(**changes).normalized(), unusable


def _parse(name: str, value: object) -> object:
    if name == "your_name":
        return _expect(value, str)
    if name == "your_emails":
        items = _expect(value, list)
        return tuple(_expect(item, str) for item in items)
    if name == "thanks_after_days":
        if isinstance(value, bool):
            raise TypeError(name)
        return _expect(value, int)
    if name == "paper_size":
        return PaperSize(_expect(value, str))
    raise ValueError(name)


def _expect(value: object, kind: type) -> Any:
    if not isinstance(value, kind):
        raise TypeError(kind.__name__)
    return value
