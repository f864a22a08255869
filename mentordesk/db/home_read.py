"""What Home shows, read in a few aggregate queries: the facts ``domain/home.py`` judges.

Plain SQL text with named parameters, like the list specs (``db/listing.py``), so the same
read runs on a SQLAlchemy connection (``services.home``) and on the start-up quick read's
plain sqlite3 connection, before SQLAlchemy is imported: Home is the first view, and its data
is on screen as soon as the Mentors list's used to be. Values come back as SQLite stores them
(SQLAlchemy's text formats), and are converted here.

Every list section reads at most ``ROWS_READ`` rows and counts the rest in SQL, over the
indexes on meeting start, item status and due date, so Home costs the same at any size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgreementStatus,
    CadenceUnit,
    Direction,
    GoalStatus,
    HowWeMet,
    MeetingStatus,
    MentorStatus,
    RelationshipKind,
)
from mentordesk.domain.gratitude import ThanksCandidate
from mentordesk.domain.home import (
    ROWS_READ,
    UPCOMING_DAYS,
    ActiveMentor,
    AgreementDue,
    CadenceFacts,
    Counted,
    GettingStarted,
    GoalFlag,
    HomeFacts,
    ItemDue,
    ReportBack,
    UpcomingMeeting,
    end_of_week,
)
from mentordesk.domain.settings import settings_from_stored

T = TypeVar("T")

# Runs SQL text with named parameters on some connection and gives its rows.
Execute = Callable[[str, dict[str, Any]], Iterable[Any]]

_IN_FORCE = f"('{AgreementStatus.ACTIVE}', '{AgreementStatus.UNDER_REVIEW}')"
_ACTIVE_MENTOR = f"p.status = '{MentorStatus.ACTIVE}' AND p.archived_at IS NULL"
# Most meetings are held ones in the past: said so, SQLite reads one mentor's meetings
# by their index rather than every held meeting by status.
_HELD = f"likelihood(m.status = '{MeetingStatus.HELD}', 0.9)"

_UPCOMING = f"""
SELECT m.id, m.title, m.starts_at, m.minutes,
       (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id),
       (SELECT group_concat(mm.mentor_id) FROM meeting_mentor mm WHERE mm.meeting_id = m.id)
FROM meeting m
WHERE m.starts_at >= :start AND m.starts_at < :until AND m.status = '{MeetingStatus.PLANNED}'
ORDER BY m.starts_at, m.id
"""

# The agreement in force of each active relationship (as services.meetings picks it: active
# before under review, the newest first), its cadence, and the relationship's meetings.
_CADENCES = f"""
WITH in_force AS (
    SELECT a.mentor_id, a.cadence_every, a.cadence_unit,
           coalesce(a.starts_on, a.agreed_on) AS first_due,
           row_number() OVER (PARTITION BY a.mentor_id ORDER BY a.status, a.id DESC) AS n
    FROM agreement a JOIN mentor p ON p.id = a.mentor_id
    WHERE a.status IN {_IN_FORCE} AND {_ACTIVE_MENTOR}
)
SELECT f.mentor_id, f.cadence_every, f.cadence_unit, f.first_due,
       (SELECT max(m.starts_at) FROM meeting_mentor mm JOIN meeting m ON m.id = mm.meeting_id
        WHERE mm.mentor_id = f.mentor_id AND {_HELD}),
       EXISTS (SELECT 1 FROM meeting_mentor mm JOIN meeting m ON m.id = mm.meeting_id
               WHERE mm.mentor_id = f.mentor_id AND m.status = '{MeetingStatus.PLANNED}'
                 AND m.starts_at >= :now)
FROM in_force f WHERE f.n = 1
"""

_ITEM_MENTORS = (
    "(SELECT group_concat(mm.mentor_id) FROM meeting_mentor mm WHERE mm.meeting_id = i.meeting_id)"
)
_ITEMS_DUE_WHERE = (
    f"i.status = '{ActionStatus.OPEN}' AND i.due_on IS NOT NULL AND i.due_on <= :week_end"
)
_REPORT_BACK_WHERE = (
    f"i.status = '{ActionStatus.DONE}' AND i.reported_on IS NULL"
    " AND EXISTS (SELECT 1 FROM meeting_mentor mm WHERE mm.meeting_id = i.meeting_id)"
)
_REVIEWS_WHERE = f"a.status != '{AgreementStatus.CONCLUDED}' AND a.review_on < :today"
_OVERDUE_WHERE = f"g.status = '{GoalStatus.ACTIVE}' AND g.target_on < :today"
_ALONE_WHERE = (
    f"g.status = '{GoalStatus.ACTIVE}'"
    " AND NOT EXISTS (SELECT 1 FROM goal_mentor gm WHERE gm.goal_id = g.id)"
)

_THEY_MENTOR_ME = f"{_ACTIVE_MENTOR} AND p.direction = '{Direction.THEY_MENTOR_ME}'"
# Whom to thank (services.gratitude.thanks_due's candidates): the latest held meeting that
# started before the end of today, and the latest thanks up to today.
_THANKS = f"""
SELECT p.id,
       (SELECT max(m.starts_at) FROM meeting_mentor mm JOIN meeting m ON m.id = mm.meeting_id
        WHERE mm.mentor_id = p.id AND {_HELD} AND m.starts_at < :end_of_today),
       (SELECT max(g.given_on) FROM gratitude_entry g
        WHERE g.mentor_id = p.id AND g.given_on <= :today)
FROM mentor p WHERE {_THEY_MENTOR_ME}
"""

_ACTIVE_MIX = (
    f"SELECT p.id, p.kind, p.met_via, p.organization FROM mentor p WHERE {_THEY_MENTOR_ME}"
)

_STARTED = """
SELECT EXISTS (SELECT 1 FROM mentor), EXISTS (SELECT 1 FROM goal),
       EXISTS (SELECT 1 FROM agreement), EXISTS (SELECT 1 FROM meeting)
"""


def read_home_facts(execute: Execute, today: date, now: datetime) -> HomeFacts:
    """Everything Home shows on ``today`` (the person's local day) at ``now`` (aware)."""
    start_of_today = _utc_text(datetime.combine(today, time.min).astimezone())
    params: dict[str, Any] = {
        "today": today.isoformat(),
        "now": _utc_text(now),
        "start": start_of_today,
        "until": _utc_text(now + timedelta(days=UPCOMING_DAYS)),
        "week_end": end_of_week(today).isoformat(),
        "rows": ROWS_READ,
    }

    def rows(sql: str) -> list[Any]:
        return list(execute(sql, params))

    upcoming = [
        UpcomingMeeting(id_, title, _utc(starts), minutes, _ids(mentors), agenda)
        for id_, title, starts, minutes, agenda, mentors in rows(_UPCOMING)
    ]
    cadences = [
        CadenceFacts(
            mentor_id,
            every,
            CadenceUnit(unit),
            _date(first_due),
            _local_day(last_held),
            bool(planned),
        )
        for mentor_id, every, unit, first_due, last_held, planned in rows(_CADENCES)
    ]
    items_due = _counted(
        execute,
        params,
        "action_item i",
        _ITEMS_DUE_WHERE,
        f"i.id, i.text, i.owner, i.due_on, i.meeting_id, {_ITEM_MENTORS}",
        "i.due_on, i.id",
        lambda r: ItemDue(r[0], r[1], ActionOwner(r[2]), _need_date(r[3]), r[4], _ids(r[5])),
    )
    report_back = _counted(
        execute,
        params,
        "action_item i",
        _REPORT_BACK_WHERE,
        f"i.id, i.text, i.done_on, i.meeting_id, {_ITEM_MENTORS}",
        "i.done_on, i.id",
        lambda r: ReportBack(r[0], r[1], _date(r[2]), r[3], _ids(r[4])),
    )
    reviews = _counted(
        execute,
        params,
        "agreement a",
        _REVIEWS_WHERE,
        "a.id, a.title, a.mentor_id, a.review_on",
        "a.review_on, a.id",
        lambda r: AgreementDue(r[0], r[1], r[2], _need_date(r[3])),
    )
    overdue = _counted(
        execute,
        params,
        "goal g",
        _OVERDUE_WHERE,
        "g.id, g.title, g.target_on",
        "g.target_on, g.id",
        lambda r: GoalFlag(r[0], r[1], _date(r[2])),
    )
    alone = _counted(
        execute,
        params,
        "goal g",
        _ALONE_WHERE,
        "g.id, g.title, g.target_on",
        "g.name_key, g.id",
        lambda r: GoalFlag(r[0], r[1], _date(r[2])),
    )
    thanks = thanks_candidates(execute, today)
    active = [
        ActiveMentor(mentor_id, RelationshipKind(kind), HowWeMet(met) if met else None, org)
        for mentor_id, kind, met, org in rows(_ACTIVE_MIX)
    ]
    settings, _unusable = settings_from_stored(
        {key: value for key, value in execute('SELECT "key", value FROM setting', {})}
    )
    has = [bool(flag) for flag in next(iter(execute(_STARTED, {})))]
    named = {
        *(i for m in upcoming for i in m.mentor_ids),
        *(c.mentor_id for c in cadences),
        *(i for item in items_due.rows for i in item.mentor_ids),
        *(i for item in report_back.rows for i in item.mentor_ids),
        *(a.mentor_id for a in reviews.rows),
        *(t.mentor_id for t in thanks),
    }
    return HomeFacts(
        upcoming=upcoming,
        cadences=cadences,
        items_due=items_due,
        report_back=report_back,
        reviews_due=reviews,
        goals_overdue=overdue,
        goals_alone=alone,
        thanks_candidates=thanks,
        thanks_span_days=settings.thanks_after_days,
        active_mentors=active,
        mentor_names=mentor_names(execute, named),
        started=GettingStarted(*has),
    )


def mentor_names(execute: Execute, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ", ".join(f":m{n}" for n in range(len(wanted)))
    found = execute(
        f"SELECT id, name FROM mentor WHERE id IN ({marks})",
        {f"m{n}": mentor_id for n, mentor_id in enumerate(wanted)},
    )
    return {mentor_id: name for mentor_id, name in found}


def thanks_candidates(execute: Execute, today: date) -> list[ThanksCandidate]:
    """Active mentors who mentor me, with the local day of their latest held meeting up to
    the end of ``today`` and the day they were last thanked (up to ``today``)."""
    end_of_today = datetime.combine(today + timedelta(days=1), time.min).astimezone()
    params = {"today": today.isoformat(), "end_of_today": _utc_text(end_of_today)}
    return [
        ThanksCandidate(mentor_id, _local_day(met), _date(thanked))
        for mentor_id, met, thanked in execute(_THANKS, params)
    ]


def _counted(
    execute: Execute,
    params: dict[str, Any],
    table: str,
    where: str,
    columns: str,
    order: str,
    make: Callable[[Any], T],
) -> Counted[T]:
    found = [
        make(row)
        for row in execute(
            f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {order} LIMIT :rows", params
        )
    ]
    if len(found) < ROWS_READ:
        return Counted(tuple(found), len(found))
    total = next(iter(execute(f"SELECT count(*) FROM {table} WHERE {where}", params)))[0]
    return Counted(tuple(found), int(total))


def _utc_text(moment: datetime) -> str:
    """``moment`` as SQLAlchemy stores a UTC time in SQLite (so text comparison works)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _utc(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)


def _local_day(stored: str | None) -> date | None:
    return None if stored is None else _utc(stored).astimezone().date()


def _date(stored: str | None) -> date | None:
    return None if stored is None else date.fromisoformat(stored)


def _need_date(stored: str) -> date:
    return date.fromisoformat(stored)


def _ids(joined: str | int | None) -> tuple[int, ...]:
    """The ids ``group_concat`` joined (a single id may come back as a number)."""
    if joined is None or joined == "":
        return ()
    return tuple(sorted(int(part) for part in str(joined).split(",")))
