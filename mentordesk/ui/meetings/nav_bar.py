"""The bar above the calendar: Today, previous and next, the range shown, a day to jump to,
month / week / agenda, and the mentor whose meetings to show."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.common.choice_list import ChoiceList, refill, set_choice_list
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.flow_layout import FlowLayout
from mentordesk.ui.common.form_parts import WheelSafeCombo
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font


class CalendarMode(StrEnum):
    MONTH = "month"
    WEEK = "week"
    AGENDA = "agenda"


def tool_button(action: QAction, *, text_beside: bool = False) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setAutoRaise(True)
    if text_beside:
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAccessibleName(action.text().replace("&", ""))
    return button


class CalendarNavBar(QWidget):
    """Buttons for the view's navigation actions, the shown range, the jump field and the
    mentor filter; ``jump_requested(date)`` and ``mentor_chosen(id or None)``."""

    jump_requested = Signal(object)
    mentor_chosen = Signal(object)

    def __init__(
        self,
        navigation: Sequence[QAction],
        modes: Sequence[QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Where you are on top; how you look at it, where to jump and whose meetings under
        # it, wrapping onto more rows in a narrow pane: so the calendar and the card fit
        # side by side down to an 800 px window.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(Space.S, Space.S, Space.S, Space.XS)
        rows.setSpacing(Space.XS)
        row = QHBoxLayout()
        row.setSpacing(Space.XS)
        second = FlowLayout()
        second.setSpacing(Space.M)
        rows.addLayout(row)
        rows.addLayout(second)
        for index, action in enumerate(navigation):
            # Today with its word; previous and next as arrows (their tooltips say it).
            row.addWidget(tool_button(action, text_beside=index == 0))
        self.title = QLabel()
        self.title.setObjectName("calendarTitle")
        set_scaled_font(self.title, TypeScale.HEADING, bold=True)
        # As wide as the longest title from the start: a title that grew with the text
        # would resize the calendar under it on every step from month to month.
        longest = max(
            (QLocale().standaloneMonthName(m) for m in range(1, 13)),
            key=self.title.fontMetrics().horizontalAdvance,
        )
        widest = max(
            self.title.fontMetrics().horizontalAdvance(f"{longest} 2026"),
            self.title.fontMetrics().horizontalAdvance("28 Sep – 30 Sep 2026"),
        )
        self.title.setMinimumWidth(min(widest + Space.S, 160))
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addSpacing(Space.S)
        row.addWidget(self.title, 1)
        self.jump = DateField(optional=False)
        self.jump.setAccessibleName(self.tr("Go to date"))
        self.jump.setToolTip(self.tr("Type a day to go to it (Ctrl+G)"))
        self.jump.picked.connect(self._jump)
        self.jump.returnPressed.connect(self._jump)
        mode_buttons = QWidget()
        mode_row = QHBoxLayout(mode_buttons)
        mode_row.setContentsMargins(0, 0, 0, 0)
        mode_row.setSpacing(Space.XS)
        for action in modes:
            button = tool_button(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setCheckable(True)
            mode_row.addWidget(button)
        second.add_widget(mode_buttons)
        jump_box = QWidget()
        jump_row = QHBoxLayout(jump_box)
        jump_row.setContentsMargins(0, 0, 0, 0)
        jump_row.setSpacing(Space.XS)
        jump_caption = QLabel(self.tr("Go to"))
        jump_caption.setBuddy(self.jump)
        jump_row.addWidget(jump_caption)
        jump_row.addWidget(self.jump)
        second.add_widget(jump_box)
        self.mentor_filter = WheelSafeCombo()
        self.mentor_filter.setAccessibleName(self.tr("Show the meetings of"))
        self.mentor_filter.setMinimumContentsLength(10)
        self.mentor_filter.setSizeAdjustPolicy(
            WheelSafeCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        second.add_widget(self.mentor_filter, 1)
        set_choice_list(self.mentor_filter, ChoiceList([(self.tr("All mentors"), None)], self))
        self.mentor_filter.activated.connect(
            lambda _i: self.mentor_chosen.emit(self.mentor_filter.currentData())
        )

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        chosen = self.mentor_filter.currentData()
        shown = [  # in order of their names already (MentorService.directory)
            (m.name, m.id) for m in mentors if not m.is_archived or m.id == chosen
        ]
        refill(self.mentor_filter, shown, fit=False)

    def chosen_mentor(self) -> int | None:
        value = self.mentor_filter.currentData()
        return None if value is None else int(value)

    def _jump(self) -> None:
        try:
            day = self.jump.value()
        except ValueError:
            return
        if day is not None:
            self.jump_requested.emit(day)
