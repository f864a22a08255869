"""The app's style: Fusion, with the edge of check boxes and radio buttons drawn so that
they stand out in the dark scheme too.

Fusion draws an indicator's edge a shade darker than the window; on the dark palette's
window that is almost the indicator's own fill, so an unticked box or an unchosen radio
button all but disappeared (a contrast near 1.2:1, where a control needs 3:1). Over
Fusion's drawing goes an edge in the text colour, half transparent: well over 3:1 on
either palette's window, and unchanged in weight when ticked.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from mentordesk.ui.common.style import is_dark

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)
EDGE_ALPHA = 0.55


class AppStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark():
            return
        color = option.palette.color(QPalette.ColorRole.Text)
        color.setAlphaF(EDGE_ALPHA)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(color, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2.0, 2.0)
        painter.restore()
