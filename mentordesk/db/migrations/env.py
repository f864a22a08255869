"""Alembic environment: always runs on a connection handed in by mentordesk.db.migrate."""

from __future__ import annotations

from alembic import context

from mentordesk.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "MentorDesk migrations run through mentordesk.db.migrate with an open connection."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
