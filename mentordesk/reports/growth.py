"""The growth review: a range (a year, ten years), for oneself or one's manager: goals,
skills from the start to the end of the range, meetings per mentor per month, action items
completed, highlights and the relationships that started or ended."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from mentordesk.domain.enums import GoalStatus, MeetingStatus
from mentordesk.reports import charts
from mentordesk.reports.common import (
    ReportRequest,
    day,
    day_range,
    in_range,
    label,
    local_bounds,
    tr,
)
from mentordesk.reports.layout import Column

if TYPE_CHECKING:
    from mentordesk.domain.goal import GoalRecord
    from mentordesk.domain.meeting import MeetingRecord
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.reports.document import ReportDocument
    from mentordesk.services.context import Services

CHART_MENTORS = 7  # mentors named in the monthly chart; the rest are "Others"


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_growth(services: Services, request: ReportRequest, doc: ReportDocument) -> bool:
    today = date.today()
    mentors = {m.id: m for m in services.mentors.list_all()}
    wanted = set(request.mentor_ids)
    for mentor_id in wanted:
        if mentor_id not in mentors:
            services.mentors.get(mentor_id)  # raises the service's NotFoundError
    low, high = local_bounds(request.start, request.end)
    meetings = [
        m
        for m in services.meetings.between(low, high, mentor_ids=wanted)
        if in_range(m.local_day(), request.start, request.end)
    ]
    held = [m for m in meetings if m.status is MeetingStatus.HELD]
    start = request.start or (meetings[0].local_day() if meetings else today)
    end = request.end or max(today, start)
    flow = doc.flow
    who = ", ".join(sorted(mentors[i].name for i in wanted)) if wanted else tr("All mentors")
    doc.title_block([tr("Range: {range}").format(range=day_range(start, end)), who])

    goals = [g for g in services.goals.list_all() if not wanted or g.mentor_ids & wanted]
    achieved = [
        g
        for g in goals
        if g.fields.status is GoalStatus.ACHIEVED
        and in_range(g.fields.status_changed_on, start, end)
    ]
    pursued = [g for g in goals if g.fields.status is GoalStatus.ACTIVE]
    items = [
        i
        for i in services.action_items.list_all()
        if i.is_done
        and in_range(i.fields.done_on, start, end)
        and (not wanted or i.mentor_ids & wanted)
    ]
    started = [
        m
        for m in mentors.values()
        if in_range(m.fields.started_on, start, end) and (not wanted or m.id in wanted)
    ]
    ended = [
        m
        for m in mentors.values()
        if in_range(m.fields.ended_on, start, end) and (not wanted or m.id in wanted)
    ]

    flow.heading(tr("At a glance"))
    flow.fields(
        [
            (tr("Meetings held"), str(len(held))),
            (tr("With"), tr("{n} mentors").format(n=len({i for m in held for i in m.mentor_ids}))),
            (tr("Goals achieved"), str(len(achieved))),
            (tr("Goals in progress"), str(len(pursued))),
            (tr("Action items completed"), str(len(items))),
            (tr("Relationships started"), str(len(started))),
            (tr("Relationships concluded"), str(len(ended))),
        ]
    )

    flow.heading(tr("Goals achieved"))
    _goal_list(doc, achieved, tr("No goal was achieved in this range."))
    flow.heading(tr("Goals in progress"))
    _goal_list(doc, pursued, tr("No goal is in progress."))

    _skills(services, doc, start, end)
    _meetings_chart(doc, held, mentors, start, end)

    flow.heading(tr("Action items completed"))
    if not items:
        flow.note(tr("No action item was completed in this range."))
    else:
        flow.table(
            [Column(tr("Done"), 1.0), Column(tr("Action item"), 3.6), Column(tr("Mentor"), 1.6)],
            [
                [day(i.fields.done_on), i.text, _names(mentors, i.mentor_ids)]
                for i in sorted(items, key=lambda i: (i.fields.done_on or start, i.id))
            ],
        )

    flow.heading(tr("Highlights"))
    takeaways = [m for m in held if m.fields.takeaway.strip()]
    if not takeaways:
        flow.note(tr("No key takeaways were written down in this range."))
    else:
        flow.table(
            [Column(tr("Date"), 1.0), Column(tr("Mentor"), 1.6), Column(tr("Key takeaway"), 3.6)],
            [
                [day(m.local_day()), _names(mentors, m.mentor_ids), m.fields.takeaway]
                for m in takeaways
            ],
        )

    flow.heading(tr("Relationships started and concluded"))
    changes = sorted(
        [(m.fields.started_on, tr("Started"), m) for m in started]
        + [(m.fields.ended_on, tr("Concluded"), m) for m in ended],
        key=lambda row: (row[0] or start, row[2].name),
    )
    if not changes:
        flow.note(tr("No relationship started or ended in this range."))
    else:
        flow.table(
            [
                Column(tr("Date"), 1.0),
                Column(tr("What"), 1.0),
                Column(tr("Mentor"), 2.0),
                Column(tr("Kind"), 1.6),
            ],
            [[day(d), what, m.name, label(m.fields.kind)] for d, what, m in changes],
        )
    return not (meetings or achieved or items or changes)


def _names(mentors: dict[int, MentorRecord], ids: Iterable[int]) -> str:
    return ", ".join(mentors[i].name for i in sorted(ids) if i in mentors) or "—"


def _goal_list(doc: ReportDocument, goals: list[GoalRecord], empty: str) -> None:
    flow = doc.flow
    if not goals:
        flow.note(empty)
        return
    for goal in goals:
        g = goal.fields
        when = (
            tr("achieved {day}").format(day=day(g.status_changed_on))
            if g.status is GoalStatus.ACHIEVED
            else tr("target {day}").format(day=day(g.target_on, "—"))
        )
        flow.heading(f"{goal.title} ({label(g.kind).lower()}, {when})", 3)
        if g.description.strip():
            flow.paragraph(g.description)
        if goal.milestones:
            flow.table(
                [Column(tr("Milestone"), 4.0), Column(tr("Due"), 1.1), Column(tr("Done"), 1.1)],
                [[m.title, day(m.due_on, "—"), day(m.done_on, "—")] for m in goal.milestones],
            )


def _skills(services: Services, doc: ReportDocument, start: date, end: date) -> None:
    flow = doc.flow
    skills = services.skills.list_all()
    flow.heading(tr("Skills from {start} to {end}").format(start=day(start), end=day(end)))
    if not skills:
        flow.note(tr("No skills recorded."))
        return
    by_category: dict[str, list[charts.LevelChange]] = {}
    rows = []
    for skill in sorted(skills, key=lambda s: (s.fields.category.casefold(), s.name.casefold())):
        first, last = skill.level_on(start), skill.level_on(end)
        category = skill.fields.category or tr("Uncategorized")
        by_category.setdefault(category, []).append(charts.LevelChange(skill.name, first, last))
        change = "—" if first is None or last is None else f"{last - first:+d}".replace("+0", "0")
        rows.append([skill.name, category, _level(first), _level(last), change])
    for category, changes in by_category.items():
        flow.heading(category, 3)
        flow.chart(
            charts.change_chart_height(len(changes)),
            functools.partial(charts.paint_level_changes, changes=changes),
        )
    flow.paragraph(
        tr("○ level at the start of the range, ● at its end (1 novice to 5 expert)."), flow.small
    )
    flow.table(
        [
            Column(tr("Skill"), 2.6),
            Column(tr("Category"), 1.8),
            Column(tr("Start"), 0.7),
            Column(tr("End"), 0.7),
            Column(tr("Change"), 0.8),
        ],
        rows,
    )


def _name(mentors: dict[int, MentorRecord], mentor_id: int) -> str:
    found = mentors.get(mentor_id)
    return found.name if found else "?"


def _level(value: int | None) -> str:
    return "—" if value is None else str(value)


def _meetings_chart(
    doc: ReportDocument,
    held: list[MeetingRecord],
    mentors: dict[int, MentorRecord],
    start: date,
    end: date,
) -> None:
    flow = doc.flow
    flow.heading(tr("Meetings per mentor per month"))
    if not held:
        flow.note(tr("No meetings were held in this range."))
        return
    months = _months(start, end)
    index = {month: i for i, month in enumerate(months)}
    per_mentor: dict[int, list[int]] = {}
    totals: Counter[int] = Counter()
    for meeting in held:
        slot = index[(meeting.local_day().year, meeting.local_day().month)]
        for mentor_id in meeting.mentor_ids:
            per_mentor.setdefault(mentor_id, [0] * len(months))[slot] += 1
            totals[mentor_id] += 1
    ranked = [mentor_id for mentor_id, _ in totals.most_common()]
    named = ranked[:CHART_MENTORS]
    series = [charts.MonthSeries(_name(mentors, i), tuple(per_mentor[i])) for i in named]
    rest = ranked[CHART_MENTORS:]
    if rest:
        counts = tuple(sum(per_mentor[i][s] for i in rest) for s in range(len(months)))
        series.append(charts.MonthSeries(tr("Others ({n})").format(n=len(rest)), counts))
    height = 170 + 11 * ((len(series) - 1) // 4)
    flow.chart(
        height, lambda painter, area: charts.paint_monthly_bars(painter, area, months, series)
    )
    all_years = sorted({y for y, _ in months})
    years = all_years if len(all_years) <= 12 else []  # past 12, totals only
    per_year = [
        [_name(mentors, i)]
        + [
            str(sum(c for (y, _), c in zip(months, per_mentor[i], strict=True) if y == year))
            for year in years
        ]
        + [str(totals[i])]
        for i in ranked
    ]
    flow.table(
        [Column(tr("Mentor"), 2.4)]
        + [Column(str(y), 0.6) for y in years]
        + [Column(tr("Total"), 0.7)],
        per_year,
    )
