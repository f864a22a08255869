"""The folded keys list views sort and filter by in SQL, stored beside each record.

A list view finds rows as you type and sorts them by name in the database, so that a
keystroke costs the same at any size: each table keeps ``name_key`` (the folded name or
title) and ``search_key`` (the folded text filter-as-you-type searches). Names of other
records (a goal's mentors, an item's meeting) are matched through their own keys instead of
being copied here, so renaming a mentor rewrites one row.
"""

from __future__ import annotations

from collections.abc import Iterable

from mentordesk.domain.validation import fold


def folded(*parts: str | Iterable[str]) -> str:
    """One key from texts (or lists of them): folded for case and accents, one per line."""
    texts: list[str] = []
    for part in parts:
        if isinstance(part, str):
            texts.append(part)
        else:
            texts.extend(part)
    return fold("\n".join(text for text in texts if text))


def like_pattern(word: str) -> str:
    """A LIKE pattern matching ``word`` (already folded) anywhere, its wildcards literal."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
