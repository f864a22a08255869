"""File > Import > Calendar… and File > Export > Calendar…: the actions, and what happens
around the dialogs (choosing the file, telling the views, the status bar)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon

if TYPE_CHECKING:
    from mentordesk.interchange.ics_export import ExportResult
    from mentordesk.interchange.ics_import import ImportResult
    from mentordesk.ui.calendar_files.export_dialog import ExportDialog
    from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog
    from mentordesk.ui.main_window import MainWindow

FILE_FILTER = "iCalendar files (*.ics *.ical *.icalendar *.ifb);;All files (*)"


class CalendarFileMenus(QObject):
    """Adds Calendar… to the File menu's Import and Export submenus for ``window``."""

    def __init__(self, window: MainWindow, import_menu: QMenu, export_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path.home()
        self.import_menu = import_menu
        self.export_menu = export_menu
        self.import_action = QAction(icon("calendar"), self.tr("&Calendar…"), self)
        self.import_action.setStatusTip(
            self.tr("Bring meetings in from a calendar file (.ics): preview first, then import")
        )
        self.import_action.triggered.connect(self.import_calendar)
        self.export_action = QAction(icon("calendar"), self.tr("&Calendar…"), self)
        self.export_action.setStatusTip(
            self.tr("Write meetings to a calendar file (.ics) other calendar programs open")
        )
        self.export_action.triggered.connect(self.export_calendar)
        self.import_menu.addAction(self.import_action)
        self.export_menu.addAction(self.export_action)
        import_menu.aboutToShow.connect(self.update_actions)
        export_menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        services = self.window.services
        self.export_action.setEnabled(services is not None)
        self.import_action.setEnabled(services is not None and not services.read_only)

    # --- import --------------------------------------------------------------------------

    def import_calendar(self) -> ImportPreviewDialog | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Calendar"), str(self.folder), self.tr(FILE_FILTER)
        )
        return self.preview(Path(name)) if name else None

    def preview(self, path: Path) -> ImportPreviewDialog | None:
        """Open the preview of importing ``path`` (shown, not waited for)."""
        services = self.window.services
        if services is None or services.read_only:
            return None
        from mentordesk.ui.calendar_files.import_dialog import ImportPreviewDialog

        self.folder = path.parent
        dialog = self.window.open_file_dialog(
            lambda: ImportPreviewDialog(services, path, self.window)
        )
        dialog.imported.connect(self._imported)
        dialog.meeting_requested.connect(self.window.open_meeting)
        return dialog

    def _imported(self, result: ImportResult) -> None:
        self.window.data_imported(
            {DataKind.MEETING},
            self.tr("Imported {name}: {summary}").format(
                name=result.path.name, summary=result.summary()
            ),
        )

    # --- export --------------------------------------------------------------------------

    def export_calendar(self) -> ExportDialog | None:
        services = self.window.services
        if services is None:
            return None
        from mentordesk.ui.calendar_files.export_dialog import ExportDialog

        dialog = self.window.open_file_dialog(
            lambda: ExportDialog(services, self.window, folder=self.folder)
        )
        dialog.exported.connect(self._exported)
        return dialog

    def _exported(self, result: ExportResult) -> None:
        self.folder = result.path.parent
        self.window.statusBar().showMessage(
            self.tr("Exported {n} meetings to {path}.").format(n=result.count, path=result.path),
            10_000,
        )
