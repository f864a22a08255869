"""What can go wrong with a file coming in or going out, in words for the person who chose it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mentordesk.domain.validation import DomainError


class CalendarFileError(DomainError):
    """The file cannot be imported (or written); nothing was imported. The message names the
    file and the problem."""

    def __init__(self, path: Path, problem: str, *, nothing: str = "Nothing was imported.") -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem} {nothing}".strip())


class ImportCancelled(DomainError):
    """The person cancelled the import; nothing was imported."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled. Nothing was imported.")


class ExportCancelled(DomainError):
    """The person cancelled the export; no file was written."""

    def __init__(self) -> None:
        super().__init__("The export was cancelled. Nothing was written.")


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Raise ExportCancelled if ``cancelled()`` says so: the last step before an export
    puts its file in place."""
    if cancelled is not None and cancelled():
        raise ExportCancelled


NOTHING_WRITTEN = "Nothing was written."


def write_export(path: Path, data: bytes, refused: Callable[[Path, str], DomainError]) -> None:
    """Write an export's ``data`` to ``path`` whole or not at all; a place that cannot be
    written raises ``refused(path, problem)`` instead of the OSError."""
    from mentordesk.files import write_atomically

    try:
        write_atomically(path, data)
    except OSError as exc:
        raise refused(path, f"cannot be written ({exc.strerror or exc}).") from exc
