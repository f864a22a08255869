"""The core imports without Qt, and the command line's parser without SQLAlchemy, so scripts
and tests run with no GUI and ``mentordesk --version`` starts fast."""

from __future__ import annotations

import os
import subprocess
import sys

import mentordesk


def _run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_core_imports_without_pyside6() -> None:
    result = _run_python(
        "import sys; "
        "import mentordesk.db.models, mentordesk.db.database, mentordesk.services.context, "
        "mentordesk.services.sample_data, mentordesk.services.health, mentordesk.cli; "
        "assert 'sqlalchemy' in sys.modules; "
        "assert not any(m.startswith('PySide6') for m in sys.modules), "
        "sorted(m for m in sys.modules if m.startswith('PySide6'))"
    )

    assert result.returncode == 0, result.stderr


def test_import_check_can_see_pyside6() -> None:
    """Guards the test above: importing Qt is visible in sys.modules the way it looks."""
    result = _run_python(
        "import sys, PySide6.QtCore; assert any(m.startswith('PySide6') for m in sys.modules)"
    )

    assert result.returncode == 0, result.stderr


def test_parser_and_version_do_not_import_sqlalchemy_or_qt() -> None:
    result = _run_python(
        "import sys\n"
        "from mentordesk.cli import build_parser, main\n"
        "build_parser()\n"
        "assert main(['--version']) == 0\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'PySide6'))\n"
        "assert not heavy, heavy\n"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"MentorDesk {mentordesk.__version__}"
