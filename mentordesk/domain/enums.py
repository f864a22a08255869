"""The fixed choices a mentor card offers. Values are what the database and CLI store."""

from __future__ import annotations

from enum import StrEnum


class RelationshipKind(StrEnum):
    MENTOR = "mentor"
    SPONSOR = "sponsor"
    PEER_MENTOR = "peer_mentor"
    REVERSE_MENTOR = "reverse_mentor"
    GROUP_MENTORING = "group_mentoring"


class Direction(StrEnum):
    THEY_MENTOR_ME = "they_mentor_me"
    I_MENTOR_THEM = "i_mentor_them"


class MentorStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    PAUSED = "paused"
    CONCLUDED = "concluded"


class HowWeMet(StrEnum):
    WORK = "work"
    PROFESSIONAL_ASSOCIATION = "professional_association"
    ALUMNI_NETWORK = "alumni_network"
    CONFERENCE = "conference"
    ONLINE_COMMUNITY = "online_community"
    REFERRAL = "referral"
    OTHER = "other"


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    VIDEO = "video"
    CHAT = "chat"
    IN_PERSON = "in_person"


class GoalKind(StrEnum):
    ADVANCE = "advance"  # advance on my current path
    NEW_PATH = "new_path"  # move to a new industry or role
    DEVELOP_SKILL = "develop_skill"
    WORKPLACE_CHALLENGE = "workplace_challenge"
    OTHER = "other"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"


class AssessmentSource(StrEnum):
    SELF = "self"
    MENTOR_FEEDBACK = "mentor_feedback"
    PEER_FEEDBACK = "peer_feedback"
    CERTIFICATION = "certification"  # certification or course
    ON_THE_JOB = "on_the_job"  # on-the-job evidence


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    UNDER_REVIEW = "under_review"
    CONCLUDED = "concluded"


class CadenceUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    AS_NEEDED = "as_needed"


class MeetingFormat(StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"
    CHAT = "chat"
    ASYNCHRONOUS = "asynchronous"
    MICRO_SESSION = "micro_session"


class WhoSchedules(StrEnum):
    ME = "me"
    MENTOR = "mentor"
    EITHER = "either"


class CommitmentSide(StrEnum):
    ME = "me"  # "I will"
    MENTOR = "mentor"  # "my mentor will"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    MISSED = "missed"


class ActionOwner(StrEnum):
    ME = "me"  # I will do it
    MENTOR = "mentor"  # the mentor offered to


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class GratitudeKind(StrEnum):
    """What was given back to a mentor: thanks, news of what their advice led to, help."""

    THANK_YOU_NOTE = "thank_you_note"
    UPDATE_SENT = "update_sent"  # told them what came of their advice
    FAVOUR_RETURNED = "favour_returned"
    GIFT_OR_MEAL = "gift_or_meal"
    PUBLIC_RECOGNITION = "public_recognition"
    INTRODUCTION_MADE = "introduction_made"
