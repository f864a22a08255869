"""SQLAlchemy mapped classes: the schema Alembic migrations must reproduce exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime
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
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind

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
