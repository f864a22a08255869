"""Home's overview over a real database with a fixed clock: each section holds what it
should (and nothing else), counts are full where rows are capped, and the start-up quick
read (plain sqlite3) gives the very same overview as the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields
from mentordesk.domain.enums import (
    ActionOwner,
    ActionStatus,
    AgreementStatus,
    CadenceUnit,
    Direction,
    GoalStatus,
    GratitudeKind,
    HowWeMet,
    MeetingStatus,
    MentorStatus,
)
from mentordesk.domain.goal import GoalFields
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.home import ROWS_READ, GettingStarted
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.home import HomeService
from mentordesk.services.startup import quick_home
from tests.helpers import Clock

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

# Thursday 31 December 2020, 09:00 UTC (local time is pinned to UTC): this week ends on
# Sunday 3 January 2021. In the past, so that the services (on the real clock) accept the
# dates written here.
NOW = datetime(2020, 12, 31, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def home(services: Services) -> HomeService:
    return HomeService(services.sessions, clock=Clock(NOW))


def mentor(services: Services, name: str, **fields: object) -> int:
    values: dict[str, object] = {"status": MentorStatus.ACTIVE, **fields}
    return services.mentors.create(MentorFields(name=name, **values)).id  # type: ignore[arg-type]


def meet(
    services: Services,
    mentor_id: int,
    start: datetime,
    status: MeetingStatus = MeetingStatus.HELD,
    agenda: tuple[str, ...] = (),
    title: str = "Check-in",
) -> int:
    return services.meetings.create(
        MeetingFields(
            title,
            start=start.replace(tzinfo=None),
            time_zone="UTC",
            mentor_ids=(mentor_id,),
            status=status,
            agenda=tuple(AgendaItem(text) for text in agenda),
        )
    ).id


def agree(services: Services, mentor_id: int, **fields: object) -> int:
    values: dict[str, object] = {
        "status": AgreementStatus.ACTIVE,
        "agreed_on": date(2020, 1, 6),
        "cadence_every": 2,
        "cadence_unit": CadenceUnit.WEEKS,
        **fields,
    }
    return services.agreements.create(mentor_id, AgreementFields("Mentoring", **values)).id  # type: ignore[arg-type]


def item(services: Services, text: str, meeting_id: int | None, **fields: object) -> int:
    return services.action_items.create(
        ActionItemFields(text, meeting_id=meeting_id, **fields)  # type: ignore[arg-type]
    ).id


@pytest.fixture
def seeded(services: Services) -> dict[str, int]:
    ids: dict[str, int] = {}
    # Ana meets fortnightly: last held 16 days ago, nothing planned -> gone quiet.
    ana = ids["ana"] = mentor(services, "Ana Silva", organization="Acme", met_via=HowWeMet.WORK)
    agree(services, ana, review_on=days(-1))  # review due since yesterday
    held = ids["held"] = meet(services, ana, NOW - timedelta(days=16))
    # Ben meets fortnightly too, last held exactly 14 days ago: due today, not yet quiet.
    ben = ids["ben"] = mentor(
        services, "Ben Okafor", organization="Beta", met_via=HowWeMet.REFERRAL
    )
    agree(services, ben, review_on=TODAY)  # review due today: not yet due
    meet(services, ben, NOW - timedelta(days=14))
    # Cleo: overdue by the cadence but a meeting is planned: not quiet, and upcoming.
    cleo = ids["cleo"] = mentor(services, "Cleo Martin", organization="Gamma")
    agree(services, cleo)
    meet(services, cleo, NOW - timedelta(days=60))
    ids["tomorrow"] = meet(
        services, cleo, NOW + timedelta(hours=20), MeetingStatus.PLANNED, title="Soon"
    )
    ids["prepared"] = meet(
        services, cleo, NOW + timedelta(hours=21), MeetingStatus.PLANNED, ("Ask about X",)
    )
    ids["later"] = meet(
        services, cleo, NOW + timedelta(days=13), MeetingStatus.PLANNED, title="Later"
    )
    meet(services, cleo, NOW + timedelta(days=15), MeetingStatus.PLANNED)  # beyond 14 days
    # A mentee is not counted in the mix nor asked to be thanked.
    mentor(services, "Dee Mentee", direction=Direction.I_MENTOR_THEM)
    # Action items.
    ids["overdue"] = item(services, "Send the draft", held, due_on=days(-1))
    ids["sunday"] = item(services, "Read the book", held, due_on=days(3))  # Sunday 3 January 2021
    item(services, "Next week's", held, due_on=days(4))  # Monday 4 January 2021: not this week
    item(services, "No date", held)
    item(
        services,
        "Done already",
        held,
        due_on=days(-3),
        status=ActionStatus.DONE,
        done_on=days(-2),
        reported_on=days(-1),
    )
    ids["report"] = item(
        services, "Tell Ana it worked", held, status=ActionStatus.DONE, done_on=days(-5)
    )
    item(services, "Done, no meeting", None, status=ActionStatus.DONE, done_on=days(-5))
    ids["mentor_owes"] = item(
        services, "Ana to send a link", held, due_on=days(1), owner=ActionOwner.MENTOR
    )
    # Goals.
    ids["goal_overdue"] = services.goals.create(
        GoalFields("Speak at a meetup", target_on=days(-1)), mentor_ids=(ana,)
    ).id
    services.goals.create(GoalFields("Due today", target_on=TODAY), mentor_ids=(ana,))
    ids["goal_alone"] = services.goals.create(GoalFields("Learn Rust")).id
    services.goals.create(GoalFields("Paused alone", status=GoalStatus.PAUSED))
    # Gratitude: Ana thanked 91 days ago (due), Ben 90 days ago (recent enough).
    services.gratitude.add(GratitudeFields(ana, days(-91), GratitudeKind.THANK_YOU_NOTE, "Thanks"))
    services.gratitude.add(GratitudeFields(ben, days(-90), GratitudeKind.THANK_YOU_NOTE, "Thanks"))
    return ids


def test_each_section_holds_what_needs_attention(home: HomeService, seeded: dict[str, int]) -> None:
    overview = home.overview()
    assert overview.today == TODAY
    assert [m.meeting_id for m in overview.upcoming] == [
        seeded["tomorrow"],
        seeded["prepared"],
        seeded["later"],
    ]
    assert overview.unprepared == frozenset({seeded["tomorrow"]})
    assert [(q.mentor_id, q.due) for q in overview.quiet] == [(seeded["ana"], days(-2))]
    assert [i.item_id for i in overview.items_due.rows] == [
        seeded["overdue"],
        seeded["mentor_owes"],
        seeded["sunday"],
    ]
    assert overview.items_due.total == 3
    assert [i.item_id for i in overview.report_back.rows] == [seeded["report"]]
    assert overview.report_back.rows[0].mentor_ids == (seeded["ana"],)
    assert [a.mentor_id for a in overview.reviews_due.rows] == [seeded["ana"]]
    assert [g.goal_id for g in overview.goals_overdue.rows] == [seeded["goal_overdue"]]
    assert [g.goal_id for g in overview.goals_alone.rows] == [seeded["goal_alone"]]
    # Cleo was met 60 days ago and never thanked; Ana's thanks are 91 days old.
    assert [t.mentor_id for t in overview.thanks] == [seeded["cleo"], seeded["ana"]]
    assert overview.mix.active == 3
    assert overview.mentor_name(seeded["ana"]) == "Ana Silva"
    assert overview.started == GettingStarted(True, True, True, True)


def test_the_quick_read_gives_the_services_overview(
    home: HomeService, seeded: dict[str, int], location: DataLocation
) -> None:
    assert quick_home(location, NOW) == home.overview()


def test_an_empty_notebook_is_new_with_every_section_empty(
    home: HomeService, location: DataLocation
) -> None:
    overview = home.overview()
    assert overview.started.is_new
    assert overview.attention == 0
    assert overview.upcoming == () and overview.mix.active == 0
    assert quick_home(location, NOW) == overview


def test_a_long_section_reads_some_rows_and_counts_them_all(
    services: Services, home: HomeService
) -> None:
    ana = mentor(services, "Ana Silva")
    held = meet(services, ana, NOW - timedelta(days=3))
    for n in range(ROWS_READ + 7):
        item(services, f"Item {n}", held, due_on=days(-1 - n))
    overview = home.overview()
    assert len(overview.items_due.rows) == ROWS_READ
    assert overview.items_due.total == ROWS_READ + 7
    assert overview.items_due.rows[0].text == f"Item {ROWS_READ + 6}"  # the oldest first


def test_the_thanks_span_follows_the_setting(
    services: Services, home: HomeService, seeded: dict[str, int]
) -> None:
    settings = services.settings.read()
    services.settings.save(settings.replace(thanks_after_days=30))
    thanked = [t.mentor_id for t in home.overview().thanks]
    # With 30 days, Ana (met 16 days ago) and Ben (14) are due; Cleo was met 60 days ago.
    assert thanked == [seeded["ana"], seeded["ben"]]
