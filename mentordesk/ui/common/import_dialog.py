"""The one shape of every File > Import preview dialog: the file is read and planned off the GUI
thread (the working page, with progress), the plan is previewed for the person to change, and
Import stores it all at once with progress and Cancel; a file that cannot be imported says why
(the problem page), and what was imported is told last (the done page).

A subclass builds its preview in ``_fill_preview`` (with ``summary``, and ``model`` and
``table``: the model's ``plan()`` is None or a plan with ``writes``), sets ``importer`` (whose
``apply(plan, progress=, cancelled=)`` stores it), and gives ``_reading`` (the work that reads
and plans), ``_previewed`` (show what it returned), ``_present`` (the text of what was
imported) and ``_update_choices``. It sets its own state, then shows ``WORKING`` and reads.

``ComboDelegate``: a preview table's cell edited with a list of choices (a calendar event's
mentor, a contact's action)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.interchange.errors import ImportCancelled
from mentordesk.ui.common.job import Job, Work
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font, show_message, tint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from mentordesk.services.context import Services


class ComboDelegate(QStyledItemDelegate):
    """A preview table's cell edited with a list of choices: a subclass fills the list
    (``fill``), says which choice the cell holds (``current_data``) and stores the one chosen
    (``store``)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        self.fill(combo, index)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(self.current_data(index)), 0))

    def setModelData(
        self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        self.store(model, index, editor.currentData())

    def fill(self, combo: QComboBox, index: QModelIndex | QPersistentModelIndex) -> None:
        raise NotImplementedError

    def current_data(self, index: QModelIndex | QPersistentModelIndex) -> object:
        raise NotImplementedError

    def store(self, model: Any, index: QModelIndex | QPersistentModelIndex, chosen: Any) -> None:
        raise NotImplementedError


class FileImportDialog(QDialog):
    """Reads ``path`` (when the subclass says); Import stores the plan as the person left it."""

    imported = Signal(object)  # what the importer's apply returned

    WORKING, PREVIEW, PROBLEM, DONE = range(4)
    MESSAGE_PAGES: ClassVar[tuple[int, ...]] = (PROBLEM,)  # shown as narrow as what they say
    MESSAGE_WIDTH = 720
    FILE_ERROR: ClassVar[type[Exception]]  # the error that says "This file cannot be imported"
    CANCELLED_IN_PLACE: ClassVar[tuple[str, ...]] = ("import",)  # other steps close at Cancel
    STOP_WAIT_MS = 2_000  # closing waits this long for an import to stop, then abandons it

    model: Any  # the preview's model and table, made in _fill_preview
    table: QTableView
    importer: Any

    def __init__(
        self,
        services: Services,
        path: Path,
        parent: QWidget | None = None,
        *,
        names: str,
        size: tuple[int, int],
    ) -> None:
        """``names`` begins the object names of the parts (``{names}Summary``, ...)."""
        super().__init__(parent)
        self.path = Path(path)
        self._services = services
        self._step = ""  # what the job is doing: "read", "import" or a subclass's own
        self._busy = False  # the job is working for the preview page (planning, importing)
        self.job = Job(self)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)

        self.heading = QLabel()
        self.heading.setObjectName(f"{names}Heading")
        set_scaled_font(self.heading, TypeScale.HEADING, bold=True)
        self.heading.setToolTip(
            QtGui.convertFromPlainText(str(self.path), QtGui.WhiteSpaceMode.WhiteSpaceNormal)
        )
        self.summary = QLabel()
        self.summary.setObjectName(f"{names}Summary")
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName(f"{names}Status")
        self.status.setWordWrap(True)
        self.apply_progress = QProgressBar()
        self.apply_progress.setTextVisible(False)
        self.apply_progress.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._working_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._problem_page(names))
        self.pages.addWidget(self._done_page(names))

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAutoDefault(False)  # Enter imports, whichever button was used last
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

        # What these show comes from the file (its name, what it holds): text, never markup,
        # however it looks.
        for label in (
            self.heading,
            self.working_label,
            self.summary,
            self.status,
            self.problem,
            self.done_label,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setSpacing(Space.M)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(*size)

    # --- what a subclass gives -------------------------------------------------------------

    def _fill_preview(self, layout: QVBoxLayout) -> None:
        """Put the preview (``summary``, ``table`` and what changes the plan) in ``layout``;
        the status line and the import's progress bar come after it."""
        raise NotImplementedError

    def _below_done(self) -> QWidget | None:
        """What the done page shows under its text (taking the room left), if anything."""
        return None

    def _reading(self) -> Work:
        """The work that reads the file and plans it; its result goes to ``_previewed``."""
        raise NotImplementedError

    def _previewed(self, result: object) -> None:
        """Show the plan the reading (or planning) work returned, on the preview page."""
        raise NotImplementedError

    def _present(self, result: object) -> str:
        """Keep what the import returned and say it (the done page's text)."""
        raise NotImplementedError

    def _update_choices(self, idle: bool) -> None:
        """Enable the preview's buttons for the rows selected (none while busy)."""

    def _may_import(self) -> bool:
        return True

    # --- pages -----------------------------------------------------------------------------

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

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(Space.S)
        self._fill_preview(layout)
        layout.addWidget(self.status)
        layout.addWidget(self.apply_progress)
        return page

    def _problem_page(self, names: str) -> QWidget:
        page = QWidget()
        self.problem_title = QLabel(self.tr("This file cannot be imported"))
        self.problem_title.setObjectName(f"{names}ProblemTitle")
        set_scaled_font(self.problem_title, TypeScale.HEADING)
        tint(self.problem_title, "danger")
        self.problem = QLabel()
        self.problem.setObjectName(f"{names}Problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problem_title)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        return page

    def _done_page(self, names: str) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setObjectName(f"{names}Done")
        self.done_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.done_label)
        below = self._below_done()
        if below is None:
            layout.addStretch(1)
        else:
            layout.addWidget(below, 1)
        return page

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        message = page not in (self.WORKING, self.PREVIEW)
        self.import_button.setVisible(page == self.PREVIEW)
        self.cancel_button.setVisible(not message)
        self.close_button.setVisible(message)
        if page == self.PREVIEW:
            self.import_button.setDefault(True)
        elif message:
            self.close_button.setDefault(True)
            self.close_button.setFocus()
            if page in self.MESSAGE_PAGES:
                # A message, not a table: the room the preview needs would stand empty.
                self.resize(min(self.width(), self.MESSAGE_WIDTH), self.minimumSizeHint().height())
        self._update_buttons()

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def _update_buttons(self) -> None:
        idle = not self._busy
        plan = self.model.plan()
        self.import_button.setEnabled(
            idle
            and plan is not None
            and plan.writes
            and self._may_import()
            and self.pages.currentIndex() == self.PREVIEW
        )
        self._update_choices(idle)
        self.table.setEnabled(idle)

    # --- the work --------------------------------------------------------------------------

    def _read(self) -> None:
        self._step = "read"
        self.working_label.setText(self.tr("Reading {path}…").format(path=self.path))
        self.progress.setRange(0, 0)  # reading has no steps to count
        self.job.start(self._reading())

    def start_import(self) -> None:
        plan = self.model.plan()
        if plan is None or not plan.writes or self.job.running or not self._may_import():
            return
        self._step = "import"
        self._say(self.tr("Backing up, then importing…"))
        self._set_busy(True)
        importer = self.importer

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            return importer.apply(plan, progress=progress, cancelled=cancelled)

        self.job.start(work)

    def _say(self, text: str, *, danger: bool = False) -> None:
        show_message(self.status, text, danger=danger)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.apply_progress.setVisible(busy)
        self.apply_progress.setRange(0, 0)
        self._update_buttons()

    def cancel(self) -> None:
        if self.job.running and self._step in self.CANCELLED_IN_PLACE:
            self.job.cancel()
            self._say(self.tr("Cancelling…"))
            self.working_label.setText(self.tr("Cancelling…"))
            return
        self.reject()  # reading stores nothing: it is left to end on its own

    def _progressed(self, done: int, total: int) -> None:
        bar = self.progress if self._step == "read" else self.apply_progress
        bar.setRange(0, max(total, 1))
        bar.setValue(done)

    def _succeeded(self, result: object) -> None:
        self._set_busy(False)
        if self._step == "import":
            self.done_label.setText(self._present(result))
            self._show_page(self.DONE)
            self.imported.emit(result)
            return
        self._previewed(result)
        self._say("")

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
        self.problem_title.setText(
            self.tr("This file cannot be imported")
            if isinstance(error, self.FILE_ERROR)
            else self.tr("Nothing can be imported now")
        )
        self.problem.setText(str(error))
        self._show_page(self.PROBLEM)

    # --- closing ---------------------------------------------------------------------------

    def reject(self) -> None:
        self._stop_work()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_work()
        super().closeEvent(event)

    def _stop_work(self) -> None:
        """Escape or the window's close button while working. An import stops at its next
        step, storing nothing (waited for: it is quick); reading a large file cannot stop in
        the middle of parsing, so it is left to end on its own (it stores nothing). An import
        that does not stop in time is left so too: the dialog, and the job with it, may be
        deleted once closed, which must not destroy a thread still running."""
        if self._step == "import" and self.job.running:
            self.job.cancel()
            if not self.job.wait(self.STOP_WAIT_MS):
                self.job.abandon()
        else:
            self.job.abandon()
