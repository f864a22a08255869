"""Starting an agreement: with which mentor, and from which template (or none)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.agreement_templates import TEMPLATES, AgreementTemplate
from mentordesk.domain.mentor import MentorEntry


class NewAgreementDialog(QDialog):
    """Asks for the mentor and a template; ``choice()`` gives what to create."""

    def __init__(
        self,
        mentors: Sequence[MentorEntry],
        parent: QWidget | None = None,
        *,
        mentor_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New agreement"))
        self.setMinimumWidth(440)
        self.mentor_combo = QComboBox()
        self.mentor_combo.setObjectName("newAgreementMentor")
        for mentor in mentors:
            self.mentor_combo.addItem(mentor.name, mentor.id)
        if mentor_id is not None:
            self.mentor_combo.setCurrentIndex(max(0, self.mentor_combo.findData(mentor_id)))
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("newAgreementTemplate")
        self.template_combo.addItem(self.tr("No template (start empty)"), None)
        for template in TEMPLATES:
            self.template_combo.addItem(template.name, template.key)
        self.description = QLabel()
        self.description.setObjectName("newAgreementDescription")
        self.description.setWordWrap(True)
        self.template_combo.currentIndexChanged.connect(self._show_description)
        form = QFormLayout()
        form.addRow(self.tr("Mentor"), self.mentor_combo)
        form.addRow(self.tr("Start from"), self.template_combo)
        form.addRow("", self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create draft"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_description()

    def template(self) -> AgreementTemplate | None:
        key = self.template_combo.currentData()
        return next((t for t in TEMPLATES if t.key == key), None)

    def _show_description(self) -> None:
        template = self.template()
        self.description.setText(
            template.description
            if template is not None
            else self.tr("An empty draft: you fill in every part yourself.")
        )

    def choice(self) -> tuple[int, AgreementFields]:
        """(mentor id, the fields of the new draft)."""
        mentor_id = int(self.mentor_combo.currentData())
        template = self.template()
        name = self.mentor_combo.currentText()
        if template is None:
            fields = AgreementFields(title=self.tr("Agreement with {name}").format(name=name))
        else:
            fields = template.fields
        return mentor_id, fields
