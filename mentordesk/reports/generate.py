"""Make a report from a request: read through the services, lay out, paint, hand back the
PDF's bytes. Runs on any thread (the GUI's dialog runs it on a worker)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from mentordesk.reports.common import (
    REPORT_NAMES,
    Report,
    ReportKind,
    ReportRequest,
    paper_for,
    tr,
)
from mentordesk.reports.document import Cancelled, Progress, ReportCancelled, ReportDocument

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)


def report_title(services: Services, request: ReportRequest) -> str:
    name = tr(REPORT_NAMES[request.kind])
    if request.kind is ReportKind.SUMMARY:
        return f"{name}: {services.mentors.get(request.mentor_ids[0]).name}"
    if request.kind is ReportKind.PREP and request.meeting_id is not None:
        return f"{name}: {services.meetings.get(request.meeting_id).title}"
    if request.kind is ReportKind.AGREEMENT and request.agreement_id is not None:
        return f"{name}: {services.agreements.get(request.agreement_id).fields.title}"
    return name


def generate(
    services: Services,
    request: ReportRequest,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Report:
    """The report ``request`` asks for. ReportError (or NotFoundError) when it cannot be
    made; ReportCancelled when ``cancelled()`` turned true."""
    from mentordesk.reports.agreement import build_agreement
    from mentordesk.reports.growth import build_growth
    from mentordesk.reports.prep import build_prep
    from mentordesk.reports.summary import build_summary

    began = time.perf_counter()
    request = request.checked()
    settings = services.settings.read()
    title = report_title(services, request)
    doc = ReportDocument(
        tr(REPORT_NAMES[request.kind]),
        title,
        paper=paper_for(settings, request.paper),
        author=settings.your_name,
    )
    builders = {
        ReportKind.SUMMARY: build_summary,
        ReportKind.GROWTH: build_growth,
        ReportKind.PREP: build_prep,
        ReportKind.AGREEMENT: build_agreement,
    }
    if cancelled is not None and cancelled():
        raise ReportCancelled
    empty = builders[request.kind](services, request, doc)
    if cancelled is not None and cancelled():
        raise ReportCancelled
    data = doc.render(progress, cancelled)
    pages = doc.page_count
    log.info(
        "%s report: %d pages in %.0f ms",
        request.kind.value,
        pages,
        (time.perf_counter() - began) * 1000,
    )
    return Report(data, pages, title, empty)
