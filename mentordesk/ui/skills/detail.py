"""Everything about the selected skill, beside the list: its fields, its growth, its history.

The parts are kept together so that one call shows a skill everywhere at once; the view
decides what to store and how to undo it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import SkillRecord
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.skills.chart import ChartRange, RangeChoice, SkillChartView
from mentordesk.ui.skills.editor import SkillEditor
from mentordesk.ui.skills.history import AssessmentHistory


class SkillDetail(QWidget):
    """The editor above, the growth chart and the assessment history below it."""

    def __init__(
        self,
        record_action: QAction,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skillDetail")
        self.editor = SkillEditor()
        self.chart = SkillChartView()
        self.range_choice = RangeChoice()
        self.range_choice.changed.connect(self._range_changed)
        self.history = AssessmentHistory(record_action, today=today)
        self._mentors: dict[int, str] = {}

        growth_title = QLabel(self.tr("Growth"))
        font = growth_title.font()
        font.setBold(True)
        growth_title.setFont(font)
        growth_bar = QHBoxLayout()
        growth_bar.setContentsMargins(0, 0, 0, 0)
        growth_bar.addWidget(growth_title)
        growth_bar.addStretch()
        growth_bar.addWidget(self.range_choice)

        self.no_assessments = EmptyState(
            self.tr("Not assessed yet"),
            self.tr(
                "Record where you stand today (Ctrl+R), and again whenever you or a mentor "
                "sees a change. The chart grows with every assessment."
            ),
        )
        self.no_assessments.add_action_button(record_action, self.tr("Record an assessment"))
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.chart)
        self.chart_stack.addWidget(self.no_assessments)

        growth = QWidget()
        growth_layout = QVBoxLayout(growth)
        growth_layout.setContentsMargins(0, 0, 0, 0)
        growth_layout.setSpacing(2)
        growth_layout.addLayout(growth_bar)
        growth_layout.addWidget(self.chart_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("skillDetailSplitter")
        self.splitter.addWidget(growth)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.editor)
        layout.addWidget(self.splitter, 1)
        # A new skill shows only the editor: keep it at the top, not spread over the pane.
        self.editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addStretch(0)

    @property
    def record(self) -> SkillRecord | None:
        return self.editor.record

    def set_mentors(self, mentors: Sequence[tuple[int, str]]) -> None:
        self._mentors = dict(mentors)
        self.history.set_mentors(mentors)

    def show_record(self, record: SkillRecord, today: date) -> None:
        """Show a stored skill; for the same skill, what is being typed is kept."""
        self.editor.show_record(record)
        self.chart.set_skill(record, self._mentors, today)
        self.history.set_assessments(record.id, record.assessments)
        self.chart_stack.setCurrentWidget(self.chart if record.assessments else self.no_assessments)
        self.splitter.show()

    def start_new(self) -> None:
        self.editor.start_new()
        self.chart.set_skill(None)
        self.history.set_assessments(None, ())
        # Nothing to chart or record until the skill exists.
        self.splitter.hide()

    def _range_changed(self, choice: ChartRange) -> None:
        self.chart.set_range(choice)
