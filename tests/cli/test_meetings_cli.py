"""``mentordesk meetings`` and ``mentordesk actions``: what they print, store and refuse."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from mentordesk.domain.action_item import ActionItemFields
from mentordesk.domain.enums import ActionOwner, ActionStatus, MeetingStatus
from mentordesk.domain.meeting import MeetingFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

MEETING_KEYS = {"id", "title", "start", "end", "time_zone", "status", "format", "mentors"}
ACTION_KEYS = {
    "id",
    "text",
    "owner",
    "due",
    "status",
    "done_on",
    "reported_on",
    "meeting",
    "mentors",
}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def opened(data_dir: Path) -> Iterator[Services]:
    """The data folder opened the way the app opens it, with three mentors in it."""
    services = Services.open(DataLocation(data_dir))
    for name in ("José Álvarez-Ruiz", "Joanna Smith", "王芳 (Wang Fang)"):
        services.mentors.create(MentorFields(name=name))
    yield services
    services.close()


def _ids(services: Services) -> dict[str, int]:
    return {m.name.split(" ")[0]: m.id for m in services.mentors.list_all()}


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def _json(data_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert _run(data_dir, *argv, "--json") == EXIT_OK
    return json.loads(capsys.readouterr().out)


# --- meetings add and list ----------------------------------------------------------------------


def test_add_then_list_as_json_with_the_offsets_of_the_meetings_zone(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    winter = ["meetings", "add", "--start", "2026-12-03 14:00", "--tz", "Europe/Berlin"]
    assert _run(data_dir, *winter, "--mentor", "jose", "--duration", "45") == EXIT_OK
    summer = ["meetings", "add", "--start", "2026-07-01 09:30", "--tz", "Europe/Berlin"]
    assert _run(data_dir, *summer, "--title", "Summer review") == EXIT_OK
    # The night the clocks go back: starts in summer time, ends in winter time.
    turn = ["meetings", "add", "--start", "2026-10-25 02:30", "--tz", "Europe/Berlin"]
    assert _run(data_dir, *turn, "--mentor", "wang", "--mentor", "joanna") == EXIT_OK

    listed = _json(data_dir, capsys, "meetings", "list")

    assert isinstance(listed, list) and len(listed) == 3
    for item in listed:
        assert set(item) == MEETING_KEYS
        assert item["status"] == "planned"
        assert item["format"] == "video"
        assert item["time_zone"] == "Europe/Berlin"
    summer_item, turn_item, winter_item = listed  # in order of their start
    assert summer_item["title"] == "Summer review"
    assert summer_item["start"] == "2026-07-01T09:30:00+02:00"
    assert summer_item["end"] == "2026-07-01T10:30:00+02:00"
    assert summer_item["mentors"] == []
    assert turn_item["start"] == "2026-10-25T02:30:00+02:00"
    assert turn_item["end"] == "2026-10-25T02:30:00+01:00"
    assert turn_item["title"] == "Meeting with 王芳 (Wang Fang) and Joanna Smith"
    assert sorted(turn_item["mentors"]) == ["Joanna Smith", "王芳 (Wang Fang)"]
    assert winter_item["start"] == "2026-12-03T14:00:00+01:00"
    assert winter_item["end"] == "2026-12-03T14:45:00+01:00"
    assert winter_item["mentors"] == ["José Álvarez-Ruiz"]
    assert winter_item["title"] == "Meeting with José Álvarez-Ruiz"
    stored = opened.meetings.get(int(winter_item["id"]))
    assert stored.fields.minutes == 45
    assert stored.starts_at == datetime.fromisoformat("2026-12-03T13:00:00+00:00")


def test_add_prints_what_it_stored(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _json(
        data_dir,
        capsys,
        *("meetings", "add", "--start", "2026-12-03T14:00", "--tz", "America/New_York"),
    )

    assert isinstance(added, dict) and set(added) == MEETING_KEYS
    assert added["title"] == "Meeting"
    assert added["start"] == "2026-12-03T14:00:00-05:00"
    assert added["end"] == "2026-12-03T15:00:00-05:00"  # an hour by default
    assert opened.meetings.get(int(added["id"])).is_unassigned


def test_add_defaults_to_the_computers_zone(
    data_dir: Path,
    opened: Services,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")

    added = _json(data_dir, capsys, "meetings", "add", "--start", "2026-12-03 09:00")

    assert isinstance(added, dict)
    assert added["time_zone"] == "Asia/Tokyo"
    assert added["start"] == "2026-12-03T09:00:00+09:00"


def test_list_prints_a_readable_table(
    data_dir: Path,
    opened: Services,
    capsys: pytest.CaptureFixture[str],
    local_time_is_utc: None,
) -> None:
    ids = _ids(opened)
    opened.meetings.create(
        MeetingFields(
            title="Career chat",
            start=datetime(2026, 12, 3, 14, 0),
            minutes=90,
            time_zone="Europe/Berlin",
            mentor_ids=(ids["José"], ids["Joanna"]),
            status=MeetingStatus.HELD,
        )
    )
    opened.meetings.create(
        MeetingFields(title="Imported event", start=datetime(2026, 12, 4, 9, 0), minutes=30)
    )
    capsys.readouterr()

    assert _run(data_dir, "meetings", "list") == EXIT_OK

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # the header and one line per meeting
    assert lines[0].split() == ["WHEN", "LENGTH", "STATUS", "TITLE", "MENTORS"]
    assert lines[1].startswith("2026-12-03 13:00")  # local time (UTC here)
    for part in ("1 h 30", "held", "Career chat", "José Álvarez-Ruiz", "Joanna Smith"):
        assert part in lines[1]
    assert lines[2].startswith("2026-12-04 09:00")
    assert "30 min" in lines[2] and "(unassigned)" in lines[2]


def test_list_on_an_empty_notebook(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "meetings", "list") == EXIT_OK
    assert "No meetings yet" in capsys.readouterr().out
    assert _json(data_dir, capsys, "meetings", "list") == []


def test_list_from_and_to_are_whole_local_days_and_mentor_filters(
    data_dir: Path,
    opened: Services,
    capsys: pytest.CaptureFixture[str],
    local_time_is_utc: None,
) -> None:
    ids = _ids(opened)
    for title, start, mentor in (
        ("Day before", datetime(2026, 12, 2, 23, 0), "José"),
        ("Early", datetime(2026, 12, 3, 0, 0), "José"),
        ("Late", datetime(2026, 12, 3, 23, 30), "Joanna"),
        ("Next day", datetime(2026, 12, 4, 0, 0), "José"),
    ):
        opened.meetings.create(
            MeetingFields(
                title=title,
                start=start,
                minutes=60 if title != "Late" else 15,
                mentor_ids=(ids[mentor],),
            )
        )

    def titles(*argv: str) -> list[str]:
        listed = _json(data_dir, capsys, "meetings", "list", *argv)
        assert isinstance(listed, list)
        return [str(item["title"]) for item in listed]

    assert titles("--from", "2026-12-03", "--to", "2026-12-03") == ["Early", "Late"]
    assert titles("--from", "2026-12-04") == ["Next day"]
    assert titles("--to", "2026-12-02") == ["Day before"]
    assert titles("--mentor", "JOANNA") == ["Late"]
    assert titles("--mentor", "josé", "--from", "2026-12-03") == ["Early", "Next day"]
    assert titles("--from", "2026-12-03", "--to", "2026-12-03", "--mentor", "wang") == []


# --- mentor names ---------------------------------------------------------------------------


def test_mentor_names_match_exactly_then_by_a_unique_part(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    opened.mentors.create(MentorFields(name="Jose Alvarez-Ruiz Senior"))
    start = ("meetings", "add", "--start", "2026-12-03 10:00", "--tz", "UTC")

    def chosen(name: str) -> list[object]:
        added = _json(data_dir, capsys, *start, "--mentor", name)
        assert isinstance(added, dict)
        return list(added["mentors"])

    # Exact, ignoring case and accents, wins over the longer name that starts the same.
    assert chosen("JOSE ALVAREZ-RUIZ") == ["José Álvarez-Ruiz"]
    assert chosen("jose alvarez-ruiz s") == ["Jose Alvarez-Ruiz Senior"]  # a unique prefix
    assert chosen("fang") == ["王芳 (Wang Fang)"]  # a unique part
    assert chosen("王芳") == ["王芳 (Wang Fang)"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [("jo", "matches 3 mentors"), ("nobody", "no mentor has that name"), ("  ", "empty")],
)
def test_an_unknown_or_ambiguous_mentor_is_refused(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str], name: str, problem: str
) -> None:
    opened.mentors.create(MentorFields(name="Jon Doe"))
    for argv in (
        ["meetings", "add", "--start", "2026-12-03 10:00", "--mentor", name],
        ["meetings", "list", "--mentor", name],
        ["actions", "list", "--mentor", name],
    ):
        capsys.readouterr()
        assert _run(data_dir, *argv) == EXIT_USAGE, argv
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
        assert problem in err
    assert opened.meetings.count() == 0


def test_an_ambiguous_name_lists_the_candidates(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "meetings", "list", "--mentor", "jo") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "José Álvarez-Ruiz" in err and "Joanna Smith" in err


# --- refused input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--start", "2026-02-30 10:00"], "is not a date and time"),
        (["--start", "2026-12-03 25:00"], "is not a date and time"),
        (["--start", "tomorrow at ten"], "is not a date and time"),
        (["--start", "2026-12-03"], "is not a date and time"),
        (["--start", "2026-12-03 10:00", "--tz", "Mars/Olympus_Mons"], "is not a time zone"),
        (["--start", "2026-12-03 10:00", "--tz", ""], "Choose a time zone"),
        (["--start", "2026-03-29 02:30", "--tz", "Europe/Berlin"], "does not exist"),
        (["--start", "2026-03-08 02:15", "--tz", "America/New_York"], "clocks go forward"),
        (["--start", "2026-12-03 10:00", "--duration", "0"], "at least one minute"),
        (["--start", "2026-12-03 10:00", "--duration", "-30"], "ends before it starts"),
        (["--start", "2026-12-03 10:00", "--title", "   "], "Title"),
    ],
)
def test_invalid_meetings_are_refused_and_nothing_is_stored(
    data_dir: Path,
    opened: Services,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    capsys.readouterr()

    assert _run(data_dir, "meetings", "add", "--mentor", "joanna", *argv) == EXIT_USAGE

    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("mentordesk: ")
    assert message in lines[0]
    assert opened.meetings.count() == 0


def test_an_invalid_meeting_creates_no_data_folder(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["meetings", "add", "--start", "2026-03-29 02:30", "--tz", "Europe/Berlin"]

    assert _run(data_dir, *argv) == EXIT_USAGE

    assert "does not exist" in capsys.readouterr().err
    assert not data_dir.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["--from", "2026-13-01"],
        ["--to", "03/12/2026"],
        ["--from", "2026-12-04", "--to", "2026-12-03"],
    ],
)
def test_invalid_days_are_refused(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    capsys.readouterr()
    assert _run(data_dir, "meetings", "list", *argv) == EXIT_USAGE
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_a_malformed_command_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["meetings"],
        ["meetings", "add"],
        ["meetings", "add", "--start", "2026-12-03 10:00", "--duration", "an hour"],
        ["actions"],
        ["actions", "list", "--late"],
    ):
        with pytest.raises(SystemExit) as caught:
            _run(data_dir, *argv)
        assert caught.value.code == EXIT_USAGE, argv
        assert "usage:" in capsys.readouterr().err
    assert not data_dir.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["meetings", "list"],
        ["meetings", "list", "--json", "--mentor", "ann"],
        ["actions", "list"],
        ["actions", "list", "--json", "--open"],
        ["meetings", "add", "--start", "2026-12-03 10:00", "--mentor", "ann"],
    ],
)
def test_reading_a_missing_folder_says_so_and_creates_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert _run(data_dir, *argv) == EXIT_FAILED

    captured = capsys.readouterr()
    assert "holds no MentorDesk data" in captured.err
    assert "Nothing was created" in captured.err
    assert captured.out == ""
    assert not data_dir.exists()


# --- actions list -------------------------------------------------------------------------------


def _some_items(services: Services) -> dict[str, int]:
    ids = _ids(services)
    today = date.today()
    with_jose = services.meetings.create(
        MeetingFields(
            title="With José",
            start=datetime.combine(today - timedelta(days=20), datetime.min.time()),
            mentor_ids=(ids["José"],),
            status=MeetingStatus.HELD,
        )
    )
    circle = services.meetings.create(
        MeetingFields(
            title="Circle",
            start=datetime.combine(today - timedelta(days=10), datetime.min.time()),
            mentor_ids=(ids["Joanna"], ids["王芳"]),
            status=MeetingStatus.HELD,
        )
    )
    made = {}
    for key, fields in (
        ("overdue", ActionItemFields("Send the draft", due_on=today - timedelta(days=3))),
        ("open", ActionItemFields("Read the book", due_on=today + timedelta(days=9))),
        (
            "reported",
            ActionItemFields(
                "Ask for the project",
                status=ActionStatus.DONE,
                done_on=today - timedelta(days=8),
                reported_on=today - timedelta(days=2),
            ),
        ),
        (
            "unreported",
            ActionItemFields(
                "Share the template",
                owner=ActionOwner.MENTOR,
                status=ActionStatus.DONE,
                done_on=today - timedelta(days=4),
            ),
        ),
        ("dropped", ActionItemFields("Join the committee", status=ActionStatus.DROPPED)),
    ):
        meeting = circle if key in ("unreported", "open") else with_jose
        made[key] = services.action_items.create(fields.replace(meeting_id=meeting.id)).id
    made["alone"] = services.action_items.create(ActionItemFields("Update my CV")).id
    made["jose_meeting"] = with_jose.id
    return made


def test_actions_list_as_json(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _some_items(opened)
    today = date.today()

    listed = _json(data_dir, capsys, "actions", "list")

    assert isinstance(listed, list) and len(listed) == 6
    for item in listed:
        assert set(item) == ACTION_KEYS
    by_id = {item["id"]: item for item in listed}
    assert by_id[made["overdue"]] == {
        "id": made["overdue"],
        "text": "Send the draft",
        "owner": "me",
        "due": (today - timedelta(days=3)).isoformat(),
        "status": "open",
        "done_on": None,
        "reported_on": None,
        "meeting": made["jose_meeting"],
        "mentors": ["José Álvarez-Ruiz"],
    }
    reported = by_id[made["reported"]]
    assert reported["status"] == "done"
    assert reported["done_on"] == (today - timedelta(days=8)).isoformat()
    assert reported["reported_on"] == (today - timedelta(days=2)).isoformat()
    unreported = by_id[made["unreported"]]
    assert unreported["owner"] == "mentor" and unreported["reported_on"] is None
    assert sorted(unreported["mentors"]) == ["Joanna Smith", "王芳 (Wang Fang)"]
    alone = by_id[made["alone"]]
    assert alone["meeting"] is None and alone["mentors"] == [] and alone["due"] is None


def test_actions_list_filters(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    made = _some_items(opened)

    def listed(*argv: str) -> set[object]:
        found = _json(data_dir, capsys, "actions", "list", *argv)
        assert isinstance(found, list)
        return {item["id"] for item in found}

    assert listed("--open") == {made["overdue"], made["open"], made["alone"]}
    assert listed("--overdue") == {made["overdue"]}
    assert listed("--mentor", "wang") == {made["open"], made["unreported"]}
    assert listed("--mentor", "josé", "--open") == {made["overdue"]}
    assert listed("--mentor", "joanna", "--overdue") == set()


def test_actions_list_prints_a_table(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    _some_items(opened)
    capsys.readouterr()

    assert _run(data_dir, "actions", "list", "--open") == EXIT_OK

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "DUE", "STATUS", "OWNER", "TEXT", "MENTORS"]
    assert len(lines) == 4
    assert any("open (overdue)" in line and "Send the draft" in line for line in lines)

    capsys.readouterr()
    assert _run(data_dir, "actions", "list", "--overdue", "--mentor", "joanna") == EXIT_OK
    assert capsys.readouterr().out.strip() == "No action items match."


def test_a_long_listing_piped_into_head_stops_quietly(data_dir: Path, opened: Services) -> None:
    start = datetime(2026, 1, 5, 9, 0)
    with opened.in_one_transaction() as shared:
        shared.meetings.add_many(
            [
                (
                    MeetingFields(title=f"Meeting {n}", start=start + timedelta(hours=n)),
                    datetime.now(UTC),
                )
                for n in range(1500)
            ]
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "mentordesk", "--data-dir", str(data_dir), "meetings", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().split()[0] == b"WHEN"
    process.stdout.close()  # what `head -1` does

    assert process.wait(timeout=60) == EXIT_OK
    assert process.stderr.read() == b""
