"""The pattern every undoable edit follows, and the commands every record feature shares.

An edit is applied once, outside the stack, so that an error (invalid input, a locked or full
disk) reaches the person and nothing is pushed. Only a successful edit goes onto the
QUndoStack; its first redo() is then a no-op. A later undo or redo that fails (say, the record
was deleted from the command line meanwhile) is reported and the command made obsolete.

``CreateRecord``, ``EditFields`` and ``DeleteRecord`` serve every feature whose service has
``delete(id)`` returning what ``restore(...)`` puts back whole, with the same ids.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.data_bus import DataBus, DataKind


@dataclass(frozen=True)
class CommandContext:
    """What commands need around them: where to announce changes, report failures, and how
    to bring the record they touched back into view."""

    bus: DataBus
    report_error: Callable[[str], None]
    focus: Callable[[int], None] = lambda _id: None


class ServiceCommand(QUndoCommand):
    """Subclasses define apply() (the edit) and revert() (its inverse).

    Both call services and may raise DomainError.
    """

    kinds: frozenset[DataKind] = frozenset()

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._pushed = False

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def after(self, undone: bool) -> None:
        """Hook after a successful apply or revert, e.g. to select the record touched."""

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.apply, undone=False)

    def undo(self) -> None:
        self._run(self.revert, undone=True)

    def _run(self, step: Callable[[], None], *, undone: bool) -> None:
        try:
            step()
        except DomainError as exc:
            self.setObsolete(True)
            self.context.report_error(str(exc))
            self.context.bus.announce(self.kinds)
            return
        self.context.bus.announce(self.kinds)
        self.after(undone)


# Seconds within which further edits of one field count as the same undo step.
MERGE_WINDOW_S = 5.0
_EDIT_COMMAND_ID = 1001


class MergesQuickEdits:
    """Mixed into a command that edits one field of one record (before ServiceCommand).

    Edits of the same field in quick succession (the autosave while typing, then leaving
    the field) merge into one undo step. The command sets ``record_key``, ``field``,
    ``after_fields`` and ``made_at``.
    """

    record_key: object
    field: str
    after_fields: object
    made_at: float

    def id(self) -> int:
        return _EDIT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self):
            return False
        assert isinstance(other, MergesQuickEdits)
        if (other.record_key, other.field) != (self.record_key, self.field):
            return False
        if other.made_at - self.made_at > MERGE_WINDOW_S:
            return False
        self.after_fields = other.after_fields
        self.made_at = other.made_at
        return True


def execute(stack: QUndoStack, command: ServiceCommand) -> None:
    """Apply ``command`` now; push it for undo only if it succeeded. Errors propagate."""
    command.apply()
    stack.push(command)
    command.context.bus.announce(command.kinds)
    command.after(False)


# --- the generic commands ------------------------------------------------------------------

R = TypeVar("R")  # a stored record
D = TypeVar("D")  # what a delete hands back for restore (often the record itself)
F = TypeVar("F")  # the editable fields of a record


class Restores(Protocol[R, D]):
    """A service that deletes a record whole and can put it back with the same ids."""

    def delete(self, record_id: int, /) -> D: ...
    def restore(self, deleted: D, /) -> R: ...


def _record_id(record: Any) -> int:
    return int(record.id)


class CreateRecord(ServiceCommand, Generic[R, D]):
    """Creates a record; undo deletes it, keeping what was added to it meanwhile so that
    redo restores all of it under the same id."""

    def __init__(
        self,
        context: CommandContext,
        service: Restores[R, D],
        create: Callable[[], R],
        text: str,
        kinds: frozenset[DataKind],
    ) -> None:
        super().__init__(context, text)
        self.kinds = kinds
        self.service = service
        self._create = create
        self.record: R | None = None
        self.deleted: D | None = None

    def apply(self) -> None:
        if self.deleted is None:
            self.record = self._create()
        else:
            self.record = self.service.restore(self.deleted)

    def revert(self) -> None:
        assert self.record is not None
        self.deleted = self.service.delete(_record_id(self.record))

    def after(self, undone: bool) -> None:
        if not undone and self.record is not None:
            self.context.focus(_record_id(self.record))


class EditFields(MergesQuickEdits, ServiceCommand, Generic[F]):
    """One field of a record changed; quick further edits of the field merge into one step."""

    def __init__(
        self,
        context: CommandContext,
        update: Callable[[int, F], object],
        record_id: int,
        before: F,
        after: F,
        field: str,
        text: str,
        kinds: frozenset[DataKind],
    ) -> None:
        super().__init__(context, text)
        self.kinds = kinds
        self._update = update
        self.record_id = record_id
        self.before = before
        self.after_fields = after
        self.field = field
        self.made_at = time.monotonic()
        self.record_key = record_id

    def apply(self) -> None:
        self._update(self.record_id, self.after_fields)

    def revert(self) -> None:
        self._update(self.record_id, self.before)

    def after(self, undone: bool) -> None:
        self.context.focus(self.record_id)


class DeleteRecord(ServiceCommand, Generic[R, D]):
    """Deletes a record whole; undo restores it with the same ids and shows it again."""

    def __init__(
        self,
        context: CommandContext,
        service: Restores[R, D],
        record_id: int,
        text: str,
        kinds: frozenset[DataKind],
    ) -> None:
        super().__init__(context, text)
        self.kinds = kinds
        self.service = service
        self.record_id = record_id
        self.deleted: D | None = None

    def apply(self) -> None:
        self.deleted = self.service.delete(self.record_id)

    def revert(self) -> None:
        assert self.deleted is not None
        self.service.restore(self.deleted)

    def after(self, undone: bool) -> None:
        if undone:
            self.context.focus(self.record_id)


class PartCommand(ServiceCommand):
    """Changes a part of one record (a goal's milestone, a skill's assessment) and brings
    that record back into view afterwards. Subclasses define apply() and revert()."""

    def __init__(
        self,
        context: CommandContext,
        service: Any,
        parent_id: int,
        text: str,
        kinds: frozenset[DataKind],
    ) -> None:
        super().__init__(context, text)
        self.kinds = kinds
        self.service = service
        self.parent_id = parent_id

    def after(self, undone: bool) -> None:
        self.context.focus(self.parent_id)
