"""Meetings with their mentors, agenda and advice; action items.

Revision ID: 0005_meetings
Revises: 0004_settings
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_meetings"
down_revision = "0004_settings"
branch_labels = None
depends_on = None


def _choice() -> sa.String:
    return sa.String(length=32)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _index(table: str, column: str, *, unique: bool = False) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=unique)


def upgrade() -> None:
    utc = sa.DateTime()  # naive UTC; see mentordesk.db.models.base.UTCDateTime
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=255), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", utc, nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("format", _choice(), nullable=False),
        sa.Column("place_or_link", sa.Text(), nullable=False),
        sa.Column("status", _choice(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("takeaway", sa.Text(), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_uid")),
        sqlite_autoincrement=True,
    )
    _index("meeting", "starts_at")
    _index("meeting", "status")
    op.create_table(
        "meeting_mentor",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        _fk("meeting_mentor", "meeting_id", "meeting", "CASCADE"),
        _fk("meeting_mentor", "mentor_id", "mentor", "CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "mentor_id", name=op.f("pk_meeting_mentor")),
    )
    _index("meeting_mentor", "mentor_id")
    for table, extra in (
        (
            "agenda_item",
            [
                sa.Column("done", sa.Boolean(), nullable=False),
                sa.Column("origin", sa.Text(), nullable=False),
            ],
        ),
        ("meeting_advice", []),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("meeting_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            *extra,
            _fk(table, "meeting_id", "meeting", "CASCADE"),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sqlite_autoincrement=True,
        )
        _index(table, "meeting_id")
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", _choice(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", _choice(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        _fk("action_item", "meeting_id", "meeting", "SET NULL"),
        _fk("action_item", "goal_id", "goal", "SET NULL"),
        _fk("action_item", "skill_id", "skill", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
        sqlite_autoincrement=True,
    )
    for column in ("status", "meeting_id", "goal_id", "skill_id"):
        _index("action_item", column)


def downgrade() -> None:
    for table in ("action_item", "meeting_advice", "agenda_item", "meeting_mentor", "meeting"):
        op.drop_table(table)
