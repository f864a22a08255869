"""Each report made from known data, read back as text: the facts it must hold, user text
printed literally, Unicode, page size, metadata; the edge cases give sensible documents."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from mentordesk import __version__
from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.settings import PaperSize
from mentordesk.reports import ReportError, ReportKind, ReportRequest, generate
from mentordesk.reports.document import ReportCancelled
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from tests.reports.helpers import ARABIC, CHINESE, MARKUP, load_known, pdf_pages, squashed

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

A4 = (595.0, 842.0)
LETTER = (612.0, 792.0)


def _close(size: tuple[float, float], wanted: tuple[float, float]) -> bool:
    return abs(size[0] - wanted[0]) < 1.5 and abs(size[1] - wanted[1]) < 1.5


def _all_text(data: bytes) -> str:
    texts, _ = pdf_pages(data)
    return squashed("".join(texts))


def test_relationship_summary_holds_the_facts(services: Services) -> None:
    known = load_known(services)
    report = generate(
        services, ReportRequest(ReportKind.SUMMARY, (known.mentor_id,), paper=PaperSize.A4)
    )
    texts, sizes = pdf_pages(report.data)
    assert report.pages == len(texts) >= 2
    assert all(_close(size, A4) for size in sizes)
    text = squashed("".join(texts))
    for fact in (
        "Relationshipsummary:ZoëДмитриева",
        "ÜnïcodeLabs",
        "zoe@example.org",
        "Ouryeartogether",
        "Every1month",
        "2023-02-1410:00",
        "Inperson",
        "Questioninmonth2",
        "Advice:Slowdown",
        CHINESE,
        squashed(MARKUP),  # printed as typed, never taken for markup
        "Rehearsethetalktwice",
        "Done2023-03-01",
        "2023-03-05",  # reported back
        "Open",
        "3held",
        "4.0daysonaverage(1reported)",
        "50%",
        "Speakataconference",
        "Publicspeaking",
        "Thank-youcardafterthetalk",
    ):
        assert fact in text, fact
    # Page X of Y on every page, the running header on every page.
    for number, page in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in page
        assert "Relationship summary" in page
    assert not report.is_empty


def test_summary_range_keeps_only_what_falls_inside(services: Services) -> None:
    known = load_known(services)
    request = ReportRequest(
        ReportKind.SUMMARY, (known.mentor_id,), start=date(2023, 5, 1), end=date(2023, 7, 31)
    )
    text = _all_text(generate(services, request).data)
    assert "2023-06-1410:00" in text
    assert "2023-02-14" not in text
    assert "Range:2023-05-01to2023-07-31" in text
    assert "1held" in text


def test_metadata_names_the_report_author_and_creator(services: Services) -> None:
    known = load_known(services)
    data = generate(services, ReportRequest(ReportKind.SUMMARY, (known.mentor_id,))).data
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    field = QPdfDocument.MetaDataField
    assert document.metaData(field.Title) == "Relationship summary: Zoë Дмитриева"
    assert document.metaData(field.Author) == "Robin Écrivain"
    assert document.metaData(field.Creator) == f"MentorDesk {__version__}"
    document.close()


def test_a_mentor_with_no_meetings_gets_a_sensible_summary(services: Services) -> None:
    known = load_known(services)
    report = generate(services, ReportRequest(ReportKind.SUMMARY, (known.quiet_id,)))
    text = _all_text(report.data)
    assert "QuietQuentin" in text
    assert "Nomeetingsinthisrange." in text
    assert "Noagreementwiththismentor." in text
    assert report.pages == 1
    assert report.is_empty


def test_an_empty_range_gives_a_sensible_growth_review(services: Services) -> None:
    load_known(services)
    request = ReportRequest(ReportKind.GROWTH, start=date(2030, 1, 1), end=date(2030, 12, 31))
    report = generate(services, request)
    text = _all_text(report.data)
    assert "Nomeetingswereheldinthisrange." in text
    assert "Range:2030-01-01to2030-12-31" in text
    assert report.is_empty


def test_growth_review_holds_goals_skills_meetings_and_highlights(services: Services) -> None:
    load_known(services)
    request = ReportRequest(
        ReportKind.GROWTH, start=date(2023, 2, 1), end=date(2023, 12, 31), paper=PaperSize.LETTER
    )
    report = generate(services, request)
    texts, sizes = pdf_pages(report.data)
    assert all(_close(size, LETTER) for size in sizes)
    text = squashed("".join(texts))
    for fact in (
        "Speakataconference(advance,achieved2023-10-01)",
        "Submitatalk",
        "PublicspeakingInfluence24+2",  # skill, category, start, end, change
        "Meetingspermentorpermonth",
        "ZoëДмитриева",
        "Rehearsethetalktwice",
        CHINESE,
        squashed(MARKUP),
        "Relationshipsstartedandconcluded",
    ):
        assert fact in text, fact
    assert not report.is_empty


def test_preparation_sheet_is_one_page_with_everything_to_bring(services: Services) -> None:
    known = load_known(services)
    report = generate(services, ReportRequest(ReportKind.PREP, meeting_id=known.planned_id))
    assert report.pages == 1
    text = _all_text(report.data)
    for fact in (
        "Nexttalk",
        "2024-01-2015:30",
        "CaféÜmlaut,room3",
        "1.Howdidtheconferencego?",
        "2." + squashed(MARKUP),
        "Writetheabstract",
        "Open,due2023-07-01",
        "Practiseoutloud",  # the last meeting's takeaway
        squashed(f"Learn to tell stories {ARABIC}")[:18],
    ):
        assert fact in text, fact


def test_agreement_document_has_date_revision_and_everything_agreed(services: Services) -> None:
    known = load_known(services)
    report = generate(
        services, ReportRequest(ReportKind.AGREEMENT, agreement_id=known.agreement_id)
    )
    text = _all_text(report.data)
    for fact in (
        "Mentoringagreement:Ouryeartogether",
        "BetweenRobinÉcrivainandZoëДмитриева",
        "Agreedon2023-01-10",
        "Revision1of",
        "Every1month",
        "Sendanagendaadayahead",
        "Whatwesaystaysbetweenus.",
    ):
        assert fact in text, fact


def test_arabic_text_is_extractable(services: Services) -> None:
    known = load_known(services)
    report = generate(
        services, ReportRequest(ReportKind.AGREEMENT, agreement_id=known.agreement_id)
    )
    text = _all_text(report.data)
    # QtPdf gives right-to-left words in visual order: check each word.
    for word in ARABIC.split():
        assert word in text, word


def test_backwards_range_and_missing_choices_are_refused(services: Services) -> None:
    known = load_known(services)
    with pytest.raises(ReportError):
        generate(
            services,
            ReportRequest(ReportKind.GROWTH, start=date(2024, 1, 1), end=date(2023, 1, 1)),
        )
    with pytest.raises(ReportError):
        generate(services, ReportRequest(ReportKind.SUMMARY))
    with pytest.raises(ReportError):
        generate(services, ReportRequest(ReportKind.PREP))
    assert known.mentor_id


def test_cancel_stops_the_report(services: Services) -> None:
    known = load_known(services)
    with pytest.raises(ReportCancelled):
        generate(
            services, ReportRequest(ReportKind.SUMMARY, (known.mentor_id,)), None, lambda: True
        )


def test_every_page_with_meeting_rows_repeats_the_table_header(services: Services) -> None:
    import re

    known = load_known(services)
    for week in range(60):
        services.meetings.create(
            MeetingFields(
                title=f"Weekly {week}",
                start=datetime(2022, 1, 3, 9, 0) + timedelta(weeks=week),
                mentor_ids=(known.mentor_id,),
                status=MeetingStatus.HELD,
                takeaway=f"Takeaway of week {week}, " + "with some words " * 8,
            )
        )
    report = generate(services, ReportRequest(ReportKind.SUMMARY, (known.mentor_id,)))
    texts, _ = pdf_pages(report.data)
    meeting_time = re.compile(r"\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}")
    with_rows = [t for t in texts if meeting_time.search(t)]
    assert len(with_rows) >= 2  # the table runs over pages
    for page in with_rows:
        assert "Key takeaway and advice" in page


@pytest.mark.slow
def test_ten_years_give_a_document(services: Services) -> None:
    load_sample_data(services, SampleSize.DECADE)
    request = ReportRequest(ReportKind.GROWTH, start=date(2017, 1, 1), end=date(2026, 12, 31))
    report = generate(services, request)
    assert report.pages > 50
    texts, _ = pdf_pages(report.data)
    assert texts[-1].count(f"Page {report.pages} of {report.pages}") == 1
