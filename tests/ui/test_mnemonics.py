"""Alt+letter: every view's form has mnemonics, and no letter means two things in a window
(the menus' letters included)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.main_window import MainWindow


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _mnemonics(window: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}

    def note(text: str, what: str) -> None:
        letter = _letter(text)
        if letter:
            found.setdefault(letter, []).append(f"{what} {text!r}")

    for action in window.menuBar().actions():
        note(action.text(), "menu")
    shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
    for widget in shown:
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            note(widget.text(), "label")
        elif isinstance(widget, QAbstractButton):
            note(widget.text(), "button")
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                note(widget.tabText(index), "tab")
    return found


@pytest.mark.parametrize("key", ["mentors", "calendar", "actions", "goals", "skills", "agreements"])
def test_every_form_has_mnemonics_and_none_clash(
    qtbot: QtBot, location: DataLocation, services: Services, key: str
) -> None:
    load_sample_data(services, SampleSize.SMALL)
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.attach_services(services)
    view = window.page_view(key)
    if key == "calendar":
        meetings = services.meetings.between()
        if meetings:
            view.focus_record(meetings[0].id)
        else:
            view.start_new()  # type: ignore[attr-defined]
    else:
        view.table.selectRow(0)  # type: ignore[attr-defined]
    found = _mnemonics(window)
    clashes = {letter: uses for letter, uses in found.items() if len(uses) > 1}
    assert not clashes
    labels = [use for uses in found.values() for use in uses if use.startswith("label")]
    assert len(labels) >= 4, labels  # the card's fields have them
    window.close()
