"""File > Import > Calendar: read a calendar file off the GUI thread, preview what importing
it does (each event's date, new or update, its mentor), let the person leave events out and
change the mapping, then import it all at once with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.mentor import MentorRecord, sorted_by_name
from mentordesk.interchange.errors import ImportCancelled
from mentordesk.interchange.ics_import import CalendarImport, ImportResult, default_range
from mentordesk.interchange.ics_plan import Action, ImportPlan
from mentordesk.ui.calendar_files.preview_model import MENTOR_IDS_ROLE, PreviewModel
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.job import Job
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font, tint, untint

if TYPE_CHECKING:
    from mentordesk.interchange.ics_read import CalendarFile
    from mentordesk.services.context import Services


class MentorDelegate(QStyledItemDelegate):
    """The Mentor cell edited with a list of mentors (or none)."""

    def __init__(self, mentors: Callable[[], list[MentorRecord]], parent: QWidget) -> None:
        super().__init__(parent)
        self._mentors = mentors

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        fill_mentor_combo(combo, self._mentors())
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        ids = index.data(MENTOR_IDS_ROLE) or ()
        found = editor.findData(ids[0] if len(ids) == 1 else None)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        chosen = editor.currentData()
        model.setData(index, () if chosen is None else (int(chosen),))


def fill_mentor_combo(combo: QComboBox, mentors: list[MentorRecord]) -> None:
    combo.clear()
    combo.addItem(combo.tr("No mentor"), None)
    for mentor in sorted_by_name(mentors):
        name = (
            mentor.name
            if not mentor.is_archived
            else combo.tr("{name} (archived)").format(name=mentor.name)
        )
        combo.addItem(name, mentor.id)


class ImportPreviewDialog(QDialog):
    """Reads ``path`` when shown; Import stores the plan as the person left it."""

    imported = Signal(object)  # ImportResult
    meeting_requested = Signal(int)  # Show in Calendar

    WORKING, PREVIEW, PROBLEM, DONE = range(4)

    def __init__(
        self,
        services: Services,
        path: Path,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        floating_zone: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import Calendar"))
        self.path = path
        self.importer = CalendarImport(services)
        self._services = services
        self._floating_zone = floating_zone
        self._file: CalendarFile | None = None
        self._mentors: list[MentorRecord] = []
        self._step = ""  # what the job is doing: "read", "plan" or "import"
        self._busy = False  # the job is working for the preview page (planning, importing)
        self.result: ImportResult | None = None
        self.job = Job(self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)

        heading = QLabel(self.tr("Import “{name}”").format(name=path.name))
        heading.setObjectName("importHeading")
        set_scaled_font(heading, TypeScale.HEADING, bold=True)
        heading.setToolTip(
            QtGui.convertFromPlainText(str(path), QtGui.WhiteSpaceMode.WhiteSpaceNormal)
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._preview_page(today or date.today()))
        self.pages.addWidget(self._problem_page())
        self.pages.addWidget(self._done_page())

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.show_button = QPushButton(self.tr("&Show in Calendar"))
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        for button in (
            self.range_button,
            self.assign_button,
            self.leave_out_button,
            self.include_button,
            self.cancel_button,
            self.show_button,
        ):
            button.setAutoDefault(False)  # Enter imports, whichever button was used last
        # Enter in the days' fields reads them again, in the mentor list assigns: it imports
        # only from the table and the buttons, where it cannot be meant for something else.
        for widget in (self.from_field, self.to_field, self.assign_combo):
            widget.installEventFilter(self)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.show_button.clicked.connect(self._show_in_calendar)

        # What these show comes from the file (its name, its events' titles): text, never
        # markup, however it looks.
        for label in (
            heading,
            self.working_label,
            self.range_message,
            self.summary,
            self.status,
            self.problem,
            self.done_label,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setSpacing(Space.M)
        layout.addWidget(heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(940, 580)
        self._show_page(self.WORKING)
        self._read()

    # --- pages ---------------------------------------------------------------------------

    def _working_page(self) -> QWidget:
        page = QWidget()
        self.working_label = QLabel()
        self.working_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.working_label)
        layout.addWidget(self.progress)
        layout.addStretch(2)
        return page

    def _preview_page(self, today: date) -> QWidget:
        page = QWidget()
        first, last = default_range(today)
        self.from_field = DateField(optional=False)
        self.from_field.setObjectName("importFrom")
        self.from_field.set_value(first)
        self.to_field = DateField(optional=False)
        self.to_field.setObjectName("importTo")
        self.to_field.set_value(last)
        self.range_button = QPushButton(self.tr("&Read Again"))
        self.range_button.setToolTip(
            self.tr("Show the events between these days (recurring events are repeated in them)")
        )
        self.range_button.clicked.connect(self.read_again)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("showEvents")
        self.show_combo.addItem(self.tr("All events"), "all")
        self.show_combo.addItem(self.tr("New and updated"), "changes")
        self.show_combo.addItem(self.tr("No mentor yet"), "unassigned")
        self.show_combo.currentIndexChanged.connect(lambda _i: self._filter_rows())
        show_label = QLabel(self.tr("S&how:"))
        show_label.setBuddy(self.show_combo)
        from_label = QLabel(self.tr("Events &from"))
        from_label.setBuddy(self.from_field)
        to_label = QLabel(self.tr("&to"))
        to_label.setBuddy(self.to_field)
        range_row = QHBoxLayout()
        range_row.setSpacing(Space.S)
        range_row.addWidget(from_label)
        range_row.addWidget(self.from_field)
        range_row.addWidget(to_label)
        range_row.addWidget(self.to_field)
        range_row.addWidget(self.range_button)
        range_row.addStretch(1)
        range_row.addWidget(show_label)
        range_row.addWidget(self.show_combo)
        self.range_message = QLabel()
        tint(self.range_message, "danger")
        self.range_message.hide()

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.model.dataChanged.connect(self._update_summary)
        self.table = QTableView()
        self.table.setObjectName("importPreviewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            PreviewModel.MENTOR, MentorDelegate(lambda: self._mentors, self.table)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PreviewModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setAccessibleName(self.tr("Events in the file"))

        self.assign_combo = QComboBox()
        self.assign_combo.setObjectName("assignMentor")
        self.assign_combo.setMinimumContentsLength(16)
        self.assign_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        assign_label = QLabel(self.tr("&Mentor for the selected events:"))
        assign_label.setBuddy(self.assign_combo)
        self.assign_button = QPushButton(self.tr("&Assign"))
        self.assign_button.clicked.connect(self.assign_selected)
        self.leave_out_button = QPushButton(self.tr("&Leave Out"))
        self.leave_out_button.setToolTip(self.tr("Do not import the selected events"))
        self.leave_out_button.clicked.connect(lambda: self.include_selected(False))
        self.include_button = QPushButton(self.tr("I&nclude"))
        self.include_button.clicked.connect(lambda: self.include_selected(True))
        assign_row = QHBoxLayout()
        assign_row.setSpacing(Space.S)
        assign_row.addWidget(assign_label)
        assign_row.addWidget(self.assign_combo)
        assign_row.addWidget(self.assign_button)
        assign_row.addSpacing(Space.L)
        assign_row.addWidget(self.leave_out_button)
        assign_row.addWidget(self.include_button)
        assign_row.addStretch(1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.apply_progress = QProgressBar()
        self.apply_progress.setTextVisible(False)
        self.apply_progress.hide()

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.S)
        layout.addLayout(range_row)
        layout.addWidget(self.range_message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(assign_row)
        layout.addWidget(self.status)
        layout.addWidget(self.apply_progress)
        return page

    def _problem_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("This file cannot be imported"))
        title.setObjectName("importProblemTitle")
        set_scaled_font(title, TypeScale.HEADING)
        tint(title, "danger")
        self.problem_title = title
        self.problem = QLabel()
        self.problem.setObjectName("importProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName("importDone")
        self.done_label.setWordWrap(True)
        # When and what, in columns that line up; Enter is the default button's (Show in
        # Calendar), so only a double-click here.
        self.unassigned_list = QTreeWidget()
        self.unassigned_list.setObjectName("unassignedMeetings")
        self.unassigned_list.setHeaderLabels([self.tr("When"), self.tr("Title")])
        self.unassigned_list.setRootIsDecorated(False)
        self.unassigned_list.setAlternatingRowColors(True)
        self.unassigned_list.setAccessibleName(self.tr("Meetings with no mentor yet"))
        self.unassigned_list.itemDoubleClicked.connect(lambda *_: self._show_in_calendar())
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.unassigned_list, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.import_button.setVisible(page == self.PREVIEW)
        self.cancel_button.setVisible(page in (self.WORKING, self.PREVIEW))
        self.close_button.setVisible(page in (self.PROBLEM, self.DONE))
        listed = self.unassigned_list.topLevelItemCount() > 0
        self.show_button.setVisible(page == self.DONE and listed)
        if page == self.PREVIEW:
            self.import_button.setDefault(True)
        elif page == self.PROBLEM:
            self.close_button.setDefault(True)
            # A message, not a table: the room the preview needs would stand empty.
            self.resize(min(self.width(), 720), self.minimumSizeHint().height())
        elif page == self.DONE:
            (self.show_button if listed else self.close_button).setDefault(True)
            (self.unassigned_list if listed else self.close_button).setFocus()
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if watched in (self.from_field, self.to_field):
                self.read_again()
                return True
            if watched is self.assign_combo:
                self.assign_selected()
                return True
        return super().eventFilter(watched, event)

    # --- reading and planning ------------------------------------------------------------

    def _read(self) -> None:
        self._step = "read"
        self.working_label.setText(self.tr("Reading {path}…").format(path=self.path))
        self.progress.setRange(0, 0)  # parsing has no steps to count
        start, end = self.from_field.value(), self.to_field.value()
        importer, path, zone = self.importer, self.path, self._floating_zone
        services = self._services

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            calendar_file = importer.open(path)
            plan = importer.plan(
                calendar_file,
                start,
                end,
                floating_zone=zone,
                progress=progress,
                cancelled=cancelled,
            )
            return calendar_file, plan, services.mentors.list_all()

        self.job.start(work)

    def read_again(self) -> None:
        """Plan again for the days now chosen (the file is not read again)."""
        try:
            start, end = self.from_field.value(), self.to_field.value()
        except UnreadableValue as exc:
            self._range_problem(str(exc))
            return
        if start is None or end is None or end < start:
            self._range_problem(self.tr("The first day is after the last."))
            return
        self.range_message.hide()
        if self._file is None or self.job.running:
            return
        self._step = "plan"
        self._say(self.tr("Finding the events between those days…"))
        self._set_busy(True)
        importer, calendar_file, zone = self.importer, self._file, self._floating_zone
        services = self._services

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            plan = importer.plan(
                calendar_file,
                start,
                end,
                floating_zone=zone,
                progress=progress,
                cancelled=cancelled,
            )
            return calendar_file, plan, services.mentors.list_all()

        self.job.start(work)

    def _range_problem(self, message: str) -> None:
        self.range_message.setText(message)
        self.range_message.show()

    def show_plan(self, plan: ImportPlan, mentors: list[MentorRecord]) -> None:
        self._mentors = mentors
        self.model.set_plan(plan, {m.id: m.name for m in mentors})
        fill_mentor_combo(self.assign_combo, mentors)
        self.table.resizeColumnsToContents()  # the title takes what the others leave
        header = self.table.horizontalHeader()
        width = self.table.viewport().width() or 880
        for column in (PreviewModel.ACTION, PreviewModel.MENTOR):
            header.resizeSection(column, min(header.sectionSize(column), width // 4))
        self._filter_rows()
        self._update_summary()
        self._show_page(self.PREVIEW)
        self.table.setFocus()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, PreviewModel.INCLUDE))

    def _update_summary(self) -> None:
        plan = self.model.plan()
        if plan is None:
            return
        text = self.tr("{count} events from {first} to {last}: {summary}").format(
            count=len(plan.events),
            first=format_date(plan.start),
            last=format_date(plan.end),
            summary=plan.summary(),
        )
        unassigned = len(plan.unassigned())
        if unassigned:
            text += " " + (
                self.tr(
                    "1 has no mentor yet: choose one in the Mentor column, or assign it later "
                    "in the Calendar."
                )
                if unassigned == 1
                else self.tr(
                    "{n} have no mentor yet: choose one in the Mentor column, or assign them "
                    "later in the Calendar."
                ).format(n=unassigned)
            )
        if plan.outside:
            text += " " + self.tr("{n} more fall outside these days and are not shown.").format(
                n=plan.outside
            )
        if not plan.events:
            text = self.tr("The file holds no events from {first} to {last}.").format(
                first=format_date(plan.start), last=format_date(plan.end)
            )
        self.summary.setText(text)
        self._update_buttons()
        self._filter_rows()

    def _filter_rows(self) -> None:
        shown = self.show_combo.currentData()
        for row in range(self.model.rowCount()):
            planned = self.model.planned(row)
            visible = (
                shown == "all"
                or (shown == "changes" and planned.action in (Action.NEW, Action.UPDATE))
                or (shown == "unassigned" and planned.include and planned.is_unassigned)
            )
            self.table.setRowHidden(row, not visible)

    def _selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _update_buttons(self) -> None:
        idle = not self._busy
        plan = self.model.plan()
        self.import_button.setEnabled(
            idle and plan is not None and plan.writes and self.pages.currentIndex() == self.PREVIEW
        )
        chosen = bool(self._selected_rows()) and idle
        for button in (self.assign_button, self.leave_out_button, self.include_button):
            button.setEnabled(chosen)
        self.range_button.setEnabled(idle and self._file is not None)
        self.table.setEnabled(idle)

    def assign_selected(self) -> None:
        chosen = self.assign_combo.currentData()
        self.model.set_mentors(self._selected_rows(), () if chosen is None else (int(chosen),))

    def include_selected(self, include: bool) -> None:
        for row in self._selected_rows():
            self.model.set_included(row, include)

    # --- importing -----------------------------------------------------------------------

    def start_import(self) -> None:
        plan = self.model.plan()
        if plan is None or not plan.writes or self.job.running:
            return
        self._step = "import"
        self._say(self.tr("Backing up, then importing…"))
        self._set_busy(True)
        importer = self.importer

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            return importer.apply(plan, progress=progress, cancelled=cancelled)

        self.job.start(work)

    def _say(self, text: str, *, danger: bool = False) -> None:
        self.status.setText(text)
        if danger:
            tint(self.status, "danger")
        else:
            untint(self.status)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.apply_progress.setVisible(busy)
        self.apply_progress.setRange(0, 0)
        self._update_buttons()

    def cancel(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))
            self.working_label.setText(self.tr("Cancelling…"))
            return
        self.reject()

    def _progressed(self, done: int, total: int) -> None:
        bar = self.progress if self._step == "read" else self.apply_progress
        bar.setRange(0, max(total, 1))
        bar.setValue(done)

    def _succeeded(self, result: object) -> None:
        self._set_busy(False)
        if isinstance(result, ImportResult):
            self._finished(result)
            return
        calendar_file, plan, mentors = result  # type: ignore[misc]
        self._file = calendar_file
        self._say("")
        self.show_plan(plan, mentors)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, ImportCancelled):
            if self._step == "read":
                self.reject()
                return
            self._say(
                self.tr("Cancelled. Nothing was imported.")
                if self._step == "import"
                else self.tr("Cancelled.")
            )
            self._show_page(self.PREVIEW)
            return
        if self._step == "import":  # the file was fine; storing it was not
            self._say(str(error), danger=True)
            self._show_page(self.PREVIEW)
            return
        from mentordesk.interchange.errors import CalendarFileError

        self.problem_title.setText(
            self.tr("This file cannot be imported")
            if isinstance(error, CalendarFileError)
            else self.tr("Nothing can be imported now")
        )
        self.problem.setText(str(error))
        self._show_page(self.PROBLEM)

    def _finished(self, result: ImportResult) -> None:
        self.result = result
        text = self.tr("Imported: {summary}").format(summary=result.summary())
        if result.backup is not None:
            text += " " + self.tr("A backup was taken just before (File > Backups… restores it).")
        self.unassigned_list.clear()
        if result.unassigned:
            text += "\n\n" + self.tr(
                "These meetings have no mentor yet; they are marked in the Calendar. "
                "Double-click one (or press Enter) to assign it there:"
            )
            for meeting in result.unassigned:
                local = meeting.starts_at.astimezone()
                time = QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
                item = QTreeWidgetItem([f"{format_date(local.date())} {time}", meeting.title])
                item.setData(0, Qt.ItemDataRole.UserRole, meeting.meeting_id)
                self.unassigned_list.addTopLevelItem(item)
            self.unassigned_list.resizeColumnToContents(0)
            self.unassigned_list.setColumnWidth(0, self.unassigned_list.columnWidth(0) + Space.L)
            self.unassigned_list.setCurrentItem(self.unassigned_list.topLevelItem(0))
        self.unassigned_list.setVisible(bool(result.unassigned))
        self.done_label.setText(text)
        self._show_page(self.DONE)
        self.imported.emit(result)

    def _show_in_calendar(self) -> None:
        item = self.unassigned_list.currentItem()
        if item is None:
            return
        self.meeting_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
        self.accept()

    # --- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        self._stop_work()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_work()
        super().closeEvent(event)

    def _stop_work(self) -> None:
        """Escape or the window's close button while working. An import stops at its next
        step, storing nothing (waited for: it is quick); reading a large file cannot stop in
        the middle of parsing, so it is left to end on its own."""
        if self._step == "import" and self.job.running:
            self.job.cancel()
            self.job.wait()
        else:
            self.job.abandon()
