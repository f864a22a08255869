"""File > Import > Contacts… and File > Export > Contacts…, Everything…, Notes as Markdown…:
the actions, and what happens around the dialogs (choosing the file, telling the views, the
status bar)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from mentordesk.domain.mentor import MentorRecord
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon

if TYPE_CHECKING:
    from mentordesk.interchange.archive_export import ArchiveExportResult
    from mentordesk.interchange.contacts_import import ContactImportResult
    from mentordesk.interchange.markdown_export import MarkdownExportResult
    from mentordesk.interchange.vcard_export import VCardExportResult
    from mentordesk.services.context import Services
    from mentordesk.ui.common.export_dialog import FileExportDialog
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.portability.contacts_dialog import ContactImportDialog

CONTACT_FILES = (
    "Contacts (*.vcf *.vcard *.csv);;vCard files (*.vcf *.vcard);;"
    "LinkedIn connections (*.csv);;All files (*)"
)


def selected_mentor(view: QWidget | None) -> MentorRecord | None:
    """The mentor selected in ``view``, if it is a list of mentors with one selected."""
    selected = getattr(view, "selected_record", None)
    record = selected() if callable(selected) else None
    return record if isinstance(record, MentorRecord) else None


class PortabilityMenus(QObject):
    """Adds Contacts… to ``import_menu``; Contacts…, Everything… and Notes as Markdown… to
    ``export_menu``."""

    def __init__(self, window: MainWindow, import_menu: QMenu, export_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path.home()

        def action(name: str, text: str, tip: str, slot: object) -> QAction:
            made = QAction(icon(name), text, self)
            made.setStatusTip(tip)
            made.triggered.connect(slot)
            return made

        self.import_contacts_action = action(
            "mentors",
            self.tr("C&ontacts…"),
            self.tr(
                "Bring mentors in from a vCard file or a LinkedIn connections export: "
                "preview first, then import"
            ),
            self.import_contacts,
        )
        self.export_contacts_action = action(
            "mentors",
            self.tr("C&ontacts…"),
            self.tr("Write mentors' contact cards to a vCard file address books open"),
            self.export_contacts,
        )
        self.export_archive_action = action(
            "archive",
            self.tr("&Everything…"),
            self.tr("Write all your data to one archive file you can keep or move elsewhere"),
            self.export_archive,
        )
        self.export_markdown_action = action(
            "folder",
            self.tr("Notes as &Markdown…"),
            self.tr("Write a Markdown file per mentor and per goal, for any notes app"),
            self.export_markdown,
        )
        import_menu.addAction(self.import_contacts_action)
        export_menu.addActions(
            [self.export_contacts_action, self.export_archive_action, self.export_markdown_action]
        )
        import_menu.aboutToShow.connect(self.update_actions)
        export_menu.aboutToShow.connect(self.update_actions)
        self.update_actions()

    def update_actions(self) -> None:
        services = self.window.services
        for exporting in (
            self.export_contacts_action,
            self.export_archive_action,
            self.export_markdown_action,
        ):
            exporting.setEnabled(services is not None)
        self.import_contacts_action.setEnabled(services is not None and not services.read_only)

    # --- import --------------------------------------------------------------------------

    def import_contacts(self) -> ContactImportDialog | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.window, self.tr("Import Contacts"), str(self.folder), self.tr(CONTACT_FILES)
        )
        return self.preview_contacts(Path(name)) if name else None

    def preview_contacts(self, path: Path) -> ContactImportDialog | None:
        """Open the preview of importing ``path`` (shown, not waited for)."""
        services = self.window.services
        if services is None or services.read_only:
            return None
        from mentordesk.ui.portability.contacts_dialog import ContactImportDialog

        self.folder = path.parent
        dialog = self.window.open_file_dialog(
            lambda: ContactImportDialog(services, path, self.window)
        )
        dialog.imported.connect(self._imported)
        return dialog

    def _imported(self, result: ContactImportResult) -> None:
        self.window.data_imported(
            {DataKind.MENTOR},
            self.tr("Imported {name}: {summary}").format(
                name=result.plan.path.name, summary=result.plan.summary()
            ),
        )

    # --- export --------------------------------------------------------------------------

    def export_contacts(self) -> FileExportDialog | None:
        from mentordesk.ui.portability.export_dialogs import ContactsExportDialog

        return self._export(
            lambda services: ContactsExportDialog(  # the card as stored a moment before
                services,
                self.window,
                folder=self.folder,
                selected=selected_mentor(self.window.stack.currentWidget()),
            ),
            self._contacts_exported,
        )

    def export_archive(self) -> FileExportDialog | None:
        from mentordesk.ui.portability.export_dialogs import ArchiveExportDialog

        return self._export(
            lambda services: ArchiveExportDialog(services, self.window, folder=self.folder),
            self._archive_exported,
        )

    def export_markdown(self) -> FileExportDialog | None:
        from mentordesk.ui.portability.export_dialogs import MarkdownExportDialog

        return self._export(
            lambda services: MarkdownExportDialog(services, self.window, folder=self.folder),
            self._markdown_exported,
        )

    def _export(
        self,
        make: Callable[[Services], FileExportDialog],
        exported: Callable[[Any], None],
    ) -> FileExportDialog | None:
        services = self.window.services
        if services is None:
            return None
        dialog = self.window.open_file_dialog(lambda: make(services))
        dialog.exported.connect(exported)
        return dialog

    def _contacts_exported(self, result: VCardExportResult) -> None:
        self.folder = result.path.parent
        text = (
            self.tr("Exported 1 contact to {path}.")
            if result.count == 1
            else self.tr("Exported {n} contacts to {path}.")
        )
        self.window.statusBar().showMessage(
            text.format(n=f"{result.count:,}", path=result.path), 10_000
        )

    def _archive_exported(self, result: ArchiveExportResult) -> None:
        self.folder = result.path.parent
        self.window.statusBar().showMessage(
            self.tr("Exported everything to {path}: {summary}").format(
                path=result.path, summary=result.summary()
            ),
            10_000,
        )

    def _markdown_exported(self, result: MarkdownExportResult) -> None:
        self.folder = result.folder.parent
        self.window.statusBar().showMessage(
            self.tr("Exported {mentors} mentors and {goals} goals as Markdown to {path}.").format(
                mentors=f"{result.mentors:,}", goals=f"{result.goals:,}", path=result.folder
            ),
            10_000,
        )
