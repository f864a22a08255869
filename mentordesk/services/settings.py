"""Reading and changing the person's settings (see mentordesk.domain.settings)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading, writing
from mentordesk.db.models import Setting
from mentordesk.domain.settings import PersonalSettings, settings_from_stored

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SettingsService:
    """Typed settings with defaults; a row exists only for a setting changed from its
    default, so a later version's better default reaches everyone who kept the old one."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock

    def read(self) -> PersonalSettings:
        with reading(self._sessions) as session:
            return self._read(session)

    def _read(self, session: Session) -> PersonalSettings:
        rows = {row.key: row.value for row in session.scalars(select(Setting))}
        settings, unusable = settings_from_stored(rows)
        for key in unusable:  # the key only: the value may be personal
            log.warning("stored setting %s could not be read; using its default", key)
        return settings

    def save(self, settings: PersonalSettings) -> PersonalSettings:
        """Store ``settings`` in one transaction; returns the settings as they were, for
        undo. Raises ValidationError (nothing stored) when a value cannot be used."""
        wanted = settings.validated()
        defaults = PersonalSettings().stored_values()
        with writing(self._sessions) as session:
            before = self._read(session)
            stored = {row.key: row for row in session.scalars(select(Setting))}
            for key, value in wanted.stored_values().items():
                row = stored.get(key)
                if value == defaults[key]:
                    if row is not None:
                        session.execute(delete(Setting).where(Setting.key == key))
                elif row is None:
                    session.add(Setting(key=key, value=value, updated_at=self._now()))
                elif row.value != value:
                    row.value = value
                    row.updated_at = self._now()
        changed = sorted(
            key
            for key, value in wanted.stored_values().items()
            if value != before.stored_values()[key]
        )
        if changed:
            log.info("settings changed: %s", ", ".join(changed))
        return before
