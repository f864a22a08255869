"""The Gratitude box on the mentor's card, driven like a person would: click, type, check
what is shown and stored, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mentordesk.domain.enums import GratitudeKind, MeetingStatus
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.services.context import Services
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.mentors.gratitude_box import MentorGratitudeBox
from mentordesk.ui.mentors.gratitude_model import GratitudeTableModel
from mentordesk.ui.mentors.view import MentorsView
from tests.helpers import type_text

# A fixed day of the view's clock, in the past so that the services (on the real clock)
# accept what is dated on it.
TODAY = date(2025, 6, 16)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def view(qtbot: QtBot, services: Services, undo_stack: QUndoStack) -> MentorsView:
    widget = MentorsView(DataBus(), undo_stack, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def ann(services: Services) -> int:
    return services.mentors.create(MentorFields(name="Amara Okafor")).id


@pytest.fixture
def box(view: MentorsView, services: Services, ann: int) -> Iterator[MentorGratitudeBox]:
    view.attach(services)
    view.select_mentor(ann)
    assert view.editor.record is not None and view.editor.record.id == ann
    yield view.editor.gratitude


def shown_rows(box: MentorGratitudeBox) -> list[tuple[str, str]]:
    """(date and kind, what was done) of each row shown: its two lines."""
    model = box.model
    shown = []
    for row in range(model.rowCount()):
        heading, text = model.index(row, 0).data().split("\n")
        shown.append((heading, text))
    return shown


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def thank(services: Services, mentor_id: int, day: date, text: str, kind: GratitudeKind) -> int:
    return services.gratitude.add(GratitudeFields(mentor_id, day, kind, text)).id


def test_log_thanks_through_the_form_and_undo_it(
    qtbot: QtBot, box: MentorGratitudeBox, services: Services, ann: int, undo_stack: QUndoStack
) -> None:
    assert box.isVisible() and box.title() == "Gratitude"
    assert box.summary.text().startswith("Not thanked yet.")
    assert not box.table.isVisible() and not box.form.isVisible()

    click(qtbot, box.add_button)
    form = box.form
    assert form.isVisible()
    assert form.date_edit.text() == format_date(TODAY)  # today unless changed
    assert form.kind_combo.currentText() == label(GratitudeKind.THANK_YOU_NOTE)
    assert form.text_edit.hasFocus()
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("gift_or_meal"))
    type_text(form.text_edit, "Lunch at the canal café, to say thanks for the intro")
    click(qtbot, form.save_button)

    (stored,) = services.gratitude.of_mentor(ann)
    assert stored.fields == GratitudeFields(
        ann,
        TODAY,
        GratitudeKind.GIFT_OR_MEAL,
        "Lunch at the canal café, to say thanks for the intro",
    )
    assert not form.isVisible()
    assert shown_rows(box) == [
        (
            f"{format_date(TODAY)} · Gift or meal",
            "Lunch at the canal café, to say thanks for the intro",
        )
    ]
    assert box.selected_entry() == stored
    assert box.summary.text() == f"Last thanked today ({format_date(TODAY)})."
    assert undo_stack.undoText() == "Log thanks to “Amara Okafor”"

    undo_stack.undo()
    assert services.gratitude.of_mentor(ann) == []
    assert shown_rows(box) == []
    assert box.summary.text().startswith("Not thanked yet.")
    undo_stack.redo()
    assert services.gratitude.of_mentor(ann) == [stored]  # the same entry, the same id
    assert len(shown_rows(box)) == 1


def test_enter_in_the_text_logs_and_escape_cancels(
    qtbot: QtBot, box: MentorGratitudeBox, services: Services, ann: int
) -> None:
    click(qtbot, box.add_button)
    type_text(box.form.text_edit, "Sent the slides")
    qtbot.keyClick(box.form.text_edit, Qt.Key.Key_Return)
    assert [e.text for e in services.gratitude.of_mentor(ann)] == ["Sent the slides"]

    click(qtbot, box.add_button)
    type_text(box.form.text_edit, "Not this one")
    qtbot.keyClick(box.form.text_edit, Qt.Key.Key_Escape)
    assert not box.form.isVisible()
    assert len(services.gratitude.of_mentor(ann)) == 1


def test_what_cannot_be_stored_shows_a_message_and_nothing_is_stored(
    qtbot: QtBot, box: MentorGratitudeBox, services: Services, ann: int, undo_stack: QUndoStack
) -> None:
    click(qtbot, box.add_button)
    form = box.form
    click(qtbot, form.save_button)  # no text
    assert "Write what you did" in form.error_text("text")
    assert form.errors["text"].isVisible()

    type_text(form.text_edit, "Thank-you card")
    form.date_edit.setFocus()
    form.date_edit.selectAll()
    type_text(form.date_edit, (TODAY + timedelta(days=1)).isoformat())
    click(qtbot, form.save_button)
    assert "future" in form.error_text("given_on")
    assert form.error_text("text") == ""

    form.date_edit.selectAll()
    type_text(form.date_edit, "not a date")
    click(qtbot, form.save_button)
    assert "Type a date" in form.error_text("given_on")

    assert services.gratitude.of_mentor(ann) == []
    assert undo_stack.count() == 0
    assert form.isVisible()  # what was typed stays to be corrected

    form.date_edit.selectAll()
    type_text(form.date_edit, ago(3).isoformat())
    click(qtbot, form.save_button)
    assert [e.given_on for e in services.gratitude.of_mentor(ann)] == [ago(3)]


def test_entries_are_newest_first_and_edit_and_remove_are_undoable(
    qtbot: QtBot,
    box: MentorGratitudeBox,
    view: MentorsView,
    services: Services,
    ann: int,
    undo_stack: QUndoStack,
) -> None:
    old = thank(services, ann, ago(400), "Card after the promotion", GratitudeKind.THANK_YOU_NOTE)
    new = thank(services, ann, ago(20), "Told her the talk went well", GratitudeKind.UPDATE_SENT)
    view.select_mentor(ann)
    view.refresh()
    assert [row[1] for row in shown_rows(box)] == [
        "Told her the talk went well",
        "Card after the promotion",
    ]
    assert box.summary.text() == f"Last thanked 20 days ago ({format_date(ago(20))})."
    assert not box.edit_button.isEnabled() and not box.remove_button.isEnabled()

    # Double-click the older entry: the form opens with what it holds.
    rect = box.table.visualRect(box.model.index(1, GratitudeTableModel.ENTRY))
    qtbot.mouseClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert box.selected_entry() is not None and box.selected_entry().id == old  # type: ignore[union-attr]
    qtbot.mouseDClick(box.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = box.form
    assert form.isVisible() and form.editing is not None and form.editing.id == old
    assert form.text_edit.text() == "Card after the promotion"
    assert form.date_edit.text() == format_date(ago(400))
    form.text_edit.selectAll()
    type_text(form.text_edit, "Handwritten card after the promotion")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("public_recognition"))
    click(qtbot, form.save_button)

    edited = services.gratitude.get(old)
    assert (edited.text, edited.kind) == (
        "Handwritten card after the promotion",
        GratitudeKind.PUBLIC_RECOGNITION,
    )
    assert shown_rows(box)[1] == (
        f"{format_date(ago(400))} · Public recognition",
        "Handwritten card after the promotion",
    )
    assert undo_stack.undoText() == "Edit thanks to “Amara Okafor”"
    undo_stack.undo()
    assert services.gratitude.get(old).text == "Card after the promotion"
    assert shown_rows(box)[1][1] == "Card after the promotion"
    undo_stack.redo()
    assert services.gratitude.get(old).text == "Handwritten card after the promotion"

    # Remove the newer one with its button; undo brings it back with its id.
    box.select_entry(new)
    click(qtbot, box.remove_button)
    assert [e.id for e in services.gratitude.of_mentor(ann)] == [old]
    assert box.summary.text().startswith("Last thanked 1 year ago")
    assert undo_stack.undoText() == "Remove thanks to “Amara Okafor”"
    undo_stack.undo()
    assert [e.id for e in services.gratitude.of_mentor(ann)] == [new, old]
    assert len(shown_rows(box)) == 2

    # Delete in the table removes too.
    box.select_entry(old)
    box.table.setFocus()
    qtbot.keyClick(box.table, Qt.Key.Key_Delete)
    assert [e.id for e in services.gratitude.of_mentor(ann)] == [new]


def test_months_ago_and_the_nudge_when_it_is_time_to_thank(
    qtbot: QtBot, view: MentorsView, services: Services, ann: int
) -> None:
    services.meetings.create(
        MeetingFields(
            "Check-in",
            start=datetime.combine(ago(10), datetime.min.time()).replace(hour=12),
            time_zone="UTC",
            mentor_ids=(ann,),
            status=MeetingStatus.HELD,
        )
    )
    view.attach(services)
    view.select_mentor(ann)
    box = view.editor.gratitude
    assert box.summary.text().startswith("Not thanked yet.")
    assert box.nudge.isVisible() and box.nudge.text() == (
        f"⚠ Time to thank them: you met on {format_date(ago(10))} and never have."
    )

    four_months = date(2025, 2, 10)
    thank(services, ann, four_months, "Coffee", GratitudeKind.GIFT_OR_MEAL)
    view.refresh()
    assert box.summary.text() == f"Last thanked 4 months ago ({format_date(four_months)})."
    assert box.nudge.isVisible()
    assert "Time to thank them" in box.nudge.text() and "90 days" in box.nudge.text()
    assert format_date(ago(10)) in box.nudge.text()

    # Thanked within the span: no nudge. The span is the person's setting.
    services.settings.save(services.settings.read().replace(thanks_after_days=180))
    view.refresh()
    assert not box.nudge.isVisible()


def test_the_mentor_menu_action_opens_the_form(
    qtbot: QtBot, box: MentorGratitudeBox, view: MentorsView
) -> None:
    assert view.log_thanks_action.isEnabled()
    assert view.log_thanks_action.shortcut().toString() == "Ctrl+Shift+T"
    view.log_thanks_action.trigger()
    assert box.form.isVisible() and box.form.text_edit.hasFocus()


def test_a_new_card_has_no_log_to_add_to(
    qtbot: QtBot, box: MentorGratitudeBox, view: MentorsView, services: Services, ann: int
) -> None:
    thank(services, ann, ago(2), "Card", GratitudeKind.THANK_YOU_NOTE)
    view.refresh()
    assert len(shown_rows(box)) == 1
    view.start_new_mentor()
    assert shown_rows(box) == []
    assert "once the card is saved" in box.summary.text()
    assert not box.add_button.isEnabled()
    assert not view.log_thanks_action.isEnabled()


def test_deleting_the_mentor_takes_the_log_and_undo_brings_it_back(
    qtbot: QtBot,
    box: MentorGratitudeBox,
    view: MentorsView,
    services: Services,
    ann: int,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entries = [
        thank(services, ann, ago(d), f"Thanks {d}", GratitudeKind.THANK_YOU_NOTE) for d in (9, 3)
    ]
    asked: list[str] = []

    def ask(question: QMessageBox) -> object:
        asked.append(question.text())
        return next(b for b in question.buttons() if b.text().replace("&", "") == "Delete")

    monkeypatch.setattr(view, "_ask", ask)
    view.delete_action.trigger()
    assert "The 2 entries of their gratitude log are deleted with them." in asked[0]
    assert services.mentors.count() == 0 and services.gratitude.list_all() == []

    undo_stack.undo()
    assert [e.id for e in services.gratitude.of_mentor(ann)] == entries[::-1]
    view.select_mentor(ann)
    assert [row[1] for row in shown_rows(view.editor.gratitude)] == ["Thanks 3", "Thanks 9"]


def test_a_read_only_folder_shows_the_log_but_offers_no_edits(
    qtbot: QtBot,
    box: MentorGratitudeBox,
    view: MentorsView,
    services: Services,
    ann: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    thank(services, ann, ago(2), "Card", GratitudeKind.THANK_YOU_NOTE)
    monkeypatch.setattr(type(services), "read_only", property(lambda _self: True))
    view.refresh()
    assert len(shown_rows(box)) == 1
    box.select_row(0)
    assert not box.add_button.isEnabled()
    assert not box.edit_button.isEnabled() and not box.remove_button.isEnabled()
    box.open_new()
    assert not box.form.isVisible()


def test_the_box_fits_its_rows_up_to_five(
    qtbot: QtBot, box: MentorGratitudeBox, view: MentorsView, services: Services, ann: int
) -> None:
    heights = []
    for count in (1, 5, 9):
        while len(services.gratitude.of_mentor(ann)) < count:
            thank(
                services,
                ann,
                ago(len(services.gratitude.of_mentor(ann))),
                "x",
                GratitudeKind.UPDATE_SENT,
            )
        view.refresh()
        heights.append(box.table.height())
    assert heights[0] < heights[1] == heights[2]
    qtbot.waitUntil(lambda: box.table.verticalScrollBar().maximum() > 0)  # the rest scroll


def test_the_open_form_takes_no_alt_letter_the_card_or_the_menus_use(
    qtbot: QtBot, box: MentorGratitudeBox, view: MentorsView
) -> None:
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from mentordesk.ui.common.mnemonics import MENU_LETTERS

    click(qtbot, box.add_button)
    letters = list(MENU_LETTERS + "m")  # File, Edit, View, Help and the view's Mentor menu
    for widget in view.editor.findChildren(QLabel) + view.editor.findChildren(QAbstractButton):
        if not widget.isVisibleTo(view) or (isinstance(widget, QLabel) and not widget.buddy()):
            continue
        found = re.search(r"&([^&])", widget.text().replace("&&", ""))
        if found:
            letters.append(found.group(1).lower())
    assert len(letters) == len(set(letters)), sorted(letters)
    assert "g" in letters  # Alt+G: the date the thanks was given
