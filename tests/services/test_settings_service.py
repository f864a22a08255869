"""Personal settings through the service: defaults without rows, one transaction per save,
invalid values refused whole, unreadable rows fall back to their default."""

from __future__ import annotations

import sqlite3

import pytest

from mentordesk.domain.settings import PaperSize, PersonalSettings
from mentordesk.domain.validation import ValidationError
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services


def _rows(location: DataLocation) -> dict[str, str]:
    connection = sqlite3.connect(location.database)
    try:
        return dict(connection.execute("SELECT key, value FROM setting").fetchall())
    finally:
        connection.close()


def test_a_new_database_has_every_default(services: Services, location: DataLocation) -> None:
    settings = services.settings.read()
    assert settings == PersonalSettings()
    assert (settings.your_name, settings.your_emails) == ("", ())
    assert settings.thanks_after_days == 90
    assert settings.paper_size is PaperSize.LOCALE
    assert _rows(location) == {}


def test_saved_settings_are_read_back_and_survive_reopening(
    services: Services, location: DataLocation
) -> None:
    wanted = PersonalSettings(
        your_name="  Dana   Reyes ",
        your_emails=("dana@example.org", " DANA@example.org", "d.reyes@work.example"),
        thanks_after_days=60,
        paper_size=PaperSize.LETTER,
    )
    before = services.settings.save(wanted)
    assert before == PersonalSettings()
    services.close()
    reopened = Services.open(location)
    try:
        settings = reopened.settings.read()
    finally:
        reopened.close()
    assert settings.your_name == "Dana Reyes"
    assert settings.your_emails == ("dana@example.org", "d.reyes@work.example")
    assert (settings.thanks_after_days, settings.paper_size) == (60, PaperSize.LETTER)
    assert settings.is_own_address("D.Reyes@Work.example")
    assert not settings.is_own_address("amara@example.org")


def test_going_back_to_a_default_removes_its_row(
    services: Services, location: DataLocation
) -> None:
    services.settings.save(PersonalSettings(thanks_after_days=30, your_name="Dana"))
    assert set(_rows(location)) == {"thanks_after_days", "your_name"}
    before = services.settings.save(PersonalSettings(your_name="Dana"))
    assert before.thanks_after_days == 30
    assert set(_rows(location)) == {"your_name"}


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        (PersonalSettings(your_emails=("dana@example.org", "not an address")), "your_emails"),
        (PersonalSettings(your_name="Dana\x07"), "your_name"),
        (PersonalSettings(thanks_after_days=3), "thanks_after_days"),
        (PersonalSettings(thanks_after_days=10_000), "thanks_after_days"),
    ],
)
def test_an_invalid_value_stores_nothing(
    services: Services, location: DataLocation, settings: PersonalSettings, field: str
) -> None:
    services.settings.save(PersonalSettings(your_name="Kept"))
    with pytest.raises(ValidationError) as raised:
        services.settings.save(settings)
    assert field in raised.value.field_errors
    assert services.settings.read() == PersonalSettings(your_name="Kept")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("thanks_after_days", "not json"),
        ("thanks_after_days", '"ninety"'),
        ("thanks_after_days", "true"),
        ("thanks_after_days", "1"),  # outside the allowed span
        ("paper_size", '"tabloid"'),
        ("your_emails", '"dana@example.org"'),
        ("your_name", "42"),
    ],
)
def test_a_row_that_cannot_be_read_falls_back_to_its_default(
    services: Services, location: DataLocation, key: str, value: str
) -> None:
    services.settings.save(PersonalSettings(your_name="Dana", thanks_after_days=45))
    connection = sqlite3.connect(location.database)
    with connection:
        connection.execute(
            "INSERT OR REPLACE INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
            (key, value, "2026-01-01 00:00:00"),
        )
    connection.close()
    settings = services.settings.read()
    assert getattr(settings, key) == getattr(PersonalSettings(), key)
    others = {"your_name": "Dana", "thanks_after_days": 45}
    for name, kept in others.items():
        if name != key:
            assert getattr(settings, name) == kept


def test_unknown_keys_are_ignored(services: Services, location: DataLocation) -> None:
    connection = sqlite3.connect(location.database)
    with connection:
        connection.execute(
            "INSERT INTO setting (key, value, updated_at) VALUES ('from_a_plugin', '1', "
            "'2026-01-01 00:00:00')"
        )
    connection.close()
    assert services.settings.read() == PersonalSettings()


def test_settings_are_saved_inside_one_transaction(services: Services) -> None:
    with pytest.raises(RuntimeError), services.in_one_transaction() as shared:
        shared.settings.save(PersonalSettings(your_name="Rolled back"))
        raise RuntimeError("abandon")
    assert services.settings.read() == PersonalSettings()
