"""Edit > Preferences, driven as a person does: each setting shows its default, a change is
stored on OK and read back through the settings service, and Edit > Undo takes it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.settings import PaperSize, PersonalSettings
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.common.style import Theme, is_dark
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.preferences import PreferencesDialog
from tests.helpers import type_text


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation) -> MainWindow:
    services = Services.open(location)
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.show()
    shown.attach_services(services)
    return shown


def _open(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    (dialog,) = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    return dialog


def _ok(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _replace_text(qtbot: QtBot, widget: object, text: str) -> None:
    """Select all, delete, type ``text``; a newline is the Return key."""
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_text(widget, line)


@dataclass(frozen=True)
class Case:
    field: str
    shown: Callable[[PreferencesDialog], object]
    change: Callable[[QtBot, PreferencesDialog], None]
    default: object
    changed: object


def _pick_letter(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    dialog.tabs.setCurrentWidget(dialog.documents_page)
    dialog.paper_combo.setFocus()
    while dialog.paper_combo.currentData() != PaperSize.LETTER:
        qtbot.keyClick(dialog.paper_combo, Qt.Key.Key_Down)


def _thanks_to_60(qtbot: QtBot, dialog: PreferencesDialog) -> None:
    dialog.tabs.setCurrentWidget(dialog.reminders_page)
    editor = dialog.thanks_spin.lineEdit()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "60")


CASES = [
    Case(
        "your_name",
        lambda d: d.name_edit.text(),
        lambda bot, d: _replace_text(bot, d.name_edit, "Dana Reyes"),
        "",
        "Dana Reyes",
    ),
    Case(
        "your_emails",
        lambda d: tuple(d.emails_edit.toPlainText().splitlines()),
        lambda bot, d: _replace_text(bot, d.emails_edit, "dana@example.org\ndr@work.example"),
        (),
        ("dana@example.org", "dr@work.example"),
    ),
    Case("thanks_after_days", lambda d: d.thanks_spin.value(), _thanks_to_60, 90, 60),
    Case(
        "paper_size",
        lambda d: d.paper_combo.currentData(),
        _pick_letter,
        PaperSize.LOCALE,
        PaperSize.LETTER,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.field for case in CASES])
def test_each_setting_default_change_and_undo(qtbot: QtBot, window: MainWindow, case: Case) -> None:
    assert window.services is not None
    settings = window.services.settings
    dialog = _open(qtbot, window)
    assert case.shown(dialog) == case.default
    case.change(qtbot, dialog)
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert getattr(settings.read(), case.field) == case.changed
    assert window.undo_action.text() == "&Undo Preferences Change"

    # Shown again as stored.
    dialog = _open(qtbot, window)
    assert case.shown(dialog) == case.changed
    dialog.reject()

    window.undo_action.trigger()
    assert getattr(settings.read(), case.field) == case.default
    assert settings.read() == PersonalSettings()
    window.redo_action.trigger()
    assert getattr(settings.read(), case.field) == case.changed


def test_an_invalid_address_keeps_the_dialog_open_and_stores_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.services is not None
    dialog = _open(qtbot, window)
    _replace_text(qtbot, dialog.name_edit, "Dana")
    dialog.tabs.setCurrentWidget(dialog.documents_page)
    _replace_text(qtbot, dialog.emails_edit, "dana@example.org\ndana at home")
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.you_page  # back on the page with the problem
    assert dialog.emails_error.isVisible()
    assert "“dana at home” is not an email address" in dialog.emails_error.text()
    assert dialog.focusWidget() is dialog.emails_edit
    assert window.services.settings.read() == PersonalSettings()
    assert not window.undo_stack.canUndo()

    _replace_text(qtbot, dialog.emails_edit, "dana@example.org")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.services.settings.read().your_emails == ("dana@example.org",)


def test_cancel_and_an_unchanged_ok_store_nothing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.services is not None
    dialog = _open(qtbot, window)
    _replace_text(qtbot, dialog.name_edit, "Not kept")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog = _open(qtbot, window)
    assert dialog.name_edit.text() == ""
    _ok(qtbot, dialog)
    assert window.services.settings.read() == PersonalSettings()
    assert not window.undo_stack.canUndo()  # nothing changed, nothing to undo


def test_restore_defaults_resets_only_the_page_shown(qtbot: QtBot, window: MainWindow) -> None:
    assert window.services is not None
    window.services.settings.save(
        PersonalSettings(your_name="Dana", thanks_after_days=30, paper_size=PaperSize.A4)
    )
    dialog = _open(qtbot, window)
    dialog.tabs.setCurrentWidget(dialog.reminders_page)
    restore = dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    assert dialog.thanks_spin.value() == 90
    assert dialog.name_edit.text() == "Dana"
    assert dialog.paper_combo.currentData() == PaperSize.A4
    _ok(qtbot, dialog)
    assert window.services.settings.read() == PersonalSettings(
        your_name="Dana", paper_size=PaperSize.A4
    )


def test_the_usual_paper_is_named_for_the_country() -> None:
    letter = PreferencesDialog(PersonalSettings(), country="US")
    a4 = PreferencesDialog(PersonalSettings(), country="DE")
    assert letter.paper_combo.itemText(0) == "As usual where you live (US Letter)"
    assert a4.paper_combo.itemText(0) == "As usual where you live (A4)"
    assert PersonalSettings().paper_for("US") is PaperSize.LETTER
    assert PersonalSettings(paper_size=PaperSize.A4).paper_for("US") is PaperSize.A4
    letter.deleteLater()
    a4.deleteLater()


def test_preferences_wait_for_the_data_and_are_off_when_read_only(
    qtbot: QtBot, location: DataLocation
) -> None:
    window = MainWindow(location)
    qtbot.addWidget(window)
    assert not window.preferences_action.isEnabled()  # data not open yet
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"
    services = Services.open(location)
    window.attach_services(services)
    assert window.preferences_action.isEnabled()
    window.session.close()
    assert not window.preferences_action.isEnabled()


def test_the_theme_is_chosen_in_appearance_or_the_view_menu_and_remembered(
    qtbot: QtBot, window: MainWindow, location: DataLocation
) -> None:
    assert window.theme is Theme.SYSTEM  # the default: as the system
    dialog = _open(qtbot, window)
    assert dialog.theme_combo.currentData() == Theme.SYSTEM
    dialog.tabs.setCurrentWidget(dialog.appearance_page)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(Theme.DARK))
    _ok(qtbot, dialog)
    assert window.theme is Theme.DARK and is_dark()
    assert window.theme_actions[Theme.DARK].isChecked()
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 60
    assert not window.undo_stack.canUndo()  # the look is not data: nothing to undo

    window.theme_actions[Theme.LIGHT].trigger()
    assert window.theme is Theme.LIGHT and not is_dark()
    window.close()
    again = MainWindow(location)
    qtbot.addWidget(again)
    assert again.theme is Theme.LIGHT
    assert again.theme_actions[Theme.LIGHT].isChecked()
    again.set_theme(Theme.SYSTEM)
