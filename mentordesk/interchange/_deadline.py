"""A time limit for pure-Python work on a file nobody vouched for.

Expanding a recurrence rule that can never occur (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``)
makes dateutil search to the year 9999, and other rules no check foresees may be as slow.
``within`` runs the work in the calling thread and, if it is still running when the time is
up, raises ``TookTooLong`` inside it (CPython delivers it at the next bytecode the thread
runs), so a file can make the import refuse but never hang.
"""

from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class TookTooLong(Exception):
    """The work ran past its time limit and was stopped."""


def _raise_in(thread_id: int, exception: type[BaseException]) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception)
    )


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, or TookTooLong once it has run for ``seconds``."""
    target = threading.get_ident()
    lock = threading.Lock()
    running = True
    fired = False

    def stop() -> None:
        nonlocal fired
        with lock:
            if running:
                fired = True
                _raise_in(target, TookTooLong)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        with lock:
            running = False
        timer.cancel()
        if fired:
            # Raised in this thread just as the work ended: it arrives at the next bytecodes
            # CPython checks, which must be these, and never after this function returns.
            # (Clearing it with SetAsyncExc(NULL) instead would leave the interpreter's
            # check flag raised for good, slowing every later line.)
            with contextlib.suppress(TookTooLong):
                for _ in range(1000):
                    pass
