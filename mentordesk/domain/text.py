"""What counts as text a person can store: one rule for every text field of every kind.

One-line fields (a name, a title, an email) turn newlines and tabs into spaces and refuse
every other control character, NUL, lone surrogates (bytes that were not valid UTF-8) and
stray bidirectional controls, which can make a name read backwards. Multi-line fields (notes,
descriptions) keep newlines and tabs and refuse the same others, bidirectional controls
excepted: a right-to-left paragraph may need them. "Required" means at least one visible
character, so a name of zero-width spaces is empty.
"""

from __future__ import annotations

import unicodedata

# Explicit embeddings, overrides and isolates (U+202A-202E, U+2066-2069): invisible, and
# they reorder what follows. The implicit marks (LRM, RLM, ALM) are harmless and allowed.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = "\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def one_line(value: str) -> str:
    """Newlines and tabs (and other line breaks) as spaces; what is around them is kept."""
    return value.translate({ord(c): " " for c in _LINE_BREAKS})


def _bad_character(value: str, *, multi_line: bool) -> str | None:
    for char in value:
        code = ord(char)
        if multi_line and char in "\n\t":
            continue
        if 0xD800 <= code <= 0xDFFF:
            return "contains bytes that are not valid text"
        category = unicodedata.category(char)
        if category == "Cc":
            return "contains a control character"
        if not multi_line and char in _BIDI_CONTROLS:
            return "contains an invisible character that reorders text"
    return None


def one_line_error(value: str, what: str) -> str | None:
    """Why ``value`` cannot be stored in a one-line field, or None (newlines and tabs are
    fine: ``one_line`` turns them into spaces)."""
    problem = _bad_character(one_line(value), multi_line=False)
    return f"{what} {problem}." if problem else None


def multi_line_error(value: str, what: str) -> str | None:
    """Why ``value`` cannot be stored in a multi-line field, or None."""
    problem = _bad_character(value.replace("\r\n", "\n"), multi_line=True)
    return f"{what} {problem}." if problem else None


def is_visible(char: str) -> bool:
    """Whether a character shows: not a space, a control, a format mark or a separator."""
    return unicodedata.category(char)[0] not in "CZ"


def has_visible(value: str) -> bool:
    return any(is_visible(char) for char in value)


def terminal_safe(text: str) -> str:
    """Text for a terminal: control characters (ESC, BEL, ...) and bidirectional controls
    shown as U+FFFD, so stored text can never drive the terminal."""
    return "".join(
        "\ufffd"
        if unicodedata.category(c) == "Cc" or c in _BIDI_CONTROLS or 0xD800 <= ord(c) <= 0xDFFF
        else c
        for c in text
    )
