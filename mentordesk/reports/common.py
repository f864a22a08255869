"""What a report is asked for (``ReportRequest``), what comes back (``Report``), and the
small helpers every report shares: words for stored choices, days, the paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLocale

from mentordesk.domain.settings import PaperSize, PersonalSettings
from mentordesk.domain.validation import DomainError


class ReportKind(StrEnum):
    SUMMARY = "summary"  # one mentor: the relationship
    GROWTH = "growth"  # a range: goals, skills, meetings
    PREP = "prep"  # one planned meeting: the preparation sheet
    AGREEMENT = "agreement"  # one agreement, to send to the mentor


REPORT_NAMES = {
    ReportKind.SUMMARY: "Relationship summary",
    ReportKind.GROWTH: "Growth review",
    ReportKind.PREP: "Meeting preparation sheet",
    ReportKind.AGREEMENT: "Mentoring agreement",
}


class ReportError(DomainError):
    """The report cannot be made as asked (no such mentor, a range that is backwards...)."""


@dataclass(frozen=True)
class ReportRequest:
    kind: ReportKind
    mentor_ids: tuple[int, ...] = ()  # summary: one; growth: some (none: all)
    start: date | None = None  # first day, inclusive
    end: date | None = None  # last day, inclusive
    meeting_id: int | None = None
    agreement_id: int | None = None
    paper: PaperSize | None = None  # None: the person's setting (or the locale's usual)

    def checked(self) -> ReportRequest:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ReportError("The range ends before it starts; nothing can fall between.")
        if self.kind is ReportKind.SUMMARY and len(self.mentor_ids) != 1:
            raise ReportError("A relationship summary is about one mentor: choose one.")
        if self.kind is ReportKind.PREP and self.meeting_id is None:
            raise ReportError("A preparation sheet is for one meeting: choose one.")
        if self.kind is ReportKind.AGREEMENT and self.agreement_id is None:
            raise ReportError("Choose the agreement to print.")
        return self


@dataclass(frozen=True)
class Report:
    """A finished PDF in memory."""

    data: bytes
    pages: int
    title: str
    # Nothing at all was recorded in the range (the document says so, too).
    is_empty: bool


def tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


def label(value: StrEnum | None, empty: str = "") -> str:
    """The words for a stored choice: ``in_person`` reads "In person"."""
    if value is None:
        return empty
    return tr(value.value.replace("_", " ").capitalize())


def day(value: date | None, empty: str = "") -> str:
    """Days are written the ISO way (2024-03-05): read the same in every country."""
    return value.isoformat() if value is not None else empty


def day_range(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return tr("All time")
    if start is None:
        return tr("Up to {end}").format(end=day(end))
    if end is None:
        return tr("From {start}").format(start=day(start))
    return tr("{start} to {end}").format(start=day(start), end=day(end))


def local_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """The aware instants a range of local days covers (end exclusive: the next midnight)."""
    zone = datetime.now().astimezone().tzinfo or UTC
    low = datetime.combine(start, time(), zone) if start else None
    high = datetime.combine(end + timedelta(days=1), time(), zone) if end else None
    return low, high


def in_range(value: date | None, start: date | None, end: date | None) -> bool:
    if value is None:
        return False
    return (start is None or value >= start) and (end is None or value <= end)


def system_country() -> str:
    """The system's country as a two-letter code ("US", "DE"), or "" when unknown."""
    name = QLocale.system().name()  # "en_US"
    return name.split("_")[1] if "_" in name else ""


def paper_for(settings: PersonalSettings, asked: PaperSize | None) -> PaperSize:
    if asked is not None and asked is not PaperSize.LOCALE:
        return asked
    return settings.paper_for(system_country())
