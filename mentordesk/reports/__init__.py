"""PDF summaries (relationship summary, growth review, preparation sheet, agreement) made
with Qt's PDF writer and painter. Opens no window and reads data only through services."""

from mentordesk.files import write_atomically
from mentordesk.reports.common import (
    REPORT_NAMES,
    Report,
    ReportError,
    ReportKind,
    ReportRequest,
    paper_for,
)
from mentordesk.reports.document import ReportCancelled
from mentordesk.reports.generate import generate

__all__ = [
    "REPORT_NAMES",
    "Report",
    "ReportCancelled",
    "ReportError",
    "ReportKind",
    "ReportRequest",
    "generate",
    "paper_for",
    "write_atomically",
]
