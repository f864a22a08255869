"""mentordesk.interchange imports no Qt, and (but for the module that writes the import's
columns) no SQLAlchemy: the GUI's modules import it, and they never load SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys


def test_interchange_imports_no_qt_and_no_orm() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import mentordesk.interchange as package\n"
        "for info in pkgutil.walk_packages(package.__path__, 'mentordesk.interchange.'):\n"
        "    if info.name != 'mentordesk.interchange._meeting_rows':\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'sqlalchemy', 'alembic'))\n"
        "assert not bad, bad[:10]\n"
        "importlib.import_module('mentordesk.interchange._meeting_rows')\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
        "print(len([m for m in sys.modules if m.startswith('mentordesk.interchange')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 7  # the walk really imported the package's modules
