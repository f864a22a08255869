"""The complete archive: its format agrees with the schema, the docs and the tables; the round
trip export -> import -> export gives the same content; a malformed archive or a folder that
holds data is refused with nothing stored."""

from __future__ import annotations

import copy
import io
import json
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mentordesk.db import archive_rows
from mentordesk.interchange.archive_export import ArchiveExport
from mentordesk.interchange.archive_format import (
    COLLECTIONS,
    FORMAT_VERSION,
    MEMBER_NAME,
    ArchiveError,
    PartKind,
    json_schema,
)
from mentordesk.interchange.archive_import import ArchiveImport, parse_archive, read_archive
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def sample(services: Services) -> Services:
    load_sample_data(services, SampleSize.SMALL)
    return services


@pytest.fixture
def target(tmp_path: Path, empty_database: Path) -> Iterator[Services]:
    """A second, empty data folder to import into."""
    location = DataLocation(tmp_path / "target")
    location.root.mkdir()
    shutil.copyfile(empty_database, location.database)
    opened = Services.open(location)
    yield opened
    opened.close()


def _content(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def _counts(services: Services) -> dict[str, int]:
    return archive_rows.count_rows(services.sessions, archive_rows.stored_tables())


def _json(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


# --- the format agrees with the tables, the schema file and the docs ----------------------


def test_every_stored_column_is_in_the_format() -> None:
    covered: dict[str, set[str]] = {}
    for collection in COLLECTIONS:
        covered[collection.table] = {f.name for f in collection.fields}
        for part in collection.parts:
            columns = {part.parent}
            if part.kind is PartKind.ROWS:
                columns |= {f.name for f in part.fields}
            else:
                columns.add(part.column)
            if part.ordered:
                columns.add("position")
            if part.kind is PartKind.LABELS:
                columns.add("id")  # a label's row id: nothing refers to it
            covered[part.table] = columns
    stored = {
        table: set(archive_rows.stored_columns(table)) for table in archive_rows.stored_tables()
    }
    assert covered == stored


def test_the_schema_file_is_the_formats() -> None:
    on_disk = json.loads((DOCS / "archive.schema.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema()
    jsonschema.Draft202012Validator.check_schema(on_disk)


def test_the_docs_describe_every_field() -> None:
    text = (DOCS / "archive-format.md").read_text(encoding="utf-8")
    assert f"format version {FORMAT_VERSION}" in text
    for collection in COLLECTIONS:
        assert f"## `{collection.name}`" in text
        names = [f.name for f in collection.fields] + [p.name for p in collection.parts]
        for part in collection.parts:
            names += [f.name for f in part.fields]
        for name in names:
            assert f"`{name}`" in text, f"{collection.name}.{name} is not documented"


def test_an_export_of_the_sample_is_valid_by_the_schema(sample: Services) -> None:
    document = ArchiveExport(sample).document()
    jsonschema.validate(document, json_schema(), cls=jsonschema.Draft202012Validator)
    assert document["format_version"] == FORMAT_VERSION
    assert all(document[c.name] for c in COLLECTIONS), "the sample has every kind of record"


def test_the_schema_refuses_a_wrong_type(sample: Services) -> None:
    document = ArchiveExport(sample).document()
    document["meetings"][0]["minutes"] = "sixty"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, json_schema(), cls=jsonschema.Draft202012Validator)


# --- the round trip ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["everything.zip", "everything.json", "no-suffix"])
def test_round_trip_gives_the_same_content(
    sample: Services, target: Services, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    first = ArchiveExport(sample).document()
    written = ArchiveExport(sample).write(path)
    assert written.counts["meetings"] == len(first["meetings"]) > 0
    assert zipfile.is_zipfile(path) == (name != "everything.json")
    result = ArchiveImport(target).apply(read_archive(path))
    assert result.backup is not None and result.backup.exists()
    assert _content(ArchiveExport(target).document()) == _content(first)
    assert _counts(target) == _counts(sample)
    # What the services read is the same too, and the search index was made.
    assert target.mentors.list_all() == sample.mentors.list_all()
    assert target.goals.list_all() == sample.goals.list_all()
    some = sample.mentors.list_all()[0].name.split()[0]
    assert target.search.find(some) == sample.search.find(some)


@pytest.mark.slow
def test_round_trip_of_the_decade_sample(
    services: Services, target: Services, tmp_path: Path
) -> None:
    load_sample_data(services, SampleSize.DECADE)
    started = time.perf_counter()
    result = ArchiveExport(services).write(tmp_path / "decade.zip")
    seconds = time.perf_counter() - started
    assert seconds < 3.0, f"the export took {seconds:.2f} s"
    assert result.counts["action_items"] > 10_000
    ArchiveImport(target).apply(read_archive(tmp_path / "decade.zip"))
    assert _content(ArchiveExport(target).document()) == _content(
        ArchiveExport(services).document()
    )


# --- refusals: nothing is stored --------------------------------------------------------


def test_a_folder_that_holds_data_is_refused(sample: Services, tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    ArchiveExport(sample).write(path)
    before = _counts(sample)
    with pytest.raises(Exception, match="already holds data"):
        ArchiveImport(sample).apply(read_archive(path))
    assert _counts(sample) == before


@pytest.fixture
def document(sample: Services) -> dict[str, Any]:
    return ArchiveExport(sample).document()


def _refused(target: Services, data: bytes, match: str) -> None:
    with pytest.raises(ArchiveError, match=match) as caught:
        ArchiveImport(target).apply(parse_archive(Path("the-archive.json"), data))
    assert "the-archive.json" in str(caught.value)
    assert "Nothing was imported" in str(caught.value)
    assert not any(_counts(target).values())


def _changed(document: dict[str, Any], change: Any) -> bytes:
    changed = copy.deepcopy(document)
    change(changed)
    return _json(changed)


def test_a_newer_format_is_refused(document: dict[str, Any], target: Services) -> None:
    data = _changed(document, lambda d: d.update(format_version=FORMAT_VERSION + 1))
    _refused(target, data, "newer MentorDesk")


def test_bad_json_is_refused_with_its_line(document: dict[str, Any], target: Services) -> None:
    text = json.dumps(document, indent=1)
    at = text.index('\n   "notes": ') + 1  # after a comma, where the next field begins
    broken = text[:at] + "]" + text[at:]
    line = broken[:at].count("\n") + 1
    _refused(target, broken.encode(), f"line {line}, column .*not valid JSON")


def test_other_json_and_other_files_are_refused(target: Services) -> None:
    _refused(target, b"[1, 2]", "not a MentorDesk archive")
    _refused(target, b'{"format": "something else"}', "not a MentorDesk archive")
    _refused(target, '{"format": "caf\xe9"}'.encode("latin-1"), "line 1: is not UTF-8")


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d["mentors"][1].pop("email"), r"mentors\[1\] \(id \d+\): the field email is"),
        (lambda d: d["mentors"][0].update(nickname="x"), "unknown field nickname"),
        (lambda d: d.pop("gratitude"), "the field gratitude is missing"),
        (
            lambda d: d["meetings"][0].update(minutes="60"),
            r"meetings\[0\] \(id \d+\)\.minutes: expected a whole number, found the text",
        ),
        (
            lambda d: d["meetings"][0]["agenda"].__setitem__(
                0, {**d["meetings"][0]["agenda"][0], "done": "yes"}
            ),
            r"agenda\[0\]\.done: expected true or false",
        ),
        (lambda d: d["mentors"][0].update(kind="boss"), 'kind: the text "boss" is not one of'),
        (lambda d: d["mentors"][0].update(name=None), "name: must not be null"),
        (lambda d: d["goals"][0].update(started_on="2026-13-45"), "started_on: expected a date"),
        (lambda d: d["meetings"][0].update(starts_at="2026-01-01 10:00"), "expected a UTC time"),
        (
            lambda d: d["agreements"][0].update(mentor_id=99_999),
            r"agreements\[0\] \(id \d+\)\.mentor_id: there is no record with id 99999 in mentors",
        ),
        (
            lambda d: d["meetings"][0]["mentor_ids"].append(88_888),
            "no record with id 88888 in mentors",
        ),
        (
            lambda d: d["action_items"][0].update(goal_id=77_777),
            "no record with id 77777 in goals",
        ),
        (
            lambda d: d["mentors"][1].update(id=d["mentors"][0]["id"]),
            "another record of mentors has this id",
        ),
        (
            lambda d: d["skills"][1].update(name=d["skills"][0]["name"].upper()),
            "another skill has this name",
        ),
        (
            lambda d: d["meetings"][1]["agenda"].append(dict(d["meetings"][0]["agenda"][0])),
            "another of the agenda has id",
        ),
        (lambda d: d["agreements"][0].update(preferred_channels=["fax"]), "is not one of email"),
        (lambda d: d["mentors"][0].update(notes="\ud800"), "not valid Unicode"),
        (lambda d: d["mentors"][0]["tags"].append(3), r"tags\[\d+\]: expected text"),
    ],
)
def test_a_malformed_archive_is_refused_naming_the_fault(
    document: dict[str, Any], target: Services, change: Any, match: str
) -> None:
    _refused(target, _changed(document, change), match)


def test_a_duplicate_field_and_nan_are_refused(target: Services) -> None:
    _refused(target, b'{"format": 1, "format": 2}', 'the field "format" is given twice')
    _refused(target, b'{"format": NaN}', "NaN is not a number")


def test_a_zip_without_the_archive_or_damaged_is_refused(target: Services, tmp_path: Path) -> None:
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ArchiveError, match=f"without {MEMBER_NAME}"):
        read_archive(path)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MEMBER_NAME, "{}" * 1000)
    path.write_bytes(buffer.getvalue()[:-30])
    with pytest.raises(ArchiveError, match="damaged zip file"):
        read_archive(path)
    with pytest.raises(ArchiveError, match="does not exist"):
        read_archive(tmp_path / "missing.zip")


def test_a_failure_while_storing_stores_nothing(
    document: dict[str, Any], target: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    contents = parse_archive(Path("a.json"), _json(document))
    real = archive_rows.insert_table
    calls = []

    def failing(sessions: Any, table: str, *args: Any) -> None:
        calls.append(table)
        if table == "meeting":
            raise OSError("the disk went away")
        real(sessions, table, *args)

    monkeypatch.setattr(archive_rows, "insert_table", failing)
    with pytest.raises(OSError, match="went away"):
        ArchiveImport(target).apply(contents)
    assert "mentor" in calls and "meeting" in calls
    assert not any(_counts(target).values())


def test_an_export_is_atomic(
    sample: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "a.zip"
    path.write_bytes(b"the old archive")

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(ArchiveError, match="No space left"):
        ArchiveExport(sample).write(path)
    assert path.read_bytes() == b"the old archive"
    assert [p.name for p in path.parent.iterdir()] == ["a.zip"]
