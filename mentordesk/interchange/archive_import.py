"""The complete archive in: rebuild an empty data folder from an archive, all or nothing.

    contents = read_archive(path)                     # ArchiveError when it cannot be used
    result = ArchiveImport(services).apply(contents)  # a backup snapshot, then one transaction

The whole file is checked before anything is written: its format and version (a newer one
is refused), every field's presence and type, unknown fields, duplicate ids and names, and
every link to another record. Every refusal names the record and field (or the line of the
JSON) at fault. Only an empty data folder takes an archive: merging two notebooks is not
what an archive is for, and ids are kept as they are.
"""

from __future__ import annotations

import io
import json
import logging
import re
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.domain.validation import DomainError, fold
from mentordesk.interchange.archive_format import (
    COLLECTIONS,
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER,
    MAX_ARCHIVE_BYTES,
    MEMBER_NAME,
    ArchiveError,
    Collection,
    Field,
    Part,
    PartKind,
    T,
)

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
BACKUP_REASON = "before-import"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_TIME = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{1,6})?")
_LARGEST = 2**63 - 1


@dataclass
class ArchiveContents:
    """An archive checked and turned into rows, table by table, ready to store."""

    path: Path
    format_version: int
    app_version: str
    exported_at: str
    counts: dict[str, int]  # collection name -> records
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # in storing order
    owned: dict[str, list[dict[str, list[dict[str, Any]]]]] = field(default_factory=dict)

    def summary(self) -> str:
        return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in self.counts.items()) + "."


@dataclass(frozen=True)
class ArchiveImportResult:
    path: Path
    counts: dict[str, int]
    backup: Path | None
    seconds: float


class _Bad(Exception):
    """What is wrong, and where (``mentors[3] (id 12).email``)."""


def read_archive(path: Path) -> ArchiveContents:
    """The archive at ``path`` (a zip holding the JSON, or the JSON), checked whole."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
            stream.seek(0)
            if head.startswith(b"PK"):
                data = _unzipped(path, stream.read(MAX_ARCHIVE_BYTES + 1))
            else:
                data = stream.read(MAX_ARCHIVE_BYTES + 1)
    except FileNotFoundError:
        raise ArchiveError(path, "does not exist.") from None
    except IsADirectoryError:
        raise ArchiveError(path, "is a folder, not an archive.") from None
    except OSError as exc:
        raise ArchiveError(path, f"cannot be read ({exc.strerror or exc}).") from exc
    return parse_archive(path, data)


def _unzipped(path: Path, data: bytes) -> bytes:
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ArchiveError(path, f"is larger than {MAX_ARCHIVE_BYTES // 2**20} MB.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(MEMBER_NAME)
            except KeyError:
                raise ArchiveError(
                    path, f"is a zip file without {MEMBER_NAME}: not a MentorDesk archive."
                ) from None
            if info.file_size > MAX_ARCHIVE_BYTES:
                raise ArchiveError(path, f"holds more than {MAX_ARCHIVE_BYTES // 2**20} MB.")
            with archive.open(info) as member:
                return member.read(MAX_ARCHIVE_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise ArchiveError(path, f"is a damaged zip file ({exc}).") from exc


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f'the field "{key}" is given twice in one object')
            seen.add(key)
    return found


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_archive(path: Path, data: bytes) -> ArchiveContents:
    """``data`` (the archive's JSON) checked and turned into rows; ``path`` names it."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ArchiveError(path, f"is larger than {MAX_ARCHIVE_BYTES // 2**20} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ArchiveError(path, f"line {line}: is not UTF-8 text.") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ArchiveError(
            path, f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ArchiveError(path, f"not a usable JSON document ({exc}).") from None
    try:
        return _Reader(path).read(document)
    except _Bad as exc:
        raise ArchiveError(path, f"{exc}.") from None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.ids: dict[str, set[Any]] = {}
        self.links: list[tuple[str, str, int]] = []  # (where, collection, id)

    def read(self, document: Any) -> ArchiveContents:
        if not isinstance(document, dict):
            raise _Bad("is not a MentorDesk archive (its JSON is not an object)")
        if document.get("format") != FORMAT_NAME:
            raise _Bad(f'is not a MentorDesk archive (no "format": "{FORMAT_NAME}")')
        version = document.get("format_version")
        if type(version) is not int or version < 1:
            raise _Bad('"format_version" is missing or not a whole number above 0')
        if version > FORMAT_VERSION:
            raise _Bad(
                f"was written by a newer MentorDesk (archive format {version}; this version "
                f"reads format {FORMAT_VERSION} and older). Update MentorDesk to import it"
            )
        expected = set(HEADER) | {c.name for c in COLLECTIONS}
        self._exact_keys("the archive", document, expected)
        for name in ("app_version", "exported_at"):
            if not isinstance(document[name], str):
                raise _Bad(f'"{name}" is not text')
        contents = ArchiveContents(
            self.path, version, document["app_version"], document["exported_at"], counts={}
        )
        for collection in COLLECTIONS:
            self._collection(collection, document[collection.name], contents)
        for where, target, value in self.links:
            if value not in self.ids[target]:
                raise _Bad(f"{where}: there is no record with id {value} in {target}")
        return contents

    def _exact_keys(self, where: str, value: dict[str, Any], expected: set[str]) -> None:
        missing = sorted(expected - set(value))
        if missing:
            raise _Bad(
                f"{where}: the field{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)} {'are' if len(missing) > 1 else 'is'} missing"
            )
        unknown = sorted(set(value) - expected)
        if unknown:
            raise _Bad(f"{where}: unknown field {unknown[0]}")

    def _collection(self, collection: Collection, value: Any, contents: ArchiveContents) -> None:
        if not isinstance(value, list):
            raise _Bad(f"{collection.name}: is not a list")
        rows: list[dict[str, Any]] = []
        part_rows: dict[str, list[dict[str, Any]]] = {p.table: [] for p in collection.parts}
        owned: list[dict[str, list[dict[str, Any]]]] = []
        keys: set[Any] = set()
        self.ids[collection.name] = keys
        expected = {f.name for f in collection.fields} | {p.name for p in collection.parts}
        unique_names: set[str] = set()
        calendar_ids: set[tuple[str, str]] = set()
        for index, record in enumerate(value):
            where = f"{collection.name}[{index}]"
            if not isinstance(record, dict):
                raise _Bad(f"{where}: is not an object")
            key = record.get(collection.key)
            if isinstance(key, (int, str)) and not isinstance(key, bool):
                where += f" ({collection.key} {key})"
            self._exact_keys(where, record, expected)
            row = {f.name: self._field(where, f, record[f.name]) for f in collection.fields}
            if row[collection.key] in keys:
                raise _Bad(
                    f"{where}: another record of {collection.name} has this {collection.key}"
                )
            keys.add(row[collection.key])
            if collection.table == "skill":
                name = fold(row["name"])
                if name in unique_names:
                    raise _Bad(f"{where}: another skill has this name")
                unique_names.add(name)
            if collection.table == "meeting":
                identity = (row["uid"], row["recurrence_id"])
                if identity in calendar_ids:
                    raise _Bad(f"{where}: another meeting has this uid and recurrence_id")
                calendar_ids.add(identity)
            rows.append(row)
            mine: dict[str, list[dict[str, Any]]] = {}
            for part in collection.parts:
                mine[part.name] = self._part(
                    f"{where}.{part.name}", part, record[part.name], row[collection.key]
                )
                part_rows[part.table].extend(mine[part.name])
            owned.append(mine)
        contents.rows[collection.table] = rows
        contents.owned[collection.table] = owned
        for table, found in part_rows.items():
            contents.rows[table] = found
        contents.counts[collection.name] = len(rows)

    def _part(self, where: str, part: Part, value: Any, parent: Any) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            raise _Bad(f"{where}: is not a list")
        rows: list[dict[str, Any]] = []
        if part.kind is PartKind.ROWS:
            ids = self.ids.setdefault(part.table, set())
            expected = {f.name for f in part.fields}
            for index, item in enumerate(value):
                at = f"{where}[{index}]"
                if not isinstance(item, dict):
                    raise _Bad(f"{at}: is not an object")
                self._exact_keys(at, item, expected)
                row = {f.name: self._field(at, f, item[f.name]) for f in part.fields}
                if row["id"] in ids:
                    raise _Bad(f"{at}: another of the {part.name} has id {row['id']}")
                ids.add(row["id"])
                row[part.parent] = parent
                if part.ordered:
                    row["position"] = index
                rows.append(row)
        elif part.kind is PartKind.LABELS:
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    raise _Bad(f"{where}[{index}]: expected text, found {_kind(item)}")
                rows.append({part.parent: parent, "position": index, part.column: item})
        else:
            assert part.refers is not None
            seen: set[int] = set()
            for index, item in enumerate(value):
                at = f"{where}[{index}]"
                if type(item) is not int:
                    raise _Bad(f"{at}: expected an id (a whole number), found {_kind(item)}")
                if item in seen:
                    raise _Bad(f"{at}: id {item} is given twice")
                seen.add(item)
                self.links.append((at, part.refers, item))
                rows.append({part.parent: parent, part.column: item})
        return rows

    def _field(self, where: str, spec: Field, value: Any) -> Any:
        at = f"{where}.{spec.name}"
        if value is None:
            if spec.nullable:
                return "" if spec.empty_is_null else None
            raise _Bad(f"{at}: must not be null")
        converted = _converted(at, spec, value)
        if spec.refers is not None:
            self.links.append((at, spec.refers, converted))
        return converted


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the text "{value[:40]}"'
    return "a list" if isinstance(value, list) else "an object"


def _converted(at: str, spec: Field, value: Any) -> Any:
    kind = spec.type
    try:
        if kind is T.INT:
            if type(value) is int and -_LARGEST <= value <= _LARGEST:
                return value
            raise _Bad(f"{at}: expected a whole number, found {_kind(value)}")
        if kind is T.BOOL:
            if isinstance(value, bool):
                return value
            raise _Bad(f"{at}: expected true or false, found {_kind(value)}")
        if kind in (T.JSON, T.OBJECT):
            if kind is T.OBJECT and not isinstance(value, dict):
                raise _Bad(f"{at}: expected an object, found {_kind(value)}")
            return json.dumps(value, ensure_ascii=False)
        if kind is T.CHOICES:
            if not isinstance(value, list):
                raise _Bad(f"{at}: expected a list, found {_kind(value)}")
            for item in value:
                if item not in spec.choice_values:
                    raise _Bad(f"{at}: {_kind(item)} is not one of {', '.join(spec.choice_values)}")
            return json.dumps(value)
        if not isinstance(value, str):
            raise _Bad(f"{at}: expected {_wanted(spec)}, found {_kind(value)}")
        value.encode("utf-8")  # an unpaired surrogate cannot be stored
        if kind is T.TEXT:
            return value
        if kind is T.CHOICE:
            assert spec.choices is not None
            if value not in spec.choice_values:
                raise _Bad(f"{at}: {_kind(value)} is not one of {', '.join(spec.choice_values)}")
            return spec.choices(value)
        if kind is T.DATE and _DATE.fullmatch(value):
            return date.fromisoformat(value)
        if kind is T.DATETIME and _DATETIME.fullmatch(value):
            return datetime.fromisoformat(value).astimezone(UTC)
        if kind is T.TIME and _TIME.fullmatch(value):
            return clock_time.fromisoformat(value)
    except UnicodeEncodeError:  # before ValueError, which it is
        raise _Bad(f"{at}: holds a character that is not valid Unicode") from None
    except ValueError:
        pass
    raise _Bad(f"{at}: expected {_wanted(spec)}, found {_kind(value)}")


def _wanted(spec: Field) -> str:
    return {
        T.TEXT: "text",
        T.CHOICE: "text",
        T.DATE: "a date (YYYY-MM-DD)",
        T.DATETIME: "a UTC time (YYYY-MM-DDTHH:MM:SSZ)",
        T.TIME: "a time of day (HH:MM:SS)",
    }.get(spec.type, spec.type.value)


class ArchiveImport:
    """Rebuild ``services``' empty database from an archive."""

    def __init__(self, services: Services, clock: Clock | None = None) -> None:
        self._services = services
        self._now = clock or (lambda: datetime.now(UTC))

    def holds_data(self) -> bool:
        from mentordesk.db.archive_rows import count_rows, stored_tables

        return any(count_rows(self._services.sessions, stored_tables()).values())

    def apply(self, contents: ArchiveContents, *, backup: bool = True) -> ArchiveImportResult:
        """Store everything the archive holds, in one transaction after a backup snapshot;
        refuses (nothing stored) a data folder that already holds data."""
        from sqlalchemy.exc import IntegrityError

        from mentordesk.db.archive_rows import count_rows, insert_table, stored_tables
        from mentordesk.services.backups import BackupService

        started = time.perf_counter()
        services = self._services
        if services.read_only:
            raise DomainError("The data folder is read-only, so nothing can be imported.")
        if self.holds_data():
            raise _not_empty(services)
        snapshot = None
        if backup:
            snapshot = (
                BackupService(services.database.location, self._now).snapshot(BACKUP_REASON).path
            )
        try:
            with services.in_one_transaction(index_at_end=True) as together:
                if any(count_rows(together.sessions, stored_tables()).values()):
                    raise _not_empty(services)  # written to meanwhile
                for table, rows in contents.rows.items():
                    insert_table(together.sessions, table, rows, contents.owned.get(table))
        except IntegrityError as exc:  # what the checks above missed: the database's own
            raise ArchiveError(contents.path, f"does not fit together ({exc.orig}).") from None
        seconds = time.perf_counter() - started
        log.info("imported an archive in %.2f s", seconds)
        return ArchiveImportResult(contents.path, dict(contents.counts), snapshot, seconds)


def _not_empty(services: Services) -> DomainError:
    return DomainError(
        f"{services.database.location.root} already holds data; an archive is only imported "
        "into an empty data folder. Nothing was imported. Choose an empty one with --data-dir."
    )
