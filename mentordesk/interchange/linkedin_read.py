"""A LinkedIn connections export (``Connections.csv``) as prospects.

LinkedIn's file begins with a few lines of notes ("Notes:", a paragraph on missing email
addresses, an empty line), then the header ``First Name,Last Name,URL,Email Address,
Company,Position,Connected On`` and one row per connection. Each becomes a prospect met in
an online community, detail "LinkedIn", with the connection's day kept in the notes
("Connected on LinkedIn on 2024-01-12"; a card has no field of its own for it). A file with
other columns, another encoding than UTF-8, a row that does not fit the header or a day that
is no date is refused, naming the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from mentordesk.domain.enums import HowWeMet, MentorStatus
from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange.contacts_plan import (
    Contact,
    ContactFile,
    ContactFileError,
    checked_fields,
)
from mentordesk.interchange.vcard_read import decoded_text, quoted, read_limited

COLUMNS = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
MAX_CSV_BYTES = 20 * 1024 * 1024
MAX_NOTE_LINES = 20  # lines before the header
MET_DETAIL = "LinkedIn"
_DAY_FORMATS = ("%d %b %Y", "%Y-%m-%d", "%d-%b-%y", "%m/%d/%y", "%m/%d/%Y")


def read_linkedin_file(path: Path) -> ContactFile:
    path = Path(path)
    return parse_connections(path, read_limited(path, MAX_CSV_BYTES, "a CSV file"))


def _cells(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []


def parse_connections(path: Path, data: bytes) -> ContactFile:
    text = decoded_text(path, data, MAX_CSV_BYTES, "a LinkedIn export")
    if "\x00" in text:
        raise ContactFileError(path, "holds NUL characters: it is not a CSV file.")
    lines = text.splitlines(keepends=True)
    header_at = None
    for index, line in enumerate(lines[: MAX_NOTE_LINES + 1]):
        cells = [c.strip() for c in _cells(line)]
        if cells and cells[0].lstrip("\ufeff") == COLUMNS[0]:
            if tuple(cells) != COLUMNS:
                raise ContactFileError(
                    path,
                    "the columns are not those of LinkedIn's Connections.csv (expected "
                    f"{', '.join(COLUMNS)}; found {', '.join(cells)}).",
                    index + 1,
                )
            header_at = index
            break
    if header_at is None:
        raise ContactFileError(
            path,
            "no header line of LinkedIn's Connections.csv (" + ", ".join(COLUMNS) + ") in "
            f"its first {MAX_NOTE_LINES + 1} lines.",
        )
    reader = csv.reader(io.StringIO("".join(lines[header_at + 1 :])), strict=True)
    contacts: list[Contact] = []
    ignored: list[str] = []
    first = header_at + 2  # the line of the first row
    row_line = first
    try:
        for row in reader:
            at = row_line
            row_line = first + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise ContactFileError(
                    path,
                    f"this row has {len(row)} fields; the header has {len(COLUMNS)}.",
                    at,
                )
            contact = _contact(path, at, row)
            if contact is None:
                ignored.append(f"line {at}: no name")
            else:
                contacts.append(contact)
    except csv.Error as exc:
        raise ContactFileError(path, f"this is not valid CSV ({exc}).", row_line) from None
    return ContactFile(path, "LinkedIn", tuple(contacts), tuple(ignored))


def _day(path: Path, line: int, text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in _DAY_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ContactFileError(path, f'"{text[:40]}" under Connected On is not a date.', line)


def _contact(path: Path, line: int, row: list[str]) -> Contact | None:
    first, last, url, email, company, position, connected = (c.strip() for c in row)
    name = re.sub(r"\s+", " ", f"{first} {last}").strip()
    if not name:
        return None
    day = _day(path, line, connected)
    fields = MentorFields(
        name=name,
        title=position,
        organization=company,
        email=email,
        profile_url=url,
        met_via=HowWeMet.ONLINE_COMMUNITY,
        met_detail=MET_DETAIL,
        status=MentorStatus.PROSPECT,
        notes=f"Connected on LinkedIn on {day:%Y-%m-%d}" if day else "",
    )
    try:
        checked, left_out = checked_fields(fields)
    except ValueError as exc:
        raise ContactFileError(path, f"{exc} ({quoted(fields.name)})", line) from None
    return Contact(line, checked, left_out)
