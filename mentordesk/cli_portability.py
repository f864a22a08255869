"""``export archive|markdown|vcard`` and ``import archive|vcard|linkedin``: your data out of
MentorDesk whole, and your contacts into it.

Kept light at import time (``--help`` imports this module): the modules that read and write
the files are imported when a command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentordesk.cli_calendar import Formats
    from mentordesk.interchange.contacts_plan import ContactPlan
    from mentordesk.paths import DataLocation

EXIT_OK = 0
EXIT_FAILED = 1

EXPORT_FORMATS = frozenset({"archive", "markdown", "vcard"})
IMPORT_FORMATS = frozenset({"archive", "vcard", "linkedin"})
_LISTED = 200  # contacts listed one by one; the rest are counted


def add_portability_commands(export_formats: Formats, import_formats: Formats) -> None:
    """Add this module's formats to the ``export`` and ``import`` groups."""
    archive = export_formats.add_parser(
        "archive",
        help="everything, as one archive file (a zip holding JSON, or .json)",
        description="Write every record of every kind (mentors, agreements and their "
        "revisions, meetings, action items, goals, skills, gratitude, settings), with its "
        "ids and links, to one file: a zip holding the JSON, or the JSON itself when FILE "
        "ends in .json. The format is described in docs/archive-format.md. Import it into an "
        "empty data folder with: mentordesk import archive FILE",
    )
    archive.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    archive.add_argument("--force", action="store_true", help="replace FILE if it exists")

    markdown = export_formats.add_parser(
        "markdown",
        help="your notes as Markdown files: one per mentor and one per goal",
        description="Write one Markdown file per mentor (front matter with their card, then "
        "their agreement and every meeting in order with its agenda, notes, advice and action "
        "items) and one per goal, with index.md linking them, for any Markdown editor or "
        "note-taking app. The folder is written whole (into a temporary folder beside it, "
        "then renamed) and must be new or empty, unless --force.",
    )
    markdown.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder")
    markdown.add_argument(
        "--force",
        action="store_true",
        help="replace DIR if it holds files: everything in it is deleted once the new notes "
        "are in place",
    )

    vcard = export_formats.add_parser(
        "vcard",
        help="mentors as one vCard (.vcf) file for address books",
        description="Write the mentors (all of them, or those named with --mentor) as one "
        "vCard 3.0 file, which Google Contacts, Apple Contacts, Outlook and Thunderbird read.",
    )
    vcard.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    vcard.add_argument("--force", action="store_true", help="replace FILE if it exists")
    vcard.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="only this mentor (name or a unique part of it; may be repeated)",
    )

    archive_in = import_formats.add_parser(
        "archive",
        help="rebuild an empty data folder from an archive",
        description="Rebuild the data of an archive written by 'mentordesk export archive', "
        "all or nothing, after a backup. Only an empty data folder takes it (choose one with "
        "--data-dir). A file that cannot be used is refused with what is wrong in it.",
    )
    archive_in.add_argument("file", metavar="FILE", help="the archive (.zip or .json)")
    archive_in.add_argument(
        "--dry-run", action="store_true", help="check the archive and say what it holds"
    )
    contacts_help = (
        " Each contact is new, an update (matched to a mentor by email, else by name ignoring "
        "case and accents) or skipped. An update only fills empty fields and adds tags: a "
        "field already filled in MentorDesk is never overwritten, and where the file says "
        "otherwise that is listed. All or nothing, after a backup."
    )
    vcard_in = import_formats.add_parser(
        "vcard",
        help="mentors from a vCard (.vcf) file: phones, Google, Apple, Outlook, Thunderbird",
        description="Import the contacts of a vCard file (3.0 or 4.0, several cards per "
        "file) as prospects." + contacts_help,
    )
    vcard_in.add_argument("file", metavar="FILE", help="the .vcf file")
    vcard_in.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, and write nothing"
    )
    linkedin = import_formats.add_parser(
        "linkedin",
        help="your LinkedIn connections (Connections.csv) as prospects",
        description="Import LinkedIn's Connections.csv (from Settings > Data privacy > Get a "
        "copy of your data) as prospects met in an online community, LinkedIn, with the day "
        "you connected in their notes." + contacts_help,
    )
    linkedin.add_argument("file", metavar="FILE", help="Connections.csv")
    linkedin.add_argument(
        "--dry-run", action="store_true", help="say what would be imported, and write nothing"
    )


def handles(args: argparse.Namespace) -> bool:
    """Whether this module runs the command ``args`` name."""
    if args.command == "export":
        return getattr(args, "export_format", None) in EXPORT_FORMATS
    if args.command == "import":
        return getattr(args, "import_format", None) in IMPORT_FORMATS
    return False


def run_portability_command(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli_calendar import run_file_command

    return run_file_command(location, args, _export, _import)


def _export(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli import say
    from mentordesk.services.context import Services

    output = Path(args.output)
    if args.export_format != "markdown" and output.exists() and not args.force:
        say(f"{output} already exists; add --force to replace it. Nothing was written.")
        return EXIT_FAILED
    services = Services.open(location, create=False)  # reads only
    try:
        if args.export_format == "archive":
            from mentordesk.interchange.archive_export import ArchiveExport

            result = ArchiveExport(services).write(output)
            print(f"Exported everything to {result.path}: {result.summary()}")
            return EXIT_OK
        if args.export_format == "markdown":
            from mentordesk.interchange.markdown_export import MarkdownExport

            written = MarkdownExport(services).write(output, replace=args.force)
            print(
                f"Exported {written.mentors} mentor{'' if written.mentors == 1 else 's'} and "
                f"{written.goals} goal{'' if written.goals == 1 else 's'} as Markdown to "
                f"{written.folder}."
            )
            return EXIT_OK
        if args.export_format == "vcard":
            from mentordesk.cli_meetings import _mentor_ids
            from mentordesk.interchange.vcard_export import VCardExport

            wanted = _mentor_ids(args.mentor, services.mentors.list_all())
            export = VCardExport(services)
            if not export.mentors(wanted):
                say("There are no mentors yet, so no file was written.")
                return EXIT_FAILED
            exported = export.write(output, wanted)
            count = exported.count
            print(f"Exported {count} mentor{'' if count == 1 else 's'} to {exported.path}.")
            return EXIT_OK
    finally:
        services.close()
    raise AssertionError(args.export_format)


def _import(location: DataLocation, args: argparse.Namespace) -> int:
    if args.import_format == "archive":
        return _import_archive(location, args)
    return _import_contacts(location, args)


def _import_contacts(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.interchange.contacts_import import ContactImport
    from mentordesk.services.context import Services

    path = Path(args.file)
    if args.import_format == "vcard":
        from mentordesk.interchange.vcard_read import read_vcard_file

        contacts = read_vcard_file(path)  # a file that cannot be used opens no folder
    else:
        from mentordesk.interchange.linkedin_read import read_linkedin_file

        contacts = read_linkedin_file(path)
    services = Services.open(location, create=not args.dry_run)
    try:
        importer = ContactImport(services)
        plan = importer.plan(contacts)
        if args.dry_run:
            print(f"Would import {plan.path} ({plan.source}): {plan.summary()}")
            _print_contacts(plan, contacts.ignored)
            print("Nothing was written (--dry-run).")
            return EXIT_OK
        result = importer.apply(plan)
    finally:
        services.close()
    print(f"Imported {plan.path} ({plan.source}): {result.plan.summary()}")
    _print_contacts(result.plan, contacts.ignored)
    if result.backup is not None:
        print(f"A backup was taken first: {result.backup}")
    return EXIT_OK


def _print_contacts(plan: ContactPlan, ignored: tuple[str, ...]) -> None:
    from mentordesk.domain.text import terminal_safe
    from mentordesk.interchange.contacts_plan import ContactAction

    for planned in plan.contacts[:_LISTED]:
        what = planned.action.value
        line = f"  line {planned.contact.line:<5} {what:<6}  {planned.name}"
        if planned.action is ContactAction.UPDATE:
            line += f" (matched by {planned.matched_by}): fills " + ", ".join(
                f.replace("_", " ") for f in planned.fills
            )
        elif planned.action is ContactAction.SKIP and planned.reason:
            line += f": {planned.reason}"
        print(terminal_safe(line))
        for conflict in planned.conflicts:
            print(
                terminal_safe(
                    f"      {conflict.field.replace('_', ' ')} left as in MentorDesk: "
                    f"{_short(conflict.in_mentordesk)!r} (the file says "
                    f"{_short(conflict.in_file)!r})"
                )
            )
        for left_out in planned.contact.left_out:
            print(terminal_safe(f"      left out: {left_out}"))
    if len(plan.contacts) > _LISTED:
        print(f"  … and {len(plan.contacts) - _LISTED} more")
    for reason in ignored:
        print(terminal_safe(f"  {reason}: left out"))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def _import_archive(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.interchange.archive_import import ArchiveImport, read_archive
    from mentordesk.services.context import Services

    contents = read_archive(Path(args.file))  # a file that cannot be used opens no folder
    if args.dry_run:
        print(f"{contents.path} can be imported into an empty data folder: {contents.summary()}")
        print("Nothing was written (--dry-run).")
        return EXIT_OK
    services = Services.open(location)
    try:
        result = ArchiveImport(services).apply(contents)
    finally:
        services.close()
    print(f"Imported {result.path} into {location.root}: {contents.summary()}")
    if result.backup is not None:
        print(f"A backup was taken first: {result.backup}")
    return EXIT_OK
