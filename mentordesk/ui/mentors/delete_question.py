"""The question before a mentor's card is deleted: what goes with it, and "archive instead"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from mentordesk.domain.mentor import MentorRecord, MentorReferences


def _tr(text: str) -> str:
    return QCoreApplication.translate("MentorsView", text)


def delete_question(
    parent: QWidget, record: MentorRecord, references: MentorReferences
) -> tuple[QMessageBox, QAbstractButton, QAbstractButton]:
    """The box, with its Delete and Archive Instead buttons (Cancel is the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Delete mentor"))
    text = _tr("Delete {name} and everything on their card?").format(name=record.name)
    if references.goal_ids or references.assessment_ids:
        text += "\n\n" + _tr(
            "They help with {goals} goal(s) and gave {given} assessment(s). Deleting "
            "removes them from those goals; the assessments are kept without a mentor."
        ).format(goals=len(references.goal_ids), given=len(references.assessment_ids))
    if references.agreements:
        text += "\n\n" + _tr(
            "Their {count} agreement(s), with every revision, are deleted with them."
        ).format(count=len(references.agreements))
    if references.meeting_ids:
        text += "\n\n" + _tr(
            "They were at {count} meeting(s). The meetings and their notes are kept; one "
            "with nobody else is left without a mentor."
        ).format(count=len(references.meeting_ids))
    if len(references.gratitude) == 1:
        text += "\n\n" + _tr("The entry of their gratitude log is deleted with them.")
    elif references.gratitude:
        text += "\n\n" + _tr(
            "The {count} entries of their gratitude log are deleted with them."
        ).format(count=len(references.gratitude))
    text += "\n\n" + _tr(
        "You can undo this with Ctrl+Z. To keep the card out of the way instead, archive it."
    )
    box.setText(text)
    delete = box.addButton(_tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    archive = box.addButton(_tr("Archive Instead"), QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    return box, delete, archive
