"""The ``thanks`` command of ``mentordesk``: log thanks given to a mentor, list the log.

Kept light at import time (``--help`` imports this module): everything else is imported
when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from mentordesk.domain.enums import GratitudeKind

if TYPE_CHECKING:
    from mentordesk.domain.gratitude import GratitudeRecord
    from mentordesk.paths import DataLocation

EXIT_OK = 0
EXIT_USAGE = 2

# The option that gave each field, for the messages about them.
_OPTIONS = {"mentor_id": "--mentor", "given_on": "--date", "kind": "--kind", "text": "--text"}


def _kind(text: str) -> GratitudeKind:
    """A kind as stored, with hyphens or spaces (``thank-you-note``, ``"gift or meal"``), or
    the start of only one (``gift``, ``intro``)."""
    wanted = "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
    found = [kind for kind in GratitudeKind if kind.value == wanted] or [
        kind for kind in GratitudeKind if wanted and kind.value.startswith(wanted)
    ]
    if len(found) != 1:
        raise argparse.ArgumentTypeError(f"choose one of: {kind_names()}")
    return found[0]


def kind_names() -> str:
    return ", ".join(kind.value.replace("_", "-") for kind in GratitudeKind)


def add_thanks_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``thanks`` to the ``mentordesk`` command's subcommands."""
    thanks = commands.add_parser("thanks", help="log thanks given to a mentor, or list the log")
    actions = thanks.add_subparsers(dest="thanks_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="log thanks given (or help offered back) and print it")
    add.add_argument(
        "--mentor", required=True, metavar="NAME", help="the mentor (name or a unique part of it)"
    )
    add.add_argument(
        "--kind",
        required=True,
        type=_kind,
        metavar="K",
        help=f"one of: {kind_names()}",
    )
    add.add_argument("--text", required=True, metavar="T", help="what you did, in a few words")
    add.add_argument(
        "--date",
        metavar="DATE",
        help="when (YYYY-MM-DD, default today); not after today",
    )
    add.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing = actions.add_parser("list", help="print the gratitude log, oldest first")
    listing.add_argument("--json", action="store_true", help="print JSON for scripts")
    listing.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="only entries for this mentor (may be repeated)",
    )


def run_thanks_command(location: DataLocation, args: argparse.Namespace) -> int:
    """``thanks add|list``. Refused input is one line and exit 2; nothing is written then."""
    from mentordesk.cli import say
    from mentordesk.cli_meetings import CommandError
    from mentordesk.domain.validation import ValidationError

    try:
        if args.thanks_command == "add":
            return _add(location, args)
        return _list(location, args)
    except CommandError as exc:
        say(str(exc))
        return EXIT_USAGE
    except ValidationError as exc:
        for field, message in exc.field_errors.items():
            say(f"{_OPTIONS.get(field, field)}: {message}")
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK


def _add(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli_meetings import match_mentor, parse_day
    from mentordesk.domain.gratitude import GratitudeFields
    from mentordesk.services.context import Services

    today = date.today()
    given_on = parse_day(args.date, "--date") if args.date else today
    # Refuse what is wrong before any folder or file is opened (the mentor is checked next).
    GratitudeFields(1, given_on, args.kind, args.text).validated(today)
    # A folder without data cannot know the mentor: say so and create nothing.
    services = Services.open(location, create=False)
    try:
        mentors = services.mentors.list_all()
        chosen = match_mentor(args.mentor, mentors)
        record = services.gratitude.add(GratitudeFields(chosen.id, given_on, args.kind, args.text))
    finally:
        services.close()
    names = {chosen.id: chosen.name}
    if args.json:
        from mentordesk.cli import json_text

        print(json_text(thanks_summary(record, names)))
    else:
        print(f"Logged thanks {record.id}:")
        _print_log([record], names)
    return EXIT_OK


def _list(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli_meetings import match_mentor
    from mentordesk.services.context import Services

    services = Services.open(location, create=False)  # reads only
    try:
        mentors = services.mentors.list_all()
        wanted = {match_mentor(name, mentors).id for name in args.mentor}
        records = services.gratitude.list_all()
    finally:
        services.close()
    if wanted:
        records = [r for r in records if r.mentor_id in wanted]
    names = {m.id: m.name for m in mentors}
    if args.json:
        from mentordesk.cli import json_text

        print(json_text([thanks_summary(r, names) for r in records]))
    elif not records:
        if wanted:
            print("No thanks logged for that mentor yet.")
        else:
            print(
                "No thanks logged yet. Log some with: mentordesk thanks add --mentor NAME "
                "--kind thank-you-note --text 'What you did'"
            )
    else:
        _print_log(records, names)
    return EXIT_OK


def thanks_summary(record: GratitudeRecord, names: dict[int, str]) -> dict[str, object]:
    """The stable, script-friendly shape of ``mentordesk thanks list --json``."""
    return {
        "id": record.id,
        "date": record.given_on.isoformat(),
        "mentor": names.get(record.mentor_id, f"#{record.mentor_id}"),
        "mentor_id": record.mentor_id,
        "kind": record.kind.value,
        "text": record.text,
    }


_HEADER = ("ID", "DATE", "MENTOR", "KIND", "TEXT")


def _print_log(records: list[GratitudeRecord], names: dict[int, str]) -> None:
    from mentordesk.cli_meetings import _print_table

    _print_table(
        _HEADER,
        [
            (
                str(r.id),
                r.given_on.isoformat(),
                names.get(r.mentor_id, f"#{r.mentor_id}"),
                r.kind.value,
                r.text,
            )
            for r in records
        ],
    )
