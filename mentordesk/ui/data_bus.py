"""The one app-wide "data changed" signal; each view refreshes only for the kinds it shows."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from mentordesk.domain.enums import DataKind


class DataBus(QObject):
    """Announces which kinds of data changed, after the change is committed."""

    changed = Signal(frozenset)

    def announce(self, kinds: Iterable[DataKind]) -> None:
        self.changed.emit(frozenset(kinds))
