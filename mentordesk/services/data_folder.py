"""The data folder as the GUI and the command line see it: make it ready, and tell whether a
database that failed to open can be recovered.

The one door through which the GUI reaches db/ for the folder itself (opening the services is
``Services.open``). Imports no SQLAlchemy, so the window can use it before the ORM loads.
"""

from __future__ import annotations

from mentordesk.db.errors import DatabaseOpenError, is_recoverable
from mentordesk.paths import DataLocation

__all__ = ["DatabaseOpenError", "is_recoverable", "prepare_folder"]


def prepare_folder(location: DataLocation) -> None:
    """Create the data folder (readable only by the user) if it does not exist yet."""
    from mentordesk.db.backup import make_private_dir  # hashlib and sqlite3: not at start-up

    make_private_dir(location.root)
