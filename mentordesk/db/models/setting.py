"""The person's settings: one row per setting, its value as JSON text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentordesk.db.models.base import Base, UTCDateTime, utc_now


class Setting(Base):
    """Only settings changed from their default have a row; see mentordesk.domain.settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
