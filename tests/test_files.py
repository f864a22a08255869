"""An export appears complete or not at all, readable by its owner only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentordesk.files import write_atomically


def test_writes_the_bytes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    write_atomically(target, b"%PDF-1.4 complete")
    assert target.read_bytes() == b"%PDF-1.4 complete"
    assert os.listdir(tmp_path) == ["report.pdf"]


def test_a_failed_replace_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["report.pdf"]


def test_a_failed_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"

    def fail(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert os.listdir(tmp_path) == []


def test_the_file_is_the_users_alone(tmp_path: Path) -> None:
    import stat

    target = tmp_path / "archive.zip"
    write_atomically(target, b"private")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["archive.zip"]
