"""The undo command base and the generic commands, with an in-memory service: applied once,
pushed only when they worked, announced, undone and redone with the same ids, and a failed
undo reported rather than raised."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtGui import QUndoStack

from mentordesk.domain.validation import DomainError, NotFoundError
from mentordesk.ui.common.commands import (
    MERGE_WINDOW_S,
    CommandContext,
    CreateRecord,
    DeleteRecord,
    EditFields,
    ServiceCommand,
    execute,
)
from mentordesk.ui.common.data_bus import DataBus, DataKind

KINDS = frozenset({DataKind.GOAL})


@dataclass(frozen=True)
class Note:
    id: int
    text: str


class Notes:
    """A service that keeps records in a dict and never reuses an id."""

    def __init__(self) -> None:
        self.rows: dict[int, Note] = {}
        self._next = 1

    def create(self, text: str) -> Note:
        if not text:
            raise DomainError("A note needs text.")
        note = Note(self._next, text)
        self._next += 1
        self.rows[note.id] = note
        return note

    def update(self, note_id: int, text: str) -> Note:
        if note_id not in self.rows:
            raise NotFoundError("That note no longer exists.")
        self.rows[note_id] = replace(self.rows[note_id], text=text)
        return self.rows[note_id]

    def delete(self, note_id: int) -> Note:
        if note_id not in self.rows:
            raise NotFoundError("That note no longer exists.")
        return self.rows.pop(note_id)

    def restore(self, note: Note) -> Note:
        self.rows[note.id] = note
        return note


class World:
    def __init__(self) -> None:
        self.bus = DataBus()
        self.announced: list[frozenset[DataKind]] = []
        self.errors: list[str] = []
        self.focused: list[int] = []
        self.bus.changed.connect(self.announced.append)
        self.context = CommandContext(self.bus, self.errors.append, self.focused.append)
        self.stack = QUndoStack()
        self.notes = Notes()

    def create(self, text: str) -> CreateRecord[Note, Note]:
        return CreateRecord(
            self.context, self.notes, lambda: self.notes.create(text), "Add note", KINDS
        )


@pytest.fixture
def world(qapp: object) -> World:
    return World()


def test_a_command_is_applied_once_pushed_announced_and_its_record_shown(world: World) -> None:
    execute(world.stack, world.create("first"))
    assert list(world.notes.rows.values()) == [Note(1, "first")]  # the first redo was a no-op
    assert world.stack.count() == 1
    assert world.announced == [KINDS]
    assert world.focused == [1]


def test_a_refused_command_is_not_pushed_and_the_refusal_reaches_the_caller(
    world: World,
) -> None:
    with pytest.raises(DomainError, match="needs text"):
        execute(world.stack, world.create(""))
    assert world.stack.count() == 0 and world.announced == []


def test_create_undo_and_redo_keep_the_id(world: World) -> None:
    execute(world.stack, world.create("first"))
    world.stack.undo()
    assert world.notes.rows == {}
    world.stack.redo()
    assert world.notes.rows == {1: Note(1, "first")}
    assert world.announced == [KINDS, KINDS, KINDS]


def test_delete_undo_puts_the_record_back_and_shows_it(world: World) -> None:
    note = world.notes.create("keep me")
    execute(world.stack, DeleteRecord(world.context, world.notes, note.id, "Delete", KINDS))
    assert world.notes.rows == {}
    world.focused.clear()
    world.stack.undo()
    assert world.notes.rows == {note.id: note}
    assert world.focused == [note.id]


def test_quick_edits_of_one_field_merge_into_one_undo_step(world: World) -> None:
    note = world.notes.create("a")

    def edit(before: str, after: str, field: str = "text") -> EditFields[str]:
        return EditFields(
            world.context, world.notes.update, note.id, before, after, field, "Edit", KINDS
        )

    execute(world.stack, edit("a", "ab"))
    execute(world.stack, edit("ab", "abc"))
    assert world.stack.count() == 1
    other = edit("abc", "abcd", field="title")
    execute(world.stack, other)
    assert world.stack.count() == 2  # another field: its own step
    late = edit("abcd", "abcde", field="title")
    late.made_at = other.made_at + MERGE_WINDOW_S + 1
    execute(world.stack, late)
    assert world.stack.count() == 3  # too long after: its own step
    world.stack.undo()
    world.stack.undo()
    world.stack.undo()
    assert world.notes.rows[note.id].text == "a"


def test_an_undo_that_fails_is_reported_and_the_command_dropped(world: World) -> None:
    execute(world.stack, world.create("first"))
    world.notes.rows.clear()  # deleted elsewhere (the command line, say)
    world.announced.clear()
    world.stack.undo()
    assert world.errors == ["That note no longer exists."]
    assert world.announced == [KINDS]  # views show what is really stored
    assert world.stack.count() == 0  # obsolete: redo cannot bring back what failed


def test_apply_and_revert_are_required(world: World) -> None:
    with pytest.raises(NotImplementedError):
        ServiceCommand(world.context, "nothing").apply()
