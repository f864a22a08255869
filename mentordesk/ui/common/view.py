"""What the main window may ask of every view it shows, and nothing else.

A view is built on first use, attached to the services once the database is open (and
detached while it is closed for a restore), lends its actions to the menu bar while shown,
and reports status messages and unsaved edits. The main window calls only these methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from mentordesk.services.context import Services


class View(QWidget):
    """The base of every page in the main window's sidebar."""

    # A line for the status bar: what was just done, or why it could not be.
    status_message = Signal(str)

    def menu_actions(self) -> Sequence[QAction]:
        """The actions the main window's view menu shows while this view is shown."""
        return ()

    def toolbar_actions(self) -> Sequence[QAction]:
        """The view's main actions, for the toolbar while this view is shown."""
        return self.menu_actions()

    def attach(self, services: Services) -> None:
        """The database is open: read what the view shows and allow editing."""
        raise NotImplementedError

    def detach(self) -> None:
        """The database is closed (restore, recovery): keep showing, stop editing."""
        raise NotImplementedError

    def commit_pending(self) -> None:
        """Store what is typed but not stored yet (before undo, switching view, closing)."""

    def unsaved_fields(self) -> list[str]:
        """Captions of fields whose typed value could not be stored; asked before closing."""
        return []

    def focus_record(self, record_id: int) -> None:
        """Show one record of this view (another view's link to it, say)."""

    def start_new(self) -> None:
        """Begin a new record, as the view's New action does (views that hold none ignore
        it)."""

    def view_state(self) -> dict[str, QByteArray]:
        """How the person arranged the view (column widths, splitters), to keep across
        restarts; the main window stores it beside the data."""
        return {}

    def restore_view_state(self, state: dict[str, QByteArray]) -> None:
        """Arrange the view as ``view_state`` said it was (unknown or stale parts ignored)."""
