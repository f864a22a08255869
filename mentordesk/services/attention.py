"""What needs the person's attention in each view, counted in SQL so the sidebar can show
it after every change without reading every record. The counts follow the domain rules
(GoalRecord.is_overdue, AgreementRecord.is_review_due); a test keeps them equal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db.engine import reading
from mentordesk.db.models import Agreement, Goal
from mentordesk.domain.enums import AgreementStatus, GoalStatus


@dataclass(frozen=True)
class Attention:
    goals_overdue: int = 0  # active goals past their target date
    reviews_due: int = 0  # agreements in force past their review date


class AttentionService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sessions = session_factory

    def counts(self, today: date) -> Attention:
        with reading(self._sessions) as session:
            overdue = session.scalar(
                select(func.count())
                .select_from(Goal)
                .where(Goal.status == GoalStatus.ACTIVE, Goal.target_on < today)
            )
            reviews = session.scalar(
                select(func.count())
                .select_from(Agreement)
                .where(Agreement.status != AgreementStatus.CONCLUDED, Agreement.review_on < today)
            )
        return Attention(goals_overdue=overdue or 0, reviews_due=reviews or 0)
