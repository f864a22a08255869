"""The one app-wide "data changed" signal; each view refreshes only for the kinds it shows."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QObject, Signal


class DataKind(StrEnum):
    """What the app-wide "data changed" signal names, so views refresh only for their data."""

    MENTOR = "mentor"
    GOAL = "goal"
    SKILL = "skill"
    AGREEMENT = "agreement"
    MEETING = "meeting"
    ACTION_ITEM = "action_item"
    GRATITUDE = "gratitude"  # the gratitude log (thanks given to mentors)
    SETTINGS = "settings"  # the person's own settings (Preferences)


class DataBus(QObject):
    """Announces which kinds of data changed, after the change is committed."""

    changed = Signal(frozenset)

    def announce(self, kinds: Iterable[DataKind]) -> None:
        self.changed.emit(frozenset(kinds))
