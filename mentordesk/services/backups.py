"""Backups a person can rely on: automatic snapshots, a listing, and restore.

Every snapshot goes through mentordesk.db.backup (backup API, verified before it counts);
old snapshots are pruned by the retention policy only after a new one verified.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from mentordesk import __version__
from mentordesk.db.backup import (
    PRIVATE_FILE,
    backup_database,
    check_snapshot,
    content_fingerprint,
    copy_database,
    make_private_dir,
    row_counts,
    snapshot_files,
    snapshot_reason,
    snapshot_time,
    write_verified_copy,
)
from mentordesk.db.errors import DatabaseOpenError, NewerDatabaseError, NotMentorDeskDatabaseError
from mentordesk.db.retention import snapshots_to_keep
from mentordesk.db.schema import SchemaState, inspect_schema
from mentordesk.domain.validation import DomainError
from mentordesk.paths import DataLocation

Clock = Callable[[], datetime]

# A start-up snapshot is due when the newest is older than this and the data changed.
DAILY = timedelta(days=1)
# While the app is open, a snapshot is due this often when the data changed.
WHILE_OPEN = timedelta(hours=3)

log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class BackupInfo:
    """One snapshot as a person sees it in the list."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    counts: dict[str, int]
    problem: str | None = None
    from_newer_version: bool = False  # written by a newer MentorDesk: this one cannot restore it

    @property
    def is_sound(self) -> bool:
        return self.problem is None


class BackupError(DomainError):
    """A backup or restore could not be done; the data is as it was."""


class BackupService:
    def __init__(
        self, location: DataLocation, clock: Clock = _utc_now, zone: tzinfo | None = None
    ) -> None:
        self.location = location
        self._now = clock
        self._zone = zone

    # --- listing -------------------------------------------------------------------------

    def list_all(self, *, check: bool = False) -> list[BackupInfo]:
        """Snapshots newest first; ``check`` runs quick_check on each (slower)."""
        return [self.describe(path, check=check) for path in snapshot_files(self.location.backups)]

    def describe(self, path: Path, *, check: bool = False) -> BackupInfo:
        taken = snapshot_time(path) or datetime.fromtimestamp(path.stat().st_mtime, UTC)
        problem = check_snapshot(path) if check else None
        newer = check and problem is None and self._is_newer(path)
        try:
            counts = row_counts(path) if problem is None else {}
        except Exception as exc:  # a damaged snapshot is listed, marked, never a crash
            counts, problem = {}, str(exc)
        return BackupInfo(
            path=path,
            taken_at=taken,
            reason=snapshot_reason(path),
            size=path.stat().st_size,
            counts=counts,
            problem=problem,
            from_newer_version=newer,
        )

    def last_taken(self) -> datetime | None:
        """When the newest snapshot was taken (each is checked before it counts), or None.
        Reads only the folder's file names: cheap enough for the status bar."""
        for path in snapshot_files(self.location.backups):
            taken = snapshot_time(path)
            if taken is not None:
                return taken
        return None

    def newest_sound(self) -> BackupInfo | None:
        """The newest snapshot that passes the integrity check and this version can open."""
        for path in snapshot_files(self.location.backups):
            info = self.describe(path, check=True)
            if info.is_sound and self._openable(path):
                return info
        return None

    @staticmethod
    def _is_newer(path: Path) -> bool:
        try:
            return inspect_schema(path).state is SchemaState.NEWER
        except DatabaseOpenError:
            return False

    @staticmethod
    def _openable(path: Path) -> bool:
        try:
            return inspect_schema(path).state is not SchemaState.NEWER
        except DatabaseOpenError:
            return False

    # --- taking snapshots ----------------------------------------------------------------

    def snapshot(self, reason: str) -> BackupInfo:
        """Take a verified snapshot now, then prune by the retention policy."""
        path = backup_database(
            self.location.database, self.location.backups, reason, now=self._now()
        )
        self.prune(protect=path)
        return self.describe(path)

    def snapshot_to(self, target: Path) -> BackupInfo:
        """A verified copy at a place the person chose (not pruned, not listed)."""
        if target.exists():
            raise BackupError(f"{target} already exists; choose a new file name.")
        write_verified_copy(self.location.database, target)
        return self.describe(target)

    def is_due(self, max_age: timedelta) -> bool:
        """True when the newest snapshot is older than ``max_age`` and the data changed."""
        if not self.location.database.exists():
            return False
        files = snapshot_files(self.location.backups)
        newest = files[0] if files else None
        if newest is None:
            return True
        taken = snapshot_time(newest)
        if taken is not None and self._now() - taken < max_age:
            return False
        try:
            return content_fingerprint(newest) != content_fingerprint(self.location.database)
        except Exception:  # an unreadable snapshot is no reason to skip a new one
            return True

    def snapshot_if_due(self, max_age: timedelta, reason: str) -> BackupInfo | None:
        return self.snapshot(reason) if self.is_due(max_age) else None

    def prune(self, *, protect: Path | None = None) -> list[Path]:
        """Delete snapshots the retention policy no longer keeps; returns what went."""
        files = snapshot_files(self.location.backups)
        taken = {path: snapshot_time(path) for path in files}
        keep = snapshots_to_keep(
            [moment for moment in taken.values() if moment is not None], self._now(), self._zone
        )
        removed = []
        for path, moment in taken.items():
            if path != protect and moment not in keep:
                path.unlink(missing_ok=True)
                removed.append(path)
        if removed:
            log.info("pruned %d backups, kept %d", len(removed), len(files) - len(removed))
        return removed

    # --- restoring -----------------------------------------------------------------------

    def validate_for_restore(self, source: Path) -> None:
        """Raise BackupError unless ``source`` is a sound MentorDesk database we can open."""
        try:
            state = inspect_schema(source)
        except NotMentorDeskDatabaseError as exc:
            raise BackupError(f"{source} is not a MentorDesk backup. Nothing was changed.") from exc
        except DatabaseOpenError as exc:
            raise BackupError(f"{exc} Nothing was changed.") from exc
        if state.state is SchemaState.MISSING:
            raise BackupError(f"{source} does not exist. Nothing was changed.")
        if state.state is SchemaState.NEWER:
            assert state.revision is not None
            raise BackupError(str(NewerDatabaseError(source, state.revision, __version__)))
        problem = check_snapshot(source)
        if problem is not None:
            raise BackupError(f"{source} is damaged ({problem}). Nothing was changed.")

    def restore(self, source: Path) -> BackupInfo | None:
        """Replace the current data with ``source``, after snapshotting the current data.

        Every connection to the database must be closed first. Returns the snapshot of the
        data as it was just before (so the restore itself can be undone), or None when there
        was no database yet.
        """
        self.validate_for_restore(source)
        before = None
        if self.location.database.exists():
            before = self.snapshot("before-restore")
        # The backup API overwrites the live database in one transaction: a crash leaves
        # either the old data or the restored data, never a mix.
        existed = self.location.database.exists()
        make_private_dir(self.location.root)  # restoring onto a new computer
        copy_database(source, self.location.database, single_file=False)
        if not existed:
            os.chmod(self.location.database, PRIVATE_FILE)
        log.info("restored the data from %s", source.name)
        return before
