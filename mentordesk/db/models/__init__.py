"""SQLAlchemy mapped classes, one module per feature: the schema Alembic migrations must
reproduce exactly. Importing this package registers every table on ``Base.metadata``."""

from mentordesk.db.models import keys as _keys  # noqa: F401  (registers the key listener)
from mentordesk.db.models.agreement import (
    Agreement,
    AgreementCommitment,
    AgreementObjective,
    AgreementRevision,
    AvailabilityWindowRow,
)
from mentordesk.db.models.base import Base, UTCDateTime, utc_now
from mentordesk.db.models.goal import Goal, GoalMentor, GoalNote, GoalSkill, Milestone
from mentordesk.db.models.gratitude import GratitudeEntry
from mentordesk.db.models.meeting import (
    ActionItem,
    AdviceRow,
    AgendaRow,
    Meeting,
    MeetingMentor,
)
from mentordesk.db.models.mentor import Mentor, MentorExpertise, MentorTag
from mentordesk.db.models.setting import Setting
from mentordesk.db.models.skill import Assessment, Skill

__all__ = [
    "ActionItem",
    "AdviceRow",
    "AgendaRow",
    "Agreement",
    "AgreementCommitment",
    "AgreementObjective",
    "AgreementRevision",
    "Assessment",
    "AvailabilityWindowRow",
    "Base",
    "Goal",
    "GoalMentor",
    "GoalNote",
    "GoalSkill",
    "GratitudeEntry",
    "Meeting",
    "MeetingMentor",
    "Mentor",
    "MentorExpertise",
    "MentorTag",
    "Milestone",
    "Setting",
    "Skill",
    "UTCDateTime",
    "utc_now",
]
