"""The timeline over the small sample set: every kind appears with its day and its link,
filters narrow the feed, paging gives what one read gives, and the year in review's figures
match counts taken straight from the tables."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date

import pytest

from mentordesk.domain.timeline import (
    KIND_PAGE,
    EntryKind,
    MarkKind,
    Page,
    TimelineFilter,
)
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.services.timeline import TimelineService

pytestmark = pytest.mark.usefixtures("local_time_is_utc")


@pytest.fixture
def timeline(services: Services) -> TimelineService:
    load_sample_data(services, SampleSize.SMALL)
    return services.timeline


def raw(services: Services) -> sqlite3.Connection:
    return sqlite3.connect(services.database.location.database)


def test_every_kind_appears_with_its_day_and_link(
    services: Services, timeline: TimelineService
) -> None:
    total = timeline.count(TimelineFilter())
    entries = timeline.entries(TimelineFilter(), 0, total)
    assert len(entries) == total > 0
    # Every kind but a pause (the small set pauses nobody).
    assert set(EntryKind) - {EntryKind.PAUSED} <= {e.kind for e in entries}
    keys = [(e.day, e.kind, e.record_id) for e in entries]
    assert [e.day for e in entries] == sorted((e.day for e in entries), reverse=True)
    assert len(set(keys)) == len(keys)
    db = raw(services)
    for e in entries:
        assert e.page is KIND_PAGE[e.kind]
        if e.kind is EntryKind.MEETING_HELD:
            starts, takeaway = db.execute(
                "SELECT starts_at, takeaway FROM meeting WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert e.day == date.fromisoformat(starts[:10]) and e.detail == takeaway
            assert e.opens_id == e.record_id and e.page is Page.CALENDAR
        elif e.kind is EntryKind.GRATITUDE:
            mentor_id, given = db.execute(
                "SELECT mentor_id, given_on FROM gratitude_entry WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert e.opens_id == mentor_id and e.day.isoformat() == given
        elif e.kind is EntryKind.SKILL_ASSESSED:
            skill_id, on, level = db.execute(
                "SELECT skill_id, assessed_on, level FROM assessment WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert (e.opens_id, e.day.isoformat(), e.level) == (skill_id, on, level)
            before = db.execute(
                "SELECT level FROM assessment WHERE skill_id = ? AND (assessed_on < ? OR"
                " (assessed_on = ? AND id < ?)) ORDER BY assessed_on DESC, id DESC LIMIT 1",
                (skill_id, on, on, e.record_id),
            ).fetchone()
            assert e.previous_level == (before[0] if before else None)
        elif e.kind is EntryKind.ITEM_DONE:
            (done,) = db.execute(
                "SELECT done_on FROM action_item WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert e.day.isoformat() == done and e.page is Page.ACTIONS
        elif e.kind is EntryKind.MILESTONE_REACHED:
            goal_id, done = db.execute(
                "SELECT goal_id, done_on FROM milestone WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert (e.opens_id, e.day.isoformat()) == (goal_id, done)
        elif e.kind is EntryKind.STARTED:
            (started,) = db.execute(
                "SELECT started_on FROM mentor WHERE id = ?", (e.record_id,)
            ).fetchone()
            assert e.day.isoformat() == started and e.mentor_ids == (e.record_id,)
    counts = Counter(e.kind for e in entries)
    (held,) = db.execute("SELECT count(*) FROM meeting WHERE status = 'held'").fetchone()
    assert counts[EntryKind.MEETING_HELD] == held
    (done,) = db.execute("SELECT count(*) FROM action_item WHERE status = 'done'").fetchone()
    assert counts[EntryKind.ITEM_DONE] == done


def test_filters_narrow_the_feed(timeline: TimelineService) -> None:
    everything = timeline.entries(TimelineFilter(), 0, 100_000)
    mentor_id = next(e.mentor_ids[0] for e in everything if e.kind is EntryKind.MEETING_HELD)
    theirs = timeline.entries(TimelineFilter(mentor_id=mentor_id), 0, 100_000)
    assert theirs and all(mentor_id in e.mentor_ids for e in theirs)
    assert len(theirs) == len([e for e in everything if mentor_id in e.mentor_ids])
    meetings = TimelineFilter(kinds=frozenset({EntryKind.MEETING_HELD}))
    assert {e.kind for e in timeline.entries(meetings, 0, 100_000)} == {EntryKind.MEETING_HELD}
    year = everything[len(everything) // 2].day.year
    ranged = TimelineFilter(first_day=date(year, 1, 1), last_day=date(year, 12, 31))
    inside = timeline.entries(ranged, 0, 100_000)
    assert inside and all(e.day.year == year for e in inside)
    assert len(inside) == len([e for e in everything if e.day.year == year])
    assert timeline.count(ranged) == len(inside)
    assert sum(n for *_ym, n in timeline.month_counts(ranged)) == len(inside)


def test_paging_gives_what_one_read_gives(timeline: TimelineService) -> None:
    feed = TimelineFilter()
    months = timeline.month_counts(feed)
    total = sum(n for *_ym, n in months)
    whole = timeline.entries(feed, 0, total)
    paged = []
    for offset in range(0, total, 37):
        paged += timeline.entries(feed, offset, 37, months)
    assert paged == whole
    assert timeline.entries(feed, total - 5, 37, months) == whole[-5:]


def test_year_in_review_matches_the_tables(services: Services, timeline: TimelineService) -> None:
    years = timeline.years()
    assert years == sorted(years, reverse=True) and years
    db = raw(services)
    for year in years[:3]:
        review = timeline.year_in_review(year)
        first, last = f"{year}-01-01", f"{year}-12-31"
        (held,) = db.execute(
            "SELECT count(*) FROM meeting WHERE status = 'held'"
            " AND substr(starts_at, 1, 10) BETWEEN ? AND ?",
            (first, last),
        ).fetchone()
        (done,) = db.execute(
            "SELECT count(*) FROM action_item WHERE status = 'done' AND done_on BETWEEN ? AND ?",
            (first, last),
        ).fetchone()
        assert review.meetings_held == held and review.items_done == done
        assert sum(m.meetings for m in review.meetings) >= held
        started = {
            i
            for (i,) in db.execute(
                "SELECT id FROM mentor WHERE started_on BETWEEN ? AND ?", (first, last)
            )
        }
        assert {n.record_id for n in review.started} == started
        assert all(s.last > s.first for s in review.skills_rose)


def test_the_overview_bands_and_marks(services: Services, timeline: TimelineService) -> None:
    overview = timeline.overview(date(2030, 1, 1))
    db = raw(services)
    (started,) = db.execute("SELECT count(*) FROM mentor WHERE started_on IS NOT NULL").fetchone()
    assert len(overview.bands) == started
    for band in overview.bands:
        assert band.start <= band.end
        assert band.ongoing == (band.end == date(2030, 1, 1))
    assert sum(len(d) for d in overview.meeting_days.values()) > 0
    kinds = {m.kind for m in overview.markers}
    assert MarkKind.GOAL_ACHIEVED in kinds or MarkKind.SKILL_ROSE in kinds


def test_an_empty_notebook_has_an_empty_timeline(services: Services) -> None:
    assert services.timeline.count(TimelineFilter()) == 0
    assert services.timeline.month_counts(TimelineFilter()) == []
    assert services.timeline.overview().is_empty
    assert services.timeline.year_in_review(2024).is_empty
