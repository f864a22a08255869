"""File > Import > Contacts: the preview dialog, driven with qtbot over a real database."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.mentor import MentorFields
from mentordesk.interchange.contacts_import import ContactImportResult
from mentordesk.interchange.contacts_plan import ContactAction
from mentordesk.services.context import Services
from mentordesk.ui.portability.contacts_dialog import ContactImportDialog
from mentordesk.ui.portability.contacts_model import ContactsModel

CONTACTS = Path(__file__).resolve().parents[1] / "interchange" / "data" / "contacts"


@pytest.fixture
def mentors(services: Services) -> dict[str, int]:
    """Amara matches google.vcf's first card by email and has an empty organization (an
    update, keeping her title); José has all the file says of him (a skip)."""
    return {
        "amara": services.mentors.create(
            MentorFields(name="Amara Okafor", email="amara@example.org", title="CTO")
        ).id,
        "jose": services.mentors.create(
            MentorFields(
                name="José Álvarez-Ruiz",
                email="jose@example.org",
                organization="Tessera Systems",
                title="Principal Architect",
            )
        ).id,
    }


def _dialog(
    qtbot: QtBot, services: Services, path: Path, source: str | None = None
) -> ContactImportDialog:
    dialog = ContactImportDialog(services, path, source=source)
    qtbot.addWidget(dialog)
    assert not dialog.job.running  # nothing is read before the dialog is shown
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.job.running and dialog.pages.currentIndex() != 0)
    return dialog


def _row(dialog: ContactImportDialog, name: str) -> int:
    model = dialog.model
    return next(
        r for r in range(model.rowCount()) if model.index(r, ContactsModel.NAME).data() == name
    )


def _cell(dialog: ContactImportDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def _select(dialog: ContactImportDialog, *rows: int) -> None:
    """Make the last of ``rows`` current (selecting it alone), then add the others."""
    selection = dialog.table.selectionModel()
    dialog.table.setCurrentIndex(dialog.model.index(rows[-1], 0))
    for row in rows:
        selection.select(
            dialog.model.index(row, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    assert dialog.selected_rows() == sorted(rows)


def _import(qtbot: QtBot, dialog: ContactImportDialog) -> ContactImportResult:
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    result = imported.args[0]
    assert isinstance(result, ContactImportResult)
    return result


def test_the_preview_shows_each_contact_as_planned(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    assert dialog.source == "vCard"
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert dialog.model.rowCount() == 3
    assert dialog.summary.text() == (
        "3 contacts in the file: 1 new, 1 updated, 1 skipped; 1 value left as in MentorDesk."
    )
    assert dialog.import_button.isVisible() and dialog.import_button.isEnabled()
    assert dialog.table.hasFocus() and dialog.table.currentIndex().row() == 0

    amara = _row(dialog, "Amara Okafor")
    assert _cell(dialog, amara, ContactsModel.ACTION) == "Update"
    assert _cell(dialog, amara, ContactsModel.MATCH) == "Amara Okafor (by email)"
    assert _cell(dialog, amara, ContactsModel.FROM_FILE) == "amara@example.org · Lumen Health"
    changes = _cell(dialog, amara, ContactsModel.CHANGES)
    assert changes.startswith("Fills organization, phone") and "kept: title" in changes
    # The value left as it is, in words, in the tooltip and in the details of the row.
    tip = dialog.model.index(amara, ContactsModel.CHANGES).data(Qt.ItemDataRole.ToolTipRole)
    kept = "kept: title (MentorDesk has CTO, file says VP Engineering)"
    assert kept in tip
    assert kept in dialog.details.toPlainText()

    jose = _row(dialog, "José Álvarez-Ruiz")
    assert _cell(dialog, jose, ContactsModel.ACTION) == "Skip"
    assert _cell(dialog, jose, ContactsModel.CHANGES) == "The card has all of it already"
    assert dialog.model.allowed(jose) == {ContactAction.NEW, ContactAction.SKIP}
    wang = _row(dialog, "王芳")
    assert _cell(dialog, wang, ContactsModel.ACTION) == "New"
    assert _cell(dialog, wang, ContactsModel.MATCH) == ""
    # Update is offered only where the plan allows it.
    _select(dialog, wang)
    assert dialog.action_buttons[ContactAction.NEW].isEnabled()
    assert not dialog.action_buttons[ContactAction.UPDATE].isEnabled()
    assert dialog.action_buttons[ContactAction.SKIP].isEnabled()


def test_choices_by_the_delegate_and_the_keyboard_are_what_is_stored(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    amara = _row(dialog, "Amara Okafor")
    jose = _row(dialog, "José Álvarez-Ruiz")
    wang = _row(dialog, "王芳")

    # The Action cell's own editor offers only what that row allows.
    index = dialog.model.index(jose, ContactsModel.ACTION)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())] == ["New", "Skip"]
    editor.setCurrentIndex(editor.findData(ContactAction.NEW.value))
    dialog.table.commitData(editor)
    dialog.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    assert _cell(dialog, jose, ContactsModel.ACTION) == "New"
    assert dialog.summary.text().startswith("3 contacts in the file: 2 new, 1 updated, 0 skipped")

    # The keyboard: select a row and press S; U is refused where there is nothing to update.
    _select(dialog, wang)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert _cell(dialog, wang, ContactsModel.ACTION) == "Skip"
    assert _cell(dialog, wang, ContactsModel.CHANGES) == "You chose to skip it"
    qtbot.keyClick(dialog.table, Qt.Key.Key_U)
    assert _cell(dialog, wang, ContactsModel.ACTION) == "Skip"
    assert "cannot be chosen" in dialog.status.text()
    assert dialog.summary.text().startswith("3 contacts in the file: 1 new, 1 updated, 1 skipped")
    # Skip, then Update again from the button: the proposal comes back.
    _select(dialog, amara)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert _cell(dialog, amara, ContactsModel.ACTION) == "Skip"
    qtbot.mouseClick(dialog.action_buttons[ContactAction.UPDATE], Qt.MouseButton.LeftButton)
    assert _cell(dialog, amara, ContactsModel.ACTION) == "Update"

    shown = dialog.model.plan()
    assert shown is not None
    result = _import(qtbot, dialog)
    assert [p.action for p in result.plan.contacts] == [p.action for p in shown.contacts]
    assert len(result.created) == 1 and result.updated == (mentors["amara"],)
    names = sorted(m.name for m in services.mentors.list_all())
    assert names == ["Amara Okafor", "José Álvarez-Ruiz", "José Álvarez-Ruiz"]  # not 王芳
    stored = services.mentors.get(mentors["amara"]).fields
    assert stored.title == "CTO", "a filled field is never overwritten"
    assert stored.organization == "Lumen Health"

    assert dialog.pages.currentIndex() == dialog.DONE
    done = dialog.done_label.text()
    assert done.startswith("Imported: 1 new, 1 updated, 1 skipped")
    assert result.backup is not None and str(result.backup) in done
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()


def test_several_rows_at_once_and_repeats_in_the_file(
    qtbot: QtBot, services: Services, mentors: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "repeats.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mei Tanaka\nEMAIL:mei@example.jp\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ngozi Adeyemi\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:mei tanaka\nORG:Kumo KK\nEND:VCARD\n",
        encoding="utf-8",
    )
    dialog = _dialog(qtbot, services, path)
    assert [_cell(dialog, r, ContactsModel.ACTION) for r in range(3)] == ["New", "New", "Skip"]
    assert _cell(dialog, 2, ContactsModel.CHANGES) == "The same person as on line 1"
    assert dialog.model.allowed(2) == {ContactAction.SKIP}
    assert not dialog.model.flags(dialog.model.index(2, ContactsModel.ACTION)) & (
        Qt.ItemFlag.ItemIsEditable
    )
    _select(dialog, 0, 1, 2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_S)
    assert dialog.model.plan() is not None and not dialog.model.plan().writes  # type: ignore[union-attr]
    assert not dialog.import_button.isEnabled()  # nothing to write
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    assert [_cell(dialog, r, ContactsModel.ACTION) for r in range(3)] == ["New", "New", "Skip"]
    assert dialog.import_button.isEnabled()
    _import(qtbot, dialog)
    assert sorted(m.name for m in services.mentors.list_all()) == [
        "Amara Okafor",
        "José Álvarez-Ruiz",
        "Mei Tanaka",
        "Ngozi Adeyemi",
    ]


def test_linkedin_connections_are_read_as_such(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, CONTACTS / "Connections.csv")
    assert dialog.source == "LinkedIn"
    assert dialog.model.rowCount() == 4
    assert "1 line of the file is no contact (line 8: no name)." in dialog.summary.text()
    # And a LinkedIn file named otherwise, when the menu says what it is.
    named = _dialog(qtbot, services, CONTACTS / "Connections.csv", source="LinkedIn")
    assert named.model.rowCount() == 4
    with pytest.raises(ValueError, match="source"):
        ContactImportDialog(services, CONTACTS / "google.vcf", source="Outlook")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("bad-line.vcf", "line 8: this vCard cannot be read"),
        ("nested.vcf", "line 4: a vCard begins inside"),
        ("ragged.csv", "line 3: this row has 6 fields"),
    ],
)
def test_a_malformed_file_shows_the_problem_and_offers_only_close(
    qtbot: QtBot, services: Services, mentors: dict[str, int], name: str, problem: str
) -> None:
    path = CONTACTS / "malformed" / name
    dialog = _dialog(qtbot, services, path)
    assert dialog.pages.currentIndex() == dialog.PROBLEM
    assert str(path) in dialog.problem.text() and problem in dialog.problem.text()
    assert dialog.problem_title.text() == "This file cannot be imported"
    assert not dialog.import_button.isVisible() and not dialog.cancel_button.isVisible()
    assert dialog.close_button.isVisible()
    assert len(services.mentors.list_all()) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_file_with_no_contacts_says_so(
    qtbot: QtBot, services: Services, mentors: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n", encoding="utf-8"
    )
    dialog = _dialog(qtbot, services, path)
    assert dialog.pages.currentIndex() == dialog.EMPTY
    assert "holds no contacts" in dialog.empty.body_label.text()
    assert dialog.close_button.isVisible() and not dialog.import_button.isVisible()


def test_cancel_while_importing_stores_nothing(
    qtbot: QtBot, services: Services, mentors: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.services.mentors import MentorService

    real_create_many = MentorService.create_many
    storing: list[bool] = []

    def slow_create_many(self: MentorService, cards: list[MentorFields]) -> list[int]:
        ids = real_create_many(self, cards)  # written, inside the import's transaction
        storing.append(True)
        time.sleep(0.5)  # time to press Cancel
        return ids

    monkeypatch.setattr(MentorService, "create_many", slow_create_many)
    before = services.mentors.list_all()
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    dialog.start_import()
    assert dialog.job.running and dialog.apply_progress.isVisible()
    assert not dialog.table.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: bool(storing), timeout=10_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.job.running, timeout=10_000)
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.status.text())
    assert dialog.pages.currentIndex() == dialog.PREVIEW and dialog.isVisible()
    assert services.mentors.list_all() == before
    assert dialog.table.isEnabled() and dialog.import_button.isEnabled()  # to import after all


def test_closing_while_the_file_is_read_stores_nothing(
    qtbot: QtBot, services: Services, mentors: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentordesk.interchange import vcard_read
    from mentordesk.ui.common import job as worker

    real_read = vcard_read.read_vcard_file

    def slow_read(path: Path) -> object:
        time.sleep(0.5)  # a large file being parsed
        return real_read(path)

    monkeypatch.setattr(vcard_read, "read_vcard_file", slow_read)
    before = services.mentors.list_all()
    dialog = ContactImportDialog(services, CONTACTS / "google.vcf")
    dialog.show()
    assert dialog.job.running and dialog.pages.currentIndex() == dialog.WORKING
    assert dialog.cancel_button.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # does not wait for the reading
    assert not dialog.isVisible() and worker._ABANDONED
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not worker._ABANDONED, timeout=10_000)
    assert services.mentors.list_all() == before


def test_a_read_only_folder_previews_but_does_not_import(
    qtbot: QtBot, services: Services, mentors: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(services), "read_only", property(lambda _self: True))
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    assert dialog.pages.currentIndex() == dialog.PREVIEW
    assert not dialog.import_button.isEnabled()
    assert "read-only" in dialog.import_button.toolTip()
    assert "read-only" in dialog.status.text()
    dialog.start_import()  # Enter, say: still nothing
    assert not dialog.job.running and len(services.mentors.list_all()) == 2


def test_f2_opens_the_action_of_the_current_row_and_a_choice_in_it_is_taken(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    amara = _row(dialog, "Amara Okafor")
    _select(dialog, amara)
    assert dialog.table.currentIndex().column() == ContactsModel.NAME
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None and editor.isVisible()
    assert [editor.itemText(i) for i in range(editor.count())] == ["New", "Update", "Skip"]
    assert editor.currentText() == "Update"
    picked = editor.findData(ContactAction.NEW.value)
    editor.setCurrentIndex(picked)
    editor.activated.emit(picked)  # picked in the open list: no Enter needed
    qtbot.waitUntil(lambda: _cell(dialog, amara, ContactsModel.ACTION) == "New")
    assert _cell(dialog, amara, ContactsModel.CHANGES) == "A new card"
    assert dialog.summary.text().startswith("3 contacts in the file: 2 new, 0 updated")
    assert dialog.isVisible()


def test_set_data_is_true_only_when_the_action_changed(
    qtbot: QtBot, services: Services, mentors: dict[str, int]
) -> None:
    dialog = _dialog(qtbot, services, CONTACTS / "google.vcf")
    model = dialog.model
    jose = _row(dialog, "José Álvarez-Ruiz")  # a skip; new is allowed, update is not
    index = model.index(jose, ContactsModel.ACTION)
    changes: list[object] = []
    model.plan_changed.connect(lambda: changes.append("plan"))
    model.dataChanged.connect(lambda *_: changes.append("data"))

    assert not model.setData(index, ContactAction.SKIP)  # the same action
    assert not model.setData(index, ContactAction.UPDATE)  # refused: nothing to update
    assert not model.setData(index, "not an action")
    assert not model.setData(model.index(jose, ContactsModel.NAME), ContactAction.NEW)
    assert changes == [] and _cell(dialog, jose, ContactsModel.ACTION) == "Skip"

    assert model.setData(index, ContactAction.NEW)
    assert _cell(dialog, jose, ContactsModel.ACTION) == "New"
    assert "data" in changes and "plan" in changes
