"""File names made from what a person typed that every platform accepts.

Windows is the strictest: no ``< > : " / \\ | ? *`` or control characters, no name ending
in a dot or a space, no device names (``CON``, ``NUL``, ``COM1``... also with an extension),
and names that differ only in case are the same file (also on macOS). Most file systems take
255 bytes per name; names are kept well below that, counted in UTF-8 bytes, and composed
(NFC) so that macOS does not store another spelling than the one listed.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_BYTES = 100  # without the extension and the " (2)" that makes a name unique
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)


def safe_stem(text: str, fallback: str = "untitled") -> str:
    """``text`` as the part of a file name before its extension."""
    name = unicodedata.normalize("NFC", text)
    name = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name)
    name = _FORBIDDEN.sub("-", name)
    name = _SPACES.sub(" ", name).strip(" .")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        cut = name.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", errors="ignore")
        name = cut.rstrip(" .")
    if not name:
        name = fallback
    if name.split(".")[0].strip().upper() in _DEVICES:
        name = f"_{name}"
    return name


class UniqueNames:
    """Hands out names unique in one folder, ignoring case (as Windows and macOS do)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, text: str, extension: str = ".md", fallback: str = "untitled") -> str:
        stem = safe_stem(text, fallback)
        candidate = f"{stem}{extension}"
        number = 2
        while candidate.casefold() in self._taken:
            candidate = f"{stem} ({number}){extension}"
            number += 1
        self._taken.add(candidate.casefold())
        return candidate
