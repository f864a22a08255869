"""The architecture's import rules, checked in fresh interpreters.

Views never import SQLAlchemy (that is also what lets the window appear before the ORM
loads), the domain is plain Python, the core never imports Qt, and opening a current
database never imports Alembic. Feature folders of the GUI never import each other.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import mentordesk
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

PACKAGE = Path(mentordesk.__file__).resolve().parent


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def _import_all_and_report(packages: list[str], forbidden: tuple[str, ...]) -> str:
    """Code that imports every module of ``packages`` and fails naming any forbidden one."""
    return (
        "import importlib, pkgutil, sys\n"
        f"for name in {packages!r}:\n"
        "    package = importlib.import_module(name)\n"
        "    for info in pkgutil.walk_packages(package.__path__, name + '.'):\n"
        # Migration scripts run only inside Alembic, which hands them their context.
        "        if '.migrations.' not in info.name:\n"
        "            importlib.import_module(info.name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {forbidden!r})\n"
        "assert not bad, bad[:10]\n"
        "print(len([m for m in sys.modules if m.startswith('mentordesk')]))\n"
    )


def test_every_gui_module_imports_without_sqlalchemy_or_alembic() -> None:
    result = run_python(_import_all_and_report(["mentordesk.ui"], ("sqlalchemy", "alembic")))
    assert result.returncode == 0, result.stderr
    # Guards the walk itself: it really did import the GUI's modules.
    assert int(result.stdout) > 40


def test_domain_is_plain_python() -> None:
    result = run_python(
        _import_all_and_report(["mentordesk.domain"], ("sqlalchemy", "alembic", "PySide6"))
    )
    assert result.returncode == 0, result.stderr


def test_core_never_imports_qt() -> None:
    packages = ["mentordesk.domain", "mentordesk.db", "mentordesk.services"]
    result = run_python(_import_all_and_report(packages, ("PySide6", "shiboken6")))
    assert result.returncode == 0, result.stderr


def test_the_check_sees_a_forbidden_import() -> None:
    """Guards the tests above: a forbidden import really fails the check."""
    result = run_python(_import_all_and_report(["mentordesk.db"], ("sqlalchemy",)))
    assert result.returncode != 0


def _features() -> list[str]:
    return sorted(
        p.name
        for p in (PACKAGE / "ui").iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name != "common"
    )


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_feature_folders_do_not_import_each_others_internals() -> None:
    features = _features()
    assert len(features) >= 5, features  # mentors, goals, skills, agreements, backups, ...
    offences = []
    for feature in features:
        for path in (PACKAGE / "ui" / feature).rglob("*.py"):
            for module in _imported_modules(path):
                parts = module.split(".")
                if parts[:2] != ["mentordesk", "ui"] or len(parts) < 3:
                    continue
                other = parts[2]
                # Another feature may be used only through what its package exports.
                if other in features and other != feature and len(parts) > 3:
                    offences.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not offences, offences


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


def test_colours_come_from_the_visual_system() -> None:
    """Every colour a view uses is named in ui/common/style.py (so it reads in both schemes
    and means one thing everywhere): no colour literal or style sheet colour elsewhere."""
    import re

    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\"|setStyleSheet\(.*color")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if path.name != "style.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert not offenders, offenders


def test_reports_read_only_through_services_and_open_no_window() -> None:
    """mentordesk/reports/ lays out and paints with QtGui only: no widgets (it runs on the
    command line with no display, and on a worker thread), no database but the services."""
    forbidden = ("mentordesk.db", "mentordesk.ui", "sqlalchemy", "PySide6.QtWidgets")
    found = []
    for path in sorted((PACKAGE / "reports").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [
                f"{path.name}: {name}"
                for name in names
                if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
            ]
    assert len(list((PACKAGE / "reports").glob("*.py"))) > 5  # the walk saw the package
    assert found == []
