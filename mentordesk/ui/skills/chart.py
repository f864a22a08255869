"""A skill's growth chart: the level as a step line over the years, the target, the sources.

A level holds from one assessment until the next, so the line is drawn as steps (two points
per change). The points on it show who judged: mentor feedback looks different from a
self-assessment. One chart view lives for the whole session; choosing another skill only
replaces the points of its series, which keeps selection changes cheap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from enum import IntEnum

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QXYSeries,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, QPointF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QToolTip,
    QWidget,
)

from mentordesk.domain.enums import AssessmentSource
from mentordesk.domain.levels import LEVELS, MAX_LEVEL, MIN_LEVEL
from mentordesk.domain.skill import AssessmentRecord, SkillRecord, years_before
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.style import colors, is_dark
from mentordesk.ui.skills.model import level_name, level_text


def series_color(position: int) -> QColor:
    """Distinct lines for comparing skills, told apart in both schemes."""
    series = colors().series
    return series[position % len(series)]


def style_chart(chart: QChart) -> None:
    """Qt Charts' light or dark theme, to match the palette; then the app's own colours go
    on top (setTheme resets them), so call it before colouring the series."""
    dark = is_dark()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    palette = QApplication.palette()
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
    for axis in chart.axes():
        axis.setLabelsColor(palette.color(QPalette.ColorRole.Text))
        axis.setTitleBrush(palette.color(QPalette.ColorRole.Text))


class ChartRange(IntEnum):
    """How far back the chart looks; the value is the years (0 for the whole history)."""

    YEAR = 1
    THREE_YEARS = 3
    ALL = 0


def date_ms(day: date) -> float:
    """A date as the chart's x value: local midnight in milliseconds since the epoch."""
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


def step_points(assessments: Sequence[AssessmentRecord], until: date) -> list[QPointF]:
    """The level as steps: each level holds until the next assessment, the last until today."""
    points: list[QPointF] = []
    previous: int | None = None
    for assessment in assessments:
        x = date_ms(assessment.fields.assessed_on)
        if previous is not None:
            points.append(QPointF(x, previous))
        previous = assessment.fields.level
        points.append(QPointF(x, previous))
    if previous is not None and assessments[-1].fields.assessed_on < until:
        points.append(QPointF(date_ms(until), previous))
    return points


def range_bounds(choice: ChartRange, first: date | None, today: date) -> tuple[date, date]:
    """The dates the x axis spans: the chosen years back, or the whole history, to today."""
    if choice is ChartRange.ALL:
        start = first if first is not None and first < today else years_before(today, 1)
    else:
        start = years_before(today, int(choice))
    # A little room on both sides so the first and last points are not on the frame.
    pad = timedelta(days=max(3, (today - start).days // 40))
    if choice is ChartRange.ALL:
        start -= pad
    return start, today + pad


def level_axis() -> QCategoryAxis:
    """The y axis: the five levels by name, with a grid line at each."""
    axis = QCategoryAxis()
    axis.setMin(MIN_LEVEL - 0.5)
    axis.setMax(MAX_LEVEL + 0.4)
    axis.setStartValue(MIN_LEVEL - 0.5)
    for step in LEVELS:
        axis.append(f"{step.value} · {level_name(step.value)}", step.value)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setGridLineVisible(True)
    return axis


def date_axis() -> QDateTimeAxis:
    axis = QDateTimeAxis()
    axis.setFormat("MMM yyyy")
    axis.setTickCount(5)
    return axis


def set_date_range(axis: QDateTimeAxis, start: date, end: date) -> None:
    axis.setRange(
        QDateTime(QDate(start.year, start.month, start.day), QTime(0, 0)),
        QDateTime(QDate(end.year, end.month, end.day), QTime(0, 0)),
    )


def axis_date(value: QDateTime) -> date:
    day = value.date()
    return date(day.year(), day.month(), day.day())


def fit_ticks(axis: QDateTimeAxis, plot_width: float) -> None:
    """As many date labels as fit without crowding ("Mar 2024" needs about 90 pixels)."""
    axis.setTickCount(max(3, min(11, int(plot_width // 95) + 1)))


def new_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 8, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class SkillChartView(QChartView):
    """The growth chart of one skill; set_skill() and set_range() only move points and axes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skillChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self._record: SkillRecord | None = None
        self._today = date.today()
        self._range = ChartRange.ALL
        self._mentors: dict[int, str] = {}
        self._tips: dict[tuple[float, float], str] = {}

        chart = new_chart()
        self.level_series = QLineSeries()
        self.level_series.setName(self.tr("Level"))
        self.target_series = QLineSeries()
        # The legend stays short ("Target"); the level is where the line is, and the
        # editor above the chart says the date.
        self.target_series.setName(self.tr("Target"))
        self.self_series = self._scatter(
            self.tr("Self-assessment"), QScatterSeries.MarkerShape.MarkerShapeCircle, 9.0
        )
        self.mentor_series = self._scatter(
            self.tr("Mentor feedback"),
            QScatterSeries.MarkerShape.MarkerShapeRotatedRectangle,
            12.0,
        )
        self.other_series = self._scatter(
            self.tr("Other sources"), QScatterSeries.MarkerShape.MarkerShapeTriangle, 11.0
        )
        self.x_axis = date_axis()
        self.y_axis = level_axis()
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in self.all_series():
            chart.addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)
        # The legend explains the markers; the line needs no entry of its own.
        for marker in chart.legend().markers(self.level_series):
            marker.setVisible(False)
        set_date_range(self.x_axis, *range_bounds(self._range, None, self._today))
        self.apply_colors()

    def apply_colors(self) -> None:
        """The chart in the scheme shown: the level in the accent colour, the target in
        the colour of done, the three kinds of marker in distinct series colours."""
        chart = self.chart()
        style_chart(chart)
        scheme = colors()
        self.level_series.setPen(QPen(scheme.accent, 2.2))
        self.target_series.setPen(QPen(scheme.positive, 1.6, Qt.PenStyle.DashLine))
        border = QApplication.palette().color(QPalette.ColorRole.Base)
        for series, color in (
            (self.self_series, scheme.accent),
            (self.mentor_series, series_color(1)),
            (self.other_series, series_color(3)),
        ):
            series.setColor(color)
            series.setBorderColor(border)
        for marker in chart.legend().markers(self.level_series):
            marker.setVisible(False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_colors()

    def _scatter(self, name: str, shape: QScatterSeries.MarkerShape, size: float) -> QScatterSeries:
        series = QScatterSeries()
        series.setName(name)
        series.setMarkerShape(shape)
        series.setMarkerSize(size)
        series.hovered.connect(self._show_tip)
        return series

    def all_series(self) -> tuple[QXYSeries, ...]:
        return (
            self.level_series,
            self.target_series,
            self.self_series,
            self.mentor_series,
            self.other_series,
        )

    # --- data ----------------------------------------------------------------------------

    def set_skill(
        self,
        record: SkillRecord | None,
        mentors: Mapping[int, str] | None = None,
        today: date | None = None,
    ) -> None:
        """Show a skill's history (None clears the chart)."""
        self._record = record
        if mentors is not None:
            self._mentors = dict(mentors)
        if today is not None:
            self._today = today
        assessments = record.assessments if record is not None else ()
        self.level_series.replace(step_points(assessments, self._today))
        by_source: dict[str, list[QPointF]] = {"self": [], "mentor": [], "other": []}
        self._tips = {}
        for assessment in assessments:
            f = assessment.fields
            point = QPointF(date_ms(f.assessed_on), f.level)
            if f.source is AssessmentSource.SELF:
                by_source["self"].append(point)
            elif f.source is AssessmentSource.MENTOR_FEEDBACK:
                by_source["mentor"].append(point)
            else:
                by_source["other"].append(point)
            self._tips[(point.x(), point.y())] = self._tip_text(assessment)
        self.self_series.replace(by_source["self"])
        self.mentor_series.replace(by_source["mentor"])
        self.other_series.replace(by_source["other"])
        self._show_target(record)
        self._apply_range()

    def set_range(self, choice: ChartRange) -> None:
        self._range = choice
        self._apply_range()

    @property
    def chart_range(self) -> ChartRange:
        return self._range

    def x_range(self) -> tuple[date, date]:
        """The dates at the ends of the x axis."""
        return axis_date(self.x_axis.min()), axis_date(self.x_axis.max())

    def _apply_range(self) -> None:
        record = self._record
        first = record.assessments[0].fields.assessed_on if record and record.assessments else None
        set_date_range(self.x_axis, *range_bounds(self._range, first, self._today))

    def _show_target(self, record: SkillRecord | None) -> None:
        target = record.fields.target_level if record is not None else None
        if target is None:
            self.target_series.clear()
            return
        assert record is not None
        # Wide enough for any range; the plot area clips it.
        first = record.assessments[0].fields.assessed_on if record.assessments else self._today
        start = min(first, years_before(self._today, 3)) - timedelta(days=400)
        end = self._today + timedelta(days=400)
        self.target_series.replace([QPointF(date_ms(start), target), QPointF(date_ms(end), target)])

    def _tip_text(self, assessment: AssessmentRecord) -> str:
        f = assessment.fields
        lines = [f"{format_date(f.assessed_on)}: {level_text(f.level)}", label(f.source)]
        if f.mentor_id is not None and f.mentor_id in self._mentors:
            lines[-1] += f" — {self._mentors[f.mentor_id]}"
        if f.evidence:
            lines.append(f.evidence if len(f.evidence) < 200 else f.evidence[:200] + "…")
        return "\n".join(lines)

    def _show_tip(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        text = self._tips.get((point.x(), point.y()))
        if text:
            QToolTip.showText(QCursor.pos(), text, self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_ticks(self.x_axis, self.chart().plotArea().width())

    def point_counts(self) -> dict[str, int]:
        """How many points each series holds (for tests and the benchmark)."""
        return {
            "level": self.level_series.count(),
            "self": self.self_series.count(),
            "mentor": self.mentor_series.count(),
            "other": self.other_series.count(),
            "target": self.target_series.count(),
        }


class RangeChoice(QWidget):
    """Three toggle buttons: the last year, the last three years, the whole history."""

    changed = Signal(object)  # ChartRange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        caption = QLabel(self.tr("Show:"))
        layout.addWidget(caption)
        self.buttons: dict[ChartRange, QToolButton] = {}
        for choice, text in (
            (ChartRange.YEAR, self.tr("1 year")),
            (ChartRange.THREE_YEARS, self.tr("3 years")),
            (ChartRange.ALL, self.tr("All")),
        ):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setObjectName(f"range{choice.name.title().replace('_', '')}")
            self.group.addButton(button, int(choice))
            self.buttons[choice] = button
            layout.addWidget(button)
        self.buttons[ChartRange.ALL].setChecked(True)
        self.group.idClicked.connect(lambda value: self.changed.emit(ChartRange(value)))

    def value(self) -> ChartRange:
        return ChartRange(self.group.checkedId())

    def set_value(self, choice: ChartRange) -> None:
        self.buttons[choice].setChecked(True)
