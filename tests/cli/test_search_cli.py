"""``mentordesk search``: what it prints for people and for scripts, its exit codes, and
that it never creates or changes anything."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from mentordesk.cli import EXIT_OK, EXIT_USAGE, main
from mentordesk.cli_search import EXIT_NOTHING_FOUND
from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

pytestmark = pytest.mark.usefixtures("local_time_is_utc")

KEYS = {"kind", "id", "title", "date", "mentor", "mentors", "snippet", "opens"}


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    services = Services.open(DataLocation(folder))
    amara = services.mentors.create(
        MentorFields(
            name="Amara Okafor", notes="Helped with my Résumé", started_on=date(2020, 1, 6)
        )
    ).id
    meeting = services.meetings.create(
        MeetingFields(
            title="Delegation check-in",
            start=datetime(2021, 6, 1, 9, 0),
            mentor_ids=(amara,),
            status=MeetingStatus.HELD,
            takeaway="Hand over the on-call rota",
        )
    ).id
    services.action_items.create(
        ActionItemFields(text="Draft the delegation plan", meeting_id=meeting)
    )
    services.close()
    yield folder


def test_json_lists_every_match_with_its_kind_date_mentor_and_plain_snippet(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "deleg", "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert [(hit["kind"], hit["title"]) for hit in found] == [
        ("meeting", "Delegation check-in"),
        ("action_item", "Draft the delegation plan"),
    ]
    assert all(set(hit) == KEYS for hit in found)
    meeting = found[0]
    assert meeting["date"] == "2021-06-01" and meeting["mentor"] == "Amara Okafor"
    assert "\x02" not in json.dumps(found) and "\x03" not in json.dumps(found)


def test_accents_and_case_are_ignored_and_text_groups_by_kind(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "RESUME"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Mentors (1)"
    assert "Amara Okafor" in out and "Helped with my Résumé" in out


def test_words_given_apart_all_have_to_match(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "on-call", "rota", "--json"]) == EXIT_OK
    assert [hit["kind"] for hit in json.loads(capsys.readouterr().out)] == ["meeting"]


def test_nothing_found_exits_1_and_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "search", "xylophone"]) == EXIT_NOTHING_FOUND
    captured = capsys.readouterr()
    assert captured.out == "" and "Nothing found for 'xylophone'" in captured.err
    assert main(["--data-dir", str(data_dir), "search", "xylophone", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("typed", ['"', "AND OR NOT", "*", "(", "NEAR(a b)", "-x", "^"])
def test_query_syntax_and_nonsense_never_fail(data_dir: Path, typed: str) -> None:
    assert main(["--data-dir", str(data_dir), "search", "--", typed]) in (EXIT_OK, 1)


def test_limit_is_per_kind_and_checked(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "search", "d", "--limit", "1", "--json"]) == 0
    kinds = [hit["kind"] for hit in json.loads(capsys.readouterr().out)]
    assert len(kinds) == len(set(kinds))
    with pytest.raises(SystemExit) as refused:
        main(["--data-dir", str(data_dir), "search", "d", "--limit", "0"])
    assert refused.value.code == EXIT_USAGE


def test_a_folder_without_data_is_refused_and_left_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing"
    assert main(["--data-dir", str(empty), "search", "anything"]) != EXIT_OK
    assert "holds no MentorDesk data" in capsys.readouterr().err
    assert not empty.exists() or not any(empty.iterdir())


def test_search_writes_nothing(data_dir: Path) -> None:
    database = DataLocation(data_dir).database
    before = database.read_bytes()
    main(["--data-dir", str(data_dir), "search", "deleg"])
    assert database.read_bytes() == before
