"""What every view with a record card does with it: store what the card asks to store as
undoable commands, report refusals, and decide whether the card may be left.

``ListCardView`` (a list beside the card) and the Calendar (a calendar beside the meeting's
card) both mix it in; each says which service stores its records and how a new one is made.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from mentordesk.domain.validation import DomainError, ValidationError
from mentordesk.ui.common.card import CardEditor, ListCardTexts
from mentordesk.ui.common.commands import CommandContext, EditFields, ServiceCommand, execute
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.labels import saved_now
from mentordesk.ui.common.questions import ask_keep_editing, ask_to_discard_draft, confirm

if TYPE_CHECKING:
    from mentordesk.services.context import Services

ShowErrors = Callable[[dict[str, str]], None]


class CardHost:
    """Mixed in before a ``View``: the card's edits become commands on the undo stack."""

    # What an edit of the card changes, for the data bus.
    edit_kinds: frozenset[DataKind] = frozenset()
    # The field a new card needs before it can be stored ("name", "title").
    key_field = "name"
    # Refusals run() hands on to its caller, which asks the person what to do about them.
    passes_through: tuple[type[Exception], ...] = ()

    _services: Services | None
    _bus: DataBus
    _today: Callable[[], date]
    _undo: QUndoStack
    _editor: CardEditor | None
    context: CommandContext
    texts: ListCardTexts
    status_message: Any  # Signal(str), declared on View
    tr: Callable[[str], str]

    editor: Any  # the card's editor (a CardEditorMixin widget)

    def record_service(self) -> Any:
        """The service whose ``update(id, fields)`` stores an edit of the card."""
        raise NotImplementedError

    def create_command(self, fields: Any) -> ServiceCommand:
        raise NotImplementedError

    def _host(
        self, bus: DataBus, undo_stack: QUndoStack, today: Callable[[], date], texts: ListCardTexts
    ) -> None:
        """What the view holds to run its card's commands (called first in its __init__)."""
        self._bus = bus
        self._undo = undo_stack
        self._today = today
        self._services = None
        self.texts = texts
        self.context = CommandContext(
            bus=bus, report_error=self.report_error, focus=self.focus_record
        )

    @property
    def services(self) -> Services | None:
        return self._services

    @property
    def editable(self) -> bool:
        """Open, and not from a read-only folder: the records may be changed."""
        return self._services is not None and not self._services.read_only

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    # --- leaving the card -----------------------------------------------------------

    def may_leave_card(self) -> bool:
        """Whether the card may be left for another one: what is typed is stored first; a
        new card without its key field, or a value that cannot be stored, makes the person
        choose (keep editing is the default)."""
        if self._editor is None:
            return True  # no card yet: nothing typed on it
        if self._editor.has_unsaved_draft():
            return self._discard_draft()
        self._editor.commit_pending()
        unsaved = self._editor.unsaved_fields()
        return not (unsaved and self.ask_keep_editing(unsaved))

    def ask_keep_editing(self, fields: list[str]) -> bool:
        """True to keep editing a value that could not be saved (tests replace this)."""
        return ask_keep_editing(self._widget(), fields)

    def _discard_draft(self) -> bool:
        return ask_to_discard_draft(self._widget(), self.texts.draft_title, self.texts.draft_text)

    # --- edits ------------------------------------------------------------------------

    def store_new(self, fields: Any) -> None:
        """The new card has its key field: create the record (undoable)."""
        if self._services is None:
            return
        if self.run(self.create_command(fields)):
            name = getattr(fields, self.key_field)
            self.status_message.emit(self.texts.added.format(name=name))
        else:
            self.editor.keep_unsaved(self.key_field)

    def store_edit(self, field: str, before: Any, after: Any) -> None:
        """One field of the card changed: store it (undoable; quick edits merge)."""
        record = self.editor.record
        if self._services is None or record is None:
            self.editor.keep_unsaved(field)
            return
        command = EditFields(
            self.context,
            self.record_service().update,
            record.id,
            before,
            after,
            field,
            self.tr("Edit {field} of “{name}”").format(
                field=self.editor.field_noun(field), name=getattr(before, self.key_field)
            ),
            self.edit_kinds,
        )
        if self.run(command):
            self.status_message.emit(saved_now())
        else:
            self.editor.keep_unsaved(field)

    def ask(self, title: str, text: str) -> bool:
        """Ask a yes/no question; Cancel is the default (tests replace this)."""
        return confirm(self._widget(), title, text)

    # --- running commands ----------------------------------------------------------------

    def run(self, command: ServiceCommand, show_errors: ShowErrors | None = None) -> bool:
        """Apply an undoable command; a refusal goes to ``show_errors`` (the card's fields by
        default) or a message box, and nothing is pushed."""
        try:
            execute(self._undo, command)
            return True
        except self.passes_through:
            raise
        except ValidationError as exc:
            (show_errors or self.editor.show_errors)(exc.field_errors)
        except DomainError as exc:
            self.report_error(str(exc))
        except OSError as exc:
            self.report_error(self.tr("Could not save: {error}").format(error=exc))
        return False

    def report_errors(self, errors: dict[str, str]) -> None:
        self.report_error(" ".join(errors.values()))

    def report_error(self, message: str) -> None:
        self.status_message.emit(message)
        QMessageBox.warning(self._widget(), self.tr("MentorDesk"), message)
