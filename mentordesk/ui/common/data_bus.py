"""The one app-wide "data changed" signal; each view refreshes only for the kinds it shows.

Because every change is announced here, the bus also keeps the one read of the mentor
directory that the views' mentor choices share (``mentor_directory``): with the 2,400 people
of a large imported network, each view reading it again cost more than the view itself.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from mentordesk.domain.mentor import MentorEntry
    from mentordesk.services.context import Services


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

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._directory: tuple[weakref.ref[Services], Sequence[MentorEntry]] | None = None

    def announce(self, kinds: Iterable[DataKind]) -> None:
        kinds = frozenset(kinds)
        if DataKind.MENTOR in kinds:
            self._directory = None  # read again when next asked for, after the change
        self.changed.emit(kinds)

    def mentor_directory(self, services: Services) -> Sequence[MentorEntry]:
        """``services.mentors.directory()``, read once for every view until mentors change
        (or other data is opened)."""
        if self._directory is not None and self._directory[0]() is services:
            return self._directory[1]
        entries = tuple(services.mentors.directory())
        self._directory = (weakref.ref(services), entries)
        return entries
