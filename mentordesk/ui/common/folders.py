"""Showing a folder in the person's file manager, and saying where it is when that fails."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def show_folder(parent: QWidget | None, folder: Path) -> bool:
    """Open ``folder`` (made first if missing) in the file manager; where no file manager
    answers, tell the person the folder's path instead. True when it was opened."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(box.tr("Folder"))
    box.setText(box.tr("No file manager could be opened. The folder is:"))
    box.setInformativeText(str(folder))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return False
