"""The meetings and actions commands of ``mentordesk``: list and add meetings, list action
items, over the same services the app uses.

Kept light at import time (``--help`` imports this module): everything else is imported
when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentordesk.domain.action_item import ActionItemRecord
    from mentordesk.domain.meeting import MeetingRecord
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.paths import DataLocation

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

DEFAULT_MINUTES = 60
_START_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


class CommandError(Exception):
    """Input on the command line that cannot be used; its message is one line."""


def add_meeting_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``meetings`` and ``actions`` to the ``mentordesk`` command's subcommands."""
    meetings = commands.add_parser("meetings", help="list or add meetings")
    meeting_commands = meetings.add_subparsers(dest="meetings_command", metavar="ACTION")
    meeting_commands.required = True
    listing = meeting_commands.add_parser("list", help="print meetings in order of their start")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="only meetings with this mentor (name or a unique part of it; may be repeated)",
    )
    listing.add_argument(
        "--from",
        dest="from_day",
        metavar="DATE",
        help="only meetings taking place on or after DATE (YYYY-MM-DD, local time)",
    )
    listing.add_argument(
        "--to",
        dest="to_day",
        metavar="DATE",
        help="only meetings taking place on or before DATE (YYYY-MM-DD, to the end of the day)",
    )
    add = meeting_commands.add_parser("add", help="plan a meeting and print it")
    add.add_argument(
        "--start", required=True, metavar="'YYYY-MM-DD HH:MM'", help="wall-clock time in --tz"
    )
    add.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="a mentor at the meeting (may be repeated; none: an unassigned meeting)",
    )
    add.add_argument(
        "--duration",
        type=int,
        default=DEFAULT_MINUTES,
        metavar="MIN",
        help=f"minutes (default {DEFAULT_MINUTES})",
    )
    add.add_argument("--title", help="default: “Meeting with” the mentors' names")
    add.add_argument("--tz", metavar="ZONE", help="IANA time zone (default: the computer's)")
    add.add_argument("--json", action="store_true", help="print JSON for scripts")

    actions = commands.add_parser("actions", help="list action items")
    action_commands = actions.add_subparsers(dest="actions_command", metavar="ACTION")
    action_commands.required = True
    items = action_commands.add_parser("list", help="print action items, oldest first")
    items.add_argument("--json", action="store_true", help="print JSON for scripts")
    items.add_argument("--open", action="store_true", help="only items still open")
    items.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="only items from meetings with this mentor (may be repeated)",
    )
    items.add_argument("--overdue", action="store_true", help="only open items past their due day")


def run_meeting_command(location: DataLocation, args: argparse.Namespace) -> int:
    """``meetings list|add`` and ``actions list``. Refused input is one line and exit 2."""
    from mentordesk.cli import say
    from mentordesk.domain.validation import ValidationError

    try:
        if args.command == "actions":
            return _list_actions(location, args)
        if args.meetings_command == "list":
            return _list_meetings(location, args)
        return _add_meeting(location, args)
    except (CommandError, ValidationError) as exc:
        say(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        # A long listing piped into `head`: stop quietly, as main() does (before the
        # command's handler of file-system errors would report it as one).
        sys.stderr.close()
        return EXIT_OK


# --- reading the command line -------------------------------------------------------------


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            f"{option}: “{text}” is not a date; write it as YYYY-MM-DD (for example 2026-12-03)."
        ) from None


def parse_start(text: str) -> datetime:
    for pattern in _START_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
    raise CommandError(
        f"--start: “{text}” is not a date and time; write it as YYYY-MM-DD HH:MM "
        "(for example '2026-12-03 14:00')."
    )


def match_mentor(name: str, mentors: Sequence[MentorRecord]) -> MentorRecord:
    """The mentor called ``name`` (ignoring case and accents), else the only one whose name
    starts with it, else the only one whose name contains it."""
    from mentordesk.domain.validation import fold

    wanted = fold(" ".join(name.split()))
    if not wanted:
        raise CommandError("--mentor is empty; give a mentor's name.")
    for test in (
        lambda folded: folded == wanted,
        lambda folded: folded.startswith(wanted),
        lambda folded: wanted in folded,
    ):
        found = [m for m in mentors if test(fold(" ".join(m.name.split())))]
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(m.name for m in found[:5]) + (", ..." if len(found) > 5 else "")
            raise CommandError(
                f"--mentor “{name}” matches {len(found)} mentors ({names}); give more of the name."
            )
    raise CommandError(f"--mentor “{name}”: no mentor has that name. See: mentordesk mentors list")


def _mentor_ids(names: Sequence[str], mentors: Sequence[MentorRecord]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(match_mentor(name, mentors).id for name in names))


def _local_midnight(day: date) -> datetime:
    """The start of ``day`` in the computer's local zone, as an aware time."""
    return datetime.combine(day, time.min).astimezone()


# --- meetings -------------------------------------------------------------------------------


def _list_meetings(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.services.context import Services

    start = _local_midnight(parse_day(args.from_day, "--from")) if args.from_day else None
    end = None
    if args.to_day:
        end = _local_midnight(parse_day(args.to_day, "--to") + timedelta(days=1))
    if start is not None and end is not None and end <= start:
        raise CommandError("--from is after --to; nothing can fall between them.")
    # Listing only reads: a folder without data is said so, and nothing is created there.
    services = Services.open(location, create=False)
    try:
        mentors = services.mentors.list_all()
        wanted = _mentor_ids(args.mentor, mentors)
        records = services.meetings.between(start, end, mentor_ids=wanted)
    finally:
        services.close()
    names = {m.id: m.name for m in mentors}
    if args.json:
        from mentordesk.cli import json_text

        print(json_text([meeting_summary(r, names) for r in records]))
    elif not records:
        if wanted or start or end:
            print("No meetings match.")
        else:
            print(
                "No meetings yet. Plan one with: mentordesk meetings add --start 'YYYY-MM-DD HH:MM'"
            )
    else:
        _print_table(_MEETING_HEADER, [_meeting_row(r, names) for r in records])
    return EXIT_OK


def _add_meeting(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.domain.meeting import MeetingFields
    from mentordesk.domain.time_zones import local_zone_name
    from mentordesk.services.context import Services

    zone_name = args.tz if args.tz is not None else local_zone_name()
    fields = MeetingFields(
        title=args.title if args.title is not None else "Meeting",
        start=parse_start(args.start),
        minutes=args.duration,
        time_zone=zone_name,
    )
    fields.validated()  # refuse what is wrong before any folder or file is made
    # With mentors named, a folder without data cannot know them: say so and create nothing.
    services = Services.open(location, create=not args.mentor)
    try:
        mentors = services.mentors.list_all()
        ids = _mentor_ids(args.mentor, mentors)
        if args.title is None and ids:
            by_id = {m.id: m.name for m in mentors}
            fields = fields.replace(title=f"Meeting with {_joined([by_id[i] for i in ids])}")
        record = services.meetings.create(fields.replace(mentor_ids=ids))
    finally:
        services.close()
    names = {m.id: m.name for m in mentors}
    if args.json:
        from mentordesk.cli import json_text

        print(json_text(meeting_summary(record, names)))
    else:
        print(f"Added meeting {record.id}:")
        _print_table(_MEETING_HEADER, [_meeting_row(record, names)])
    return EXIT_OK


def _joined(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def meeting_summary(record: MeetingRecord, names: dict[int, str]) -> dict[str, object]:
    """The stable, script-friendly shape of ``mentordesk meetings list --json``: start and
    end with the UTC offset of the meeting's own time zone."""
    from mentordesk.domain.time_zones import zone

    there = zone(record.fields.time_zone)
    return {
        "id": record.id,
        "title": record.title,
        "start": record.starts_at.astimezone(there).isoformat(),
        "end": record.ends_at.astimezone(there).isoformat(),
        "time_zone": record.fields.time_zone,
        "status": record.status.value,
        "format": record.fields.format.value,
        "mentors": [names.get(m, f"#{m}") for m in record.mentor_ids],
    }


_MEETING_HEADER = ("WHEN", "LENGTH", "STATUS", "TITLE", "MENTORS")


def _meeting_row(record: MeetingRecord, names: dict[int, str]) -> tuple[str, ...]:
    return (
        f"{record.local_start():%Y-%m-%d %H:%M}",
        _duration(record.fields.minutes),
        record.status.value,
        record.title,
        ", ".join(names.get(m, f"#{m}") for m in record.mentor_ids) or "(unassigned)",
    )


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest:02d}"


# --- action items ---------------------------------------------------------------------------


def _list_actions(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.services.context import Services

    services = Services.open(location, create=False)  # reads only
    try:
        mentors = services.mentors.list_all()
        wanted = _mentor_ids(args.mentor, mentors)
        items = (
            services.action_items.of_mentors(wanted) if wanted else services.action_items.list_all()
        )
    finally:
        services.close()
    today = date.today()
    if args.open:
        items = [i for i in items if i.is_open]
    if args.overdue:
        items = [i for i in items if i.is_overdue(today)]
    names = {m.id: m.name for m in mentors}
    if args.json:
        from mentordesk.cli import json_text

        print(json_text([action_summary(i, names) for i in items]))
    elif not items:
        print(
            "No action items match."
            if wanted or args.open or args.overdue
            else "No action items yet."
        )
    else:
        _print_table(_ACTION_HEADER, [_action_row(i, names, today) for i in items])
    return EXIT_OK


def action_summary(item: ActionItemRecord, names: dict[int, str]) -> dict[str, object]:
    """The stable, script-friendly shape of ``mentordesk actions list --json``."""
    f = item.fields
    return {
        "id": item.id,
        "text": item.text,
        "owner": f.owner.value,
        "due": f.due_on.isoformat() if f.due_on else None,
        "status": f.status.value,
        "done_on": f.done_on.isoformat() if f.done_on else None,
        "reported_on": f.reported_on.isoformat() if f.reported_on else None,
        "meeting": f.meeting_id,
        "mentors": sorted(names.get(m, f"#{m}") for m in item.mentor_ids),
    }


_ACTION_HEADER = ("ID", "DUE", "STATUS", "OWNER", "TEXT", "MENTORS")


def _action_row(item: ActionItemRecord, names: dict[int, str], today: date) -> tuple[str, ...]:
    f = item.fields
    status = f.status.value
    if item.is_overdue(today):
        status += " (overdue)"
    elif item.awaits_report_back:
        status += " (not reported back)"
    return (
        str(item.id),
        f.due_on.isoformat() if f.due_on else "-",
        status,
        f.owner.value,
        item.text,
        ", ".join(sorted(names.get(m, f"#{m}") for m in item.mentor_ids)),
    )


# --- printing -------------------------------------------------------------------------------


def _print_table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> None:
    from mentordesk.cli import _width
    from mentordesk.domain.text import terminal_safe

    safe = [tuple(terminal_safe(cell) for cell in row) for row in rows]
    widths = [max(_width(row[i]) for row in (header, *safe)) for i in range(len(header))]
    for row in (header, *safe):
        cells = (
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        )
        print("  ".join(cells).rstrip())
