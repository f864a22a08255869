"""The editing state one card editor needs, shared by the mentor, goal and skill editors.

Every field saves on its own: it is checked against the stored card when the person leaves
it (or shortly after they stop typing), an invalid value shows its message under the field
and is not stored, and a valid one is handed to the view as an edit request. A new card
exists only once its key field (a name or title) is filled in; until then the other fields
wait in a draft. The editors build their widgets; this class owns what happens to values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.ui.common.field_undo import forget_typing
from mentordesk.ui.common.form_parts import UnreadableValue

AUTOSAVE_DELAY_MS = 800


class CardFields(Protocol):
    """What MentorFields, GoalFields and SkillFields have in common."""

    def replace(self, **changes: object) -> Any: ...
    def errors(self) -> dict[str, str]: ...
    def normalized(self) -> Any: ...


class CardRecord(Protocol):
    id: int

    @property
    def fields(self) -> Any: ...


@dataclass
class CardField:
    name: str
    caption: str
    noun: str  # how the undo menu names it: "Undo Edit start date of …"
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    error: QLabel


_UNREADABLE = object()  # stands for text that is not a value: it differs from every value


def _typed(field: CardField) -> Any:
    try:
        return field.read()
    except UnreadableValue:
        return _UNREADABLE


class CardForm(QObject):
    """Fields of one card, what is stored, what is typed but not stored yet."""

    # (field name, card before, card after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # A complete new card with its key field filled in: ask the view to create it.
    create_requested = Signal(object)

    def __init__(
        self,
        blank: CardFields,
        key_field: str,
        missing_key_message: str,
        parent: QObject | None = None,
        *,
        adjust_errors: Callable[[str, dict[str, str]], set[str]] | None = None,
    ) -> None:
        """``adjust_errors(name, errors)`` may reword messages and returns the fields whose
        messages an edit of ``name`` shows or clears (e.g. both dates of a date range)."""
        super().__init__(parent)
        self.blank = blank
        self.key_field = key_field
        self.missing_key_message = missing_key_message
        self._adjust = adjust_errors or (lambda name, _errors: {name})
        self.fields: dict[str, CardField] = {}
        self.record: CardRecord | None = None
        self.stored: Any = blank
        self.loading = False
        self._pending: set[str] = set()
        self._creating = False
        self._drafting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.commit_pending(quiet=True))

    def add(self, field: CardField) -> None:
        field.widget.setAccessibleName(field.caption)
        self.fields[field.name] = field

    @property
    def is_new(self) -> bool:
        return self.record is None

    # --- showing -------------------------------------------------------------------------

    def show_record(self, record: CardRecord) -> bool:
        """Show a stored card; returns whether it is the card already shown.

        Refreshing the same card (or the card just created from this blank one) keeps what
        is being typed in fields not yet stored.
        """
        same = self._creating or (self.record is not None and self.record.id == record.id)
        previous = self.stored
        self.record = record
        self.stored = record.fields
        self._drafting = False
        self.loading = True
        try:
            for field in self.fields.values():
                shown = _typed(field)
                old = getattr(previous, field.name)
                new = getattr(record.fields, field.name)
                keep_typing = same and field.name in self._pending and shown != old
                if not keep_typing and shown != new:
                    field.write(new)
                if not same:
                    self.set_error(field.name, None)
        finally:
            self.loading = False
        if not same:
            self._pending.clear()
        return same

    def start_new(self) -> None:
        """A blank card; it is created as soon as its key field is filled in."""
        self._timer.stop()
        self.record = None
        self.stored = self.blank
        self._drafting = True
        self._pending.clear()
        self.loading = True
        try:
            for field in self.fields.values():
                field.write(getattr(self.blank, field.name))
                self.set_error(field.name, None)
        finally:
            self.loading = False

    # --- committing ----------------------------------------------------------------------

    def touched(self, name: str) -> None:
        """The person changed ``name``; store it soon unless they keep typing."""
        if self.loading:
            return
        self._pending.add(name)
        self._timer.start()

    def commit_pending(self, *, quiet: bool = False) -> None:
        """Store every field changed but not left yet (before closing, switching, undo)."""
        self._timer.stop()
        for name in sorted(self._pending):
            self.commit(name, quiet=quiet)

    def commit(self, name: str, *, quiet: bool = False) -> None:
        """Check one field against the stored card and ask to store it when it is valid.

        ``quiet`` (the autosave while typing) stores a valid value but does not nag about an
        unfinished one; leaving the field shows the message.
        """
        if self.loading:
            return
        key = self.key_field
        try:
            typed = self.fields[name].read()
        except UnreadableValue as exc:
            if not quiet:
                self.set_error(name, str(exc))
            return
        candidate = self.stored.replace(**{name: typed})
        errors = candidate.errors()
        key_missing = not getattr(candidate, key).strip()
        draft_without_key = self.is_new and name != key and key_missing
        if draft_without_key:
            errors.pop(key, None)
        if self.is_new and key in errors and key_missing:
            errors[key] = self.missing_key_message
        related = self._adjust(name, errors)
        if errors:
            if not quiet:
                for field in related:
                    self.set_error(field, errors.get(field))
            return
        for field in related:
            self.set_error(field, None)
        self._pending.discard(name)
        normalized = candidate.normalized()
        if self.is_new:
            self.stored = normalized
            if draft_without_key:
                if not quiet:
                    self.set_error(key, self.missing_key_message)
                return
            self._creating = True
            try:
                self.create_requested.emit(normalized)
            finally:
                self._creating = False
            return
        if normalized != self.stored:
            self.edit_requested.emit(name, self.stored, normalized)
        if name not in self._pending:  # stored (a refused store calls keep_unsaved)
            forget_typing(self.fields[name].widget)

    def keep_unsaved(self, name: str) -> None:
        """The edit of ``name`` could not be stored: keep what was typed, and try again
        when the person leaves the field, switches card or closes the window."""
        self._pending.add(name)

    def has_unsaved_draft(self) -> bool:
        """A new card with something typed in it but no key field yet, so nothing stored."""
        if not self._drafting or self._creating:
            return False
        typed = {
            name
            for name, field in self.fields.items()
            if _typed(field) != getattr(self.blank, name)
        }
        return bool(typed - {self.key_field}) or bool(self.fields[self.key_field].read().strip())

    def unsaved_fields(self) -> list[str]:
        """Captions of fields whose typed value differs from what is stored."""
        return [
            self.fields[name].caption
            for name in sorted(self._pending)
            if _typed(self.fields[name]) != getattr(self.stored, name)
        ]

    # --- messages ------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Messages from the service (a duplicate name, a full disk); what was typed stays."""
        for key, message in errors.items():
            self.set_error(key if key in self.fields else self.key_field, message)

    def set_error(self, name: str, message: str | None) -> None:
        field = self.fields[name]
        field.error.setText(message or "")
        field.error.setVisible(bool(message))
        field.widget.setProperty("invalid", bool(message))
        if field.widget.property("helpTip") is None:
            field.widget.setProperty("helpTip", field.widget.toolTip())
        field.widget.setToolTip(message or field.widget.property("helpTip"))
        field.widget.setAccessibleDescription(message or "")
        style = field.widget.style()
        style.unpolish(field.widget)  # re-read the "invalid" property in style sheets
        style.polish(field.widget)

    def error_text(self, name: str) -> str:
        """The message shown under a field; empty when the field is fine."""
        error = self.fields[name].error
        return error.text() if not error.isHidden() else ""


class CardEditorMixin:
    """The card editor's public face, handed on to its CardForm (mixed in before the Qt
    widget class). Views and tests talk to the editor; the form does the work.

    An editor calls ``make_form`` in its constructor, builds its fields, and says what its
    heading shows in ``update_heading``.
    """

    form: CardForm
    fields: dict[str, CardField]
    edit_requested: Any  # Signal(str, object, object), declared on the Qt class
    create_requested: Any  # Signal(object)

    def make_form(
        self,
        blank: CardFields,
        key_field: str,
        missing_key_message: str,
        adjust_errors: Callable[[str, dict[str, str]], set[str]] | None = None,
    ) -> None:
        assert isinstance(self, QObject)
        self.form = CardForm(
            blank, key_field, missing_key_message, self, adjust_errors=adjust_errors
        )
        self.form.edit_requested.connect(self.edit_requested)
        self.form.create_requested.connect(self.create_requested)
        self.fields = self.form.fields

    @property
    def record(self) -> Any:
        return self.form.record

    def show_record(self, record: Any) -> None:
        """Show a stored card. Refreshing the same card keeps what is being typed."""
        self.form.show_record(record)
        self.update_heading()

    def start_new(self) -> None:
        """A blank card; it is created as soon as its key field is filled in."""
        self.form.start_new()
        self.update_heading()
        self.focus_field(self.form.key_field)

    def update_heading(self) -> None:
        """Show what the card is (its name, or "New …") above the fields."""

    @property
    def is_new(self) -> bool:
        return self.form.is_new

    def _touched(self, name: str) -> None:
        self.form.touched(name)

    def commit(self, name: str, *, quiet: bool = False) -> None:
        self.form.commit(name, quiet=quiet)

    def commit_pending(self, *, quiet: bool = False) -> None:
        self.form.commit_pending(quiet=quiet)

    def keep_unsaved(self, name: str) -> None:
        self.form.keep_unsaved(name)

    def has_unsaved_draft(self) -> bool:
        return self.form.has_unsaved_draft()

    def unsaved_fields(self) -> list[str]:
        return self.form.unsaved_fields()

    def show_errors(self, errors: dict[str, str]) -> None:
        self.form.show_errors(errors)

    def error_text(self, name: str) -> str:
        return self.form.error_text(name)

    def field_value(self, name: str) -> Any:
        return self.form.fields[name].read()

    def stored_value(self, name: str) -> Any:
        return getattr(self.form.stored, name)

    def field_noun(self, name: str) -> str:
        """How the undo menu names a field: "Undo Edit start date of …"."""
        return self.form.fields[name].noun

    def focus_field(self, name: str) -> None:
        self.form.fields[name].widget.setFocus(Qt.FocusReason.OtherFocusReason)
