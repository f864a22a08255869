"""Meetings with their mentors, agenda and advice, and the action items that come of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import ActionOwner, ActionStatus, MeetingFormat, MeetingStatus


class Meeting(Base):
    """A meeting, stored in UTC with the time zone it was planned in."""

    __tablename__ = "meeting"
    __table_args__ = (
        # Instances of a recurring event share its UID: (uid, recurrence_id) is the identity.
        UniqueConstraint("uid", "recurrence_id"),
        # Held (or planned) meetings in order of time, read from the index alone: the
        # Timeline's overview and year in review. It serves what ix_meeting_status did.
        Index("ix_meeting_status_starts_at", "status", "starts_at"),
        {"sqlite_autoincrement": True},  # ids never reused: undo relies on them
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Its identity in calendar files: kept from an imported file, made here otherwise.
    uid: Mapped[str] = mapped_column(String(255))
    # The instance's RECURRENCE-ID (see mentordesk.interchange); "" when not an instance.
    recurrence_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # What the file said when the meeting was last imported (JSON); "" if never imported.
    imported_event: Mapped[str] = mapped_column(Text, default="", server_default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    time_zone: Mapped[str] = mapped_column(String(64))
    format: Mapped[MeetingFormat] = mapped_column(stored_enum(MeetingFormat))
    place_or_link: Mapped[str] = mapped_column(Text, default="")
    # Indexed with starts_at (ix_meeting_status_starts_at): held meetings in order of time.
    status: Mapped[MeetingStatus] = mapped_column(stored_enum(MeetingStatus))
    notes: Mapped[str] = mapped_column(Text, default="")
    takeaway: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # The folded text filter-as-you-type searches (see mentordesk.domain.listing_keys);
    # indexed so a word typed in Action items reads meeting titles from the index alone.
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="", index=True)

    mentor_links: Mapped[list[MeetingMentor]] = relationship(
        cascade="all, delete-orphan", order_by="MeetingMentor.mentor_id", passive_deletes=True
    )
    agenda: Mapped[list[AgendaRow]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaRow.position", passive_deletes=True
    )
    advice: Mapped[list[AdviceRow]] = relationship(
        cascade="all, delete-orphan", order_by="AdviceRow.position", passive_deletes=True
    )


class MeetingMentor(Base):
    """A mentor at a meeting (several for group mentoring)."""

    __tablename__ = "meeting_mentor"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("mentor.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AgendaRow(Base):
    """A question or topic on a meeting's agenda, in order, ticked off when answered."""

    __tablename__ = "agenda_item"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(Text, default="")


class AdviceRow(Base):
    """One piece of advice received in a meeting."""

    __tablename__ = "meeting_advice"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ActionItem(Base):
    """Something to do: from a meeting's advice, or written down on its own."""

    __tablename__ = "action_item"
    __table_args__ = (
        # The Action items view's default ("needs doing": open, or done and not reported).
        Index("ix_action_item_status_reported_on", "status", "reported_on"),
        # Done items by day, read from the index alone: the Timeline and the year in review.
        Index("ix_action_item_status_done_on", "status", "done_on"),
        # One status chosen in Action items, sorted by the text (and a word matched) in order.
        Index("ix_action_item_status_search_key", "status", "search_key"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[ActionOwner] = mapped_column(stored_enum(ActionOwner))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[ActionStatus] = mapped_column(stored_enum(ActionStatus), index=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reported_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Deleting the meeting keeps the item (what I promised stays promised), unlinked.
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True, nullable=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goal.id", ondelete="SET NULL"), index=True, nullable=True
    )
    skill_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill.id", ondelete="SET NULL"), index=True, nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # The folded text filter-as-you-type searches (see mentordesk.domain.listing_keys).
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")
