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


class DataKind(StrEnum):
    """What the app-wide "data changed" signal names, so views refresh only for their data."""

    MENTOR = "mentor"
