"""Known data for the report tests, and reading a PDF's text back (QtPdf)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields, CommitmentFields, ObjectiveFields
from mentordesk.domain.enums import (
    ActionStatus,
    AgreementStatus,
    CadenceUnit,
    CommitmentSide,
    GoalStatus,
    MeetingFormat,
    MeetingStatus,
)
from mentordesk.domain.goal import GoalFields, MilestoneFields
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.services.context import Services

MARKUP = "<b>not bold</b> & <script>alert(1)</script>"
CHINESE = "王小明的建议"
ARABIC = "مرحبا بالعالم"


@dataclass
class Known:
    mentor_id: int
    quiet_id: int
    planned_id: int
    agreement_id: int


def pdf_pages(data: bytes) -> tuple[list[str], list[tuple[float, float]]]:
    """Each page's text and size in points, read back by QtPdf."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready, document.error()
    texts = [document.getAllText(i).text() for i in range(document.pageCount())]
    sizes = [
        (document.pagePointSize(i).width(), document.pagePointSize(i).height())
        for i in range(document.pageCount())
    ]
    document.close()
    return texts, sizes


def squashed(text: str) -> str:
    """Text without line breaks and spaces, so a wrapped phrase still matches."""
    return "".join(text.split())


def load_known(services: Services) -> Known:
    services.settings.save(services.settings.read().replace(your_name="Robin Écrivain"))
    mentor = services.mentors.create(
        MentorFields(
            name="Zoë Дмитриева",
            organization="Ünïcode Labs",
            email="zoe@example.org",
            started_on=date(2023, 1, 10),
            notes=f"Notes with {MARKUP}",
        )
    )
    quiet = services.mentors.create(MentorFields(name="Quiet Quentin"))
    skill = services.skills.create(SkillFields(name="Public speaking", category="Influence"))
    services.skills.add_assessment(skill.id, AssessmentFields(date(2023, 1, 15), 2))
    services.skills.add_assessment(
        skill.id, AssessmentFields(date(2023, 11, 20), 4, mentor_id=mentor.id)
    )
    services.goals.create(
        GoalFields(
            title="Speak at a conference",
            status=GoalStatus.ACHIEVED,
            status_changed_on=date(2023, 10, 1),
        ),
        mentor_ids=[mentor.id],
        skill_ids=[skill.id],
        milestones=[MilestoneFields("Submit a talk", date(2023, 5, 1), date(2023, 4, 28))],
    )
    agreement = services.agreements.create(
        mentor.id,
        AgreementFields(
            title="Our year together",
            status=AgreementStatus.ACTIVE,
            agreed_on=date(2023, 1, 10),
            starts_on=date(2023, 1, 10),
            cadence_every=1,
            cadence_unit=CadenceUnit.MONTHS,
            objectives=(ObjectiveFields(f"Learn to tell stories {ARABIC}"),),
            commitments=(CommitmentFields(CommitmentSide.ME, "Send an agenda a day ahead"),),
            confidentiality="What we say stays between us.",
        ),
    )
    held = []
    for month, takeaway in ((2, f"Takeaway {CHINESE}"), (6, MARKUP), (9, "Practise out loud")):
        held.append(
            services.meetings.create(
                MeetingFields(
                    title=f"Talk {month}",
                    start=datetime(2023, month, 14, 10, 0),
                    mentor_ids=(mentor.id,),
                    format=MeetingFormat.IN_PERSON,
                    status=MeetingStatus.HELD,
                    agenda=(AgendaItem(f"Question in month {month}", done=True),),
                    advice=("Slow down",),
                    takeaway=takeaway,
                )
            )
        )
    services.action_items.create(
        ActionItemFields(
            "Rehearse the talk twice",
            status=ActionStatus.DONE,
            done_on=date(2023, 3, 1),
            reported_on=date(2023, 3, 5),
            meeting_id=held[0].id,
        )
    )
    services.action_items.create(
        ActionItemFields("Write the abstract", meeting_id=held[1].id, due_on=date(2023, 7, 1))
    )
    services.gratitude.add(
        GratitudeFields(mentor.id, date(2023, 10, 2), text="Thank-you card after the talk")
    )
    planned = services.meetings.create(
        MeetingFields(
            title="Next talk",
            start=datetime(2024, 1, 20, 15, 30),
            mentor_ids=(mentor.id,),
            place_or_link="Café Ümlaut, room 3",
            agenda=(AgendaItem("How did the conference go?"), AgendaItem(MARKUP)),
        )
    )
    return Known(mentor.id, quiet.id, planned.id, agreement.id)
