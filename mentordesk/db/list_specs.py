"""The list views' filters, words and sort columns in SQL, one spec per table.

Column numbers are the list views' own (a view's model names them the same). Each sort is
what the column shows, in the order a person expects: names and titles by their folded key,
labels by the order the view passes (``ListQuery.ranking``), statuses in their working
order, missing dates after every real one, and ties by id.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from mentordesk.db.listing import Fragment, ListQuery, ListSpec, Params, fixed_order, ranked
from mentordesk.domain.action_item import DueBucket
from mentordesk.domain.enums import ActionStatus, AgreementStatus, GoalStatus, MentorStatus
from mentordesk.domain.skill import years_before

NO_DATE = "'9999'"  # sorts after every ISO date


def _value(value: Any) -> Any:
    return getattr(value, "value", value)


def _equals(column: str, name: str, value: Any) -> Fragment:
    return f"{column} = :f_{name}", {f"f_{name}": _value(value)}


MENTOR_STATUS_ORDER = (
    MentorStatus.ACTIVE,
    MentorStatus.PROSPECT,
    MentorStatus.PAUSED,
    MentorStatus.CONCLUDED,
)


class MentorList(ListSpec):
    """Archived cards are hidden unless the filter ``archived`` is True."""

    table = "mentor"
    NAME, ORGANIZATION, KIND, DIRECTION, STATUS, SINCE = range(6)

    def conditions(self, query: ListQuery) -> list[Fragment]:
        if query.filter_value("archived"):
            return []
        return [("mentor.archived_at IS NULL", {})]

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        if name == "archived":
            return "1", {}
        if name in ("status", "kind"):
            return _equals(f"mentor.{name}", name, value)
        raise KeyError(name)

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        if column == self.ORGANIZATION:
            return ["fold(mentor.organization)"], {}
        if column in (self.KIND, self.DIRECTION):
            sql, params = ranked(
                "mentor.kind" if column == self.KIND else "mentor.direction", query.ranking
            )
            return [sql], params
        if column == self.STATUS:
            return [fixed_order("mentor.status", MENTOR_STATUS_ORDER)], {}
        if column == self.SINCE:
            return [f"COALESCE(mentor.started_on, {NO_DATE})"], {}
        return ["mentor.name_key"], {}


def _mentor_named(link_table: str, owner_column: str, owner: str, param: str) -> str:
    """Some mentor linked through ``link_table`` has a name matching ``:param``. (An IN
    over an uncorrelated subquery: SQLite works the set out once, not once per row.)"""
    return (
        f"{owner} IN (SELECT link.{owner_column} FROM {link_table} AS link"
        " JOIN mentor ON mentor.id = link.mentor_id"
        f" WHERE mentor.name_key LIKE :{param} ESCAPE '\\')"
    )


GOAL_STATUS_ORDER = (GoalStatus.ACTIVE, GoalStatus.PAUSED, GoalStatus.ACHIEVED, GoalStatus.DROPPED)


class GoalList(ListSpec):
    """A typed word matches the goal's texts and milestones or a linked mentor's name."""

    table = "goal"
    TITLE, KIND, STATUS, TARGET, PROGRESS, MENTORS = range(6)

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        if name in ("status", "kind"):
            return _equals(f"goal.{name}", name, value)
        if name == "mentor":
            return (
                "goal.id IN (SELECT goal_id FROM goal_mentor WHERE mentor_id = :f_mentor)",
                {"f_mentor": value},
            )
        raise KeyError(name)

    def word(self, param: str) -> str:
        return (
            f"goal.search_key LIKE :{param} ESCAPE '\\'"
            f" OR {_mentor_named('goal_mentor', 'goal_id', 'goal.id', param)}"
        )

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        if column == self.KIND:
            sql, params = ranked("goal.kind", query.ranking)
            return [sql], params
        if column == self.STATUS:
            return [fixed_order("goal.status", GOAL_STATUS_ORDER)], {}
        if column == self.TARGET:
            return [f"COALESCE(goal.target_on, {NO_DATE})"], {}
        if column == self.PROGRESS:
            # The share of milestones done; goals without milestones below every share.
            return [
                "COALESCE((SELECT avg(milestone.done_on IS NOT NULL) FROM milestone"
                " WHERE milestone.goal_id = goal.id), -1.0)"
            ], {}
        if column == self.MENTORS:
            return ["(SELECT count(*) FROM goal_mentor WHERE goal_mentor.goal_id = goal.id)"], {}
        return ["goal.name_key"], {}


def _level(skill: str, *, on_or_before: str | None = None, first: bool = False) -> str:
    """A skill's latest assessed level (on or before a day), or its first."""
    direction = "ASC" if first else "DESC"
    when = f" AND assessment.assessed_on <= {on_or_before}" if on_or_before else ""
    return (
        f"(SELECT assessment.level FROM assessment WHERE assessment.skill_id = {skill}{when}"
        f" ORDER BY assessment.assessed_on {direction}, assessment.id {direction} LIMIT 1)"
    )


class SkillList(ListSpec):
    """The change column is the current level minus the level a year before today (the
    first level when every assessment is younger), as the Skills view shows it."""

    table = "skill"
    NAME, CATEGORY, CURRENT, TARGET, CHANGE, TREND = range(6)

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        if name == "category":  # the folded category
            return "fold(skill.category) = :f_category", {"f_category": value}
        raise KeyError(name)

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        name = "skill.name_key"
        if column == self.CATEGORY:
            # Skills without a category after those with one.
            return ["COALESCE(NULLIF(fold(skill.category), ''), char(65535))", name], {}
        if column == self.CURRENT:
            return [f"COALESCE({_level('skill.id')}, 0)", name], {}
        if column == self.TARGET:
            return ["COALESCE(skill.target_level, 0)", name], {}
        if column in (self.CHANGE, self.TREND):
            day = years_before(query.today, 1).isoformat()
            before = _level("skill.id", on_or_before=":change_day")
            change = f"{_level('skill.id')} - COALESCE({before}, {_level('skill.id', first=True)})"
            # Unknown change below any real one.
            return [f"COALESCE({change} + 10, 0)", name], {"change_day": day}
        return [name], {}


AGREEMENT_STATUS_ORDER = (
    AgreementStatus.ACTIVE,
    AgreementStatus.UNDER_REVIEW,
    AgreementStatus.DRAFT,
    AgreementStatus.CONCLUDED,
)
_MENTOR_OF_AGREEMENT = "(SELECT mentor.name_key FROM mentor WHERE mentor.id = agreement.mentor_id)"


class AgreementList(ListSpec):
    """A typed word matches the title or the mentor's name."""

    table = "agreement"
    MENTOR, TITLE, STATUS, CADENCE, FORMAT, REVIEW = range(6)

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        if name in ("status", "mentor"):
            column = "agreement.mentor_id" if name == "mentor" else "agreement.status"
            return _equals(column, name, value)
        raise KeyError(name)

    def word(self, param: str) -> str:
        return (
            f"agreement.search_key LIKE :{param} ESCAPE '\\'"
            " OR agreement.mentor_id IN (SELECT mentor.id FROM mentor"
            f" WHERE mentor.name_key LIKE :{param} ESCAPE '\\')"
        )

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        if column == self.TITLE:
            return ["agreement.name_key"], {}
        if column == self.STATUS:
            return [fixed_order("agreement.status", AGREEMENT_STATUS_ORDER)], {}
        if column == self.CADENCE:
            # In days; agreements without a cadence last.
            return [
                "COALESCE(agreement.cadence_every * (CASE agreement.cadence_unit"
                " WHEN 'weeks' THEN 7 WHEN 'months' THEN 30 ELSE 1 END), 1000000)"
            ], {}
        if column == self.FORMAT:
            sql, params = ranked("agreement.format", query.ranking)
            return [sql], params
        if column == self.REVIEW:
            return [f"COALESCE(agreement.review_on, {NO_DATE})"], {}
        return [f"COALESCE({_MENTOR_OF_AGREEMENT}, '')"], {}


ACTION_STATUS_ORDER = (ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED)
_HAS_MENTOR = "action_item.meeting_id IN (SELECT meeting_id FROM meeting_mentor)"
# Done, from a meeting with a mentor, and not yet reported back to them.
AWAITS_REPORT = f"action_item.status = 'done' AND action_item.reported_on IS NULL AND {_HAS_MENTOR}"
_STATUS_CHOICES = {
    "needs_doing": f"action_item.status = 'open' OR ({AWAITS_REPORT})",
    "open": "action_item.status = 'open'",
    "done": "action_item.status = 'done'",
    "dropped": "action_item.status = 'dropped'",
}


class ActionItemList(ListSpec):
    """A typed word matches the item's text, its meeting's title or a mentor's name.

    The status filter takes the Action items view's choices ("needs_doing": open, or done
    and not yet reported back); ``due`` a DueBucket as of the query's day."""

    table = "action_item"
    WHAT, OWNER, DUE, STATUS, MENTORS, MEETING, REPORTED = range(7)

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        if name == "status":
            return _STATUS_CHOICES[_value(value)], {}
        if name == "owner":
            return _equals("action_item.owner", name, value)
        if name == "mentor":
            return (
                "action_item.meeting_id IN (SELECT meeting_id FROM meeting_mentor"
                " WHERE mentor_id = :f_mentor)",
                {"f_mentor": value},
            )
        if name == "awaiting":
            return AWAITS_REPORT, {}
        if name == "due":
            return self._due(DueBucket(value), query)
        raise KeyError(name)

    @staticmethod
    def _due(bucket: DueBucket, query: ListQuery) -> Fragment:
        today = query.today
        week_end = today + timedelta(days=6 - today.weekday())
        params = {"due_today": today.isoformat(), "due_week_end": week_end.isoformat()}
        due, is_open = "action_item.due_on", "action_item.status = 'open'"
        sql = {
            DueBucket.NONE: f"{due} IS NULL",
            DueBucket.OVERDUE: f"{is_open} AND {due} < :due_today",
            DueBucket.EARLIER: f"NOT ({is_open}) AND {due} < :due_today",
            DueBucket.THIS_WEEK: f"{due} >= :due_today AND {due} <= :due_week_end",
            DueBucket.LATER: f"{due} > :due_week_end",
        }[bucket]
        return sql, params

    def word(self, param: str) -> str:
        return (
            f"action_item.search_key LIKE :{param} ESCAPE '\\'"
            " OR action_item.meeting_id IN (SELECT meeting.id FROM meeting"
            f" WHERE meeting.search_key LIKE :{param} ESCAPE '\\')"
            f" OR {_mentor_named('meeting_mentor', 'meeting_id', 'action_item.meeting_id', param)}"
        )

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        if column == self.OWNER:
            sql, params = ranked("action_item.owner", query.ranking)
            return [sql], params
        if column == self.DUE:
            return [f"COALESCE(action_item.due_on, {NO_DATE})"], {}
        if column == self.STATUS:
            return [fixed_order("action_item.status", ACTION_STATUS_ORDER)], {}
        if column == self.MENTORS:
            return [
                "COALESCE((SELECT group_concat(name_key, ', ') FROM (SELECT mentor.name_key"
                " FROM meeting_mentor JOIN mentor ON mentor.id = meeting_mentor.mentor_id"
                " WHERE meeting_mentor.meeting_id = action_item.meeting_id"
                " ORDER BY mentor.name_key)), '')"
            ], {}
        if column == self.MEETING:
            # By the meeting's start, then its title; items from no meeting last.
            return [
                "COALESCE((SELECT meeting.starts_at FROM meeting"
                f" WHERE meeting.id = action_item.meeting_id), {NO_DATE})",
                "(SELECT meeting.search_key FROM meeting"
                " WHERE meeting.id = action_item.meeting_id)",
            ], {}
        if column == self.REPORTED:
            # What still waits for a report first, then the dates, then the rest.
            return [
                f"CASE WHEN {AWAITS_REPORT} THEN '0' WHEN action_item.reported_on IS NOT NULL"
                " THEN '1' || action_item.reported_on ELSE '2' END"
            ], {}
        return ["action_item.search_key"], {}  # the folded text
