"""The data folder as the GUI and the command line see it: make it ready, and tell whether a
database that failed to open can be recovered.

The one door through which the GUI reaches db/ for the folder itself (opening the services is
``Services.open``). Imports no SQLAlchemy, so the window can use it before the ORM loads.
"""

from __future__ import annotations

import os
import shutil

from mentordesk.db.errors import (
    DatabaseOpenError,
    DataFileMissingError,
    DataFolderError,
    is_recoverable,
)
from mentordesk.paths import DataLocation

__all__ = [
    "DataFileMissingError",
    "DataFolderError",
    "DatabaseOpenError",
    "is_read_only",
    "is_recoverable",
    "nearly_full",
    "prepare_folder",
]

# Less free space than this, and writing a lock file or a change fails: say the disk is full.
NEARLY_FULL_BYTES = 1024 * 1024


def prepare_folder(location: DataLocation) -> None:
    """Create the data folder (readable only by the user) if it does not exist yet.

    Raises DataFolderError with a message a person can act on when it cannot be used.
    """
    from mentordesk.db.backup import make_private_dir  # hashlib and sqlite3: not at start-up

    root = location.root
    if root.exists() and not root.is_dir():
        raise DataFolderError(root, "it is a file, not a folder")
    try:
        make_private_dir(root)
    except OSError as exc:
        raise DataFolderError(root, f"it cannot be created ({exc.strerror or exc})") from exc


def is_read_only(location: DataLocation) -> bool:
    """Whether the data folder exists but nothing can be written into it."""
    return location.root.is_dir() and not os.access(location.root, os.W_OK)


def nearly_full(location: DataLocation) -> bool:
    try:
        return shutil.disk_usage(location.root).free < NEARLY_FULL_BYTES
    except OSError:
        return False
