"""The gratitude log's rules: what an entry must hold, and whom it is time to thank, at the
boundaries of the span (met or thanked exactly ``span`` days ago, or a day more)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentordesk.domain.enums import GratitudeKind
from mentordesk.domain.gratitude import (
    GratitudeFields,
    GratitudeRecord,
    ThanksCandidate,
    months_between,
    newest_first,
    thanks_due,
)
from mentordesk.domain.validation import ValidationError

TODAY = date(2030, 3, 4)
SPAN = 90


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


# --- the fields --------------------------------------------------------------------------


def test_valid_fields_are_trimmed() -> None:
    fields = GratitudeFields(3, ago(2), GratitudeKind.GIFT_OR_MEAL, "  Lunch at Nopi  \n")
    assert fields.validated(TODAY) == GratitudeFields(
        3, ago(2), GratitudeKind.GIFT_OR_MEAL, "Lunch at Nopi"
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b"])
def test_an_empty_text_is_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        GratitudeFields(3, ago(2), text=text).validated(TODAY)
    assert caught.value.field_errors == {
        "text": "Write what you did to thank them (a line is enough)."
    }


def test_a_date_after_today_is_refused_today_itself_is_not() -> None:
    assert GratitudeFields(3, TODAY, text="Note").validated(TODAY).given_on == TODAY
    for later in (TODAY + timedelta(days=1), date(9999, 12, 31)):
        with pytest.raises(ValidationError) as caught:
            GratitudeFields(3, later, text="Note").validated(TODAY)
        assert set(caught.value.field_errors) == {"given_on"}
        assert "future" in str(caught.value)


def test_text_too_long_or_with_control_characters_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        GratitudeFields(3, TODAY, text="x" * 1001).validated(TODAY)
    assert "too long" in caught.value.field_errors["text"]
    assert GratitudeFields(3, TODAY, text="x" * 1000).validated(TODAY)
    with pytest.raises(ValidationError):
        GratitudeFields(3, TODAY, text="bell\x07").validated(TODAY)


def test_line_breaks_become_spaces() -> None:
    fields = GratitudeFields(3, TODAY, text=" line one\nline two\t").validated(TODAY)
    assert fields.text == "line one line two"


def test_no_mentor_or_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        GratitudeFields(0, TODAY, "gift", "Note").validated(TODAY)  # type: ignore[arg-type]
    assert set(caught.value.field_errors) == {"mentor_id", "kind"}


def test_newest_first_orders_by_date_then_by_id() -> None:
    def entry(entry_id: int, day: date) -> GratitudeRecord:
        return GratitudeRecord(entry_id, GratitudeFields(1, day, text="x"), None, None)  # type: ignore[arg-type]

    records = [entry(1, ago(5)), entry(2, ago(1)), entry(3, ago(5))]
    assert [r.id for r in newest_first(records)] == [2, 3, 1]


@pytest.mark.parametrize(
    ("earlier", "later", "months"),
    [
        (date(2030, 1, 31), date(2030, 2, 28), 0),
        (date(2030, 1, 31), date(2030, 3, 1), 1),
        (date(2029, 11, 4), date(2030, 3, 4), 4),
        (date(2029, 11, 5), date(2030, 3, 4), 3),
        (TODAY, TODAY, 0),
    ],
)
def test_months_between(earlier: date, later: date, months: int) -> None:
    assert months_between(earlier, later) == months


# --- whom to thank ------------------------------------------------------------------------


def due_ids(*candidates: ThanksCandidate, span: int = SPAN) -> list[int]:
    return [d.mentor_id for d in thanks_due(candidates, TODAY, span)]


def test_thanked_exactly_span_days_ago_is_recent_enough_a_day_more_is_not() -> None:
    assert due_ids(ThanksCandidate(1, ago(10), ago(SPAN))) == []
    assert due_ids(ThanksCandidate(1, ago(10), ago(SPAN + 1))) == [1]


def test_met_exactly_span_days_ago_counts_a_day_more_does_not() -> None:
    assert due_ids(ThanksCandidate(1, ago(SPAN), None)) == [1]
    assert due_ids(ThanksCandidate(1, ago(SPAN + 1), None)) == []


def test_never_thanked_and_met_lately_is_due_met_today_too() -> None:
    assert due_ids(ThanksCandidate(1, ago(0), None)) == [1]


def test_met_long_ago_only_or_never_met_is_not_due() -> None:
    assert due_ids(ThanksCandidate(1, ago(400), None), ThanksCandidate(2, None, None)) == []


def test_thanked_today_or_after_the_meeting_is_not_due() -> None:
    assert due_ids(ThanksCandidate(1, ago(3), TODAY), ThanksCandidate(2, ago(3), ago(1))) == []


def test_a_meeting_after_today_does_not_count() -> None:
    assert due_ids(ThanksCandidate(1, TODAY + timedelta(days=1), None)) == []


def test_the_span_is_a_parameter() -> None:
    candidate = ThanksCandidate(1, ago(10), ago(31))
    assert due_ids(candidate, span=30) == [1]
    assert due_ids(candidate, span=31) == []


def test_never_thanked_first_then_longest_ago_ties_by_latest_meeting() -> None:
    due = thanks_due(
        [
            ThanksCandidate(1, ago(5), ago(200)),
            ThanksCandidate(2, ago(50), None),
            ThanksCandidate(3, ago(5), ago(100)),
            ThanksCandidate(4, ago(2), None),
            ThanksCandidate(5, ago(20), ago(200)),
        ],
        TODAY,
        SPAN,
    )
    assert [d.mentor_id for d in due] == [4, 2, 1, 5, 3]
    assert due[0].days_since_thanked(TODAY) is None
    assert due[2].days_since_thanked(TODAY) == 200


def test_a_negative_span_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        thanks_due([], TODAY, -1)
