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
        super().__init__(
            path,
            f"{path} is damaged and cannot be read ({detail}). MentorDesk has left it "
            "untouched; your backups are in the backups folder beside it.",
        )


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
    if isinstance(error, CorruptDatabaseError):
        return True
    if isinstance(error, NotMentorDeskDatabaseError) and error.path == location.database:
        backups = location.backups
        return backups.is_dir() and any(backups.glob("mentordesk-*.sqlite3"))
    return False
