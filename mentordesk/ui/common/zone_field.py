"""A time-zone field: a line edit that completes IANA zone names ("Lagos" finds
Africa/Lagos), on the mentor card and the meeting card alike."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimeZone
from PySide6.QtWidgets import QCompleter, QLineEdit


def complete_zones(edit: QLineEdit, parent: QObject) -> None:
    """Offer the zone names as ``edit`` is typed in. The names are read on the first
    keystroke: reading them takes longer than drawing the window, and most visits to a card
    never touch the time zone."""
    zone_names = QStringListModel(parent)
    completer = QCompleter(zone_names, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)

    def read_zones() -> None:
        if not zone_names.rowCount():
            ids = QTimeZone.availableTimeZoneIds()
            zone_names.setStringList([bytes(z.data()).decode() for z in ids])
            completer.setCompletionPrefix(edit.text())  # the keystroke that asked
            completer.complete()

    edit.textEdited.connect(read_zones)
