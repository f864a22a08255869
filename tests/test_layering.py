"""The architecture's import rules, checked in fresh interpreters.

Views never import SQLAlchemy (that is also what lets the window appear before the ORM
loads), and opening a current database never imports Alembic.
"""

from __future__ import annotations

import subprocess
import sys

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_gui_modules_import_without_sqlalchemy() -> None:
    result = run_python(
        "import sys\n"
        "import mentordesk.ui.app, mentordesk.ui.main_window, mentordesk.ui.views.mentors_view\n"
        "import mentordesk.ui.widgets.mentor_editor, mentordesk.ui.commands.mentor_commands\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "assert not bad, bad\n"
    )
    assert result.returncode == 0, result.stderr


def test_opening_a_current_database_does_not_import_alembic(location: DataLocation) -> None:
    Services.open(location).close()
    result = run_python(
        "import sys\n"
        "from pathlib import Path\n"
        "from mentordesk.paths import DataLocation\n"
        "from mentordesk.services.context import Services\n"
        f"Services.open(DataLocation(Path({str(location.root)!r}))).close()\n"
        "assert 'alembic' not in sys.modules\n"
    )
    assert result.returncode == 0, result.stderr
