"""Fixtures for driving real widgets with qtbot over a real database in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.mentors.view import MentorsView


@pytest.fixture
def add_mentor(services: Services):  # type: ignore[no-untyped-def]
    def add(name: str, **fields: object) -> int:
        return services.mentors.create(MentorFields(name=name, **fields)).id  # type: ignore[arg-type]

    return add


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def view(qtbot: QtBot, services: Services, undo_stack: QUndoStack) -> MentorsView:
    """A shown Mentors view; call ``view.attach(services)`` after adding data."""
    widget = MentorsView(DataBus(), undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(autouse=True)
def _no_modal_warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal box would hang an offscreen test; record what it would have said instead."""
    said: list[str] = []
    from PySide6.QtWidgets import QMessageBox

    def warn(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QMessageBox, "critical", warn)
    return said


@pytest.fixture(autouse=True)
def _light_theme_after_each_test() -> Iterator[None]:
    """A test that switches to dark leaves the next one in the scheme it expects."""
    yield
    from PySide6.QtWidgets import QApplication

    from mentordesk.ui.common.style import Theme, apply_theme

    if isinstance(QApplication.instance(), QApplication):
        apply_theme(Theme.LIGHT)
