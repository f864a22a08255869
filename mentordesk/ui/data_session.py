"""The life of the open database in the GUI: open, back up, restore, recover, close.

The main window shows what this reports; it holds no data logic itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.paths import DataLocation
from mentordesk.services.data_folder import DatabaseOpenError, DataFileMissingError, is_recoverable
from mentordesk.ui.backend_loader import BackendLoader
from mentordesk.ui.backups.recovery_dialog import NEW, RESTORE, SALVAGE, ask_how_to_recover
from mentordesk.ui.common.background import Background

if TYPE_CHECKING:
    from mentordesk.services.context import Services

# How often, while open, to see whether a snapshot is due (it is taken only when the data
# changed and the newest is older than BackupService's interval).
BACKUP_CHECK_MS = 30 * 60 * 1000


class DataSession(QObject):
    home_read = Signal(object)  # HomeOverview, read quickly at start-up
    records_read = Signal(object)  # QuickMentorListing, read-only preview at start-up
    opened = Signal(object)  # Services
    closed = Signal()  # the services are gone; views must not edit until opened again
    fatal = Signal(object)  # the data cannot be used; the app should quit
    message = Signal(str)
    backups_changed = Signal()  # a snapshot was taken or restored: the status bar shows it

    def __init__(
        self, location: DataLocation, dialog_parent: QWidget, *, read_only: bool = False
    ) -> None:
        super().__init__(dialog_parent)
        self.location = location
        # The folder cannot be written: open for looking only, take no backups.
        self.read_only = read_only
        self.services: Services | None = None
        self.background = Background(self)
        self._parent = dialog_parent
        self._loader: BackendLoader | None = None
        self._closing = False
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(lambda: self._snapshot_if_due(daily=False))

    # --- opening -------------------------------------------------------------------------

    def open(self, *, replace_lost: bool = False) -> None:
        """Open the database off the GUI thread; ``replace_lost``: the person chose to start
        a new notebook although backups of a missing one exist."""
        loader = BackendLoader(
            self.location, self, read_only=self.read_only, replace_lost=replace_lost
        )
        loader.home_read.connect(self.home_read)
        loader.records_read.connect(self.records_read)
        loader.loaded.connect(self._opened)
        loader.failed.connect(self._failed)
        self._loader = loader
        loader.start()

    def first_screen_shown(self) -> None:
        """The window shows the quickly read data: the loader may go on to the services."""
        if self._loader is not None:
            self._loader.first_screen_shown()

    def _opened(self, services: Any) -> None:
        if self._closing:
            services.close()  # the window closed while the database was opening
            return
        self.services = services
        self.opened.emit(services)
        if not self.read_only:
            self._snapshot_if_due(daily=True)
            self._backup_timer.start()

    def _failed(self, error: BaseException) -> None:
        if is_recoverable(error, self.location):
            self._offer_recovery(error)  # type: ignore[arg-type]
        else:
            self.fatal.emit(error)

    # --- automatic backups ---------------------------------------------------------------

    def _snapshot_if_due(self, *, daily: bool) -> None:
        from mentordesk.services.backups import DAILY, WHILE_OPEN, BackupService

        service = BackupService(self.location)
        interval, reason = (DAILY, "daily") if daily else (WHILE_OPEN, "while-open")

        def done(info: Any) -> None:
            if info is not None:
                self.backups_changed.emit()
                self.message.emit(
                    self.tr("Backed up your data ({name}).").format(name=info.path.name)
                )

        def failed(error: BaseException) -> None:
            self.message.emit(self.tr("The automatic backup failed: {error}").format(error=error))

        self.background.run(lambda: service.snapshot_if_due(interval, reason), done, failed)

    # --- restore -------------------------------------------------------------------------

    def restore(self, backup: Path) -> None:
        """Close the database, restore ``backup`` over it (after a snapshot), open again."""
        from mentordesk.services.backups import BackupService

        self._close_services()
        service = BackupService(self.location)

        def done(before: Any) -> None:
            note = ""
            if before is not None:
                note = " " + self.tr("Your data from just before is kept as a backup.")
            self.message.emit(self.tr("Restored {name}.").format(name=backup.name) + note)
            self.backups_changed.emit()
            self.open()

        def failed(error: BaseException) -> None:
            QMessageBox.warning(self._parent, self.tr("Restore failed"), str(error))
            self.open()

        self.background.run(lambda: service.restore(backup), done, failed)

    # --- recovery ------------------------------------------------------------------------

    def _offer_recovery(self, error: DatabaseOpenError) -> None:
        from mentordesk.services.recovery import RecoveryService

        service = RecoveryService(self.location)
        missing = isinstance(error, DataFileMissingError)
        if missing:
            self.message.emit(self.tr("Your data file is missing; looking for a sound backup…"))
        else:
            self.message.emit(self.tr("Your data file is damaged; looking for a sound backup…"))

        def ask(backup: Any) -> None:
            choice = ask_how_to_recover(self._parent, str(error), backup, missing=missing)
            if choice == RESTORE:
                self.background.run(
                    service.restore_newest_backup, self._recovered, self._recovery_failed
                )
            elif choice == SALVAGE:
                self.background.run(service.salvage, self._recovered, self._recovery_failed)
            elif choice == NEW:
                self.message.emit(self.tr("Starting a new, empty notebook."))
                self.open(replace_lost=True)
            else:
                self.fatal.emit(error)

        self.background.run(service.newest_sound_backup, ask, self._recovery_failed)

    def _recovered(self, result: Any) -> None:
        if result.restored_from is not None:
            when = result.restored_from.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr(
                "Your data was restored from the backup of {when}. Changes made after that "
                "time are not in it."
            ).format(when=when)
        else:
            saved = sum(result.salvaged.values())
            text = self.tr("Readable records salvaged into a new data file: {n}.").format(n=saved)
            if result.unreadable:
                text += " " + self.tr("Some records could not be read and are missing.")
        if result.damaged_kept_at is not None:
            text += " " + self.tr("The damaged file is kept as {path}.").format(
                path=result.damaged_kept_at
            )
        QMessageBox.information(self._parent, self.tr("Recovered"), text)
        self.open()

    def _recovery_failed(self, error: BaseException) -> None:
        self.fatal.emit(error)

    # --- closing -------------------------------------------------------------------------

    def _close_services(self) -> None:
        self._backup_timer.stop()
        if self.services is not None:
            self.services.close()
            self.services = None
            self.closed.emit()

    def close(self) -> None:
        self._closing = True
        self._close_services()
        if self._loader is not None:
            self._loader.wait()
            QCoreApplication.sendPostedEvents(self)  # deliver a late "loaded" to close it
        self.background.wait()
