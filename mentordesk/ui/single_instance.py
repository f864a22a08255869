"""One MentorDesk window per data folder: a second start on the same folder brings the
running window to the front and exits, instead of refusing with a message.

The running instance listens on a local socket (a Unix socket in the user's private
runtime folder; a named pipe on Windows) whose name is a hash of the user and the data
folder's resolved path, so another folder is another instance. The data folder's lock
(``mentordesk.lock``) still decides who may open the database; this only forwards the
request. A socket left by a killed instance answers no one, and is removed once the new
instance holds the folder's lock.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import stat
import sys
import tempfile

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from mentordesk.paths import DataLocation

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ACTIVATED = b"ok\n"
# Unix sockets' paths are limited to about 104 bytes (macOS) or 108 (Linux).
_MAX_SOCKET_PATH = 100


def server_name(location: DataLocation) -> str:
    """The socket for this user and this data folder (resolved: two spellings of one folder
    are one instance)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the uid will do
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    digest = hashlib.sha256(f"{user}\0{location.root.resolve()}".encode("utf-8", "surrogateescape"))
    name = f"mentordesk-{digest.hexdigest()[:32]}"
    folder = _private_folder(user)
    path = os.path.join(folder, name) if folder else ""
    return path if path and len(path.encode()) <= _MAX_SOCKET_PATH else name


def _private_folder(user: str) -> str | None:
    """A folder only this user can write in, for the socket: not the shared /tmp, where
    another user could take the name first. None where Qt's own place is private already
    (a named pipe on Windows; on macOS the temporary folder is the user's own)."""
    if sys.platform in ("win32", "darwin"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        return runtime
    # What Qt does without XDG_RUNTIME_DIR (an ssh session, CI), without its warning.
    folder = os.path.join(tempfile.gettempdir(), f"runtime-{user}")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        facts = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(facts.st_mode) or facts.st_uid != os.getuid() or facts.st_mode & 0o077:
        log.warning("not using %s for the instance socket: not private", folder)
        return None
    return folder


def activate_running(location: DataLocation, timeout_ms: int = 2000) -> bool:
    """Ask the MentorDesk that has ``location`` open to come to the front; True when it
    said it did. False at once when none listens (the usual start)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(location))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(ACTIVATE)
    answered = (
        socket.waitForBytesWritten(timeout_ms)
        and socket.waitForReadyRead(timeout_ms)
        and socket.readLine().data() == ACTIVATED
    )
    socket.disconnectFromServer()
    if answered:
        log.info("another MentorDesk has this data folder open; brought it to the front")
    else:
        log.warning("another MentorDesk has this data folder open but did not answer")
    return answered


class InstanceServer(QObject):
    """Listens for later starts on the same data folder; ``activation_requested`` when one
    asks for the window."""

    activation_requested = Signal()

    def __init__(self, location: DataLocation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(location)
        self._server = QLocalServer(self)
        # Only this user may connect (on Unix the socket is 0700 as well as its folder).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        """Start listening. Call only once the data folder's lock is held (or the folder is
        opened read-only and no instance answered): then a socket already there was left by
        a MentorDesk that was killed, and is removed. False (and logged) if it cannot
        listen: the app works on, only without bringing itself to the front."""
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QLocalSocket.LocalSocketError.AddressInUseError:
            log.info("removing the socket a MentorDesk that did not quit left behind")
            QLocalServer.removeServer(self.name)
            if self._server.listen(self.name):
                return True
        log.warning("cannot listen for other starts: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def is_listening(self) -> bool:
        return self._server.isListening()

    def _on_connection(self) -> None:
        while (client := self._server.nextPendingConnection()) is not None:
            # The server owns its client sockets; Python keeps no reference to them.
            client.readyRead.connect(self._on_message)
            client.disconnected.connect(client.deleteLater)

    def _on_message(self) -> None:
        client = self.sender()
        if not isinstance(client, QLocalSocket):
            return
        if not client.canReadLine():
            if client.bytesAvailable() > len(ACTIVATE):  # not ours: no reason to wait on
                client.abort()
            return
        if client.readLine(len(ACTIVATE) + 1).data() == ACTIVATE:
            log.info("a second start on this data folder asked for the window")
            self.activation_requested.emit()
            client.write(ACTIVATED)
            client.flush()
        client.disconnectFromServer()


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` (restored if minimized) above the others and give it the focus, as
    far as the window manager allows."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
