"""Mentor cards through the service: every call is one committed transaction, every result an
immutable record, and invalid input stores nothing."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.domain.enums import Channel, Direction, HowWeMet, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.validation import NotFoundError, ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.mentors import MentorService
from tests.helpers import Clock

START = datetime(2030, 3, 4, 5, 6, 7, 123456, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    """Each reading one minute after the previous one, so every change is told apart."""
    return Clock(START, step=timedelta(minutes=1))


@pytest.fixture
def mentors(services: Services, clock: Clock) -> MentorService:
    return MentorService(services.database.session_factory, clock=clock)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def _full_card() -> MentorFields:
    return MentorFields(
        name="  Amara   Okafor ",
        title=" VP Engineering ",
        organization="Lumen Health ",
        email=" amara@lumen.example ",
        phone="+234 555 0100",
        profile_url="https://profiles.example/amara",
        location="Lagos",
        time_zone="Africa/Lagos",
        met_via=HowWeMet.WORK,
        met_detail="Two levels up",
        expertise=("hiring", " org design ", "Hiring", "strategy"),
        tags=("leadership", "quarterly"),
        kind=RelationshipKind.SPONSOR,
        direction=Direction.THEY_MENTOR_ME,
        status=MentorStatus.ACTIVE,
        started_on=date(2021, 6, 1),
        ended_on=None,
        preferred_channel=Channel.VIDEO,
        notes="Prefers short agendas.\n",
    )


def test_create_returns_a_stored_normalized_record(
    mentors: MentorService, location: DataLocation
) -> None:
    record = mentors.create(_full_card())

    assert isinstance(record.id, int)
    assert record.fields == _full_card().normalized()
    assert record.name == "Amara Okafor"
    assert record.fields.expertise == ("hiring", "org design", "strategy")
    assert record.created_at == record.updated_at == START
    assert record.archived_at is None
    assert not record.is_archived
    assert mentors.get(record.id) == record
    assert _rows(location.database, "SELECT id, name, kind, email FROM mentor") == [
        (record.id, "Amara Okafor", "sponsor", "amara@lumen.example")
    ]


def test_stored_times_come_back_as_utc(mentors: MentorService) -> None:
    record = mentors.create(MentorFields(name="Ann"))

    stored = mentors.get(record.id)

    assert stored.created_at.tzinfo is UTC
    assert stored.created_at == START


def test_each_call_is_committed_for_other_connections(
    mentors: MentorService, location: DataLocation
) -> None:
    record = mentors.create(MentorFields(name="Ann"))

    assert _rows(location.database, "SELECT id, name FROM mentor") == [(record.id, "Ann")]

    mentors.update(record.id, MentorFields(name="Ann Lee"))
    assert _rows(location.database, "SELECT name FROM mentor") == [("Ann Lee",)]

    mentors.delete(record.id)
    assert _rows(location.database, "SELECT count(*) FROM mentor") == [(0,)]


def test_invalid_create_stores_nothing(mentors: MentorService, location: DataLocation) -> None:
    with pytest.raises(ValidationError) as caught:
        mentors.create(MentorFields(name=" ", email="ann@", expertise=("x",)))

    assert set(caught.value.field_errors) == {"name", "email"}
    assert mentors.count() == 0
    assert mentors.list_all() == []
    assert _rows(location.database, "SELECT count(*) FROM mentor_expertise") == [(0,)]


def test_update_changes_fields_and_updated_at_only(mentors: MentorService) -> None:
    created = mentors.create(_full_card())

    changed = _full_card().replace(
        name="Amara O.",
        status=MentorStatus.CONCLUDED,
        ended_on=date(2024, 1, 31),
        preferred_channel=None,
    )
    updated = mentors.update(created.id, changed)

    assert updated.id == created.id
    assert updated.fields == changed.normalized()
    assert updated.created_at == created.created_at == START
    assert updated.updated_at == START + timedelta(minutes=1)
    assert mentors.get(created.id) == updated


def test_update_that_changes_nothing_keeps_updated_at(mentors: MentorService) -> None:
    created = mentors.create(_full_card())

    unchanged = mentors.update(created.id, _full_card())

    assert unchanged == created


def test_update_of_only_the_tags_counts_as_a_change(mentors: MentorService) -> None:
    created = mentors.create(_full_card())

    updated = mentors.update(created.id, _full_card().replace(tags=("leadership",)))

    assert updated.fields.tags == ("leadership",)
    assert updated.updated_at > created.updated_at


def test_invalid_update_leaves_the_stored_record_unchanged(
    mentors: MentorService, location: DataLocation
) -> None:
    created = mentors.create(_full_card())
    before = _rows(location.database, "SELECT * FROM mentor")

    with pytest.raises(ValidationError) as caught:
        mentors.update(
            created.id,
            _full_card().replace(name="New Name", profile_url="example.org", tags=("new",)),
        )

    assert set(caught.value.field_errors) == {"profile_url"}
    assert mentors.get(created.id) == created
    assert _rows(location.database, "SELECT * FROM mentor") == before


def test_expertise_and_tags_keep_their_order_and_are_replaced_on_update(
    mentors: MentorService, location: DataLocation
) -> None:
    created = mentors.create(
        MentorFields(name="Ann", expertise=("zeta", "alpha", "mu"), tags=("b", "a"))
    )
    assert created.fields.expertise == ("zeta", "alpha", "mu")
    assert mentors.get(created.id).fields.tags == ("b", "a")

    updated = mentors.update(
        created.id, MentorFields(name="Ann", expertise=("mu", "omega"), tags=("c",))
    )

    assert updated.fields.expertise == ("mu", "omega")
    assert mentors.get(created.id).fields.expertise == ("mu", "omega")
    assert mentors.get(created.id).fields.tags == ("c",)
    assert _rows(
        location.database, "SELECT position, label FROM mentor_expertise ORDER BY position"
    ) == [(0, "mu"), (1, "omega")]
    assert _rows(location.database, "SELECT label FROM mentor_tag") == [("c",)]


def test_set_archived_and_back(mentors: MentorService) -> None:
    created = mentors.create(MentorFields(name="Ann"))

    archived = mentors.set_archived(created.id, True)
    assert archived.is_archived
    assert archived.archived_at == START + timedelta(minutes=1)
    assert mentors.get(created.id).archived_at == archived.archived_at

    again = mentors.set_archived(created.id, True)
    assert again.archived_at == archived.archived_at, "archiving twice keeps the first date"

    restored = mentors.set_archived(created.id, False)
    assert not restored.is_archived
    assert mentors.get(created.id).archived_at is None
    assert restored.fields == created.fields


def test_list_all_can_leave_out_archived(mentors: MentorService) -> None:
    ann = mentors.create(MentorFields(name="Ann"))
    bo = mentors.create(MentorFields(name="Bo"))
    mentors.set_archived(ann.id, True)

    assert [r.id for r in mentors.list_all()] == [ann.id, bo.id]
    assert [r.id for r in mentors.list_all(include_archived=False)] == [bo.id]
    assert mentors.count() == 2


def test_list_all_sorts_by_name_ignoring_case(mentors: MentorService) -> None:
    for name in ("carol", "Bob", "alice", "Dave"):
        mentors.create(MentorFields(name=name))

    assert [r.name for r in mentors.list_all()] == ["alice", "Bob", "carol", "Dave"]


def test_list_all_sorts_accented_names_alphabetically(mentors: MentorService) -> None:
    for name in ("Zoë Adams", "Élodie Marchand", "Dmitri Volkov", "Fatima Benali"):
        mentors.create(MentorFields(name=name))

    assert [r.name for r in mentors.list_all()] == [
        "Dmitri Volkov",
        "Élodie Marchand",
        "Fatima Benali",
        "Zoë Adams",
    ]


def test_delete_removes_the_card_and_its_labels(
    mentors: MentorService, location: DataLocation
) -> None:
    keep = mentors.create(MentorFields(name="Keep", expertise=("k1",), tags=("kt",)))
    gone = mentors.create(_full_card())

    deleted = mentors.delete(gone.id)

    assert deleted == gone
    assert [r.id for r in mentors.list_all()] == [keep.id]
    with pytest.raises(NotFoundError):
        mentors.get(gone.id)
    for table in ("mentor_expertise", "mentor_tag"):
        assert _rows(location.database, f"SELECT DISTINCT mentor_id FROM {table}") == [(keep.id,)]
        orphans = _rows(
            location.database,
            f"SELECT count(*) FROM {table} WHERE mentor_id NOT IN (SELECT id FROM mentor)",
        )
        assert orphans == [(0,)]


def test_restore_puts_a_deleted_card_back_exactly(
    mentors: MentorService, location: DataLocation
) -> None:
    created = mentors.create(_full_card())
    archived = mentors.set_archived(created.id, True)
    deleted = mentors.delete(created.id)

    restored = mentors.restore(deleted)

    assert restored == archived
    assert restored.id == created.id
    assert restored.created_at == created.created_at
    assert restored.fields == created.fields
    assert mentors.get(created.id) == archived
    assert _rows(location.database, "SELECT label FROM mentor_expertise ORDER BY position") == [
        (label,) for label in created.fields.expertise
    ]


def test_restore_refuses_an_id_in_use(mentors: MentorService) -> None:
    created = mentors.create(MentorFields(name="Ann"))

    with pytest.raises(ValidationError):
        mentors.restore(created)

    assert mentors.count() == 1


def test_create_can_reuse_a_given_id(mentors: MentorService) -> None:
    first = mentors.create(MentorFields(name="Ann"))
    mentors.delete(first.id)

    again = mentors.create(MentorFields(name="Ann again"), mentor_id=first.id)
    elsewhere = mentors.create(MentorFields(name="Bo"), mentor_id=42)

    assert again.id == first.id
    assert elsewhere.id == 42
    assert mentors.get(42).name == "Bo"
    with pytest.raises(ValidationError):
        mentors.create(MentorFields(name="Clash"), mentor_id=42)
    assert mentors.count() == 2


def test_create_many_stores_all(mentors: MentorService) -> None:
    ids = mentors.create_many([MentorFields(name="Ann"), MentorFields(name="Bo", tags=("x",))])

    assert len(ids) == 2
    assert [mentors.get(i).name for i in ids] == ["Ann", "Bo"]
    assert mentors.get(ids[1]).fields.tags == ("x",)


def test_create_many_is_all_or_nothing(mentors: MentorService, location: DataLocation) -> None:
    cards = [
        MentorFields(name="Ann", expertise=("a",)),
        MentorFields(name="Bo", email="not an email"),
        MentorFields(name="Cy"),
    ]

    with pytest.raises(ValidationError) as caught:
        mentors.create_many(cards)

    assert set(caught.value.field_errors) == {"email"}
    assert mentors.count() == 0
    assert _rows(location.database, "SELECT count(*) FROM mentor_expertise") == [(0,)]


def test_records_are_frozen(mentors: MentorService) -> None:
    record = mentors.create(MentorFields(name="Ann"))

    with pytest.raises(dataclasses.FrozenInstanceError):
        record.id = 99  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.fields.name = "Changed"  # type: ignore[misc]
    assert mentors.get(record.id).name == "Ann"


@pytest.mark.parametrize("action", ["get", "update", "delete", "archive"])
def test_missing_id_raises_not_found(mentors: MentorService, action: str) -> None:
    mentors.create(MentorFields(name="Ann"))

    with pytest.raises(NotFoundError, match="#404"):
        if action == "get":
            mentors.get(404)
        elif action == "update":
            mentors.update(404, MentorFields(name="X"))
        elif action == "delete":
            mentors.delete(404)
        else:
            mentors.set_archived(404, True)

    assert [r.name for r in mentors.list_all()] == ["Ann"]


def test_summary_has_the_script_friendly_shape(mentors: MentorService) -> None:
    record = mentors.create(_full_card())

    assert record.as_summary() == {
        "id": record.id,
        "name": "Amara Okafor",
        "email": "amara@lumen.example",
        "organization": "Lumen Health",
        "kind": "sponsor",
        "direction": "they_mentor_me",
        "status": "active",
        "archived": False,
    }
