"""The rules on an action item: what is refused (done or reported in the future, reported
before done), what normalising clears, and which items are overdue, await a report back, and
fall in which due bucket."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.action_item import (
    ActionItemFields,
    ActionItemRecord,
    DueBucket,
)
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.domain.validation import ValidationError

TODAY = date(2026, 5, 13)  # a Wednesday
STAMP = datetime(2026, 1, 1, tzinfo=UTC)
OPEN, DONE, DROPPED = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED


def _record(
    mentor_ids: frozenset[int] = frozenset({1}), meeting_id: int | None = 5, **changes: object
) -> ActionItemRecord:
    fields = ActionItemFields("Send the CV", meeting_id=meeting_id).replace(**changes)
    return ActionItemRecord(
        id=1,
        fields=fields,
        mentor_ids=mentor_ids,
        meeting_title="Check-in" if meeting_id else "",
        meeting_on=date(2026, 5, 1) if meeting_id else None,
        created_at=STAMP,
        updated_at=STAMP,
    )


def _errors(fields: ActionItemFields, today: date | None = TODAY) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        fields.validated(today)
    return caught.value.field_errors


# --- validating --------------------------------------------------------------------------


def test_a_plain_item_is_valid_and_tidied() -> None:
    fields = ActionItemFields("  Send\nthe   CV  ", owner=ActionOwner.MENTOR)
    assert fields.validated(TODAY) == ActionItemFields("Send the CV", owner=ActionOwner.MENTOR)


def test_text_is_required() -> None:
    assert set(_errors(ActionItemFields("  "))) == {"text"}


def test_done_in_the_future_is_refused() -> None:
    errors = _errors(ActionItemFields("x", status=DONE, done_on=TODAY + timedelta(days=1)))
    assert errors == {"done_on": "An item cannot be done in the future."}


def test_reported_in_the_future_is_refused() -> None:
    fields = ActionItemFields(
        "x", status=DONE, done_on=TODAY, reported_on=TODAY + timedelta(days=1)
    )
    assert _errors(fields) == {"reported_on": "An item cannot be reported back in the future."}


def test_done_and_reported_today_are_fine() -> None:
    fields = ActionItemFields("x", status=DONE, done_on=TODAY, reported_on=TODAY)
    assert fields.validated(TODAY) == fields


def test_reported_before_done_is_refused() -> None:
    fields = ActionItemFields(
        "x", status=DONE, done_on=date(2026, 5, 10), reported_on=date(2026, 5, 9)
    )
    assert _errors(fields) == {"reported_on": "It was reported back before it was done."}
    # Without a today, the order is still checked.
    assert set(_errors(fields, today=None)) == {"reported_on"}


def test_without_today_future_dates_are_not_judged() -> None:
    fields = ActionItemFields("x", status=DONE, done_on=date(2099, 1, 1))
    assert fields.validated() == fields


@pytest.mark.parametrize("status", [OPEN, DROPPED])
def test_a_not_done_item_loses_its_done_and_reported_dates(status: ActionStatus) -> None:
    fields = ActionItemFields(
        "x", status=status, done_on=date(2026, 5, 1), reported_on=date(2026, 5, 2)
    )
    normalized = fields.validated(TODAY)
    assert (normalized.done_on, normalized.reported_on) == (None, None)
    # Even future dates on an open item are not an error: they are cleared first.
    future = fields.replace(done_on=date(2099, 1, 1), reported_on=date(2099, 1, 2))
    assert future.validated(TODAY).done_on is None


def test_a_done_item_keeps_its_dates() -> None:
    fields = ActionItemFields(
        "x", status=DONE, done_on=date(2026, 5, 1), reported_on=date(2026, 5, 2)
    )
    assert fields.normalized() == fields


# --- overdue -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        (OPEN, TODAY - timedelta(days=1), True),
        (OPEN, TODAY, False),  # due today is not overdue
        (OPEN, TODAY + timedelta(days=1), False),
        (OPEN, None, False),
        (DONE, TODAY - timedelta(days=10), False),
        (DROPPED, TODAY - timedelta(days=10), False),
    ],
)
def test_is_overdue(status: ActionStatus, due: date | None, overdue: bool) -> None:
    assert _record(status=status, due_on=due).is_overdue(TODAY) is overdue


# --- awaiting a report back ------------------------------------------------------------------


def test_done_and_unreported_from_a_meeting_with_a_mentor_awaits_report_back() -> None:
    assert _record(status=DONE, done_on=TODAY).awaits_report_back


def test_reported_items_do_not_await_report_back() -> None:
    assert not _record(status=DONE, done_on=TODAY, reported_on=TODAY).awaits_report_back


@pytest.mark.parametrize("status", [OPEN, DROPPED])
def test_items_not_done_do_not_await_report_back(status: ActionStatus) -> None:
    assert not _record(status=status).awaits_report_back


def test_items_without_a_mentor_do_not_await_report_back() -> None:
    assert not _record(meeting_id=None, mentor_ids=frozenset(), status=DONE).awaits_report_back
    # From a meeting nobody is assigned to yet.
    assert not _record(mentor_ids=frozenset(), status=DONE).awaits_report_back


def test_is_open_and_is_done() -> None:
    assert _record(status=OPEN).is_open and not _record(status=OPEN).is_done
    assert _record(status=DONE).is_done and not _record(status=DONE).is_open
    dropped = _record(status=DROPPED)
    assert not dropped.is_open and not dropped.is_done
    assert dropped.text == "Send the CV"


# --- due buckets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "bucket"),
    [
        (OPEN, None, DueBucket.NONE),
        (DONE, None, DueBucket.NONE),
        (OPEN, date(2026, 5, 12), DueBucket.OVERDUE),
        (OPEN, date(2026, 5, 13), DueBucket.THIS_WEEK),  # today
        (OPEN, date(2026, 5, 17), DueBucket.THIS_WEEK),  # Sunday of this week
        (OPEN, date(2026, 5, 18), DueBucket.LATER),  # next Monday
        (DONE, date(2026, 5, 12), DueBucket.EARLIER),
        (DROPPED, date(2026, 4, 1), DueBucket.EARLIER),
        (DONE, date(2026, 5, 15), DueBucket.THIS_WEEK),
        (DROPPED, date(2026, 6, 1), DueBucket.LATER),
    ],
)
def test_due_bucket(status: ActionStatus, due: date | None, bucket: DueBucket) -> None:
    assert _record(status=status, due_on=due).due_bucket(TODAY) is bucket


def test_on_a_sunday_this_week_is_only_today() -> None:
    sunday = date(2026, 5, 17)
    assert _record(due_on=sunday).due_bucket(sunday) is DueBucket.THIS_WEEK
    assert _record(due_on=date(2026, 5, 18)).due_bucket(sunday) is DueBucket.LATER


def test_on_a_monday_this_week_runs_to_sunday() -> None:
    monday = date(2026, 5, 11)
    assert _record(due_on=date(2026, 5, 17)).due_bucket(monday) is DueBucket.THIS_WEEK
    assert _record(due_on=date(2026, 5, 18)).due_bucket(monday) is DueBucket.LATER
