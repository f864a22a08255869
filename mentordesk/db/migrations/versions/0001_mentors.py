"""Mentor cards with expertise areas and tags.

Revision ID: 0001_mentors
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_mentors"
down_revision = None
branch_labels = None
depends_on = None


def _choice() -> sa.String:
    # Enum columns are stored as plain strings (no CHECK constraint) of this length.
    return sa.String(length=32)


def upgrade() -> None:
    utc = sa.DateTime()  # naive UTC; see mentordesk.db.models.base.UTCDateTime
    op.create_table(
        "mentor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=300), nullable=False),
        sa.Column("profile_url", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("time_zone", sa.String(length=300), nullable=False),
        sa.Column("met_via", _choice(), nullable=True),
        sa.Column("met_detail", sa.String(length=300), nullable=False),
        sa.Column("kind", _choice(), nullable=False),
        sa.Column("direction", _choice(), nullable=False),
        sa.Column("status", _choice(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("preferred_channel", _choice(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived_at", utc, nullable=True),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor")),
        sqlite_autoincrement=True,
    )
    for table in ("mentor_expertise", "mentor_tag"):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("mentor_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.Column("label", sa.String(length=300), nullable=False),
            sa.ForeignKeyConstraint(
                ["mentor_id"],
                ["mentor.id"],
                name=op.f(f"fk_{table}_mentor_id_mentor"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_mentor_id"), ["mentor_id"], unique=False)


def downgrade() -> None:
    for table in ("mentor_tag", "mentor_expertise"):
        op.drop_table(table)
    op.drop_table("mentor")
