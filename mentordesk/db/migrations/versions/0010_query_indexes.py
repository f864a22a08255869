"""Indexes for the reads that scanned at scale: the Timeline, Prepare, Home and Action items.

Revision ID: 0010_query_indexes
Revises: 0009_search
Create Date: 2026-12-02

Each index serves named queries, found with EXPLAIN QUERY PLAN over the "huge" sample data
(2,400 mentors, 30,000 meetings, 117,000 action items); ``tests/db/test_indexes_migration.py``
runs each query through the app's own code and checks its plan uses the index. Best of five
runs of each statement on a noisy 2-core machine (another process was running tests),
before -> after:

``ix_action_item_status_done_on`` (status, done_on), covering for done items by day:
  ``db/timeline_read.py``: ``read_year``'s items done 27 ms -> 0.2 ms; the feed's done-items
  branch in ``count`` 57 -> 36 ms, ``month_counts`` 113 -> 86 ms, a page (``read_keys``)
  56 -> 29 ms, a mentor's page 53 -> 23 ms; ``read_years`` 49 -> 40 ms.
``ix_action_item_status_search_key`` (status, search_key): the Action items list with one
  status chosen, sorted by its text (``db/list_specs.py`` ``ActionItemList``): Done 88 ms ->
  25 ms (the ids come in index order: no sort of 100,000 keys); any status 77 -> 58 ms; a
  word typed with Done chosen 45 -> 15 ms (the word is matched in the index).
``ix_meeting_search_key`` (search_key): a word typed in Action items also matches the
  meeting's title (``ActionItemList.word``'s subquery), now read from this small index
  instead of the meeting table (16 -> 4 ms), so a keystroke there costs 25 -> 10 ms.

``ix_meeting_status_starts_at`` (status, starts_at), in place of ``ix_meeting_status``
  (status), which it serves too: the held meetings in order of time, read from the index
  alone: ``db/timeline_read.py``'s year in review (the meetings of a year 19 -> 4 ms) and
  overview (60 -> 41 ms). The queries that want one mentor's meetings say that most
  meetings are held ones (``likelihood``), as ``db/home_read.py`` does, so that SQLite
  reads them through the mentor's links rather than walking every held meeting: the
  Timeline's paused relationships, and Prepare's last held meeting.

``meeting.starts_at`` has had its index since 0005: the Calendar's month and week reads
(``MeetingService.between``) already search it.
"""

from __future__ import annotations

from alembic import op

revision = "0010_query_indexes"
down_revision = "0009_search"
branch_labels = None
depends_on = None

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_action_item_status_done_on", "action_item", ("status", "done_on")),
    ("ix_action_item_status_search_key", "action_item", ("status", "search_key")),
    ("ix_meeting_search_key", "meeting", ("search_key",)),
    ("ix_meeting_status_starts_at", "meeting", ("status", "starts_at")),
)
REPLACED = ("ix_meeting_status", "meeting", ("status",))  # the new one's first column


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns))
    op.drop_index(REPLACED[0], table_name=REPLACED[1])


def downgrade() -> None:
    op.create_index(REPLACED[0], REPLACED[1], list(REPLACED[2]))
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
