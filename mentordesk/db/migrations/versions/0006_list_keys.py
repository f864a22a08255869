"""Folded name and search keys for the list views, and the indexes their queries use.

Revision ID: 0006_list_keys
Revises: 0005_meetings
Create Date: 2026-12-02

List views sort and filter in SQL (see mentordesk.domain.listing_keys); the keys of the rows
already stored are worked out here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from mentordesk.domain.listing_keys import folded

revision = "0006_list_keys"
down_revision = "0005_meetings"
branch_labels = None
depends_on = None

_KEYED = ("mentor", "goal", "skill", "agreement", "action_item", "meeting")
_NAMED = ("mentor", "goal", "agreement")  # skill has had its name_key since 0002


def _labels(
    connection: sa.Connection, table: str, owner: str, *, label: str = "label"
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    rows = connection.execute(
        sa.text(f"SELECT {owner}, {label} FROM {table} ORDER BY {owner}, position, id")
    )
    for owner_id, label in rows:
        found.setdefault(owner_id, []).append(label)
    return found


def _fill(
    connection: sa.Connection,
    table: str,
    columns: str,
    keys: Callable[[Sequence[Any]], dict[str, str]],
) -> None:
    """Set the keys of every row of ``table`` from ``keys(row)`` (the row's id first)."""
    rows = connection.execute(sa.text(f"SELECT id, {columns} FROM {table}")).all()
    updates = [{"row_id": row[0], **keys(row)} for row in rows]
    if updates:
        assigned = ", ".join(f"{name} = :{name}" for name in updates[0] if name != "row_id")
        connection.execute(sa.text(f"UPDATE {table} SET {assigned} WHERE id = :row_id"), updates)


def upgrade() -> None:
    for table in _KEYED:
        with op.batch_alter_table(table) as batch:
            if table in _NAMED:
                batch.add_column(
                    sa.Column("name_key", sa.Text(), nullable=False, server_default="")
                )
            batch.add_column(sa.Column("search_key", sa.Text(), nullable=False, server_default=""))
    connection = op.get_bind()
    expertise = _labels(connection, "mentor_expertise", "mentor_id")
    tags = _labels(connection, "mentor_tag", "mentor_id")
    milestones = _labels(connection, "milestone", "goal_id", label="title")
    _fill(
        connection,
        "mentor",
        "name, organization",
        lambda r: {
            "name_key": folded(r[1]),
            "search_key": folded(r[1], r[2], expertise.get(r[0], []), tags.get(r[0], [])),
        },
    )
    _fill(
        connection,
        "goal",
        "title, description, why_it_matters",
        lambda r: {
            "name_key": folded(r[1]),
            "search_key": folded(*r[1:], milestones.get(r[0], [])),
        },
    )
    _fill(
        connection,
        "skill",
        "name, category",
        lambda r: {"search_key": folded(r[1], r[2])},
    )
    _fill(
        connection,
        "agreement",
        "title",
        lambda r: {"name_key": folded(r[1]), "search_key": folded(r[1])},
    )
    _fill(connection, "action_item", "text", lambda r: {"search_key": folded(r[1])})
    _fill(connection, "meeting", "title", lambda r: {"search_key": folded(r[1])})
    op.create_index(op.f("ix_mentor_name_key"), "mentor", ["name_key"])
    op.create_index(op.f("ix_action_item_due_on"), "action_item", ["due_on"])
    op.create_index("ix_action_item_status_reported_on", "action_item", ["status", "reported_on"])


def downgrade() -> None:
    op.drop_index("ix_action_item_status_reported_on", table_name="action_item")
    op.drop_index(op.f("ix_action_item_due_on"), table_name="action_item")
    op.drop_index(op.f("ix_mentor_name_key"), table_name="mentor")
    for table in _KEYED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("search_key")
            if table in _NAMED:
                batch.drop_column("name_key")
