"""The Agreements view: what was agreed with each mentor, its history, and its review.

Setting clear expectations (goals, how often and how to meet, boundaries, how to talk) is what
makes a mentoring relationship work; this is where those agreements are written and kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QTabWidget, QWidget

from mentordesk.domain.agreement import AgreementFields, AgreementRecord, AnotherAgreementActive
from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.goal import GoalChoice
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.agreements.commands import AGREEMENT, EditAgreement, RestoreRevision
from mentordesk.ui.agreements.concluding import ConcludingRun
from mentordesk.ui.agreements.editor import AgreementEditor
from mentordesk.ui.agreements.filter_bar import AgreementFilterBar
from mentordesk.ui.agreements.history import AgreementHistory
from mentordesk.ui.agreements.model import AgreementTableModel
from mentordesk.ui.agreements.new_dialog import NewAgreementDialog
from mentordesk.ui.agreements.proxy import AgreementFilterProxy
from mentordesk.ui.common.card import ListCardTexts
from mentordesk.ui.common.commands import CreateRecord, DeleteRecord, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import saved_now
from mentordesk.ui.common.list_card_view import ListCardView
from mentordesk.ui.common.record_table_view import RecordTableView

if TYPE_CHECKING:
    from mentordesk.services.agreements import AgreementService
    from mentordesk.services.context import Services
    from mentordesk.services.listing import Listing


class AgreementsView(ListCardView):
    """Lists every agreement, filters them, edits the selected one and shows its history."""

    pdf_requested = Signal()  # the selected agreement as a document to send

    name = "agreements"
    kinds = frozenset({DataKind.AGREEMENT, DataKind.MENTOR, DataKind.GOAL, DataKind.MEETING})
    key_field = "title"
    sort_column = AgreementTableModel.MENTOR
    stretch_column = AgreementTableModel.TITLE
    card_minimum_width = 320
    split = (1, 1)
    initial_sizes = (740, 540)
    # Activating a second agreement of a mentor: _run_concluding asks whether to conclude.
    passes_through = (AnotherAgreementActive,)
    model: AgreementTableModel
    proxy: AgreementFilterProxy
    filter_bar: AgreementFilterBar
    editor: AgreementEditor
    _mentors: Sequence[MentorEntry] = ()
    _goals: Sequence[GoalChoice] = ()

    # --- configuration -------------------------------------------------------------------

    def make_texts(self) -> ListCardTexts:
        return ListCardTexts(
            new_action=self.tr("&New Agreement…"),
            new_tip=self.tr("Agree expectations with a mentor"),
            delete_action=self.tr("&Delete Agreement…"),
            find_action=self.tr("&Find Agreement"),
            list_name=self.tr("Agreements"),
            empty_icon="agreements",
            empty_title=self.tr("No agreements yet"),
            empty_body=self.tr(
                "Agree with each mentor what you work on, how often and how you meet, what is "
                "out of bounds and how you keep in touch. Start one from a template."
            ),
            empty_button=self.tr("Start an agreement (Ctrl+N)"),
            no_match_title=self.tr("No agreement matches"),
            no_match_body=self.tr("Try fewer words, another status or mentor."),
            hint_title=self.tr("No agreement selected"),
            hint_body=self.tr(
                "Select an agreement in the list to see and edit it, or press Ctrl+N."
            ),
            count_one=self.tr("1 agreement"),
            count_many=self.tr("{n} agreements"),
            draft_title="",
            draft_text="",
            started_new="",
            added=self.tr("Started the draft “{name}”."),
            deleted=self.tr("Deleted the agreement “{name}”. Undo: Ctrl+Z"),
        )

    def make_model(self) -> AgreementTableModel:
        return AgreementTableModel(self, today=self._today)

    def make_proxy(self) -> AgreementFilterProxy:
        return AgreementFilterProxy(self)

    def make_filter_bar(self) -> AgreementFilterBar:
        bar = AgreementFilterBar(self.proxy)
        self.status_filter = bar.status_filter
        self.mentor_filter = bar.mentor_filter
        return bar

    def make_table(self) -> QTableView:
        table = super().make_table()
        header = table.horizontalHeader()
        # The short columns are fitted to the first screen's texts (fit_columns), never
        # to every row's: that would read every agreement. Names and titles can be long:
        # they share what the short columns leave.
        header.resizeSection(AgreementTableModel.MENTOR, 150)
        if isinstance(table, RecordTableView):
            table.least_widths = {AgreementTableModel.MENTOR: 150}
        header.setSectionResizeMode(AgreementTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        return table

    def make_card(self) -> QWidget:
        self.editor = AgreementEditor()
        self.editor.edit_requested.connect(self._store_edit)
        self.history = AgreementHistory()
        self.history.restore_requested.connect(self.restore_revision)
        self.concluding = ConcludingRun(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self.editor, self.tr("Agreement"))
        self.tabs.addTab(self.history, self.tr("History"))
        return self.tabs

    def extra_actions(self) -> Sequence[QAction]:
        self.pdf_action = QAction(icon("report"), self.tr("Agreement &PDF…"), self)
        self.pdf_action.setIconText(self.tr("PDF"))
        self.pdf_action.setStatusTip(self.tr("The agreement shown as a PDF to send the mentor"))
        self.pdf_action.triggered.connect(self.pdf_requested)
        return (self.pdf_action,)

    def update_extra_actions(self, record: AgreementRecord | None, editable: bool) -> None:
        self.pdf_action.setEnabled(self.services is not None and record is not None)

    def record_service(self) -> AgreementService:
        assert self.services is not None
        return self.services.agreements

    # --- data ----------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        super().attach(services)
        self.history.setEnabled(self.editable)

    def detach(self) -> None:
        super().detach()
        self.history.setEnabled(False)

    def reload(self, kinds: frozenset[DataKind]) -> None:
        services = self.services
        assert services is not None
        if DataKind.MENTOR in kinds:
            self._mentors = self._bus.mentor_directory(services)
            self.model.set_mentor_names({m.id: m.name for m in self._mentors})
            self.filter_bar.set_mentors(self._mentors)
        if DataKind.GOAL in kinds:
            self._goals = services.goals.choices()
        if DataKind.AGREEMENT in kinds:
            self.show_rows()
        elif self.editor.record is not None:
            self.show_card(self.editor.record)  # the mentor's name or the goals changed

    def row_source(self, services: Services) -> Listing[AgreementRecord]:
        return services.agreements.listing

    def show_card(self, record: AgreementRecord) -> None:
        assert self.services is not None
        goals = sorted(self._goals, key=lambda g: record.mentor_id not in g.mentor_ids)
        self.editor.show_record(record, self.model.mentor_name(record.mentor_id), goals)
        pulse = self.services.meetings.pulse(record.mentor_id)
        in_force = pulse.cadence_agreement is not None and pulse.cadence_agreement.id == record.id
        due = pulse.next_due if in_force else None
        self.editor.show_next_due(due, in_force and pulse.is_overdue(self._today()))
        self.history.set_history(
            record.fields,
            self.services.agreements.revisions(record.id),
            {g.id: g.title for g in self._goals},
            self.services.agreements.compare_revisions,
        )

    def select_agreement(self, agreement_id: int) -> None:
        self.focus_record(agreement_id)

    # --- changes -------------------------------------------------------------------------

    def start_new(self) -> None:
        """A new agreement starts from the dialog: a mentor and a template."""
        if not self.editable:
            return
        mentors = [m for m in self._mentors if not m.is_archived] or list(self._mentors)
        if not mentors:
            self.report_error(self.tr("Add a mentor first: an agreement is made with a mentor."))
            return
        record = self.editor.record
        dialog = NewAgreementDialog(
            mentors, self, mentor_id=None if record is None else record.mentor_id
        )
        if not self._accepted(dialog):
            return
        mentor_id, fields = dialog.choice()
        self.create_agreement(mentor_id, fields)

    def start_new_agreement(self) -> None:
        self.start_new()

    def _accepted(self, dialog: QDialog) -> bool:
        """Show the dialog; True when accepted (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def create_agreement(self, mentor_id: int, fields: AgreementFields) -> None:
        """Store a draft agreement (undoable) and select it."""
        draft = fields.replace(status=AgreementStatus.DRAFT)
        self._mentor_of_new = mentor_id
        self.store_new(draft)
        self.tabs.setCurrentWidget(self.editor)

    def create_command(self, fields: AgreementFields) -> ServiceCommand:
        service = self.record_service()
        mentor_id = self._mentor_of_new
        text = self.tr("Add agreement “{title}”").format(title=fields.title)
        return CreateRecord(
            self.context, service, lambda: service.create(mentor_id, fields), text, AGREEMENT
        )

    def delete_command(self, record: AgreementRecord) -> ServiceCommand:
        text = self.tr("Delete agreement “{title}”").format(title=record.title)
        return DeleteRecord(self.context, self.record_service(), record.id, text, AGREEMENT)

    def delete_question(self, record: AgreementRecord) -> str:
        return self.tr(
            "Delete the agreement “{title}” with {mentor}, and its history?\n\n"
            "You can undo this with Ctrl+Z."
        ).format(title=record.title, mentor=self.model.mentor_name(record.mentor_id))

    def confirm_delete(self, record: AgreementRecord) -> bool:
        return self._ask(self.tr("Delete agreement"), self.delete_question(record))

    def _store_edit(self, field: str, after: AgreementFields) -> None:
        record = self.editor.record
        if self.services is None or record is None:
            return
        service, noun = self.record_service(), self.editor.field_noun(field)
        if self.concluding.run(
            lambda other: EditAgreement(self.context, service, record, after, field, noun, other)
        ):
            self.editor.show_errors({})
            self.status_message.emit(saved_now())

    def restore_revision(self, revision_id: int) -> None:
        record = self.editor.record
        if self.services is None or record is None:
            return
        service = self.record_service()
        if self.concluding.run(
            lambda other: RestoreRevision(self.context, service, record, revision_id, other)
        ):
            self.status_message.emit(
                self.tr("Restored the earlier revision as a new one. Undo: Ctrl+Z")
            )

    def _ask(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        return self.ask(title, text)
