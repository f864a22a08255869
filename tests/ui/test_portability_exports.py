"""File > Export > Contacts…, Everything… and Notes as Markdown… from the real main window:
each entry opens its dialog, Export… writes what was chosen where it was chosen (a zip or a
JSON archive that parses back, a folder of Markdown, a .vcf an address book reads), Cancel
while it is written leaves nothing behind, and a place that cannot be written says so and
leaves the dialog open to choose another."""

from __future__ import annotations

import json
import stat
import threading
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from mentordesk.domain.goal import GoalFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange.archive_export import ArchiveExport
from mentordesk.interchange.contacts_plan import ContactAction
from mentordesk.interchange.errors import ExportCancelled
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.ui.common.export_dialog import FileExportDialog
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.portability.export_dialogs import (
    NOTES_FOLDER,
    ArchiveExportDialog,
    ContactsExportDialog,
    MarkdownExportDialog,
    notes_folder,
)
from tests.ui.menu_helpers import file_menu_action


@pytest.fixture
def mentors(services: Services) -> dict[str, int]:
    made = {
        "amara": MentorFields(name="Amara Okafor", email="amara@example.org", title="CTO"),
        "jose": MentorFields(name="José Álvarez", organization="Acme & Sons"),
        "zoe": MentorFields(name="Zoë Ødegaard", phone="+47 22 00 00 00"),
    }
    ids = {key: services.mentors.create(fields).id for key, fields in made.items()}
    services.goals.create(GoalFields(title="Lead a team of five"))
    return ids


@pytest.fixture
def window(
    qtbot: QtBot, location: DataLocation, services: Services, mentors: dict[str, int]
) -> Iterator[MainWindow]:
    shown = MainWindow(location)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.attach_services(services)
    yield shown
    for dialog in shown.findChildren(QDialog):
        dialog.reject()
    shown.close()


def _open(window: MainWindow, entry: str, kind: type[FileExportDialog]) -> Any:
    action = file_menu_action(window, "&Export", entry)
    assert action.isEnabled()
    action.trigger()
    (dialog,) = [d for d in window.findChildren(kind) if d.isVisible()]  # not the last one
    return dialog


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The save dialog answers ``path``; returns the names it was offered."""
    offered: list[str] = []

    def answer(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return offered


def _click_export(qtbot: QtBot, dialog: FileExportDialog) -> Any:
    """Export… pressed; what was written (the dialog closes and goes)."""
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as written:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return written.args[0]


def test_the_export_menu_has_contacts_everything_and_markdown(window: MainWindow) -> None:
    entries = ("C&ontacts…", "&Everything…", "Notes as &Markdown…", "&Calendar…")
    for entry in entries:
        assert file_menu_action(window, "&Export", entry).isEnabled()


def test_everything_is_a_zip_holding_the_json_archive(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered = _save_as(monkeypatch, tmp_path / "my copy")  # no suffix typed
    dialog = _open(window, "&Everything…", ArchiveExportDialog)
    _click_export(qtbot, dialog)
    path = tmp_path / "my copy.zip"
    assert Path(offered[0]).name.startswith("MentorDesk archive ")
    assert Path(offered[0]).suffix == ".zip"
    with zipfile.ZipFile(path) as archive:
        (member,) = archive.namelist()
        document = json.loads(archive.read(member))
    names = {m["name"] for m in document["mentors"]}
    assert names == {"Amara Okafor", "José Álvarez", "Zoë Ødegaard"}
    assert [g["title"] for g in document["goals"]] == ["Lead a team of five"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the same private notes
    assert "Exported everything to" in window.statusBar().currentMessage()


def test_everything_as_plain_json(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _save_as(monkeypatch, tmp_path / "everything")
    dialog = _open(window, "&Everything…", ArchiveExportDialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(".json"))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter is Export…
    document = json.loads((tmp_path / "everything.json").read_text(encoding="utf-8"))
    assert len(document["mentors"]) == 3


def test_cancel_while_everything_is_written_leaves_no_file(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reading, release = threading.Event(), threading.Event()
    real_document = ArchiveExport.document

    def slow_document(self: ArchiveExport, cancelled: Any = None) -> dict[str, Any]:
        reading.set()
        release.wait(10)  # a large archive being read
        return real_document(self, cancelled)

    monkeypatch.setattr(ArchiveExport, "document", slow_document)
    out = tmp_path / "out"
    out.mkdir()
    dialog = ArchiveExportDialog(services, folder=out)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.export_to(out / "cancelled.zip")
    assert dialog.job.running and not dialog.export_button.isEnabled()
    assert reading.wait(10)
    threading.Timer(0.2, release.set).start()
    dialog.reject()  # Cancel, while the data is read
    qtbot.waitUntil(lambda: "cancelled" in dialog.message.text(), timeout=10_000)
    assert not dialog.isVisible()
    assert list(out.iterdir()) == []  # no file, no temporary file


def test_a_place_that_cannot_be_written_says_so_and_stays_open(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog = ArchiveExportDialog(services, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.export_to(tmp_path / "no such folder" / "archive.zip")
    qtbot.waitUntil(lambda: not dialog.job.running and dialog.export_button.isEnabled())
    assert "cannot be written" in dialog.message.text()
    assert "Nothing was written" in dialog.message.text()
    assert dialog.isVisible() and dialog.result is None
    assert dialog.progress.isHidden()


def test_markdown_goes_into_an_empty_folder_or_a_new_one_inside(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "Notes"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(chosen))
    dialog = _open(window, "Notes as &Markdown…", MarkdownExportDialog)
    _click_export(qtbot, dialog)
    assert (chosen / "index.md").is_file()  # the empty folder chosen is filled
    mentor_files = sorted(p.name for p in (chosen / "mentors").iterdir())
    assert mentor_files == ["Amara Okafor.md", "José Álvarez.md", "Zoë Ødegaard.md"]
    assert "Exported 3 mentors and 1 goals as Markdown" in window.statusBar().currentMessage()

    again = _open(window, "Notes as &Markdown…", MarkdownExportDialog)
    _click_export(qtbot, again)  # not empty now: a new folder inside, the first left as it was
    assert (chosen / NOTES_FOLDER / "index.md").is_file()
    assert (chosen / "index.md").is_file()


def test_the_notes_folder_is_never_one_already_there(tmp_path: Path) -> None:
    assert notes_folder(tmp_path / "new") == tmp_path / "new"
    assert notes_folder(tmp_path) == tmp_path  # empty
    (tmp_path / "something.txt").write_text("mine")
    assert notes_folder(tmp_path) == tmp_path / NOTES_FOLDER
    (tmp_path / NOTES_FOLDER).mkdir()
    (tmp_path / f"{NOTES_FOLDER} 2").mkdir()
    assert notes_folder(tmp_path) == tmp_path / f"{NOTES_FOLDER} 3"


def test_cancel_while_markdown_is_written_leaves_nothing(
    qtbot: QtBot, services: Services, mentors: dict[str, int], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = MarkdownExportDialog(services, folder=out)
    qtbot.addWidget(dialog)
    work = dialog.work_for(out / "notes")
    assert work is not None
    with pytest.raises(ExportCancelled):  # Cancel seen once the files are written
        work(lambda _done, _total: None, lambda: True)
    assert list(out.iterdir()) == []  # not the folder, not the staging folder


def test_contacts_of_the_selected_mentor_or_all(
    qtbot: QtBot,
    window: MainWindow,
    mentors: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    window.page_view("mentors")
    window.mentors_view.focus_record(mentors["jose"])
    offered = _save_as(monkeypatch, tmp_path / "jose")
    dialog = _open(window, "C&ontacts…", ContactsExportDialog)
    assert dialog.one_mentor.isChecked()
    assert dialog.one_mentor.text() == "&Only José Álvarez"
    _click_export(qtbot, dialog)
    assert Path(offered[0]).name == "José Álvarez.vcf"
    (card,) = vobject.readComponents((tmp_path / "jose.vcf").read_text(encoding="utf-8"))
    assert card.fn.value == "José Álvarez"
    assert window.statusBar().currentMessage().startswith("Exported 1 contact to")

    _save_as(monkeypatch, tmp_path / "everyone.vcf")
    everyone = _open(window, "C&ontacts…", ContactsExportDialog)
    everyone.all_mentors.setChecked(True)
    _click_export(qtbot, everyone)
    text = (tmp_path / "everyone.vcf").read_text(encoding="utf-8")
    assert sorted(c.fn.value for c in vobject.readComponents(text)) == [
        "Amara Okafor",
        "José Álvarez",
        "Zoë Ødegaard",
    ]


def test_contacts_with_no_mentor_selected_are_all_of_them(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = ContactsExportDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.all_mentors.isChecked()
    assert not dialog.one_mentor.isEnabled()
    assert dialog.all_mentors.text() == "&All mentors (3), archived ones too"
    assert dialog.wanted() is None


def test_contacts_with_no_mentors_say_there_is_nothing(qtbot: QtBot, services: Services) -> None:
    dialog = ContactsExportDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert "no mentors yet" in dialog.message.text()


def test_import_contacts_from_the_file_menu_adds_the_mentors_and_says_so(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from mentordesk.ui.portability.contacts_dialog import ContactImportDialog

    path = Path(__file__).resolve().parents[1] / "interchange" / "data" / "contacts" / "google.vcf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    before = services.mentors.count()
    window.undo_stack.push(QUndoCommand("an edit before the import"))
    action = file_menu_action(window, "&Import", "C&ontacts…")
    assert action.isEnabled()
    action.trigger()
    (dialog,) = [d for d in window.findChildren(ContactImportDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: not dialog.job.running and dialog.import_button.isEnabled())
    plan = dialog.model.plan()
    assert plan is not None
    new = plan.count(ContactAction.NEW)
    assert new > 0
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.mentors.count() == before + new
    assert window.statusBar().currentMessage().startswith("Imported google.vcf:")
    assert window.undo_stack.count() == 0  # undone by the backup taken before it
    window.page_view("mentors")
    assert window.mentors_view.model.rowCount() == before + new  # the view was told


def test_cancel_stops_every_export_before_its_file_is_written(
    qtbot: QtBot, services: Services, mentors: dict[str, int], tmp_path: Path
) -> None:
    """Each export's work asks, just before it puts its file in place, whether Cancel was
    pressed; pressed, it raises and writes nothing."""
    from mentordesk.ui.calendar_files.export_dialog import ExportDialog

    out = tmp_path / "out"
    out.mkdir()
    services.meetings.create(
        MeetingFields(
            title="Coffee",
            start=datetime(2026, 5, 4, 9, 0),
            minutes=30,
            time_zone="UTC",
            mentor_ids=(mentors["amara"],),
        )
    )
    dialogs: list[FileExportDialog] = [
        ExportDialog(services, folder=out),
        ContactsExportDialog(services, folder=out),
        ArchiveExportDialog(services, folder=out),
        MarkdownExportDialog(services, folder=out),
    ]
    for dialog, name in zip(dialogs, ("a.ics", "a.vcf", "a.zip", "notes"), strict=True):
        qtbot.addWidget(dialog)
        work = dialog.work_for(out / name)
        assert work is not None
        with pytest.raises(ExportCancelled):
            work(lambda _done, _total: None, lambda: True)
    assert list(out.iterdir()) == []


def test_closing_while_a_slow_export_runs_leaves_it_to_end_unreported(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Cancel the work cannot see in time (here it never looks) must not keep the window
    waiting, nor delete the running thread with the dialog (Qt would abort): the work is
    left to end on its own and nothing it does is reported."""
    import time

    from mentordesk.ui.common import export_dialog, job

    monkeypatch.setattr(export_dialog, "CANCEL_WAIT_MS", 100)
    released = threading.Event()

    class Slow(FileExportDialog):
        def work_for(self, path: Path) -> Any:
            def work(_progress: object, _cancelled: object) -> str:
                released.wait(10)
                return "written"

            return work

    dialog = Slow("Slow", "A slow export.", object_name="slowExport")
    told: list[object] = []
    dialog.exported.connect(told.append)
    dialog.show()
    dialog.export_to(tmp_path / "slow.txt")
    started = time.perf_counter()
    dialog.reject()
    assert time.perf_counter() - started < 5  # did not wait for the work
    assert not dialog.job.running and job._ABANDONED
    dialog.deleteLater()
    qtbot.wait(50)  # the dialog and its job are gone; the thread is not
    released.set()
    qtbot.waitUntil(lambda: not job._ABANDONED, timeout=10_000)
    qtbot.wait(50)
    assert told == []
