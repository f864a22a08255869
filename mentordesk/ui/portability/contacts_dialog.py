"""File > Import > Contacts: read a vCard file or LinkedIn's Connections.csv off the GUI thread,
preview what importing it does (each contact new, an update of the mentor it matched, or
skipped; what it fills and what it leaves as it is), let the person change the actions, then
import it all at once with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.interchange.contacts_import import ContactImport, ContactImportResult
from mentordesk.interchange.contacts_plan import (
    ContactAction,
    ContactFile,
    ContactFileError,
    ContactPlan,
)
from mentordesk.interchange.errors import ImportCancelled
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.import_dialog import ComboDelegate, FileImportDialog
from mentordesk.ui.common.job import Work
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font, tint
from mentordesk.ui.portability.contacts_model import (
    ACTIONS,
    ALLOWED_ROLE,
    ContactsModel,
    action_text,
    what_changes_in_full,
)

if TYPE_CHECKING:
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.services.context import Services

SOURCES = ("vCard", "LinkedIn")
DETAIL_LINES = 5  # the details under the table show this many lines, and scroll
IGNORED_LISTED = 3  # lines that are no contact, named in the summary; the rest are counted
_KEYS = {Qt.Key.Key_N: ContactAction.NEW, Qt.Key.Key_U: ContactAction.UPDATE,
         Qt.Key.Key_S: ContactAction.SKIP}  # fmt: skip


def source_of(path: Path) -> str:
    """LinkedIn for its Connections.csv (any .csv), vCard for anything else."""
    return "LinkedIn" if path.suffix.casefold() == ".csv" else "vCard"


@dataclass(frozen=True)
class _Preview:
    """What reading and planning hand the GUI thread."""

    contacts: ContactFile
    plan: ContactPlan
    allowed: tuple[frozenset[ContactAction], ...]
    mentors: Sequence[MentorRecord]


class ActionDelegate(ComboDelegate):
    """The Action cell edited with a list of the actions that row allows."""

    def fill(self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex) -> None:
        combo.setAccessibleName(self.tr("Action"))
        allowed = index.data(ALLOWED_ROLE) or frozenset()
        for action in ACTIONS:
            if action in allowed:
                combo.addItem(action_text(action), action.value)
        # A choice made in the open list is the choice: no Enter needed after it.
        combo.activated.connect(lambda _i: self._chosen(combo))

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def current_data(self, index: QModelIndex | QPersistentModelIndex) -> object:
        action = index.data(Qt.ItemDataRole.EditRole)
        return getattr(action, "value", action)

    def store(self, model: Any, index: QModelIndex | QPersistentModelIndex, chosen: Any) -> None:
        if chosen is not None:
            model.setData(index, ContactAction(chosen))


class ContactImportDialog(FileImportDialog):
    """Reads ``path`` when shown; Import stores the plan as the person left it."""

    EMPTY = 4
    MESSAGE_PAGES = (FileImportDialog.PROBLEM, FileImportDialog.DONE, EMPTY)
    MESSAGE_WIDTH = 640
    FILE_ERROR = ContactFileError

    importer: ContactImport
    model: ContactsModel

    def __init__(
        self,
        services: Services,
        path: Path,
        parent: QWidget | None = None,
        *,
        source: str | None = None,
    ) -> None:
        super().__init__(services, path, parent, names="contacts", size=(780, 540))
        if source is not None and source not in SOURCES:
            raise ValueError(f"source is one of {SOURCES}, not {source!r}")
        self.setObjectName("contactImportDialog")
        self.setWindowTitle(self.tr("Import Contacts"))
        self.source = source or source_of(self.path)
        self.heading.setText(
            (
                self.tr("Import LinkedIn connections from “{name}”")
                if self.source == "LinkedIn"
                else self.tr("Import contacts from “{name}”")
            ).format(name=self.path.name)
        )
        self.importer = ContactImport(services)
        self._contacts: ContactFile | None = None
        self._mentors: Sequence[MentorRecord] = ()
        self._started = False
        self.import_result: ContactImportResult | None = None
        self.empty = EmptyState(self.tr("No contacts in this file"), icon_name="mentors")
        self.empty.setObjectName("contactsEmpty")
        self.pages.addWidget(self.empty)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if services.read_only:
            self.import_button.setToolTip(
                self.tr("The data folder is read-only, so nothing can be imported.")
            )
        self._show_page(self.WORKING)

    # --- pages ---------------------------------------------------------------------------

    def _fill_preview(self, layout: QVBoxLayout) -> None:
        self.model = ContactsModel(self)
        self.model.plan_changed.connect(self._update_summary)
        self.table = QTableView()
        self.table.setObjectName("contactsPreviewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ContactsModel.ACTION, ActionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # F2 and a double-click anywhere on a row open its Action (eventFilter, _activated).
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.doubleClicked.connect(lambda index: self.edit_action(index.row()))
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ContactsModel.CHANGES, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setAccessibleName(self.tr("Contacts in the file"))
        self.table.installEventFilter(self)
        table_label = QLabel(self.tr("&Contacts in the file:"))
        table_label.setBuddy(self.table)

        actions_label = QLabel(self.tr("Selected contacts:"))
        self.action_buttons = {
            ContactAction.NEW: QPushButton(self.tr("&New")),
            ContactAction.UPDATE: QPushButton(self.tr("&Update")),
            ContactAction.SKIP: QPushButton(self.tr("&Skip")),
        }
        tips = {
            ContactAction.NEW: self.tr("Make a new card for each selected contact (N)"),
            ContactAction.UPDATE: self.tr(
                "Fill the empty fields of the mentor each selected contact matched (U)"
            ),
            ContactAction.SKIP: self.tr("Do not import the selected contacts (S)"),
        }
        actions_row = QHBoxLayout()
        actions_row.setSpacing(Space.S)
        actions_row.addWidget(actions_label)
        for action, button in self.action_buttons.items():
            button.setToolTip(tips[action])
            button.clicked.connect(lambda _c=False, a=action: self.choose_selected(a))
            actions_row.addWidget(button)
        actions_row.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.model.dataChanged.connect(lambda *_: self._show_details())

        hint = QLabel(
            self.tr(
                "Double-click an action to change it, or select contacts and press N (new), "
                "U (update) or S (skip). A field already filled in MentorDesk is never "
                "overwritten: what the file says otherwise is listed as kept."
            )
        )
        hint.setObjectName("contactsHint")
        hint.setWordWrap(True)
        set_scaled_font(hint, TypeScale.SMALL)
        tint(hint, "muted")

        # Everything about the current row, for those who read it rather than hover.
        self.details = QPlainTextEdit()
        self.details.setObjectName("contactDetails")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("The selected contact in full"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margin = self.details.document().documentMargin()
        lines = self.details.fontMetrics().lineSpacing() * DETAIL_LINES
        frame = self.details.frameWidth()
        # The document's margin below the last line shown is cut from the view, so no part
        # of the line after it peeks in.
        self.details.setViewportMargins(0, 0, 0, int(margin))
        self.details.setFixedHeight(int(lines + 2 * margin + 2 * frame))
        details_label = QLabel(self.tr("&Details:"))
        details_label.setBuddy(self.details)

        for button in self.action_buttons.values():
            button.setAutoDefault(False)  # Enter imports, whichever button was used last
        self.status.hide()

        layout.addWidget(self.summary)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions_row)
        layout.addWidget(hint)
        layout.addWidget(details_label)
        layout.addWidget(self.details)

    # --- reading and planning ------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:  # open() or show(): read the file once it is on screen
            self._started = True
            self._read()

    def _reading(self) -> Work:
        importer, path, source = self.importer, self.path, self.source
        services = self._services

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            if source == "LinkedIn":
                from mentordesk.interchange.linkedin_read import read_linkedin_file

                contacts = read_linkedin_file(path)
            else:
                from mentordesk.interchange.vcard_read import read_vcard_file

                contacts = read_vcard_file(path)
            if cancelled():
                raise ImportCancelled()
            mentors = services.mentors.list_all()
            plan = importer.plan(contacts, mentors=mentors)
            allowed = importer.allowed_actions(plan, mentors=mentors)
            return _Preview(contacts, plan, allowed, mentors)

        return work

    def _previewed(self, result: object) -> None:
        assert isinstance(result, _Preview)
        self.show_plan(result.contacts, result.plan, result.allowed, result.mentors)

    def show_plan(
        self,
        contacts: ContactFile,
        plan: ContactPlan,
        allowed: Sequence[frozenset[ContactAction]],
        mentors: Sequence[MentorRecord],
    ) -> None:
        self._contacts = contacts
        self._mentors = tuple(mentors)
        if not plan.contacts:
            self.empty.set_text(self.tr("No contacts in this file"), self._empty_text(contacts))
            self._show_page(self.EMPTY)
            return
        importer = self.importer

        def choose(shown: ContactPlan, choices: Mapping[int, ContactAction]) -> ContactPlan:
            return importer.choose(shown, choices, mentors=self._mentors)

        self.model.set_plan(plan, allowed, {m.id: m.name for m in mentors}, choose)
        self._show_page(self.PREVIEW)
        self._size_columns()  # shown first: the table's width is known
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(0, ContactsModel.NAME))
        self._show_details()

    def _empty_text(self, contacts: ContactFile) -> str:
        text = self.tr("“{name}” holds no contacts, so there is nothing to import.").format(
            name=contacts.path.name
        )
        if contacts.ignored:
            text += " " + self._ignored_text(contacts.ignored)
        return text

    def _ignored_text(self, ignored: Sequence[str]) -> str:
        listed = "; ".join(ignored[:IGNORED_LISTED])
        if len(ignored) > IGNORED_LISTED:
            listed += "; " + self.tr("{n} more").format(n=len(ignored) - IGNORED_LISTED)
        if len(ignored) == 1:
            return self.tr("1 line of the file is no contact ({lines}).").format(lines=listed)
        return self.tr("{n} lines of the file are no contact ({lines}).").format(
            n=len(ignored), lines=listed
        )

    def _size_columns(self) -> None:
        """Each column as wide as its texts, up to a share of the table's width; What
        changes takes the rest (and says it all in its tooltip and the details)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        width = self.table.viewport().width() or 740
        shares = {
            ContactsModel.NAME: 0.22,
            ContactsModel.FROM_FILE: 0.27,
            ContactsModel.MATCH: 0.23,
        }
        for column, share in shares.items():
            header.resizeSection(
                column, min(header.sectionSize(column) + Space.S, int(width * share))
            )

    def _update_summary(self) -> None:
        plan = self.model.plan()
        if plan is None:
            return
        count = len(plan.contacts)
        text = (
            self.tr("1 contact in the file: {summary}")
            if count == 1
            else self.tr("{n} contacts in the file: {summary}")
        ).format(n=count, summary=plan.summary())
        if self._contacts is not None and self._contacts.ignored:
            text += " " + self._ignored_text(self._contacts.ignored)
        self.summary.setText(text)
        self._update_buttons()

    def _show_details(self) -> None:
        current = self.table.currentIndex()
        if self.model.plan() is None or not current.isValid():
            self.details.setPlainText("")
            return
        planned = self.model.planned(current.row())
        match = self.model.match_text(planned)
        head = self.tr("{name}, line {line}: {action}").format(
            name=planned.name, line=planned.contact.line, action=action_text(planned.action)
        )
        if match:
            head += " · " + self.tr("matches {match}").format(match=match)
        self.details.setPlainText(f"{head}\n{what_changes_in_full(planned)}")

    # --- choosing ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            key = Qt.Key(event.key())
            if key in _KEYS:
                self.choose_selected(_KEYS[key])
                return True
            if key == Qt.Key.Key_F2:
                self.edit_action(self.table.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def choose_selected(self, action: ContactAction) -> None:
        if self._busy:
            return
        rows = self.selected_rows()
        if not self.model.choose(rows, action):
            refused = [r for r in rows if action not in self.model.allowed(r)]
            if refused:
                self._say(
                    self.tr("{action} cannot be chosen for {name}: {why}").format(
                        action=action_text(action),
                        name=self.model.planned(refused[0]).name,
                        why=self._why_not(action),
                    )
                )
            return
        self._say("")

    def _why_not(self, action: ContactAction) -> str:
        if action is ContactAction.UPDATE:
            return self.tr("it matched no mentor, or that card has all of it already.")
        return self.tr("the file lists this person earlier.")

    def edit_action(self, row: int) -> None:
        if row < 0 or self._busy:
            return
        index = self.model.index(row, ContactsModel.ACTION)
        if self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def _update_choices(self, idle: bool) -> None:
        rows = self.selected_rows() if idle else []
        for action, button in self.action_buttons.items():
            button.setEnabled(any(action in self.model.allowed(r) for r in rows))

    def _may_import(self) -> bool:
        return not self._services.read_only

    # --- importing -----------------------------------------------------------------------

    def _say(self, text: str, *, danger: bool = False) -> None:
        if not text and self._services.read_only and self.model.plan() is not None:
            text = self.tr(
                "The data folder is read-only: this shows what importing would do, but "
                "nothing can be imported."
            )
        super()._say(text, danger=danger)
        self.status.setVisible(bool(text))

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        if isinstance(error, ImportCancelled) and self._step == "import":
            self.table.setFocus()

    def _present(self, result: object) -> str:
        assert isinstance(result, ContactImportResult)
        self.import_result = result
        text = self.tr("Imported: {summary}").format(summary=result.plan.summary())
        if result.backup is not None:
            text += "\n\n" + self.tr(
                "A backup was taken just before, in {path} (File > Backups… restores it)."
            ).format(path=result.backup)
        return text
