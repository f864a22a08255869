"""``mentordesk export ics`` and ``mentordesk import ics``: calendar files on the command line.

Kept light at import time (``--help`` imports this module): the libraries that read and
write calendar files are imported when a command runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from mentordesk.interchange.ics_import import ImportResult
    from mentordesk.interchange.ics_plan import ImportPlan
    from mentordesk.paths import DataLocation

    # The groups of subcommands argparse hands out (a generic only for type checkers).
    Formats = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
_LISTED = 20  # unassigned meetings listed by name; the rest are counted


def add_calendar_commands(commands: Formats) -> tuple[Formats, Formats]:
    """Add ``export`` and ``import`` with their format ``ics``; return the two groups of
    formats, for the other formats to join (``export pdf``)."""
    export = commands.add_parser(
        "export", help="write your data to a file: a calendar (ics) or a PDF report (pdf)"
    )
    export_formats = export.add_subparsers(dest="export_format", metavar="FORMAT")
    export_formats.required = True
    ics = export_formats.add_parser(
        "ics",
        help="an iCalendar (.ics) file that calendar programs open",
        description="Write meetings to an iCalendar file. Each meeting keeps its UID, so "
        "importing the file again into another calendar updates the events there instead of "
        "adding them twice. Your notes, advice and takeaways are never written.",
    )
    ics.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    ics.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="only meetings with this mentor (name or a unique part of it; may be repeated)",
    )
    ics.add_argument(
        "--from", dest="from_day", metavar="DATE", help="only meetings on or after DATE"
    )
    ics.add_argument("--to", dest="to_day", metavar="DATE", help="only meetings on or before DATE")

    bring = commands.add_parser("import", help="bring meetings in from a calendar file")
    import_formats = bring.add_subparsers(dest="import_format", metavar="FORMAT")
    import_formats.required = True
    ics_in = import_formats.add_parser(
        "ics",
        help="an iCalendar (.ics) file from Google, Outlook, Apple Calendar, Thunderbird...",
        description="Import the events of an iCalendar file as meetings, all or nothing, "
        "after a backup. Events map to mentors by the email of an attendee or the organizer, "
        "else by name; the others are imported without a mentor and listed. Importing the "
        "same file again changes nothing; a changed event updates its meeting but never what "
        "you wrote in MentorDesk.",
    )
    ics_in.add_argument("file", metavar="FILE", help="the .ics file")
    ics_in.add_argument(
        "--from",
        dest="from_day",
        metavar="DATE",
        help="import events from DATE (YYYY-MM-DD; default: one year before today)",
    )
    ics_in.add_argument(
        "--to",
        dest="to_day",
        metavar="DATE",
        help="import events up to DATE (YYYY-MM-DD; default: one year after today); "
        "recurring events are expanded inside this range",
    )
    ics_in.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, and write nothing"
    )
    return export_formats, import_formats


def run_calendar_command(location: DataLocation, args: argparse.Namespace) -> int:
    return run_file_command(location, args, _export, _import)


def run_file_command(
    location: DataLocation,
    args: argparse.Namespace,
    export: Callable[[DataLocation, argparse.Namespace], int],
    bring_in: Callable[[DataLocation, argparse.Namespace], int],
) -> int:
    """Run an ``export`` or ``import`` of any format, each refusal said in one line: a
    malformed command exit 2, a file or data that cannot be used exit 1, Ctrl-C 130."""
    from mentordesk.cli import say
    from mentordesk.cli_meetings import CommandError
    from mentordesk.domain.validation import DomainError

    try:
        if args.command == "export":
            return export(location, args)
        return bring_in(location, args)
    except CommandError as exc:
        say(str(exc))
        return EXIT_USAGE
    except DomainError as exc:  # the file or the data cannot be used: the message says why
        say(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("Interrupted. Nothing was imported." if args.command == "import" else "Interrupted.")
        return EXIT_INTERRUPTED


def _days(args: argparse.Namespace) -> tuple[date | None, date | None]:
    from mentordesk.cli_meetings import CommandError, parse_day

    start = parse_day(args.from_day, "--from") if args.from_day else None
    end = parse_day(args.to_day, "--to") if args.to_day else None
    if start is not None and end is not None and end < start:
        raise CommandError("--from is after --to; nothing can fall between them.")
    return start, end


def _check_against_default(start: date | None, end: date | None) -> None:
    """Refuse --from alone after the default last day, or --to alone before the first."""
    from datetime import date

    from mentordesk.cli_meetings import CommandError
    from mentordesk.interchange.ics_import import default_range

    first, last = default_range(date.today())
    if start is not None and end is None and start > last:
        raise CommandError(
            f"--from {start:%Y-%m-%d} is after {last:%Y-%m-%d}, the last day imported by "
            "default (a year from today); give --to as well."
        )
    if end is not None and start is None and end < first:
        raise CommandError(
            f"--to {end:%Y-%m-%d} is before {first:%Y-%m-%d}, the first day imported by "
            "default (a year before today); give --from as well."
        )


def _export(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli import say
    from mentordesk.cli_meetings import _mentor_ids
    from mentordesk.interchange.ics_export import CalendarExport
    from mentordesk.services.context import Services

    start, end = _days(args)
    output = Path(args.output)
    services = Services.open(location, create=False)  # reads only
    try:
        wanted = _mentor_ids(args.mentor, services.mentors.list_all())
        export = CalendarExport(services)
        if not export.meetings(wanted, start, end):
            say("No meetings match, so no file was written.")
            return EXIT_FAILED
        result = export.write(output, wanted, start, end)
    finally:
        services.close()
    print(f"Exported {result.count} meeting{'' if result.count == 1 else 's'} to {output}.")
    return EXIT_OK


def _import(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.interchange.ics_import import CalendarImport
    from mentordesk.interchange.ics_read import read_calendar_file
    from mentordesk.services.context import Services

    start, end = _days(args)
    _check_against_default(start, end)
    path = Path(args.file)
    calendar_file = read_calendar_file(path)  # a file that cannot be used opens no folder
    services = Services.open(location, create=not args.dry_run)
    try:
        importer = CalendarImport(services)
        plan = importer.plan(calendar_file, start, end)
        if args.dry_run:
            _print_plan(plan)
            return EXIT_OK
        result = importer.apply(plan)
    finally:
        services.close()
    _print_result(plan, result)
    return EXIT_OK


def _range(plan: ImportPlan) -> str:
    return f"{plan.start:%Y-%m-%d} to {plan.end:%Y-%m-%d}"


def _print_plan(plan: ImportPlan) -> None:
    from mentordesk.domain.text import terminal_safe
    from mentordesk.interchange.ics_plan import Action

    print(f"Would import {plan.path} (events from {_range(plan)}): {plan.summary()}")
    for planned in plan.events:
        if planned.action is Action.UNCHANGED:
            continue
        what = {
            Action.NEW: "new",
            Action.UPDATE: "update: " + ", ".join(planned.changes),
            Action.LEFT_OUT: f"left out: {planned.reason}",
        }[planned.action]
        mentors = "" if planned.mentor_ids else "  (no mentor)"
        when = planned.event.starts_at.astimezone()
        print(terminal_safe(f"  {when:%Y-%m-%d %H:%M}  {planned.event.title}  [{what}]{mentors}"))
    _print_outside(plan)
    print("Nothing was written (--dry-run).")


def _print_result(plan: ImportPlan, result: ImportResult) -> None:
    from mentordesk.domain.text import terminal_safe

    print(f"Imported {plan.path} (events from {_range(plan)}): {result.summary()}")
    if result.backup is not None:
        print(f"A backup was taken first: {result.backup}")
    if result.unassigned:
        count = len(result.unassigned)
        print(
            f"{count} meeting{' has' if count == 1 else 's have'} no mentor yet; "
            "assign one in the Calendar:"
        )
        for meeting in result.unassigned[:_LISTED]:
            when = meeting.starts_at.astimezone()
            print(terminal_safe(f"  {when:%Y-%m-%d %H:%M}  {meeting.title}"))
        if count > _LISTED:
            print(f"  … and {count - _LISTED} more")
    _print_outside(plan)


def _print_outside(plan: ImportPlan) -> None:
    if plan.outside:
        print(
            f"{plan.outside} event{' falls' if plan.outside == 1 else 's fall'} outside "
            f"{_range(plan)} and {'was' if plan.outside == 1 else 'were'} not imported "
            "(choose other days with --from and --to)."
        )
