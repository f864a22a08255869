"""The mix of the network as two small bar charts (QtCharts): active mentors by kind of
relationship and by how we met. Built when Home first shows data, so start-up does not pay
for loading QtCharts; redrawn in the scheme's colours when the palette changes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QBrush, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from mentordesk.domain.home import NetworkMix
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.style import colors

ROW_HEIGHT = 22  # per bar
CHART_PADDING = 56  # title and axis


class MixChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeMixChart")
        self._mix: NetworkMix | None = None
        self.kind_view = self._chart_view()
        self.met_view = self._chart_view()
        # One above the other, so that each has the width its labels need.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.kind_view)
        layout.addWidget(self.met_view)

    @staticmethod
    def _chart_view() -> QChartView:
        view = QChartView()
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        view.setFrameShape(QChartView.Shape.NoFrame)
        # Drawn on the box's own background (the Window colour), not on a white field.
        view.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        return view

    def set_mix(self, mix: NetworkMix) -> None:
        self._mix = mix
        self._draw()

    def bars(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """What each chart shows, as (label, count) from the top bar down."""
        if self._mix is None:
            return [], []
        return (
            [(label(kind), n) for kind, n in self._mix.by_kind],
            [(label(way, self.tr("Not noted")), n) for way, n in self._mix.by_how_we_met],
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._draw()
        super().changeEvent(event)

    def _draw(self) -> None:
        kinds, ways = self.bars()
        for view, bars, title, series_color in (
            (self.kind_view, kinds, self.tr("By kind"), 0),
            (self.met_view, ways, self.tr("By how you met"), 1),
        ):
            view.setChart(self._chart(title, bars, series_color))
            view.setFixedHeight(CHART_PADDING + ROW_HEIGHT * max(len(bars), 1))

    def _chart(self, title: str, bars: Sequence[tuple[str, int]], series: int) -> QChart:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleBrush(QBrush(text))
        chart.legend().hide()
        chart.setBackgroundVisible(False)
        chart.setMargins(QMargins(0, 0, 0, 0))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        # Bars from the top down in the order given: the axis lists categories bottom up.
        ordered = list(reversed(bars))
        bar_set = QBarSet(title)
        bar_set.append([float(n) for _, n in ordered])
        bar_set.setColor(colors().series[series])
        bar_set.setBorderColor(colors().series[series])
        bar_set.setLabelColor(text)
        series_ = QHorizontalBarSeries()
        series_.append(bar_set)
        series_.setBarWidth(0.7)
        series_.setLabelsVisible(True)
        series_.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series_)
        categories = QBarCategoryAxis()
        categories.append([name for name, _ in ordered])
        categories.setLabelsBrush(QBrush(text))
        categories.setTruncateLabels(False)  # "Professional association", never "…"
        categories.setGridLineVisible(False)
        categories.setLineVisible(False)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series_.attachAxis(categories)
        counts = QValueAxis()
        counts.setRange(0, max((n for _, n in bars), default=1) * 1.25)
        counts.setVisible(False)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series_.attachAxis(counts)
        return chart
