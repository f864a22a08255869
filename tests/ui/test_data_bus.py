"""The bus keeps the one read of the mentor directory all views share: read once, read
again after mentors change (and only then), and never another data folder's."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.mentors import MentorService
from mentordesk.ui.common.data_bus import DataBus, DataKind


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    counted: list[int] = []
    real = MentorService.directory

    def counting(self: MentorService) -> object:
        counted.append(1)
        return real(self)

    monkeypatch.setattr(MentorService, "directory", counting)
    return counted


def test_the_directory_is_read_once_until_mentors_change(
    services: Services, reads: list[int]
) -> None:
    bus = DataBus()
    services.mentors.create(MentorFields(name="Amara Okafor"))
    assert [m.name for m in bus.mentor_directory(services)] == ["Amara Okafor"]
    bus.mentor_directory(services)
    bus.announce({DataKind.MEETING, DataKind.GOAL})  # not mentors: still the same read
    bus.mentor_directory(services)
    assert len(reads) == 1

    services.mentors.create(MentorFields(name="Bea Lund"))
    bus.announce({DataKind.MENTOR})
    assert [m.name for m in bus.mentor_directory(services)] == ["Amara Okafor", "Bea Lund"]
    assert len(reads) == 2


def test_other_data_opened_is_read_anew(
    services: Services, reads: list[int], tmp_path: Path, empty_database: Path
) -> None:
    import shutil

    bus = DataBus()
    services.mentors.create(MentorFields(name="Amara Okafor"))
    assert len(bus.mentor_directory(services)) == 1
    other = DataLocation(tmp_path / "other")
    other.root.mkdir()
    shutil.copyfile(empty_database, other.database)
    restored = Services.open(other)  # a restore or another folder: new services
    try:
        assert bus.mentor_directory(restored) == ()
    finally:
        restored.close()
    assert len(reads) == 2


def test_the_window_reads_the_directory_once_the_data_is_open(
    qtbot: object, location: DataLocation, services: Services, reads: list[int]
) -> None:
    """Read while Home is looked at, so the first view offering a mentor choice finds it."""
    from mentordesk.ui.main_window import MainWindow

    services.mentors.create(MentorFields(name="Amara Okafor"))
    window = MainWindow(location)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.attach_services(services)
    qtbot.waitUntil(lambda: len(reads) == 1)  # type: ignore[attr-defined]
    window.page_view("calendar")
    window.page_view("actions")
    assert len(reads) == 1
