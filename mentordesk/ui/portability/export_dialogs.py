"""File > Export > Everything…, Notes as Markdown… and Contacts…: taking the data out of
MentorDesk, each on the one export dialog (ui/common/export_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QComboBox, QFileDialog, QLabel, QRadioButton, QWidget

from mentordesk.interchange.archive_export import ArchiveExport
from mentordesk.interchange.markdown_export import MarkdownExport
from mentordesk.interchange.markdown_names import safe_stem
from mentordesk.interchange.vcard_export import VCardExport
from mentordesk.ui.common.export_dialog import FileExportDialog
from mentordesk.ui.common.job import Work

if TYPE_CHECKING:
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.services.context import Services

Step = Callable[[int, int], None]
Stop = Callable[[], bool]


def with_suffix(name: str, suffix: str) -> Path:
    """The chosen file name, with ``suffix`` when the person typed none."""
    path = Path(name)
    return path if path.suffix else path.with_suffix(suffix)


def holdings(services: Services) -> str:
    """What the archive will hold, in the words of the sidebar (translated, like every text
    a person reads)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("ArchiveExportDialog", text)

    counts = (
        (services.mentors.count(), tr("1 mentor"), tr("{n} mentors")),
        (services.meetings.count(), tr("1 meeting"), tr("{n} meetings")),
        (services.goals.count(), tr("1 goal"), tr("{n} goals")),
        (services.agreements.count(), tr("1 agreement"), tr("{n} agreements")),
        (services.gratitude.count(), tr("1 thank-you"), tr("{n} thank-yous")),
    )
    held = ", ".join((one if n == 1 else many).format(n=f"{n:,}") for n, one, many in counts)
    return tr("{held}, and all that goes with them.").format(held=held)


class ArchiveExportDialog(FileExportDialog):
    """Everything, as one archive file (a zip holding JSON, or the JSON itself)."""

    ZIP, JSON = ".zip", ".json"

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(
            self.tr("Export Everything"),
            self.tr(
                "Writes everything MentorDesk holds to one archive file: every mentor, "
                "agreement, meeting, action item, goal, skill and thank-you, with how they are "
                "linked. It is a copy that does not need MentorDesk: JSON, which any program "
                "reads. MentorDesk rebuilds your data from it on another computer (the "
                "command: mentordesk import archive FILE)."
            ),
            parent,
            folder=folder,
            object_name="exportArchiveDialog",
        )
        self._services = services
        self._today = today or date.today()
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("archiveFormat")
        self.format_combo.addItem(self.tr("Zip file holding JSON (smaller)"), self.ZIP)
        self.format_combo.addItem(self.tr("Plain JSON file"), self.JSON)
        self.form.addRow(self.tr("&Format:"), self.format_combo)
        self.form.addRow(self.tr("Holds:"), QLabel(holdings(services)))

    @property
    def suffix(self) -> str:
        return str(self.format_combo.currentData())

    def destination(self) -> Path | None:
        suggested = self.folder / f"MentorDesk archive {self._today.isoformat()}{self.suffix}"
        kind = self.tr("Zip files (*.zip)") if self.suffix == self.ZIP else self.tr("JSON (*.json)")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Everything"), str(suggested), kind
        )
        return with_suffix(name, self.suffix) if name else None

    def work_for(self, path: Path) -> Work | None:
        export = ArchiveExport(self._services)

        def work(_progress: Step, cancelled: Stop) -> object:
            return export.write(path, cancelled=cancelled)

        return work


NOTES_FOLDER = "MentorDesk notes"


def notes_folder(chosen: Path) -> Path:
    """Where the notes go for the folder the person chose: that folder when it is empty (or
    new), else a new "MentorDesk notes" folder inside it, numbered when one is there."""
    if not chosen.exists() or (chosen.is_dir() and not any(chosen.iterdir())):
        return chosen
    target = chosen / NOTES_FOLDER
    number = 2
    while target.exists():
        target = chosen / f"{NOTES_FOLDER} {number}"
        number += 1
    return target


class MarkdownExportDialog(FileExportDialog):
    """The notes as a folder of Markdown files."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(
            self.tr("Export Notes as Markdown"),
            self.tr(
                "Writes one Markdown file per mentor (their card, your agreement, and every "
                "meeting in order with its agenda, notes, advice and action items), one per "
                "goal, and an index linking them, readable in any text editor or notes app. "
                "If the folder you choose is not empty, the notes go into a new folder "
                "“{name}” inside it."
            ).format(name=NOTES_FOLDER),
            parent,
            folder=folder,
            object_name="exportMarkdownDialog",
        )
        self._services = services
        self.export_button.setText(self.tr("&Export to Folder…"))
        files = self.tr("{mentors} mentor files and {goals} goal files, and the index").format(
            mentors=f"{services.mentors.count():,}", goals=f"{services.goals.count():,}"
        )
        self.form.addRow(self.tr("Writes:"), QLabel(files))

    def destination(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Export Notes as Markdown: choose a folder"), str(self.folder)
        )
        return notes_folder(Path(name)) if name else None

    def export_to(self, path: Path) -> None:
        super().export_to(path)
        self.folder = path.parent if path.name.startswith(NOTES_FOLDER) else path

    def work_for(self, path: Path) -> Work | None:
        export = MarkdownExport(self._services)

        def work(_progress: Step, cancelled: Stop) -> object:
            return export.write(path, cancelled=cancelled)

        return work


class ContactsExportDialog(FileExportDialog):
    """Mentors' cards as one .vcf file: all of them, or the one selected in Mentors."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        folder: Path | None = None,
        selected: MentorRecord | None = None,
    ) -> None:
        super().__init__(
            self.tr("Export Contacts"),
            self.tr(
                "Writes the mentors' contact cards to one vCard (.vcf) file that phones, "
                "Google Contacts, Outlook, Apple Contacts and Thunderbird import: name, "
                "organization, title, email, phone, web page, place, notes and labels. "
                "Meetings and agreements stay in MentorDesk."
            ),
            parent,
            folder=folder,
            object_name="exportContactsDialog",
        )
        self._services = services
        self._selected = selected
        count = services.mentors.count()
        self.all_mentors = QRadioButton(
            self.tr("&All mentors ({count}), archived ones too").format(count=f"{count:,}")
        )
        self.one_mentor = QRadioButton(
            self.tr("&Only {name}").format(name=selected.name.replace("&", "&&"))
            if selected is not None
            else self.tr("&Only the selected mentor (select one in Mentors first)")
        )
        self.one_mentor.setEnabled(selected is not None)
        group = QButtonGroup(self)
        group.addButton(self.all_mentors)
        group.addButton(self.one_mentor)
        (self.one_mentor if selected is not None else self.all_mentors).setChecked(True)
        self.form.addRow(self.tr("Mentors:"), self.all_mentors)
        self.form.addRow("", self.one_mentor)
        self.export_button.setEnabled(count > 0)
        if count == 0:
            self.say(self.tr("There are no mentors yet, so there is nothing to export."))

    def wanted(self) -> list[int] | None:
        """The mentors chosen (None: all)."""
        if self.one_mentor.isChecked() and self._selected is not None:
            return [self._selected.id]
        return None

    def destination(self) -> Path | None:
        stem = self._selected.name if self.wanted() and self._selected else "mentors"
        safe = safe_stem(stem, fallback="mentors")
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export Contacts"),
            str(self.folder / f"{safe}.vcf"),
            self.tr("vCard files (*.vcf *.vcard);;All files (*)"),
        )
        return with_suffix(name, ".vcf") if name else None

    def work_for(self, path: Path) -> Work | None:
        export = VCardExport(self._services)
        wanted = self.wanted()

        def work(_progress: Step, cancelled: Stop) -> object:
            return export.write(path, wanted, cancelled=cancelled)

        return work
