"""Validation rules for what a person types, with messages a person can read.

Pure Python: the GUI validates a form field before SQLAlchemy is even imported, and the
services validate again before anything is stored.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlsplit

from mentordesk.domain.text import has_visible, multi_line_error, one_line, one_line_error


class DomainError(Exception):
    """An error a person caused and can fix; its message is written for them."""


class ValidationError(DomainError):
    """Input that cannot be stored. ``field_errors`` maps a field name to its message."""

    def __init__(self, field_errors: Mapping[str, str]) -> None:
        self.field_errors = dict(field_errors)
        super().__init__("; ".join(self.field_errors.values()))


class NotFoundError(DomainError):
    """The record asked for does not exist (any more)."""


# Deliberately permissive: one "@", no spaces, a dot in the domain. Real deliverability can
# only be proven by sending mail, which an offline app never does.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# A dotted name ending in a top-level domain of letters (or its punycode "xn--" form).
_HOST = re.compile(r"^[\w-]+(\.[\w-]+)*\.([^\W\d_]{2,}|xn--[a-z0-9-]+)$|^localhost$", re.UNICODE)

NAME_MAX = 200
SHORT_TEXT_MAX = 300
NOTES_MAX = 100_000


def email_error(value: str) -> str | None:
    if value and not _EMAIL.match(value):
        return "Enter an email address like name@example.org."
    return None


def url_error(value: str) -> str | None:
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Enter a web address starting with https:// (for example https://example.org/jane)."
    if not _HOST.match(parts.hostname) and not _is_ip_address(parts.hostname):
        return f"“{parts.hostname}” is not a valid web host."
    return None


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def required_text_error(value: str, what: str) -> str | None:
    """Required means at least one visible character (zero-width spaces are not a name)."""
    if not has_visible(value):
        return f"{what} is required."
    return None


def line_error(
    value: str, what: str, limit: int = SHORT_TEXT_MAX, *, required: bool = False
) -> str | None:
    """Everything wrong with a one-line field's value (see mentordesk.domain.text)."""
    return (
        (required_text_error(value, what) if required else None)
        or one_line_error(value, what)
        or length_error(value, what, limit)
    )


def lines_error(
    value: str, what: str, limit: int = NOTES_MAX, *, required: bool = False
) -> str | None:
    """Everything wrong with a multi-line field's value (see mentordesk.domain.text)."""
    return (
        (required_text_error(value, what) if required else None)
        or multi_line_error(value, what)
        or length_error(value, what, limit)
    )


def length_error(value: str, what: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"{what} is too long ({len(value)} characters; at most {limit})."
    return None


def date_order_error(start: date | None, end: date | None) -> str | None:
    if start is not None and end is not None and end < start:
        return "The end date is before the start date."
    return None


def fold(text: str) -> str:
    """Case- and accent-insensitive form for searching and sorting: "Élodie" ~ "elodie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tidy_line(value: str) -> str:
    """A one-line value as stored: line breaks and tabs as spaces, trimmed."""
    return one_line(value).strip()


def normalize_labels(values: Iterable[str]) -> tuple[str, ...]:
    """Trim, drop empties and duplicates (ignoring case), keep the order given."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in values:
        label = " ".join(one_line(raw).split())
        key = label.casefold()
        if label and key not in seen:
            seen.add(key)
            result.append(label)
    return tuple(result)


def split_labels(text: str) -> tuple[str, ...]:
    """Parse what a person types into a comma-separated list field."""
    return normalize_labels(text.split(","))


class StorageError(DomainError):
    """The edit could not be stored (disk full, file locked or read-only); nothing changed."""
