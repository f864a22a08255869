"""The visual system: spacing, type sizes, semantic colours, and the light and dark themes.

Every view takes its colours and sizes from here, never from a literal, so a colour means
one thing everywhere ("done" is the same green on a goal, a skill's rise and a mentor who
is active) and reads in both schemes. Each semantic colour keeps a contrast of at least
4.5:1 (WCAG AA) against the table backgrounds of its scheme; tests check it.

The app uses the Fusion style everywhere, with a light or a dark palette: the system's
colour scheme by default (Qt's style hints), or the one chosen in View > Theme.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from enum import StrEnum

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget


class Space:
    """Spacing in pixels: margins and gaps come in these steps only."""

    XS = 4
    S = 8
    M = 12
    L = 16
    XL = 24


class TypeScale:
    """Font sizes relative to the system font."""

    SMALL = 0.92  # hints and messages under a field
    HEADING = 1.35  # an empty state's title, a dialog's heading
    TITLE = 1.5  # the name at the top of a card


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    return font


def set_scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    widget.setFont(scaled_font(widget, factor, bold=bold))


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class SemanticColors:
    """What a colour means, in one scheme."""

    positive: QColor  # active, achieved, done, a skill that rose
    info: QColor  # prospect, a goal in progress
    caution: QColor  # paused, due soon
    danger: QColor  # overdue, failed, a skill that fell, a message that something is wrong
    muted: QColor  # concluded, not set
    accent: QColor  # lines of a chart, links, the badge of what needs attention
    on_accent: QColor  # text on the accent
    banner: QColor  # the read-only banner's background
    on_banner: QColor
    series: tuple[QColor, ...]  # one colour per line of a chart, told apart in both schemes
    mentors: tuple[QColor, ...]  # one colour per mentor (the calendar)


def _colors(*names: str) -> tuple[QColor, ...]:
    return tuple(QColor(name) for name in names)


# Okabe and Ito's palette, which people with the common colour-vision deficiencies tell
# apart; in the dark scheme its black becomes a light grey.
_SERIES_LIGHT = _colors(
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b"
)
_SERIES_DARK = _colors(
    "#56b4e9", "#e69f00", "#2fc79a", "#e58fc0", "#f0c75e", "#8fd0ff", "#e0e0e0", "#c49a89"
)

LIGHT = SemanticColors(
    positive=QColor("#1b7332"),
    info=QColor("#1f5fae"),
    caution=QColor("#8a5300"),
    danger=QColor("#b3261e"),
    muted=QColor("#5c6168"),
    accent=QColor("#2f62a8"),
    on_accent=QColor("#ffffff"),
    banner=QColor("#fff4ce"),
    on_banner=QColor("#3d2e00"),
    series=_SERIES_LIGHT,
    mentors=_colors(
        "#2f62a8", "#b8452c", "#1b7332", "#8a4fa3", "#a86a00", "#0f7c86", "#b0336f", "#56606b"
    ),
)
DARK = SemanticColors(
    positive=QColor("#6fd08c"),
    info=QColor("#8ab8f5"),
    caution=QColor("#f0b54a"),
    danger=QColor("#ff8f85"),
    muted=QColor("#a9aeb5"),
    accent=QColor("#7aa7e8"),
    on_accent=QColor("#10213a"),
    banner=QColor("#4a3b00"),
    on_banner=QColor("#ffe8a3"),
    series=_SERIES_DARK,
    mentors=_colors(
        "#7aa7e8", "#f0906f", "#6fd08c", "#c79be0", "#f0b54a", "#5fcad3", "#f08fbd", "#b5bcc4"
    ),
)


def light_palette() -> QPalette:
    """Fusion's light palette, with placeholder text dark enough to read (4.5:1)."""
    palette = QPalette(QColor("#efefef"), QColor("#f7f7f7"))
    roles = {
        QPalette.ColorRole.Window: "#efefef",
        QPalette.ColorRole.WindowText: "#1c1c1c",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f4f6f8",
        QPalette.ColorRole.Text: "#1c1c1c",
        QPalette.ColorRole.PlaceholderText: "#6b6f75",
        QPalette.ColorRole.Button: "#f3f3f3",
        QPalette.ColorRole.ButtonText: "#1c1c1c",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2f62a8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffdc",
        QPalette.ColorRole.ToolTipText: "#1c1c1c",
        QPalette.ColorRole.Link: "#1f5fae",
        QPalette.ColorRole.LinkVisited: "#6a3d9a",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e3e3e3",
        QPalette.ColorRole.Mid: "#b8b8b8",
        QPalette.ColorRole.Dark: "#9f9f9f",
        QPalette.ColorRole.Shadow: "#767676",
    }
    disabled = {
        QPalette.ColorRole.WindowText: "#8a8a8a",
        QPalette.ColorRole.Text: "#8a8a8a",
        QPalette.ColorRole.ButtonText: "#8a8a8a",
        QPalette.ColorRole.Base: "#f3f3f3",
        QPalette.ColorRole.Highlight: "#9a9a9a",
    }
    return _palette(palette, roles, disabled)


def dark_palette() -> QPalette:
    palette = QPalette(QColor("#2b2d30"), QColor("#232427"))
    roles = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9ea5",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#3a3c40",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.Link: "#8ab8f5",
        QPalette.ColorRole.LinkVisited: "#c79be0",
        QPalette.ColorRole.Light: "#4a4c50",
        QPalette.ColorRole.Midlight: "#3e4044",
        QPalette.ColorRole.Mid: "#2f3134",
        QPalette.ColorRole.Dark: "#18191b",
        QPalette.ColorRole.Shadow: "#0c0c0d",
    }
    disabled = {
        QPalette.ColorRole.WindowText: "#7c7f85",
        QPalette.ColorRole.Text: "#7c7f85",
        QPalette.ColorRole.ButtonText: "#7c7f85",
        QPalette.ColorRole.Base: "#26282b",
        QPalette.ColorRole.Highlight: "#4a4c50",
    }
    return _palette(palette, roles, disabled)


def _palette(
    palette: QPalette, roles: dict[QPalette.ColorRole, str], disabled: dict[QPalette.ColorRole, str]
) -> QPalette:
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role, color in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolved(theme: Theme) -> Theme:
    """LIGHT or DARK: what SYSTEM means on this system now."""
    if theme is Theme.SYSTEM:
        return Theme.DARK if system_prefers_dark() else Theme.LIGHT
    return theme


_applied = Theme.LIGHT


def apply_theme(theme: Theme, app: QApplication | None = None) -> Theme:
    """Fusion with the light or dark palette; returns the scheme now shown."""
    global _applied
    target = app or QApplication.instance()
    assert isinstance(target, QApplication)
    scheme = resolved(theme)
    # create_application() asks for Fusion before the app exists, so the style is made
    # once, when the first widget needs it; set here only if something else chose one.
    if _style_chosen(target) != "fusion":
        target.setStyle("Fusion")
    _applied = scheme
    target.setPalette(dark_palette() if scheme is Theme.DARK else light_palette())
    _retint_all()
    return scheme


def _style_chosen(app: QApplication) -> str:
    name = app.property("mentordeskStyle")
    return str(name) if name else app.style().name().casefold()


def is_dark() -> bool:
    """Whether the dark scheme is shown now."""
    return _applied is Theme.DARK


def colors() -> SemanticColors:
    """The semantic colours of the scheme shown now (read them when painting, never
    keep them: the scheme can change while the app runs)."""
    return DARK if _applied is Theme.DARK else LIGHT


# Widgets shown in a semantic colour, to colour again when the scheme changes (a registry:
# walking QApplication.allWidgets() costs tens of milliseconds at start-up).
_tinted: weakref.WeakKeyDictionary[QWidget, tuple[str, str]] = weakref.WeakKeyDictionary()


def tint(widget: QWidget, color: str, background: str = "") -> None:
    """Show ``widget``'s text in a semantic colour (a field of SemanticColors: "danger",
    "positive", ...), on a semantic background if given; it follows theme changes."""
    _tinted[widget] = (color, background)
    _apply_tint(widget, color, background)


def untint(widget: QWidget) -> None:
    """Back to the palette's own colours after ``tint``."""
    if _tinted.pop(widget, None) is not None:
        widget.setPalette(QPalette())
        widget.setAutoFillBackground(False)


def show_message(label: QLabel, text: str, *, danger: bool = False) -> None:
    """A dialog's message line: ``text``, in the danger colour when something went wrong."""
    label.setText(text)
    if danger:
        tint(label, "danger")
    else:
        untint(label)


def _apply_tint(widget: QWidget, color: str, background: str) -> None:
    scheme = colors()
    palette = widget.palette()
    foreground: QColor = getattr(scheme, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, foreground)
    if background:
        palette.setColor(QPalette.ColorRole.Window, getattr(scheme, background))
        widget.setAutoFillBackground(True)
    widget.setPalette(palette)


def _retint_all() -> None:
    for widget, (color, background) in list(_tinted.items()):
        if shiboken6.isValid(widget):  # its C++ side may be gone before the wrapper
            _apply_tint(widget, color, background)
        else:
            del _tinted[widget]


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
