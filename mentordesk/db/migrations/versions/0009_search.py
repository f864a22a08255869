"""Search: an FTS5 index of everything a person wrote, kept in step by triggers.

Revision ID: 0009_search
Revises: 0008_gratitude
Create Date: 2026-12-18

The statements come from ``mentordesk.db.search`` (see its docstring for what is indexed
and how); the index is filled for the rows already stored.
"""

from __future__ import annotations

from alembic import op

from mentordesk.db import search

revision = "0009_search"
down_revision = "0008_gratitude"
branch_labels = None
depends_on = None


def upgrade() -> None:
    connection = op.get_bind()
    for statement in (*search.install_statements(), *search.fill_statements()):
        connection.exec_driver_sql(statement)


def downgrade() -> None:
    connection = op.get_bind()
    for statement in search.drop_statements():
        connection.exec_driver_sql(statement)
