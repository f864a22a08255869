"""The growth timeline's reads, in plain SQL text (like ``db/home_read.py``).

The feed is a ``UNION ALL`` over the tables where each kind's day lives, giving only
``(kind, day, id)`` per entry; what a view needs first is the count per month (the headers
and the scroll bar's length), then a page of entries at a time: a page's keys are read with
the day range narrowed to the months the page falls in (known from those counts), and only
then its titles and details, by id. A local day is the day the person saw: a meeting's UTC
start is turned local with SQLite's ``localtime``.

Where each kind's day lives: a relationship's ``mentor.started_on`` / ``ended_on`` (a
paused one has no day of its own: the day of its last held meeting, else its start); an
agreement's ``agreed_on``, each later ``agreement_revision.revised_at``; a held meeting's
``starts_at`` (with its takeaway); a done item's ``done_on``; an assessment's
``assessed_on`` (with the level before it, ``LAG`` over the skill's assessments); a
milestone's ``done_on``; an achieved goal's ``status_changed_on``; a gratitude entry's
``given_on``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentordesk.domain.enums import (
    ActionStatus,
    GoalStatus,
    MeetingStatus,
    MentorStatus,
    RelationshipKind,
)
from mentordesk.domain.timeline import (
    Assessed,
    Band,
    EntryKind,
    Marker,
    MarkKind,
    TimelineEntry,
    TimelineFilter,
    TimelineOverview,
    YearFacts,
    band_of,
)

Execute = Callable[[str, dict[str, Any]], Iterable[Any]]

_MEETING_DAY = "date(m.starts_at, 'localtime')"
_HELD = f"m.status = '{MeetingStatus.HELD}'"
# Most meetings are held ones: said so where one mentor's meetings are wanted, SQLite reads
# them through the mentor's links rather than walking every held meeting by its index.
_HELD_LIKELY = f"likelihood({_HELD}, 0.9)"


@dataclass(frozen=True)
class _Branch:
    """One kind's part of the feed."""

    kind: EntryKind
    source: str  # FROM and JOINs
    where: str
    day: str  # the local day, ISO text
    id: str
    mentor: str  # true when :mentor is among the entry's mentors


_LAST_HELD = (
    f"(SELECT max({_MEETING_DAY}) FROM meeting_mentor mm JOIN meeting m ON m.id = mm.meeting_id"
    f" WHERE mm.mentor_id = p.id AND {_HELD_LIKELY})"
)

_BRANCHES = (
    _Branch(
        EntryKind.STARTED,
        "mentor p",
        "p.started_on IS NOT NULL",
        "p.started_on",
        "p.id",
        "p.id = :mentor",
    ),
    _Branch(
        EntryKind.PAUSED,
        "mentor p",
        f"p.status = '{MentorStatus.PAUSED}' AND p.started_on IS NOT NULL",
        f"coalesce({_LAST_HELD}, p.started_on)",
        "p.id",
        "p.id = :mentor",
    ),
    _Branch(
        EntryKind.CONCLUDED,
        "mentor p",
        "p.ended_on IS NOT NULL",
        "p.ended_on",
        "p.id",
        "p.id = :mentor",
    ),
    _Branch(
        EntryKind.AGREEMENT_MADE,
        "agreement a",
        "a.agreed_on IS NOT NULL",
        "a.agreed_on",
        "a.id",
        "a.mentor_id = :mentor",
    ),
    _Branch(
        EntryKind.AGREEMENT_REVISED,
        "agreement_revision r JOIN agreement a ON a.id = r.agreement_id",
        # The first revision is the agreement's making.
        "r.id != (SELECT min(f.id) FROM agreement_revision f"
        " WHERE f.agreement_id = r.agreement_id)",
        "date(r.revised_at, 'localtime')",
        "r.id",
        "a.mentor_id = :mentor",
    ),
    _Branch(
        EntryKind.MEETING_HELD,
        "meeting m",
        _HELD,
        _MEETING_DAY,
        "m.id",
        "EXISTS (SELECT 1 FROM meeting_mentor mm WHERE mm.meeting_id = m.id"
        " AND mm.mentor_id = :mentor)",
    ),
    _Branch(
        EntryKind.ITEM_DONE,
        "action_item i",
        f"i.status = '{ActionStatus.DONE}' AND i.done_on IS NOT NULL",
        "i.done_on",
        "i.id",
        "EXISTS (SELECT 1 FROM meeting_mentor mm WHERE mm.meeting_id = i.meeting_id"
        " AND mm.mentor_id = :mentor)",
    ),
    _Branch(
        EntryKind.SKILL_ASSESSED,
        "assessment s",
        "1",
        "s.assessed_on",
        "s.id",
        "s.mentor_id = :mentor",
    ),
    _Branch(
        EntryKind.MILESTONE_REACHED,
        "milestone t",
        "t.done_on IS NOT NULL",
        "t.done_on",
        "t.id",
        "EXISTS (SELECT 1 FROM goal_mentor gm WHERE gm.goal_id = t.goal_id"
        " AND gm.mentor_id = :mentor)",
    ),
    _Branch(
        EntryKind.GOAL_ACHIEVED,
        "goal g",
        f"g.status = '{GoalStatus.ACHIEVED}' AND g.status_changed_on IS NOT NULL",
        "g.status_changed_on",
        "g.id",
        "EXISTS (SELECT 1 FROM goal_mentor gm WHERE gm.goal_id = g.id AND gm.mentor_id = :mentor)",
    ),
    _Branch(
        EntryKind.GRATITUDE,
        "gratitude_entry e",
        "1",
        "e.given_on",
        "e.id",
        "e.mentor_id = :mentor",
    ),
)
_RANK = {kind: n for n, kind in enumerate(EntryKind)}
_BY_RANK = list(EntryKind)


def _params(feed: TimelineFilter, first: date | None, last: date | None) -> dict[str, Any]:
    firsts = [d for d in (feed.first_day, first) if d is not None]
    lasts = [d for d in (feed.last_day, last) if d is not None]
    return {
        "mentor": feed.mentor_id,
        "first": max(firsts).isoformat() if firsts else None,
        "last": min(lasts).isoformat() if lasts else None,
    }


def _union(feed: TimelineFilter, params: dict[str, Any]) -> str:
    """The feed's ``(rank, day, id)`` rows (rank: the kind's place in ``EntryKind``)."""
    parts = []
    for branch in _BRANCHES:
        if not feed.shows(branch.kind):
            continue
        where = [branch.where]
        if params["mentor"] is not None:
            where.append(branch.mentor)
        if params["first"] is not None:
            where.append(f"{branch.day} >= :first")
        if params["last"] is not None:
            where.append(f"{branch.day} <= :last")
        parts.append(
            f"SELECT {_RANK[branch.kind]} AS rank, {branch.day} AS day, {branch.id} AS id"
            f" FROM {branch.source} WHERE {' AND '.join(where)}"
        )
    if not parts:
        return "SELECT 0 AS rank, '' AS day, 0 AS id WHERE 0"
    return "\nUNION ALL\n".join(parts)


def month_counts(execute: Execute, feed: TimelineFilter) -> list[tuple[int, int, int]]:
    """(year, month, entries) of every month with entries, newest first."""
    params = _params(feed, None, None)
    sql = (
        f"SELECT substr(day, 1, 7) AS month, count(*) FROM ({_union(feed, params)})"
        " GROUP BY month ORDER BY month DESC"
    )
    return [(int(month[:4]), int(month[5:7]), n) for month, n in execute(sql, params)]


def count(execute: Execute, feed: TimelineFilter) -> int:
    params = _params(feed, None, None)
    sql = f"SELECT count(*) FROM ({_union(feed, params)})"
    return int(next(iter(execute(sql, params)))[0])


def read_keys(
    execute: Execute,
    feed: TimelineFilter,
    offset: int,
    limit: int,
    *,
    first: date | None = None,
    last: date | None = None,
) -> list[tuple[EntryKind, date, int]]:
    """The entries ``offset`` to ``offset + limit`` (newest first) of the feed narrowed to
    ``first``..``last`` (the caller knows, from the month counts, where the page lies)."""
    params = _params(feed, first, last)
    params.update(offset=offset, limit=limit)
    sql = (
        f"SELECT rank, day, id FROM ({_union(feed, params)})"
        " ORDER BY day DESC, rank, id DESC LIMIT :limit OFFSET :offset"
    )
    return [
        (_BY_RANK[rank], date.fromisoformat(day), id_) for rank, day, id_ in execute(sql, params)
    ]


# --- an entry's texts, by kind and id ----------------------------------------------------

_MEETING_MENTORS = (
    "(SELECT group_concat(mm.mentor_id) FROM meeting_mentor mm WHERE mm.meeting_id = {0})"
)
_GOAL_MENTORS = "(SELECT group_concat(gm.mentor_id) FROM goal_mentor gm WHERE gm.goal_id = {0})"

# Each gives: id, title, detail, mentors (joined ids), opens, level, previous level.
_DETAILS: dict[EntryKind, str] = {
    EntryKind.STARTED: "SELECT p.id, p.name, p.kind, p.id, p.id, NULL, NULL FROM mentor p",
    EntryKind.PAUSED: "SELECT p.id, p.name, p.kind, p.id, p.id, NULL, NULL FROM mentor p",
    EntryKind.CONCLUDED: "SELECT p.id, p.name, p.kind, p.id, p.id, NULL, NULL FROM mentor p",
    EntryKind.AGREEMENT_MADE: (
        "SELECT a.id, a.title, p.name, a.mentor_id, a.id, NULL, NULL"
        " FROM agreement a JOIN mentor p ON p.id = a.mentor_id"
    ),
    EntryKind.AGREEMENT_REVISED: (
        "SELECT r.id, a.title, r.changes, a.mentor_id, a.id, NULL, NULL"
        " FROM agreement_revision r JOIN agreement a ON a.id = r.agreement_id"
    ),
    EntryKind.MEETING_HELD: (
        f"SELECT m.id, m.title, m.takeaway, {_MEETING_MENTORS.format('m.id')}, m.id, NULL, NULL"
        " FROM meeting m"
    ),
    EntryKind.ITEM_DONE: (
        f"SELECT i.id, i.text, i.owner, {_MEETING_MENTORS.format('i.meeting_id')}, i.id,"
        " NULL, NULL FROM action_item i"
    ),
    EntryKind.SKILL_ASSESSED: (
        "SELECT s.id, k.name, s.evidence, s.mentor_id, s.skill_id, s.level,"
        " (SELECT q.level FROM assessment q WHERE q.skill_id = s.skill_id"
        "  AND (q.assessed_on < s.assessed_on OR (q.assessed_on = s.assessed_on AND q.id < s.id))"
        "  ORDER BY q.assessed_on DESC, q.id DESC LIMIT 1)"
        " FROM assessment s JOIN skill k ON k.id = s.skill_id"
    ),
    EntryKind.MILESTONE_REACHED: (
        f"SELECT t.id, t.title, g.title, {_GOAL_MENTORS.format('t.goal_id')}, t.goal_id,"
        " NULL, NULL FROM milestone t JOIN goal g ON g.id = t.goal_id"
    ),
    EntryKind.GOAL_ACHIEVED: (
        f"SELECT g.id, g.title, g.kind, {_GOAL_MENTORS.format('g.id')}, g.id, NULL, NULL"
        " FROM goal g"
    ),
    EntryKind.GRATITUDE: (
        "SELECT e.id, p.name, e.text, e.mentor_id, e.mentor_id, NULL, NULL"
        " FROM gratitude_entry e JOIN mentor p ON p.id = e.mentor_id"
    ),
}
_ALIAS = {
    EntryKind.STARTED: "p",
    EntryKind.PAUSED: "p",
    EntryKind.CONCLUDED: "p",
    EntryKind.AGREEMENT_MADE: "a",
    EntryKind.AGREEMENT_REVISED: "r",
    EntryKind.MEETING_HELD: "m",
    EntryKind.ITEM_DONE: "i",
    EntryKind.SKILL_ASSESSED: "s",
    EntryKind.MILESTONE_REACHED: "t",
    EntryKind.GOAL_ACHIEVED: "g",
    EntryKind.GRATITUDE: "e",
}


def read_entries(
    execute: Execute, keys: Sequence[tuple[EntryKind, date, int]]
) -> list[TimelineEntry]:
    """The entries of ``keys``, in their order (keys whose record is gone are left out)."""
    wanted: dict[EntryKind, list[int]] = {}
    for kind, _day, id_ in keys:
        wanted.setdefault(kind, []).append(id_)
    found: dict[tuple[EntryKind, int], tuple[Any, ...]] = {}
    for kind, ids in wanted.items():
        marks = ", ".join(f":i{n}" for n in range(len(ids)))
        sql = f"{_DETAILS[kind]} WHERE {_ALIAS[kind]}.id IN ({marks})"
        for row in execute(sql, {f"i{n}": id_ for n, id_ in enumerate(ids)}):
            found[kind, row[0]] = tuple(row)
    entries = []
    for kind, day, id_ in keys:
        row = found.get((kind, id_))
        if row is None:
            continue
        _id, title, detail, mentors, opens, level, previous = row
        if kind is EntryKind.AGREEMENT_REVISED:
            detail = _changed_fields(detail)
        entries.append(
            TimelineEntry(
                kind=kind,
                day=day,
                record_id=id_,
                title=title or "",
                detail=detail or "",
                mentor_ids=_ids(mentors),
                opens_id=int(opens),
                level=level,
                previous_level=previous,
            )
        )
    return entries


def _changed_fields(changes: str | None) -> str:
    """A revision's changed fields, comma-separated (the view names them)."""
    try:
        stored = json.loads(changes or "{}")
    except ValueError:
        return ""
    return ",".join(stored) if isinstance(stored, dict) else ""


def _ids(joined: str | int | None) -> tuple[int, ...]:
    if joined is None or joined == "":
        return ()
    return tuple(sorted({int(part) for part in str(joined).split(",")}))


# --- the overview ------------------------------------------------------------------------

_BANDS = "SELECT id, name, kind, status, started_on, ended_on FROM mentor ORDER BY started_on, id"
_MEETING_DAYS = f"""
SELECT DISTINCT mm.mentor_id, {_MEETING_DAY} AS day
FROM meeting m JOIN meeting_mentor mm ON mm.meeting_id = m.id
WHERE {_HELD} ORDER BY mm.mentor_id, day
"""
_GOALS_ACHIEVED = f"""
SELECT g.id, g.title, g.status_changed_on FROM goal g
WHERE g.status = '{GoalStatus.ACHIEVED}' AND g.status_changed_on IS NOT NULL
ORDER BY g.status_changed_on
"""
# Assessments above the one before them of the same skill.
_LEVEL_UPS = """
SELECT skill_id, name, assessed_on FROM (
    SELECT s.skill_id, k.name, s.assessed_on, s.level,
           LAG(s.level) OVER (PARTITION BY s.skill_id ORDER BY s.assessed_on, s.id) AS before
    FROM assessment s JOIN skill k ON k.id = s.skill_id
) WHERE before IS NOT NULL AND level > before ORDER BY assessed_on
"""


def read_overview(execute: Execute, today: date) -> TimelineOverview:
    bands: list[Band] = []
    for mentor_id, name, kind, status, started, ended in execute(_BANDS, {}):
        band = band_of(
            mentor_id,
            name,
            RelationshipKind(kind),
            MentorStatus(status),
            _date(started),
            _date(ended),
            today,
        )
        if band is not None:
            bands.append(band)
    days: dict[int, list[date]] = {}
    for mentor_id, day in execute(_MEETING_DAYS, {}):
        days.setdefault(mentor_id, []).append(date.fromisoformat(day))
    markers = [
        Marker(MarkKind.GOAL_ACHIEVED, date.fromisoformat(day), goal_id, title)
        for goal_id, title, day in execute(_GOALS_ACHIEVED, {})
    ]
    markers += [
        Marker(MarkKind.SKILL_ROSE, date.fromisoformat(day), skill_id, name)
        for skill_id, name, day in execute(_LEVEL_UPS, {})
    ]
    markers.sort(key=lambda m: m.day)
    return TimelineOverview(
        bands=tuple(bands),
        meeting_days={mentor_id: tuple(d) for mentor_id, d in days.items()},
        markers=tuple(markers),
        today=today,
    )


# --- the year in review ------------------------------------------------------------------

_YEAR_MEETINGS = f"""
SELECT mm.mentor_id, count(*) FROM meeting m JOIN meeting_mentor mm ON mm.meeting_id = m.id
WHERE {_HELD} AND {_MEETING_DAY} BETWEEN :first AND :last GROUP BY mm.mentor_id
"""
_YEAR_HELD = (
    f"SELECT count(*) FROM meeting m WHERE {_HELD} AND {_MEETING_DAY} BETWEEN :first AND :last"
)
_YEAR_ITEMS = (
    f"SELECT count(*) FROM action_item i WHERE i.status = '{ActionStatus.DONE}'"
    " AND i.done_on BETWEEN :first AND :last"
)
_YEAR_ASSESSMENTS = """
SELECT s.skill_id, k.name, s.assessed_on, s.level
FROM assessment s JOIN skill k ON k.id = s.skill_id
WHERE s.assessed_on BETWEEN :first AND :last
"""
_YEAR_GOALS = f"""
SELECT g.id, g.title FROM goal g WHERE g.status = '{GoalStatus.ACHIEVED}'
AND g.status_changed_on BETWEEN :first AND :last ORDER BY g.status_changed_on, g.id
"""
_YEAR_STARTED = "SELECT id FROM mentor WHERE started_on BETWEEN :first AND :last"
_YEAR_ENDED = "SELECT id FROM mentor WHERE ended_on BETWEEN :first AND :last"
_YEARS = f"""
SELECT DISTINCT year FROM (
    SELECT substr(started_on, 1, 4) AS year FROM mentor WHERE started_on IS NOT NULL
    UNION SELECT substr(ended_on, 1, 4) FROM mentor WHERE ended_on IS NOT NULL
    UNION SELECT substr({_MEETING_DAY}, 1, 4) FROM meeting m WHERE {_HELD}
    UNION SELECT substr(done_on, 1, 4) FROM action_item
      WHERE status = '{ActionStatus.DONE}' AND done_on IS NOT NULL
    UNION SELECT substr(assessed_on, 1, 4) FROM assessment
    UNION SELECT substr(status_changed_on, 1, 4) FROM goal
      WHERE status = '{GoalStatus.ACHIEVED}' AND status_changed_on IS NOT NULL
) ORDER BY year DESC
"""


def read_years(execute: Execute) -> list[int]:
    """The years with anything in review, newest first."""
    return [int(year) for (year,) in execute(_YEARS, {}) if year]


def read_year(execute: Execute, year: int) -> YearFacts:
    params = {"first": f"{year:04d}-01-01", "last": f"{year:04d}-12-31"}

    def rows(sql: str) -> list[Any]:
        return list(execute(sql, params))

    meetings = {mentor_id: n for mentor_id, n in rows(_YEAR_MEETINGS)}
    assessed = rows(_YEAR_ASSESSMENTS)
    started = [i for (i,) in rows(_YEAR_STARTED)]
    ended = [i for (i,) in rows(_YEAR_ENDED)]
    names: dict[int, str] = {}
    wanted = sorted({*meetings, *started, *ended})
    if wanted:
        marks = ", ".join(f":m{n}" for n in range(len(wanted)))
        names = dict(
            execute(
                f"SELECT id, name FROM mentor WHERE id IN ({marks})",
                {f"m{n}": i for n, i in enumerate(wanted)},
            )
        )
    return YearFacts(
        year=year,
        meetings=meetings,
        items_done=int(rows(_YEAR_ITEMS)[0][0]),
        assessments=[Assessed(s, date.fromisoformat(d), lv) for s, _n, d, lv in assessed],
        goals_achieved=[(i, t) for i, t in rows(_YEAR_GOALS)],
        started=started,
        ended=ended,
        mentor_names=names,
        skill_names={s: n for s, n, _d, _lv in assessed},
        meetings_held=int(rows(_YEAR_HELD)[0][0]),
    )


def _date(stored: str | None) -> date | None:
    return None if stored is None else date.fromisoformat(stored)
