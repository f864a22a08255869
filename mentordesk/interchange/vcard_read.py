"""vCard files (RFC 2426, 3.0; RFC 6350, 4.0; and the 2.1 that Outlook still writes) as the
contacts they hold, with ``vobject`` parsing each card.

Checked here, before vobject sees a byte: the size, that the file is UTF-8 text, and that
every BEGIN:VCARD has its END:VCARD (a truncated file is refused, not half read). Photos,
logos, sounds and keys are dropped unread (they can be megabytes of base64, and nothing
here uses them). Read from each card: FN (else N), ORG, TITLE, EMAIL, TEL and URL (the
preferred one, else the first), the locality of ADR, NOTE and CATEGORIES (as tags). Every
refusal names the file and the line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mentordesk.domain.enums import MentorStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange.contacts_plan import (
    Contact,
    ContactFile,
    ContactFileError,
    checked_fields,
)

MAX_VCARD_BYTES = 20 * 1024 * 1024
MAX_CARDS = 20_000
_UNREAD = re.compile(r"^(?:[\w-]+\.)?(PHOTO|LOGO|SOUND|KEY)[;:]", re.IGNORECASE)
_BEGIN = re.compile(r"^BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_GROUPS = frozenset({"myContacts", "starred"})  # Google's own groups, not the person's tags
_END = re.compile(r"^END\s*:\s*VCARD\s*$", re.IGNORECASE)


def read_vcard_file(path: Path) -> ContactFile:
    """The contacts in the vCard file at ``path``; ContactFileError when it cannot be used."""
    path = Path(path)
    return parse_vcards(path, read_limited(path, MAX_VCARD_BYTES, "a vCard file"))


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """Up to one byte more than ``limit`` of the file (the parser refuses a file over
    it); ContactFileError when it cannot be read. ``what``: "a vCard file", ..."""
    try:
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except FileNotFoundError:
        raise ContactFileError(path, "the file does not exist.") from None
    except IsADirectoryError:
        raise ContactFileError(path, f"is a folder, not {what}.") from None
    except OSError as exc:
        raise ContactFileError(path, f"cannot be read ({exc.strerror or exc}).") from exc


def decoded_text(path: Path, data: bytes, limit: int, what: str) -> str:
    """``data`` as text, refused when over ``limit`` bytes or not UTF-8 (naming the line)."""
    if len(data) > limit:
        raise ContactFileError(path, f"is larger than {limit // 2**20} MB, too large for {what}.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContactFileError(
            path, "is not UTF-8 text; save it again as UTF-8 (Unicode).", line
        ) from None


def parse_vcards(path: Path, data: bytes) -> ContactFile:
    """The contacts in ``data`` (a vCard file's bytes; ``path`` names it in messages)."""
    text = decoded_text(path, data, MAX_VCARD_BYTES, "a vCard file")
    if "\x00" in text:
        raise ContactFileError(path, "holds NUL characters: it is not a vCard file.")
    cards: list[tuple[int, list[str], list[int]]] = []
    current: list[str] | None = None
    numbers: list[int] = []  # the line each property of the current card begins on
    start = 0
    skipping = False
    for number, line in enumerate(text.splitlines(), start=1):
        if current is None:
            if _BEGIN.match(line):
                current, numbers, start, skipping = [line], [number], number, False
            elif line.strip():
                raise ContactFileError(path, "this is not inside a vCard (BEGIN:VCARD).", number)
            continue
        if line[:1] in (" ", "\t"):  # a folded line continues the property before it
            if not skipping:
                current.append(line)
                numbers.append(number)
            continue
        if _soft_break(current[-1]):  # 2.1's quoted-printable: "=" at the end goes on
            current[-1] = current[-1][:-1] + line
            continue
        skipping = bool(_UNREAD.match(line))
        if skipping:
            continue
        if _BEGIN.match(line):
            raise ContactFileError(
                path, f"a vCard begins inside the one that begins on line {start}.", number
            )
        current.append(line)
        numbers.append(number)
        if _END.match(line):
            cards.append((start, current, numbers))
            current = None
            if len(cards) > MAX_CARDS:
                raise ContactFileError(path, f"holds more than {MAX_CARDS} vCards.", number)
    if current is not None:
        raise ContactFileError(
            path, "the vCard that begins here has no END:VCARD: the file is truncated.", start
        )
    if not cards:
        raise ContactFileError(path, "holds no vCard (BEGIN:VCARD ... END:VCARD).")
    return ContactFile(path, "vCard", tuple(_contact(path, *card) for card in cards))


def _soft_break(line: str) -> bool:
    head, colon, _ = line.partition(":")
    return bool(colon) and line.endswith("=") and "QUOTED-PRINTABLE" in head.upper()


def _contact(path: Path, line: int, lines: list[str], numbers: list[int]) -> Contact:
    import vobject  # type: ignore[import-untyped]
    from vobject.base import VObjectError  # type: ignore[import-untyped]

    try:
        card = vobject.readOne("\n".join(lines) + "\n", ignoreUnreadable=False)
    except VObjectError as exc:
        # vobject's own line numbers are not the file's: find the property it quotes.
        bad = str(exc).partition("Failed to parse line: ")[2].strip()
        at = next(
            (n for n, text in zip(numbers, lines, strict=True) if bad and text.startswith(bad)),
            line,
        )
        raise ContactFileError(path, f"this vCard cannot be read ({_reason(exc)}).", at) from None
    except _UNREADABLE as exc:
        raise ContactFileError(path, f"this vCard cannot be read ({exc}).", line) from None
    try:  # vobject decodes a value when it is first asked for (a CHARSET it does not know)
        fields = _fields(card)
    except _UNREADABLE as exc:
        raise ContactFileError(path, f"this vCard cannot be read ({exc}).", line) from None
    if fields is None:
        raise ContactFileError(path, "this vCard has no name (FN or N).", line)
    try:
        checked, left_out = checked_fields(fields)
    except ValueError as exc:
        raise ContactFileError(path, f"{exc} ({quoted(fields.name)})", line) from None
    if not checked.name:
        raise ContactFileError(path, "this vCard has no name (FN or N).", line)
    return Contact(line, checked, left_out)


# What vobject raises for a card it parsed but cannot give a value of (LookupError: a
# CHARSET that names no encoding).
_UNREADABLE = (ValueError, TypeError, AttributeError, IndexError, UnicodeError, LookupError)


def _fields(card: Any) -> MentorFields | None:
    """The card's fields as a prospect (not yet checked), or None when it has no name."""
    name = _first_text(card, "fn") or _name_from_n(card)
    if not name:
        return None
    organization = _first(card, "org")
    if isinstance(organization, (list, tuple)):
        organization = organization[0] if organization else ""
    address = _first(card, "adr")
    locality = ""
    if address is not None:
        locality = str(getattr(address, "city", "") or "")
        if not locality and isinstance(address, str):
            parts = re.split(r"(?<!\\);", address)
            locality = parts[3] if len(parts) > 3 else ""
    categories: list[str] = []
    for child in _children(card, "categories"):
        value = child.value
        categories.extend(value if isinstance(value, list) else str(value).split(","))
    phone = _preferred_text(card, "tel")
    if phone.lower().startswith("tel:"):
        phone = phone[4:]
    return MentorFields(
        name=name,
        title=_first_text(card, "title"),
        organization=str(organization or ""),
        email=_preferred_text(card, "email"),
        phone=phone,
        profile_url=_preferred_text(card, "url"),
        location=locality,
        notes=_first_text(card, "note").replace("\r\n", "\n").replace("\r", "\n"),
        tags=tuple(c.strip() for c in categories if c.strip() and c.strip() not in _GROUPS),
        status=MentorStatus.PROSPECT,
    )


def quoted(text: str) -> str:
    """A value from the file for a message: visible, short."""
    from mentordesk.domain.text import terminal_safe

    text = terminal_safe(" ".join(text.split()))
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


def _reason(exc: Exception) -> str:
    text = str(exc)
    return re.sub(r"^At line \d+: ", "", text).strip() or type(exc).__name__


def _children(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _first(card: Any, name: str) -> Any:
    children = _children(card, name)
    return children[0].value if children else None


def _first_text(card: Any, name: str) -> str:
    value = _first(card, name)
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    return str(value or "").strip()


def _preferred_text(card: Any, name: str) -> str:
    """The value marked preferred (TYPE=pref in 3.0, PREF=1 in 4.0, a bare PREF in 2.1),
    else the first that is not empty."""
    values = [c for c in _children(card, name) if str(c.value or "").strip()]
    if not values:
        return ""

    def rank(child: Any) -> int:
        params = {k.upper(): [str(v).lower() for v in vs] for k, vs in child.params.items()}
        singles = {str(s).upper() for s in getattr(child, "singletonparams", [])}
        if "pref" in params.get("TYPE", []) or "PREF" in singles:
            return 0
        pref = params.get("PREF", [])
        if pref and pref[0].isdigit():
            return int(pref[0])
        return 101

    return str(min(values, key=rank).value).strip()


def _name_from_n(card: Any) -> str:
    value = _first(card, "n")
    if value is None:
        return ""
    if isinstance(value, str):
        parts = [*re.split(r"(?<!\\);", value), "", "", "", ""]
        family, given, additional, prefix, suffix = (p.strip() for p in parts[:5])
    else:
        family, given, additional = value.family, value.given, value.additional
        prefix, suffix = value.prefix, value.suffix
    words = [prefix, given, additional, family, suffix]
    flat = [" ".join(w) if isinstance(w, list) else str(w or "") for w in words]
    return " ".join(w for w in flat if w.strip())
