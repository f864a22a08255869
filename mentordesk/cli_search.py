"""The ``search`` command of ``mentordesk``: everything a person wrote, from the terminal.

Kept light at import time (``--help`` imports this module): everything else is imported
when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentordesk.domain.search import SearchHit, SearchResults
    from mentordesk.paths import DataLocation

EXIT_OK = 0
EXIT_NOTHING_FOUND = 1  # as grep: a script can tell "no match" from a match
EXIT_USAGE = 2

DEFAULT_LIMIT = 10
MAX_LIMIT = 500

# The groups' headings, in the order the kinds are shown.
_HEADINGS = {
    "mentor": "Mentors",
    "meeting": "Meetings",
    "action_item": "Action items",
    "goal": "Goals",
    "agreement": "Agreements",
    "skill": "Skills",
    "assessment": "Assessments",
    "gratitude": "Gratitude log",
}


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a whole number") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"from 1 to {MAX_LIMIT}")
    return value


def add_search_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``search`` to the ``mentordesk`` command's subcommands."""
    search = commands.add_parser(
        "search",
        help="search everything you wrote",
        description="Search mentor notes, agreements, meeting agendas, notes, advice and "
        "takeaways, action items, goals, milestones, assessment evidence and the gratitude "
        "log. Words match as prefixes (deleg finds delegate), in any case and without "
        'regard to accents (resume finds Résumé); "words in double quotes" match as a '
        "phrase. Exits 1 when nothing matches.",
    )
    search.add_argument("text", nargs="+", metavar="TEXT", help="the words to look for")
    search.add_argument(
        "--limit",
        type=_limit,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"at most N records of each kind (default {DEFAULT_LIMIT}, at most {MAX_LIMIT})",
    )
    search.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list for scripts: kind, id, title, date, mentor, snippet",
    )


def run_search_command(location: DataLocation, args: argparse.Namespace) -> int:
    """``search TEXT...``: the matches grouped by kind, or as JSON. Reads only."""
    from mentordesk.services.context import Services

    text = " ".join(args.text)
    services = Services.open(location, create=False)  # reads only
    try:
        results = services.search.find(text, args.limit)
    finally:
        services.close()
    try:
        if args.json:
            from mentordesk.cli import json_text

            print(json_text([hit_summary(hit) for hit in results.hits]))
        else:
            _print_results(results)
    except BrokenPipeError:
        sys.stderr.close()
    return EXIT_OK if results.hits else EXIT_NOTHING_FOUND


def hit_summary(hit: SearchHit) -> dict[str, object]:
    """The stable, script-friendly shape of one ``mentordesk search --json`` result.

    ``id`` is the record's own; ``opens`` the record its view shows (the skill of an
    assessment, the mentor of a gratitude entry). Title and snippet are plain text.
    """
    from mentordesk.domain.search import plain

    return {
        "kind": hit.kind.value,
        "id": hit.record_id,
        "title": plain(hit.title),
        "date": hit.on.isoformat() if hit.on else None,
        "mentor": ", ".join(hit.mentors),
        "mentors": list(hit.mentors),
        "snippet": plain(hit.snippet),
        "opens": hit.target_id,
    }


def _print_results(results: SearchResults) -> None:
    from mentordesk.domain.search import plain
    from mentordesk.domain.text import terminal_safe

    if not results.hits:
        print(f"Nothing found for {results.text.strip()!r}.", file=sys.stderr)
        return
    first = True
    for group in results.groups:
        if not group.hits:
            continue
        if not first:
            print()
        first = False
        shown = len(group.hits)
        heading = _HEADINGS[group.kind.value]
        more = ""
        if shown < group.total:
            more = f", showing {shown}{' newest' if group.by_date else ''}"
        print(f"{heading} ({group.total}{more})")
        for hit in group.hits:
            when = hit.on.isoformat() if hit.on else " " * 10
            who = f"  [{', '.join(hit.mentors)}]" if hit.mentors else ""
            title = plain(hit.title) or plain(hit.snippet)
            print(terminal_safe(f"  {when}  {title}{who}"))
            snippet = plain(hit.snippet)
            if snippet and snippet != title:
                print(terminal_safe(f"              {snippet}"))
