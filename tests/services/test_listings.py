"""The list views' SQL: folded keys kept in step with every write, the queries use their
indexes (EXPLAIN QUERY PLAN), a typed word is matched literally, and the start-up quick
read lists the same mentors as the services."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

from mentordesk.db.list_specs import ActionItemList, MentorList
from mentordesk.db.listing import ListQuery, ListSpec, install_functions
from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.goal import GoalFields, MilestoneFields
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.startup import quick_mentor_listing

CREATED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def keys(location: DataLocation, table: str, column: str = "search_key") -> dict[int, str]:
    connection = sqlite3.connect(location.database)
    try:
        return dict(connection.execute(f"SELECT id, {column} FROM {table}").fetchall())
    finally:
        connection.close()


def plan(location: DataLocation, spec: ListSpec, query: ListQuery) -> str:
    connection = sqlite3.connect(location.database)
    install_functions(connection)
    try:
        sql, params = spec.ids_statement(query)
        rows = connection.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
        return "\n".join(str(row[-1]) for row in rows)
    finally:
        connection.close()


def test_keys_follow_every_write_of_a_mentor(services: Services, location: DataLocation) -> None:
    mentor = services.mentors.create(
        MentorFields(name="Élodie Brun", organization="Ørsted", expertise=("Négociation",))
    )
    assert keys(location, "mentor", "name_key")[mentor.id] == "elodie brun"
    assert keys(location, "mentor")[mentor.id] == "elodie brun\nørsted\nnegociation"
    services.mentors.update(
        mentor.id,
        MentorFields(name="Élodie Martin", organization="Ørsted", tags=("Mentoring",)),
    )
    assert keys(location, "mentor")[mentor.id] == "elodie martin\nørsted\nmentoring"
    listing = services.mentors.listing
    assert listing.ids(ListQuery(words=("martin", "mentor"))) == [mentor.id]
    assert listing.ids(ListQuery(words=("negociation",))) == []


def test_keys_follow_a_goal_and_its_milestones(services: Services, location: DataLocation) -> None:
    goal = services.goals.create(
        GoalFields(title="Give a talk"), milestones=[MilestoneFields(title="Write the abstract")]
    )
    assert keys(location, "goal")[goal.id] == "give a talk\nwrite the abstract"
    milestone = goal.milestones[0]
    services.goals.update_milestone(goal.id, milestone.id, MilestoneFields(title="Submit a CFP"))
    assert keys(location, "goal")[goal.id] == "give a talk\nsubmit a cfp"
    assert services.goals.listing.ids(ListQuery(words=("cfp",))) == [goal.id]


def test_bulk_meetings_and_items_carry_their_keys(
    services: Services, location: DataLocation
) -> None:
    mentor = services.mentors.create(MentorFields(name="Amara Okafor"))
    start = datetime(2026, 1, 6, 10, 0)
    fields = MeetingFields(
        title="Quarterly Review", start=start, time_zone="UTC", mentor_ids=(mentor.id,)
    )
    with services.in_one_transaction() as shared:
        (meeting_id,) = shared.meetings.add_many([(fields, CREATED)])
        shared.action_items.add_many(
            [(ActionItemFields(text="Écrire le plan", meeting_id=meeting_id), CREATED)]
        )
    assert keys(location, "meeting")[meeting_id] == "quarterly review"
    assert list(keys(location, "action_item").values()) == ["ecrire le plan"]
    items = services.action_items.listing
    # A word finds an item by its own text, its meeting's title or its mentor's name.
    for word in ("ecrire", "quarterly", "okafor"):
        assert len(items.ids(ListQuery(words=(word,)))) == 1


def test_a_typed_percent_or_underscore_is_a_literal_character(services: Services) -> None:
    services.mentors.create_many(
        [MentorFields(name="100% Coach"), MentorFields(name="Dana_Lee"), MentorFields(name="Ben")]
    )
    listing = services.mentors.listing
    found = [record.name for record in listing.fetch(listing.ids(ListQuery(words=("%",))))]
    assert found == ["100% Coach"]
    found = [record.name for record in listing.fetch(listing.ids(ListQuery(words=("_",))))]
    assert found == ["Dana_Lee"]


def test_the_mentor_list_reads_its_name_index_not_a_sort(
    services: Services, location: DataLocation
) -> None:
    services.mentors.create(MentorFields(name="Amara"))
    found = plan(location, MentorList(), ListQuery())
    assert "ix_mentor_name_key" in found
    assert "TEMP B-TREE" not in found


def test_needs_doing_and_due_filters_search_their_indexes(
    services: Services, location: DataLocation
) -> None:
    spec, today = ActionItemList(), date(2026, 1, 7)
    needs_doing = plan(location, spec, ListQuery(filters=(("status", "needs_doing"),)))
    assert "ix_action_item_status_reported_on (status=? AND reported_on=?)" in needs_doing
    assert "SCAN action_item" not in needs_doing
    later = plan(location, spec, ListQuery(filters=(("due", "later"),), today=today))
    assert "ix_action_item_due_on" in later
    assert "SCAN action_item" not in later


def test_quick_read_lists_what_the_services_list(
    services: Services, location: DataLocation
) -> None:
    ids = services.mentors.create_many(
        [MentorFields(name=name) for name in ("Zoë", "amara", "Ólafur", "Ben")]
    )
    services.mentors.set_archived(ids[3], True)
    quick = quick_mentor_listing(location)
    assert quick is not None
    try:
        for query in (ListQuery(), ListQuery(words=("a",)), ListQuery(sort=MentorList.SINCE)):
            assert quick.ids_and_total(query) == services.mentors.listing.ids_and_total(query)
        shown, total = quick.ids_and_total(ListQuery())
        assert total == 4 and len(shown) == 3  # the archived card hidden, but counted
        assert [r.name for r in quick.fetch(shown)] == [
            r.name for r in services.mentors.listing.fetch(shown)
        ]
    finally:
        quick.close()
