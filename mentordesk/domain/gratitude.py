"""The gratitude log: dated entries of thanks given to a mentor and help offered back, and
the rule that says whom it is time to thank.

Showing gratitude keeps a mentor invested: a thank-you note, news of what their advice led
to, a favour returned. The rule here (``thanks_due``) is pure: the service hands it what
it read, and Home shows what it returns.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mentordesk.domain.enums import GratitudeKind
from mentordesk.domain.text import has_visible
from mentordesk.domain.validation import ValidationError, line_error, tidy_line

GRATITUDE_TEXT_MAX = 1000  # one line: a card shows each entry as one row

GRATITUDE_COLUMN_FIELDS = ("mentor_id", "given_on", "kind", "text")


@dataclass(frozen=True)
class GratitudeFields:
    """What a person writes down: for whom, when, what kind of thanks, and what it was
    (one line; line breaks become spaces)."""

    mentor_id: int
    given_on: date
    kind: GratitudeKind = GratitudeKind.THANK_YOU_NOTE
    text: str = ""

    def replace(self, **changes: object) -> GratitudeFields:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def normalized(self) -> GratitudeFields:
        return self.replace(text=tidy_line(self.text))

    def errors(self, today: date | None = None) -> dict[str, str]:
        found: dict[str, str | None] = {}
        if not isinstance(self.mentor_id, int) or self.mentor_id <= 0:
            found["mentor_id"] = "Choose the mentor you thanked."
        if not isinstance(self.kind, GratitudeKind):
            found["kind"] = "Choose what kind of thanks it was."
        if not has_visible(self.text):
            found["text"] = "Write what you did to thank them (a line is enough)."
        else:
            found["text"] = line_error(self.text, "What you did", GRATITUDE_TEXT_MAX)
        if today is not None and self.given_on > today:
            found["given_on"] = "Thanks cannot be dated in the future; log it once given."
        return {name: message for name, message in found.items() if message}

    def validated(self, today: date | None = None) -> GratitudeFields:
        """The fields as stored, or ValidationError naming each field that is wrong.
        ``today`` (the person's local day): refuse a date after it."""
        fields = self.normalized()
        errors = fields.errors(today)
        if errors:
            raise ValidationError(errors)
        return fields


@dataclass(frozen=True)
class GratitudeRecord:
    """A stored entry of the gratitude log."""

    id: int
    fields: GratitudeFields
    created_at: datetime
    updated_at: datetime

    @property
    def mentor_id(self) -> int:
        return self.fields.mentor_id

    @property
    def given_on(self) -> date:
        return self.fields.given_on

    @property
    def kind(self) -> GratitudeKind:
        return self.fields.kind

    @property
    def text(self) -> str:
        return self.fields.text


def newest_first(records: Iterable[GratitudeRecord]) -> list[GratitudeRecord]:
    """By date, the latest on top; entries of one day in the order they were written
    down, the last one first."""
    return sorted(records, key=lambda r: (r.given_on, r.id), reverse=True)


# --- whom to thank ----------------------------------------------------------------------


@dataclass(frozen=True)
class ThanksDue:
    """A mentor it is time to thank: met lately, not thanked within the span."""

    mentor_id: int
    last_met: date
    last_thanked: date | None  # None: never thanked

    def days_since_thanked(self, today: date) -> int | None:
        return None if self.last_thanked is None else (today - self.last_thanked).days


@dataclass(frozen=True)
class ThanksCandidate:
    """What the rule needs of one mentor: the local day of their latest held meeting on or
    before today, and the latest day they were thanked (None: never)."""

    mentor_id: int
    last_met: date | None
    last_thanked: date | None


def thanks_due(
    candidates: Iterable[ThanksCandidate], today: date, span_days: int
) -> list[ThanksDue]:
    """The mentors to thank on ``today``: the span's window is the ``span_days + 1`` days
    from ``today - span_days`` to ``today``, both included. A mentor is due when

    - their latest held meeting falls in the window (met ``span_days`` days ago counts;
      ``span_days + 1`` days ago does not), and
    - they were not thanked in the window: never, or last thanked more than ``span_days``
      days ago (thanked exactly ``span_days`` days ago is recent enough).

    Which mentors are candidates at all (active ones who mentor me) is the caller's choice.
    Never-thanked mentors come first, then those thanked longest ago; ties by the most
    recent meeting first, then by id.
    """
    if span_days < 0:
        raise ValueError("span_days must not be negative")
    start = today - timedelta(days=span_days)
    due = [
        ThanksDue(c.mentor_id, c.last_met, c.last_thanked)
        for c in candidates
        if c.last_met is not None
        and start <= c.last_met <= today
        and (c.last_thanked is None or c.last_thanked < start)
    ]
    return sorted(
        due,
        key=lambda d: (
            d.last_thanked is not None,
            d.last_thanked or date.min,
            -d.last_met.toordinal(),
            d.mentor_id,
        ),
    )


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 when less than a month)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)
