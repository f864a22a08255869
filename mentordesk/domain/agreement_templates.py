"""Agreements to start from: common kinds of mentoring relationship with sensible values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from mentordesk.domain.agreement import AgreementFields, AvailabilityWindow, CommitmentFields
from mentordesk.domain.enums import (
    CadenceUnit,
    Channel,
    CommitmentSide,
    MeetingFormat,
    WhoSchedules,
)

_ME = CommitmentSide.ME
_MENTOR = CommitmentSide.MENTOR


@dataclass(frozen=True)
class AgreementTemplate:
    key: str
    name: str
    description: str
    fields: AgreementFields


TEMPLATES: tuple[AgreementTemplate, ...] = (
    AgreementTemplate(
        "monthly_career",
        "Monthly career mentoring",
        "An hour a month on career direction, for about a year.",
        AgreementFields(
            title="Monthly career mentoring",
            planned_length="12 months",
            cadence_every=1,
            cadence_unit=CadenceUnit.MONTHS,
            format=MeetingFormat.VIDEO,
            typical_minutes=60,
            who_schedules=WhoSchedules.ME,
            out_of_scope="Salary details of named colleagues; HR cases.",
            reply_time="Within a week by email",
            cancellation="Move a meeting at least two days ahead; skip one rather than rush it.",
            preferred_channels=(Channel.EMAIL,),
            acceptable_channels=(Channel.CHAT,),
            communication_notes="Email for scheduling and agendas; chat only for quick logistics.",
            confidentiality="What we discuss stays between us unless we both agree otherwise.",
            commitments=(
                CommitmentFields(_ME, "Send an agenda two days before each meeting"),
                CommitmentFields(_ME, "Report back on what I tried since last time"),
                CommitmentFields(_MENTOR, "Give honest feedback, including the uncomfortable kind"),
                CommitmentFields(_MENTOR, "Share contacts when it helps a goal"),
            ),
        ),
    ),
    AgreementTemplate(
        "micro",
        "Short micro-mentoring",
        "A few focused 20-minute sessions on one question, over six weeks.",
        AgreementFields(
            title="Short micro-mentoring",
            planned_length="6 weeks",
            cadence_every=2,
            cadence_unit=CadenceUnit.WEEKS,
            format=MeetingFormat.MICRO_SESSION,
            typical_minutes=20,
            who_schedules=WhoSchedules.ME,
            out_of_scope="Anything beyond the one question we agreed on.",
            reply_time="Within two working days",
            cancellation="A message the day before is enough.",
            preferred_channels=(Channel.CHAT,),
            acceptable_channels=(Channel.EMAIL, Channel.VIDEO),
            confidentiality="Private between us.",
            commitments=(
                CommitmentFields(_ME, "Bring one specific question per session"),
                CommitmentFields(_MENTOR, "Answer directly and point to one resource"),
            ),
        ),
    ),
    AgreementTemplate(
        "sponsorship",
        "Sponsorship",
        "A senior person who advocates for me; quarterly check-ins on visibility.",
        AgreementFields(
            title="Sponsorship",
            planned_length="Ongoing, reviewed yearly",
            cadence_every=3,
            cadence_unit=CadenceUnit.MONTHS,
            format=MeetingFormat.IN_PERSON,
            typical_minutes=30,
            who_schedules=WhoSchedules.ME,
            out_of_scope="Day-to-day technical problems; those go to my manager.",
            reply_time="It may take a couple of weeks; a nudge is welcome",
            cancellation="Their calendar wins; I reschedule without fuss.",
            preferred_channels=(Channel.EMAIL,),
            acceptable_channels=(Channel.IN_PERSON,),
            communication_notes="A short written update before each check-in.",
            confidentiality="My sponsor may mention my work and ambitions in talent discussions.",
            commitments=(
                CommitmentFields(_ME, "Keep a one-page record of my impact up to date"),
                CommitmentFields(_ME, "Say clearly which opportunities I want"),
                CommitmentFields(_MENTOR, "Name me for stretch opportunities"),
                CommitmentFields(_MENTOR, "Tell me how I am perceived by senior leaders"),
            ),
        ),
    ),
    AgreementTemplate(
        "reverse",
        "Reverse mentoring",
        "A more junior colleague teaches me; we meet every two weeks for three months.",
        AgreementFields(
            title="Reverse mentoring",
            planned_length="3 months",
            cadence_every=2,
            cadence_unit=CadenceUnit.WEEKS,
            format=MeetingFormat.VIDEO,
            typical_minutes=45,
            who_schedules=WhoSchedules.EITHER,
            out_of_scope="Performance reviews: I am not their manager in these sessions.",
            reply_time="Within a few days",
            cancellation="Either of us can move a session with a day's notice.",
            preferred_channels=(Channel.CHAT,),
            acceptable_channels=(Channel.VIDEO,),
            confidentiality="Nothing said here reaches their manager or mine.",
            windows=(
                AvailabilityWindow(1, time(16, 0), time(17, 0)),
                AvailabilityWindow(3, time(16, 0), time(17, 0)),
            ),
            commitments=(
                CommitmentFields(
                    _ME, "Listen first and try what they show me before the next session"
                ),
                CommitmentFields(_MENTOR, "Show me how their generation of tools and habits works"),
            ),
        ),
    ),
)


def template(key: str) -> AgreementTemplate:
    for found in TEMPLATES:
        if found.key == key:
            return found
    raise KeyError(key)
