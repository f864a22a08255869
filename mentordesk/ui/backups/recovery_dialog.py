"""Shown at start-up when the database file is damaged or missing: what happened, and what
to do. Nothing has been changed yet when it asks."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from mentordesk.services.backups import BackupInfo

RESTORE, SALVAGE, NEW, QUIT = "restore", "salvage", "new", "quit"


def ask_how_to_recover(
    parent: QWidget, problem: str, backup: BackupInfo | None, *, missing: bool = False
) -> str:
    """RESTORE, SALVAGE (a damaged file), NEW (a missing one: start an empty notebook) or
    QUIT. Nothing has been changed yet when this asks."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    if missing:
        box.setWindowTitle(parent.tr("Your data file is missing"))
        text = parent.tr(
            "<p>{problem}</p><p>Perhaps it was deleted by mistake, or a sync tool has not "
            "brought it back yet. MentorDesk creates nothing until you choose.</p>"
        ).format(problem=escape(problem))
    else:
        box.setWindowTitle(parent.tr("Your data file is damaged"))
        text = parent.tr(
            "<p>MentorDesk could not read your data file safely:</p><p>{problem}</p>"
            "<p>Whatever you choose, the damaged file is kept, unchanged, beside your data "
            "under a name starting with <i>mentordesk-damaged</i>.</p>"
        ).format(problem=escape(problem))
    restore = None
    if backup is not None:
        when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        contents = ", ".join(f"{count} {what}" for what, count in backup.counts.items())
        text += parent.tr(
            "<p>The newest backup that passes its check is from <b>{when}</b> ({contents}). "
            "Restoring it loses the changes made after that time.</p>"
        ).format(when=when, contents=contents or parent.tr("empty"))
        restore = box.addButton(parent.tr("Restore That Backup"), QMessageBox.ButtonRole.AcceptRole)
    else:
        text += parent.tr("<p>There is no backup that passes its check.</p>")
    if missing:
        other, other_choice = (
            box.addButton(
                parent.tr("Start a New Empty Notebook"), QMessageBox.ButtonRole.ActionRole
            ),
            NEW,
        )
    else:
        other, other_choice = (
            box.addButton(parent.tr("Salvage Readable Records"), QMessageBox.ButtonRole.ActionRole),
            SALVAGE,
        )
    quit_button = box.addButton(parent.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setText(text)
    box.setDefaultButton(restore or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return RESTORE
    if clicked is other:
        return other_choice
    return QUIT
