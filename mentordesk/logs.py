"""The log file: what MentorDesk did and what went wrong, never what the person wrote.

A few rotated files of about 1 MB in the platform's log folder. Start-up timings,
migrations, backups, imports and exports are logged as counts and durations; errors with
their tracebacks. Exception messages can quote a person's text (an address that did not
validate, a value that did not parse), so the file keeps the message only of exceptions
whose messages describe code, not data (see ``SAFE_MESSAGES``); the others are written as
their type and length. ``--debug`` or MENTORDESK_DEBUG=1 adds detailed records, under the
same rule.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

LOG_FILENAME = "mentordesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 4
DEBUG_ENV = "MENTORDESK_DEBUG"
# Only MentorDesk's own records below WARNING: libraries' INFO records (SQL statements, say)
# could carry a person's text.
APP_LOGGER = "mentordesk"

# Exceptions whose message is about the program (types, names, positions), kept in the log.
SAFE_MESSAGES: tuple[type[BaseException], ...] = (
    AttributeError,
    TypeError,
    NameError,
    ImportError,
    IndexError,
    ZeroDivisionError,
    RecursionError,
    NotImplementedError,
    MemoryError,
)
# Modules whose exceptions have messages about storage (SQLite's own words, table names,
# statements without their values: the engine hides parameters), also kept.
SAFE_MESSAGE_MODULES = ("sqlite3", "sqlalchemy")

_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def debug_requested(flag: bool = False) -> bool:
    return flag or os.environ.get(DEBUG_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def describe_exception(error: BaseException, *, withhold: bool) -> str:
    """The traceback of ``error`` and what caused it, oldest first, as Python prints it;
    with ``withhold``, messages that may quote the person's text are replaced."""
    chain: list[tuple[BaseException, str]] = []
    current: BaseException | None = error
    link = ""
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, "direct cause"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, "context"
        else:
            current = None
    parts: list[str] = []
    for exc, how in reversed(chain):
        lines = ["Traceback (most recent call last):\n"] if exc.__traceback__ else []
        lines += traceback.format_tb(exc.__traceback__)
        lines.append(_exception_line(exc, withhold=withhold) + "\n")
        parts.append("".join(lines))
        if how == "direct cause":
            parts.append("\nThe above exception was the direct cause of the following:\n\n")
        elif how == "context":
            parts.append("\nDuring handling of the above exception, another occurred:\n\n")
    return "".join(parts).rstrip("\n")


def _exception_line(exc: BaseException, *, withhold: bool) -> str:
    kind = type(exc)
    name = kind.__qualname__
    if kind.__module__ not in ("builtins", "__main__"):
        name = f"{kind.__module__}.{name}"
    message = str(exc)
    if not message:
        return name
    if withhold and not message_is_safe(exc):
        return f"{name}: <message withheld from the log: {len(message)} characters>"
    return f"{name}: {message}"


def message_is_safe(exc: BaseException) -> bool:
    if isinstance(exc, SAFE_MESSAGES):
        return True
    module = type(exc).__module__.split(".")[0]
    return module in SAFE_MESSAGE_MODULES


class PrivateFormatter(logging.Formatter):
    """Formats tracebacks with ``describe_exception`` (messages withheld)."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches a record's formatted traceback for every handler; another
        # handler's cached text could hold the very messages withheld here.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(
        self,
        ei: tuple[type[BaseException], BaseException, TracebackType | None]
        | tuple[None, None, None],
    ) -> str:
        error = ei[1]
        if error is None:
            return ""
        return describe_exception(error, withhold=True)


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Log files readable by their owner only, like the data they describe."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, 0o600)
        return stream


_handlers: list[logging.Handler] = []


def configure_logging(folder: Path, *, debug: bool = False) -> Path | None:
    """Start writing the log in ``folder``; returns the log file, or None when the folder
    cannot be written (MentorDesk then runs without a log rather than not at all).

    Calling it again replaces the previous configuration (tests and the benchmark do)."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()
    app = logging.getLogger(APP_LOGGER)
    app.setLevel(logging.DEBUG if debug else logging.INFO)
    root.setLevel(logging.WARNING)
    formatter = PrivateFormatter(_FORMAT)
    path: Path | None = folder / LOG_FILENAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler: logging.Handler = _PrivateRotatingFile(
            folder / LOG_FILENAME, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        path = None
    else:
        file_handler.setFormatter(formatter)
        _handlers.append(file_handler)
    if debug:
        echo = logging.StreamHandler(sys.stderr)
        echo.setFormatter(formatter)
        _handlers.append(echo)
    for handler in _handlers:
        root.addHandler(handler)
    logging.captureWarnings(True)
    return path


def stop_logging() -> None:
    """Close the log files (at exit; and between tests)."""
    root = logging.getLogger()
    for handler in _handlers:
        root.removeHandler(handler)
        handler.close()
    _handlers.clear()


def log_files(folder: Path) -> list[Path]:
    """The log and its rotated predecessors, newest first."""
    current = folder / LOG_FILENAME
    rotated = [folder / f"{LOG_FILENAME}.{n}" for n in range(1, BACKUP_COUNT + 1)]
    return [path for path in (current, *rotated) if path.exists()]
