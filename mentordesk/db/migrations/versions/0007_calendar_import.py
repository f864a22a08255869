"""Calendar files: the recurrence id of an imported instance, and the event as last imported.

Revision ID: 0007_calendar_import
Revises: 0006_list_keys
Create Date: 2026-12-03

Every instance of a recurring event shares the event's UID, so in calendar files a meeting is
identified by (uid, recurrence_id); recurrence_id is "" for a meeting that is no instance.
``imported_event`` holds what the file said about the meeting when it was last imported
(JSON; "" for a meeting never imported): importing the same file again changes nothing, and a
changed event updates only what changed in the file, never what was written in MentorDesk.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_calendar_import"
down_revision = "0006_list_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(
            sa.Column("recurrence_id", sa.String(length=64), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("imported_event", sa.Text(), nullable=False, server_default=""))
        batch.drop_constraint("uq_meeting_uid", type_="unique")
        batch.create_unique_constraint("uq_meeting_uid_recurrence_id", ["uid", "recurrence_id"])


def downgrade() -> None:
    # Instances of one recurring event share a UID: only the first of each keeps it, the
    # others get one of their own, so the old unique constraint holds again.
    connection = op.get_bind()
    connection.execute(
        sa.text(
            "UPDATE meeting SET uid = uid || '-' || recurrence_id WHERE recurrence_id != '' AND "
            "id NOT IN (SELECT min(id) FROM meeting GROUP BY uid)"
        )
    )
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint("uq_meeting_uid_recurrence_id", type_="unique")
        batch.create_unique_constraint("uq_meeting_uid", ["uid"])
        batch.drop_column("imported_event")
        batch.drop_column("recurrence_id")
