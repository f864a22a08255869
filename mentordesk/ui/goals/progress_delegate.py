"""Paints a goal's progress as a small bar with "done/total" on it, in the goal table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from mentordesk.ui.common.roles import ProgressRole


class GoalProgressDelegate(QStyledItemDelegate):
    """Cells whose ProgressRole is (done, total) get a bar; others (no milestones) a dash."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        progress = index.data(ProgressRole)
        if progress is None:
            super().paint(painter, option, index)
            return
        done, total = progress
        # The row's background (selection, alternating colour) first, then the bar on it.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)

        # The bar on the left, "done/total" to its right: text drawn over a bar's chunk is
        # hard to read in several styles.
        text = f"{done}/{total}"
        metrics = option.fontMetrics
        rect = option.rect
        text_width = metrics.horizontalAdvance("00/00") + 6
        bar = QStyleOptionProgressBar()
        bar.rect = rect.adjusted(4, 5, -(text_width + 4), -5)
        bar.minimum = 0
        bar.maximum = total
        bar.progress = done
        bar.textVisible = False
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        bar.direction = option.direction
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        text_rect = rect.adjusted(rect.width() - text_width - 2, 0, -4, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.restore()
