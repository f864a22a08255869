"""Compare skills: several chosen skills in one chart over the same years.

Seeing, say, "Public speaking" climb while "Python" holds steady is what tells a person where
their mentoring time went. The checklist is a QStandardItemModel of the skills' names and ids
only; the records themselves stay with the view that passed them in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import QChartView, QLineSeries
from PySide6.QtCore import QPointF, QSortFilterProxyModel, Qt
from PySide6.QtGui import (
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.skill import SkillRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.skills.chart import (
    ChartRange,
    RangeChoice,
    date_axis,
    fit_ticks,
    level_axis,
    new_chart,
    range_bounds,
    series_color,
    set_date_range,
    step_points,
    style_chart,
)

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Vertical distance between lines of different skills at the same level, in levels.
_NUDGE = 0.05


class _CompareChartView(QChartView):
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        axes = self.chart().axes(Qt.Orientation.Horizontal)
        if axes:
            fit_ticks(axes[0], self.chart().plotArea().width())  # type: ignore[arg-type]


class CompareSkillsDialog(QDialog):
    """Check skills on the left; each becomes one step line, in one colour, on the right."""

    def __init__(
        self, skills: Sequence[SkillRecord], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareSkillsDialog")
        self.setWindowTitle(self.tr("Compare skills"))
        self.resize(1000, 600)
        self._today = today
        self._skills: dict[int, SkillRecord] = {}
        self._checked: list[int] = []  # in the order they were checked: colours stay put
        self._range = ChartRange.ALL
        self._filling = False

        self.list_model = QStandardItemModel(self)
        self.list_model.itemChanged.connect(self._item_changed)
        self.list_proxy = QSortFilterProxyModel(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter skills"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.list_proxy.setFilterFixedString)
        self.skill_list = QListView()
        self.skill_list.setObjectName("compareSkillList")
        self.skill_list.setModel(self.list_proxy)
        self.skill_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.skill_list.setSpacing(1)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear_checks)
        hint = QLabel(self.tr("Check the skills to compare."))
        hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(hint)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.skill_list, 1)
        left_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.chart_view = _CompareChartView()
        self.chart_view.setObjectName("compareChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = new_chart()
        self.x_axis = date_axis()
        self.y_axis = level_axis()
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        style_chart(chart)
        self.chart_view.setChart(chart)
        self.range_choice = RangeChoice()
        self.range_choice.changed.connect(self._range_changed)
        self.empty_label = QLabel(self.tr("Nothing to compare yet: check two or more skills."))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.empty_label, 1)
        bar.addWidget(self.range_choice)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.chart_view, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([240, 760])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.set_skills(skills)

    # --- choosing ------------------------------------------------------------------------

    def set_skills(self, skills: Sequence[SkillRecord]) -> None:
        """The skills to choose from (again after a change); checks stay on what remains."""
        self._skills = {record.id: record for record in skills}
        self._checked = [skill_id for skill_id in self._checked if skill_id in self._skills]
        self._filling = True
        self.list_model.clear()
        for record in sorted(skills, key=lambda r: fold(r.name)):
            item = QStandardItem(record.name)
            item.setData(record.id, _ID_ROLE)
            item.setCheckable(True)
            item.setEditable(False)
            checked = record.id in self._checked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            if record.fields.category:
                item.setToolTip(record.fields.category)
            self.list_model.appendRow(item)
        self._filling = False
        self._redraw()

    def check_skill(self, skill_id: int, checked: bool = True) -> None:
        for row in range(self.list_model.rowCount()):
            item = self.list_model.item(row)
            if item.data(_ID_ROLE) == skill_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return

    def clear_checks(self) -> None:
        for skill_id in list(self._checked):
            self.check_skill(skill_id, False)

    def checked_ids(self) -> list[int]:
        return list(self._checked)

    def _item_changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        skill_id = item.data(_ID_ROLE)
        if item.checkState() == Qt.CheckState.Checked and skill_id not in self._checked:
            self._checked.append(skill_id)
        elif item.checkState() != Qt.CheckState.Checked and skill_id in self._checked:
            self._checked.remove(skill_id)
        else:
            return
        self._redraw()

    def _range_changed(self, choice: ChartRange) -> None:
        self._range = choice
        self._redraw()

    # --- drawing -------------------------------------------------------------------------

    def series(self) -> list[QLineSeries]:
        return [s for s in self.chart_view.chart().series() if isinstance(s, QLineSeries)]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._redraw()

    def _redraw(self) -> None:
        if not self.isVisible():
            # QtCharts loses the date axis' labels when series are added before the chart
            # was ever laid out; draw once it is shown.
            self._stale = True
            return
        self._stale = False
        chart = self.chart_view.chart()
        # One line per skill; with a handful of skills rebuilding them is cheaper than
        # keeping a pool, and keeps colours tied to the order of checking.
        chart.removeAllSeries()
        first: date | None = None
        for position, skill_id in enumerate(self._checked):
            record = self._skills[skill_id]
            series = QLineSeries()
            series.setName(record.name)
            series.setPen(QPen(series_color(position), 2.2))
            # Skills at the same level would hide one another: nudge each line a little.
            offset = (position - (len(self._checked) - 1) / 2) * _NUDGE
            series.append(
                [
                    QPointF(point.x(), point.y() + offset)
                    for point in step_points(record.assessments, self._today)
                ]
            )
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
            if record.assessments:
                day = record.assessments[0].fields.assessed_on
                first = day if first is None else min(first, day)
        set_date_range(self.x_axis, *range_bounds(self._range, first, self._today))
        count = len(self._checked)
        if count == 0:
            self.empty_label.setText(self.tr("Nothing to compare yet: check two or more skills."))
        elif count == 1:
            self.empty_label.setText(self.tr("Check another skill to compare."))
        else:
            self.empty_label.setText(self.tr("{n} skills over the same years").format(n=count))
