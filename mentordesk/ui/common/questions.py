"""The questions views ask before something cannot be taken back easily, and what the
list-and-card views do when the person leaves a new card that has no name yet."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    yes: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes,
) -> bool:
    """True when the person answers ``yes``; Cancel is the default answer."""
    cancel = QMessageBox.StandardButton.Cancel
    return QMessageBox.question(parent, title, text, yes | cancel, cancel) == yes


def ask_to_discard_draft(parent: QWidget, title: str, text: str) -> bool:
    """True when the person chooses to discard the unsaved new card."""
    return confirm(parent, title, text, QMessageBox.StandardButton.Discard)


def stay_on_draft(table: QAbstractItemView) -> None:
    """Undo a row click without telling anyone, so the new card stays in the editor.

    Deferred: the view selects the clicked row only after announcing the new current row,
    so clearing at once would leave that row highlighted beside the unsaved card.
    """

    def clear() -> None:
        selection = table.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)

    QTimer.singleShot(0, table, clear)
