"""Skills and their assessments: the current level is the latest assessment."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.interfaces import ORMOption

from mentordesk.db.engine import reading, writing
from mentordesk.db.list_specs import SkillList
from mentordesk.db.models import Assessment, GoalSkill, Mentor, Skill
from mentordesk.domain.skill import (
    SKILL_COLUMN_FIELDS,
    AssessmentFields,
    AssessmentRecord,
    SkillFields,
    SkillRecord,
)
from mentordesk.domain.validation import NotFoundError, ValidationError, fold
from mentordesk.services._bulk import insert_rows
from mentordesk.services.listing import Listing

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _load_options() -> list[ORMOption]:
    return [selectinload(Skill.assessments)]


def _name_taken(name: str) -> ValidationError:
    return ValidationError({"name": f"There is already a skill called “{name}”."})


def _assessment_record(assessment: Assessment) -> AssessmentRecord:
    return AssessmentRecord(
        id=assessment.id,
        skill_id=assessment.skill_id,
        fields=AssessmentFields(
            assessed_on=assessment.assessed_on,
            level=assessment.level,
            source=assessment.source,
            mentor_id=assessment.mentor_id,
            evidence=assessment.evidence,
        ),
    )


class SkillService:
    """Every change is one committed transaction and returns the skill as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock
        self.listing = Listing(session_factory, SkillList(), self._fetch)

    def _today(self) -> date:
        return self._now().astimezone().date()

    def _load(self, session: Session, skill_id: int) -> Skill:
        skill = session.get(Skill, skill_id, options=_load_options())
        if skill is None:
            raise NotFoundError(f"Skill #{skill_id} no longer exists.")
        return skill

    def _record(self, session: Session, skill: Skill) -> SkillRecord:
        goal_ids = session.scalars(select(GoalSkill.goal_id).where(GoalSkill.skill_id == skill.id))
        return self._to_record(skill, frozenset(goal_ids))

    @staticmethod
    def _to_record(skill: Skill, goal_ids: frozenset[int]) -> SkillRecord:
        return SkillRecord(
            id=skill.id,
            fields=SkillFields(**{name: getattr(skill, name) for name in SKILL_COLUMN_FIELDS}),
            assessments=tuple(_assessment_record(a) for a in skill.assessments),
            goal_ids=goal_ids,
            created_at=skill.created_at,
            updated_at=skill.updated_at,
        )

    # --- reading -------------------------------------------------------------------------

    def names(self) -> list[tuple[int, str]]:
        """Every skill's id and name, by name: what a choice of skills shows."""
        query = select(Skill.id, Skill.name).order_by(Skill.name_key, Skill.id)
        with reading(self._sessions) as session:
            return [(i, n) for i, n in session.execute(query)]

    def _fetch(self, session: Session, ids: Sequence[int]) -> list[SkillRecord]:
        skills = session.scalars(
            select(Skill).where(Skill.id.in_(ids)).options(*_load_options())
        ).all()
        links: dict[int, set[int]] = {}
        query = select(GoalSkill.goal_id, GoalSkill.skill_id).where(GoalSkill.skill_id.in_(ids))
        for goal_id, skill_id in session.execute(query):
            links.setdefault(skill_id, set()).add(goal_id)
        return [self._to_record(s, frozenset(links.get(s.id, ()))) for s in skills]

    def choices(self) -> list[tuple[int, str, str]]:
        """Every skill's id, name and category, by name: what a choice of skills shows,
        read without the assessments."""
        query = select(Skill.id, Skill.name, Skill.category).order_by(Skill.name_key, Skill.id)
        with reading(self._sessions) as session:
            return [(i, name, category) for i, name, category in session.execute(query)]

    def list_all(self) -> list[SkillRecord]:
        with reading(self._sessions) as session:
            skills = session.scalars(select(Skill).options(*_load_options())).all()
            links: dict[int, set[int]] = {}
            for goal_id, skill_id in session.execute(select(GoalSkill.goal_id, GoalSkill.skill_id)):
                links.setdefault(skill_id, set()).add(goal_id)
            records = [self._to_record(s, frozenset(links.get(s.id, ()))) for s in skills]
        return sorted(records, key=lambda r: (fold(r.name), r.id))

    def get(self, skill_id: int) -> SkillRecord:
        with reading(self._sessions) as session:
            return self._record(session, self._load(session, skill_id))

    def categories(self) -> list[str]:
        """Categories in use, for suggestions when typing a new one."""
        with reading(self._sessions) as session:
            found = session.scalars(select(Skill.category).where(Skill.category != "").distinct())
            # One suggestion per category, however its case was typed over the years.
            by_key: dict[str, str] = {}
            for category in found:
                by_key.setdefault(fold(category), category)
            return sorted(by_key.values(), key=fold)

    def has_uncategorized(self) -> bool:
        """Whether some skill has no category (the filter then offers "No category")."""
        query = select(Skill.id).where(Skill.category == "").limit(1)
        with reading(self._sessions) as session:
            return session.scalar(query) is not None

    def assessments_by_mentor(self, mentor_id: int) -> list[AssessmentRecord]:
        with reading(self._sessions) as session:
            rows = session.scalars(select(Assessment).where(Assessment.mentor_id == mentor_id))
            return [_assessment_record(a) for a in rows]

    # --- the skill itself ----------------------------------------------------------------

    def _check_unique(self, session: Session, name: str, skill_id: int | None) -> None:
        query = select(Skill.id).where(Skill.name_key == fold(name))
        found = session.scalar(query)
        if found is not None and found != skill_id:
            raise _name_taken(name)

    def create(self, fields: SkillFields) -> SkillRecord:
        valid = fields.validated()
        now = self._now()
        with writing(self._sessions) as session:
            self._check_unique(session, valid.name, None)
            skill = Skill(created_at=now, updated_at=now, name_key=fold(valid.name))
            for name in SKILL_COLUMN_FIELDS:
                setattr(skill, name, getattr(valid, name))
            skill.assessments = []
            session.add(skill)
            session.flush()
            return self._record(session, skill)

    def create_many(self, skills: list[tuple[SkillFields, list[AssessmentFields]]]) -> list[int]:
        """Many skills with their assessments in one transaction (sample data, imports).

        Checked as ``create`` and ``add_assessment`` check them (every name unique, in the
        batch too; every mentor named exists), but with one query per check rather than one
        per skill and assessment, and stored in one flush (the key listener sets the skills'
        keys) with the assessments as plain rows (see ``_bulk``): the huge sample's 600
        skills and 24,000 assessments took six seconds one flush per skill."""
        today = self._today()
        checked = [(f.validated(), [a.validated(today) for a in a_list]) for f, a_list in skills]
        now = self._now()
        with writing(self._sessions) as session:
            named = {a.mentor_id for _f, a_list in checked for a in a_list} - {None}
            if named - set(session.scalars(select(Mentor.id).where(Mentor.id.in_(named)))):
                raise ValidationError({"mentor_id": "That mentor no longer exists."})
            keys = [fold(fields.name) for fields, _a_list in checked]
            taken = set(session.scalars(select(Skill.name_key).where(Skill.name_key.in_(keys))))
            for (fields, _a_list), key in zip(checked, keys, strict=True):
                if key in taken:
                    raise _name_taken(fields.name)
                taken.add(key)
            created = [
                Skill(
                    created_at=now,
                    updated_at=now,
                    name_key=key,
                    **{name: getattr(fields, name) for name in SKILL_COLUMN_FIELDS},
                )
                for (fields, _a_list), key in zip(checked, keys, strict=True)
            ]
            session.add_all(created)
            session.flush()
            rows = [
                {
                    "skill_id": skill.id,
                    "assessed_on": a.assessed_on,
                    "level": a.level,
                    "source": a.source,
                    "mentor_id": a.mentor_id,
                    "evidence": a.evidence,
                }
                for skill, (_fields, a_list) in zip(created, checked, strict=True)
                for a in a_list
            ]
            insert_rows(session, Assessment, rows)
            return [skill.id for skill in created]

    def update(self, skill_id: int, fields: SkillFields) -> SkillRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            self._check_unique(session, valid.name, skill_id)
            skill = self._load(session, skill_id)
            for name in SKILL_COLUMN_FIELDS:
                setattr(skill, name, getattr(valid, name))
            skill.name_key = fold(valid.name)
            if session.is_modified(skill):
                skill.updated_at = self._now()
            session.flush()
            return self._record(session, skill)

    def delete(self, skill_id: int) -> SkillRecord:
        """Delete a skill with its assessments and goal links; the record restores it."""
        with writing(self._sessions) as session:
            skill = self._load(session, skill_id)
            record = self._record(session, skill)
            session.delete(skill)
            return record

    def restore(self, record: SkillRecord) -> SkillRecord:
        from mentordesk.db.models import Goal

        with writing(self._sessions) as session:
            if session.get(Skill, record.id) is not None:
                raise ValidationError({"name": f"Skill #{record.id} already exists."})
            self._check_unique(session, record.fields.name, None)
            skill = Skill(
                id=record.id,
                name_key=fold(record.fields.name),
                created_at=record.created_at,
                updated_at=record.updated_at,
            )
            for name in SKILL_COLUMN_FIELDS:
                setattr(skill, name, getattr(record.fields, name))
            mentors = self._existing_mentors(session, record)
            skill.assessments = [
                Assessment(
                    id=a.id,
                    assessed_on=a.fields.assessed_on,
                    level=a.fields.level,
                    source=a.fields.source,
                    mentor_id=a.fields.mentor_id if a.fields.mentor_id in mentors else None,
                    evidence=a.fields.evidence,
                )
                for a in record.assessments
            ]
            session.add(skill)
            goals = set(session.scalars(select(Goal.id).where(Goal.id.in_(record.goal_ids))))
            session.add_all(GoalSkill(goal_id=g, skill_id=record.id) for g in sorted(goals))
            session.flush()
            return self._record(session, self._load(session, record.id))

    @staticmethod
    def _existing_mentors(session: Session, record: SkillRecord) -> set[int]:
        wanted = {a.fields.mentor_id for a in record.assessments if a.fields.mentor_id}
        return set(session.scalars(select(Mentor.id).where(Mentor.id.in_(wanted))))

    # --- assessments ---------------------------------------------------------------------

    def add_assessment(self, skill_id: int, fields: AssessmentFields) -> AssessmentRecord:
        valid = fields.validated(self._today())
        with writing(self._sessions) as session:
            skill = self._load(session, skill_id)
            self._check_mentor(session, valid.mentor_id)
            assessment = Assessment(
                skill_id=skill.id,
                assessed_on=valid.assessed_on,
                level=valid.level,
                source=valid.source,
                mentor_id=valid.mentor_id,
                evidence=valid.evidence,
            )
            session.add(assessment)
            skill.updated_at = self._now()
            session.flush()
            return _assessment_record(assessment)

    def update_assessment(self, assessment_id: int, fields: AssessmentFields) -> AssessmentRecord:
        valid = fields.validated(self._today())
        with writing(self._sessions) as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None:
                raise NotFoundError("That assessment no longer exists.")
            self._check_mentor(session, valid.mentor_id)
            assessment.assessed_on = valid.assessed_on
            assessment.level = valid.level
            assessment.source = valid.source
            assessment.mentor_id = valid.mentor_id
            assessment.evidence = valid.evidence
            session.flush()
            return _assessment_record(assessment)

    def remove_assessment(self, assessment_id: int) -> AssessmentRecord:
        with writing(self._sessions) as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None:
                raise NotFoundError("That assessment no longer exists.")
            record = _assessment_record(assessment)
            session.delete(assessment)
            return record

    def restore_assessment(self, record: AssessmentRecord) -> AssessmentRecord:
        with writing(self._sessions) as session:
            self._load(session, record.skill_id)
            f = record.fields
            mentor_id = f.mentor_id
            if mentor_id is not None and session.get(Mentor, mentor_id) is None:
                mentor_id = None
            assessment = Assessment(
                id=record.id,
                skill_id=record.skill_id,
                assessed_on=f.assessed_on,
                level=f.level,
                source=f.source,
                mentor_id=mentor_id,
                evidence=f.evidence,
            )
            session.add(assessment)
            session.flush()
            return _assessment_record(assessment)

    @staticmethod
    def _check_mentor(session: Session, mentor_id: int | None) -> None:
        if mentor_id is not None and session.get(Mentor, mentor_id) is None:
            raise ValidationError({"mentor_id": "That mentor no longer exists."})
