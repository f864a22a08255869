"""Goals: create, edit, delete and restore; milestones in order; progress notes; links."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker
from sqlalchemy.orm.interfaces import ORMOption

from mentordesk.db.engine import reading, writing
from mentordesk.db.list_specs import GoalList
from mentordesk.db.models import Goal, GoalMentor, GoalNote, GoalSkill, Mentor, Milestone, Skill
from mentordesk.domain.goal import (
    GOAL_COLUMN_FIELDS,
    GoalChoice,
    GoalFields,
    GoalNoteFields,
    GoalNoteRecord,
    GoalRecord,
    MilestoneFields,
    MilestoneRecord,
)
from mentordesk.domain.validation import NotFoundError, ValidationError, fold
from mentordesk.services.listing import Listing

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class NewGoal:
    """A goal as ``GoalService.create_many`` stores it, with what it starts with."""

    fields: GoalFields
    milestones: tuple[MilestoneFields, ...] = ()
    notes: tuple[GoalNoteFields, ...] = ()
    mentor_ids: frozenset[int] = frozenset()
    skill_ids: frozenset[int] = frozenset()


def _load_options() -> list[ORMOption]:
    return [
        selectinload(Goal.milestones),
        selectinload(Goal.notes),
        selectinload(Goal.mentor_links),
        selectinload(Goal.skill_links),
    ]


def to_goal_record(goal: Goal) -> GoalRecord:
    return GoalRecord(
        id=goal.id,
        fields=GoalFields(**{name: getattr(goal, name) for name in GOAL_COLUMN_FIELDS}),
        milestones=tuple(
            MilestoneRecord(m.id, m.title, m.due_on, m.done_on) for m in goal.milestones
        ),
        # Sorted here rather than trusting the loaded collection's order, which appending a
        # note in this session does not keep.
        notes=tuple(
            GoalNoteRecord(n.id, n.written_on, n.text)
            for n in sorted(goal.notes, key=lambda n: (n.written_on, n.id or 0))
        ),
        mentor_ids=frozenset(link.mentor_id for link in goal.mentor_links),
        skill_ids=frozenset(link.skill_id for link in goal.skill_links),
        created_at=goal.created_at,
        updated_at=goal.updated_at,
    )


def _fetch_goals(session: Session, ids: Sequence[int]) -> list[GoalRecord]:
    query = select(Goal).where(Goal.id.in_(ids)).options(*_load_options())
    return [to_goal_record(goal) for goal in session.scalars(query)]


class GoalService:
    """Every change is one committed transaction and returns the goal as it now is."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = session_factory
        self._now = clock
        self.listing = Listing(session_factory, GoalList(), _fetch_goals)

    def _today(self) -> date:
        return self._now().astimezone().date()

    def _load(self, session: Session, goal_id: int) -> Goal:
        goal = session.get(Goal, goal_id, options=_load_options())
        if goal is None:
            raise NotFoundError(f"Goal #{goal_id} no longer exists.")
        return goal

    # --- reading -------------------------------------------------------------------------

    def list_all(self) -> list[GoalRecord]:
        with reading(self._sessions) as session:
            goals = session.scalars(select(Goal).options(*_load_options())).all()
            records = [to_goal_record(goal) for goal in goals]
        return sorted(records, key=lambda r: (fold(r.title), r.id))

    def get(self, goal_id: int) -> GoalRecord:
        with reading(self._sessions) as session:
            return to_goal_record(self._load(session, goal_id))

    def titles(self) -> list[tuple[int, str]]:
        """Every goal's id and title, by title: what a choice of goals shows."""
        query = select(Goal.id, Goal.title).order_by(Goal.name_key, Goal.id)  # folded titles
        with reading(self._sessions) as session:
            return [(i, t) for i, t in session.execute(query)]

    def choices(self) -> list[GoalChoice]:
        """Every goal's id, title and mentors, by title: two plain queries, where
        ``list_all`` reads every milestone and note too (a third of a second for the
        huge sample's 300 goals)."""
        mentors: dict[int, set[int]] = {}
        with reading(self._sessions) as session:
            for goal_id, mentor_id in session.execute(
                select(GoalMentor.goal_id, GoalMentor.mentor_id)
            ):
                mentors.setdefault(goal_id, set()).add(mentor_id)
            by_title = select(Goal.id, Goal.title).order_by(Goal.name_key, Goal.id)
            return [
                GoalChoice(goal_id, title, frozenset(mentors.get(goal_id, ())))
                for goal_id, title in session.execute(by_title)
            ]

    def count(self) -> int:
        with reading(self._sessions) as session:
            return int(session.scalar(select(func.count(Goal.id))) or 0)

    def goals_of_mentor(self, mentor_id: int) -> list[GoalRecord]:
        """The goals a mentor helps with, by title."""
        linked = select(GoalMentor.goal_id).where(GoalMentor.mentor_id == mentor_id)
        query = select(Goal).where(Goal.id.in_(linked)).options(*_load_options())
        with reading(self._sessions) as session:
            records = [to_goal_record(goal) for goal in session.scalars(query)]
        return sorted(records, key=lambda r: (fold(r.title), r.id))

    # --- the goal itself -----------------------------------------------------------------

    def create(
        self,
        fields: GoalFields,
        *,
        mentor_ids: Iterable[int] = (),
        skill_ids: Iterable[int] = (),
        milestones: Iterable[MilestoneFields] = (),
    ) -> GoalRecord:
        valid = fields.validated()
        today = self._today()
        checked = [milestone.validated(today) for milestone in milestones]
        now = self._now()
        with writing(self._sessions) as session:
            goal = self._new_goal(valid, checked, today, now)
            session.add(goal)
            self._set_links(session, goal, set(mentor_ids), set(skill_ids))
            session.flush()
            return to_goal_record(self._load(session, goal.id))

    def create_many(self, goals: Sequence[NewGoal]) -> list[int]:
        """Many goals at once, each with its milestones, links and progress notes (sample
        data, imports); returns their ids in order. Stores and checks what ``create`` and
        ``add_note`` would, but in one flush: one call each cost a flush and a reload of the
        goal (ten seconds for the huge sample's 300 goals and 700 notes)."""
        today = self._today()
        checked = [
            (
                goal.fields.validated(),
                [milestone.validated(today) for milestone in goal.milestones],
                [note.validated() for note in goal.notes],
            )
            for goal in goals
        ]
        now = self._now()
        with writing(self._sessions) as session:
            self._check_links(
                session,
                {m for goal in goals for m in goal.mentor_ids},
                {s for goal in goals for s in goal.skill_ids},
            )
            created = []
            for goal, (valid, milestones, notes) in zip(goals, checked, strict=True):
                row = self._new_goal(valid, milestones, today, now)
                row.mentor_links = [GoalMentor(mentor_id=i) for i in sorted(goal.mentor_ids)]
                row.skill_links = [GoalSkill(skill_id=i) for i in sorted(goal.skill_ids)]
                row.notes = [GoalNote(written_on=n.written_on, text=n.text) for n in notes]
                created.append(row)
            session.add_all(created)
            session.flush()
            return [row.id for row in created]

    def _new_goal(
        self, fields: GoalFields, milestones: Sequence[MilestoneFields], today: date, now: datetime
    ) -> Goal:
        """A new goal's row with its milestones (``fields`` and ``milestones`` validated)."""
        goal = Goal(created_at=now, updated_at=now)
        self._apply(goal, fields, today)
        goal.milestones = [
            Milestone(position=i, title=m.title, due_on=m.due_on, done_on=m.done_on)
            for i, m in enumerate(milestones)
        ]
        return goal

    def update(self, goal_id: int, fields: GoalFields) -> GoalRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            self._apply(goal, valid, self._today())
            if session.is_modified(goal):
                goal.updated_at = self._now()
            session.flush()
            return to_goal_record(goal)

    def _apply(self, goal: Goal, fields: GoalFields, today: date) -> None:
        changed = goal.status is None or goal.status != fields.status
        if changed and fields.status_changed_on in (None, goal.status_changed_on):
            # A status change is dated today unless the person dated it themselves.
            fields = fields.replace(status_changed_on=today)
        for name in GOAL_COLUMN_FIELDS:
            setattr(goal, name, getattr(fields, name))

    def set_links(
        self, goal_id: int, *, mentor_ids: Iterable[int], skill_ids: Iterable[int]
    ) -> GoalRecord:
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            self._set_links(session, goal, set(mentor_ids), set(skill_ids))
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(self._load(session, goal_id))

    def _set_links(
        self, session: Session, goal: Goal, mentor_ids: set[int], skill_ids: set[int]
    ) -> None:
        self._check_links(session, mentor_ids, skill_ids)
        goal.mentor_links = [GoalMentor(mentor_id=i) for i in sorted(mentor_ids)]
        goal.skill_links = [GoalSkill(skill_id=i) for i in sorted(skill_ids)]

    @staticmethod
    def _check_links(session: Session, mentor_ids: set[int], skill_ids: set[int]) -> None:
        missing = mentor_ids - set(
            session.scalars(select(Mentor.id).where(Mentor.id.in_(mentor_ids)))
        )
        if missing:
            raise ValidationError({"mentors": "A chosen mentor no longer exists."})
        missing = skill_ids - set(session.scalars(select(Skill.id).where(Skill.id.in_(skill_ids))))
        if missing:
            raise ValidationError({"skills": "A chosen skill no longer exists."})

    def delete(self, goal_id: int) -> GoalRecord:
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            record = to_goal_record(goal)
            session.delete(goal)
            return record

    def restore(self, record: GoalRecord) -> GoalRecord:
        """Put a deleted goal back whole: same id, milestones, notes and links that still
        point at existing mentors and skills."""
        with writing(self._sessions) as session:
            if session.get(Goal, record.id) is not None:
                raise ValidationError({"title": f"Goal #{record.id} already exists."})
            goal = Goal(id=record.id, created_at=record.created_at, updated_at=record.updated_at)
            for name in GOAL_COLUMN_FIELDS:
                setattr(goal, name, getattr(record.fields, name))
            goal.milestones = [
                Milestone(id=m.id, position=i, title=m.title, due_on=m.due_on, done_on=m.done_on)
                for i, m in enumerate(record.milestones)
            ]
            goal.notes = [
                GoalNote(id=n.id, written_on=n.written_on, text=n.text) for n in record.notes
            ]
            session.add(goal)
            mentors = set(
                session.scalars(select(Mentor.id).where(Mentor.id.in_(record.mentor_ids)))
            )
            skills = set(session.scalars(select(Skill.id).where(Skill.id.in_(record.skill_ids))))
            self._set_links(session, goal, mentors, skills)
            session.flush()
            return to_goal_record(self._load(session, goal.id))

    # --- milestones ----------------------------------------------------------------------

    def add_milestone(
        self, goal_id: int, fields: MilestoneFields, *, position: int | None = None
    ) -> GoalRecord:
        valid = fields.validated(self._today())
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            milestones = list(goal.milestones)
            index = len(milestones) if position is None else max(0, min(position, len(milestones)))
            milestones.insert(
                index,
                Milestone(
                    title=valid.title, due_on=valid.due_on, done_on=valid.done_on, position=0
                ),
            )
            self._renumber(goal, milestones)
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(goal)

    def update_milestone(
        self, goal_id: int, milestone_id: int, fields: MilestoneFields
    ) -> GoalRecord:
        valid = fields.validated(self._today())
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            milestone = self._milestone(goal, milestone_id)
            milestone.title, milestone.due_on, milestone.done_on = (
                valid.title,
                valid.due_on,
                valid.done_on,
            )
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(goal)

    def remove_milestone(self, goal_id: int, milestone_id: int) -> GoalRecord:
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            milestone = self._milestone(goal, milestone_id)
            self._renumber(goal, [m for m in goal.milestones if m is not milestone])
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(goal)

    def move_milestone(self, goal_id: int, milestone_id: int, new_index: int) -> GoalRecord:
        """Reorder: the milestone ends up at ``new_index`` (0 = first)."""
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            milestone = self._milestone(goal, milestone_id)
            milestones = [m for m in goal.milestones if m is not milestone]
            milestones.insert(max(0, min(new_index, len(milestones))), milestone)
            self._renumber(goal, milestones)
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(goal)

    def restore_milestone(self, goal_id: int, record: MilestoneRecord, index: int) -> GoalRecord:
        """Put a removed milestone back at its place with its id (for undo)."""
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            milestones = list(goal.milestones)
            restored = Milestone(
                id=record.id,
                title=record.title,
                due_on=record.due_on,
                done_on=record.done_on,
                position=0,
            )
            milestones.insert(max(0, min(index, len(milestones))), restored)
            self._renumber(goal, milestones)
            session.flush()
            return to_goal_record(goal)

    @staticmethod
    def _milestone(goal: Goal, milestone_id: int) -> Milestone:
        for milestone in goal.milestones:
            if milestone.id == milestone_id:
                return milestone
        raise NotFoundError("That milestone no longer exists.")

    @staticmethod
    def _renumber(goal: Goal, milestones: list[Milestone]) -> None:
        for position, milestone in enumerate(milestones):
            milestone.position = position
        goal.milestones = milestones

    # --- progress notes ------------------------------------------------------------------

    def add_note(self, goal_id: int, fields: GoalNoteFields) -> GoalRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            goal.notes.append(GoalNote(written_on=valid.written_on, text=valid.text))
            goal.updated_at = self._now()
            session.flush()
            return to_goal_record(self._load(session, goal_id))

    def update_note(self, goal_id: int, note_id: int, fields: GoalNoteFields) -> GoalRecord:
        valid = fields.validated()
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            note = next((n for n in goal.notes if n.id == note_id), None)
            if note is None:
                raise NotFoundError("That note no longer exists.")
            note.written_on, note.text = valid.written_on, valid.text
            session.flush()
            return to_goal_record(self._load(session, goal_id))

    def remove_note(self, goal_id: int, note_id: int) -> GoalRecord:
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            if all(n.id != note_id for n in goal.notes):
                raise NotFoundError("That note no longer exists.")
            goal.notes = [n for n in goal.notes if n.id != note_id]
            session.flush()
            return to_goal_record(goal)

    def restore_note(self, goal_id: int, record: GoalNoteRecord) -> GoalRecord:
        with writing(self._sessions) as session:
            goal = self._load(session, goal_id)
            goal.notes.append(
                GoalNote(id=record.id, written_on=record.written_on, text=record.text)
            )
            session.flush()
            return to_goal_record(self._load(session, goal_id))
