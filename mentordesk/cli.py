"""The ``mentordesk`` command: starts the GUI by default; subcommands work without one.

Kept light at import time: ``--version`` and ``--help`` never import Qt or SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mentordesk import APP_NAME, __version__
from mentordesk.domain.enums import Direction, MentorStatus, RelationshipKind
from mentordesk.logs import DEBUG_ENV

if TYPE_CHECKING:
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.paths import DataLocation

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2  # what argparse exits with for a malformed command line


def _choice(enum_class: type) -> object:
    """Accept the stored value, also with hyphens (``peer-mentor`` for ``peer_mentor``)."""

    def parse(text: str) -> object:
        try:
            return enum_class(text.strip().lower().replace("-", "_"))
        except ValueError:
            allowed = ", ".join(member.value.replace("_", "-") for member in enum_class)
            raise argparse.ArgumentTypeError(f"choose one of: {allowed}") from None

    parse.__name__ = enum_class.__name__
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentordesk",
        description=f"{APP_NAME}: keep your mentoring relationships, agreements, meetings and "
        "growth in one private, offline notebook. Without a command, starts the app.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="with --version: also the versions of Python, Qt, SQLite and the libraries, "
        "and the folders MentorDesk uses (for a bug report)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"log in detail, also to the terminal (or set {DEBUG_ENV}=1); the log never "
        "holds your notes, names or addresses",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="start the app, show the data (creating or migrating the data folder), quit, "
        "then check the resources, Qt's plugins and the database; exit 0 when all work "
        "(set QT_QPA_PLATFORM=offscreen where there is no display)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder that holds your data (default: the platform's user data folder; "
        "also settable with MENTORDESK_DATA_DIR)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="start the app (the default)")

    sample = commands.add_parser(
        "sample-data", help="fill an empty data folder with realistic sample data"
    )
    sample.add_argument(
        "--size",
        choices=["small", "decade", "huge"],
        default="small",
        help="small: a handful of relationships; decade: ten years of one person's mentoring "
        "life; huge: ten times that over twenty years, with 2,000 LinkedIn connections (the "
        "scale the list views are benchmarked at)",
    )

    commands.add_parser("check", help="check the database's integrity and schema (read-only)")

    backup = commands.add_parser("backup", help="take a verified backup now")
    backup.add_argument("--to", metavar="FILE", help="write it to FILE instead of backups/")
    backups = commands.add_parser("backups", help="list the backups")
    backup_commands = backups.add_subparsers(dest="backups_command", metavar="ACTION")
    backup_commands.required = True
    backup_commands.add_parser("list", help="list backups, newest first, with their checks")
    restore = commands.add_parser(
        "restore", help="replace your data with a backup (your current data is backed up first)"
    )
    restore.add_argument("file", metavar="FILE")
    recover = commands.add_parser(
        "recover",
        help="after damage: keep the damaged file aside and restore the newest good backup",
    )
    recover.add_argument(
        "--salvage",
        action="store_true",
        help="instead of restoring a backup, copy every readable record into a new database",
    )

    mentors = commands.add_parser("mentors", help="list or add mentors")
    mentor_commands = mentors.add_subparsers(dest="mentors_command", metavar="ACTION")
    mentor_commands.required = True
    listing = mentor_commands.add_parser("list", help="print all mentors")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    add = mentor_commands.add_parser("add", help="add a mentor and print it")
    add.add_argument("--name", required=True)
    add.add_argument("--email", default="")
    add.add_argument("--organization", default="")
    add.add_argument("--kind", type=_choice(RelationshipKind), default=RelationshipKind.MENTOR)
    add.add_argument("--direction", type=_choice(Direction), default=Direction.THEY_MENTOR_ME)
    add.add_argument("--status", type=_choice(MentorStatus), default=MentorStatus.ACTIVE)
    add.add_argument("--json", action="store_true", help="print JSON for scripts")

    from mentordesk.cli_meetings import add_meeting_commands

    add_meeting_commands(commands)
    from mentordesk.cli_calendar import add_calendar_commands

    export_formats, import_formats = add_calendar_commands(commands)
    from mentordesk.cli_reports import add_report_commands

    add_report_commands(export_formats)  # ``export pdf``, beside ``export ics``
    from mentordesk.cli_portability import add_portability_commands

    add_portability_commands(export_formats, import_formats)  # archive, markdown, vcard...
    from mentordesk.cli_thanks import add_thanks_commands

    add_thanks_commands(commands)
    from mentordesk.cli_search import add_search_commands

    add_search_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Arguments that were not valid UTF-8 reach us as lone surrogates (and may come back in
    # a message naming a path): write them escaped rather than fail on them.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        return _main(argv)
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as command-line tools do.
        sys.stderr.close()
        return EXIT_OK


def say(message: str) -> None:
    """A message for the person on standard error, never carrying control characters."""
    from mentordesk.domain.text import terminal_safe

    print(f"mentordesk: {terminal_safe(message)}", file=sys.stderr)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version and not args.verbose:
        print(f"{APP_NAME} {__version__}")  # without importing Qt or SQLAlchemy: it is quick
        return EXIT_OK
    if args.verbose and not args.version:
        parser.error("--verbose goes with --version")
    if args.self_check and args.command not in (None, "gui"):
        parser.error("--self-check starts the app; it takes no command")
    from mentordesk.paths import DataDirError, resolve_data_location

    try:
        location = resolve_data_location(args.data_dir)
    except DataDirError as exc:
        say(str(exc))
        return EXIT_USAGE
    if args.version:
        return _verbose_version(location)
    _start_logging(args.debug)
    try:
        return _run_command(args, location)
    except Exception:
        log.exception("%s stopped by an unexpected error", args.command or "gui")
        raise
    finally:
        from mentordesk.logs import stop_logging

        stop_logging()


def _start_logging(debug: bool) -> None:
    from mentordesk import logs
    from mentordesk.paths import log_dir

    debug = logs.debug_requested(debug)
    path = logs.configure_logging(log_dir(), debug=debug)
    if path is None:
        say(f"the log folder {log_dir()} cannot be written; running without a log file.")
    log.info(
        "MentorDesk %s started (Python %s, %s)%s",
        __version__,
        sys.version.split()[0],
        sys.platform,
        " with debug logging" if debug else "",
    )


def _verbose_version(location: DataLocation) -> int:
    from mentordesk.system_info import system_information_text

    try:
        from PySide6.QtCore import qVersion

        qt: str | None = qVersion()
    except ImportError:
        qt = None
    print(system_information_text(location, qt_version=qt))
    return EXIT_OK


def _run_command(args: argparse.Namespace, location: DataLocation) -> int:
    if args.self_check:
        from mentordesk.ui.self_check import run_self_check

        return run_self_check(location)
    if args.command in (None, "gui"):
        from mentordesk.ui.app import run_gui

        return run_gui(location)

    from mentordesk.db.errors import DataFileMissingError
    from mentordesk.domain.validation import DomainError, ValidationError

    try:
        if args.command == "sample-data":
            return _sample_data(location, args.size)
        if args.command == "check":
            return _check(location)
        if args.command == "mentors":
            return _mentors(location, args)
        if args.command in ("backup", "backups", "restore", "recover"):
            from mentordesk.cli_backups import run_backup_command

            return run_backup_command(location, args)
        if args.command in ("meetings", "actions"):
            from mentordesk.cli_meetings import run_meeting_command

            return run_meeting_command(location, args)
        if args.command == "export" and args.export_format == "pdf":
            from mentordesk.cli_reports import run_report_command

            return run_report_command(location, args)
        from mentordesk.cli_portability import handles, run_portability_command

        if handles(args):
            return run_portability_command(location, args)
        if args.command in ("export", "import"):
            from mentordesk.cli_calendar import run_calendar_command

            return run_calendar_command(location, args)
        if args.command == "thanks":
            from mentordesk.cli_thanks import run_thanks_command

            return run_thanks_command(location, args)
        if args.command == "search":
            from mentordesk.cli_search import run_search_command

            return run_search_command(location, args)
    except ValidationError as exc:
        log.info("%s refused invalid input (%s)", args.command, ", ".join(exc.field_errors))
        for field, message in exc.field_errors.items():
            say(f"{field.replace('_', ' ')}: {message}")
        return EXIT_FAILED
    except DataFileMissingError as exc:
        log.warning("%s: the data file is missing", args.command)
        say(f"{exc} {_newest_backup_hint(location)}")
        return EXIT_FAILED
    except DomainError as exc:
        log.warning("%s refused: %s", args.command, type(exc).__name__)
        say(str(exc))
        return EXIT_FAILED
    except OSError as exc:
        log.exception("%s failed on the file system", args.command)
        say(f"{exc.strerror or exc}: {exc.filename or location.root}")
        return EXIT_FAILED
    raise AssertionError(f"unhandled command {args.command}")


def _newest_backup_hint(location: DataLocation) -> str:
    from mentordesk.services.recovery import RecoveryService

    newest = RecoveryService(location).newest_sound_backup()
    if newest is None:
        return "None of the backups passes its check."
    when = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return (
        f"The newest good backup is from {when} ({newest.path.name}); restore it with: "
        "mentordesk recover"
    )


def _sample_data(location: DataLocation, size: str) -> int:
    from mentordesk.services.context import Services
    from mentordesk.services.sample_data import SampleSize, holds_data, load_sample_data

    if holds_data(location):
        say(
            f"{location.root} already holds data; sample data only goes into an empty data "
            "folder. Nothing was changed. Choose another with --data-dir."
        )
        return EXIT_FAILED
    services = Services.open(location)
    try:
        added = load_sample_data(services, SampleSize(size))
    finally:
        services.close()
    print(f"Added {size} sample data to {location.root}: {added} mentors.")
    return EXIT_OK


def _check(location: DataLocation) -> int:
    from mentordesk.services.health import check_database

    report = check_database(location)
    for fact in report.facts:
        print(fact)
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("OK" if report.ok else "NOT OK")
    return EXIT_OK if report.ok else EXIT_FAILED


def _mentors(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.domain.mentor import MentorFields
    from mentordesk.services.context import Services

    # Listing only reads: a folder without data is said so, and nothing is created there.
    services = Services.open(location, create=args.mentors_command != "list")
    try:
        if args.mentors_command == "list":
            _print_mentors(services.mentors.list_all(), as_json=args.json)
        else:
            record = services.mentors.create(
                MentorFields(
                    name=args.name,
                    email=args.email,
                    organization=args.organization,
                    kind=args.kind,
                    direction=args.direction,
                    status=args.status,
                )
            )
            if args.json:
                print(json_text(record.as_summary()))
            else:
                print(f"Added mentor {record.id}:")
                _print_mentors([record], as_json=False)
    finally:
        services.close()
    return EXIT_OK


def json_text(value: object) -> str:
    """JSON for scripts, readable (non-ASCII as is) but with every control character
    escaped, so it never drives a terminal it is printed on; the data is unchanged."""
    from mentordesk.domain.text import terminal_safe

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(c if c == "\n" or terminal_safe(c) == c else f"\\u{ord(c):04x}" for c in text)


def _print_mentors(records: list[MentorRecord], *, as_json: bool) -> None:
    from mentordesk.domain.text import terminal_safe

    if as_json:
        print(json_text([r.as_summary() for r in records]))
        return
    if not records:
        print("No mentors yet. Add one with: mentordesk mentors add --name NAME")
        return
    header = ("ID", "NAME", "ORGANIZATION", "KIND", "DIRECTION", "STATUS")
    rows = [
        (
            str(r.id),
            r.name + (" (archived)" if r.is_archived else ""),
            r.fields.organization,
            r.fields.kind.value,
            r.fields.direction.value,
            r.fields.status.value,
        )
        for r in records
    ]
    rows = [tuple(terminal_safe(cell) for cell in row) for row in rows]
    widths = [max(_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    for row in (header, *rows):
        cells = (
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        )
        print("  ".join(cells).rstrip())


def _width(text: str) -> int:
    """Columns a terminal uses: East Asian wide characters take two, combining marks none."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )
