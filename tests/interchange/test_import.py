"""Importing is idempotent, updates without overwriting what was written in MentorDesk,
stores all or nothing after a backup, and follows the choices made in the preview."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import AgendaItem
from mentordesk.domain.validation import DomainError
from mentordesk.interchange.errors import ImportCancelled
from mentordesk.interchange.ics_export import CalendarExport
from mentordesk.interchange.ics_import import BACKUP_REASON
from mentordesk.interchange.ics_plan import Action, MappedBy
from mentordesk.services.meetings import MeetingService
from tests.interchange.conftest import DATA, Calendars


def _table(calendars: Calendars, table: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(calendars.services.database.location.database)
    try:
        return connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        connection.close()


def _everything(calendars: Calendars) -> dict[str, list[tuple[object, ...]]]:
    tables = ("meeting", "meeting_mentor", "agenda_item", "meeting_advice")
    return {table: _table(calendars, table) for table in tables}


def _edited(tmp_path: Path, name: str, *changes: tuple[str, str]) -> Path:
    text = (DATA / name).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def _backups(calendars: Calendars) -> list[Path]:
    folder = calendars.services.database.location.backups
    return sorted(folder.glob(f"*-{BACKUP_REASON}*.sqlite3")) if folder.exists() else []


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    calendars: Calendars,
) -> None:
    first = calendars.importer.apply(calendars.read("google.ics"))
    assert first.created == 10 and first.backup is not None and first.backup.exists()
    before = _everything(calendars)

    again = calendars.read("google.ics")
    assert again.count(Action.UNCHANGED) == 10 and not again.writes
    result = calendars.importer.apply(again)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 10)
    assert result.backup is None  # nothing to write, so no backup either
    assert _everything(calendars) == before
    assert len(_backups(calendars)) == 1


def test_a_changed_event_updates_its_meeting_and_keeps_what_was_written_here(
    calendars: Calendars, tmp_path: Path
) -> None:
    services = calendars.services
    result = calendars.importer.apply(calendars.read("google.ics"))
    chat_id = next(
        result.meeting_ids[i]
        for i, p in enumerate(result.plan.events if result.plan else ())
        if p.event.title == "Career chat with Amara"
    )
    chat = services.meetings.get(chat_id)
    services.meetings.update(
        chat_id,
        chat.fields.replace(
            notes="Amara: *write the case as a story*.",
            advice=("Lead with the impact",),
            takeaway="Ask for the stretch project.",
            status=MeetingStatus.HELD,
        ),
    )
    changed = _edited(
        tmp_path,
        "google.ics",
        ("DTSTART:20260310T090000Z", "DTSTART:20260311T140000Z"),
        ("DTEND:20260310T100000Z", "DTEND:20260311T150000Z"),
        ("SUMMARY:Career chat with Amara", "SUMMARY:Career chat with Amara (new day)"),
    )
    plan = calendars.read(changed)
    (update,) = [p for p in plan.events if p.action is Action.UPDATE]
    assert update.meeting_id == chat_id and update.changes == ("time", "title")
    assert plan.count(Action.NEW) == 0 and plan.count(Action.UNCHANGED) == 9
    calendars.importer.apply(plan)

    after = services.meetings.get(chat_id)
    assert after.title == "Career chat with Amara (new day)"
    assert after.starts_at.isoformat() == "2026-03-11T14:00:00+00:00"
    assert after.fields.notes == "Amara: *write the case as a story*."
    assert after.fields.advice == ("Lead with the impact",)
    assert after.fields.takeaway == "Ask for the stretch project."
    assert after.status is MeetingStatus.HELD  # marked held here; the file still says planned
    assert after.sequence > chat.sequence
    assert services.meetings.count() == 10


def test_edits_made_here_win_over_the_file_and_ticks_stay(
    calendars: Calendars, tmp_path: Path
) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("google.ics"))
    weekly = [m for m in services.meetings.between() if m.title == "Weekly check-in with José"]
    first = weekly[0]
    services.meetings.update(
        first.id,
        first.fields.replace(
            title="Check-in with José (my title)",
            agenda=(
                AgendaItem("Weekly check-in", done=True),
                AgendaItem("What went well"),
                AgendaItem("What is stuck"),
                AgendaItem("My own question"),
            ),
        ),
    )
    unassigned = next(m for m in services.meetings.between() if m.title == "Coffee with Priya")
    services.meetings.update(
        unassigned.id, unassigned.fields.replace(mentor_ids=(calendars.ids["noemail"],))
    )
    changed = _edited(
        tmp_path,
        "google.ics",
        (
            "DESCRIPTION:Weekly check-in\\nWhat went well\\nWhat is stuck",
            "DESCRIPTION:Weekly check-in\\nWhat went well\\nNext steps",
        ),
        ("SUMMARY:Weekly check-in with José", "SUMMARY:Weekly catch-up with José"),
        ("SUMMARY:Coffee with Priya", "SUMMARY:Coffee with Priya Raman"),
    )
    calendars.importer.apply(calendars.read(changed))
    mine = services.meetings.get(first.id)
    assert mine.title == "Check-in with José (my title)"  # edited here: kept
    assert mine.fields.agenda == (
        AgendaItem("Weekly check-in", done=True),
        AgendaItem("What went well"),
        AgendaItem("My own question"),
        AgendaItem("Next steps"),
    )
    untouched = services.meetings.get(weekly[1].id)
    assert untouched.title == "Weekly catch-up with José"  # not edited here: the file's
    assert [a.text for a in untouched.fields.agenda] == [
        "Weekly check-in",
        "What went well",
        "Next steps",
    ]
    coffee = services.meetings.get(unassigned.id)
    assert coffee.title == "Coffee with Priya Raman"
    assert coffee.mentor_ids == (calendars.ids["noemail"],)  # assigned here: kept


def test_a_failure_while_storing_imports_nothing(
    calendars: Calendars, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("apple.ics"))
    before = _everything(calendars)
    plan = calendars.read("google.ics")
    real_add_many = MeetingService.add_many

    def add_then_fail(self: MeetingService, meetings: object) -> list[int]:
        real_add_many(self, meetings)  # type: ignore[arg-type]
        raise OSError("disk unplugged")

    monkeypatch.setattr(MeetingService, "add_many", add_then_fail)
    with pytest.raises(OSError):
        calendars.importer.apply(plan)
    assert _everything(calendars) == before
    assert len(_backups(calendars)) == 2  # taken before anything was written
    assert services.meetings.count() == 6


def test_cancel_imports_nothing(calendars: Calendars) -> None:
    before = _everything(calendars)
    plan = calendars.read("outlook.ics")
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after the backup, while storing

    with pytest.raises(ImportCancelled):
        calendars.importer.apply(plan, cancelled=cancelled)
    assert _everything(calendars) == before


def test_the_preview_choices_are_what_is_stored(calendars: Calendars) -> None:
    services = calendars.services
    plan = calendars.read("google.ics")
    index = {p.event.title: i for i, p in enumerate(plan.events)}
    priya = index["Coffee with Priya"]
    plan = plan.replaced(priya, plan.events[priya].with_mentors([calendars.ids["noemail"]]))
    review = index["Review of the quarter"]
    plan = plan.replaced(review, plan.events[review].with_include(False))
    assert plan.events[priya].mapped_by is MappedBy.CHOSEN
    assert plan.count(Action.NEW) == 9 and plan.count(Action.LEFT_OUT) == 1
    result = calendars.importer.apply(plan)
    titles = {m.title: m for m in services.meetings.between()}
    assert "Review of the quarter" not in titles
    assert titles["Coffee with Priya"].mentor_ids == (calendars.ids["noemail"],)
    assert {u.title for u in result.unassigned} == set()
    # The choice stays with the meeting: the same file again changes nothing.
    assert not calendars.read("google.ics").with_choices(plan.choices()).writes


def test_an_exported_meeting_edited_elsewhere_comes_back_as_an_update(
    calendars: Calendars, tmp_path: Path
) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("apple.ics"))
    meeting = next(m for m in services.meetings.between() if m.title == "Night owl call with 王芳")
    services.meetings.update(meeting.id, meeting.fields.replace(notes="Private notes"))
    exported = tmp_path / "mine.ics"
    CalendarExport(services).write(exported)

    as_exported = calendars.read(exported)  # the meetings as they are: nothing changes
    assert as_exported.count(Action.UNCHANGED) == len(as_exported.events) == 6

    text = exported.read_text(encoding="utf-8")
    sequence = f"SEQUENCE:{services.meetings.get(meeting.id).sequence}"
    assert sequence in text
    event_start = text.rindex("BEGIN:VEVENT", 0, text.index(f"UID:{meeting.uid}"))
    head, tail = text[:event_start], text[event_start:]
    tail = tail.replace("SUMMARY:Night owl call with 王芳", "SUMMARY:Late call", 1)
    tail = tail.replace(sequence, "SEQUENCE:99", 1)
    exported.write_text(head + tail, encoding="utf-8", newline="")
    plan = calendars.read(exported)
    (update,) = [p for p in plan.events if p.action is Action.UPDATE]
    assert update.meeting_id == meeting.id and update.changes == ("title",)
    calendars.importer.apply(plan)
    after = services.meetings.get(meeting.id)
    assert after.title == "Late call" and after.fields.notes == "Private notes"
    assert after.sequence == 99


def test_a_deleted_instance_restored_keeps_its_identity(calendars: Calendars) -> None:
    services = calendars.services
    calendars.importer.apply(calendars.read("google.ics"))
    weekly = [m for m in services.meetings.between() if "José" in m.title]
    deleted = [services.meetings.delete(m.id) for m in weekly[:2]]
    assert calendars.read("google.ics").count(Action.NEW) == 2
    for gone in deleted:
        services.meetings.restore(gone)  # undo: both instances back, no UID clash
    assert not calendars.read("google.ics").writes


def test_a_read_only_folder_imports_nothing(calendars: Calendars) -> None:
    from mentordesk.interchange.ics_import import CalendarImport
    from mentordesk.services.context import Services

    location = calendars.services.database.location
    read_only = Services.open(location, read_only=True)
    try:
        with pytest.raises(DomainError, match="read-only"):
            CalendarImport(read_only).apply(calendars.read("google.ics"))
    finally:
        read_only.close()


def test_days_the_wrong_way_round_are_refused_without_blaming_the_file(
    calendars: Calendars,
) -> None:
    from datetime import date

    from mentordesk.interchange.errors import CalendarFileError

    with pytest.raises(DomainError, match="is after the last") as refused:
        calendars.read("google.ics", date(2026, 5, 1), date(2026, 1, 1))
    assert not isinstance(refused.value, CalendarFileError)
    assert calendars.services.meetings.count() == 0
