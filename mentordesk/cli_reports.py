"""``mentordesk export pdf``: the PDF summaries on the command line, with no display at all.

Kept light at import time (``--help`` imports this module): Qt is imported when a report is
made, on its offscreen platform unless one is configured.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentordesk.paths import DataLocation
    from mentordesk.reports.common import ReportRequest
    from mentordesk.services.context import Services

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
REPORTS = ("summary", "growth", "prep", "agreement")


def add_report_commands(formats: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``pdf`` to the formats of ``export`` (which ``cli_calendar`` adds with ``ics``)."""
    pdf = formats.add_parser(
        "pdf",
        help="a PDF summary: of a relationship, a growth review, a preparation sheet or an "
        "agreement",
        description="Write a PDF report. summary: one mentor (--mentor, optionally --from "
        "and --to); growth: a range (--from, --to, optionally --mentor, repeated); prep: one "
        "meeting (--meeting ID); agreement: a mentor's agreement (--mentor). Needs no display.",
    )
    pdf.add_argument("--report", required=True, choices=REPORTS, help="which report")
    pdf.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    pdf.add_argument(
        "--mentor",
        metavar="NAME",
        action="append",
        default=[],
        help="the mentor (name or a unique part of it); growth: may be repeated",
    )
    pdf.add_argument("--from", dest="from_day", metavar="DATE", help="first day (YYYY-MM-DD)")
    pdf.add_argument("--to", dest="to_day", metavar="DATE", help="last day (YYYY-MM-DD)")
    pdf.add_argument("--meeting", type=int, metavar="ID", help="prep: the meeting's number")
    pdf.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="paper size (default: your preference, else the one usual where you live)",
    )
    pdf.add_argument("--force", action="store_true", help="replace FILE if it exists")


def is_pdf_export(args: argparse.Namespace) -> bool:
    return args.command == "export" and getattr(args, "export_format", None) == "pdf"


def run_report_command(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli import say
    from mentordesk.cli_meetings import CommandError
    from mentordesk.domain.validation import DomainError

    try:
        return _export(location, args)
    except CommandError as exc:
        say(str(exc))
        return EXIT_USAGE
    except DomainError as exc:  # no such meeting, a backwards range...: the message says
        say(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("Interrupted. No file was written.")
        return 130


def _request(services: Services, args: argparse.Namespace) -> ReportRequest:
    from mentordesk.cli_calendar import _days
    from mentordesk.cli_meetings import CommandError, _mentor_ids
    from mentordesk.domain.settings import PaperSize
    from mentordesk.reports.common import ReportKind, ReportRequest

    start, end = _days(args)
    kind = ReportKind(args.report)
    paper = PaperSize(args.paper) if args.paper else None
    mentors = _mentor_ids(args.mentor, services.mentors.list_all()) if args.mentor else ()
    if kind in (ReportKind.SUMMARY, ReportKind.AGREEMENT) and len(mentors) != 1:
        raise CommandError(f"--report {kind.value} needs one --mentor NAME.")
    if kind is ReportKind.PREP:
        if args.meeting is None:
            raise CommandError("--report prep needs --meeting ID (see: mentordesk meetings list).")
        return ReportRequest(kind, meeting_id=args.meeting, paper=paper)
    if kind is ReportKind.AGREEMENT:
        agreement = services.agreements.active_for_mentor(mentors[0])
        if agreement is None:
            every = services.agreements.for_mentor(mentors[0])
            if not every:
                name = services.mentors.get(mentors[0]).name
                raise CommandError(f"There is no agreement with {name}.")
            agreement = max(every, key=lambda a: a.id)
        return ReportRequest(kind, agreement_id=agreement.id, paper=paper)
    if kind is ReportKind.GROWTH and (start is None or end is None):
        raise CommandError("--report growth needs --from DATE and --to DATE.")
    return ReportRequest(kind, mentor_ids=mentors, start=start, end=end, paper=paper)


def _export(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.cli import say
    from mentordesk.cli_meetings import CommandError
    from mentordesk.services.context import Services

    output = Path(args.output)
    if output.exists() and not args.force:
        raise CommandError(f"{output} exists; give --force to replace it.")
    if not output.parent.is_dir():
        raise CommandError(f"The folder {output.parent} does not exist.")
    ensure_qt()
    from mentordesk.reports import generate, write_atomically

    services = Services.open(location, create=False)  # reads only
    try:
        request = _request(services, args)
        report = generate(services, request)
    finally:
        services.close()
    if report.is_empty and (request.start or request.end):
        say(
            "Nothing was recorded in that range (no meetings, action items or changes), so "
            "no file was written. Try a wider --from / --to."
        )
        return EXIT_FAILED
    write_atomically(output, report.data)
    print(
        f"Wrote {report.title} ({report.pages} page{'s' if report.pages != 1 else ''}) to {output}."
    )
    return EXIT_OK


def ensure_qt() -> None:
    """A Qt application to lay text out with; offscreen unless a platform is configured,
    so the command works over SSH, in cron and in containers."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        ensure_qt.app = QGuiApplication(["mentordesk"])  # type: ignore[attr-defined]
