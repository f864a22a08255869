"""Where the week's meetings go: which column of its day each takes beside those it overlaps,
and its block's rectangle; pure computation, apart from the widget that paints and hit-tests it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QRect

from mentordesk.domain.enums import MeetingStatus
from mentordesk.domain.meeting import CalendarEntry

DAY_MINUTES = 24 * 60
SHORTEST = 30  # minutes: a shorter meeting is drawn (and laid out) this tall, to be readable


@dataclass(frozen=True)
class Placed:
    record: CalendarEntry
    start: int  # minutes after the day's midnight, as laid out
    end: int
    column: int
    columns: int


@dataclass(frozen=True)
class WeekBlock:
    """A meeting's block on one day, in content coordinates (y from midnight's line)."""

    meeting_id: int
    day: date
    rect: QRect
    column: int
    columns: int
    struck: bool


def lay_out(
    records: Iterable[CalendarEntry],
    spans: Mapping[int, tuple[datetime, datetime]],
    first: date,
    last: date,
) -> dict[date, list[Placed]]:
    """The blocks of each day from ``first`` to ``last``, in minutes. ``spans`` holds each
    meeting's local start and end by id; a meeting past midnight has a block on each day."""
    segments: dict[date, list[tuple[CalendarEntry, int, int]]] = {}
    for record in records:
        start, end = spans[record.id]
        day = start.date()
        while (midnight := datetime.combine(day, time())) < end and day <= last:
            begin = max(0, int((start - midnight).total_seconds() // 60))
            until = min(DAY_MINUTES, int((end - midnight).total_seconds() // 60))
            until = min(DAY_MINUTES, max(until, begin + SHORTEST))
            if day >= first:
                segments.setdefault(day, []).append((record, min(begin, until - SHORTEST), until))
            day += timedelta(days=1)
    return {day: _place(found) for day, found in segments.items()}


def _place(segments: list[tuple[CalendarEntry, int, int]]) -> list[Placed]:
    """Columns by greedy interval colouring: each block takes the first column free at its
    start; a cluster of blocks that overlap (even through others) shares its column count."""
    placed: list[Placed] = []
    cluster: list[tuple[CalendarEntry, int, int, int]] = []
    ends: list[int] = []  # per column, when its last block ends
    cluster_end = -1

    def close() -> None:
        placed.extend(Placed(r, s, e, c, len(ends)) for r, s, e, c in cluster)

    for record, start, end in sorted(segments, key=lambda s: (s[1], -s[2], s[0].id)):
        if start >= cluster_end:
            close()
            cluster, ends = [], []
        column = next((i for i, last in enumerate(ends) if last <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        ends[column] = end
        cluster.append((record, start, end, column))
        cluster_end = max(cluster_end, end)
    close()
    return placed


def blocks(
    day: date, placed: Iterable[Placed], column: QRect, y: Callable[[int], int]
) -> list[WeekBlock]:
    """The day's blocks in pixels: ``column`` is the day's column, ``y`` turns minutes after
    midnight into a content y."""
    found = []
    for one in placed:
        share = column.width() / one.columns
        left = column.left() + round(one.column * share)
        right = column.left() + round((one.column + 1) * share)
        rect = QRect(left + 1, y(one.start) + 1, right - left - 3, 0)
        rect.setBottom(y(one.end) - 1)
        struck = one.record.status is MeetingStatus.CANCELLED
        found.append(WeekBlock(one.record.id, day, rect, one.column, one.columns, struck))
    return found
