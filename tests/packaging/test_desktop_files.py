"""The desktop integration in resources/: the entry, the AppStream metadata and the icons
agree with each other and with the app, and install-desktop.sh puts them where the
freedesktop specifications say (``appstreamcli validate`` and ``desktop-file-validate``
run in CI through ``./bootstrap package``; here too when they are installed)."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mentordesk import __version__
from mentordesk.ui.app import APP_ID

ROOT = Path(__file__).resolve().parent.parent.parent
RESOURCES = ROOT / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
INSTALL = ROOT / "packaging" / "install-desktop.sh"


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_desktop_entry_starts_mentordesk_with_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "MentorDesk"
    assert entry["Exec"] == "mentordesk" and entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID  # the theme icon install-desktop.sh installs
    assert "Office" in entry["Categories"].split(";")


def test_the_metainfo_describes_this_version_and_launches_the_entry() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "mentordesk"
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == __version__  # newest first
    assert releases[0].find("description") is not None
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    # Every screenshot is one of the README's, at its real size.
    images = component.findall("screenshots/screenshot/image")
    assert images
    for image in images:
        name = (image.text or "").rsplit("/", 1)[-1]
        shot = ROOT / "docs" / "screenshots" / name
        assert shot.is_file(), name
        assert png_size(shot) == (int(image.get("width", 0)), int(image.get("height", 0)))


def test_the_icon_comes_in_every_size_and_is_rendered_from_the_drawing() -> None:
    for size in SIZES:
        path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path) == (size, size)
    rendered = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rendered.returncode == 0, f"run scripts/render_icons.py: {rendered.stdout}"


@pytest.mark.parametrize(
    ("tool", "args"),
    [
        ("appstreamcli", ["validate", "--no-net", str(METAINFO)]),
        ("desktop-file-validate", [str(DESKTOP)]),
    ],
)
def test_the_validators_accept_them(tool: str, args: list[str]) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (./bootstrap package installs it and runs it)")
    result = subprocess.run([tool, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def run_install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        ["sh", str(INSTALL), *args], capture_output=True, text=True, timeout=60, env=env
    )


def test_the_install_script_puts_them_under_xdg_data_home_and_takes_them_back(
    tmp_path: Path,
) -> None:
    data = tmp_path / "share"
    program = tmp_path / "My Apps" / "MentorDesk"
    installed = run_install(data, "--exec", str(program))
    assert installed.returncode == 0, installed.stderr
    entry = desktop_entry(data / "applications" / f"{APP_ID}.desktop")
    assert entry["Exec"] == f'"{program}"'  # quoted: the path has a space
    assert entry["TryExec"] == str(program)
    assert entry["Icon"] == APP_ID
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == (RESOURCES / "icons" / "mentordesk.svg").read_bytes()
    for size in SIZES:
        png = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png) == (size, size)
    assert not (tmp_path / "home").exists()  # nothing outside XDG_DATA_HOME

    removed = run_install(data, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    left = [p for p in data.rglob("*") if p.is_file() and APP_ID in p.name]
    assert left == []


def test_the_install_script_refuses_a_relative_data_home(tmp_path: Path) -> None:
    result = run_install(Path("relative/share"))
    assert result.returncode == 2
    assert "absolute" in result.stderr
