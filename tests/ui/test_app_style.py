"""Check boxes and radio buttons stand out from the window in the dark scheme: Fusion alone
draws their edge almost in the window's own colour there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionButton

from mentordesk.ui.common.app_style import AppStyle
from mentordesk.ui.common.style import Theme, apply_theme, contrast


@pytest.fixture
def dark(qapp: object) -> Iterator[QPalette]:
    apply_theme(Theme.DARK)
    yield qapp.palette()  # type: ignore[attr-defined]
    apply_theme(Theme.LIGHT)


def _best_contrast(style: QStyle, element: QStyle.PrimitiveElement, palette: QPalette) -> float:
    """The strongest contrast against the window of any pixel the indicator paints."""
    window = palette.color(QPalette.ColorRole.Window)
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(window)
    option = QStyleOptionButton()
    option.rect = QRect(2, 2, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(image)
    style.drawPrimitive(element, option, painter, None)
    painter.end()
    return max(contrast(QColor(image.pixel(x, y)), window) for x in range(20) for y in range(20))


@pytest.mark.parametrize(
    "element",
    [QStyle.PrimitiveElement.PE_IndicatorRadioButton, QStyle.PrimitiveElement.PE_IndicatorCheckBox],
)
def test_an_unticked_indicator_stands_out_in_the_dark(
    dark: QPalette, element: QStyle.PrimitiveElement
) -> None:
    fusion = QStyleFactory.create("Fusion")
    assert _best_contrast(fusion, element, dark) < 3.0  # why AppStyle draws an edge
    assert _best_contrast(AppStyle(), element, dark) >= 3.0  # WCAG's 3:1 for a control
