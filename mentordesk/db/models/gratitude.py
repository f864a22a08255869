"""The gratitude log: thanks given to a mentor and help offered back, one dated row each."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import GratitudeKind


class GratitudeEntry(Base):
    """One entry; deleting the mentor deletes their entries (undo puts them back)."""

    __tablename__ = "gratitude_entry"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"), index=True)
    given_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[GratitudeKind] = mapped_column(stored_enum(GratitudeKind))
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
