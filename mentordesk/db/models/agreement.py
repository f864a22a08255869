"""Expectations agreements, their lists (objectives, commitments, windows) and revisions."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import (
    AgreementStatus,
    CadenceUnit,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)


class Agreement(Base):
    """What was agreed with one mentor: goals, cadence, boundaries, communication."""

    __tablename__ = "agreement"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[AgreementStatus] = mapped_column(stored_enum(AgreementStatus))
    agreed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    planned_length: Mapped[str] = mapped_column(String(300), default="")
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cadence_every: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cadence_unit: Mapped[CadenceUnit] = mapped_column(stored_enum(CadenceUnit))
    format: Mapped[MeetingFormat] = mapped_column(stored_enum(MeetingFormat))
    typical_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place_or_link: Mapped[str] = mapped_column(String(300), default="")
    who_schedules: Mapped[WhoSchedules] = mapped_column(stored_enum(WhoSchedules))
    out_of_scope: Mapped[str] = mapped_column(Text, default="")
    reply_time: Mapped[str] = mapped_column(String(300), default="")
    cancellation: Mapped[str] = mapped_column(Text, default="")
    # JSON lists of Channel values, in the order the person gave; validated in the domain.
    preferred_channels: Mapped[str] = mapped_column(Text, default="[]")
    acceptable_channels: Mapped[str] = mapped_column(Text, default="[]")
    communication_notes: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Folded keys the list views sort and filter by (see mentordesk.domain.listing_keys).
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    objectives: Mapped[list[AgreementObjective]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementObjective.position", passive_deletes=True
    )
    commitments: Mapped[list[AgreementCommitment]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementCommitment.position", passive_deletes=True
    )
    windows: Mapped[list[AvailabilityWindowRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="AvailabilityWindowRow.position",
        passive_deletes=True,
    )


class AgreementObjective(Base):
    """An objective of the relationship: free text, or linked to one of my goals."""

    __tablename__ = "agreement_objective"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goal.id", ondelete="SET NULL"), nullable=True, index=True
    )


class AgreementCommitment(Base):
    """One line of "I will" or "my mentor will"."""

    __tablename__ = "agreement_commitment"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    side: Mapped[CommitmentSide] = mapped_column(stored_enum(CommitmentSide))
    text: Mapped[str] = mapped_column(Text)


class AvailabilityWindowRow(Base):
    """When the mentor can be reached: a weekday (0 = Monday) and local hours."""

    __tablename__ = "availability_window"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    weekday: Mapped[int] = mapped_column(Integer)
    starts: Mapped[time] = mapped_column(Time)
    ends: Mapped[time] = mapped_column(Time)


class AgreementRevision(Base):
    """One change to an active agreement: the fields it changed (old and new values) and the
    whole state after it, so any two revisions can be compared field by field."""

    __tablename__ = "agreement_revision"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True
    )
    revised_at: Mapped[datetime] = mapped_column(UTCDateTime)
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: [old, new]}
    state: Mapped[str] = mapped_column(Text)  # JSON {field: value} after the change
