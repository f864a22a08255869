"""The questions views ask before something cannot be taken back easily, and what the
list-and-card views do when the person leaves a new card that has no name yet."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QTimer
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


def ask_keep_editing(parent: QWidget, fields: list[str]) -> bool:
    """A value on the card could not be saved (an email without a domain, a date that is
    not one): True to keep editing it (the default), False to discard it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(box.tr("Not saved"))
    box.setText(
        box.tr("{fields}: what you typed cannot be saved. Keep editing, or discard it?").format(
            fields=", ".join(fields)
        )
    )
    keep = box.addButton(box.tr("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
    box.addButton(QMessageBox.StandardButton.Discard)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is keep


def stay_on_draft(table: QAbstractItemView, row: QModelIndex | None = None) -> None:
    """Undo a row click without telling anyone, so the card being edited stays: its row
    (``row``, when it is listed) is selected again, or none.

    Deferred: the view selects the clicked row only after announcing the new current row,
    so changing it at once would leave that row highlighted beside the card.
    """
    keep = QPersistentModelIndex(row) if row is not None and row.isValid() else None

    def restore() -> None:
        selection = table.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        if keep is not None and keep.isValid():
            selection.setCurrentIndex(
                QModelIndex(keep),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        table.viewport().update()

    QTimer.singleShot(0, table, restore)
