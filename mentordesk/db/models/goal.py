"""Goals with their milestones, progress notes and links to mentors and skills."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentordesk.db.models.base import Base, UTCDateTime, stored_enum, utc_now
from mentordesk.domain.enums import GoalKind, GoalStatus


class Goal(Base):
    """Something the person wants to reach; mentors help with it, skills serve it."""

    __tablename__ = "goal"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[GoalKind] = mapped_column(stored_enum(GoalKind))
    description: Mapped[str] = mapped_column(Text, default="")
    why_it_matters: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[GoalStatus] = mapped_column(stored_enum(GoalStatus))
    status_changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Folded keys the list views sort and filter by (see mentordesk.domain.listing_keys).
    name_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_key: Mapped[str] = mapped_column(Text, default="", server_default="")

    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.position", passive_deletes=True
    )
    notes: Mapped[list[GoalNote]] = relationship(
        cascade="all, delete-orphan",
        order_by="(GoalNote.written_on, GoalNote.id)",
        passive_deletes=True,
    )
    mentor_links: Mapped[list[GoalMentor]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    skill_links: Mapped[list[GoalSkill]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Milestone(Base):
    __tablename__ = "milestone"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class GoalNote(Base):
    """A dated progress note: what happened, what I learned."""

    __tablename__ = "goal_note"
    __table_args__ = ({"sqlite_autoincrement": True},)  # ids never reused: undo relies on them

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    written_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class GoalMentor(Base):
    """A mentor who helps with a goal."""

    __tablename__ = "goal_mentor"

    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True
    )
    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("mentor.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class GoalSkill(Base):
    """A skill a goal needs."""

    __tablename__ = "goal_skill"

    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True
    )
