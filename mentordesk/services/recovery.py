"""Getting a person going again after their database file was damaged.

The damaged file is never deleted or changed: it is moved aside (with its -wal and -shm
files, which may hold committed edits) under a name that says what it is. Then either the
newest backup that passes the integrity check is put in its place, or the rows that can
still be read are salvaged into a fresh database.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mentordesk.db.backup import PRIVATE_FILE, copy_database
from mentordesk.db.database import open_database
from mentordesk.db.salvage import salvage_rows
from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation
from mentordesk.services.backups import BackupInfo, BackupService

Clock = Callable[[], datetime]

# Tables in an order that satisfies their foreign keys; later issues append theirs.
SALVAGE_ORDER = (
    "mentor",
    "mentor_expertise",
    "mentor_tag",
    "goal",
    "milestone",
    "goal_note",
    "skill",
    "assessment",
    "goal_mentor",
    "goal_skill",
    "agreement",
    "agreement_objective",
    "agreement_commitment",
    "availability_window",
    "agreement_revision",
    "setting",
    "meeting",
    "meeting_mentor",
    "agenda_item",
    "meeting_advice",
    "action_item",
    "gratitude_entry",
)

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class RecoveryError(DomainError):
    """Recovery could not be done; the damaged file is still where it was, unchanged."""


@dataclass(frozen=True)
class RecoveryResult:
    damaged_kept_at: Path | None  # None when the data file was missing, not damaged
    restored_from: BackupInfo | None = None
    salvaged: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)

    @property
    def data_from(self) -> datetime | None:
        """When the recovered data was last right: the backup's time, or None if salvaged."""
        return self.restored_from.taken_at if self.restored_from else None


def move_aside(location: DataLocation, now: datetime) -> Path:
    """Rename the damaged database (and its -wal/-shm) to mentordesk-damaged-<time>.sqlite3."""
    path = location.database
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"mentordesk-damaged-{stamp}.sqlite3")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"mentordesk-damaged-{stamp}-{counter}.sqlite3")
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


class RecoveryService:
    def __init__(self, location: DataLocation, clock: Clock = _utc_now) -> None:
        self.location = location
        self._now = clock
        self.backups = BackupService(location, clock)

    def newest_sound_backup(self) -> BackupInfo | None:
        return self.backups.newest_sound()

    def _file_present(self) -> bool:
        path = self.location.database
        return path.exists() or path.is_symlink()

    def restore_newest_backup(self) -> RecoveryResult:
        backup = self.newest_sound_backup()
        if backup is None:
            raise RecoveryError(
                "There is no backup that passes the integrity check. Nothing was changed; "
                "you can still try to salvage the readable records."
            )
        kept = move_aside(self.location, self._now()) if self._file_present() else None
        copy_database(backup.path, self.location.database, single_file=False)
        os.chmod(self.location.database, PRIVATE_FILE)
        open_database(self.location).close()  # upgrades an older backup, checks it opens
        log.info("recovered: restored %s, damaged file kept aside", backup.path.name)
        return RecoveryResult(damaged_kept_at=kept, restored_from=backup)

    def salvage(self) -> RecoveryResult:
        """Copy every row that can still be read into a new database."""
        if not self._file_present():
            raise RecoveryError(
                f"There is no data file at {self.location.database} to salvage records from. "
                "Restore the newest backup instead."
            )
        kept = move_aside(self.location, self._now())
        database = open_database(self.location, replace_lost=True)
        database.close()
        saved, unreadable = salvage_rows(kept, self.location.database, SALVAGE_ORDER)
        log.info(
            "salvaged %d rows; %d tables not read whole (%s)",
            sum(saved.values()),
            len(unreadable),
            ", ".join(sorted(unreadable)),
        )
        return RecoveryResult(damaged_kept_at=kept, salvaged=saved, unreadable=unreadable)
