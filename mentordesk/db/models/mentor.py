"""Mentor cards, with their expertise and tags in tables of their own."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind


class Mentor(Base):
    __tablename__ = "mentor"
    # Ids are never reused, so undoing a delete can always put the card back under its id.
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(300), default="")
    profile_url: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    time_zone: Mapped[str] = mapped_column(String(300), default="")
    met_via: Mapped[HowWeMet | None] = mapped_column(stored_enum(HowWeMet), nullable=True)
    met_detail: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[RelationshipKind] = mapped_column(stored_enum(RelationshipKind))
    direction: Mapped[Direction] = mapped_column(stored_enum(Direction))
    status: Mapped[MentorStatus] = mapped_column(stored_enum(MentorStatus))
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    preferred_channel: Mapped[Channel | None] = mapped_column(stored_enum(Channel), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Folded keys the list views sort and filter by (see mentordesk.domain.listing_keys).
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="", index=True)
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    expertise: Mapped[list[MentorExpertise]] = relationship(
        back_populates="mentor",
        cascade="all, delete-orphan",
        order_by="MentorExpertise.position",
        passive_deletes=True,
    )
    tags: Mapped[list[MentorTag]] = relationship(
        back_populates="mentor",
        cascade="all, delete-orphan",
        order_by="MentorTag.position",
        passive_deletes=True,
    )


class MentorExpertise(Base):
    """One area a mentor knows well; a mentor has several, in the order the person gave."""

    __tablename__ = "mentor_expertise"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    mentor: Mapped[Mentor] = relationship(back_populates="expertise")


class MentorTag(Base):
    """A free label the person puts on a mentor card (for example "leadership", "berlin")."""

    __tablename__ = "mentor_tag"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    mentor: Mapped[Mentor] = relationship(back_populates="tags")
