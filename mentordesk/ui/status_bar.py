"""The right end of the status bar: which data folder is open and when the last verified
backup was taken, so a person sees at a glance that their notes are safe."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, QTime
from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.paths import DataLocation
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import Space


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataStatus", text)


def when_text(moment: datetime, today: date) -> str:
    """ "today 14:05", "yesterday 09:10", or the date: a backup's age in a person's words."""
    local = moment.astimezone()
    time = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if local.date() == today:
        return _tr("today {time}").format(time=time)
    if local.date() == today - timedelta(days=1):
        return _tr("yesterday {time}").format(time=time)
    return format_date(local.date())


class DataStatus(QLabel):
    """“Data: MentorDesk · Last backup today 14:05”; the tooltip names the whole path."""

    def __init__(
        self,
        location: DataLocation,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataStatus")
        self.setContentsMargins(Space.S, 0, Space.S, 0)
        self.location = location
        self._today = today
        # Until the data is open (then refresh() reads the backups) only the folder.
        self.setText(self.tr("Data: {folder}").format(folder=self._folder()))

    def _folder(self) -> str:
        return self.location.root.name or str(self.location.root)

    def refresh(self) -> None:
        from mentordesk.services.backups import BackupService  # reads file names only

        folder = self._folder()
        taken = BackupService(self.location).last_taken()
        backup = (
            self.tr("Last backup {when}").format(when=when_text(taken, self._today()))
            if taken is not None
            else self.tr("No backup yet")
        )
        self.setText(self.tr("Data: {folder} · {backup}").format(folder=folder, backup=backup))
        self.setToolTip(
            self.tr("Your data: {path}\nBackups: {backups}").format(
                path=self.location.root, backups=self.location.backups
            )
        )
        self.setAccessibleName(self.text())
