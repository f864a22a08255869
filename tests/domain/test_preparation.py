""" "Prepare" without a database: which lines each source proposes, in which order and with
which origin, and how the agenda already typed is kept and never repeated."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from mentordesk.domain.action_item import ActionItemFields, ActionItemRecord
from mentordesk.domain.enums import ActionOwner, ActionStatus, MeetingStatus
from mentordesk.domain.meeting import AgendaItem, MeetingFields, MeetingRecord
from mentordesk.domain.preparation import PreparationSources, prepared_agenda, proposals

STAMP = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _local_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The last meeting's day is read in local time: pin it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _item(
    item_id: int,
    text: str,
    *,
    owner: ActionOwner = ActionOwner.ME,
    status: ActionStatus = ActionStatus.OPEN,
    done_on: date | None = None,
    meeting_on: date | None = date(2026, 3, 3),
) -> ActionItemRecord:
    return ActionItemRecord(
        id=item_id,
        fields=ActionItemFields(
            text, owner=owner, status=status, done_on=done_on, meeting_id=1 if meeting_on else None
        ),
        mentor_ids=frozenset({1}),
        meeting_title="Check-in",
        meeting_on=meeting_on,
        created_at=STAMP,
        updated_at=STAMP,
    )


def _last_meeting(*agenda: AgendaItem) -> MeetingRecord:
    fields = MeetingFields(
        "Check-in",
        start=datetime(2026, 4, 7, 15, 0),
        time_zone="UTC",
        mentor_ids=(1,),
        status=MeetingStatus.HELD,
        agenda=agenda,
    )
    return MeetingRecord(9, fields, "uid-9", 0, STAMP, STAMP)


def _sources() -> PreparationSources:
    return PreparationSources(
        open_items=[
            _item(1, "Update the CV"),
            _item(2, "Introduce me to Lee", owner=ActionOwner.MENTOR),
        ],
        unreported=[
            _item(3, "Read the book", status=ActionStatus.DONE, done_on=date(2026, 3, 20)),
        ],
        last_meeting=_last_meeting(
            AgendaItem("Salary talk", done=True),
            AgendaItem("Conference budget?"),
        ),
        objectives=[("Talk coaching", "Give a talk at PyCon")],
    )


def test_every_source_proposes_a_line_with_its_origin_in_order() -> None:
    assert proposals(_sources()) == [
        AgendaItem("Progress on: Update the CV", origin="Open since 3 Mar 2026"),
        AgendaItem("Ask about: Introduce me to Lee", origin="Open since 3 Mar 2026"),
        AgendaItem("Report back: Read the book (done 20 Mar 2026)", origin="Not reported back"),
        AgendaItem("Conference budget?", origin="Left open 7 Apr 2026"),
        AgendaItem("Objective: Give a talk at PyCon", origin="Agreement: Talk coaching"),
    ]


def test_every_proposed_line_has_an_origin() -> None:
    assert all(line.origin for line in proposals(_sources()))
    assert all(not line.done for line in proposals(_sources()))


def test_nothing_open_proposes_nothing() -> None:
    assert proposals(PreparationSources()) == []
    agenda = (AgendaItem("Mine"),)
    assert prepared_agenda(agenda, PreparationSources()) == agenda


def test_an_item_from_no_meeting_has_no_date_in_its_origin() -> None:
    sources = PreparationSources(open_items=[_item(1, "Write it up", meeting_on=None)])
    assert proposals(sources) == [AgendaItem("Progress on: Write it up", origin="Open")]


def test_an_unreported_item_without_a_done_date() -> None:
    sources = PreparationSources(unreported=[_item(1, "Ship", status=ActionStatus.DONE)])
    assert proposals(sources)[0].text == "Report back: Ship"


def test_a_last_meeting_with_everything_answered_adds_nothing() -> None:
    sources = PreparationSources(last_meeting=_last_meeting(AgendaItem("Done", done=True)))
    assert proposals(sources) == []


def test_the_agenda_typed_stays_first_and_as_it_is() -> None:
    typed = (AgendaItem("My own question", done=True), AgendaItem("Another"))
    prepared = prepared_agenda(typed, _sources())
    assert prepared[:2] == typed
    assert len(prepared) == 2 + 5


def test_lines_already_on_the_agenda_are_not_proposed_again() -> None:
    typed = (
        AgendaItem("PROGRESS ON: update the cv"),  # case differs
        AgendaItem("Conférence budget?"),  # an accent differs
    )
    prepared = prepared_agenda(typed, _sources())
    assert [line.text for line in prepared] == [
        "PROGRESS ON: update the cv",
        "Conférence budget?",
        "Ask about: Introduce me to Lee",
        "Report back: Read the book (done 20 Mar 2026)",
        "Objective: Give a talk at PyCon",
    ]


def test_preparing_twice_adds_nothing_the_second_time() -> None:
    once = prepared_agenda((), _sources())
    assert prepared_agenda(once, _sources()) == once


def test_two_sources_with_the_same_line_give_it_once() -> None:
    sources = PreparationSources(
        open_items=[_item(1, "Update the CV")],
        last_meeting=_last_meeting(AgendaItem("Progress on: update the CV")),
        objectives=[("A", "Speak"), ("B", "speak")],
    )
    assert prepared_agenda((), sources) == (
        AgendaItem("Progress on: Update the CV", origin="Open since 3 Mar 2026"),
        AgendaItem("Objective: Speak", origin="Agreement: A"),
    )
