"""Skills and their dated assessments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import AssessmentSource


class Skill(Base):
    __tablename__ = "skill"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The name folded (case and accents): unique, so "Public speaking" exists only once.
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    target_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # The folded text filter-as-you-type searches (see mentordesk.domain.listing_keys).
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    assessments: Mapped[list[Assessment]] = relationship(
        cascade="all, delete-orphan",
        order_by="(Assessment.assessed_on, Assessment.id)",
        passive_deletes=True,
    )


class Assessment(Base):
    """A dated level of one skill, from a source, perhaps given by a mentor."""

    __tablename__ = "assessment"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id", ondelete="CASCADE"), index=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    source: Mapped[AssessmentSource] = mapped_column(stored_enum(AssessmentSource))
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentor.id", ondelete="SET NULL"), nullable=True, index=True
    )
    evidence: Mapped[str] = mapped_column(Text, default="")
