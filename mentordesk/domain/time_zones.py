"""Time zones for meetings: the computer's own zone by its IANA name, wall-clock times in a
zone turned into UTC and back, and the wall-clock times a zone skips or repeats.

Meetings are stored in UTC with the zone they were planned in; a time typed in a zone that
has no such minute (the hour the clocks go forward) is refused rather than silently moved.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FALLBACK_ZONE = "UTC"


class NonexistentTime(ValueError):
    """A wall-clock time the zone skips (the clocks go forward over it)."""


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The zone called ``name`` (IANA, e.g. "Europe/Berlin"); ValueError when there is none."""
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        raise ValueError(f"not a time zone: {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"not a time zone: {name!r}") from exc


def zone_error(name: str) -> str | None:
    if not name.strip():
        return "Choose a time zone."
    try:
        zone(name.strip())
    except ValueError:
        return f"“{name.strip()}” is not a time zone. Choose one from the list, like Europe/Berlin."
    return None


def local_zone_name() -> str:
    """The computer's zone by its IANA name (TZ, /etc/timezone, /etc/localtime), or UTC."""
    from_tz = os.environ.get("TZ", "").lstrip(":")
    if "zoneinfo/" in from_tz:  # TZ=/usr/share/zoneinfo/Asia/Tokyo names a zone too
        from_tz = from_tz.split("zoneinfo/", 1)[1]
    candidates = [from_tz]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name and zone_error(name) is None:
            return name
    return FALLBACK_ZONE


def is_nonexistent(wall: datetime, zone_name: str) -> bool:
    """Whether the zone skips this wall-clock time."""
    tz = zone(zone_name)
    there = wall.replace(tzinfo=tz)
    return there.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != wall.replace(tzinfo=None)


def to_utc(wall: datetime, zone_name: str) -> datetime:
    """A naive wall-clock time in ``zone_name`` as an aware UTC time. A repeated time (the
    hour the clocks go back) is its first occurrence; a skipped one raises NonexistentTime."""
    if is_nonexistent(wall, zone_name):
        raise NonexistentTime(f"{wall:%Y-%m-%d %H:%M} does not exist in {zone_name}")
    return wall.replace(tzinfo=zone(zone_name), fold=0).astimezone(UTC)


def wall_time(moment: datetime, zone_name: str) -> datetime:
    """An aware time as the naive wall-clock time in ``zone_name``."""
    return moment.astimezone(zone(zone_name)).replace(tzinfo=None, fold=0)


def in_zone(moment: datetime, where: tzinfo | None = None) -> datetime:
    """An aware time in ``where`` (the computer's local zone by default)."""
    return moment.astimezone(where)


def city(zone_name: str) -> str:
    """What a person calls a zone: "Africa/Lagos" is "Lagos", "America/Argentina/Salta" is
    "Salta"."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")
