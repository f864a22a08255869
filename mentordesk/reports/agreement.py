"""The agreement: everything agreed with a mentor, with its date and revision, clean
enough to send to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentordesk.domain.agreement import WEEKDAYS
from mentordesk.reports.common import ReportRequest, day, day_range, label, tr
from mentordesk.reports.layout import Column
from mentordesk.reports.summary import cadence_text

if TYPE_CHECKING:
    from mentordesk.reports.document import ReportDocument
    from mentordesk.services.context import Services


def build_agreement(services: Services, request: ReportRequest, doc: ReportDocument) -> bool:
    assert request.agreement_id is not None  # checked() made sure
    agreement = services.agreements.get(request.agreement_id)
    a = agreement.fields
    mentor = services.mentors.get(agreement.mentor_id)
    you = services.settings.read().your_name
    revisions = services.agreements.revisions(agreement.id)  # newest first
    revision = (
        tr("Revision {n} of {day}").format(
            n=len(revisions), day=f"{revisions[0].revised_at.astimezone():%Y-%m-%d}"
        )
        if revisions
        else tr("Not revised yet")
    )
    between = tr("Between {you} and {mentor}").format(you=you or tr("me"), mentor=mentor.name)
    agreed = (
        tr("Agreed on {day}").format(day=day(a.agreed_on)) if a.agreed_on else tr("Not yet agreed")
    )
    doc.title_block([between, f"{agreed} · {label(a.status)} · {revision}"])
    flow = doc.flow
    goals = dict(services.goals.titles())

    flow.heading(tr("What we want to achieve"))
    objectives = [o.text or goals.get(o.goal_id or -1, "") for o in a.objectives]
    objectives = [o for o in objectives if o.strip()]
    if objectives:
        flow.bullets(objectives)
    else:
        flow.note(tr("No objectives written down."))

    flow.heading(tr("How long"))
    runs = day_range(a.starts_on, a.ends_on) if (a.starts_on or a.ends_on) else ""
    flow.fields(
        [
            (tr("Runs"), runs),
            (tr("Planned length"), a.planned_length),
            (tr("Review on"), day(a.review_on)),
        ]
    )
    if not (runs or a.planned_length or a.review_on):
        flow.note(tr("Open-ended."))

    flow.heading(tr("How we meet"))
    flow.fields(
        [
            (tr("How often"), cadence_text(a)),
            (tr("Format"), label(a.format)),
            (
                tr("Typical length"),
                tr("{n} minutes").format(n=a.typical_minutes) if a.typical_minutes else "",
            ),
            (tr("Place or link"), a.place_or_link),
            (tr("Who schedules"), label(a.who_schedules)),
            (tr("Cancelling"), a.cancellation),
            (
                tr("When to reach the mentor"),
                "\n".join(
                    f"{WEEKDAYS[w.weekday]} {w.starts:%H:%M}–{w.ends:%H:%M}" for w in a.windows
                ),
            ),
        ]
    )

    flow.heading(tr("How we communicate"))
    flow.fields(
        [
            (tr("Preferred channels"), ", ".join(label(c) for c in a.preferred_channels)),
            (tr("Also fine"), ", ".join(label(c) for c in a.acceptable_channels)),
            (tr("Reply time"), a.reply_time),
            (tr("Notes"), a.communication_notes),
        ]
    )
    if not (a.preferred_channels or a.acceptable_channels or a.reply_time or a.communication_notes):
        flow.note(tr("Nothing agreed yet."))

    flow.heading(tr("Commitments"))
    for title, lines in (
        (tr("I will"), a.my_commitments),
        (tr("{mentor} will").format(mentor=mentor.name), a.mentor_commitments),
    ):
        flow.heading(title, 3)
        if lines:
            flow.bullets(list(lines))
        else:
            flow.note(tr("Nothing written down."))

    flow.heading(tr("Boundaries and confidentiality"))
    flow.fields(
        [
            (tr("Out of scope"), a.out_of_scope),
            (tr("Confidentiality"), a.confidentiality),
        ]
    )
    if not (a.out_of_scope.strip() or a.confidentiality.strip()):
        flow.note(tr("Nothing written down."))

    flow.heading(tr("Signed"), 3)
    flow.table(
        [Column(you or tr("Mentee")), Column(mentor.name)],
        [["\n\n" + tr("Date:"), "\n\n" + tr("Date:")]],
    )
    return False
