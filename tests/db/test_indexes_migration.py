"""Revision 0010 adds the indexes that reads at scale use, to a database that already holds
rows (after a backup, like every upgrade), and a downgrade removes them and nothing else.

Each index is there for named queries: the tests below run each one through the code the
app runs it with (the Timeline's and Home's SQL text, a list spec, the Prepare service) and
check that EXPLAIN QUERY PLAN reads it through the index rather than scanning the table or
sorting in a temporary B-tree. No table holds statistics (nothing runs ANALYZE), so SQLite
plans from the schema alone: the plan on these few rows is the plan on 30,000 meetings.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from alembic import command

from mentordesk.db import timeline_read
from mentordesk.db.database import open_database
from mentordesk.db.engine import create_sqlite_engine
from mentordesk.db.list_specs import ActionItemList
from mentordesk.db.listing import ListQuery, install_functions
from mentordesk.db.migrate import alembic_config, schema_differences, upgrade_to_head
from mentordesk.db.schema import KNOWN_REVISIONS
from mentordesk.domain.timeline import EntryKind, TimelineFilter
from mentordesk.paths import DataLocation
from tests.db.helpers import STAMP, database_at, insert_mentor

REVISION = "0010_query_indexes"
BEFORE = "0009_search"
# name: (table, columns)
INDEXES = {
    "ix_action_item_status_done_on": ("action_item", ["status", "done_on"]),
    "ix_action_item_status_search_key": ("action_item", ["status", "search_key"]),
    "ix_meeting_search_key": ("meeting", ["search_key"]),
    "ix_meeting_status_starts_at": ("meeting", ["status", "starts_at"]),
}
REPLACED = "ix_meeting_status"  # (status): the first column of ix_meeting_status_starts_at


def _indexes(connection: sqlite3.Connection) -> dict[str, tuple[str, list[str]]]:
    found = {}
    for name, table in connection.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
    ):
        columns = [row[2] for row in connection.execute(f"PRAGMA index_info({name})")]
        found[name] = (table, columns)
    return found


def _fill(connection: sqlite3.Connection) -> None:
    """A mentor, a held meeting with them, an item done at it and one still open."""
    insert_mentor(connection, 1, "Amara Okafor")
    connection.execute(
        "INSERT INTO meeting (id, uid, sequence, title, starts_at, minutes, time_zone, format,"
        " place_or_link, status, notes, takeaway, created_at, updated_at, search_key)"
        " VALUES (3, 'u3', 0, 'Talk review', '2021-06-01 09:00:00.000000', 60, 'UTC', 'video',"
        f" '', 'held', '', '', {STAMP}, {STAMP}, 'talk review')"
    )
    connection.execute("INSERT INTO meeting_mentor (meeting_id, mentor_id) VALUES (3, 1)")
    for item_id, status, done_on in ((4, "done", "2021-06-02"), (5, "open", None)):
        connection.execute(
            "INSERT INTO action_item (id, text, owner, status, done_on, meeting_id, created_at,"
            f" updated_at, search_key) VALUES (?, 'Send the deck', 'me', ?, ?, 3, {STAMP},"
            f" {STAMP}, 'send the deck')",
            (item_id, status, done_on),
        )


@pytest.fixture
def at_0009(location: DataLocation) -> DataLocation:
    with database_at(location, BEFORE) as connection:
        _fill(connection)
    connection.close()
    return location


def test_0010_follows_0009() -> None:
    at = KNOWN_REVISIONS.index(REVISION)
    assert KNOWN_REVISIONS[at - 1] == BEFORE


def test_upgrade_adds_the_indexes_after_a_backup_and_keeps_the_rows(at_0009: DataLocation) -> None:
    connection = sqlite3.connect(at_0009.database)
    try:
        assert not set(INDEXES) & set(_indexes(connection))
    finally:
        connection.close()

    database = open_database(at_0009)
    try:
        assert len(database.backups_made) == 1  # backed up before migrating
        assert f"before-{REVISION}" in database.backups_made[0].name
        assert schema_differences(database.engine) == []  # the models declare them too
    finally:
        database.close()

    connection = sqlite3.connect(at_0009.database)
    try:
        found = _indexes(connection)
        for name, where in INDEXES.items():
            assert found[name] == where
        assert REPLACED not in found
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            REVISION,
        )
        assert connection.execute("SELECT id FROM meeting").fetchall() == [(3,)]
        assert connection.execute("SELECT id, status FROM action_item ORDER BY id").fetchall() == [
            (4, "done"),
            (5, "open"),
        ]
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def test_downgrade_removes_the_indexes_only(at_0009: DataLocation) -> None:
    connection = sqlite3.connect(at_0009.database)
    try:
        before = _indexes(connection)
    finally:
        connection.close()
    engine = create_sqlite_engine(at_0009.database, foreign_keys=False)
    try:
        upgrade_to_head(engine)
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, BEFORE)
    finally:
        engine.dispose()
    connection = sqlite3.connect(at_0009.database)
    try:
        assert _indexes(connection) == before
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (BEFORE,)
        assert connection.execute("SELECT count(*) FROM action_item").fetchone() == (2,)
    finally:
        connection.close()


# --- each index is used by the query it is for ----------------------------------------------


def _plan(run: Callable[[str], Any], sql: str) -> list[str]:
    return [str(row[3]) for row in run(f"EXPLAIN QUERY PLAN {sql}")]


def _assert_uses(plan: list[str], index: str, table: str, alias: str | None = None) -> None:
    """``plan`` reads ``table`` through ``index``: never a scan of the table itself (a scan
    of one of its indexes is no scan of the table) and no temporary sort."""
    names = "|".join(re.escape(n) for n in {table, alias or table})
    shown = "\n".join(plan)
    assert any(f"INDEX {index}" in line for line in plan), shown
    assert not [line for line in plan if re.fullmatch(rf"SCAN ({names})", line)], shown
    assert not [line for line in plan if "TEMP B-TREE" in line], shown


class Recording:
    """A plain-SQL ``Execute`` (the kind db/home_read.py and db/timeline_read.py take) over
    sqlite3, as the start-up quick read runs them: runs each statement and keeps its plan."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.plans: list[tuple[str, list[str]]] = []

    def __call__(self, sql: str, params: dict[str, Any]) -> list[Any]:
        plan = [str(r[3]) for r in self.connection.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        self.plans.append((sql, plan))
        return self.connection.execute(sql, params).fetchall()

    def plan_of(self, marker: str) -> list[str]:
        """The plan of the one statement run that contains ``marker``."""
        found = [plan for sql, plan in self.plans if marker in sql]
        assert len(found) == 1, [sql for sql, _plan in self.plans]
        return found[0]


@pytest.fixture
def at_head(at_0009: DataLocation, local_time_is_utc: None) -> Iterator[sqlite3.Connection]:
    open_database(at_0009).close()
    connection = sqlite3.connect(at_0009.database)
    install_functions(connection)
    yield connection
    connection.close()


def test_year_in_review_counts_done_items_from_the_done_on_index(
    at_head: sqlite3.Connection,
) -> None:
    execute = Recording(at_head)
    facts = timeline_read.read_year(execute, 2021)
    assert facts.items_done == 1
    plan = execute.plan_of("FROM action_item i WHERE")
    assert "SEARCH i USING COVERING INDEX ix_action_item_status_done_on" in plan[0]
    _assert_uses(plan, "ix_action_item_status_done_on", "action_item", "i")


def test_timeline_page_of_done_items_reads_the_done_on_index(at_head: sqlite3.Connection) -> None:
    execute = Recording(at_head)
    feed = TimelineFilter(kinds=frozenset({EntryKind.ITEM_DONE}))
    keys = timeline_read.read_keys(
        execute, feed, 0, 64, first=date(2021, 6, 1), last=date(2021, 6, 30)
    )
    assert [(kind, id_) for kind, _day, id_ in keys] == [(EntryKind.ITEM_DONE, 4)]
    plan = execute.plan_of("FROM action_item i WHERE")
    # The page's own ORDER BY sorts the union's few rows; the table is only searched.
    plan = [line for line in plan if "ORDER BY" not in line]
    assert any(
        "SEARCH i USING COVERING INDEX ix_action_item_status_done_on (status=? AND done_on>?"
        in line
        for line in plan
    ), plan
    _assert_uses(plan, "ix_action_item_status_done_on", "action_item", "i")


def test_timeline_month_counts_of_done_items_read_the_done_on_index(
    at_head: sqlite3.Connection,
) -> None:
    execute = Recording(at_head)
    feed = TimelineFilter(kinds=frozenset({EntryKind.ITEM_DONE}))
    assert timeline_read.month_counts(execute, feed) == [(2021, 6, 1)]
    plan = execute.plan_of("GROUP BY month")
    assert (
        "SEARCH i USING COVERING INDEX ix_action_item_status_done_on (status=? AND done_on>?)"
        in (plan)
    )
    assert not [line for line in plan if re.fullmatch(r"SCAN (i|action_item)", line)]


def test_a_paused_relationship_reads_its_mentors_meetings_through_the_link_index(
    at_head: sqlite3.Connection,
) -> None:
    """With an index on meeting (status, starts_at), SQLite would walk every held meeting for
    each paused mentor (6.5 ms -> 53 ms on the huge data) unless told that most meetings are
    held ones (likelihood()); told, it reads the mentor's own meetings through the links."""
    execute = Recording(at_head)
    timeline_read.month_counts(execute, TimelineFilter(kinds=frozenset({EntryKind.PAUSED})))
    plan = execute.plan_of("p.status = 'paused'")
    assert "SEARCH mm USING INDEX ix_meeting_mentor_mentor_id (mentor_id=?)" in plan, plan


def test_year_in_review_counts_held_meetings_from_the_status_starts_at_index(
    at_head: sqlite3.Connection,
) -> None:
    execute = Recording(at_head)
    facts = timeline_read.read_year(execute, 2021)
    assert facts.meetings_held == 1
    plan = execute.plan_of("SELECT count(*) FROM meeting m WHERE")
    assert plan == ["SEARCH m USING COVERING INDEX ix_meeting_status_starts_at (status=?)"], plan


def test_prepare_reads_the_last_held_meeting_through_its_mentors_links(
    at_0009: DataLocation, local_time_is_utc: None
) -> None:
    """Prepare's "last time" is the last held meeting with any of the meeting's mentors: one
    mentor's few meetings through the links, whatever the number of meetings held."""
    from datetime import datetime

    from sqlalchemy import event

    from mentordesk.domain.meeting import MeetingFields
    from mentordesk.services.context import Services

    services = Services.open(at_0009)
    try:
        planned = services.meetings.create(
            MeetingFields(
                title="Next talk",
                start=datetime(2026, 1, 5, 10, 0),
                minutes=45,
                time_zone="UTC",
                mentor_ids=(1,),
            )
        )
        plans: list[list[str]] = []

        def explain(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            if "likelihood" in statement:
                rows = cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
                plans.append([str(row[3]) for row in rows])

        engine = services.database.engine
        event.listen(engine, "before_cursor_execute", explain)
        try:
            sources = services.meetings.preparation_sources(planned.id)
        finally:
            event.remove(engine, "before_cursor_execute", explain)
        assert sources.last_meeting is not None and sources.last_meeting.id == 3
        (plan,) = plans
        assert any("USING INDEX ix_meeting_mentor_mentor_id" in line for line in plan), plan
        assert not [line for line in plan if "ix_meeting_status" in line], plan
    finally:
        services.close()


@pytest.mark.parametrize("status", ["done", "open", "dropped"])
def test_action_items_of_one_status_come_in_text_order_from_the_index(
    at_head: sqlite3.Connection, status: str
) -> None:
    spec = ActionItemList()
    query = ListQuery().with_filter("status", status)
    sql, params = spec.ids_statement(query)
    plan = _plan(lambda text: at_head.execute(text, params).fetchall(), sql)
    assert plan == [
        "SEARCH action_item USING COVERING INDEX ix_action_item_status_search_key (status=?)"
    ]
    typed = ListQuery(words=("deck",), filters=query.filters)
    sql, params = spec.ids_statement(typed)
    plan = _plan(lambda text: at_head.execute(text, params).fetchall(), sql)
    _assert_uses(plan, "ix_action_item_status_search_key", "action_item")
    expected = [(4,)] if status == "done" else [(5,)] if status == "open" else []
    assert at_head.execute(sql, params).fetchall() == expected


def test_a_word_in_action_items_reads_meeting_titles_from_their_index(
    at_head: sqlite3.Connection,
) -> None:
    """The default list ("needs doing") with a word typed: the word also matches the title
    of the item's meeting, read from the index of titles rather than the meeting table."""
    spec = ActionItemList()
    query = ListQuery(words=("review",)).with_filter("status", "needs_doing")
    sql, params = spec.ids_statement(query)
    plan = _plan(lambda text: at_head.execute(text, params).fetchall(), sql)
    shown = "\n".join(plan)
    assert "SCAN meeting USING COVERING INDEX ix_meeting_search_key" in plan, shown
    assert "SCAN meeting" not in plan, shown
    # The open item, and the done one not yet reported back, both from "Talk review".
    assert at_head.execute(sql, params).fetchall() == [(4,), (5,)]
