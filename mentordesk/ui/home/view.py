"""Home, the first view: what to prepare, whom to follow up with, what was promised, whom
to thank, and the mix of the network; a getting-started list for a new notebook.

It shows an overview (``domain.home.HomeOverview``): read with plain sqlite3 at start-up
(``show_overview``) and through ``services.home`` after every change to anything it counts.
Every row opens what it refers to; the main window does the opening.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.home import GettingStarted, HomeOverview
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font, tint, untint
from mentordesk.ui.common.view import View
from mentordesk.ui.home.texts import HomeRow, Page, RowAction, Section, home_sections, mix_sentence
from mentordesk.ui.home.widgets import ElidedLabel, SectionBox

if TYPE_CHECKING:
    from mentordesk.services.context import Services
    from mentordesk.ui.home.mix_chart import MixChart

# Below this width the sections stack in one column.
TWO_COLUMNS_FROM = 880
CONTENT_MAX_WIDTH = 1180
# Left column, then right; a section with no rows is hidden.
LEFT = ("upcoming", "items_due", "report_back", "reviews")
RIGHT = ("quiet", "thanks", "goals_overdue", "goals_alone")


class GettingStartedBox(QFrame):
    """The first steps of a new notebook, each ticked once done."""

    step_requested = Signal(object)  # Page
    sample_data_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeGettingStarted")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Getting started"))
        set_scaled_font(title, TypeScale.HEADING, bold=True)
        intro = QLabel(
            self.tr(
                "Four steps turn MentorDesk into your mentoring notebook. Home then tells you "
                "each day what to prepare, whom to follow up with and whom to thank."
            )
        )
        intro.setWordWrap(True)
        self.steps: dict[Page, tuple[QLabel, QPushButton]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(Space.M)
        grid.setVerticalSpacing(Space.XS)
        for row, (page, text, button_text) in enumerate(
            (
                (Page.MENTORS, self.tr("Add a mentor"), self.tr("Add a &Mentor…")),
                (Page.GOALS, self.tr("Write down a goal"), self.tr("Write a &Goal…")),
                (
                    Page.AGREEMENTS,
                    self.tr("Agree expectations with a mentor"),
                    self.tr("&Agree Expectations…"),
                ),
                (Page.CALENDAR, self.tr("Plan the first meeting"), self.tr("&Plan a Meeting…")),
            )
        ):
            mark = QLabel()
            step = QLabel(text)
            button = QPushButton(button_text)
            button.clicked.connect(lambda _checked=False, p=page: self.step_requested.emit(p))
            grid.addWidget(mark, row, 0)
            grid.addWidget(step, row, 1)
            grid.addWidget(button, row, 2)
            self.steps[page] = (mark, button)
        grid.setColumnStretch(1, 1)
        self.sample_button = QPushButton(icon("sample"), self.tr("Explore with &Sample Data"))
        self.sample_button.setToolTip(
            self.tr("Fill this notebook with a few made-up mentors to look around")
        )
        self.sample_button.clicked.connect(self.sample_data_requested)
        sample_row = QHBoxLayout()
        sample_row.addStretch(1)
        sample_row.addWidget(self.sample_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(Space.L, Space.M, Space.L, Space.M)
        column.setSpacing(Space.S)
        column.addWidget(title)
        column.addWidget(intro)
        column.addLayout(grid)
        column.addLayout(sample_row)

    def set_progress(self, started: GettingStarted, *, editable: bool) -> None:
        done = {
            Page.MENTORS: started.has_mentor,
            Page.GOALS: started.has_goal,
            Page.AGREEMENTS: started.has_agreement,
            Page.CALENDAR: started.has_meeting,
        }
        for page, (mark, button) in self.steps.items():
            finished = done[page]
            mark.setPixmap(
                icon("done" if finished else "next", "positive" if finished else "").pixmap(18, 18)
            )
            mark.setAccessibleName(self.tr("Done") if finished else self.tr("To do"))
            button.setVisible(not finished)
            button.setEnabled(editable)
        self.sample_button.setVisible(started.is_new)
        self.sample_button.setEnabled(editable)

    def is_done(self, page: Page) -> bool:
        return not self.steps[page][1].isVisibleTo(self)


class NetworkBox(QFrame):
    """Active mentors by kind and by how we met, with a line on how wide the mix is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeSection_network")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.heading = QLabel(self.tr("Your network"))
        set_scaled_font(self.heading, 1.08, bold=True)
        # One line (its tooltip holds it whole): a wrapped label gives the box a height
        # for its width that Qt keeps from before the chart was added.
        self.sentence = ElidedLabel()
        self.chart: MixChart | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(Space.M, Space.M, Space.M, Space.S)
        self._column.setSpacing(Space.XS)
        self._column.addWidget(self.heading)
        self._column.addWidget(self.sentence)
        self._overview: HomeOverview | None = None

    def set_overview(self, overview: HomeOverview) -> None:
        self._overview = overview
        mix = overview.mix
        self.sentence.set_full_text(mix_sentence(mix))
        if mix.narrow is not None:
            tint(self.sentence, "caution")
        else:
            untint(self.sentence)
        if self.chart is not None:
            self.chart.set_mix(mix)

    def build_chart(self) -> None:
        """Load QtCharts and draw (once Home shows data: start-up does not wait for it)."""
        if self.chart is not None or self._overview is None or not self._overview.mix.active:
            return
        from mentordesk.ui.home.mix_chart import MixChart

        self.chart = MixChart(self)
        self._column.addWidget(self.chart)
        self.chart.set_mix(self._overview.mix)
        self.chart.show()


class HomeView(View):
    """The first view at start-up."""

    open_requested = Signal(str, int)  # page key, record id
    page_requested = Signal(str)  # page key
    new_requested = Signal(str)  # page key: start a new record there
    prepare_requested = Signal(int)  # meeting id
    schedule_next_requested = Signal(int)  # mentor id
    sample_data_requested = Signal()
    data_ready = Signal()  # the first overview is on screen
    overview_shown = Signal(object)  # HomeOverview, after each change of what is shown

    def __init__(self, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeView")
        self.services: Services | None = None
        self.overview: HomeOverview | None = None
        self._stale = False
        self._announced = False
        bus.changed.connect(self._on_changed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)  # one read for a burst of changes
        self._refresh_timer.timeout.connect(self.refresh)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._new_day)

        self.date_label = QLabel()
        self.date_label.setObjectName("homeDate")
        set_scaled_font(self.date_label, TypeScale.TITLE, bold=True)
        self.summary = QLabel(self.tr("Reading your notebook…"))
        self.summary.setObjectName("homeSummary")
        self.summary.setWordWrap(True)
        self.getting_started = GettingStartedBox()
        self.getting_started.step_requested.connect(lambda page: self.new_requested.emit(page))
        self.getting_started.sample_data_requested.connect(self.sample_data_requested)
        self.getting_started.hide()
        self.getting_started.setMaximumWidth(680)  # each step near its button
        action_texts = {
            RowAction.PREPARE: self.tr("Prepare"),
            RowAction.SCHEDULE: self.tr("Schedule Next"),
        }
        self.sections: dict[str, SectionBox] = {}
        for key in (*LEFT, *RIGHT):
            box = SectionBox(key, action_texts)
            box.row_activated.connect(self._open_row)
            box.row_action.connect(self._row_action)
            box.more_requested.connect(lambda page: self.page_requested.emit(page))
            box.refilled.connect(self._chain_tabs)
            box.hide()
            self.sections[key] = box
        self.network = NetworkBox()
        self.network.hide()

        self._left = QVBoxLayout()
        self._right = QVBoxLayout()
        columns = self._columns_box = QHBoxLayout()
        columns.setSpacing(Space.L)
        for column in (self._left, self._right):
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(Space.L)
            columns.addLayout(column, 1)
        self._columns = 0
        content = QWidget()
        content.setObjectName("homeContent")
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(Space.XL, Space.L, Space.XL, Space.XL)
        column.setSpacing(Space.M)
        column.addWidget(self.date_label)
        column.addWidget(self.summary)
        column.addWidget(self.getting_started)
        column.addLayout(columns)
        column.addStretch(1)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.setContentsMargins(0, 0, 0, 0)
        # As wide as the window allows up to a readable width, centred beyond it.
        centred.addStretch(1)
        centred.addWidget(content, 100)
        centred.addStretch(1)
        content.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("homeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes from row to row (each scrolled into view as it takes the focus), not to
        # an invisible stop on the scroll area.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self._place_sections(2)

    # --- View --------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        self.services = services
        self.refresh()

    def detach(self) -> None:
        self.services = None
        self.getting_started.set_progress(
            self.overview.started if self.overview else GettingStarted(), editable=False
        )

    def focus_first(self) -> None:
        """Focus the first row there is (Tab goes on from there)."""
        for key in (*LEFT, *RIGHT):
            box = self.sections[key]
            if box.isVisibleTo(self) and box.row_buttons:
                box.row_buttons[0].setFocus()
                return

    def _editable(self) -> bool:
        return self.services is not None and not self.services.read_only

    # --- reading -----------------------------------------------------------------------

    def _on_changed(self, kinds: frozenset[DataKind]) -> None:
        if self.services is None:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True  # read when shown again

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale or (self.overview and self.overview.today != date.today()):
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Read the overview again through the services and show it."""
        self._stale = False
        if self.services is None:
            return
        try:
            overview = self.services.home.overview()
        except DomainError as exc:
            self.status_message.emit(str(exc))
            return
        if overview != self.overview:
            self.show_overview(overview)

    def show_overview(self, overview: HomeOverview) -> None:
        """Show ``overview`` (read at start-up with plain sqlite3, or by ``refresh``)."""
        self.overview = overview
        self._show_date(overview.today)
        sections = {s.key: s for s in home_sections(overview)}
        for key, box in self.sections.items():
            section = sections[key]
            box.set_section(section)
            box.setVisible(section.total > 0)
        started = overview.started
        self.getting_started.setVisible(not started.done)
        self.getting_started.set_progress(started, editable=self._editable())
        self.network.setVisible(overview.mix.active > 0)
        self.network.set_overview(overview)
        self.summary.setText(self._summary(overview))
        self._place_sections(self._wanted_columns())
        self._arm_midnight()
        self.overview_shown.emit(overview)
        if not self._announced:
            self._announced = True
            self.data_ready.emit()
            # The chart loads QtCharts: after the first data is painted, not before.
            QTimer.singleShot(0, self.network.build_chart)
        else:
            self.network.build_chart()

    def _summary(self, overview: HomeOverview) -> str:
        if overview.started.is_new:
            return self.tr("Welcome. Your notebook is empty; here is how to begin.")
        n = overview.attention
        upcoming = len(overview.upcoming)
        meetings = (
            self.tr("No meetings in the next two weeks.")
            if upcoming == 0
            else self.tr("1 meeting in the next two weeks.")
            if upcoming == 1
            else self.tr("{n} meetings in the next two weeks.").format(n=upcoming)
        )
        if n == 0:
            return self.tr("Nothing needs your attention today. {meetings}").format(
                meetings=meetings
            )
        things = (
            self.tr("1 thing needs your attention.")
            if n == 1
            else self.tr("{n} things need your attention.").format(n=n)
        )
        return f"{things} {meetings}"

    def _show_date(self, today: date) -> None:
        self.date_label.setText(
            QLocale().toString(
                QDate(today.year, today.month, today.day), QLocale.FormatType.LongFormat
            )
        )

    def _arm_midnight(self) -> None:
        """Read again just after midnight: what is due depends on the day."""
        tomorrow = datetime.combine(date.today() + timedelta(days=1), time.min)
        seconds = (tomorrow - datetime.now()).total_seconds() + 1
        self._midnight.start(int(max(1.0, seconds) * 1000))

    def _new_day(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    # --- layout ------------------------------------------------------------------------

    def _wanted_columns(self) -> int:
        return 2 if self.width() >= TWO_COLUMNS_FROM else 1

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._wanted_columns() != self._columns:
            self._place_sections(self._wanted_columns())

    def _place_sections(self, columns: int) -> None:
        """Lay the sections out in one or two columns, each packed from the top. Tab
        follows the rows in the order they are made: the left column, then the right."""
        self._columns = columns
        left = [self.sections[key] for key in LEFT]
        right = [*(self.sections[key] for key in RIGHT), self.network]
        for column in (self._left, self._right):
            while column.count():
                column.takeAt(0)
        # Hidden sections stay in the layout (taking no room), so every box always has
        # its parent: a parentless box shown would open as a window of its own.
        boxes = [*left, *right]
        for box in boxes:
            (self._left if columns == 1 or box in left else self._right).addWidget(box)

        self._left.addStretch(1)
        self._right.addStretch(1)
        self._chain_tabs()
        self._columns_box.setStretch(1, 1 if columns == 2 else 0)

    def _chain_tabs(self) -> None:
        """Tab goes through the getting-started steps, then each section's rows and
        buttons, the left column before the right (rows are made after the sections'
        own buttons, so the order is set rather than left to creation)."""
        chain: list[QWidget] = [button for _mark, button in self.getting_started.steps.values()]
        chain.append(self.getting_started.sample_button)
        for key in (*LEFT, *RIGHT):
            chain += self.sections[key].focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- rows --------------------------------------------------------------------------

    def _open_row(self, row: HomeRow) -> None:
        self.open_requested.emit(row.opens.page.value, row.opens.record_id)

    def _row_action(self, row: HomeRow) -> None:
        if self.services is None:
            self.status_message.emit(self.tr("Your data is still opening; try again in a moment."))
            return
        if self.services.read_only:
            self.status_message.emit(self.tr("Read-only: nothing can be changed."))
            return
        if row.action is RowAction.PREPARE:
            self.prepare_requested.emit(row.action_id)
        elif row.action is RowAction.SCHEDULE:
            self.schedule_next_requested.emit(row.action_id)

    def section(self, key: str) -> Section | None:
        """What a section shows now (for tests and the screenshots)."""
        return self.sections[key].section
