"""Saving when the app is told to stop rather than closed by the user: SIGTERM (``kill``, a
service manager, some desktops at logout), the session manager's request to save at logout
or shutdown (``commitDataRequest``), and the application quitting (``aboutToQuit``).

Why the pipe: Python runs a signal handler only when the interpreter gets control, and
while Qt's event loop waits in C++ it does not. ``signal.set_wakeup_fd`` makes the C-level
handler write a byte to a pipe (on Windows, where it must be a socket, a socket pair: the
``socket`` module costs 0.5 MB at start-up elsewhere); a ``QSocketNotifier`` on the other end
wakes the event loop, runs a Python slot, and the pending handler runs right then, inside the
Qt loop, where saving and quitting are safe. (A periodic timer would do too, but costs a
wake-up every interval.)
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

__all__ = ["SaveOnExit", "SignalWakeup", "install_save_on_exit"]


def _wakeup_pair():
    """A non-blocking (reader, writer) pair of file objects, closed when collected."""
    if os.name == "posix":
        read_fd, write_fd = os.pipe()
        for fd in (read_fd, write_fd):
            os.set_blocking(fd, False)
        return open(read_fd, "rb", buffering=0), open(write_fd, "wb", buffering=0)
    import socket

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    return reader.makefile("rb", buffering=0), writer


class SignalWakeup(QObject):
    """Runs ``callback`` in the Qt event loop when one of ``signals`` arrives."""

    def __init__(self, parent: QObject, callback: Callable[[], None],
                 signals: tuple[int, ...] = (signal.SIGTERM,)) -> None:
        super().__init__(parent)
        self._callback = callback
        self._reader, self._writer = _wakeup_pair()
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in signals:
            signal.signal(number, self._on_signal)

    def _drain(self, *_args: object) -> None:
        # Entering Python here is what lets the pending handler run.
        try:
            while self._reader.read(512):  # None (a pipe) or BlockingIOError (a socket): drained
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def _on_signal(self, _number: int, _frame: object) -> None:
        QTimer.singleShot(0, self._callback)


class SaveOnExit(QObject):
    """The connections :func:`install_save_on_exit` makes, kept alive by the application."""

    def __init__(self, app: QApplication, controller) -> None:
        super().__init__(app)
        self._app = app
        self._controller = controller
        app.aboutToQuit.connect(self.on_about_to_quit)
        app.commitDataRequest.connect(self.on_commit_data)
        self.wakeup = SignalWakeup(self, self.on_terminate)

    def on_about_to_quit(self) -> None:
        self._controller.save_now()

    def on_commit_data(self, _manager: object) -> None:
        # The session manager asks every application to save before logout or shutdown.
        self._controller.save_now()

    def on_terminate(self) -> None:
        self._controller.save_now()
        self._app.quit()


def install_save_on_exit(app: QApplication, controller) -> SaveOnExit:
    """Save ``controller``'s unsaved edits (``EditController.save_now``) on SIGTERM (then quit),
    when the session manager asks at logout or shutdown, and when the application quits.
    Call once, after the controller exists; the returned object lives as long as ``app``."""
    return SaveOnExit(app, controller)
