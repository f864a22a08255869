"""The selection, keys, clicks and tooltips the month and the week grid handle alike, kept
apart from how either paints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import cast

from PySide6.QtCore import QPoint, Qt, SignalInstance
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QToolTip, QWidget

from mentordesk.domain.meeting import CalendarEntry
from mentordesk.ui.meetings.calendar_paint import day_description, local_span, tooltip


class GridBehaviour:
    """What both grids do alike with the selected day and meeting, keys and clicks. A grid
    (a QWidget subclass listing this first) declares the signals and provides the hooks:
    ``_show_day`` (show the month or week holding a day, emitting range_changed), ``_on``
    (is a meeting drawn on a day), ``_key_target``, ``_hit``, ``_empty_double_click`` and
    ``_repaint``. Setters never emit what the person did (selected_date_changed,
    meeting_selected)."""

    selected_date_changed: SignalInstance
    meeting_selected: SignalInstance
    meeting_activated: SignalInstance
    day_activated: SignalInstance

    def _init_selection(self, day: date) -> None:
        self._selected = day
        self._meeting: int | None = None
        self._by_id: dict[int, CalendarEntry] = {}
        self._spans: dict[int, tuple[datetime, datetime]] = {}  # local start and end by id
        self._names: dict[int, str] = {}

    def _show_day(self, day: date) -> None: ...

    def _on(self, record: CalendarEntry, day: date) -> bool: ...

    def _key_target(self, key: Qt.Key) -> date | None: ...

    def _hit(self, pos: QPoint) -> tuple[date | None, int | None]: ...

    def _empty_double_click(self, pos: QPoint, day: date) -> None: ...

    def _repaint(self) -> None: ...

    def _take(self, records: Sequence[CalendarEntry], names: Mapping[int, str]) -> None:
        self._by_id = {record.id: record for record in records}
        # Converting to local time costs a time-zone look-up: done once per meeting here.
        self._spans = {record.id: local_span(record) for record in records}
        self._names = dict(names)
        if self._meeting not in self._by_id:
            self._meeting = None

    def selected_date(self) -> date:
        return self._selected

    def set_selected_date(self, day: date) -> None:
        """Select a day, showing its month or week."""
        self._show_day(day)
        self._select(day, person=False)

    def selected_meeting(self) -> int | None:
        return self._meeting

    def set_selected_meeting(self, meeting_id: int | None) -> None:
        """Highlight a meeting (None for none), selecting its day if it is shown."""
        record = self._by_id.get(meeting_id) if meeting_id is not None else None
        if record is not None:
            self.set_selected_date(self._spans[record.id][0].date())
        self._meeting = meeting_id
        self._repaint()

    def _select(self, day: date, *, person: bool) -> None:
        changed = day != self._selected
        self._selected = day
        record = self._by_id.get(self._meeting) if self._meeting is not None else None
        if record is None or not self._on(record, day):
            self._meeting = None
        self._describe()
        self._repaint()
        if changed and person:
            self.selected_date_changed.emit(day)

    def _describe(self) -> None:
        count = sum(1 for record in self._by_id.values() if self._on(record, self._selected))
        widget = cast(QWidget, self)
        widget.setAccessibleDescription(day_description(self._selected, count))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        target = self._key_target(key) if plain == Qt.KeyboardModifier.NoModifier else None
        if plain == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._meeting is not None:
                self.meeting_activated.emit(self._meeting)
            else:
                self.day_activated.emit(self._selected)
        elif target is not None:
            self._show_day(target)  # past the shown range: the next month or week
            self._select(target, person=True)
        else:
            super().keyPressEvent(event)  # type: ignore[misc]

    def _click(self, pos: QPoint) -> tuple[date | None, int | None]:
        day, meeting = self._hit(pos)
        if day is not None:
            self._select(day, person=True)
            if meeting != self._meeting:
                self._meeting = meeting
                self._repaint()
                if meeting is not None:
                    self.meeting_selected.emit(meeting)
        return day, meeting

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._click(event.position().toPoint())
        else:
            super().mousePressEvent(event)  # type: ignore[misc]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)  # type: ignore[misc]
            return
        pos = event.position().toPoint()
        day, meeting = self._click(pos)
        if meeting is not None:
            self.meeting_activated.emit(meeting)
        elif day is not None:
            self._empty_double_click(pos, day)

    def _tooltip(self, event: QHelpEvent, records: list[CalendarEntry], owner: QWidget) -> bool:
        if records:
            QToolTip.showText(event.globalPos(), tooltip(records, self._names), owner)
        else:
            QToolTip.hideText()
            event.ignore()
        return True
