"""The Mentors view: every mentor card in a filterable table, and the card editor beside it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.commands import CreateRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.list_card_view import ListCardView
from mentordesk.ui.mentors.commands import MENTOR, DeleteMentor, SetMentorArchived
from mentordesk.ui.mentors.delete_question import delete_question
from mentordesk.ui.mentors.editor import MentorEditor
from mentordesk.ui.mentors.filter_bar import MentorFilterBar
from mentordesk.ui.mentors.gratitude_commands import GratitudeEdits
from mentordesk.ui.mentors.model import MentorTableModel
from mentordesk.ui.mentors.proxy import MentorFilterProxy

if TYPE_CHECKING:
    from mentordesk.services.context import Services
    from mentordesk.services.listing import Listing
    from mentordesk.services.mentors import MentorService
    from mentordesk.services.startup import QuickMentorListing


class MentorsView(ListCardView):
    """Lists mentors, filters them as you type, and edits the selected card in place."""

    open_agreement_requested = Signal(int)
    # The mentor's card asks to plan the next meeting, or to show one (the Calendar's).
    schedule_next_requested = Signal(int)
    open_meeting_requested = Signal(int)
    sample_data_requested = Signal()
    records_shown = Signal(int)
    pdf_requested = Signal()  # the selected mentor's relationship summary

    name = "mentors"
    kinds = frozenset(
        {
            DataKind.MENTOR,
            DataKind.GOAL,
            DataKind.AGREEMENT,
            DataKind.MEETING,
            DataKind.ACTION_ITEM,
            DataKind.GRATITUDE,
            DataKind.SETTINGS,  # the span after which a mentor is due thanks
        }
    )
    edit_kinds = MENTOR
    column_widths: ClassVar[Mapping[int, int]] = {1: 150, 2: 110, 3: 110, 4: 75, 5: 88}
    sort_column = MentorTableModel.NAME
    lazy_card = True  # the view of start-up: its card waits until a mentor is chosen
    initial_sizes = (700, 430)
    model: MentorTableModel
    proxy: MentorFilterProxy
    editor: MentorEditor

    _quick: QuickMentorListing | None = None

    # --- configuration -------------------------------------------------------------------

    def make_texts(self) -> ListCardTexts:
        return ListCardTexts(
            new_action=self.tr("&New Mentor"),
            new_tip=self.tr("Add a mentor card"),
            delete_action=self.tr("&Delete Mentor…"),
            find_action=self.tr("&Find Mentor"),
            list_name=self.tr("Mentors"),
            empty_icon="mentors",
            empty_title=self.tr("No mentors yet"),
            empty_body=self.tr(
                "Add the people who guide you, and the people you guide, to keep their "
                "details, how you met and what they know in one place."
            ),
            empty_button=self.tr("Add a mentor (Ctrl+N)"),
            no_match_title=self.tr("No mentor matches"),
            no_match_body=self.tr(
                "Try fewer words, another status or kind, or show archived mentors."
            ),
            hint_title=self.tr("No mentor selected"),
            hint_body=self.tr(
                "Select a mentor in the list to see and edit their card, or press Ctrl+N."
            ),
            count_one=self.tr("1 mentor"),
            count_many=self.tr("{n} mentors"),
            draft_title=self.tr("Unsaved new mentor"),
            draft_text=self.tr(
                "The new mentor has no name yet, so nothing on the card is saved.\n\nDiscard it?"
            ),
            started_new=self.tr("New mentor: type a name, then fill in what you know."),
            added=self.tr("Added {name}."),
            deleted=self.tr("Deleted {name}. Undo: Ctrl+Z"),
        )

    def make_model(self) -> MentorTableModel:
        return MentorTableModel(self)

    def make_proxy(self) -> MentorFilterProxy:
        return MentorFilterProxy(self)

    def make_filter_bar(self) -> MentorFilterBar:
        bar = MentorFilterBar(self.proxy)
        self.status_filter = bar.status_filter
        self.kind_filter = bar.kind_filter
        self.archived_check = bar.archived_check
        return bar

    def make_card(self) -> QWidget:
        self.editor = MentorEditor()
        self.editor.open_agreement_requested.connect(self.open_agreement_requested)
        self.editor.meetings.open_meeting_requested.connect(self.open_meeting_requested)
        self.editor.meetings.schedule_next_requested.connect(
            lambda: (
                self.editor.record is not None
                and self.schedule_next_requested.emit(self.editor.record.id)
            )
        )
        self.editor.edit_requested.connect(self.store_edit)
        self.editor.create_requested.connect(self.store_new)
        self.gratitude_edits = GratitudeEdits(self, self.editor.gratitude, self._today)
        return self.editor

    def extra_actions(self) -> Sequence[QAction]:
        self.archive_action = QAction(icon("archive"), self.tr("&Archive Mentor"), self)
        # Not Ctrl+E: in text fields that is "end of line" on Linux desktops.
        self.archive_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.archive_action.triggered.connect(self.toggle_archived)
        self.log_thanks_action = QAction(self.tr("Log &Thanks…"), self)
        self.log_thanks_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.log_thanks_action.setStatusTip(self.tr("Log thanks given to the mentor shown"))
        self.log_thanks_action.triggered.connect(self.log_thanks)
        self.pdf_action = QAction(icon("report"), self.tr("&Relationship Summary PDF…"), self)
        self.pdf_action.setIconText(self.tr("PDF"))
        self.pdf_action.setStatusTip(self.tr("A PDF of the relationship with the mentor shown"))
        self.pdf_action.triggered.connect(self.pdf_requested)
        return (self.archive_action, self.log_thanks_action, self.pdf_action)

    def toolbar_actions(self) -> Sequence[QAction]:
        # Logging thanks lives on the card (and in the Mentor menu): the toolbar stays short.
        return tuple(a for a in super().toolbar_actions() if a is not self.log_thanks_action)

    def record_service(self) -> MentorService:
        assert self.services is not None
        return self.services.mentors

    # --- data ----------------------------------------------------------------------------

    def preview(self, quick: QuickMentorListing) -> None:
        """Show the mentors read quickly at start-up; editable once attached."""
        if self.services is not None:
            quick.close()
            return
        self.set_editor_enabled(False)
        self._quick = quick
        self.show_source(quick)
        self.records_shown.emit(self.model.rowCount())

    def row_source(self, services: Services) -> Listing[MentorRecord]:
        return services.mentors.listing

    def attach(self, services: Services) -> None:
        super().attach(services)
        if self._quick is not None:
            self._quick.close()  # the services' listing reads the same rows from now on
            self._quick = None

    def reload(self, kinds: frozenset[DataKind]) -> None:
        if DataKind.GOAL in kinds:
            self._show_goal_titles()
        if DataKind.AGREEMENT in kinds:
            self._show_agreement()
        if kinds & {DataKind.AGREEMENT, DataKind.MEETING, DataKind.ACTION_ITEM}:
            self._show_pulse()
        if kinds & {DataKind.GRATITUDE, DataKind.MEETING, DataKind.SETTINGS}:
            self._show_gratitude()
        if DataKind.MENTOR in kinds:
            self.show_rows()

    def show_rows(self, changed: Sequence[int] | None = None) -> None:
        super().show_rows(changed)
        self.records_shown.emit(self.model.rowCount())

    def show_card(self, record: MentorRecord) -> None:
        self.editor.show_record(record)
        self._show_goal_titles()
        self._show_agreement()
        self._show_pulse()
        self._show_gratitude()

    def start_card(self) -> None:
        super().start_card()
        self._show_gratitude()  # a new card has no log yet

    def _show_gratitude(self) -> None:
        if isinstance(self.built_editor, MentorEditor):
            self.gratitude_edits.refresh()

    def _show_pulse(self) -> None:
        editor = self.built_editor
        if not isinstance(editor, MentorEditor):
            return
        record = editor.record
        pulse = None
        if record is not None and self.services is not None:
            pulse = self.services.meetings.pulse(record.id)
        editor.meetings.set_pulse(pulse, self._today())
        editor.meetings.schedule_button.setEnabled(record is not None and self.editable)

    def _show_goal_titles(self) -> None:
        editor = self.built_editor
        if not isinstance(editor, MentorEditor):
            return  # no card yet: show_card() fills them in
        record = editor.record
        titles: list[str] = []
        if record is not None and self.services is not None:
            titles = [goal.title for goal in self.services.goals.goals_of_mentor(record.id)]
        editor.set_goal_titles(titles)

    def _show_agreement(self) -> None:
        editor = self.built_editor
        if not isinstance(editor, MentorEditor):
            return
        record = editor.record
        agreement = None
        if record is not None and self.services is not None:
            agreement = self.services.agreements.active_for_mentor(record.id)
        editor.set_agreement(agreement, self._today())

    def count_text(self, shown: int, total: int) -> str:
        if not self.proxy.is_filtering:  # every card (but the archived, unless shown)
            return self.texts.count_one if shown == 1 else self.texts.count_many.format(n=shown)
        return self.tr("Showing {shown} of {total}").format(shown=shown, total=total)

    def extra_empty_buttons(self) -> Sequence[tuple[str, Callable[[], None]]]:
        return ((self.tr("Load sample data"), self.sample_data_requested.emit),)

    @property
    def sample_button(self) -> QPushButton:
        return self.empty_buttons[0]

    def update_extra_actions(self, record: MentorRecord | None, editable: bool) -> None:
        self.sample_button.setEnabled(editable)  # once the database is open for editing
        self.archive_action.setEnabled(editable and record is not None)
        self.log_thanks_action.setEnabled(editable and record is not None)
        self.pdf_action.setEnabled(self.services is not None and record is not None)
        if record is not None and record.is_archived:
            self.archive_action.setText(self.tr("Restore from &Archive"))
        else:
            self.archive_action.setText(self.tr("&Archive Mentor"))

    # --- edits ---------------------------------------------------------------------------

    def select_mentor(self, mentor_id: int) -> None:
        self.focus_record(mentor_id)

    def start_new_mentor(self) -> None:
        self.start_new()

    def create_command(self, fields: MentorFields) -> ServiceCommand:
        service = self.record_service()
        text = self.tr("Add mentor “{name}”").format(name=fields.name.strip())
        return CreateRecord(self.context, service, lambda: service.create(fields), text, MENTOR)

    def delete_command(self, record: MentorRecord) -> ServiceCommand:
        return DeleteMentor(self.context, self.record_service(), record)

    def log_thanks(self) -> None:
        """Open the Gratitude box's form to log thanks to the mentor shown."""
        if self.selected_record() is None or not self.editable:
            return
        box = self.editor.gratitude
        self.editor.ensureWidgetVisible(box)
        box.open_new()
        self.editor.ensureWidgetVisible(box.form)

    def toggle_archived(self) -> None:
        record = self.selected_record()
        if record is None or not self.editable:
            return
        archived = not record.is_archived
        if self.run(SetMentorArchived(self.context, self.record_service(), record, archived)):
            text = self.tr("Archived {name}.") if archived else self.tr("Restored {name}.")
            self.status_message.emit(text.format(name=record.name) + " " + self.tr("Undo: Ctrl+Z"))

    def confirm_delete(self, record: MentorRecord) -> bool:
        """Delete, archive instead, or cancel; says what the mentor's card is linked to."""
        references = self.record_service().references(record.id)
        box, delete, archive = delete_question(self, record, references)
        choice = self._ask(box)
        if choice is archive and not record.is_archived:
            self.toggle_archived()
        return choice is delete

    def _ask(self, box: QMessageBox) -> object:
        """Show a question and return the button clicked (tests replace this)."""
        box.exec()
        return box.clickedButton()
