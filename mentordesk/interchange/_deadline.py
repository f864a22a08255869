"""A time limit for pure-Python work on a file nobody vouched for.

Expanding a recurrence rule that can never occur (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``)
makes dateutil search to the year 9999, and other rules no check foresees may be as slow.
``within`` runs the work in the calling thread and, if it is still running when the time is
up, raises ``TookTooLong`` inside it (CPython delivers it at the next bytecode the thread
runs), so a file can make the import refuse but never hang.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class TookTooLong(Exception):
    """The work ran past its time limit and was stopped."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``, or TookTooLong once it has run for ``seconds``."""
    target = threading.get_ident()
    lock = threading.Lock()
    running = True

    def stop() -> None:
        with lock:
            if running:
                _raise_in(target, TookTooLong)

    timer = threading.Timer(seconds, stop)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        with lock:
            running = False
            _raise_in(target, None)  # one raised but not yet delivered is dropped
        timer.cancel()
