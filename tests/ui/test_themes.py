"""Light and dark: every view rendered in both schemes, with data, and every text colour
it uses readable (WCAG AA, 4.5:1) against the background it is drawn on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.common.style import (
    DARK,
    LIGHT,
    Theme,
    colors,
    contrast,
    dark_palette,
    light_palette,
)
from mentordesk.ui.main_window import MainWindow

AA = 4.5
R = QPalette.ColorRole
# Text roles and the backgrounds they are drawn on.
PAIRS = (
    (R.WindowText, R.Window),
    (R.WindowText, R.Button),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.PlaceholderText, R.Base),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
)
SEMANTIC_TEXT = ("positive", "info", "caution", "danger", "muted", "accent")


@pytest.mark.parametrize(
    ("palette", "scheme"), [(light_palette(), LIGHT), (dark_palette(), DARK)], ids=["light", "dark"]
)
def test_every_text_colour_of_each_scheme_reads_on_its_backgrounds(
    palette: QPalette, scheme: object
) -> None:
    for text, background in PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        assert ratio >= AA, (text.name, background.name, round(ratio, 2))
    for name in SEMANTIC_TEXT:
        for background in (R.Base, R.AlternateBase, R.Window):
            ratio = contrast(getattr(scheme, name), palette.color(background))
            assert ratio >= AA, (name, background.name, round(ratio, 2))
    assert contrast(scheme.on_accent, scheme.accent) >= AA  # type: ignore[attr-defined]
    assert contrast(scheme.on_banner, scheme.banner) >= AA  # type: ignore[attr-defined]


def test_the_contrast_formula_is_wcags() -> None:
    assert round(contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(contrast(QColor("#777777"), QColor("#ffffff")), 2) == 4.48  # the classic fail
    assert contrast(QColor("#123456"), QColor("#123456")) == 1.0


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation) -> Iterator[MainWindow]:
    services = Services.open(location)
    load_sample_data(services, SampleSize.SMALL)
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    shown.attach_services(services)
    yield shown
    shown.close()


def _foreground_problems(view: QAbstractItemView, where: str) -> list[str]:
    """Every cell's own text colour against the table's row backgrounds."""
    model: QAbstractItemModel = view.model()
    palette = view.palette()
    backgrounds = (palette.color(R.Base), palette.color(R.AlternateBase))
    problems = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            color = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
            if color is None:
                continue
            color = QColor(color)
            for background in backgrounds:
                ratio = contrast(color, background)
                if ratio < AA:
                    cell = f"row {row} column {column}"
                    problems.append(f"{where} {cell}: {color.name()} {ratio:.2f}")
    return problems


def _widget_problems(widget: QWidget, where: str) -> list[str]:
    """A widget's own palette (a tinted message, the banner) against its backgrounds."""
    palette = widget.palette()
    problems = []
    for text, background in PAIRS:
        ratio = contrast(palette.color(text), palette.color(background))
        if ratio < AA:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{where} {name}: {text.name} on {background.name} {ratio:.2f}")
    return problems


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_every_view_renders_readably_in_both_schemes(
    qtbot: QtBot, window: MainWindow, theme: Theme
) -> None:
    window.set_theme(theme)
    QApplication.processEvents()  # palette changes reach the widgets as events
    assert colors() is (DARK if theme is Theme.DARK else LIGHT)
    problems: list[str] = []
    for key in ("home", "mentors", "goals", "skills", "agreements"):
        view = window.page_view(key)
        view.grab()  # rendered: delegates, charts and icons all paint in this scheme
        tables = [view] if isinstance(view, QAbstractItemView) else []
        tables += view.findChildren(QAbstractItemView)
        for table in tables:
            if table.isVisibleTo(window) and table.model() is not None:
                problems += _foreground_problems(table, key)
        for widget in [view, *view.findChildren(QWidget)]:
            if widget.isVisibleTo(window):
                problems += _widget_problems(widget, key)
    problems += _widget_problems(window.read_only_banner, "banner")
    assert not problems, problems[:20]
    base = QApplication.palette().color(R.Base)
    assert (base.lightness() < 80) == (theme is Theme.DARK)
