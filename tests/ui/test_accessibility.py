"""Accessibility basics: every control a person can reach has a name a screen reader can
say, toolbar buttons say their shortcut, and no status is told by colour alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.main_window import MainWindow

CONTROLS = (
    QLineEdit,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
)


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


def _is_internal(widget: QWidget) -> bool:
    """Qt's own parts of a control (a line edit's clear button): named by their control."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox):
        return isinstance(widget, QLineEdit)  # the box's own editor, named by the box
    return isinstance(widget, QToolButton) and isinstance(parent, QLineEdit | QAbstractSpinBox)


def unnamed_controls(root: QWidget, within: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(within):
            continue
        if _is_internal(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_of_every_view_has_an_accessible_name(window: MainWindow) -> None:
    problems = []
    for key in ("mentors", "goals", "skills", "agreements"):
        view = window.page_view(key)
        table = getattr(view, "table", None)
        if table is not None:
            table.selectRow(0)  # the card shown, with all its fields
        problems += [f"{key}: {control}" for control in unnamed_controls(view, window)]
    problems += unnamed_controls(window.sidebar.parentWidget(), window)
    assert not problems, problems


def test_the_check_finds_an_unnamed_control(window: MainWindow) -> None:
    """Guards the test above: a line edit with no label or name is found."""
    view = window.page_view("mentors")
    stray = QLineEdit(view)
    stray.show()
    assert unnamed_controls(view, window) == ["QLineEdit ''"]
    stray.deleteLater()


def test_dialogs_name_their_controls(qtbot: QtBot, window: MainWindow) -> None:
    from mentordesk.ui.about_dialog import show_about

    preferences = window.show_preferences()
    assert preferences is not None
    problems = []
    for page in range(preferences.tabs.count()):
        preferences.tabs.setCurrentIndex(page)
        problems += unnamed_controls(preferences, preferences)
    preferences.reject()
    about = show_about(window, window.location)
    problems += unnamed_controls(about, about)
    about.reject()
    assert not problems, problems


def test_toolbar_buttons_say_their_shortcut(window: MainWindow) -> None:
    window.page_view("mentors")
    tips = {action.text(): action.toolTip() for action in window.toolbar.actions()}
    assert tips["&New Mentor"] == "New Mentor (Ctrl+N)"
    assert tips["&Find Mentor"] == "Find Mentor (Ctrl+F)"
    window.page_view("skills")
    assert window.toolbar.actions()[0].text() == "&New Skill"


def test_the_sidebar_names_what_needs_attention(window: MainWindow) -> None:
    from datetime import date, timedelta

    from mentordesk.domain.goal import GoalFields

    assert window.services is not None
    late = date.today() - timedelta(days=3)
    window.services.goals.create(GoalFields(title="Late", target_on=late))
    window.bus.announce({DataKind.GOAL})
    row = next(i for i in range(window.sidebar.count()) if window.sidebar.item(i).text() == "Goals")
    item = window.sidebar.item(row)
    assert window.sidebar.attention(row) >= 1
    accessible = str(item.data(Qt.ItemDataRole.AccessibleTextRole))
    assert (accessible.startswith("Goals, ") and "past their target date" in accessible) or (
        "past its target date" in accessible
    )
    assert "target date" in item.toolTip()
