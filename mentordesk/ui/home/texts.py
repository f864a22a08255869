"""What each section of Home says: the overview's rows as the texts a person reads.

Plain data, worked out without a widget, so a test reads Home's sentences for a fixed day
without a window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from mentordesk.domain.enums import ActionOwner
from mentordesk.domain.gratitude import months_between
from mentordesk.domain.home import GoalFlag, HomeOverview, MixAspect, NetworkMix
from mentordesk.ui.common.labels import format_date, label


def _tr(text: str) -> str:
    return QCoreApplication.translate("home", text)


class Page(StrEnum):
    """The views a Home row opens (the main window's page keys)."""

    CALENDAR = "calendar"
    MENTORS = "mentors"
    ACTIONS = "actions"
    AGREEMENTS = "agreements"
    GOALS = "goals"


class RowAction(StrEnum):
    PREPARE = "prepare"  # fill the meeting's agenda from what is open
    SCHEDULE = "schedule"  # plan the next meeting with the mentor


@dataclass(frozen=True)
class Link:
    page: Page
    record_id: int


@dataclass(frozen=True)
class HomeRow:
    title: str
    detail: str
    opens: Link
    flag: str = ""  # a word or two that stands out ("Come prepared", "Overdue")
    flag_color: str = ""  # its semantic colour (style.SemanticColors)
    action: RowAction | None = None
    action_id: int = 0  # the meeting to prepare, the mentor to meet


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    rows: tuple[HomeRow, ...]
    total: int  # rows may hold fewer: the rest are in ``more``'s view
    more: Page | None = None
    more_text: str = ""

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def home_sections(overview: HomeOverview) -> list[Section]:
    """Every section in the order Home lays them out, empty ones included (Home hides
    those)."""
    today = overview.today
    return [
        _upcoming(overview),
        _quiet(overview),
        _items_due(overview),
        _report_back(overview),
        _thanks(overview),
        _reviews(overview),
        _goals(
            "goals_overdue",
            _tr("Goals past their target date"),
            overview.goals_overdue.rows,
            overview.goals_overdue.total,
            lambda g: _tr("Target was {day}").format(day=format_date(g.target_on)),
            _tr("Overdue"),
            "danger",
        ),
        _goals(
            "goals_alone",
            _tr("Goals no mentor helps with"),
            overview.goals_alone.rows,
            overview.goals_alone.total,
            lambda g: (
                _tr("Target {day}").format(day=format_date(g.target_on))
                if g.target_on and g.target_on >= today
                else _tr("Ask a mentor who knows this ground")
            ),
            _tr("No mentor"),
            "caution",
        ),
    ]


def _upcoming(overview: HomeOverview) -> Section:
    rows = []
    for meeting in overview.upcoming:
        unprepared = meeting.meeting_id in overview.unprepared
        names = overview.names(meeting.mentor_ids) or _tr("No mentor assigned")
        rows.append(
            HomeRow(
                title=meeting.title,
                detail=f"{when(meeting.starts_at.astimezone(), overview.today)} · {names}",
                opens=Link(Page.CALENDAR, meeting.meeting_id),
                flag=_tr("Come prepared") if unprepared else "",
                flag_color="caution" if unprepared else "",
                action=RowAction.PREPARE,
                action_id=meeting.meeting_id,
            )
        )
    return Section(
        "upcoming",
        _tr("Upcoming meetings"),
        tuple(rows),
        len(rows),
        Page.CALENDAR,
        _tr("Open the Calendar"),
    )


def _quiet(overview: HomeOverview) -> Section:
    today = overview.today
    rows = []
    for quiet in overview.quiet:
        detail = (
            _tr("Not met yet; the first meeting was due {day}").format(day=format_date(quiet.due))
            if quiet.last_met is None
            else _tr("Last met {span} ago ({day}); next was due {due}").format(
                span=span_text(quiet.last_met, today),
                day=format_date(quiet.last_met),
                due=format_date(quiet.due),
            )
        )
        rows.append(
            HomeRow(
                title=overview.mentor_name(quiet.mentor_id),
                detail=detail,
                opens=Link(Page.MENTORS, quiet.mentor_id),
                flag=days_late(quiet.days_overdue(today)),
                flag_color="caution",
                action=RowAction.SCHEDULE,
                action_id=quiet.mentor_id,
            )
        )
    return Section("quiet", _tr("Relationships gone quiet"), tuple(rows), len(rows))


def _items_due(overview: HomeOverview) -> Section:
    today = overview.today
    rows = []
    for item in overview.items_due.rows:
        names = overview.names(item.mentor_ids)
        whose = (
            _tr("{names} offered to").format(names=names or _tr("The mentor"))
            if item.owner is ActionOwner.MENTOR
            else names
        )
        due = _tr("Due {day}").format(day=day_text(item.due_on, today))
        rows.append(
            HomeRow(
                title=item.text,
                detail=f"{due} · {whose}" if whose else due,
                opens=Link(Page.ACTIONS, item.item_id),
                flag=_tr("Overdue") if item.is_overdue(today) else "",
                flag_color="danger",
            )
        )
    return Section(
        "items_due",
        _tr("Action items overdue or due this week"),
        tuple(rows),
        overview.items_due.total,
        Page.ACTIONS,
        _tr("Open Action items"),
    )


def _report_back(overview: HomeOverview) -> Section:
    rows = []
    for item in overview.report_back.rows:
        names = overview.names(item.mentor_ids)
        done = (
            _tr("Done {day}").format(day=format_date(item.done_on)) if item.done_on else _tr("Done")
        )
        rows.append(
            HomeRow(
                title=item.text,
                detail=_tr("{done} · tell {names}").format(done=done, names=names),
                opens=Link(Page.ACTIONS, item.item_id),
            )
        )
    return Section(
        "report_back",
        _tr("Done, not yet reported back"),
        tuple(rows),
        overview.report_back.total,
        Page.ACTIONS,
        _tr("Open Action items"),
    )


def _thanks(overview: HomeOverview) -> Section:
    today = overview.today
    rows = []
    for due in overview.thanks:
        thanked = (
            _tr("never thanked")
            if due.last_thanked is None
            else _tr("last thanked {span} ago").format(span=span_text(due.last_thanked, today))
        )
        rows.append(
            HomeRow(
                title=overview.mentor_name(due.mentor_id),
                detail=_tr("Met {day} · {thanked}").format(
                    day=format_date(due.last_met), thanked=thanked
                ),
                opens=Link(Page.MENTORS, due.mentor_id),
            )
        )
    return Section("thanks", _tr("Time to say thank you"), tuple(rows), len(rows))


def _reviews(overview: HomeOverview) -> Section:
    rows = tuple(
        HomeRow(
            title=agreement.title,
            detail=_tr("{mentor} · review was due {day}").format(
                mentor=overview.mentor_name(agreement.mentor_id),
                day=format_date(agreement.review_on),
            ),
            opens=Link(Page.AGREEMENTS, agreement.agreement_id),
            flag=_tr("Review due"),
            flag_color="caution",
        )
        for agreement in overview.reviews_due.rows
    )
    return Section(
        "reviews",
        _tr("Agreements due for review"),
        rows,
        overview.reviews_due.total,
        Page.AGREEMENTS,
        _tr("Open Agreements"),
    )


def _goals(
    key: str,
    title: str,
    goals: tuple[GoalFlag, ...],
    total: int,
    detail: Callable[[GoalFlag], str],
    flag: str,
    color: str,
) -> Section:
    rows = tuple(
        HomeRow(goal.title, detail(goal), Link(Page.GOALS, goal.goal_id), flag, color)
        for goal in goals
    )
    return Section(key, title, rows, total, Page.GOALS, _tr("Open Goals"))


# --- the network's mix -------------------------------------------------------------------


def mix_sentence(mix: NetworkMix) -> str:
    """One line on the mix: narrow when every active mentor shares one thing."""
    if mix.active == 0:
        return _tr("No active mentors yet: the mix of your network shows here.")
    narrow = mix.narrow
    if narrow is None:
        return _tr("{n} active mentors, of {kinds} kinds, met in {ways} ways.").format(
            n=mix.active, kinds=len(mix.by_kind), ways=len(mix.by_how_we_met)
        )
    if narrow.aspect is MixAspect.ORGANIZATION:
        text = _tr("Every active mentor is at {name}: look beyond your immediate circle.")
        return text.format(name=narrow.value)
    if narrow.aspect is MixAspect.HOW_WE_MET:
        way = label(mix.by_how_we_met[0][0]).lower()
        return _tr(
            "You met every active mentor the same way ({way}): other circles see other things."
        ).format(way=way)
    kind = label(mix.by_kind[0][0]).lower()
    return _tr(
        "Every active relationship is of one kind ({kind}): a sponsor or a peer would add "
        "another view."
    ).format(kind=kind)


# --- dates as a person says them ---------------------------------------------------------


def when(moment: datetime, today: date) -> str:
    """A meeting's local start: "Today 14:00", "Tomorrow 09:30", "Thu 10 Dec 2026 14:00"."""
    clock = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    day = day_text(moment.date(), today)
    return f"{day[:1].upper()}{day[1:]} {clock}"


def day_text(day: date, today: date) -> str:
    delta = (day - today).days
    if delta == 0:
        return _tr("today")
    if delta == 1:
        return _tr("tomorrow")
    if delta == -1:
        return _tr("yesterday")
    weekday = QLocale().dayName(
        QDate(day.year, day.month, day.day).dayOfWeek(), QLocale.FormatType.ShortFormat
    )
    return f"{weekday} {format_date(day)}"


def span_text(earlier: date, today: date) -> str:
    """How long ago, roughly: days under two weeks, weeks under two months, then months."""
    days = (today - earlier).days
    if days < 14:
        return _tr("1 day") if days == 1 else _tr("{n} days").format(n=days)
    months = months_between(earlier, today)
    if months < 2:
        return _tr("{n} weeks").format(n=days // 7)
    if months < 24:
        return _tr("{n} months").format(n=months)
    return _tr("{n} years").format(n=months // 12)


def days_late(days: int) -> str:
    return _tr("1 day late") if days == 1 else _tr("{n} days late").format(n=days)
