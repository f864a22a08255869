"""What a search over everything a person wrote finds: one hit per record, grouped by kind.

The words that matched are marked in a hit's title and snippet by two characters no stored
text can hold (text fields refuse control characters): ``MARK_START`` before a match and
``MARK_END`` after it. The GUI turns them into bold; ``plain`` removes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MARK_START = "\x02"
MARK_END = "\x03"


class SearchKind(StrEnum):
    """The kinds of record a search finds, in the order their groups are shown."""

    MENTOR = "mentor"
    MEETING = "meeting"
    ACTION_ITEM = "action_item"
    GOAL = "goal"
    AGREEMENT = "agreement"
    SKILL = "skill"
    ASSESSMENT = "assessment"
    GRATITUDE = "gratitude"


@dataclass(frozen=True)
class SearchHit:
    """One record that matched.

    ``title`` is the record's name (a meeting's title, an action item's text; the skill for
    an assessment; empty for a gratitude entry) and ``snippet`` a few words of the rest of
    what it holds around the best match; both may hold marks. ``target_id`` is the record
    its view shows: the hit itself, or the skill of an assessment and the mentor of a
    gratitude entry.
    """

    kind: SearchKind
    record_id: int
    title: str
    snippet: str
    on: date | None
    mentors: tuple[str, ...]
    target_id: int


@dataclass(frozen=True)
class SearchGroup:
    """The hits of one kind: the best few by rank, or the newest few when so many match
    that ranking them all would be slow (``by_date``), and how many match in all."""

    kind: SearchKind
    total: int
    hits: tuple[SearchHit, ...]
    by_date: bool = False


@dataclass(frozen=True)
class SearchResults:
    text: str
    groups: tuple[SearchGroup, ...] = ()

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return tuple(hit for group in self.groups for hit in group.hits)

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def plain(text: str) -> str:
    """``text`` without its marks."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


def marked_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each with whether it matched: ``"a \\x02b\\x03"`` gives
    ``[("a ", False), ("b", True)]``. An unclosed mark runs to the end."""
    runs: list[tuple[str, bool]] = []
    inside = False
    current = ""
    for char in text:
        if char in (MARK_START, MARK_END):
            if current:
                runs.append((current, inside))
            current = ""
            inside = char == MARK_START
        else:
            current += char
    if current:
        runs.append((current, inside))
    return runs


# Markdown a person writes in notes (headings, emphasis, quotes, list bullets): noise in
# a one-line snippet.
_LINE_MARKUP = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]*|[-+*][ \t]+|\d{1,3}[.)][ \t]+)")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
_BREAKS = re.compile(r"[ \t]*\n\s*")
_SPACE = re.compile(r"\s+")
LINE_SEPARATOR = " · "


def one_line_snippet(text: str) -> str:
    """A snippet as one line: markdown markup dropped, each line break (between paragraphs,
    between the lines of a list) a middle dot, runs of spaces one space. Marks are kept."""
    text = _LINE_MARKUP.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _BREAKS.sub("\n", text.strip())
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return LINE_SEPARATOR.join(line for line in lines if line and line != "…")
