"""Expectations agreements with objectives, commitments, availability windows and revisions.

Revision ID: 0003_agreements
Revises: 0002_goals_skills
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_agreements"
down_revision = "0002_goals_skills"
branch_labels = None
depends_on = None


def _choice() -> sa.String:
    return sa.String(length=32)


def _agreement_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["agreement_id"],
        ["agreement.id"],
        name=op.f(f"fk_{table}_agreement_id_agreement"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    utc = sa.DateTime()  # naive UTC; see mentordesk.db.models.base.UTCDateTime
    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", _choice(), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("planned_length", sa.String(length=300), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("cadence_every", sa.Integer(), nullable=True),
        sa.Column("cadence_unit", _choice(), nullable=False),
        sa.Column("format", _choice(), nullable=False),
        sa.Column("typical_minutes", sa.Integer(), nullable=True),
        sa.Column("place_or_link", sa.String(length=300), nullable=False),
        sa.Column("who_schedules", _choice(), nullable=False),
        sa.Column("out_of_scope", sa.Text(), nullable=False),
        sa.Column("reply_time", sa.String(length=300), nullable=False),
        sa.Column("cancellation", sa.Text(), nullable=False),
        sa.Column("preferred_channels", sa.Text(), nullable=False),
        sa.Column("acceptable_channels", sa.Text(), nullable=False),
        sa.Column("communication_notes", sa.Text(), nullable=False),
        sa.Column("confidentiality", sa.Text(), nullable=False),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_agreement_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "agreement_objective",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        _agreement_fk("agreement_objective"),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_agreement_objective_goal_id_goal"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_objective")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "agreement_commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("side", _choice(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _agreement_fk("agreement_commitment"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_commitment")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "availability_window",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        _agreement_fk("availability_window"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_availability_window")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "agreement_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("revised_at", utc, nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        _agreement_fk("agreement_revision"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_revision")),
        sqlite_autoincrement=True,
    )
    for table, column in (
        ("agreement", "mentor_id"),
        ("agreement_objective", "agreement_id"),
        ("agreement_objective", "goal_id"),
        ("agreement_commitment", "agreement_id"),
        ("availability_window", "agreement_id"),
        ("agreement_revision", "agreement_id"),
    ):
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table in (
        "agreement_revision",
        "availability_window",
        "agreement_commitment",
        "agreement_objective",
        "agreement",
    ):
        op.drop_table(table)
