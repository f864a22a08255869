"""The relationship summary: one mentor, all of it or a range, to bring to a review."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mentordesk.domain.enums import CadenceUnit, MeetingStatus
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
    from mentordesk.domain.action_item import ActionItemRecord
    from mentordesk.domain.agreement import AgreementFields, AgreementRecord
    from mentordesk.domain.meeting import MeetingRecord
    from mentordesk.reports.document import ReportDocument
    from mentordesk.services.context import Services

_DAYS_PER_UNIT = {CadenceUnit.DAYS: 1.0, CadenceUnit.WEEKS: 7.0, CadenceUnit.MONTHS: 30.44}


def cadence_text(fields: AgreementFields) -> str:
    if fields.cadence_unit is CadenceUnit.AS_NEEDED or not fields.cadence_every:
        return tr("As needed")
    unit = label(fields.cadence_unit).lower()
    if fields.cadence_every == 1:
        unit = unit.removesuffix("s")
    return tr("Every {n} {unit}").format(n=fields.cadence_every, unit=unit)


def expected_meetings(fields: AgreementFields, start: date, end: date) -> float | None:
    """How many meetings the cadence asks for from ``start`` to ``end``; None if as needed."""
    if fields.cadence_unit is CadenceUnit.AS_NEEDED or not fields.cadence_every:
        return None
    days = (end - start).days + 1
    return max(days, 0) / (fields.cadence_every * _DAYS_PER_UNIT[fields.cadence_unit])


def _agreement(services: Services, mentor_id: int) -> AgreementRecord | None:
    active = services.agreements.active_for_mentor(mentor_id)
    if active is not None:
        return active
    every = services.agreements.for_mentor(mentor_id)
    return max(every, key=lambda a: (a.fields.agreed_on or date.min, a.id), default=None)


def meeting_when(meeting: MeetingRecord) -> str:
    return f"{meeting.local_start():%Y-%m-%d %H:%M}"


def outcome(item: ActionItemRecord) -> str:
    status = label(item.fields.status)
    if item.fields.done_on is not None:
        return tr("{status} {day}").format(status=status, day=day(item.fields.done_on))
    return status


def reported(item: ActionItemRecord) -> str:
    if item.fields.reported_on is not None:
        return day(item.fields.reported_on)
    return tr("Not yet") if item.is_done else "—"


def build_summary(services: Services, request: ReportRequest, doc: ReportDocument) -> bool:
    """Fill ``doc``; whether nothing at all happened in the range."""
    mentor = services.mentors.get(request.mentor_ids[0])
    f = mentor.fields
    start, end = request.start, request.end
    today = date.today()
    low, high = local_bounds(start, end)
    meetings = services.meetings.between(low, high, mentor_ids=[mentor.id])
    meetings = [m for m in meetings if in_range(m.local_day(), start, end)]
    items = [
        i
        for i in services.action_items.of_mentors([mentor.id])
        if in_range(i.meeting_on, start, end)
    ]
    thanks = [
        g
        for g in services.gratitude.of_mentor(mentor.id)
        if in_range(g.fields.given_on, start, end)
    ]
    agreement = _agreement(services, mentor.id)
    flow = doc.flow

    relation = " · ".join((label(f.kind), label(f.direction), label(f.status)))
    doc.title_block([relation, tr("Range: {range}").format(range=day_range(start, end))])

    flow.heading(tr("Contact"))
    flow.fields(
        [
            (tr("Name"), f.name),
            (tr("Title"), f.title),
            (tr("Organization"), f.organization),
            (tr("Email"), f.email),
            (tr("Phone"), f.phone),
            (tr("Profile"), f.profile_url),
            (tr("Location"), f.location),
            (tr("Time zone"), f.time_zone),
            (tr("Preferred channel"), label(f.preferred_channel)),
            (tr("Expertise"), ", ".join(f.expertise)),
            (tr("Tags"), ", ".join(f.tags)),
        ]
    )
    flow.heading(tr("How we met"))
    flow.fields(
        [
            (tr("How we met"), label(f.met_via)),
            (tr("Details"), f.met_detail),
            (tr("Relationship"), relation),
            (tr("Started"), day(f.started_on)),
            (tr("Ended"), day(f.ended_on)),
            (tr("Notes"), f.notes),
        ]
    )
    if not any((f.met_via, f.met_detail, f.started_on, f.notes)):
        flow.note(tr("Not recorded."))

    flow.heading(tr("Agreement"))
    if agreement is None:
        flow.note(tr("No agreement with this mentor."))
    else:
        a = agreement.fields
        flow.fields(
            [
                (tr("Agreement"), a.title),
                (tr("Status"), label(a.status)),
                (tr("Agreed on"), day(a.agreed_on)),
                (
                    tr("Runs"),
                    day_range(a.starts_on, a.ends_on) if a.starts_on else a.planned_length,
                ),
                (tr("Meetings"), f"{cadence_text(a)}, {label(a.format).lower()}"),
                (tr("Review on"), day(a.review_on)),
            ]
        )
        objectives = [o.text for o in a.objectives if o.text.strip()]
        if objectives:
            flow.heading(tr("Objectives"), 3)
            flow.bullets(objectives)

    flow.heading(tr("In figures"))
    held = [m for m in meetings if m.status is MeetingStatus.HELD]
    first = start or (meetings[0].local_day() if meetings else f.started_on) or today
    last = min(end or today, today)
    held_text = tr("{n} held").format(n=len(held))
    if agreement is not None:
        expected = expected_meetings(
            agreement.fields, max(first, _agreement_start(agreement)), last
        )
        if expected is not None:
            held_text += tr(" (the agreed cadence, {cadence}, asks for about {n})").format(
                cadence=cadence_text(agreement.fields).lower(), n=round(expected)
            )
    done = [i for i in items if i.is_done]
    closed = [i for i in items if not i.is_open]
    share = f"{len(done) * 100 / len(items):.0f}%" if items else "—"
    gaps = [
        (i.fields.reported_on - i.fields.done_on).days
        for i in done
        if i.fields.reported_on is not None and i.fields.done_on is not None
    ]
    average = tr("{d:.1f} days").format(d=sum(gaps) / len(gaps)) if gaps else "—"
    flow.fields(
        [
            (tr("Meetings"), held_text),
            (
                tr("Action items"),
                tr("{n} from meetings, {d} done, {c} closed").format(
                    n=len(items), d=len(done), c=len(closed)
                ),
            ),
            (tr("Share done"), share),
            (
                tr("Days to report back"),
                tr("{avg} on average ({n} reported)").format(avg=average, n=len(gaps)),
            ),
            (tr("Gratitude"), tr("{n} entries").format(n=len(thanks))),
        ]
    )

    flow.heading(tr("Meetings"))
    if not meetings:
        flow.note(tr("No meetings in this range."))
    else:
        flow.table(
            [
                Column(tr("Date"), 1.25),
                Column(tr("Format"), 0.9),
                Column(tr("Agenda"), 2.4),
                Column(tr("Key takeaway and advice"), 3.0),
            ],
            [_meeting_row(m) for m in meetings],
        )

    flow.heading(tr("Action items"))
    if not items:
        flow.note(tr("No action items from meetings in this range."))
    else:
        flow.table(
            [
                Column(tr("Action item"), 3.2),
                Column(tr("Owner"), 0.8),
                Column(tr("Due"), 1.1),
                Column(tr("Outcome"), 1.4),
                Column(tr("Reported back"), 1.2),
            ],
            [
                [i.text, label(i.fields.owner), day(i.fields.due_on, "—"), outcome(i), reported(i)]
                for i in items
            ],
        )

    _goals_and_skills(services, doc, mentor.id, items, first, last)

    flow.heading(tr("Gratitude"))
    if not thanks:
        flow.note(tr("No gratitude entries in this range."))
    else:
        flow.table(
            [Column(tr("Date"), 1.0), Column(tr("Kind"), 1.4), Column(tr("What"), 4.0)],
            [[day(g.fields.given_on), label(g.fields.kind), g.fields.text] for g in thanks],
        )
    return not (meetings or items or thanks)


def _agreement_start(agreement: AgreementRecord) -> date:
    return agreement.fields.starts_on or agreement.fields.agreed_on or date.min


def _meeting_row(meeting: MeetingRecord) -> list[str]:
    m = meeting.fields
    when = meeting_when(meeting)
    if m.status is not MeetingStatus.HELD:
        when += "\n" + label(m.status)
    agenda = "\n".join(("✓ " if a.done else "• ") + a.text for a in m.agenda)
    lines = [m.takeaway] if m.takeaway else []
    lines += [tr("Advice: {text}").format(text=text) for text in m.advice]
    return [when, label(m.format), agenda or m.title, "\n".join(lines)]


def _goals_and_skills(
    services: Services,
    doc: ReportDocument,
    mentor_id: int,
    items: list[ActionItemRecord],
    first: date,
    last: date,
) -> None:
    flow = doc.flow
    goals = services.goals.goals_of_mentor(mentor_id)
    flow.heading(tr("Goals this mentor helped with"))
    if not goals:
        flow.note(tr("No goals linked to this mentor."))
    for goal in goals:
        progress = goal.progress
        done = f", {progress * 100:.0f}% of milestones done" if progress is not None else ""
        flow.bullets([f"{goal.title} ({label(goal.fields.status).lower()}{done})"])

    wanted = {s for g in goals for s in g.skill_ids}
    wanted |= {a.skill_id for a in services.skills.assessments_by_mentor(mentor_id)}
    wanted |= {i.fields.skill_id for i in items if i.fields.skill_id is not None}
    skills = [s for s in services.skills.list_all() if s.id in wanted]
    flow.heading(tr("Skills this mentor helped with"))
    if not skills:
        flow.note(tr("No skills linked to this mentor."))
        return
    flow.table(
        [
            Column(tr("Skill"), 3.0),
            Column(tr("Category"), 2.0),
            Column(tr("Level on {day}").format(day=day(first)), 1.3),
            Column(tr("Level on {day}").format(day=day(last)), 1.3),
        ],
        [
            [s.name, s.fields.category or "—", _level(s.level_on(first)), _level(s.level_on(last))]
            for s in skills
        ],
    )
    series = [
        charts.LevelSeries(
            s.name,
            tuple(
                (a.fields.assessed_on, a.fields.level)
                for a in s.assessments
                if a.fields.assessed_on <= last
            ),
        )
        for s in skills[: len(charts.SERIES_COLORS)]
    ]
    if first < last and any(s.points for s in series):
        flow.heading(tr("Skill levels, {range}").format(range=day_range(first, last)), 3)
        flow.chart(
            charts.levels_chart_height(len(series)),
            lambda painter, area: charts.paint_levels_over_time(painter, area, series, first, last),
        )


def _level(value: int | None) -> str:
    return "—" if value is None else str(value)
