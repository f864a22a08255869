"""The gratitude log: dated thanks given to a mentor and help offered back.

Revision ID: 0008_gratitude
Revises: 0007_calendar_import
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_gratitude"
down_revision = "0007_calendar_import"
branch_labels = None
depends_on = None


def upgrade() -> None:
    utc = sa.DateTime()  # naive UTC; see mentordesk.db.models.base.UTCDateTime
    op.create_table(
        "gratitude_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_gratitude_entry_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gratitude_entry")),
        sqlite_autoincrement=True,
    )
    for column in ("mentor_id", "given_on"):
        op.create_index(op.f(f"ix_gratitude_entry_{column}"), "gratitude_entry", [column])


def downgrade() -> None:
    op.drop_table("gratitude_entry")
