"""Why a database file could not be opened, in words the person can act on.

No SQLAlchemy here: the GUI shows these messages even when the ORM never got imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.domain.validation import DomainError

if TYPE_CHECKING:
    from mentordesk.paths import DataLocation


class DatabaseOpenError(DomainError):
    """The data file cannot be used; it has been left exactly as it was."""

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)


class NewerDatabaseError(DatabaseOpenError):
    def __init__(self, path: Path, revision: str, app_version: str) -> None:
        self.revision = revision
        super().__init__(
            path,
            f"{path} was written by a newer version of MentorDesk (schema {revision}). "
            f"This version ({app_version}) cannot open it safely, so it has left the file "
            "untouched. Install the newer MentorDesk to open it.",
        )


class NotMentorDeskDatabaseError(DatabaseOpenError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"{path} is not a MentorDesk database ({detail}). MentorDesk has left it untouched. "
            "Move it away or choose another data folder with --data-dir.",
        )


class CorruptDatabaseError(DatabaseOpenError):
    def __init__(self, path: Path, detail: str) -> None:
        if has_snapshots(path.parent / "backups"):
            where = "your backups are in the backups folder beside it."
        else:
            where = "there is no backup of it in the backups folder beside it."
        super().__init__(
            path,
            f"{path} is damaged and cannot be read ({detail}). MentorDesk has left it "
            f"untouched; {where}",
        )


class BackupBeforeUpgradeError(DatabaseOpenError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"{path} needs upgrading to this version of MentorDesk, but the backup taken "
            f"before every upgrade could not be written ({detail}). Nothing was changed; "
            "free some disk space and start MentorDesk again.",
        )


class NeedsUpgradeError(DatabaseOpenError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path} was written by an earlier version of MentorDesk and needs upgrading, "
            "which cannot be done while its folder is read-only. Nothing was changed.",
        )


class DataFileMissingError(DatabaseOpenError):
    """The database is gone (deleted, not synced yet) but backups of it exist: nothing new
    is created until the person chooses to restore one or to start afresh."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"The data file {path} is missing, but the backups folder beside it holds "
            "backups of it. MentorDesk has created nothing.",
        )


class NoDataError(DatabaseOpenError):
    """A command that only reads was pointed at a folder without a database."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path.parent} holds no MentorDesk data: there is no database ({path.name}) "
            "in it. Nothing was created.",
        )


class DanglingLinkError(DatabaseOpenError):
    def __init__(self, path: Path, target: str) -> None:
        super().__init__(
            path,
            f"{path} is a link to {target}, which does not exist. MentorDesk has written "
            "nothing; restore the file it points to, or remove the link.",
        )


class DataFolderError(DatabaseOpenError):
    """The data folder itself cannot be used (it is a file, or cannot be created)."""

    def __init__(self, folder: Path, detail: str) -> None:
        self.folder = folder
        super().__init__(folder, f"The data folder {folder} cannot be used: {detail}.")


def has_snapshots(backups: Path) -> bool:
    try:
        return backups.is_dir() and any(backups.glob("mentordesk-*.sqlite3"))
    except OSError:
        return False


class DatabaseBusyError(DatabaseOpenError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"{path} is locked by another program (perhaps another MentorDesk window). "
            "Close it and try again.",
        )


class MigrationFailedError(DatabaseOpenError):
    def __init__(self, path: Path, backup: Path, detail: str) -> None:
        self.backup = backup
        super().__init__(
            path,
            f"{path} could not be upgraded to this version of MentorDesk ({detail}). The "
            f"upgrade was rolled back, so the file is as it was; a copy is also in {backup}.",
        )


def is_recoverable(error: BaseException, location: DataLocation) -> bool:
    """Whether to offer recovery (backup or salvage) for a file that failed to open.

    A damaged file, yes. A file that no longer even looks like a database (an empty file
    after a power cut, a zeroed header) also, when it is this data folder's database and
    snapshots exist beside it: that is a MentorDesk database that lost its header.
    """
    if isinstance(error, CorruptDatabaseError | DataFileMissingError):
        return True
    if isinstance(error, NotMentorDeskDatabaseError) and error.path == location.database:
        return has_snapshots(location.backups)
    return False
