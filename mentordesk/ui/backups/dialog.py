"""File > Backups: the snapshots with their date, contents and check; back up or restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.paths import DataLocation
from mentordesk.ui.backups.model import BackupTableModel
from mentordesk.ui.common.background import Background
from mentordesk.ui.common.folders import show_folder


class BackupsDialog(QDialog):
    """Lists snapshots (checked off the GUI thread); restoring is left to the main window,
    which must close the database first."""

    restore_requested = Signal(Path)

    def __init__(
        self, location: DataLocation, background: Background, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 440)
        self.location = location
        self.background = background
        self.model = BackupTableModel(self)

        intro = QLabel(
            self.tr(
                "MentorDesk keeps verified copies of your data in {folder}: daily, every few "
                "hours while you work, and before every upgrade or restore. Restoring one first "
                "backs up your current data, so a restore can be undone the same way."
            ).format(folder=location.backups)
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.status = QLabel(self.tr("Checking backups…"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("&Back Up Now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.folder_button = QPushButton(self.tr("Show &Folder"))
        for button in (self.backup_button, self.restore_button, self.folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_restore)
        self.folder_button.clicked.connect(self._show_folder)
        self.restore_button.setEnabled(False)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.ask_restore())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def _service(self):  # type: ignore[no-untyped-def]
        from mentordesk.services.backups import BackupService

        return BackupService(self.location)

    def reload(self) -> None:
        self.status.setText(self.tr("Checking backups…"))
        self.background.run(lambda: self._service().list_all(check=True), self._show, self._failed)

    def _show(self, backups: object) -> None:
        self.model.set_backups(backups)  # type: ignore[arg-type]
        count = self.model.rowCount()
        if count == 0:
            self.status.setText(self.tr("No backups yet. Back Up Now makes the first one."))
        else:
            damaged = sum(1 for row in range(count) if not self.model.backup_at(row).is_sound)
            text = self.tr("1 backup.") if count == 1 else self.tr("{n} backups.").format(n=count)
            if damaged:
                text += " " + self.tr("Damaged: {n}; those are never offered for recovery.").format(
                    n=damaged
                )
            self.status.setText(text)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Could not read the backups: {error}").format(error=error))

    def _update_buttons(self) -> None:
        selected = self._selected()
        self.restore_button.setEnabled(selected is not None and selected.is_sound)

    def _selected(self):  # type: ignore[no-untyped-def]
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))

        def done(_info: object) -> None:
            self.backup_button.setEnabled(True)
            self.reload()

        def failed(error: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.status.setText(self.tr("The backup failed: {error}").format(error=error))

        self.background.run(lambda: self._service().snapshot("manual"), done, failed)

    def ask_restore(self) -> None:
        backup = self._selected()
        if backup is None or not backup.is_sound:
            return
        when = self.model.data(self.model.index(self.table.currentIndex().row(), 0))
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace your current data with the backup from {when}?\n\n"
                "Everything you changed after that time will be replaced. Your current data "
                "is backed up first, so you can go back to it from this list."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(backup.path)
            self.accept()

    def _show_folder(self) -> None:
        show_folder(self, self.location.backups)
