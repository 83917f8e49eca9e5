"""One window per library: a second start hands its files to the first window and leaves.

The first window listens on a local socket (QLocalServer) named after the
library's folder, so two portable libraries can still be open side by side.
A later start connects, sends the files it was given as one JSON line, waits
for "ok", and exits; the first window comes to the front and imports them.
A socket left behind by a crashed window answers nobody, and the new window
takes the name over.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from shiboken6 import isValid

HAND_OVER_TIMEOUT_MS = 3000
ACK = b"ok\n"


def server_name(data_dir: Path) -> str:
    """A socket name unique to the library folder (and short enough for every platform)."""
    key = str(data_dir.resolve()).encode("utf-8")
    return "baokan-reader-" + hashlib.sha256(key).hexdigest()[:20]


def hand_over(name: str, files: list[str], timeout_ms: int = HAND_OVER_TIMEOUT_MS) -> bool:
    """Give `files` to the window listening on `name`; False when no window answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    message = json.dumps({"files": [str(Path(f).resolve()) for f in files]}, ensure_ascii=False) + "\n"
    socket.write(message.encode("utf-8"))
    socket.flush()
    answered = b""
    while not answered.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answered == ACK


class InstanceServer(QObject):
    """Listens for later starts of the app on the same library.

    Signals:
        activated(list): a later start asked for the window; the list holds files to import.
    """

    activated = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening.

        With UserAccessOption Qt creates the socket afresh and moves it into
        place, so a socket file a crashed window left behind is simply
        replaced (tests pin this); a live window was already found by
        `hand_over` before this is called.
        """
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(lambda socket=socket: self._forget(socket))

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if not self._buffers[socket].endswith(b"\n"):
            return
        try:
            message = json.loads(self._buffers.pop(socket).decode("utf-8"))
            files = [str(path) for path in message.get("files", [])]
        except (ValueError, AttributeError):
            socket.disconnectFromServer()  # not one of ours: ignore it
            return
        socket.write(ACK)
        socket.flush()
        self.activated.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        if isValid(socket):  # at quit the server may have deleted it already, before this signal was delivered
            socket.deleteLater()
