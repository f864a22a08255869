"""One MentorDesk per data folder: a second start brings the first to the front and exits 0,
another folder is another instance, and what a killed instance leaves behind is recovered.

The first instance is the real ``run_gui`` in this process; later starts are real
``python -m mentordesk`` processes (QProcess, so this process's event loop keeps running
and can answer them)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentordesk.paths import DataLocation
from mentordesk.ui import single_instance
from mentordesk.ui.app import StartupObserver, run_gui
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.single_instance import InstanceServer, activate_running, server_name

START_TIMEOUT_MS = 60_000


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime folder of this test's own, short enough for a socket's path."""
    folder = Path(tempfile.mkdtemp(prefix="md-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def raised(monkeypatch: pytest.MonkeyPatch) -> list[QWidget]:
    """The windows brought to the front (by the real bring_to_front)."""
    calls: list[QWidget] = []
    real = single_instance.bring_to_front

    def spy(window: QWidget) -> None:
        calls.append(window)
        real(window)

    monkeypatch.setattr(single_instance, "bring_to_front", spy)
    return calls


def start_mentordesk(*args: str) -> QProcess:
    process = QProcess()
    process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
    process.start(sys.executable, ["-m", "mentordesk", *args])
    assert process.waitForStarted(10_000)
    return process


def main_window() -> MainWindow:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    (window,) = [w for w in shown if w.isVisible()]  # earlier tests leave closed ones
    return window


def run_first_instance(
    location: DataLocation, while_open: Callable[[MainWindow], QProcess]
) -> tuple[int, QProcess]:
    """The real app on ``location``; once its data is shown, ``while_open`` starts another
    process, and the window closes when that one has ended."""
    started: list[QProcess] = []

    def on_data_shown() -> None:
        window = main_window()
        process = while_open(window)
        started.append(process)
        process.finished.connect(lambda *_: QTimer.singleShot(0, window.close))

    def give_up() -> None:  # a hang fails the test instead of stalling the suite
        for widget in QApplication.topLevelWidgets():
            widget.close()

    QTimer.singleShot(START_TIMEOUT_MS, give_up)
    observer = StartupObserver(data_shown=lambda: QTimer.singleShot(0, on_data_shown))
    code = run_gui(location, observer)
    assert started, "the first instance never showed its data"
    process = started[0]
    if process.state() != QProcess.ProcessState.NotRunning:
        process.kill()
        process.waitForFinished(5000)
        pytest.fail(f"the later start did not end: {output(process)}")
    return code, process


def output(process: QProcess) -> str:
    return bytes(process.readAll().data()).decode(errors="replace")


def test_a_second_start_on_the_same_folder_brings_the_first_to_the_front_and_exits_0(
    qtbot: QtBot, location: DataLocation, raised: list[QWidget]
) -> None:
    def second_start(window: MainWindow) -> QProcess:
        window.showMinimized()
        return start_mentordesk("--data-dir", str(location.root))

    code, second = run_first_instance(location, second_start)
    assert code == 0
    assert second.exitStatus() == QProcess.ExitStatus.NormalExit
    assert second.exitCode() == 0, output(second)
    assert len(raised) == 1 and isinstance(raised[0], MainWindow)
    assert not raised[0].isMinimized()
    # The first instance's lock and socket are gone with it.
    assert not (location.root / "mentordesk.lock").exists()
    assert not Path(server_name(location)).exists()


def test_another_data_folder_is_another_instance(
    qtbot: QtBot, location: DataLocation, raised: list[QWidget], tmp_path: Path
) -> None:
    other = tmp_path / "other data"

    def start_on_other_folder(_window: MainWindow) -> QProcess:
        return start_mentordesk("--self-check", "--data-dir", str(other))

    code, second = run_first_instance(location, start_on_other_folder)
    text = output(second)
    assert code == 0
    assert second.exitCode() == 0, text
    assert "self-check passed" in text and str(other) in text
    assert (other / "mentordesk.sqlite3").is_file()
    assert raised == []


# A MentorDesk that takes the folder's lock and listens as run_gui does, then is killed.
KILLED_INSTANCE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from mentordesk.paths import DataLocation
    from mentordesk.ui import app as app_module
    from mentordesk.ui.single_instance import InstanceServer

    qt = QApplication([])
    location = DataLocation(Path(sys.argv[1]))
    lock, read_only = app_module._open_folder(location)
    assert not read_only and InstanceServer(location, qt).listen()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_the_lock_and_socket_of_a_killed_instance_are_recovered(
    qtbot: QtBot, location: DataLocation, raised: list[QWidget]
) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_INSTANCE, str(location.root)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (location.root / "mentordesk.lock").exists()
    assert Path(server_name(location)).exists()  # the socket, answering no one
    assert not activate_running(location)

    code, second = run_first_instance(
        location, lambda _window: start_mentordesk("--data-dir", str(location.root))
    )
    assert code == 0
    assert second.exitCode() == 0, output(second)
    assert len(raised) == 1


def test_a_socket_left_in_the_way_is_replaced(qtbot: QtBot, location: DataLocation) -> None:
    """run_gui listens only once no one answered and it holds the folder's lock: then any
    socket of that name is a dead instance's, and the new server takes its place."""
    first = InstanceServer(location)
    assert first.listen()
    second = InstanceServer(location)  # the first stands for a killed one: its socket is there
    assert second.listen() and second.is_listening()
    client = QLocalSocket()
    client.connectToServer(server_name(location))
    with qtbot.waitSignal(second.activation_requested, timeout=5000):
        assert client.waitForConnected(2000)
        client.write(single_instance.ACTIVATE)
        client.flush()
    second.close()
    first.close()


def test_the_server_answers_only_its_one_request(qtbot: QtBot, location: DataLocation) -> None:
    server = InstanceServer(location)
    assert server.listen()
    asked: list[bool] = []
    server.activation_requested.connect(lambda: asked.append(True))
    client = QLocalSocket()
    client.connectToServer(server_name(location))
    assert client.waitForConnected(2000)
    client.write(b"show me your data\n")
    client.flush()
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert asked == [] and client.readAll().data() == b""
    server.close()


def test_the_name_is_one_per_folder_and_private(
    location: DataLocation, tmp_path: Path, runtime_dir: Path
) -> None:
    location.root.mkdir(parents=True)
    link = tmp_path / "link"
    link.symlink_to(location.root)
    name = server_name(location)
    assert name == server_name(DataLocation(link))  # one folder, two spellings
    assert name != server_name(DataLocation(tmp_path / "other"))
    assert Path(name).parent == runtime_dir
    started = time.perf_counter()
    assert not activate_running(location)  # no one listens: the usual first start
    assert time.perf_counter() - started < 0.5


def test_without_a_runtime_folder_the_socket_is_in_a_private_one(
    location: DataLocation, monkeypatch: pytest.MonkeyPatch, runtime_dir: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(runtime_dir))  # a short path
    folder = Path(server_name(location)).parent
    assert folder.parent == runtime_dir and folder.name.startswith("runtime-")
    assert (folder.stat().st_mode & 0o777) == 0o700
    os.chmod(folder, 0o777)  # another user could have made it, or write in it: not used
    assert os.sep not in server_name(location)
