"""The app's icons: one bundled set of line drawings (resources/icons/ui/*.svg) drawn in the
palette's text colour, so the same file serves light and dark and a disabled action looks
disabled. A drawing is rendered when painted, in the colour the palette has then.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from mentordesk.paths import resource_path
from mentordesk.ui.common.style import colors

# Drawings name their colour currentColor; Qt's SVG renderer does not know it, so it is
# replaced by the colour wanted before rendering.
_COLOR_WORD = "currentColor"


@cache
def _drawing(name: str) -> str:
    return resource_path("icons", "ui", f"{name}.svg").read_text(encoding="utf-8")


@cache
def _renderer(name: str, color: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(_drawing(name).replace(_COLOR_WORD, color).encode()))


def icon_color(mode: QIcon.Mode, palette: QPalette | None = None) -> QColor:
    palette = palette or QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class _PaletteIconEngine(QIconEngine):
    def __init__(self, name: str, semantic: str = "") -> None:
        super().__init__()
        self._name = name
        self._semantic = semantic  # a field of SemanticColors instead of the text colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        color = icon_color(mode)
        if self._semantic and mode == QIcon.Mode.Normal:
            color = getattr(colors(), self._semantic)
        _renderer(self._name, color.name()).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self._name, self._semantic)

    def key(self) -> str:
        return "mentordesk-palette"


def icon(name: str, semantic: str = "") -> QIcon:
    """The drawing ``name`` (a file of resources/icons/ui) in the palette's text colour, or
    in the semantic colour named (see style.SemanticColors), of the scheme shown."""
    return QIcon(_PaletteIconEngine(name, semantic))


@cache
def warning_icon() -> QIcon:
    """Beside a date that has passed (a goal's target, an agreement's review): the sign
    that goes with the red, so it is not told by colour alone."""
    return icon("due", "danger")
