"""The Preferences dialog: pages You, Reminders and Documents over one PersonalSettings.

Nothing is stored until OK; then every change is stored at once, as one undo step (the
main window pushes it). A value that cannot be stored keeps the dialog open on its page,
with the message under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.settings import (
    THANKS_DAYS_MAX,
    THANKS_DAYS_MIN,
    PaperSize,
    PersonalSettings,
    usual_paper,
)
from mentordesk.domain.validation import NAME_MAX
from mentordesk.ui.common.form_parts import WheelSafeCombo, error_label, show_error
from mentordesk.ui.common.style import Theme, TypeScale, set_scaled_font


def system_country() -> str:
    """The system's country as a two-letter code ("US", "DE"), or "" when unknown."""
    name = QLocale.system().name()  # "en_US"
    return name.split("_", 1)[1][:2] if "_" in name else ""


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("preferencesHint")
    set_scaled_font(label, TypeScale.SMALL)
    return label


def _form_page(*, wide_fields: bool = False) -> tuple[QWidget, QFormLayout]:
    """A page of labelled fields; text fields grow with the dialog, a number or a choice
    keeps its own width."""
    page = QWidget()
    form = QFormLayout(page)
    form.setFieldGrowthPolicy(
        QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        if wide_fields
        else QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint
    )
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return page, form


class PreferencesDialog(QDialog):
    """Shows ``settings``; after OK, ``chosen_settings`` holds the validated new ones."""

    def __init__(
        self,
        settings: PersonalSettings,
        parent: QWidget | None = None,
        *,
        country: str = "",
        theme: Theme = Theme.SYSTEM,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.original = settings
        self.chosen_settings: PersonalSettings | None = None
        self.original_theme = theme
        self.country = country or system_country()

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.you_page = self._you_page()
        self.appearance_page = self._appearance_page()
        self.reminders_page = self._reminders_page()
        self.documents_page = self._documents_page()
        self.tabs.addTab(self.you_page, self.tr("&You"))
        self.tabs.addTab(self.appearance_page, self.tr("&Appearance"))
        self.tabs.addTab(self.reminders_page, self.tr("&Reminders"))
        self.tabs.addTab(self.documents_page, self.tr("&Documents"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setToolTip(self.tr("Put this page's settings back as MentorDesk starts"))
        restore.clicked.connect(self.restore_page_defaults)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.show_settings(settings)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(theme))
        self.setMinimumWidth(480)
        self.name_edit.setFocus()

    # --- pages -----------------------------------------------------------------------

    def _you_page(self) -> QWidget:
        page, form = _form_page(wide_fields=True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("yourName")
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("As it should appear on your summaries"))
        self.name_error = error_label("yourNameError")
        self.emails_edit = QPlainTextEdit()
        self.emails_edit.setObjectName("yourEmails")
        self.emails_edit.setTabChangesFocus(True)
        self.emails_edit.setPlaceholderText(self.tr("One address per line"))
        self.emails_edit.setFixedHeight(self.emails_edit.fontMetrics().lineSpacing() * 4 + 14)
        self.emails_error = error_label("yourEmailsError")
        name_label = QLabel(self.tr("Your &name:"))
        name_label.setBuddy(self.name_edit)
        emails_label = QLabel(self.tr("Your &email addresses:"))
        emails_label.setBuddy(self.emails_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(emails_label, self.emails_edit)
        form.addRow("", self.emails_error)
        form.addRow(
            _hint(
                self.tr(
                    "Your name appears as the author of the summaries you print. Your "
                    "addresses tell MentorDesk which people in a calendar file are you, so "
                    "you are never taken for one of your mentors. Both stay on this "
                    "computer, in your data."
                )
            )
        )
        return page

    def _appearance_page(self) -> QWidget:
        page, form = _form_page()
        self.theme_combo = WheelSafeCombo()
        self.theme_combo.setObjectName("theme")
        self.theme_combo.addItem(self.tr("As the system"), Theme.SYSTEM)
        self.theme_combo.addItem(self.tr("Light"), Theme.LIGHT)
        self.theme_combo.addItem(self.tr("Dark"), Theme.DARK)
        label = QLabel(self.tr("&Theme:"))
        label.setBuddy(self.theme_combo)
        form.addRow(label, self.theme_combo)
        form.addRow(
            _hint(
                self.tr(
                    "Also in View > Theme. The theme belongs to this computer, not to your "
                    "data: a backup does not carry it."
                )
            )
        )
        return page

    def chosen_theme(self) -> Theme:
        return Theme(self.theme_combo.currentData())

    def _reminders_page(self) -> QWidget:
        page, form = _form_page()
        self.thanks_spin = QSpinBox()
        self.thanks_spin.setObjectName("thanksAfterDays")
        self.thanks_spin.setRange(THANKS_DAYS_MIN, THANKS_DAYS_MAX)
        self.thanks_spin.setSuffix(self.tr(" days"))
        self.thanks_spin.setAccelerated(True)
        label = QLabel(self.tr("Suggest a &thank-you after:"))
        label.setBuddy(self.thanks_spin)
        form.addRow(label, self.thanks_spin)
        form.addRow(
            _hint(
                self.tr(
                    "When you have not thanked a mentor for this long, MentorDesk suggests "
                    "a thank-you note. Gratitude shown regularly keeps a relationship warm."
                )
            )
        )
        return page

    def _documents_page(self) -> QWidget:
        page, form = _form_page()
        self.paper_combo = WheelSafeCombo()
        self.paper_combo.setObjectName("paperSize")
        usual = usual_paper(self.country)
        names = {PaperSize.A4: self.tr("A4"), PaperSize.LETTER: self.tr("US Letter")}
        self.paper_combo.addItem(
            self.tr("As usual where you live ({paper})").format(paper=names[usual]),
            PaperSize.LOCALE,
        )
        self.paper_combo.addItem(names[PaperSize.A4], PaperSize.A4)
        self.paper_combo.addItem(names[PaperSize.LETTER], PaperSize.LETTER)
        label = QLabel(self.tr("&Paper size:"))
        label.setBuddy(self.paper_combo)
        form.addRow(label, self.paper_combo)
        form.addRow(_hint(self.tr("The page size your PDF summaries are laid out on.")))
        return page

    # --- values ----------------------------------------------------------------------

    def show_settings(self, settings: PersonalSettings) -> None:
        self.name_edit.setText(settings.your_name)
        self.emails_edit.setPlainText("\n".join(settings.your_emails))
        self.thanks_spin.setValue(settings.thanks_after_days)
        self.paper_combo.setCurrentIndex(self.paper_combo.findData(settings.paper_size))

    def settings(self) -> PersonalSettings:
        """What the dialog shows now, not yet validated."""
        return PersonalSettings(
            your_name=self.name_edit.text(),
            your_emails=tuple(self.emails_edit.toPlainText().splitlines()),
            thanks_after_days=self.thanks_spin.value(),
            paper_size=PaperSize(self.paper_combo.currentData()),
        )

    def restore_page_defaults(self) -> None:
        """Restore Defaults puts back the settings of the page shown, not of every page."""
        defaults = PersonalSettings()
        current = self.settings()
        page = self.tabs.currentWidget()
        if page is self.you_page:
            current = current.replace(your_name=defaults.your_name, your_emails=())
        elif page is self.appearance_page:
            self.theme_combo.setCurrentIndex(self.theme_combo.findData(Theme.SYSTEM))
        elif page is self.reminders_page:
            current = current.replace(thanks_after_days=defaults.thanks_after_days)
        else:
            current = current.replace(paper_size=defaults.paper_size)
        self.show_settings(current)

    def accept(self) -> None:
        candidate = self.settings().normalized()
        errors = candidate.errors()
        show_error(self.name_error, errors.get("your_name"))
        show_error(self.emails_error, errors.get("your_emails"))
        if errors:
            field = self.name_edit if "your_name" in errors else self.emails_edit
            self.tabs.setCurrentWidget(self.you_page)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.chosen_settings = candidate
        super().accept()

    def changed(self) -> bool:
        return self.chosen_settings is not None and self.chosen_settings != self.original
