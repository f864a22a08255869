"""Words a person reads for each stored choice, through Qt's translation functions."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgreementStatus,
    AssessmentSource,
    CadenceUnit,
    Channel,
    CommitmentSide,
    Direction,
    GoalKind,
    GoalStatus,
    GratitudeKind,
    HowWeMet,
    MeetingFormat,
    MeetingStatus,
    MentorStatus,
    RelationshipKind,
    WhoSchedules,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


# Keyed by member, not value: members of different enums with equal values
# (RelationshipKind.MENTOR, DataKind.MENTOR) are different keys.
_LABELS: dict[StrEnum, str] = {
    RelationshipKind.MENTOR: "Mentor",
    RelationshipKind.SPONSOR: "Sponsor",
    RelationshipKind.PEER_MENTOR: "Peer mentor",
    RelationshipKind.REVERSE_MENTOR: "Reverse mentor",
    RelationshipKind.GROUP_MENTORING: "Group mentoring",
    Direction.THEY_MENTOR_ME: "They mentor me",
    Direction.I_MENTOR_THEM: "I mentor them",
    MentorStatus.PROSPECT: "Prospect",
    MentorStatus.ACTIVE: "Active",
    MentorStatus.PAUSED: "Paused",
    MentorStatus.CONCLUDED: "Concluded",
    HowWeMet.WORK: "Work",
    HowWeMet.PROFESSIONAL_ASSOCIATION: "Professional association",
    HowWeMet.ALUMNI_NETWORK: "Alumni network",
    HowWeMet.CONFERENCE: "Conference",
    HowWeMet.ONLINE_COMMUNITY: "Online community",
    HowWeMet.REFERRAL: "Referral",
    HowWeMet.OTHER: "Other",
    Channel.EMAIL: "Email",
    Channel.PHONE: "Phone",
    Channel.VIDEO: "Video call",
    Channel.CHAT: "Chat",
    Channel.IN_PERSON: "In person",
    AssessmentSource.SELF: "Self-assessment",
    AssessmentSource.MENTOR_FEEDBACK: "Mentor feedback",
    AssessmentSource.PEER_FEEDBACK: "Peer feedback",
    AssessmentSource.CERTIFICATION: "Certification or course",
    AssessmentSource.ON_THE_JOB: "On-the-job evidence",
}


# A dict of its own: StrEnum members equal their values, so GoalStatus.ACTIVE and
# MentorStatus.ACTIVE (or GoalKind.OTHER and HowWeMet.OTHER) would be one key in _LABELS.
_GOAL_LABELS: dict[StrEnum, str] = {
    GoalKind.ADVANCE: "Advance on my current path",
    GoalKind.NEW_PATH: "Move to a new industry or role",
    GoalKind.DEVELOP_SKILL: "Develop a skill",
    GoalKind.WORKPLACE_CHALLENGE: "Handle a workplace challenge",
    GoalKind.OTHER: "Other",
    GoalStatus.ACTIVE: "Active",
    GoalStatus.ACHIEVED: "Achieved",
    GoalStatus.PAUSED: "Paused",
    GoalStatus.DROPPED: "Dropped",
}


# Agreement choices share values with other enums (ACTIVE, VIDEO, MENTOR...): their own dict.
_AGREEMENT_LABELS: dict[StrEnum, str] = {
    AgreementStatus.DRAFT: "Draft",
    AgreementStatus.ACTIVE: "Active",
    AgreementStatus.UNDER_REVIEW: "Under review",
    AgreementStatus.CONCLUDED: "Concluded",
    CadenceUnit.DAYS: "days",
    CadenceUnit.WEEKS: "weeks",
    CadenceUnit.MONTHS: "months",
    CadenceUnit.AS_NEEDED: "as needed",
    MeetingFormat.IN_PERSON: "In person",
    MeetingFormat.VIDEO: "Video call",
    MeetingFormat.PHONE: "Phone",
    MeetingFormat.CHAT: "Chat",
    MeetingFormat.ASYNCHRONOUS: "Asynchronous",
    MeetingFormat.MICRO_SESSION: "Micro-session",
    WhoSchedules.ME: "I do",
    WhoSchedules.MENTOR: "My mentor does",
    WhoSchedules.EITHER: "Either of us",
}

# Apart once more: MeetingStatus.PLANNED, ActionOwner.ME and ActionStatus.DONE would collide
# with the members above of equal value.
_MEETING_LABELS: dict[StrEnum, str] = {
    MeetingStatus.PLANNED: "Planned",
    MeetingStatus.HELD: "Held",
    MeetingStatus.CANCELLED: "Cancelled",
    MeetingStatus.MISSED: "Missed",
    ActionStatus.OPEN: "Open",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}
_OWNER_LABELS: dict[StrEnum, str] = {
    ActionOwner.ME: "Me",
    ActionOwner.MENTOR: "My mentor",
}

# Apart again: CommitmentSide.ME equals WhoSchedules.ME.
_COMMITMENT_LABELS: dict[StrEnum, str] = {
    CommitmentSide.ME: "I will",
    CommitmentSide.MENTOR: "My mentor will",
}

# Gratitude kinds have values of their own; a dict of their own all the same.
_GRATITUDE_LABELS: dict[StrEnum, str] = {
    GratitudeKind.THANK_YOU_NOTE: "Thank-you note",
    GratitudeKind.UPDATE_SENT: "Update sent",
    GratitudeKind.FAVOUR_RETURNED: "Favour returned",
    GratitudeKind.GIFT_OR_MEAL: "Gift or meal",
    GratitudeKind.PUBLIC_RECOGNITION: "Public recognition",
    GratitudeKind.INTRODUCTION_MADE: "Introduction made",
}


def label(value: StrEnum | None, empty: str = "") -> str:
    """The translated label of a choice; ``empty`` when nothing was chosen."""
    if value is None:
        return empty
    return _tr(_BY_MEMBER[(type(value), value.value)])


_BY_MEMBER = {
    (type(member), member.value): text
    for labels in (
        _LABELS,
        _GOAL_LABELS,
        _AGREEMENT_LABELS,
        _COMMITMENT_LABELS,
        _MEETING_LABELS,
        _OWNER_LABELS,
        _GRATITUDE_LABELS,
    )
    for member, text in labels.items()
}


def not_set() -> str:
    """How every field and list says that a value was not given."""
    return _tr("Not set")


def medium_date_format(locale: QLocale | None = None) -> str:
    """The locale's date format between short and long: its long form without the weekday
    and with the month abbreviated ("1 Dec 2027", "Dec 1, 2027", "1. Dez. 2027")."""
    long_form = (locale or QLocale()).dateFormat(QLocale.FormatType.LongFormat)
    medium = re.sub(r"d{4}[,.]?\s*", "", long_form).replace("MMMM", "MMM").strip(" ,،")
    return medium or "d MMM yyyy"


def format_date(value: date | None) -> str:
    """A date as a person reads it everywhere (lists, cards, history): the locale's medium
    format; "" when unset (lists leave the cell empty; fields show "Not set")."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), medium_date_format())


def parse_date(text: str) -> date:
    """A date typed by a person: ISO (2027-12-01), the locale's short, medium or long
    format, or the medium format in English. ValueError for anything else."""
    text = " ".join(text.split())
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    locale = QLocale()
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    formats = [
        (locale, medium_date_format(locale)),
        (locale, locale.dateFormat(QLocale.FormatType.ShortFormat)),
        (locale, locale.dateFormat(QLocale.FormatType.LongFormat)),
        (english, "d MMM yyyy"),
        (english, "d MMMM yyyy"),
    ]
    for where, form in formats:
        # Two-digit years (a short format's "yy") are taken as 1970-2069.
        parsed = where.toDate(text, form, 1970)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    raise ValueError(f"not a date: {text!r}")


def saved_now() -> str:
    """The quiet sign that an edit was stored (there is no Save button): "Saved at 14:05"."""
    now = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
    return _tr("Saved at {time}.").format(time=now)
