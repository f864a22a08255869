"""Home's rules at their boundaries, with a fixed day: a cadence due today is not yet
overdue, "this week" ends on Sunday across a year's end, an empty agenda within a day of
the meeting is flagged, the thanks span, the mix of the network."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.enums import CadenceUnit, HowWeMet, RelationshipKind
from mentordesk.domain.gratitude import ThanksCandidate
from mentordesk.domain.home import (
    ActiveMentor,
    CadenceFacts,
    GettingStarted,
    HomeFacts,
    MixAspect,
    NarrowMix,
    UpcomingMeeting,
    end_of_week,
    home_overview,
    network_mix,
    quiet_relationships,
)

TODAY = date(2030, 3, 6)  # a Wednesday
NOW = datetime(2030, 3, 6, 9, 0, tzinfo=UTC)
WEEKS, MONTHS = CadenceUnit.WEEKS, CadenceUnit.MONTHS


def cadence(
    last_held: date | None,
    every: int | None = 2,
    unit: CadenceUnit = WEEKS,
    *,
    first_due: date | None = date(2030, 1, 1),
    planned: bool = False,
    mentor_id: int = 1,
) -> CadenceFacts:
    return CadenceFacts(mentor_id, every, unit, first_due, last_held, planned)


# --- relationships gone quiet ------------------------------------------------------------


def test_a_cadence_due_today_is_not_yet_quiet_and_due_yesterday_is() -> None:
    due_today = cadence(TODAY - timedelta(weeks=2))
    due_yesterday = cadence(TODAY - timedelta(weeks=2, days=1), mentor_id=2)
    quiet = quiet_relationships([due_today, due_yesterday], TODAY)
    assert [(q.mentor_id, q.due) for q in quiet] == [(2, TODAY - timedelta(days=1))]
    assert quiet[0].days_overdue(TODAY) == 1
    assert quiet[0].days_since_met(TODAY) == 15


def test_a_planned_meeting_or_as_needed_keeps_a_relationship_off_the_list() -> None:
    long_ago = TODAY - timedelta(days=400)
    assert quiet_relationships([cadence(long_ago, planned=True)], TODAY) == []
    assert quiet_relationships([cadence(long_ago, None, CadenceUnit.AS_NEEDED)], TODAY) == []
    assert quiet_relationships([cadence(long_ago, 0)], TODAY) == []


def test_before_the_first_meeting_the_agreements_start_is_the_due_day() -> None:
    starts = TODAY - timedelta(days=3)
    quiet = quiet_relationships([cadence(None, first_due=starts)], TODAY)
    assert [(q.due, q.last_met, q.days_since_met(TODAY)) for q in quiet] == [(starts, None, None)]
    assert quiet_relationships([cadence(None, first_due=TODAY)], TODAY) == []
    assert quiet_relationships([cadence(None, first_due=None)], TODAY) == []


def test_a_monthly_cadence_from_the_31st_is_due_on_the_months_last_day() -> None:
    # 31 January plus a month is 28 February 2030: overdue from 1 March on.
    monthly = cadence(date(2030, 1, 31), 1, MONTHS)
    assert quiet_relationships([monthly], date(2030, 2, 28)) == []
    assert [q.due for q in quiet_relationships([monthly], date(2030, 3, 1))] == [date(2030, 2, 28)]


def test_quiet_relationships_come_longest_overdue_first() -> None:
    quiet = quiet_relationships(
        [
            cadence(TODAY - timedelta(weeks=3), mentor_id=5),
            cadence(TODAY - timedelta(weeks=9), mentor_id=7),
            cadence(TODAY - timedelta(weeks=3), mentor_id=4),
        ],
        TODAY,
    )
    assert [q.mentor_id for q in quiet] == [7, 4, 5]


# --- this week -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "sunday"),
    [
        (date(2030, 3, 4), date(2030, 3, 10)),  # Monday
        (date(2030, 3, 10), date(2030, 3, 10)),  # Sunday: the week ends today
        (date(2026, 12, 31), date(2027, 1, 3)),  # Thursday: the week runs into the new year
        (date(2027, 1, 1), date(2027, 1, 3)),
    ],
)
def test_this_week_ends_on_sunday_also_across_a_years_end(today: date, sunday: date) -> None:
    assert end_of_week(today) == sunday


# --- come prepared ------------------------------------------------------------------------


def meeting(starts_in: timedelta, agenda: int = 0, meeting_id: int = 1) -> UpcomingMeeting:
    return UpcomingMeeting(meeting_id, "Check-in", NOW + starts_in, 60, (1,), agenda)


def test_an_empty_agenda_within_a_day_is_flagged() -> None:
    assert meeting(timedelta(days=1)).needs_preparation(NOW)
    assert meeting(timedelta(hours=2)).needs_preparation(NOW)
    assert meeting(-timedelta(minutes=10)).needs_preparation(NOW)  # started, still empty
    assert not meeting(timedelta(days=1, minutes=1)).needs_preparation(NOW)
    assert not meeting(timedelta(hours=2), agenda=1).needs_preparation(NOW)


def test_the_overview_orders_upcoming_meetings_and_names_the_unprepared() -> None:
    facts = HomeFacts(
        upcoming=[
            meeting(timedelta(days=3), meeting_id=3),
            meeting(timedelta(hours=5), meeting_id=2),
            meeting(timedelta(hours=6), agenda=2, meeting_id=4),
        ]
    )
    overview = home_overview(facts, TODAY, NOW)
    assert [m.meeting_id for m in overview.upcoming] == [2, 4, 3]
    assert overview.unprepared == frozenset({2})
    assert overview.attention == 1


# --- thanks -------------------------------------------------------------------------------


def test_the_thanks_span_is_the_settings() -> None:
    candidates = [
        ThanksCandidate(1, TODAY - timedelta(days=30), TODAY - timedelta(days=31)),
        ThanksCandidate(2, TODAY - timedelta(days=30), None),
        ThanksCandidate(3, TODAY - timedelta(days=30), TODAY - timedelta(days=29)),
    ]
    month = home_overview(HomeFacts(thanks_candidates=candidates, thanks_span_days=30), TODAY, NOW)
    assert [t.mentor_id for t in month.thanks] == [2, 1]
    default = home_overview(HomeFacts(thanks_candidates=candidates), TODAY, NOW)
    assert [t.mentor_id for t in default.thanks] == [2]  # 90 days: 1 and 3 were thanked
    assert default.thanks_span_days == 90


# --- the mix of the network ------------------------------------------------------------


def active(
    mentor_id: int,
    kind: RelationshipKind = RelationshipKind.MENTOR,
    met: HowWeMet | None = HowWeMet.WORK,
    organization: str = "Acme",
) -> ActiveMentor:
    return ActiveMentor(mentor_id, kind, met, organization)


def test_every_active_mentor_at_one_organisation_is_a_narrow_mix() -> None:
    mix = network_mix(
        [active(1), active(2, met=HowWeMet.CONFERENCE), active(3, organization=" acme ")]
    )
    assert mix.narrow == NarrowMix(MixAspect.ORGANIZATION, "Acme")
    assert mix.active == 3


def test_one_way_of_meeting_or_one_kind_is_narrow_too() -> None:
    met_at_work = network_mix(
        [active(1, organization="A"), active(2, organization="B"), active(3, organization="C")]
    )
    assert met_at_work.narrow == NarrowMix(MixAspect.HOW_WE_MET, "work")
    mentors_only = network_mix(
        [
            active(1, met=HowWeMet.WORK, organization="A"),
            active(2, met=HowWeMet.REFERRAL, organization="B"),
            active(3, met=None, organization=""),
        ]
    )
    assert mentors_only.narrow == NarrowMix(MixAspect.KIND, "mentor")


def test_a_varied_or_small_network_is_not_called_narrow() -> None:
    varied = network_mix(
        [
            active(1, RelationshipKind.MENTOR, HowWeMet.WORK, "A"),
            active(2, RelationshipKind.SPONSOR, HowWeMet.REFERRAL, "B"),
            active(3, RelationshipKind.PEER_MENTOR, HowWeMet.WORK, "C"),
            active(4, RelationshipKind.MENTOR, None, "D"),
        ]
    )
    assert varied.narrow is None
    assert varied.by_kind == (
        (RelationshipKind.MENTOR, 2),
        (RelationshipKind.SPONSOR, 1),
        (RelationshipKind.PEER_MENTOR, 1),
    )
    assert varied.by_how_we_met == ((HowWeMet.WORK, 2), (HowWeMet.REFERRAL, 1), (None, 1))
    assert network_mix([active(1), active(2)]).narrow is None  # two say nothing yet
    assert network_mix([]).active == 0


# --- getting started --------------------------------------------------------------------


def test_getting_started_is_done_once_every_step_is() -> None:
    assert GettingStarted().is_new and not GettingStarted().done
    some = GettingStarted(has_mentor=True, has_goal=True)
    assert not some.is_new and not some.done
    assert GettingStarted(True, True, True, True).done
