"""The Timeline driven with qtbot over the small sample set: newest first, grouped by year,
only the painted pages read, filters, a click on a band, Enter opening an entry (also in the
real main window), zooming with the wheel, and the empty state."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.domain.timeline import EntryKind, Grouping, Period, TimelineEntry, TimelineFilter
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.timeline import TimelineView
from mentordesk.ui.timeline.feed_model import PAGE, FeedModel
from mentordesk.ui.timeline.feed_view import FeedList


def make_view(qtbot: QtBot, services: Services) -> TimelineView:
    view = TimelineView(DataBus())
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.attach(services)
    qtbot.waitExposed(view)
    return view


def filled(qtbot: QtBot, services: Services) -> TimelineView:
    load_sample_data(services, SampleSize.SMALL)
    return make_view(qtbot, services)


def test_entries_newest_first_grouped_by_year(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    assert view.pages.currentWidget() is view.splitter
    model = view.model
    first = model.item_at(0)
    assert isinstance(first, Period)
    entries = view.shown_entries(500)
    assert entries and [e.day for e in entries] == sorted((e.day for e in entries), reverse=True)
    assert first.year == entries[0].day.year
    for row in model.layout.header_rows():
        period = model.item_at(row)
        assert isinstance(period, Period)
        nxt = model.item_at(row + 1)
        assert isinstance(nxt, TimelineEntry) and nxt.day.year == period.year
    assert model.entry_count == services.timeline.count(view.current_filter())


class TenYears:
    """A feed source of one meeting a day for ten years, counting what it is asked."""

    def __init__(self) -> None:
        last = date(2025, 12, 31)
        self.all = [
            TimelineEntry(EntryKind.MEETING_HELD, last - timedelta(days=n), n, f"Meeting {n}")
            for n in range(3650)
        ]
        self.read = 0

    def month_counts(self, feed: TimelineFilter) -> list[tuple[int, int, int]]:
        counts = Counter((e.day.year, e.day.month) for e in self.all)
        return [(y, m, counts[y, m]) for y, m in sorted(counts, reverse=True)]

    def entries_(self, offset: int, limit: int) -> list[TimelineEntry]:
        self.read += min(limit, len(self.all) - offset)
        return self.all[offset : offset + limit]

    def entries(
        self, feed: TimelineFilter, offset: int, limit: int, months: object = None
    ) -> list[TimelineEntry]:
        return self.entries_(offset, limit)


def test_only_the_painted_pages_are_read(qtbot: QtBot) -> None:
    source = TenYears()
    model = FeedModel()
    feed = FeedList(model)
    model.setParent(feed)
    qtbot.addWidget(feed)
    feed.resize(700, 500)
    feed.show()
    model.set_source(source)
    qtbot.waitExposed(feed)
    feed.viewport().repaint()
    assert model.rowCount() == 3650 + 10  # a header per year
    assert source.read == model.rows_fetched <= PAGE
    feed.scrollToBottom()
    feed.viewport().repaint()
    assert model.rows_fetched <= 3 * PAGE
    last = model.item_at(model.rowCount() - 1)
    assert isinstance(last, TimelineEntry) and last.record_id == 3649
    for step in range(0, model.rowCount(), 400):  # page steps through ten years
        feed.scrollTo(model.index(step, 0))
        feed.viewport().repaint()
    assert model.rows_fetched < 3650 / 2


def test_filter_by_mentor_and_kind(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    mentor_id = view.mentor_combo.itemData(1)
    view.set_mentor(mentor_id)
    assert view.model.feed_filter.mentor_id == mentor_id
    assert all(mentor_id in e.mentor_ids for e in view.shown_entries())
    view.set_kinds(frozenset({EntryKind.MEETING_HELD}))
    shown = view.shown_entries()
    assert shown and {e.kind for e in shown} == {EntryKind.MEETING_HELD}
    view.clear_filters()
    assert view.model.feed_filter.mentor_id is None and not view.model.feed_filter.kinds


def test_clicking_a_band_filters_and_again_clears(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    overview = view.overview
    band = overview.bands[0]
    scene_point = band.mapToScene(band.boundingRect().center())
    point = overview.mapFromScene(scene_point)
    overview.horizontalScrollBar().setValue(0)
    point = overview.mapFromScene(scene_point)
    qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.model.feed_filter.mentor_id == band.band.mentor_id
    assert band.selected
    qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.model.feed_filter.mentor_id is None
    qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    overview.setFocus()
    qtbot.keyClick(overview, Qt.Key.Key_Escape)
    assert view.model.feed_filter.mentor_id is None


def test_enter_opens_the_entry(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    row = view.model.row_of_entry(0)
    view.feed.setCurrentIndex(view.model.index(row, 0))
    view.feed.setFocus()
    entry = view.model.item_at(row)
    assert isinstance(entry, TimelineEntry)
    with qtbot.waitSignal(view.open_requested) as signal:
        qtbot.keyClick(view.feed, Qt.Key.Key_Return)
    assert signal.args == [entry.page.value, entry.opens_id]


def test_a_meeting_opens_in_the_calendar(qtbot: QtBot, location: DataLocation) -> None:
    services = Services.open(location)
    load_sample_data(services, SampleSize.SMALL)
    window = MainWindow(location)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services)
    view = window.page_view("timeline")
    assert isinstance(view, TimelineView)
    view.set_kinds(frozenset({EntryKind.MEETING_HELD}))
    row = view.model.row_of_entry(0)
    entry = view.model.item_at(row)
    assert isinstance(entry, TimelineEntry)
    view.feed.setCurrentIndex(view.model.index(row, 0))
    qtbot.keyClick(view.feed, Qt.Key.Key_Return)
    calendar = window.stack.currentWidget()
    assert calendar.objectName() == window.page_view("calendar").objectName()
    shown = calendar.shown_meeting()  # type: ignore[attr-defined]
    assert shown is not None and shown.id == entry.record_id
    window.close()


def test_the_wheel_zooms_the_overview(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    overview = view.overview
    first, last = overview.visible_span()
    centre = QPointF(overview.viewport().width() / 2, 20)
    event = QWheelEvent(
        centre,
        overview.viewport().mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(overview.viewport(), event)
    zoomed = overview.visible_span()
    assert (zoomed[1] - zoomed[0]).days < (last - first).days * 0.8
    overview.setFocus()
    qtbot.keyClick(overview, Qt.Key.Key_Minus)
    wider = overview.visible_span()
    assert (wider[1] - wider[0]).days > (zoomed[1] - zoomed[0]).days
    view.fit_action.trigger()
    assert overview.visible_span() == (first, last)


def test_year_in_review_follows_the_chosen_year(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    panel = view.review_panel
    years = services.timeline.years()
    assert panel.year() == years[0] and panel.review is not None
    panel.step(1)
    assert panel.review is not None and panel.review.year == years[1]
    assert "meetings held" in panel.body.text() or "meeting held" in panel.body.text()


def test_an_empty_notebook_says_what_will_appear(qtbot: QtBot, services: Services) -> None:
    view = make_view(qtbot, services)
    assert view.pages.currentWidget() is view.empty_state
    assert "meetings" in view.empty_state.body_label.text()


def test_grouping_by_month_and_quarter(qtbot: QtBot, services: Services) -> None:
    view = filled(qtbot, services)
    view.group_combo.setCurrentIndex(view.group_combo.findData(Grouping.MONTH))
    header = view.model.item_at(0)
    assert isinstance(header, Period) and header.month > 0
    view.group_combo.setCurrentIndex(view.group_combo.findData(Grouping.QUARTER))
    header = view.model.item_at(0)
    assert isinstance(header, Period) and header.quarter > 0 and header.month == 0


def test_a_marker_tells_what_it_is_and_a_click_opens_its_goal_or_skill(
    qtbot: QtBot, services: Services
) -> None:
    from mentordesk.domain.timeline import MarkKind
    from mentordesk.ui.timeline.overview import MarkerRowItem

    view = filled(qtbot, services)
    overview = view.overview
    row = next(i for i in overview.scene().items() if isinstance(i, MarkerRowItem))
    marker = next(m for m in row.markers if m.kind is MarkKind.SKILL_ROSE)
    assert row.marker_at(overview.time_scale.x(marker.day) + 2) is not None
    assert marker.label in MarkerRowItem.tip(marker)
    assert row.marker_at(-100) is None
    scene_point = row.mapToScene(
        QPointF(overview.time_scale.x(marker.day), row.boundingRect().center().y())
    )
    overview.centerOn(scene_point)
    point = overview.mapFromScene(scene_point)
    with qtbot.waitSignal(view.open_requested) as signal:
        qtbot.mouseClick(overview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    page, record = signal.args
    clicked = row.marker_at(row.mapFromScene(overview.mapToScene(point)).x())
    assert clicked is not None
    assert (page, record) == (
        "skills" if clicked.kind is MarkKind.SKILL_ROSE else "goals",
        clicked.record_id,
    )
