"""The meeting preparation sheet: one page to take into the next meeting, with room to
write under each question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentordesk.reports.common import ReportRequest, day, label, tr
from mentordesk.reports.layout import Column
from mentordesk.reports.summary import meeting_when

if TYPE_CHECKING:
    from mentordesk.reports.document import ReportDocument
    from mentordesk.services.context import Services

WRITING_LINES = 2  # ruled lines under each agenda question


def build_prep(services: Services, request: ReportRequest, doc: ReportDocument) -> bool:
    assert request.meeting_id is not None  # checked() made sure
    meeting = services.meetings.get(request.meeting_id)
    m = meeting.fields
    names = [services.mentors.get(i).name for i in m.mentor_ids]
    sources = services.meetings.preparation_sources(meeting.id)
    end = meeting.ends_at.astimezone()
    when = f"{meeting_when(meeting)}–{end:%H:%M} ({m.minutes} min)"
    doc.title_block([", ".join(names) or tr("No mentor assigned")])
    flow = doc.flow
    flow.fields(
        [
            (tr("With"), ", ".join(names) or "—"),
            (tr("When"), when),
            (tr("Time zone"), m.time_zone),
            (tr("Format"), label(m.format)),
            (tr("Place or link"), m.place_or_link),
            (tr("Status"), label(m.status)),
        ]
    )

    flow.heading(tr("Agenda"))
    if not m.agenda:
        flow.note(tr("No agenda yet: write your questions here."))
        flow.writing_space(4)
    for index, item in enumerate(m.agenda, 1):
        flow.paragraph(f"{index}. {item.text}", flow.bold)
        flow.writing_space(WRITING_LINES)

    flow.heading(tr("To report on"))
    reported = [
        [i.text, tr("Done {day}, not yet reported back").format(day=day(i.fields.done_on))]
        for i in sources.unreported
    ]
    open_items = [
        [
            i.text,
            tr("Open, due {day}").format(day=day(i.fields.due_on))
            if i.fields.due_on
            else tr("Open"),
        ]
        for i in sources.open_items
    ]
    if reported or open_items:
        flow.table(
            [Column(tr("Action item"), 3.6), Column(tr("Where it stands"), 2.0)],
            reported + open_items,
        )
    else:
        flow.note(tr("No open action items with this mentor."))

    flow.heading(tr("Last time"))
    last = sources.last_meeting
    if last is None:
        flow.note(tr("This is the first meeting."))
    else:
        flow.fields(
            [
                (tr("Met on"), f"{day(last.local_day())}: {last.title}"),
                (tr("Key takeaway"), last.fields.takeaway or "—"),
            ]
        )

    flow.heading(tr("Objectives of the agreement"))
    if sources.objectives:
        flow.bullets([text for _, text in sources.objectives])
    else:
        flow.note(tr("No agreement in force with this mentor."))
    return False
