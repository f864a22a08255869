"""Goals with milestones and progress notes; skills with dated assessments.

Revision ID: 0002_goals_skills
Revises: 0001_mentors
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_goals_skills"
down_revision = "0001_mentors"
branch_labels = None
depends_on = None


def _choice() -> sa.String:
    return sa.String(length=32)


def upgrade() -> None:
    utc = sa.DateTime()  # naive UTC; see mentordesk.db.models.base.UTCDateTime
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", _choice(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("why_it_matters", sa.Text(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("status", _choice(), nullable=False),
        sa.Column("status_changed_on", sa.Date(), nullable=True),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("target_level", sa.Integer(), nullable=True),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("created_at", utc, nullable=False),
        sa.Column("updated_at", utc, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill")),
        sa.UniqueConstraint("name_key", name=op.f("uq_skill_name_key")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_milestone_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "goal_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("written_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_note_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_note")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "goal_mentor",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_mentor_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_goal_mentor_mentor_id_mentor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "mentor_id", name=op.f("pk_goal_mentor")),
    )
    op.create_table(
        "goal_skill",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_skill_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_goal_skill_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("goal_id", "skill_id", name=op.f("pk_goal_skill")),
    )
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("source", _choice(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mentor_id"],
            ["mentor.id"],
            name=op.f("fk_assessment_mentor_id_mentor"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_assessment_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sqlite_autoincrement=True,
    )
    for table, column in (
        ("milestone", "goal_id"),
        ("goal_note", "goal_id"),
        ("goal_mentor", "mentor_id"),
        ("goal_skill", "skill_id"),
        ("assessment", "skill_id"),
        ("assessment", "mentor_id"),
    ):
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def downgrade() -> None:
    for table in ("assessment", "goal_skill", "goal_mentor", "goal_note", "milestone"):
        op.drop_table(table)
    op.drop_table("skill")
    op.drop_table("goal")
