"""Ctrl+Z in a field means one thing at a time: while the field holds typing not saved yet,
the field's own undo takes the typing back; once it is saved, the field forgets that typing
and Ctrl+Z takes the saved edit off the window's undo stack (so undo never saves an emptied
field as a new change).

Qt's text fields claim Ctrl+Z and Ctrl+Shift+Z for themselves whether or not they have
anything to undo; ``FieldUndo`` lets the keys through to the window's Undo and Redo when the
field has nothing of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


def _own_history(widget: QObject) -> tuple[bool, bool]:
    """(can undo, can redo) within the field itself."""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable(), widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isUndoAvailable(), document.isRedoAvailable()
    return False, False


class FieldUndo(QObject):
    """An event filter for text fields; see the module's docstring."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            can_undo, can_redo = _own_history(watched)
            is_undo = event.matches(QKeySequence.StandardKey.Undo)
            is_redo = (
                event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination() == (QKeySequence("Ctrl+Shift+Z")[0])
            )
            if (is_undo and not can_undo) or (is_redo and not can_redo):
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        return False


_FILTER = FieldUndo()


def watch(widget: QWidget) -> None:
    """Let Ctrl+Z through to the window's undo when ``widget`` has nothing to undo."""
    widget.installEventFilter(_FILTER)


def forget_typing(widget: QWidget) -> None:
    """What was typed is saved: the field's own undo history starts again from here."""
    if isinstance(widget, QLineEdit):
        position, selected = widget.cursorPosition(), widget.selectionStart()
        length = len(widget.selectedText())
        blocked = widget.blockSignals(True)
        widget.setText(widget.text())  # setText clears the history; nothing else changes
        widget.blockSignals(blocked)
        if selected >= 0 and length:
            widget.setSelection(selected, length)
        else:
            widget.setCursorPosition(position)
    elif isinstance(widget, QPlainTextEdit):
        widget.document().clearUndoRedoStacks()
