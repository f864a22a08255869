"""Coming prepared: the agenda "Prepare" proposes from what is open with a meeting's mentors.

Four sources, in this order: what I said I would do and have not done, what I did but have
not reported back, what the last meeting left unanswered, and the objectives of the agreement
in force. Each proposed line says where it came from; lines already on the agenda stay as
they are and are not proposed twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from mentordesk.domain.action_item import ActionItemRecord
from mentordesk.domain.enums import ActionOwner
from mentordesk.domain.meeting import AgendaItem, MeetingRecord
from mentordesk.domain.validation import fold


@dataclass(frozen=True)
class PreparationSources:
    """What is open with the meeting's mentors, read by the service."""

    open_items: Sequence[ActionItemRecord] = ()
    unreported: Sequence[ActionItemRecord] = ()
    last_meeting: MeetingRecord | None = None
    # (agreement title, objective text) of each agreement in force with these mentors.
    objectives: Sequence[tuple[str, str]] = ()


def _day(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def proposals(sources: PreparationSources) -> list[AgendaItem]:
    """Every line the sources suggest, each with its origin."""
    found: list[AgendaItem] = []
    for item in sources.open_items:
        when = f" since {_day(item.meeting_on)}" if item.meeting_on else ""
        if item.fields.owner is ActionOwner.MENTOR:
            text = f"Ask about: {item.text}"
        else:
            text = f"Progress on: {item.text}"
        found.append(AgendaItem(text, origin=f"Open{when}"))
    for item in sources.unreported:
        done = f" (done {_day(item.fields.done_on)})" if item.fields.done_on else ""
        found.append(AgendaItem(f"Report back: {item.text}{done}", origin="Not reported back"))
    last = sources.last_meeting
    if last is not None:
        for point in last.open_agenda():
            found.append(AgendaItem(point.text, origin=f"Left open {_day(last.local_day())}"))
    for title, objective in sources.objectives:
        found.append(AgendaItem(f"Objective: {objective}", origin=f"Agreement: {title}"))
    return found


def prepared_agenda(
    agenda: Sequence[AgendaItem], sources: PreparationSources
) -> tuple[AgendaItem, ...]:
    """The agenda as it is, followed by every proposal not already on it (compared ignoring
    case and accents)."""
    seen = {fold(item.text) for item in agenda}
    added: list[AgendaItem] = []
    for item in proposals(sources):
        key = fold(item.text)
        if key not in seen:
            seen.add(key)
            added.append(item)
    return (*agenda, *added)
