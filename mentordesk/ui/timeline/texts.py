"""The timeline's words: each kind's label and icon, an entry's lines, a period's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from mentordesk.domain.enums import ActionOwner, GoalKind, RelationshipKind
from mentordesk.domain.timeline import EntryKind, Grouping, Period, TimelineEntry
from mentordesk.ui.common.labels import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("timeline", text)


_KIND_LABELS = {
    EntryKind.STARTED: "Relationship started",
    EntryKind.PAUSED: "Relationship paused",
    EntryKind.CONCLUDED: "Relationship concluded",
    EntryKind.AGREEMENT_MADE: "Agreement made",
    EntryKind.AGREEMENT_REVISED: "Agreement revised",
    EntryKind.MEETING_HELD: "Meeting held",
    EntryKind.ITEM_DONE: "Action item done",
    EntryKind.SKILL_ASSESSED: "Skill assessed",
    EntryKind.MILESTONE_REACHED: "Milestone reached",
    EntryKind.GOAL_ACHIEVED: "Goal achieved",
    EntryKind.GRATITUDE: "Gratitude",
}

# (icon, semantic colour or "" for the text colour)
KIND_ICONS: dict[EntryKind, tuple[str, str]] = {
    EntryKind.STARTED: ("mentors", "positive"),
    EntryKind.PAUSED: ("mentors", "caution"),
    EntryKind.CONCLUDED: ("archive", "muted"),
    EntryKind.AGREEMENT_MADE: ("agreements", "info"),
    EntryKind.AGREEMENT_REVISED: ("history", "info"),
    EntryKind.MEETING_HELD: ("calendar", "accent"),
    EntryKind.ITEM_DONE: ("done", "positive"),
    EntryKind.SKILL_ASSESSED: ("skills", "info"),
    EntryKind.MILESTONE_REACHED: ("next", "positive"),
    EntryKind.GOAL_ACHIEVED: ("goals", "positive"),
    EntryKind.GRATITUDE: ("sample", "accent"),
}

_FIELDS = {
    "title": "title",
    "status": "status",
    "agreed_on": "day agreed",
    "starts_on": "start",
    "ends_on": "end",
    "planned_length": "length",
    "review_on": "review date",
    "cadence_every": "cadence",
    "cadence_unit": "cadence",
    "format": "format",
    "typical_minutes": "length of meetings",
    "objectives": "objectives",
    "commitments": "commitments",
}


def kind_label(kind: EntryKind) -> str:
    return _tr(_KIND_LABELS[kind])


def entry_title(entry: TimelineEntry) -> str:
    return entry.title or _tr("(untitled)")


def entry_detail(entry: TimelineEntry) -> str:
    """The entry's second line: the takeaway, the change, the evidence..."""
    kind = entry.kind
    if kind in (EntryKind.STARTED, EntryKind.PAUSED, EntryKind.CONCLUDED):
        try:
            return label(RelationshipKind(entry.detail))
        except ValueError:
            return ""
    if kind is EntryKind.AGREEMENT_MADE:
        return _tr("With {name}").format(name=entry.detail) if entry.detail else ""
    if kind is EntryKind.AGREEMENT_REVISED:
        names = dict.fromkeys(
            _tr(_FIELDS.get(part, part.replace("_", " ")))
            for part in entry.detail.split(",")
            if part
        )
        return _tr("Changed: {fields}").format(fields=", ".join(names)) if names else ""
    if kind is EntryKind.ITEM_DONE:
        try:
            owner = ActionOwner(entry.detail)
        except ValueError:
            return ""
        return _tr("I did it") if owner is ActionOwner.ME else _tr("My mentor did it")
    if kind is EntryKind.SKILL_ASSESSED:
        change = level_change_text(entry)
        evidence = entry.detail.strip()
        return f"{change} · {evidence}" if evidence else change
    if kind is EntryKind.MILESTONE_REACHED:
        return _tr("Toward “{goal}”").format(goal=entry.detail) if entry.detail else ""
    if kind is EntryKind.GOAL_ACHIEVED:
        try:
            return label(GoalKind(entry.detail))
        except ValueError:
            return ""
    return " ".join(entry.detail.split())


def level_change_text(entry: TimelineEntry) -> str:
    if entry.level is None:
        return ""
    change = entry.level_change
    if change is None:
        return _tr("Level {level} (first assessment)").format(level=entry.level)
    if change == 0:
        return _tr("Level {level}, unchanged").format(level=entry.level)
    return _tr("Level {before} → {after}").format(before=entry.previous_level, after=entry.level)


def period_label(period: Period, grouping: Grouping) -> str:
    if grouping is Grouping.MONTH:
        return QLocale().toString(QDate(period.year, period.month, 1), "MMMM yyyy")
    if grouping is Grouping.QUARTER:
        return _tr("Q{quarter} {year}").format(quarter=period.quarter, year=period.year)
    return str(period.year)


def entries_count(n: int) -> str:
    return _tr("1 entry") if n == 1 else _tr("{n} entries").format(n=n)


def grouping_label(grouping: Grouping) -> str:
    return {
        Grouping.YEAR: _tr("Year"),
        Grouping.QUARTER: _tr("Quarter"),
        Grouping.MONTH: _tr("Month"),
    }[grouping]
