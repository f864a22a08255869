"""The relationship's rhythm on the mentor's card: when we last met, the next meeting
planned, when the next one is due at the agreed cadence, and what is still open."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import Space, tint, untint

if TYPE_CHECKING:
    from mentordesk.domain.cadence import RelationshipPulse


class MentorMeetingsBox(QGroupBox):
    """Last met, next planned, next due and open action items, with Schedule Next."""

    schedule_next_requested = Signal()
    open_meeting_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Meetings"), parent)
        self._next_id: int | None = None
        self.summary = QLabel()
        self.summary.setObjectName("mentorMeetings")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due = QLabel()
        self.due.setObjectName("mentorNextDue")
        self.due.setWordWrap(True)
        self.schedule_button = QPushButton(icon("schedule"), self.tr("Schedule Next"))
        self.schedule_button.setToolTip(
            self.tr("Plan the next meeting at the agreed cadence, in their availability")
        )
        self.schedule_button.setAccessibleName(self.tr("Schedule the next meeting"))
        self.schedule_button.clicked.connect(self.schedule_next_requested)
        self.open_button = QPushButton(icon("calendar"), self.tr("Open Next Meeting"))
        self.open_button.setAccessibleName(self.tr("Open the next planned meeting"))
        self.open_button.clicked.connect(
            lambda: self._next_id is not None and self.open_meeting_requested.emit(self._next_id)
        )
        buttons = QHBoxLayout()
        buttons.setSpacing(Space.S)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.due)
        column.addLayout(buttons)
        self.set_pulse(None, date.today())

    def set_pulse(self, pulse: RelationshipPulse | None, today: date) -> None:
        """Show the relationship's rhythm (None: a new card, or no data open)."""
        if pulse is None:
            self.summary.setText(self.tr("No meetings yet."))
            self.due.clear()
            self.due.hide()
            self._next_id = None
            self.open_button.hide()
            return
        last = format_date(pulse.last_met) if pulse.last_met else self.tr("never")
        parts = [self.tr("Last met: {date}").format(date=last)]
        planned = pulse.next_planned
        self._next_id = planned.id if planned else None
        self.open_button.setVisible(planned is not None)
        if planned is not None:
            start = planned.local_start()
            parts.append(self.tr("Next planned: {date}").format(date=format_date(start.date())))
        else:
            parts.append(self.tr("Nothing planned"))
        items = pulse.open_items
        parts.append(
            self.tr("1 open action item")
            if items == 1
            else self.tr("{n} open action items").format(n=items)
        )
        self.summary.setText(" · ".join(parts))
        if pulse.next_due is None:
            self.due.setText(self.tr("No cadence agreed: meet as needed."))
            untint(self.due)
        elif pulse.is_overdue(today):
            days = (today - pulse.next_due).days
            self.due.setText(
                self.tr("⚠ The next meeting was due {date}, {n} days ago.").format(
                    date=format_date(pulse.next_due), n=days
                )
            )
            tint(self.due, "danger")
        else:
            self.due.setText(
                self.tr("Next meeting due: {date}").format(date=format_date(pulse.next_due))
            )
            untint(self.due)
        self.due.show()
