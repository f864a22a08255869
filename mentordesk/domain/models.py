"""SQLAlchemy mapped classes: the schema Alembic migrations must reproduce exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mentordesk.domain.enums import (
    AgreementStatus,
    AssessmentSource,
    CadenceUnit,
    Channel,
    CommitmentSide,
    Direction,
    GoalKind,
    GoalStatus,
    HowWeMet,
    MeetingFormat,
    MentorStatus,
    RelationshipKind,
    WhoSchedules,
)

# Named constraints let Alembic's batch mode find and alter them later on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, hands back aware UTC: SQLite keeps no time zone of its own."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum(enum_class: type[StrEnum]) -> Enum:
    # Stored as the enum's value in a plain string column, with no CHECK constraint, so a
    # later version can add a choice without rebuilding the table.
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


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
    met_via: Mapped[HowWeMet | None] = mapped_column(_enum(HowWeMet), nullable=True)
    met_detail: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[RelationshipKind] = mapped_column(_enum(RelationshipKind))
    direction: Mapped[Direction] = mapped_column(_enum(Direction))
    status: Mapped[MentorStatus] = mapped_column(_enum(MentorStatus))
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    preferred_channel: Mapped[Channel | None] = mapped_column(_enum(Channel), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

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


class Goal(Base):
    """Something the person wants to reach; mentors help with it, skills serve it."""

    __tablename__ = "goal"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[GoalKind] = mapped_column(_enum(GoalKind))
    description: Mapped[str] = mapped_column(Text, default="")
    why_it_matters: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    target_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[GoalStatus] = mapped_column(_enum(GoalStatus))
    status_changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

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
    source: Mapped[AssessmentSource] = mapped_column(_enum(AssessmentSource))
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentor.id", ondelete="SET NULL"), nullable=True, index=True
    )
    evidence: Mapped[str] = mapped_column(Text, default="")


class Agreement(Base):
    """What was agreed with one mentor: goals, cadence, boundaries, communication."""

    __tablename__ = "agreement"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("mentor.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[AgreementStatus] = mapped_column(_enum(AgreementStatus))
    agreed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    planned_length: Mapped[str] = mapped_column(String(300), default="")
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    cadence_every: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cadence_unit: Mapped[CadenceUnit] = mapped_column(_enum(CadenceUnit))
    format: Mapped[MeetingFormat] = mapped_column(_enum(MeetingFormat))
    typical_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    place_or_link: Mapped[str] = mapped_column(String(300), default="")
    who_schedules: Mapped[WhoSchedules] = mapped_column(_enum(WhoSchedules))
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
    side: Mapped[CommitmentSide] = mapped_column(_enum(CommitmentSide))
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
