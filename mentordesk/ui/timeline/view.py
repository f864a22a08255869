"""The growth timeline: the overview across the years on top, a row of filters, and the
feed of everything that happened beside the year in review.

The feed's model holds per-month counts and reads entries a page at a time
(``feed_model.py``); the overview is drawn with QGraphicsView (``overview.py``). Every entry
opens its record in its own view (``open_requested``; the main window does the opening).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import RelationshipKind
from mentordesk.domain.timeline import (
    AGREEMENT_KINDS,
    GOAL_KINDS,
    RELATIONSHIP_KINDS,
    EntryKind,
    Grouping,
    Marker,
    MarkKind,
    Page,
    TimelineEntry,
    TimelineFilter,
    TimelineOverview,
)
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.data_bus import DataBus, DataKind
from mentordesk.ui.common.empty_state import EmptyState
from mentordesk.ui.common.flow_layout import FlowLayout
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space
from mentordesk.ui.common.view import View
from mentordesk.ui.timeline.feed_model import FeedModel
from mentordesk.ui.timeline.feed_view import FeedList
from mentordesk.ui.timeline.overview import Legend, Overview
from mentordesk.ui.timeline.review_panel import YearReviewPanel
from mentordesk.ui.timeline.texts import grouping_label

if TYPE_CHECKING:
    from mentordesk.services.context import Services

SHOWN_KINDS = frozenset(
    {
        DataKind.MENTOR,
        DataKind.GOAL,
        DataKind.SKILL,
        DataKind.AGREEMENT,
        DataKind.MEETING,
        DataKind.ACTION_ITEM,
        DataKind.GRATITUDE,
    }
)


class TimelineView(View):
    open_requested = Signal(str, int)  # page key, record id
    pdf_requested = Signal()  # a growth review of the years and mentor shown

    def __init__(self, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.services: Services | None = None
        self.overview_data: TimelineOverview | None = None
        self._stale = False
        bus.changed.connect(self._on_changed)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(30)
        self._refresh_timer.timeout.connect(self.refresh)

        self.model = FeedModel(self)
        self.overview = Overview()
        self.overview.band_clicked.connect(self._band_clicked)
        self.overview.marker_clicked.connect(self._open_marker)
        self.overview.clear_requested.connect(lambda: self.set_mentor(None))
        self.legend = Legend()
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.setSpacing(Space.XS)
        top_column.addWidget(self.overview, 1)
        top_column.addWidget(self.legend)

        self.mentor_combo = QComboBox()
        self.mentor_combo.setAccessibleName(self.tr("Mentor"))
        self.mentor_combo.setMinimumContentsLength(14)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self._kind_sets: list[frozenset[EntryKind]] = []
        for text, kinds in self._kind_choices():
            self.kind_combo.addItem(text)
            self._kind_sets.append(kinds)
        self.group_combo = QComboBox()
        self.group_combo.setAccessibleName(self.tr("Group by"))
        for grouping in Grouping:
            self.group_combo.addItem(grouping_label(grouping), grouping)
        self.from_combo = QComboBox()
        self.from_combo.setAccessibleName(self.tr("From year"))
        self.to_combo = QComboBox()
        self.to_combo.setAccessibleName(self.tr("To year"))
        self.count_label = QLabel()
        self.count_label.setObjectName("timelineCount")
        # Each caption with its choice, the pairs wrapping onto a second row when narrow.
        filters = FlowLayout()
        filters.setContentsMargins(Space.M, Space.S, Space.M, Space.S)
        filters.setSpacing(Space.M)
        for caption, combo in (
            (self.tr("&Mentor:"), self.mentor_combo),
            (self.tr("&Kind:"), self.kind_combo),
            (self.tr("&Group by:"), self.group_combo),
            (self.tr("F&rom:"), self.from_combo),
            (self.tr("&To:"), self.to_combo),
        ):
            pair = QWidget()
            pair_row = QHBoxLayout(pair)
            pair_row.setContentsMargins(0, 0, 0, 0)
            pair_row.setSpacing(Space.XS)
            label = QLabel(caption)
            label.setBuddy(combo)
            pair_row.addWidget(label)
            pair_row.addWidget(combo, 1)
            filters.add_widget(pair, 1 if combo is self.mentor_combo else 0)
        filters.add_widget(self.count_label)
        for combo in (self.mentor_combo, self.kind_combo, self.from_combo, self.to_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.group_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_grouping(Grouping(self.group_combo.currentData()))
        )

        self.feed = FeedList(self.model)
        self.feed.entry_activated.connect(self._open_entry)
        self.feed.setAccessibleName(self.tr("Timeline"))
        self.review_panel = YearReviewPanel()
        self.review_panel.year_changed.connect(self._show_year)
        self.review_panel.setMinimumWidth(240)
        self.feed_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.feed_splitter.addWidget(self.feed)
        self.feed_splitter.addWidget(self.review_panel)
        self.feed_splitter.setStretchFactor(0, 3)
        self.feed_splitter.setStretchFactor(1, 1)
        self.feed_splitter.setChildrenCollapsible(False)
        bottom = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.setSpacing(0)
        bottom_column.addLayout(filters)
        bottom_column.addWidget(self.feed_splitter, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([340, 460])

        self.empty_state = EmptyState(
            self.tr("Your growth, year by year"),
            self.tr(
                "As your mentoring goes on, everything that happens appears here in order: "
                "relationships started and concluded, agreements, meetings held with their "
                "takeaways, action items done, skills assessed, milestones and goals reached, "
                "and the thanks you gave. Add a mentor to begin."
            ),
            icon_name="timeline",
        )
        self.no_match = QLabel(self.tr("Nothing matches these filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_actions()
        self._fill_mentors(())
        self._fill_years([])
        self._show_empty(True)

    # --- actions -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.zoom_in_action = QAction(icon("next"), self.tr("Zoom &In"), self)
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.zoom_in_action.triggered.connect(lambda: self.overview.zoom(1.5))
        self.zoom_out_action = QAction(icon("previous"), self.tr("Zoom &Out"), self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_action.triggered.connect(lambda: self.overview.zoom(1 / 1.5))
        self.fit_action = QAction(icon("today"), self.tr("&All Years"), self)
        self.fit_action.setShortcut(QKeySequence("Ctrl+0"))
        self.fit_action.triggered.connect(self.overview.fit)
        self.find_action = QAction(icon("find"), self.tr("&Filter by Mentor"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_mentor_filter)
        self.clear_action = QAction(self.tr("&Clear Filters"), self)
        self.clear_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_action.triggered.connect(self.clear_filters)
        self.review_action = QAction(icon("history"), self.tr("&Year in Review"), self)
        self.review_action.setCheckable(True)
        self.review_action.setChecked(True)
        self.review_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.review_action.toggled.connect(self.review_panel.setVisible)
        self.feed_action = QAction(self.tr("Go to the &Feed"), self)
        self.feed_action.setShortcut(QKeySequence("Ctrl+L"))
        self.feed_action.triggered.connect(lambda: self.feed.setFocus())
        self.pdf_action = QAction(icon("report"), self.tr("&Growth Review PDF…"), self)
        self.pdf_action.setIconText(self.tr("PDF"))
        self.pdf_action.setStatusTip(self.tr("A PDF review of your growth over the years shown"))
        self.pdf_action.triggered.connect(self.pdf_requested)
        self.pdf_action.setEnabled(False)  # until the data is open
        for action in self.menu_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def menu_actions(self) -> Sequence[QAction]:
        return (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.find_action,
            self.feed_action,
            self.clear_action,
            self.review_action,
            self.pdf_action,
        )

    def toolbar_actions(self) -> Sequence[QAction]:
        return (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.review_action,
            self.pdf_action,
        )

    def _focus_mentor_filter(self) -> None:
        self.mentor_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.mentor_combo.showPopup()

    def _kind_choices(self) -> list[tuple[str, frozenset[EntryKind]]]:
        return [
            (self.tr("Everything"), frozenset()),
            (self.tr("Relationships"), RELATIONSHIP_KINDS),
            (self.tr("Agreements"), AGREEMENT_KINDS),
            (self.tr("Meetings"), frozenset({EntryKind.MEETING_HELD})),
            (self.tr("Action items"), frozenset({EntryKind.ITEM_DONE})),
            (self.tr("Skills"), frozenset({EntryKind.SKILL_ASSESSED})),
            (self.tr("Goals and milestones"), GOAL_KINDS),
            (self.tr("Gratitude"), frozenset({EntryKind.GRATITUDE})),
        ]

    # --- View ----------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        self.services = services
        self.pdf_action.setEnabled(True)
        self.model.set_source(services.timeline, read=False)
        self.refresh()  # reads the feed too

    def detach(self) -> None:
        self.services = None
        self.pdf_action.setEnabled(False)

    def _on_changed(self, kinds: frozenset[DataKind]) -> None:
        if self.services is None or not kinds & SHOWN_KINDS:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh_timer.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.model.feed_filter.mentor_id is not None:
            self.set_mentor(None)
            return
        super().keyPressEvent(event)

    def refresh(self) -> None:
        """Read the overview, the feed's counts and the year in review again."""
        self._stale = False
        if self.services is None:
            return
        try:
            overview = self.services.timeline.overview()
            years = self.services.timeline.years()
        except DomainError as exc:
            self.status_message.emit(str(exc))
            return
        self.overview_data = overview
        self.overview.set_overview(overview)
        self.overview.set_selected(self.model.feed_filter.mentor_id)
        self._fill_legend(overview)
        self._fill_mentors(
            sorted(((b.name, b.mentor_id) for b in overview.bands), key=lambda p: p[0].casefold())
        )
        self._fill_years(years)
        self.model.refresh()
        self._show_count()
        self.review_panel.set_years(years)
        year = self.review_panel.year()
        self._show_year(year) if year is not None else self.review_panel.set_review(None)
        self._show_empty(overview.is_empty and self.model.entry_count == 0)

    def _show_empty(self, empty: bool) -> None:
        self.pages.setCurrentWidget(self.empty_state if empty else self.splitter)

    def _fill_legend(self, overview: TimelineOverview) -> None:
        order = list(RelationshipKind)
        self.legend.set_kinds(sorted({b.kind for b in overview.bands}, key=order.index))

    def _fill_mentors(self, mentors: Sequence[tuple[str, int]]) -> None:
        chosen = self.model.feed_filter.mentor_id
        self.mentor_combo.blockSignals(True)
        self.mentor_combo.clear()
        self.mentor_combo.addItem(self.tr("All mentors"), None)
        for name, mentor_id in mentors:
            self.mentor_combo.addItem(name, mentor_id)
        index = self.mentor_combo.findData(chosen) if chosen is not None else 0
        self.mentor_combo.setCurrentIndex(max(0, index))
        self.mentor_combo.blockSignals(False)

    def _fill_years(self, years: Sequence[int]) -> None:
        for combo, any_text in (
            (self.from_combo, self.tr("Any year")),
            (self.to_combo, self.tr("Any year")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for year in sorted(years):
                combo.addItem(str(year), year)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    # --- filters -------------------------------------------------------------------------

    def current_filter(self) -> TimelineFilter:
        first = self.from_combo.currentData()
        last = self.to_combo.currentData()
        return TimelineFilter(
            mentor_id=self.mentor_combo.currentData(),
            kinds=self._kind_sets[max(0, self.kind_combo.currentIndex())],
            first_day=date(first, 1, 1) if first is not None else None,
            last_day=date(last, 12, 31) if last is not None else None,
        )

    def _filters_changed(self, _index: int = 0) -> None:
        feed = self.current_filter()
        self.model.set_filter(feed)
        self.overview.set_selected(feed.mentor_id)
        self._show_count()
        if self.model.rowCount() > 0:
            self.feed.scrollToTop()

    def _show_count(self) -> None:
        n = self.model.entry_count
        self.count_label.setText(
            self.tr("1 entry") if n == 1 else self.tr("{n} entries").format(n=f"{n:,}")
        )

    def set_mentor(self, mentor_id: int | None) -> None:
        """Show one mentor's entries (None: everyone's)."""
        index = self.mentor_combo.findData(mentor_id) if mentor_id is not None else 0
        self.mentor_combo.setCurrentIndex(max(0, index))

    def clear_filters(self) -> None:
        for combo in (self.mentor_combo, self.kind_combo, self.from_combo, self.to_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filters_changed()

    def _band_clicked(self, mentor_id: int) -> None:
        same = self.model.feed_filter.mentor_id == mentor_id
        self.set_mentor(None if same else mentor_id)

    def set_kinds(self, kinds: frozenset[EntryKind]) -> None:
        if kinds in self._kind_sets:
            self.kind_combo.setCurrentIndex(self._kind_sets.index(kinds))

    def set_range(self, first: int | None, last: int | None) -> None:
        self.from_combo.setCurrentIndex(max(0, self.from_combo.findData(first)) if first else 0)
        self.to_combo.setCurrentIndex(max(0, self.to_combo.findData(last)) if last else 0)

    # --- entries and years ---------------------------------------------------------------

    def _open_entry(self, entry: TimelineEntry) -> None:
        self.open_requested.emit(entry.page.value, entry.opens_id)

    def _open_marker(self, marker: Marker) -> None:
        page = Page.GOALS if marker.kind is MarkKind.GOAL_ACHIEVED else Page.SKILLS
        self.open_requested.emit(page.value, marker.record_id)

    def _show_year(self, year: int) -> None:
        if self.services is None:
            return
        try:
            self.review_panel.set_review(self.services.timeline.year_in_review(year))
        except DomainError as exc:
            self.status_message.emit(str(exc))

    def shown_entries(self, limit: int = 200) -> list[TimelineEntry]:
        """The entries the feed shows, top to bottom (at most ``limit``; for tests)."""
        found: list[TimelineEntry] = []
        for row in range(self.model.rowCount()):
            item = self.model.item_at(row)
            if isinstance(item, TimelineEntry):
                found.append(item)
                if len(found) >= limit:
                    break
        return found
