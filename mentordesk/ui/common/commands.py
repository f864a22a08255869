"""The pattern every undoable edit follows.

An edit is applied once, outside the stack, so that an error (invalid input, a locked or full
disk) reaches the person and nothing is pushed. Only a successful edit goes onto the
QUndoStack; its first redo() is then a no-op. A later undo or redo that fails (say, the record
was deleted from the command line meanwhile) is reported and the command made obsolete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand, QUndoStack

from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.data_bus import DataBus, DataKind


@dataclass(frozen=True)
class CommandContext:
    """What commands need around them: where to announce changes and report failures."""

    bus: DataBus
    report_error: Callable[[str], None]
    focus_mentor: Callable[[int], None] = lambda _id: None


class ServiceCommand(QUndoCommand):
    """Subclasses define apply() (the edit) and revert() (its inverse).

    Both call services and may raise DomainError.
    """

    kinds: frozenset[DataKind] = frozenset()

    def __init__(self, context: CommandContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self._pushed = False

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
