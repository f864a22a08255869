"""Searching everything written, through the service: prefixes, accents, case and phrases;
input that is FTS5 syntax or nonsense never raises; every kind is found with its date,
mentors and the record its view opens; edits and deletes are seen at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.agreement import AgreementFields, CommitmentFields, ObjectiveFields
from mentordesk.domain.enums import CommitmentSide, GratitudeKind, MeetingStatus
from mentordesk.domain.goal import GoalFields, GoalNoteFields, MilestoneFields
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.meeting import AgendaItem, MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.domain.search import MARK_END, MARK_START, SearchKind, plain
from mentordesk.domain.skill import AssessmentFields, SkillFields
from mentordesk.services.context import Services

pytestmark = pytest.mark.usefixtures("local_time_is_utc")


@pytest.fixture
def ids(services: Services) -> dict[str, int]:
    """One record of every kind, each with words of its own."""
    amara = services.mentors.create(
        MentorFields(
            name="Amara Okafor",
            title="Principal engineer",
            organization="Lumen Labs",
            expertise=("Kubernetes",),
            notes="Helped me rewrite my Résumé before the interview.",
            started_on=date(2019, 3, 1),
        )
    ).id
    jose = services.mentors.create(MentorFields(name="José Álvarez")).id
    meeting = services.meetings.create(
        MeetingFields(
            title="Quarterly review",
            start=datetime(2021, 6, 1, 9, 0),
            mentor_ids=(amara, jose),
            status=MeetingStatus.HELD,
            agenda=(AgendaItem("How do I delegate the on-call rota?"),),
            notes="## Where things stand\n\nThe **hiring plan** slipped again.",
            advice=("Write the decision down before the meeting",),
            takeaway="Clarity is a kindness",
        )
    ).id
    item = services.action_items.create(
        ActionItemFields(text="Send the architecture memo", meeting_id=meeting)
    ).id
    goal = services.goals.create(
        GoalFields(title="Become a staff engineer", description="Broaden influence"),
        mentor_ids=(amara,),
        milestones=(MilestoneFields("Publish a design doc"),),
    ).id
    services.goals.add_note(goal, GoalNoteFields(date(2021, 7, 1), "Mentored two juniors"))
    skill = services.skills.create(SkillFields(name="Public speaking", category="Talks")).id
    assessment = services.skills.add_assessment(
        skill,
        AssessmentFields(date(2021, 8, 1), 3, mentor_id=jose, evidence="Keynote at PyCon"),
    ).id
    agreement = services.agreements.create(
        amara,
        AgreementFields(
            title="Mentoring compact",
            objectives=(ObjectiveFields("Negotiate a promotion"),),
            commitments=(CommitmentFields(CommitmentSide.ME, "Arrive prepared"),),
            confidentiality="Chatham House rules",
        ),
    ).id
    thanks = services.gratitude.add(
        GratitudeFields(jose, date(2021, 9, 1), GratitudeKind.THANK_YOU_NOTE, "Sent a postcard")
    ).id
    return {
        "amara": amara,
        "jose": jose,
        "meeting": meeting,
        "item": item,
        "goal": goal,
        "skill": skill,
        "assessment": assessment,
        "agreement": agreement,
        "thanks": thanks,
    }


def kinds_and_ids(services: Services, text: str) -> set[tuple[SearchKind, int]]:
    return {(hit.kind, hit.record_id) for hit in services.search.search(text)}


def test_every_kind_is_found_with_its_date_mentors_and_what_it_opens(
    services: Services, ids: dict[str, int]
) -> None:
    cases = {
        "okafor": (SearchKind.MENTOR, ids["amara"], ids["amara"]),
        "lumen": (SearchKind.MENTOR, ids["amara"], ids["amara"]),
        "principal": (SearchKind.MENTOR, ids["amara"], ids["amara"]),
        "kubernetes": (SearchKind.MENTOR, ids["amara"], ids["amara"]),
        "interview": (SearchKind.MENTOR, ids["amara"], ids["amara"]),
        "quarterly": (SearchKind.MEETING, ids["meeting"], ids["meeting"]),
        "rota": (SearchKind.MEETING, ids["meeting"], ids["meeting"]),
        "slipped": (SearchKind.MEETING, ids["meeting"], ids["meeting"]),
        "decision": (SearchKind.MEETING, ids["meeting"], ids["meeting"]),
        "kindness": (SearchKind.MEETING, ids["meeting"], ids["meeting"]),
        "memo": (SearchKind.ACTION_ITEM, ids["item"], ids["item"]),
        "broaden": (SearchKind.GOAL, ids["goal"], ids["goal"]),
        "design doc": (SearchKind.GOAL, ids["goal"], ids["goal"]),
        "juniors": (SearchKind.GOAL, ids["goal"], ids["goal"]),
        "speaking": (SearchKind.SKILL, ids["skill"], ids["skill"]),
        "keynote": (SearchKind.ASSESSMENT, ids["assessment"], ids["skill"]),
        "negotiate": (SearchKind.AGREEMENT, ids["agreement"], ids["agreement"]),
        "prepared": (SearchKind.AGREEMENT, ids["agreement"], ids["agreement"]),
        "chatham": (SearchKind.AGREEMENT, ids["agreement"], ids["agreement"]),
        "postcard": (SearchKind.GRATITUDE, ids["thanks"], ids["jose"]),
    }
    for text, (kind, record_id, target_id) in cases.items():
        (hit,) = services.search.search(text)
        assert (hit.kind, hit.record_id, hit.target_id) == (kind, record_id, target_id), text
    by_kind = {hit.kind: hit for text in cases for hit in services.search.search(text)}
    assert set(by_kind) == set(SearchKind)
    assert by_kind[SearchKind.MEETING].on == date(2021, 6, 1)
    assert by_kind[SearchKind.MEETING].mentors == ("Amara Okafor", "José Álvarez")
    assert by_kind[SearchKind.ACTION_ITEM].mentors == ("Amara Okafor", "José Álvarez")
    assert by_kind[SearchKind.MENTOR].on == date(2019, 3, 1)
    assert by_kind[SearchKind.MENTOR].mentors == ()  # the title is the name already
    assert by_kind[SearchKind.GOAL].mentors == ("Amara Okafor",)
    assert by_kind[SearchKind.ASSESSMENT].title == "Public speaking"
    assert by_kind[SearchKind.ASSESSMENT].on == date(2021, 8, 1)
    assert by_kind[SearchKind.ASSESSMENT].mentors == ("José Álvarez",)
    assert by_kind[SearchKind.AGREEMENT].mentors == ("Amara Okafor",)
    assert by_kind[SearchKind.GRATITUDE].on == date(2021, 9, 1)
    assert by_kind[SearchKind.GRATITUDE].mentors == ("José Álvarez",)


def test_words_match_as_prefixes_in_any_case(services: Services, ids: dict[str, int]) -> None:
    assert kinds_and_ids(services, "quart") == {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "QUARTERLY") == {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "qUaRt REV") == {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "k") >= {
        (SearchKind.MENTOR, ids["amara"]),  # Kubernetes
        (SearchKind.MEETING, ids["meeting"]),  # kindness
        (SearchKind.ASSESSMENT, ids["assessment"]),  # Keynote
    }


def test_accents_are_ignored_both_ways(services: Services, ids: dict[str, int]) -> None:
    assert kinds_and_ids(services, "resume") == {(SearchKind.MENTOR, ids["amara"])}
    assert kinds_and_ids(services, "RÉSUMÉ") == {(SearchKind.MENTOR, ids["amara"])}
    assert kinds_and_ids(services, "jose alvarez") == {(SearchKind.MENTOR, ids["jose"])}
    (hit,) = services.search.search("resume")
    assert f"{MARK_START}Résumé{MARK_END}" in hit.snippet


def test_every_word_must_match(services: Services, ids: dict[str, int]) -> None:
    assert kinds_and_ids(services, "hiring clarity") == {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "hiring postcard") == set()


def test_words_in_quotes_are_a_phrase(services: Services, ids: dict[str, int]) -> None:
    assert kinds_and_ids(services, '"clarity is a kindness"') == {
        (SearchKind.MEETING, ids["meeting"])
    }
    assert kinds_and_ids(services, '"kindness is a clarity"') == set()
    assert kinds_and_ids(services, '"clarity kindness"') == set()  # not next to each other
    # A closed phrase matches whole words; one still being typed matches a prefix.
    assert kinds_and_ids(services, '"clarity is a kind"') == set()
    assert kinds_and_ids(services, '"clarity is a kind') == {(SearchKind.MEETING, ids["meeting"])}


HOSTILE = [
    '"',
    '""',
    '"""',
    "'",
    "*",
    "**",
    "a*b*",
    "(",
    ")",
    "(hiring",
    "hiring)",
    "(((",
    "AND",
    "OR",
    "NOT",
    "hiring AND",
    "AND hiring",
    "hiring OR clarity",
    "NOT hiring",
    "NEAR(hiring clarity)",
    "NEAR(",
    "hiring NEAR/2 clarity",
    "title:hiring",
    "body:",
    ":",
    "^hiring",
    "+hiring -clarity",
    '"unbalanced',
    'hiring "plan',
    '"a" "b',
    "{title body}: hiring",
    "-",
    "\\",
    "hiring\x00plan",
    "\t\n",
    "   ",
    "",
    "%_",
    "'; DROP TABLE meeting; --",
    "x" * 5000,
    " ".join(["hiring"] * 200),
    "🙂",
    "\u0301",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_input_raises(services: Services, ids: dict[str, int], text: str) -> None:
    results = services.search.find(text)
    assert results.total >= 0


def test_operators_are_plain_words(services: Services, ids: dict[str, int]) -> None:
    meeting = {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "(hiring)") == meeting
    assert kinds_and_ids(services, "hiring*") == meeting
    assert kinds_and_ids(services, 'hiring "plan') == meeting
    assert kinds_and_ids(services, "hiring OR postcard") == set()  # "or" is a word here
    assert kinds_and_ids(services, "NEAR") == set()
    assert services.search.search("") == []
    assert services.search.search('" * ( )') == []


def test_snippets_mark_matches_and_read_as_one_line(
    services: Services, ids: dict[str, int]
) -> None:
    (hit,) = services.search.search("hiring")
    assert plain(hit.title) == "Quarterly review"
    assert f"{MARK_START}hiring{MARK_END}" in hit.snippet
    assert "\n" not in hit.snippet and "**" not in hit.snippet and "##" not in hit.snippet
    (hit,) = services.search.search("quarterly")
    assert hit.title == f"{MARK_START}Quarterly{MARK_END} review"
    (hit,) = services.search.search("memo")
    assert hit.title == f"Send the architecture {MARK_START}memo{MARK_END}"
    assert hit.snippet == ""


def test_a_deleted_record_is_gone(services: Services, ids: dict[str, int]) -> None:
    services.meetings.delete(ids["meeting"])
    assert kinds_and_ids(services, "kindness") == set()
    assert kinds_and_ids(services, "memo") == {(SearchKind.ACTION_ITEM, ids["item"])}
    (item,) = services.search.search("memo")
    assert item.mentors == ()  # kept, unlinked from the meeting
    services.skills.delete(ids["skill"])
    assert kinds_and_ids(services, "keynote") == set()
    services.mentors.delete(ids["jose"])
    assert kinds_and_ids(services, "postcard") == set()
    assert kinds_and_ids(services, "alvarez") == set()


def test_an_edited_record_is_found_by_its_new_words_only(
    services: Services, ids: dict[str, int]
) -> None:
    meeting = services.meetings.get(ids["meeting"])
    services.meetings.update(
        meeting.id,
        meeting.fields.replace(
            takeaway="Momentum beats perfection", agenda=(AgendaItem("Budget for travel"),)
        ),
    )
    assert kinds_and_ids(services, "kindness") == set()
    assert kinds_and_ids(services, "rota") == set()
    assert kinds_and_ids(services, "momentum") == {(SearchKind.MEETING, ids["meeting"])}
    assert kinds_and_ids(services, "budget travel") == {(SearchKind.MEETING, ids["meeting"])}
    mentor = services.mentors.get(ids["amara"])
    services.mentors.update(mentor.id, mentor.fields.replace(name="Amara Obi"))
    assert kinds_and_ids(services, "okafor") == set()
    (hit,) = services.search.search("obi")
    assert hit.kind is SearchKind.MENTOR
    (meeting_hit,) = services.search.search("momentum")
    assert meeting_hit.mentors == ("Amara Obi", "José Álvarez")  # names as they are now


def test_groups_come_in_kind_order_with_totals_and_a_limit(
    services: Services, ids: dict[str, int]
) -> None:
    for number in range(8):
        services.action_items.create(ActionItemFields(text=f"Follow up on architecture {number}"))
    results = services.search.find("architecture", limit_per_kind=3)
    (group,) = results.groups
    assert group.kind is SearchKind.ACTION_ITEM
    assert group.total == 9 and len(group.hits) == 3 and not group.by_date
    results = services.search.find("a")
    kinds = [group.kind for group in results.groups]
    assert kinds == [kind for kind in SearchKind if kind in kinds]
    assert results.total == sum(g.total for g in results.groups)


def test_a_word_matched_in_the_title_ranks_first(services: Services) -> None:
    for title, notes in (
        ("Weekly sync", "We talked about negotiation at length. negotiation again."),
        ("Negotiation practice", "Role play"),
    ):
        services.meetings.create(
            MeetingFields(title=title, start=datetime(2022, 1, 3, 9), notes=notes)
        )
    titles = [plain(hit.title) for hit in services.search.search("negotiation")]
    assert titles == ["Negotiation practice", "Weekly sync"]


def _index_and_triggers(services: Services) -> tuple[list[tuple[object, ...]], set[str]]:
    from sqlalchemy import text

    from mentordesk.db import search as index

    with services.sessions() as session:
        stored = [
            tuple(row)
            for row in session.execute(text(f"SELECT rowid, title, body FROM {index.TABLE}"))
        ]
        expected = sorted(
            tuple(row) for query in index.document_queries() for row in session.execute(text(query))
        )
        assert sorted(stored) == expected
        triggers = {
            str(row[0])
            for row in session.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            )
        }
    return stored, triggers


def test_sample_data_is_indexed_once_at_the_end_and_the_triggers_come_back(
    services: Services,
) -> None:
    """The sample loads with the triggers left out; at its end the index holds exactly what
    the triggers would have written, and the triggers are there for the next edit."""
    from mentordesk.db import search as index
    from mentordesk.services.sample_data import SampleSize, load_sample_data

    load_sample_data(services, SampleSize.SMALL, today=date(2026, 6, 1))
    stored, triggers = _index_and_triggers(services)
    assert stored and set(index.trigger_names()) <= triggers
    mentor = services.mentors.list_all()[0]
    services.mentors.update(mentor.id, replace(mentor.fields, notes="Zanzibar harbour"))
    assert [hit.kind for hit in services.search.find("zanzibar").groups] == [SearchKind.MENTOR]


def test_a_failed_bulk_load_leaves_the_triggers_in_place(services: Services) -> None:
    from mentordesk.db import search as index

    with pytest.raises(RuntimeError), services.in_one_transaction(index_at_end=True) as shared:
        shared.mentors.create(MentorFields(name="Never stored"))
        raise RuntimeError("the load fails half-way")
    stored, triggers = _index_and_triggers(services)
    assert stored == [] and set(index.trigger_names()) <= triggers
    services.mentors.create(MentorFields(name="Ngozi Adeyemi"))
    assert services.search.find("ngozi").groups
