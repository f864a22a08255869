"""The card form's rules, driven directly: when a typed value is stored, when it waits, what
a new card needs before it exists, and what counts as unsaved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.domain.skill import SkillFields
from mentordesk.ui.common.card_fields import CardFields
from mentordesk.ui.common.card_form import AUTOSAVE_DELAY_MS, CardForm
from tests.helpers import type_text


class _Record:
    def __init__(self, record_id: int, fields: SkillFields) -> None:
        self.id = record_id
        self.fields = fields


class Card:
    """A two-field card (name, category) over a CardForm, recording what it asks for."""

    def __init__(self, qtbot: QtBot) -> None:
        self.widget = QWidget()
        qtbot.addWidget(self.widget)
        self.form = CardForm(SkillFields(name=""), "name", "Enter a name to save this skill.")
        fields = CardFields(self.form, lambda name: name)
        self.name: QLineEdit = fields.line("name", "&Name")
        self.category: QLineEdit = fields.line("category", "&Category")
        self.edits: list[tuple[str, Any, Any]] = []
        self.created: list[Any] = []
        self.form.edit_requested.connect(lambda *args: self.edits.append(args))
        self.form.create_requested.connect(self.created.append)

    def show(self, fields: SkillFields, record_id: int = 1) -> None:
        self.form.show_record(_Record(record_id, fields))


@pytest.fixture
def card(qtbot: QtBot) -> Card:
    return Card(qtbot)


def test_a_valid_value_is_stored_when_the_field_is_left(card: Card) -> None:
    card.show(SkillFields(name="Python"))
    card.category.setText("Engineering")
    card.form.touched("category")
    card.form.commit("category")
    assert len(card.edits) == 1
    field, before, after = card.edits[0]
    assert field == "category" and before.category == "" and after.category == "Engineering"


def test_typing_is_stored_a_moment_after_it_stops(qtbot: QtBot, card: Card) -> None:
    card.show(SkillFields(name="Python"))
    card.category.setFocus()
    type_text(card.category, "Data")
    assert card.edits == []  # not on every keystroke
    qtbot.waitUntil(lambda: len(card.edits) == 1, timeout=AUTOSAVE_DELAY_MS * 10)
    assert card.edits[0][2].category == "Data"


def test_an_invalid_value_waits_with_its_message_and_is_not_stored(card: Card) -> None:
    card.show(SkillFields(name="Python"))
    card.name.setText("")
    card.form.touched("name")
    card.form.commit("name", quiet=True)  # the autosave does not nag about unfinished text
    assert card.form.error_text("name") == ""
    card.form.commit("name")
    assert card.form.error_text("name") == "Name is required."
    assert card.edits == []
    assert card.form.unsaved_fields() == ["Name"]
    card.name.setText("Rust")
    card.form.commit("name")
    assert card.form.error_text("name") == ""
    assert [after.name for _field, _before, after in card.edits] == ["Rust"]
    assert card.form.unsaved_fields() == []


def test_a_new_card_waits_for_its_key_field_and_keeps_what_was_typed_before(card: Card) -> None:
    card.form.start_new()
    assert card.form.is_new and not card.form.has_unsaved_draft()
    card.category.setText("Languages")
    card.form.touched("category")
    card.form.commit("category")
    assert card.created == []
    assert card.form.error_text("name") == "Enter a name to save this skill."
    assert card.form.has_unsaved_draft()
    card.name.setText("  Spanish ")
    card.form.touched("name")
    card.form.commit("name")
    assert [(f.name, f.category) for f in card.created] == [("Spanish", "Languages")]


def test_refreshing_the_same_card_keeps_what_is_being_typed(card: Card) -> None:
    card.show(SkillFields(name="Python", category="Engineering"))
    card.category.setText("Engin")  # typing, not left yet
    card.form.touched("category")
    card.show(SkillFields(name="Python 3", category="Engineering"))  # stored elsewhere
    assert card.name.text() == "Python 3"
    assert card.category.text() == "Engin"
    card.show(SkillFields(name="Go"), record_id=2)  # another card: nothing carried over
    assert card.category.text() == ""


def test_an_edit_that_could_not_be_stored_is_kept_to_try_again(card: Card) -> None:
    card.show(SkillFields(name="Python"))
    card.category.setText("Engineering")
    card.form.touched("category")
    card.form.commit("category")
    card.form.keep_unsaved("category")  # the view's command failed (a full disk, say)
    assert card.form.unsaved_fields() == ["Category"]
    card.form.commit_pending()
    assert len(card.edits) == 2  # asked again
