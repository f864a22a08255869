"""Revision 0009 indexes what a database from 0008 already holds, its triggers keep the index
in step with every source table (insert, update, delete, cascades), and a downgrade drops
the index, its shadow tables and its triggers and nothing else."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from alembic import command

from mentordesk.db import search
from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.migrate import alembic_config, schema_differences, upgrade_to_head
from mentordesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from mentordesk.domain.search import SearchKind, plain
from mentordesk.paths import DataLocation
from tests.db.helpers import STAMP, database_at

_FILL_BY_TYPE = {"INTEGER": 0, "BOOLEAN": 0, "DATE": "2021-05-01", "DATETIME": STAMP.strip("'")}


def insert_row(connection: sqlite3.Connection, table: str, **values: Any) -> None:
    """A row of ``table``: ``values``, and a plain value for every other required column."""
    for row in connection.execute(f"PRAGMA table_info({table})"):
        name, kind, required, default = row[1], row[2], row[3], row[4]
        if name not in values and required and default is None and not row[5]:
            values[name] = _FILL_BY_TYPE.get(kind, "")
    names = ", ".join(values)
    marks = ", ".join("?" * len(values))
    connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values()))


def _fill(connection: sqlite3.Connection) -> None:
    """One record of every searchable kind, each with its own word in every indexed place."""
    insert_row(connection, "mentor", id=1, name="Amara Okafor", title="Staff engineer",
               organization="Lumen", notes="Met at PyCon")  # fmt: skip
    insert_row(connection, "mentor_expertise", mentor_id=1, position=0, label="Kubernetes")
    insert_row(connection, "mentor_tag", mentor_id=1, position=0, label="berlin")
    insert_row(connection, "agreement", id=2, mentor_id=1, title="Mentoring compact",
               out_of_scope="salaries", confidentiality="Chatham")  # fmt: skip
    insert_row(connection, "agreement_objective", agreement_id=2, position=0, text="Résumé")
    insert_row(connection, "agreement_commitment", agreement_id=2, position=0, text="punctual")
    insert_row(connection, "meeting", id=3, uid="u3", title="Talk review",
               starts_at="2021-06-01 09:00:00.000000", notes="Slides were dense",
               takeaway="Breathe")  # fmt: skip
    insert_row(connection, "meeting_mentor", meeting_id=3, mentor_id=1)
    insert_row(connection, "agenda_item", meeting_id=3, position=0, text="Pacing question")
    insert_row(connection, "meeting_advice", meeting_id=3, position=0, text="Rehearse aloud")
    insert_row(connection, "action_item", id=4, text="Send the deck", meeting_id=3)
    insert_row(connection, "goal", id=5, title="Become staff", description="Influence",
               why_it_matters="Autonomy")  # fmt: skip
    insert_row(connection, "milestone", goal_id=5, position=0, title="Design doc")
    insert_row(connection, "goal_note", goal_id=5, written_on="2021-06-02", text="Progressing")
    insert_row(connection, "skill", id=6, name="Public speaking", name_key="public speaking",
               category="Communication", description="Talks")  # fmt: skip
    insert_row(connection, "assessment", id=7, skill_id=6, assessed_on="2021-06-03", level=3,
               evidence="Conference keynote")  # fmt: skip
    insert_row(connection, "gratitude_entry", id=8, mentor_id=1, given_on="2021-06-04",
               kind="thank_you_note", text="Postcard")  # fmt: skip


# Each word written above, and the record it must find.
WORDS = {
    "amara": (SearchKind.MENTOR, 1),
    "staff engineer": (SearchKind.MENTOR, 1),
    "lumen": (SearchKind.MENTOR, 1),
    "pycon": (SearchKind.MENTOR, 1),
    "kubernetes": (SearchKind.MENTOR, 1),
    "berlin": (SearchKind.MENTOR, 1),
    "compact": (SearchKind.AGREEMENT, 2),
    "salaries": (SearchKind.AGREEMENT, 2),
    "chatham": (SearchKind.AGREEMENT, 2),
    "resume": (SearchKind.AGREEMENT, 2),
    "punctual": (SearchKind.AGREEMENT, 2),
    "talk review": (SearchKind.MEETING, 3),
    "dense": (SearchKind.MEETING, 3),
    "breathe": (SearchKind.MEETING, 3),
    "pacing": (SearchKind.MEETING, 3),
    "rehearse": (SearchKind.MEETING, 3),
    "deck": (SearchKind.ACTION_ITEM, 4),
    "become": (SearchKind.GOAL, 5),
    "influence": (SearchKind.GOAL, 5),
    "autonomy": (SearchKind.GOAL, 5),
    "design doc": (SearchKind.GOAL, 5),
    "progressing": (SearchKind.GOAL, 5),
    "speaking": (SearchKind.SKILL, 6),
    "communication": (SearchKind.SKILL, 6),
    "talks": (SearchKind.SKILL, 6),
    "keynote": (SearchKind.ASSESSMENT, 7),
    "postcard": (SearchKind.GRATITUDE, 8),
}


def _execute(connection: sqlite3.Connection) -> search.Execute:
    return lambda sql, params: connection.execute(sql, params).fetchall()


def found(connection: sqlite3.Connection, text: str) -> set[tuple[SearchKind, int]]:
    return {
        (matches.kind, hit.record_id)
        for matches in search.find(_execute(connection), text, 20)
        for hit in matches.hits
    }


def assert_index_in_step(connection: sqlite3.Connection) -> None:
    """The index holds exactly the documents its sources make now, and is sound."""
    stored = connection.execute(
        f"SELECT rowid, title, body FROM {search.TABLE} ORDER BY rowid"
    ).fetchall()
    expected = sorted(
        row for query in search.document_queries() for row in connection.execute(query)
    )
    assert stored == expected
    connection.execute(f"INSERT INTO {search.TABLE} ({search.TABLE}) VALUES ('integrity-check')")


def test_0009_follows_0008() -> None:
    at = KNOWN_REVISIONS.index("0009_search")
    assert KNOWN_REVISIONS[at - 1] == "0008_gratitude"


def test_every_source_table_has_its_three_triggers() -> None:
    names = set(search.trigger_names())
    for table in search.source_tables():
        for event in ("insert", "update", "delete"):
            assert f"{search.TABLE}_{table}_{event}" in names
    assert len(names) == 3 * len(search.source_tables())


@pytest.fixture
def at_0008(location: DataLocation) -> DataLocation:
    with database_at(location, "0008_gratitude") as connection:
        _fill(connection)
    connection.close()
    return location


def test_upgrade_from_0008_indexes_what_is_there(at_0008: DataLocation) -> None:
    database = open_database(at_0008)
    try:
        assert len(database.backups_made) == 1
        assert schema_differences(database.engine) == []  # the index is no mapped table
    finally:
        database.close()
    connection = sqlite3.connect(at_0008.database)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        for word, record in WORDS.items():
            assert found(connection, word) == {record}, word
        assert_index_in_step(connection)
    finally:
        connection.close()


def test_downgrade_drops_the_index_its_tables_and_triggers_only(at_0008: DataLocation) -> None:
    engine = create_sqlite_engine(at_0008.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0008_gratitude")
    finally:
        engine.dispose()
    connection = sqlite3.connect(at_0008.database)
    try:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert not [name for name in names if name.startswith(search.TABLE)]
        assert connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).fetchone() == (0,)
        for table in search.source_tables():
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] >= 1
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0008_gratitude",
        )
        insert_row(connection, "meeting_advice", meeting_id=3, position=1, text="Works")
    finally:
        connection.close()


@pytest.fixture
def head(location: DataLocation) -> Iterator[sqlite3.Connection]:
    """A current database holding one record of every kind, with foreign keys on (as the
    app has them), in autocommit."""
    open_database(location).close()
    connection = sqlite3.connect(location.database, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    _fill(connection)
    yield connection
    connection.close()


# Per source table: a text column, the record whose document holds it, and a row to add.
SOURCES: dict[str, tuple[str, SearchKind, int, dict[str, Any]]] = {
    "mentor": ("notes", SearchKind.MENTOR, 1, {"id": 11, "name": "New mentor"}),
    "mentor_expertise": ("label", SearchKind.MENTOR, 1, {"mentor_id": 1, "position": 1}),
    "mentor_tag": ("label", SearchKind.MENTOR, 1, {"mentor_id": 1, "position": 1}),
    "agreement": ("cancellation", SearchKind.AGREEMENT, 2, {"id": 12, "mentor_id": 1}),
    "agreement_objective": ("text", SearchKind.AGREEMENT, 2, {"agreement_id": 2, "position": 1}),
    "agreement_commitment": ("text", SearchKind.AGREEMENT, 2, {"agreement_id": 2, "position": 1}),
    "meeting": ("takeaway", SearchKind.MEETING, 3, {"id": 13, "uid": "u13"}),
    "agenda_item": ("text", SearchKind.MEETING, 3, {"meeting_id": 3, "position": 1}),
    "meeting_advice": ("text", SearchKind.MEETING, 3, {"meeting_id": 3, "position": 1}),
    "action_item": ("text", SearchKind.ACTION_ITEM, 4, {"id": 14}),
    "goal": ("description", SearchKind.GOAL, 5, {"id": 15, "title": "New goal"}),
    "milestone": ("title", SearchKind.GOAL, 5, {"goal_id": 5, "position": 1}),
    "goal_note": ("text", SearchKind.GOAL, 5, {"goal_id": 5, "written_on": "2021-07-01"}),
    "skill": ("description", SearchKind.SKILL, 6, {"id": 16, "name": "New", "name_key": "new"}),
    "assessment": ("evidence", SearchKind.ASSESSMENT, 7, {"id": 17, "skill_id": 6, "level": 2}),
    "gratitude_entry": ("text", SearchKind.GRATITUDE, 8, {"id": 18, "mentor_id": 1}),
}


def test_the_cases_cover_every_source_table() -> None:
    assert set(SOURCES) == set(search.source_tables())


@pytest.mark.parametrize("table", sorted(SOURCES))
def test_triggers_keep_the_index_in_step(head: sqlite3.Connection, table: str) -> None:
    column, kind, record_id, row = SOURCES[table]
    own_record = table in {document.table for document in search.DOCUMENTS}
    # Insert: a record of its own is found under its id, a line under its parent's.
    insert_row(head, table, **{**row, column: "zanzibar"})
    expected = (kind, row["id"]) if own_record else (kind, record_id)
    assert found(head, "zanzibar") == {expected}
    assert_index_in_step(head)

    # Update: found by its new words only.
    rowid = head.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]
    head.execute(f"UPDATE {table} SET {column} = 'quokka' WHERE rowid = ?", (rowid,))
    assert found(head, "zanzibar") == set()
    assert found(head, "quokka") == {expected}
    assert_index_in_step(head)

    # An update of a column nothing indexes leaves the index as it was.
    unindexed = {"updated_at", "level", "done", "origin", "kind"}
    columns = {r[1] for r in head.execute(f"PRAGMA table_info({table})")} & unindexed
    before = _index_pages(head)
    for name in sorted(columns):
        head.execute(f"UPDATE {table} SET {name} = {name} WHERE rowid = ?", (rowid,))
    assert _index_pages(head) == before
    assert found(head, "quokka") == {expected}

    # Delete: gone; the record a line belonged to is still found by its other words.
    head.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
    assert found(head, "quokka") == set()
    assert_index_in_step(head)
    for word, record in WORDS.items():
        assert found(head, word) == {record}, word


def _index_pages(connection: sqlite3.Connection) -> list[Any]:
    return connection.execute(f"SELECT * FROM {search.TABLE}_data ORDER BY id").fetchall()


def test_a_changed_date_moves_the_document_and_keeps_one(head: sqlite3.Connection) -> None:
    head.execute("UPDATE meeting SET starts_at = '2024-02-03 10:00:00.000000' WHERE id = 3")
    head.execute("UPDATE action_item SET due_on = '2025-01-01' WHERE id = 4")
    head.execute("UPDATE gratitude_entry SET given_on = '2022-01-01' WHERE id = 8")
    assert_index_in_step(head)
    assert found(head, "review") == {(SearchKind.MEETING, 3)}
    (rowid,) = head.execute(
        f"SELECT rowid FROM {search.TABLE} WHERE {search.TABLE} MATCH 'review'"
    ).fetchone()
    assert (rowid >> 36) & 0x3FFFF == (date(2024, 2, 3) - date(1900, 1, 1)).days
    assert found(head, "deck") == {(SearchKind.ACTION_ITEM, 4)}


def test_reordered_lines_are_written_in_their_new_order(head: sqlite3.Connection) -> None:
    insert_row(head, "agenda_item", meeting_id=3, position=1, text="Second line")
    head.execute("UPDATE agenda_item SET position = 1 - position WHERE meeting_id = 3")
    assert_index_in_step(head)
    (body,) = head.execute(
        f"SELECT body FROM {search.TABLE} WHERE {search.TABLE} MATCH 'pacing'"
    ).fetchone()
    assert body.index("Second line") < body.index("Pacing question")


def test_cascading_deletes_take_the_documents_with_them(head: sqlite3.Connection) -> None:
    head.execute("DELETE FROM meeting WHERE id = 3")  # its agenda and advice cascade
    assert found(head, "pacing") == set()
    assert found(head, "deck") == {(SearchKind.ACTION_ITEM, 4)}  # kept, unlinked
    head.execute("DELETE FROM skill WHERE id = 6")  # its assessments cascade
    assert found(head, "keynote") == set()
    head.execute("DELETE FROM mentor WHERE id = 1")  # agreements, gratitude, expertise
    for word in ("amara", "compact", "resume", "postcard", "kubernetes"):
        assert found(head, word) == set(), word
    assert found(head, "influence") == {(SearchKind.GOAL, 5)}
    assert_index_in_step(head)


def test_empty_evidence_and_thanks_make_no_document(head: sqlite3.Connection) -> None:
    head.execute("UPDATE assessment SET evidence = '' WHERE id = 7")
    head.execute("UPDATE gratitude_entry SET text = '' WHERE id = 8")
    assert found(head, "keynote") == set() and found(head, "postcard") == set()
    head.execute("UPDATE assessment SET evidence = 'Panel' WHERE id = 7")
    assert found(head, "panel") == {(SearchKind.ASSESSMENT, 7)}
    assert_index_in_step(head)


def test_a_rollback_takes_back_the_index_too(head: sqlite3.Connection) -> None:
    head.execute("BEGIN")
    head.execute("UPDATE meeting SET notes = 'xylophone' WHERE id = 3")
    assert found(head, "xylophone") == {(SearchKind.MEETING, 3)}
    head.execute("ROLLBACK")
    assert found(head, "xylophone") == set()
    assert found(head, "dense") == {(SearchKind.MEETING, 3)}
    assert_index_in_step(head)


def test_a_rebuilt_table_gets_its_triggers_back_at_head(location: DataLocation) -> None:
    """A batch-mode revision rebuilding a source table drops its triggers; upgrading to head
    puts them back."""
    open_database(location).close()
    connection = sqlite3.connect(location.database)
    connection.execute(f"DROP TRIGGER {search.TABLE}_meeting_insert")
    connection.commit()
    connection.close()
    engine = create_sqlite_engine(location.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()
    connection = sqlite3.connect(location.database)
    try:
        triggers = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert set(search.trigger_names()) <= triggers
    finally:
        connection.close()


def test_snippets_mark_the_matching_words(head: sqlite3.Connection) -> None:
    (meetings,) = search.find(_execute(head), "dens", 5)
    hit = meetings.hits[0]
    assert plain(hit.title) == "Talk review"
    assert "\x02Slides\x03" not in hit.snippet and "\x02dense\x03" in hit.snippet
    (agreements,) = search.find(_execute(head), "RÉSU", 5)
    assert "\x02Résumé\x03" in agreements.hits[0].snippet


def test_a_backup_fingerprint_reads_past_the_index(
    head: sqlite3.Connection, location: DataLocation
) -> None:
    """The index is made from the other tables: the fingerprint that says whether the data
    changed since the last backup leaves it out (FTS5 keeps some of it without rowids)."""
    from mentordesk.db.backup import content_fingerprint

    before = content_fingerprint(location.database)
    head.execute(f"INSERT INTO {search.TABLE} ({search.TABLE}) VALUES ('optimize')")
    assert content_fingerprint(location.database) == before
    head.execute("UPDATE meeting SET notes = 'changed' WHERE id = 3")
    assert content_fingerprint(location.database) != before


def test_a_damaged_free_page_list_is_noticed_beside_the_index(location: DataLocation) -> None:
    """SQLite 3.40's quick_check leaves the free page list out when the schema holds a
    virtual table; the snapshot check walks it itself."""
    import random

    from mentordesk.db.backup import check_snapshot

    open_database(location).close()
    connection = sqlite3.connect(location.database)
    for number in range(1, 201):
        insert_row(connection, "mentor", id=number, name=f"M{number}", notes="n" * 3000)
    connection.commit()
    connection.execute("DELETE FROM mentor WHERE id % 2 = 0")
    connection.commit()
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    assert check_snapshot(location.database) is None
    data = bytearray(location.database.read_bytes())
    trunk, size = int.from_bytes(data[32:36], "big"), int.from_bytes(data[16:18], "big")
    assert trunk > 0
    data[(trunk - 1) * size : trunk * size] = random.Random(5).randbytes(size)
    location.database.write_bytes(bytes(data))
    problem = check_snapshot(location.database)
    assert problem is not None and "free page list" in problem
