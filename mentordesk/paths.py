"""Where MentorDesk keeps a person's data and finds its own resources.

Data lives in platformdirs' user data directory for the app "MentorDesk" unless the command
line (``--data-dir``) or the environment (``MENTORDESK_DATA_DIR``) names another folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from mentordesk import APP_NAME

DATA_DIR_ENV = "MENTORDESK_DATA_DIR"
DATABASE_FILENAME = "mentordesk.sqlite3"


@dataclass(frozen=True)
class DataLocation:
    """The folder that holds one person's MentorDesk data, and the files inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def ui_state(self) -> Path:
        """Window geometry and view state; kept beside the data so --data-dir isolates it."""
        return self.root / "ui-state.ini"


def log_dir() -> Path:
    """The platform's log folder for MentorDesk (on Linux ~/.local/state/MentorDesk/log)."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


class DataDirError(ValueError):
    """``--data-dir ""`` or an empty MENTORDESK_DATA_DIR: most likely an unset variable in a
    script, which must not silently mean the real data folder. Also a name no folder can
    have (one with a NUL character)."""


def resolve_data_location(override: str | os.PathLike[str] | None = None) -> DataLocation:
    """The command-line override wins, then the environment, then the platform default."""
    if override is not None:
        if not os.fspath(override).strip():
            raise DataDirError(
                "--data-dir is empty. Give a folder, or leave the option out to use your "
                f"usual data folder ({default_data_dir()})."
            )
        root = _folder(os.fspath(override), "--data-dir")
    elif DATA_DIR_ENV in os.environ:
        if not os.environ[DATA_DIR_ENV].strip():
            raise DataDirError(
                f"{DATA_DIR_ENV} is set but empty. Give it a folder, or unset it to use your "
                f"usual data folder ({default_data_dir()})."
            )
        root = _folder(os.environ[DATA_DIR_ENV], DATA_DIR_ENV)
    else:
        root = default_data_dir()
    return DataLocation(_expand_user(root).resolve())


def _expand_user(path: Path) -> Path:
    """``~`` and ``~name`` as the shell expands them; ``~name`` for a user that does not
    exist stays as typed, as the shell leaves it (Python would raise RuntimeError)."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def _folder(name: str, given_by: str) -> Path:
    if "\0" in name:
        raise DataDirError(f"{given_by} contains a NUL character, which no folder name has.")
    try:
        os.fsencode(name)
    except UnicodeEncodeError:
        raise DataDirError(f"{given_by} is not a name the file system can hold.") from None
    return Path(name)


def resources_dir() -> Path:
    """The resources folder: icons, desktop entry, metadata, translations.

    In a PyInstaller bundle it is unpacked beside the code (``sys._MEIPASS``); in an
    installed wheel it is the package data ``mentordesk/resources``; in a source checkout it
    is ``resources/`` at the top of the repository.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "mentordesk" / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
