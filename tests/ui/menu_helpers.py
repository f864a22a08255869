"""Finding a menu entry as a person does: in the menu bar, its menu opened first."""

from __future__ import annotations

from PySide6.QtGui import QAction

from mentordesk.ui.main_window import MainWindow


def file_menu_action(window: MainWindow, submenu: str, entry: str) -> QAction:
    """File > ``submenu`` > ``entry`` (texts with their mnemonics), enabled as it is when
    the menus open."""
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert file_menu is not None
    file_menu.aboutToShow.emit()
    sub = next(a.menu() for a in file_menu.actions() if a.text() == submenu)
    assert sub is not None
    sub.aboutToShow.emit()  # the entries are enabled as the menu opens
    return next(a for a in sub.actions() if a.text() == entry)
