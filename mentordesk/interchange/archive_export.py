"""The complete archive out: every record of every kind, with its ids and links, in one file.

    result = ArchiveExport(services).write(Path("mentordesk.zip"))

A name ending in ``.json`` gets the JSON itself; any other a zip holding it (as
``mentordesk-archive.json``, compressed). The file is written atomically (a temporary file
beside it, then replaced), so it is complete or absent. The rows are read in one read
transaction, so the archive is one consistent moment of the data. The layout is
``archive_format``'s; docs/archive-format.md describes it.
"""

from __future__ import annotations

import io
import json
import logging
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as clock_time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk import __version__
from mentordesk.interchange.archive_format import (
    COLLECTIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    MEMBER_NAME,
    ArchiveError,
    Collection,
    Field,
    Part,
    PartKind,
    T,
)
from mentordesk.interchange.errors import (
    NOTHING_WRITTEN,
    ExportCancelled,
    check_cancelled,
    write_export,
)

if TYPE_CHECKING:
    from mentordesk.db.archive_rows import TableRead
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class ArchiveExportResult:
    path: Path
    counts: dict[str, int]  # collection name -> records written
    size: int  # bytes
    seconds: float

    def summary(self) -> str:
        parts = ", ".join(
            f"{count} {name.replace('_', ' ')}" for name, count in self.counts.items()
        )
        return f"{parts}."


def datetime_text(value: datetime) -> str:
    return value.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def _value(field: Field, value: Any) -> Any:
    if value is None:
        return None
    kind = field.type
    if kind is T.DATETIME:
        return datetime_text(value)
    if kind in (T.DATE, T.TIME):
        assert isinstance(value, (date, clock_time))
        return value.isoformat()
    if kind is T.CHOICE:
        return value.value if isinstance(value, Enum) else str(value)
    if kind in (T.CHOICES, T.JSON, T.OBJECT):
        if field.empty_is_null and value == "":
            return None
        return json.loads(value)
    if kind is T.BOOL:
        return bool(value)
    return value


def _part_read(part: Part) -> TableRead:
    from mentordesk.db.archive_rows import TableRead

    if part.kind is PartKind.ROWS:
        columns = (part.parent, *(f.name for f in part.fields))
    else:
        columns = (part.parent, part.column)
    if part.ordered:
        order: tuple[str, ...] = (part.parent, "position")
    elif part.kind is PartKind.ROWS:
        order = (part.parent, "id")
    else:
        order = (part.parent, part.column)
    return TableRead(part.table, columns, order)


def _grouped(part: Part, rows: list[tuple[Any, ...]]) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = {}
    if part.kind is PartKind.ROWS:
        fields = part.fields
        for row in rows:
            grouped.setdefault(row[0], []).append(
                {f.name: _value(f, v) for f, v in zip(fields, row[1:], strict=True)}
            )
    else:
        for parent, value in rows:
            grouped.setdefault(parent, []).append(value)
    return grouped


def _records(collection: Collection, tables: Sequence[list[tuple[Any, ...]]]) -> list[Any]:
    rows, *part_rows = tables
    owned = [_grouped(p, r) for p, r in zip(collection.parts, part_rows, strict=True)]
    key_index = [f.name for f in collection.fields].index(collection.key)
    records = []
    for row in rows:
        record = {f.name: _value(f, v) for f, v in zip(collection.fields, row, strict=True)}
        key = row[key_index]
        for part, by_parent in zip(collection.parts, owned, strict=True):
            record[part.name] = by_parent.get(key, [])
        records.append(record)
    return records


class ArchiveExport:
    """Everything in ``services``' database as one archive document or file."""

    def __init__(self, services: Services, clock: Clock | None = None) -> None:
        self._services = services
        self._now = clock or (lambda: datetime.now(UTC))

    def document(self, cancelled: Callable[[], bool] | None = None) -> dict[str, Any]:
        """The archive as JSON values (dicts, lists, strings, numbers); ExportCancelled as
        soon as ``cancelled()`` turns true (it is asked before each table is read)."""
        from mentordesk.db.archive_rows import TableRead, read_tables

        reads: list[TableRead] = []
        for collection in COLLECTIONS:
            columns = tuple(f.name for f in collection.fields)
            reads.append(TableRead(collection.table, columns, (collection.key,)))
            reads.extend(_part_read(part) for part in collection.parts)
        tables = read_tables(self._services.sessions, reads, stop=_stopper(cancelled))
        document: dict[str, Any] = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "exported_at": datetime_text(self._now()),
        }
        first = 0
        for collection in COLLECTIONS:
            count = 1 + len(collection.parts)
            document[collection.name] = _records(collection, tables[first : first + count])
            first += count
        return document

    def write(
        self, path: Path, *, cancelled: Callable[[], bool] | None = None
    ) -> ArchiveExportResult:
        """Write the archive to ``path`` (JSON for a ``.json`` name, else a zip). When
        ``cancelled()`` turns true before the file is put in place, ExportCancelled is raised
        and nothing is written."""
        started = time.perf_counter()
        path = Path(path)
        if path.is_dir():
            raise ArchiveError(path, "is a folder; give a file name.", nothing=NOTHING_WRITTEN)
        document = self.document(cancelled)
        text = json.dumps(document, ensure_ascii=False, indent=1)
        data = text.encode("utf-8")
        if path.suffix.lower() != ".json":
            data = _zipped(data, self._now())
        check_cancelled(cancelled)
        write_export(
            path, data, lambda p, problem: ArchiveError(p, problem, nothing=NOTHING_WRITTEN)
        )
        counts = {c.name: len(document[c.name]) for c in COLLECTIONS}
        seconds = time.perf_counter() - started
        log.info("exported an archive: %d bytes in %.2f s", len(data), seconds)
        return ArchiveExportResult(path, counts, len(data), seconds)


def _stopper(cancelled: Callable[[], bool] | None) -> Callable[[], None] | None:
    """``cancelled`` as a check that raises ExportCancelled."""
    if cancelled is None:
        return None

    def stop() -> None:
        if cancelled():
            raise ExportCancelled

    return stop


def _zipped(data: bytes, now: datetime) -> bytes:
    buffer = io.BytesIO()
    stamp = now.astimezone(UTC)
    info = zipfile.ZipInfo(MEMBER_NAME, date_time=stamp.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()
