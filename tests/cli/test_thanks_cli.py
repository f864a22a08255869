"""``mentordesk thanks``: what it prints, stores and refuses (exit 2, nothing written)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentordesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from mentordesk.domain.enums import GratitudeKind
from mentordesk.domain.gratitude import GratitudeFields
from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

KEYS = {"id", "date", "mentor", "mentor_id", "kind", "text"}


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


def _add(*options: str) -> list[str]:
    return ["thanks", "add", *options]


def test_add_stores_and_prints_the_entry(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _json(
        data_dir,
        capsys,
        *_add("--mentor", "jose", "--kind", "update-sent", "--text", "Told him the RFC passed"),
        *("--date", "2026-03-01"),
    )

    assert isinstance(added, dict) and set(added) == KEYS
    assert added["mentor"] == "José Álvarez-Ruiz"
    assert (added["date"], added["kind"]) == ("2026-03-01", "update_sent")
    (stored,) = opened.gratitude.list_all()
    assert stored.id == added["id"]
    assert stored.fields == GratitudeFields(
        _ids(opened)["José"], date(2026, 3, 1), GratitudeKind.UPDATE_SENT, "Told him the RFC passed"
    )


def test_the_date_defaults_to_today_and_kinds_are_read_kindly(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    for kind, expected in (
        ("thank_you_note", GratitudeKind.THANK_YOU_NOTE),
        ("Gift or meal", GratitudeKind.GIFT_OR_MEAL),
        ("intro", GratitudeKind.INTRODUCTION_MADE),  # the start of only one kind
        ("PUBLIC-RECOGNITION", GratitudeKind.PUBLIC_RECOGNITION),
    ):
        assert _run(data_dir, *_add("--mentor", "joanna", "--kind", kind, "--text", "x")) == 0
        assert opened.gratitude.list_all()[-1].kind is expected
    assert {r.given_on for r in opened.gratitude.list_all()} == {date.today()}
    out = capsys.readouterr().out
    assert out.startswith("Logged thanks 1:\nID  DATE")


def test_list_prints_the_log_in_order_and_filters_by_mentor(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _ids(opened)
    log = opened.gratitude
    log.add(GratitudeFields(ids["Joanna"], date(2025, 5, 2), GratitudeKind.GIFT_OR_MEAL, "Lunch"))
    log.add(
        GratitudeFields(
            ids["王芳"], date(2024, 1, 9), GratitudeKind.THANK_YOU_NOTE, "Card\nwith two lines"
        )
    )
    capsys.readouterr()

    assert _run(data_dir, "thanks", "list") == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "DATE", "MENTOR", "KIND", "TEXT"]
    assert "2024-01-09" in lines[1] and lines[1].endswith("Card with two lines")
    assert "2025-05-02" in lines[2] and "gift_or_meal" in lines[2]
    assert len(lines) == 3

    listed = _json(data_dir, capsys, "thanks", "list", "--mentor", "wang")
    assert isinstance(listed, list)
    assert [(item["mentor"], item["text"]) for item in listed] == [
        ("王芳 (Wang Fang)", "Card with two lines")  # stored as one line
    ]
    assert _json(data_dir, capsys, "thanks", "list", "--mentor", "jose") == []
    assert _run(data_dir, "thanks", "list", "--mentor", "jose") == EXIT_OK
    assert capsys.readouterr().out.strip() == "No thanks logged for that mentor yet."


def test_list_on_a_notebook_without_thanks(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert _run(data_dir, "thanks", "list") == EXIT_OK
    assert capsys.readouterr().out.startswith("No thanks logged yet.")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--mentor", "nobody", "--kind", "gift", "--text", "x"), "no mentor has that name"),
        (("--mentor", "jo", "--kind", "gift", "--text", "x"), "matches 2 mentors"),
        (("--mentor", "jose", "--kind", "gift", "--text", "  "), "--text: Write what you did"),
        (
            ("--mentor", "jose", "--kind", "gift", "--text", "x", "--date", "2026-02-30"),
            "--date: “2026-02-30” is not a date",
        ),
        (
            ("--mentor", "jose", "--kind", "gift", "--text", "x", "--date", "2999-01-01"),
            "--date: Thanks cannot be dated in the future",
        ),
    ],
)
def test_bad_input_is_refused_with_exit_2_and_nothing_stored(
    data_dir: Path,
    opened: Services,
    capsys: pytest.CaptureFixture[str],
    options: tuple[str, ...],
    message: str,
) -> None:
    capsys.readouterr()
    assert _run(data_dir, *_add(*options)) == EXIT_USAGE
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1
    assert opened.gratitude.list_all() == []


def test_tomorrow_is_refused_today_is_not(data_dir: Path, opened: Services) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert (
        _run(
            data_dir, *_add("--mentor", "jose", "--kind", "gift", "--text", "x", "--date", tomorrow)
        )
        == EXIT_USAGE
    )
    today = date.today().isoformat()
    assert (
        _run(data_dir, *_add("--mentor", "jose", "--kind", "gift", "--text", "x", "--date", today))
        == EXIT_OK
    )
    assert len(opened.gratitude.list_all()) == 1


@pytest.mark.parametrize(
    "argv",
    [
        ("thanks",),
        ("thanks", "add", "--mentor", "jose", "--text", "x"),  # no kind
        ("thanks", "add", "--mentor", "jose", "--kind", "hug", "--text", "x"),
        ("thanks", "add", "--mentor", "jose", "--kind", "gift"),  # no text
    ],
)
def test_a_malformed_command_is_a_usage_error(
    data_dir: Path, opened: Services, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    with pytest.raises(SystemExit) as exited:
        _run(data_dir, *argv)
    assert exited.value.code == EXIT_USAGE
    if "hug" in argv:
        assert "choose one of: thank-you-note, update-sent" in capsys.readouterr().err
    assert opened.gratitude.list_all() == []


def test_a_folder_without_data_is_said_so_and_nothing_is_created(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "thanks", "list") == EXIT_FAILED
    assert _run(data_dir, *_add("--mentor", "jose", "--kind", "gift", "--text", "x")) == (
        EXIT_FAILED
    )
    assert "holds no MentorDesk data" in capsys.readouterr().err
    # Bad input is refused before the folder is even looked at.
    assert _run(data_dir, *_add("--mentor", "jose", "--kind", "gift", "--text", "")) == (EXIT_USAGE)
    assert not data_dir.exists()
