"""The timeline's pure rules with fixed dates: periods, the feed's layout of headers and
entries, bands, and the year in review."""

from __future__ import annotations

from datetime import date

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.timeline import (
    Assessed,
    EntryKind,
    FeedLayout,
    Grouping,
    Page,
    Period,
    TimelineEntry,
    YearFacts,
    band_of,
    group_counts,
    group_entries,
    period_of,
    skills_that_rose,
    year_in_review,
)


def entry(day: date, kind: EntryKind = EntryKind.MEETING_HELD, record_id: int = 1) -> TimelineEntry:
    return TimelineEntry(kind, day, record_id, "t")


def test_periods_of_a_day() -> None:
    day = date(2023, 11, 5)
    assert period_of(day, Grouping.YEAR) == Period(2023)
    assert period_of(day, Grouping.QUARTER) == Period(2023, 4)
    assert period_of(day, Grouping.MONTH) == Period(2023, 4, 11)
    assert Period(2023, 4).first_day == date(2023, 10, 1)
    assert Period(2023, 4).last_day == date(2023, 12, 31)
    assert Period(2024, 1, 2).last_day == date(2024, 2, 29)  # a leap year
    assert Period(2023, 1, 12).last_day == date(2023, 12, 31)
    assert Period(2023).first_day == date(2023, 1, 1)


def test_entries_grouped_in_their_order() -> None:
    entries = [entry(date(2024, 2, 1)), entry(date(2024, 1, 3)), entry(date(2023, 12, 31))]
    by_year = group_entries(entries, Grouping.YEAR)
    assert [(p.year, len(e)) for p, e in by_year] == [(2024, 2), (2023, 1)]
    by_month = group_entries(entries, Grouping.MONTH)
    assert [p.month for p, _e in by_month] == [2, 1, 12]


def test_counts_per_period_from_months() -> None:
    months = [(2024, 2, 3), (2024, 1, 2), (2023, 12, 5), (2023, 3, 1)]
    assert group_counts(months, Grouping.YEAR) == [(Period(2024), 5), (Period(2023), 6)]
    assert group_counts(months, Grouping.QUARTER) == [
        (Period(2024, 1), 5),
        (Period(2023, 4), 5),
        (Period(2023, 1), 1),
    ]


def test_the_feed_layout_places_a_header_before_each_period() -> None:
    layout = FeedLayout.of([(Period(2024), 2), (Period(2023), 0), (Period(2022), 3)])
    assert layout.rows == 2 + 1 + 3 + 1 and layout.entries == 5
    assert layout.header_rows() == [0, 3]
    assert [layout.at(row) for row in range(layout.rows)] == [
        (Period(2024), None),
        (Period(2024), 0),
        (Period(2024), 1),
        (Period(2022), None),
        (Period(2022), 2),
        (Period(2022), 3),
        (Period(2022), 4),
    ]
    assert [layout.row_of(p) for p in range(5)] == [1, 2, 4, 5, 6]
    assert FeedLayout.of([]).rows == 0


def test_each_kind_opens_its_page() -> None:
    assert entry(date(2024, 1, 1), EntryKind.GRATITUDE).page is Page.MENTORS
    assert entry(date(2024, 1, 1), EntryKind.MILESTONE_REACHED).page is Page.GOALS
    assessed = TimelineEntry(
        EntryKind.SKILL_ASSESSED, date(2024, 1, 1), 1, "x", level=3, previous_level=2
    )
    assert assessed.page is Page.SKILLS and assessed.level_change == 1
    assert (
        TimelineEntry(EntryKind.SKILL_ASSESSED, date(2024, 1, 1), 1, "x", level=3).level_change
        is None
    )


def test_bands_run_to_their_end_or_today() -> None:
    today = date(2025, 6, 1)
    kind, active = RelationshipKind.MENTOR, MentorStatus.ACTIVE
    assert band_of(1, "A", kind, MentorStatus.PROSPECT, None, None, today) is None
    ongoing = band_of(1, "A", kind, active, date(2020, 1, 1), None, today)
    assert ongoing is not None and ongoing.end == today and ongoing.ongoing
    ended = band_of(1, "A", kind, MentorStatus.CONCLUDED, date(2020, 1, 1), date(2021, 1, 1), today)
    assert ended is not None and ended.end == date(2021, 1, 1) and not ended.ongoing
    future = band_of(1, "A", kind, active, date(2026, 1, 1), None, today)
    assert future is not None and future.end == future.start


def test_skills_rose_compares_the_first_and_last_level_of_the_year() -> None:
    assessed = [
        Assessed(1, date(2024, 12, 1), 4),
        Assessed(1, date(2024, 1, 5), 2),
        Assessed(1, date(2024, 6, 1), 1),
        Assessed(2, date(2024, 3, 1), 3),
        Assessed(2, date(2024, 9, 1), 3),  # unchanged
        Assessed(3, date(2024, 2, 1), 4),
        Assessed(3, date(2024, 8, 1), 2),  # fell
        Assessed(4, date(2024, 2, 1), 1),
        Assessed(4, date(2024, 8, 1), 2),
    ]
    rose = skills_that_rose(assessed, {1: "Writing", 4: "Budgets"})
    assert [(r.name, r.first, r.last) for r in rose] == [("Writing", 2, 4), ("Budgets", 1, 2)]


def test_year_in_review_figures() -> None:
    facts = YearFacts(
        year=2024,
        meetings={1: 3, 2: 5, 3: 0},
        items_done=7,
        assessments=[Assessed(9, date(2024, 1, 1), 1), Assessed(9, date(2024, 5, 1), 3)],
        goals_achieved=[(4, "Ship the book")],
        started=[2],
        ended=[1],
        mentor_names={1: "Ada", 2: "Bo", 3: "Cy"},
        skill_names={9: "Speaking"},
        meetings_held=7,
    )
    review = year_in_review(facts)
    assert [(m.name, m.meetings) for m in review.meetings] == [("Bo", 5), ("Ada", 3)]
    assert review.meetings_held == 7 and review.items_done == 7
    assert [(s.name, s.first, s.last) for s in review.skills_rose] == [("Speaking", 1, 3)]
    assert [g.name for g in review.goals_achieved] == ["Ship the book"]
    assert [n.name for n in review.started] == ["Bo"] and [n.name for n in review.ended] == ["Ada"]
    assert not review.is_empty
    empty = year_in_review(YearFacts(2010, {}, 0, [], [], [], [], {}, {}))
    assert empty.is_empty and empty.meetings_held == 0
