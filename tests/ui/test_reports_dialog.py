"""File > Export PDF… and the views' PDF actions, driving the real dialog over the small
sample data: each report previews its real pages (made off the GUI thread), Save writes
exactly a PDF and leaves no temporary file, Cancel and a declined replacement leave files
as they were, errors are said and nothing changes, and each view opens the dialog on what
it has selected."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.settings import PaperSize
from mentordesk.paths import DataLocation
from mentordesk.reports import ReportKind, ReportRequest
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.reports.choices import last_twelve_months, safe_file_name
from mentordesk.ui.reports.dialog import ExportPdfDialog
from tests.ui.test_accessibility import unnamed_controls

TODAY = date.today()
MADE_MS = 30_000  # a report of the small sample takes well under a second


@pytest.fixture
def sample(services: Services) -> Services:
    load_sample_data(services, SampleSize.SMALL)
    return services


@pytest.fixture
def open_dialog(
    qtbot: QtBot, sample: Services, tmp_path: Path
) -> Iterator[Callable[..., ExportPdfDialog]]:
    made: list[ExportPdfDialog] = []

    def open_it(preset: ReportRequest | None = None) -> ExportPdfDialog:
        dialog = ExportPdfDialog(sample, preset=preset, folder=tmp_path / "out")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    (tmp_path / "out").mkdir()
    yield open_it
    for dialog in made:
        dialog.job.cancel()
        dialog.job.wait()


def _choose(dialog: ExportPdfDialog, kind: ReportKind) -> None:
    combo = dialog.choices.kind_combo
    combo.setCurrentIndex(combo.findData(kind))


def _preview(qtbot: QtBot, dialog: ExportPdfDialog) -> None:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview.page_count > 0, timeout=MADE_MS)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _planned(services: Services) -> int:
    return next(m.id for m in services.meetings.between() if m.status is MeetingStatus.PLANNED)


@pytest.mark.parametrize("kind", list(ReportKind))
def test_each_report_previews_its_real_pages(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog], kind: ReportKind
) -> None:
    dialog = open_dialog()
    _choose(dialog, kind)
    assert dialog.choices.kind() is kind
    choices = dialog.choices
    subject = {
        ReportKind.SUMMARY: choices.mentor_combo,
        ReportKind.GROWTH: choices.mentor_list,
        ReportKind.PREP: choices.meeting_combo,
        ReportKind.AGREEMENT: choices.agreement_combo,
    }
    assert [k for k, w in subject.items() if w.isVisibleTo(dialog)] == [kind]
    ranged = kind in (ReportKind.SUMMARY, ReportKind.GROWTH)
    assert choices.from_field.isVisibleTo(dialog) is choices.to_field.isVisibleTo(dialog) is ranged
    _preview(qtbot, dialog)
    report = dialog.report
    assert report is not None and report.pages > 0
    document = dialog.preview.document
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == report.pages == dialog.preview.page_count
    assert f"{report.pages} page" in dialog.preview.header.text()
    assert dialog.preview.stack.currentWidget() is dialog.preview.pages
    # The pages are the paper chosen (A4 by default here: 595 x 842 points).
    size = document.pagePointSize(0)
    paper = PaperSize(dialog.choices.paper_combo.currentData())
    assert round(size.width()) == (595 if paper is PaperSize.A4 else 612)
    assert dialog.save_button.isDefault()  # Enter now saves what is shown


def test_the_paper_chosen_is_the_paper_of_the_pages(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog]
) -> None:
    dialog = open_dialog()
    paper = dialog.choices.paper_combo
    paper.setCurrentIndex(paper.findData(PaperSize.LETTER))
    _preview(qtbot, dialog)
    size = dialog.preview.document.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (612, 792)


def test_save_writes_the_previewed_pdf_and_no_temporary_file(
    qtbot: QtBot,
    open_dialog: Callable[..., ExportPdfDialog],
    sample: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    amara = next(m for m in sample.mentors.directory() if m.name == "Amara Okafor")
    dialog = open_dialog(ReportRequest(ReportKind.SUMMARY, mentor_ids=(amara.id,)))
    _preview(qtbot, dialog)
    asked: list[str] = []

    def save_as(_parent: object, _title: str, proposed: str, *_args: object, **_kw: object):
        asked.append(proposed)
        return str(tmp_path / "out" / "amara"), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(dialog.saved, timeout=MADE_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "out" / "amara.pdf"  # ".pdf" added to a name typed without it
    assert saved.args[0] == target
    assert asked == [str(tmp_path / "out" / f"Relationship summary - Amara Okafor - {TODAY}.pdf")]
    assert target.read_bytes() == dialog.report.data  # type: ignore[union-attr]
    assert target.read_bytes().startswith(b"%PDF")
    assert _files(tmp_path / "out") == ["amara.pdf"]
    assert dialog.result() == ExportPdfDialog.DialogCode.Accepted


def test_save_without_a_preview_makes_the_report_first(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog], tmp_path: Path
) -> None:
    dialog = open_dialog()
    _choose(dialog, ReportKind.GROWTH)
    target = tmp_path / "out" / "growth.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=MADE_MS):
        dialog.save_to(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert _files(tmp_path / "out") == ["growth.pdf"]


def test_changed_choices_are_made_again_before_saving(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog], tmp_path: Path
) -> None:
    dialog = open_dialog()
    _preview(qtbot, dialog)
    previewed = dialog.report
    paper = dialog.choices.paper_combo
    paper.setCurrentIndex(paper.findData(PaperSize.LETTER))
    assert "changed" in dialog.preview.header.text()
    assert dialog.preview_button.isDefault()
    target = tmp_path / "out" / "letter.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=MADE_MS):
        dialog.save_to(target)
    assert dialog.report is not previewed
    assert target.read_bytes() == dialog.report.data  # type: ignore[union-attr]
    written = QPdfDocument()
    written.load(str(target))
    assert round(written.pagePointSize(0).width()) == 612  # Letter, as chosen last


@pytest.fixture
def held_generation(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, threading.Event]:
    """Make the report engine wait (on its worker thread) until the test lets it go on, so
    Cancel is pressed while the report is really being made."""
    from mentordesk.ui.reports import job

    started, go_on = threading.Event(), threading.Event()
    real = job.generate

    def held(*args: object, **kwargs: object) -> object:
        started.set()
        go_on.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(job, "generate", held)
    return started, go_on


def test_cancel_during_generation_leaves_no_file(
    qtbot: QtBot,
    open_dialog: Callable[..., ExportPdfDialog],
    tmp_path: Path,
    held_generation: tuple[threading.Event, threading.Event],
) -> None:
    started, go_on = held_generation
    dialog = open_dialog()
    target = tmp_path / "out" / "cancelled.pdf"
    dialog.save_to(target)
    qtbot.waitUntil(started.is_set, timeout=MADE_MS)
    assert dialog.generating
    assert dialog.progress_box.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.save_button.isEnabled() and not dialog.choices.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.generating, timeout=MADE_MS)
    assert "Cancelled" in dialog.message.text()
    assert _files(tmp_path / "out") == []
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert not dialog.progress_box.isVisible()


def test_escape_stops_the_report_first_then_closes(
    qtbot: QtBot,
    open_dialog: Callable[..., ExportPdfDialog],
    held_generation: tuple[threading.Event, threading.Event],
) -> None:
    started, go_on = held_generation
    dialog = open_dialog()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=MADE_MS)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    go_on.set()
    qtbot.waitUntil(lambda: not dialog.generating, timeout=MADE_MS)
    assert dialog.isVisible() and dialog.report is None
    assert dialog.preview.page_count == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize("answer", ["decline", "replace"])
def test_an_existing_file_is_replaced_only_when_the_person_says_so(
    qtbot: QtBot,
    open_dialog: Callable[..., ExportPdfDialog],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
) -> None:
    target = tmp_path / "out" / "report.pdf"
    target.write_bytes(b"the old file")
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object):
        asked.append(text)
        if answer == "decline":
            return QMessageBox.StandardButton.Cancel
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog()
    _preview(qtbot, dialog)
    dialog.save_to(target)
    assert len(asked) == 1 and "report.pdf already exists" in asked[0]
    if answer == "decline":
        assert target.read_bytes() == b"the old file"
        assert "kept" in dialog.message.text() and dialog.isVisible()
    else:
        assert target.read_bytes().startswith(b"%PDF")
        assert not dialog.isVisible()
    assert _files(tmp_path / "out") == ["report.pdf"]


def test_a_file_that_cannot_be_written_is_said_and_nothing_changes(
    qtbot: QtBot,
    open_dialog: Callable[..., ExportPdfDialog],
    tmp_path: Path,
    _no_modal_warnings: list[str],
) -> None:
    dialog = open_dialog()
    _preview(qtbot, dialog)
    target = tmp_path / "out" / "no such folder" / "report.pdf"
    dialog.save_to(target)
    assert not target.parent.exists()
    assert len(_no_modal_warnings) == 1 and "could not be written" in _no_modal_warnings[0]
    assert "Nothing was saved" in dialog.message.text()
    assert dialog.isVisible() and dialog.report is not None
    assert _files(tmp_path / "out") == []


def test_a_backwards_range_is_said_and_nothing_is_made(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog]
) -> None:
    dialog = open_dialog()
    _choose(dialog, ReportKind.GROWTH)
    dialog.choices.from_field.set_value(date(2026, 5, 1))
    dialog.choices.to_field.set_value(date(2026, 4, 1))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "after the last" in dialog.message.text()
    assert not dialog.generating and dialog.report is None


def test_a_report_of_something_gone_is_said(
    qtbot: QtBot, open_dialog: Callable[..., ExportPdfDialog], sample: Services
) -> None:
    """The mentor is deleted while the dialog is open: NotFoundError, said in the dialog."""
    dialog = open_dialog()
    mentor = dialog.choices.mentor_combo.currentData()
    sample.mentors.delete(mentor)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.generating, timeout=MADE_MS)
    assert dialog.message.text() and dialog.report is None
    assert dialog.preview.page_count == 0


def test_defaults_growth_range_and_presets(
    open_dialog: Callable[..., ExportPdfDialog], sample: Services
) -> None:
    dialog = open_dialog()
    assert dialog.choices.kind() is ReportKind.SUMMARY
    assert dialog.choices.from_field.value() is None  # a summary covers all time
    _choose(dialog, ReportKind.GROWTH)
    assert (dialog.choices.from_field.value(), dialog.choices.to_field.value()) == (
        last_twelve_months(TODAY)
    )
    meeting = _planned(sample)
    prep = open_dialog(ReportRequest(ReportKind.PREP, meeting_id=meeting))
    assert prep.chosen_request() == ReportRequest(
        ReportKind.PREP, meeting_id=meeting, paper=PaperSize(prep.choices.paper_combo.currentData())
    )
    assert not prep.choices.mentor_combo.isVisibleTo(prep)
    assert prep.choices.meeting_combo.isVisibleTo(prep)
    agreement = sample.agreements.list_all()[-1]
    shown = open_dialog(ReportRequest(ReportKind.AGREEMENT, agreement_id=agreement.id))
    assert shown.choices.agreement_combo.currentData() == agreement.id
    assert shown.default_path().name.endswith(f"{TODAY}.pdf")


def test_the_dialog_names_every_control(open_dialog: Callable[..., ExportPdfDialog]) -> None:
    dialog = open_dialog()
    problems = []
    for kind in ReportKind:
        _choose(dialog, kind)
        problems += unnamed_controls(dialog, dialog)
    assert not problems, problems


def test_file_names_are_safe() -> None:
    cleaned = safe_file_name('Prep - a/b: "c" <d>? - 2026-12-02')
    assert cleaned == "Prep - a-b- -c- -d-- - 2026-12-02"
    assert safe_file_name("...") == "report"


# --- from the main window --------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, location: DataLocation, sample: Services) -> Iterator[MainWindow]:
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(sample)
    yield shown
    for dialog in shown.findChildren(ExportPdfDialog):
        dialog.close_dialog()
    shown.close()


def _opened(window: MainWindow) -> ExportPdfDialog:
    dialogs = [d for d in window.findChildren(ExportPdfDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_file_menu_has_export_pdf(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export &PDF…") == texts.index("&Export") + 1
    action = window.reports.action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+P"
    window.page_view("home")
    action.trigger()
    assert _opened(window).choices.kind() is ReportKind.SUMMARY


def test_the_mentors_view_opens_the_summary_of_the_selected_mentor(
    window: MainWindow, sample: Services
) -> None:
    view = window.mentors_view
    window.page_view("mentors")
    assert not view.pdf_action.isEnabled()  # no mentor selected yet
    view.table.selectRow(1)
    mentor = view.selected_record()
    assert mentor is not None and view.pdf_action.isEnabled()
    assert view.pdf_action in window.view_menu.actions()
    view.pdf_action.trigger()
    dialog = _opened(window)
    assert dialog.choices.kind() is ReportKind.SUMMARY
    assert dialog.chosen_request().mentor_ids == (mentor.id,)  # type: ignore[union-attr]
    assert dialog.default_path().name == f"Relationship summary - {mentor.name} - {TODAY}.pdf"


def test_file_export_pdf_follows_the_agreements_selection(window: MainWindow) -> None:
    view = window.page_view("agreements")
    view.table.selectRow(0)  # type: ignore[attr-defined]
    agreement = view.selected_record()  # type: ignore[attr-defined]
    assert view.pdf_action.isEnabled()  # type: ignore[attr-defined]
    assert "Agreement &PDF…" in [a.text() for a in window.view_menu.actions()]
    window.reports.action.trigger()  # File > Export PDF…, with the agreement selected
    dialog = _opened(window)
    assert dialog.choices.kind() is ReportKind.AGREEMENT
    assert dialog.chosen_request().agreement_id == agreement.id  # type: ignore[union-attr]


def test_the_calendar_opens_the_preparation_sheet_of_the_meeting_shown(
    qtbot: QtBot, window: MainWindow, sample: Services
) -> None:
    view = window.page_view("calendar")
    assert not view.pdf_action.isEnabled()  # type: ignore[attr-defined]
    meeting = _planned(sample)
    view.focus_record(meeting)
    assert view.pdf_action.isEnabled()  # type: ignore[attr-defined]
    assert "P&reparation Sheet PDF…" in [a.text() for a in window.view_menu.actions()]
    view.pdf_action.trigger()  # type: ignore[attr-defined]
    dialog = _opened(window)
    assert dialog.choices.kind() is ReportKind.PREP
    assert dialog.chosen_request().meeting_id == meeting  # type: ignore[union-attr]
    _preview(qtbot, dialog)
    assert dialog.report is not None and dialog.report.pages == 1


def test_the_timeline_opens_a_growth_review_of_its_years(
    window: MainWindow, sample: Services
) -> None:
    view = window.page_view("timeline")
    first, last = min(sample.timeline.years()), max(sample.timeline.years())
    view.set_range(first, last)  # type: ignore[attr-defined]
    assert view.pdf_action.isEnabled()  # type: ignore[attr-defined]
    assert view.pdf_action in view.toolbar_actions()
    view.pdf_action.trigger()  # type: ignore[attr-defined]
    dialog = _opened(window)
    request = dialog.chosen_request()
    assert request is not None and request.kind is ReportKind.GROWTH
    assert (request.start, request.end) == (date(first, 1, 1), date(last, 12, 31))
    assert request.mentor_ids == ()


def test_saving_from_the_window_says_where_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.reports.action.trigger()
    dialog = _opened(window)
    target = tmp_path / "from-window.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=MADE_MS):
        dialog.save_to(target)
    assert str(target) in window.statusBar().currentMessage()
    assert window.reports.folder == tmp_path  # the next dialog proposes the same folder
    window.reports.action.trigger()
    assert _opened(window).default_path().parent == tmp_path
