"""What can go wrong with a calendar file, in words for the person who chose it."""

from __future__ import annotations

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
