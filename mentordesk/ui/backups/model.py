"""The list of backups in File > Backups, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt

from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.common.style import colors

if TYPE_CHECKING:
    from mentordesk.services.backups import BackupInfo

Index = QModelIndex | QPersistentModelIndex


class BackupTableModel(TableModel):
    TAKEN, REASON, CONTENTS, SIZE, CHECK = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            (
                self.tr("Taken"),
                self.tr("Why"),
                self.tr("Contents"),
                self.tr("Size"),
                self.tr("Check"),
            ),
            parent,
        )
        self._backups: list[BackupInfo] = []

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._backups[row]

    def row_total(self) -> int:
        return len(self._backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        backup = self._backups[index.row()]
        column = index.column()
        if role == ObjectRole:
            return backup
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(backup, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHECK and not backup.is_sound:
            return colors().danger
        if role == Qt.ItemDataRole.ToolTipRole:
            return backup.problem or str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, backup: BackupInfo, column: int) -> str:
        if column == self.TAKEN:
            local = backup.taken_at.astimezone()
            return QLocale().toString(local.date(), "ddd d MMM yyyy") + local.strftime(", %H:%M")
        if column == self.REASON:
            return self.reason_label(backup.reason)
        if column == self.CONTENTS:
            if not backup.counts:
                return "—"
            return ", ".join(
                self.tr("{count} {what}").format(count=count, what=what)
                for what, count in backup.counts.items()
            )
        if column == self.SIZE:
            return QLocale().formattedDataSize(backup.size)
        if column == self.CHECK:
            return self.tr("OK") if backup.is_sound else self.tr("Damaged")
        return ""

    def reason_label(self, reason: str) -> str:
        labels = {
            "manual": self.tr("Made by you"),
            "daily": self.tr("Daily"),
            "while-open": self.tr("While you worked"),
            "before-restore": self.tr("Before a restore"),
        }
        if reason.startswith("before-0"):
            return self.tr("Before an upgrade")
        return labels.get(reason, reason)
