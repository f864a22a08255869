"""File > Import > Calendar: read a calendar file off the GUI thread, preview what importing
it does (each event's date, new or update, its mentor), let the person leave events out and
change the mapping, then import it all at once with progress and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.mentor import MentorRecord, sorted_by_name
from mentordesk.interchange.errors import CalendarFileError
from mentordesk.interchange.ics_import import CalendarImport, ImportResult, default_range
from mentordesk.interchange.ics_plan import Action, ImportPlan
from mentordesk.ui.calendar_files.preview_model import MENTOR_IDS_ROLE, PreviewModel
from mentordesk.ui.common.date_field import DateField
from mentordesk.ui.common.form_parts import UnreadableValue
from mentordesk.ui.common.import_dialog import ComboDelegate, FileImportDialog
from mentordesk.ui.common.job import Work
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import Space, tint

if TYPE_CHECKING:
    from mentordesk.interchange.ics_read import CalendarFile
    from mentordesk.services.context import Services


class MentorDelegate(ComboDelegate):
    """The Mentor cell edited with a list of mentors (or none)."""

    def __init__(self, mentors: Callable[[], list[MentorRecord]], parent: QWidget) -> None:
        super().__init__(parent)
        self._mentors = mentors

    def fill(self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex) -> None:
        fill_mentor_combo(combo, self._mentors())

    def current_data(self, index: QModelIndex | QPersistentModelIndex) -> object:
        ids = index.data(MENTOR_IDS_ROLE) or ()
        return ids[0] if len(ids) == 1 else None

    def store(self, model: Any, index: QModelIndex | QPersistentModelIndex, chosen: Any) -> None:
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


class ImportPreviewDialog(FileImportDialog):
    """Reads ``path`` when made; Import stores the plan as the person left it."""

    meeting_requested = Signal(int)  # Show in Calendar

    FILE_ERROR = CalendarFileError
    CANCELLED_IN_PLACE = ("read", "plan", "import")  # planning stops between events

    importer: CalendarImport
    model: PreviewModel

    def __init__(
        self,
        services: Services,
        path: Path,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        floating_zone: str | None = None,
    ) -> None:
        super().__init__(services, path, parent, names="import", size=(940, 580))
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Import Calendar"))
        self.heading.setText(self.tr("Import “{name}”").format(name=self.path.name))
        self.importer = CalendarImport(services)
        self._floating_zone = floating_zone
        self._file: CalendarFile | None = None
        self._mentors: list[MentorRecord] = []
        self.result: ImportResult | None = None
        first, last = default_range(today or date.today())
        self.from_field.set_value(first)
        self.to_field.set_value(last)

        self.show_button = QPushButton(self.tr("&Show in Calendar"))
        self.show_button.setAutoDefault(False)
        self.buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button.clicked.connect(self._show_in_calendar)
        # Enter in the days' fields reads them again, in the mentor list assigns: it imports
        # only from the table and the buttons, where it cannot be meant for something else.
        for widget in (self.from_field, self.to_field, self.assign_combo):
            widget.installEventFilter(self)
        self._show_page(self.WORKING)
        self._read()

    # --- pages ---------------------------------------------------------------------------

    def _fill_preview(self, layout: QVBoxLayout) -> None:
        self.from_field = DateField(optional=False)
        self.from_field.setObjectName("importFrom")
        self.to_field = DateField(optional=False)
        self.to_field.setObjectName("importTo")
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
        self.range_message.setTextFormat(Qt.TextFormat.PlainText)
        tint(self.range_message, "danger")
        self.range_message.hide()

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
        for button in (
            self.range_button,
            self.assign_button,
            self.leave_out_button,
            self.include_button,
        ):
            button.setAutoDefault(False)  # Enter imports, whichever button was used last
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

        layout.addLayout(range_row)
        layout.addWidget(self.range_message)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(assign_row)

    def _below_done(self) -> QWidget:
        # When and what, in columns that line up; Enter is the default button's (Show in
        # Calendar), so only a double-click here.
        self.unassigned_list = QTreeWidget()
        self.unassigned_list.setObjectName("unassignedMeetings")
        self.unassigned_list.setHeaderLabels([self.tr("When"), self.tr("Title")])
        self.unassigned_list.setRootIsDecorated(False)
        self.unassigned_list.setAlternatingRowColors(True)
        self.unassigned_list.setAccessibleName(self.tr("Meetings with no mentor yet"))
        self.unassigned_list.itemDoubleClicked.connect(lambda *_: self._show_in_calendar())
        return self.unassigned_list

    def _show_page(self, page: int) -> None:
        listed = self.unassigned_list.topLevelItemCount() > 0
        self.show_button.setVisible(page == self.DONE and listed)
        super()._show_page(page)
        if page == self.DONE and listed:
            self.show_button.setDefault(True)
            self.unassigned_list.setFocus()

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

    def _reading(self) -> Work:
        return self._planning(self.from_field.value(), self.to_field.value())

    def _planning(
        self, start: date | None, end: date | None, calendar_file: CalendarFile | None = None
    ) -> Work:
        """The work that plans the days from ``start`` to ``end``, reading the file first
        unless it was read (``calendar_file``)."""
        importer, path, zone = self.importer, self.path, self._floating_zone
        services = self._services

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            opened = importer.open(path) if calendar_file is None else calendar_file
            plan = importer.plan(
                opened,
                start,
                end,
                floating_zone=zone,
                progress=progress,
                cancelled=cancelled,
            )
            return opened, plan, services.mentors.list_all()

        return work

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
        self.job.start(self._planning(start, end, self._file))

    def _range_problem(self, message: str) -> None:
        self.range_message.setText(message)
        self.range_message.show()

    def _previewed(self, result: object) -> None:
        calendar_file, plan, mentors = cast(
            "tuple[CalendarFile, ImportPlan, list[MentorRecord]]", result
        )
        self._file = calendar_file
        self.show_plan(plan, mentors)

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

    def _update_choices(self, idle: bool) -> None:
        chosen = bool(self.selected_rows()) and idle
        for button in (self.assign_button, self.leave_out_button, self.include_button):
            button.setEnabled(chosen)
        self.range_button.setEnabled(idle and self._file is not None)

    def assign_selected(self) -> None:
        chosen = self.assign_combo.currentData()
        self.model.set_mentors(self.selected_rows(), () if chosen is None else (int(chosen),))

    def include_selected(self, include: bool) -> None:
        for row in self.selected_rows():
            self.model.set_included(row, include)

    # --- imported ------------------------------------------------------------------------

    def _present(self, result: object) -> str:
        assert isinstance(result, ImportResult)
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
        return text

    def _show_in_calendar(self) -> None:
        item = self.unassigned_list.currentItem()
        if item is None:
            return
        self.meeting_requested.emit(int(item.data(0, Qt.ItemDataRole.UserRole)))
        self.accept()
