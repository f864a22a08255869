"""What a bug report needs to know about this installation: versions and folders.

Shown by Help > About ("Copy system information") and ``mentordesk --version --verbose``,
and written at the top of the details of an unexpected error. Reads package metadata, so it
imports neither Qt nor SQLAlchemy; the caller passes Qt's run-time version when it has one.
"""

from __future__ import annotations

import platform
import sqlite3
import sys

from mentordesk import APP_NAME, __version__
from mentordesk.paths import DataLocation, log_dir


def _package_version(module: str, *names: str) -> str:
    """The version of the first of the distributions ``names`` installed (PySide6 comes as
    its Essentials), else that of ``module`` if it is loaded (a frozen bundle may carry no
    package metadata)."""
    from importlib import metadata  # only when asked: importing it takes ~50 ms

    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    loaded = sys.modules.get(module)
    return str(getattr(loaded, "__version__", "not installed"))


def _frozen() -> str:
    return " (packaged)" if getattr(sys, "frozen", False) else ""


def system_information(
    location: DataLocation, *, qt_version: str | None = None
) -> list[tuple[str, str]]:
    """(label, value) pairs, in the order a person reads them."""
    return [
        (APP_NAME, f"{__version__}{_frozen()}"),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qt_version or "not loaded"),
        ("PySide6", _package_version("PySide6", "PySide6-Essentials", "PySide6")),
        ("SQLAlchemy", _package_version("sqlalchemy", "SQLAlchemy")),
        ("Alembic", _package_version("alembic", "alembic")),
        ("SQLite", sqlite3.sqlite_version),
        ("platformdirs", _package_version("platformdirs", "platformdirs")),
        ("Platform", platform.platform()),
        ("Data folder", str(location.root)),
        ("Window and view state", str(location.ui_state)),
        ("Log folder", str(log_dir())),
    ]


def system_information_text(location: DataLocation, *, qt_version: str | None = None) -> str:
    pairs = system_information(location, qt_version=qt_version)
    width = max(len(label) for label, _ in pairs)
    return "\n".join(f"{label + ':':<{width + 1}} {value}" for label, value in pairs)
