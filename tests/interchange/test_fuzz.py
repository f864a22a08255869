"""The fuzz test: valid calendar files mutated (truncated, bytes flipped, END lines dropped,
components duplicated and nested, dates, parameters and rules broken) and imported. Every
input either imports completely (each event it plans is its meeting, exactly) or is refused
with a CalendarFileError, leaving the data as it was: no other exception (a crash), no half
import, no hang.

Normal runs try 300 inputs; MENTORDESK_NIGHTLY=1 tries 10,000. MENTORDESK_FUZZ_SEED replays
a run (the seed is in every failure message and in the summary line, printed with -s, which
also names the slowest input). No assertion is timed: a hang is what the import's own time
limits (ics_read, _deadline) prevent, and the summary reports how long the slowest input took.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from mentordesk.interchange.errors import CalendarFileError
from mentordesk.interchange.ics_export import CalendarExport
from mentordesk.interchange.ics_import import CalendarImport
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.interchange.conftest import DATA, FIRST, HOME, LAST, Calendars

NIGHTLY = os.environ.get("MENTORDESK_NIGHTLY") == "1"
INPUTS = 10_000 if NIGHTLY else 300
SEED = int(os.environ.get("MENTORDESK_FUZZ_SEED", "0")) or random.SystemRandom().randrange(10**9)
STYLES = ("google.ics", "outlook.ics", "apple.ics", "thunderbird.ics")

_DATE = re.compile(rb"\d{8}(T\d{6}Z?)?")


# --- mutations ---------------------------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\r\n")


def _joined(lines: list[bytes]) -> bytes:
    return b"\r\n".join(lines)


def _blocks(lines: list[bytes], name: bytes = b"VEVENT") -> list[tuple[int, int]]:
    starts = [i for i, line in enumerate(lines) if line == b"BEGIN:" + name]
    ends = [i for i, line in enumerate(lines) if line == b"END:" + name]
    return [(s, min((e for e in ends if e > s), default=s)) for s in starts]


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    mutable = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        mutable[rng.randrange(len(mutable))] ^= rng.randint(1, 255)
    return bytes(mutable)


def drop_end(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    ends = [i for i, line in enumerate(lines) if line.startswith(b"END:")]
    if ends:
        del lines[rng.choice(ends)]
    return _joined(lines)


def duplicate_component(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    blocks = _blocks(lines)
    if not blocks:
        return data
    start, end = rng.choice(blocks)
    copy = lines[start : end + 1]
    if rng.random() < 0.5:  # the same event twice, or once more with changes
        copy = [line.replace(b"SEQUENCE:", b"SEQUENCE:1") for line in copy]
    at = rng.choice([e + 1 for _, e in blocks])
    return _joined(lines[:at] + copy + lines[at:])


def nest_component(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    blocks = _blocks(lines)
    if not blocks:
        return data
    start, end = rng.choice(blocks)
    if rng.random() < 0.3:  # absurdly deep
        depth = rng.randint(5, 3000)
        inner = [b"BEGIN:VEVENT"] * depth + [b"UID:deep"] + [b"END:VEVENT"] * depth
    else:  # one event inside another, or an alarm inside an alarm
        inner = lines[start : end + 1] if rng.random() < 0.7 else [b"BEGIN:VALARM", b"END:VALARM"]
    if end <= start:  # an event whose END is gone
        return data
    at = rng.randint(start + 1, end)
    return _joined(lines[:at] + inner + lines[at:])


def break_date(rng: random.Random, data: bytes) -> bytes:
    found = list(_DATE.finditer(data))
    if not found:
        return data
    match = rng.choice(found)
    value = bytearray(match.group())
    choice = rng.randrange(7)
    if choice == 0:
        value[4:6] = rng.choice([b"00", b"13", b"99"])  # month
    elif choice == 1:
        value[6:8] = rng.choice([b"00", b"30", b"31", b"32"])  # day
    elif choice == 2 and len(value) > 9:
        value[9:11] = rng.choice([b"24", b"25", b"99"])  # hour
    elif choice == 3:
        value[:4] = rng.choice([b"0001", b"1601", b"1899", b"2201", b"9999"])  # year
    elif choice == 4:
        value = bytearray(rng.choice([b"", b"2026-03-10", b"20260310T", b"T090000", b"x"]))
    elif choice == 5:
        value[rng.randrange(len(value))] = rng.choice(b"xZT-:;, ")
    else:
        value = value + rng.choice([b"Z", b"ZZ", b"000", b"/P1D"])
    return data[: match.start()] + bytes(value) + data[match.end() :]


def break_parameter(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    with_params = [i for i, line in enumerate(lines) if b";" in line.split(b":", 1)[0]]
    if not with_params:
        return data
    i = rng.choice(with_params)
    line = lines[i]
    head, sep, value = line.partition(b":")
    choice = rng.randrange(6)
    if choice == 0:
        head = head.replace(b'"', b"", 1) if b'"' in head else head + b';CN="broken'
    elif choice == 1:
        head = head.replace(b"=", b"", 1)
    elif choice == 2:
        head += rng.choice([b";", b";;", b";=", b";X=", b';X="a"b"'])
    elif choice == 3:
        head = re.sub(
            rb"TZID=[^;:]*", rng.choice([b"TZID=Nowhere/City", b"TZID=", b"TZID=/"]), head
        )
    elif choice == 4:
        head += b";VALUE=" + rng.choice([b"DATE", b"DATE-TIME", b"PERIOD", b"BINARY", b"x"])
    else:
        sep = rng.choice([b"", b"::", b";"])
    lines[i] = head + sep + value
    return _joined(lines)


def break_rule(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    rules = [i for i, line in enumerate(lines) if line.startswith((b"RRULE", b"EXDATE", b"RDATE"))]
    rule_part = rng.choice(
        [
            b"FREQ=" + rng.choice([b"SECONDLY", b"MINUTELY", b"HOURLY", b"DAILY", b"YEARLY", b"X"]),
            b"COUNT=" + rng.choice([b"-1", b"0", b"999999", b"abc"]),
            b"INTERVAL=" + rng.choice([b"0", b"-3", b"1000"]),
            b"BYMONTHDAY=" + str(rng.randint(-40, 40)).encode(),
            b"BYMONTH=" + str(rng.randint(0, 14)).encode(),
            b"BYDAY=" + rng.choice([b"1MO", b"-5FR", b"9TU", b"XX"]),
            b"BYSETPOS=" + rng.choice([b"1", b"-1", b"400"]),
            b"UNTIL=" + rng.choice([b"20250101T000000Z", b"2026", b"20261301"]),
        ]
    )
    if rules and rng.random() < 0.7:
        i = rng.choice(rules)
        lines[i] = lines[i] + b";" + rule_part
    else:
        events = [i for i, line in enumerate(lines) if line == b"BEGIN:VEVENT"]
        if not events:
            return data
        lines.insert(rng.choice(events) + 1, b"RRULE:" + rule_part)
    return _joined(lines)


def shuffle_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    if len(lines) < 3:
        return data
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    choice = rng.randrange(3)
    if choice == 0:
        lines[i], lines[j] = lines[j], lines[i]
    elif choice == 1:
        del lines[i]
    else:
        lines.insert(i, lines[j])
    return _joined(lines)


def odd_text(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    texts = [i for i, line in enumerate(lines) if line.startswith((b"SUMMARY", b"DESCRIPTION"))]
    if not texts:
        return data
    i = rng.choice(texts)
    junk = rng.choice(
        [
            "\x00\x07\x1b[31m",
            "\u202e\u2066",
            "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
            "x" * rng.randint(200, 5000),
            "\\n" * 300,
            "名前 – Ünïcödé",
            "\\",
        ]
    )
    lines[i] += junk.encode("utf-8", "replace")
    return _joined(lines)


def change_uid(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    uids = [i for i, line in enumerate(lines) if line.startswith(b"UID:")]
    if not uids:
        return data
    i = rng.choice(uids)
    lines[i] = rng.choice([b"UID:", b"UID:same", b"UID:" + b"u" * 400, lines[rng.choice(uids)]])
    return _joined(lines)


MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    truncate,
    flip_bytes,
    drop_end,
    duplicate_component,
    nest_component,
    break_date,
    break_parameter,
    break_rule,
    shuffle_lines,
    odd_text,
    change_uid,
)


def mutated(rng: random.Random, data: bytes) -> tuple[bytes, list[str]]:
    applied = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        mutation = rng.choice(MUTATIONS)
        if len(data) > 1:  # (a file truncated to nothing stays so)
            data = mutation(rng, data)
        applied.append(mutation.__name__)
    return data, applied


# --- the run -----------------------------------------------------------------------------


@dataclass
class Baseline:
    """A data folder to start an input from: mentors only, or a seed file imported too."""

    database: Path
    seed: bytes


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("meeting", "meeting_mentor", "agenda_item", "meeting_advice")
        }
    finally:
        connection.close()


@pytest.fixture
def baselines(calendars: Calendars, tmp_path: Path) -> Iterator[list[Baseline]]:
    """Per seed file, the mentors alone and the mentors with the seed imported."""
    calendars.services.close()
    mentors_only = calendars.services.database.location.database
    seeds = {name: (DATA / name).read_bytes() for name in STYLES}
    found: list[Baseline] = []
    for index, (name, data) in enumerate(list(seeds.items())):
        found.append(Baseline(mentors_only, data))
        location = DataLocation(tmp_path / f"seeded-{index}")
        location.root.mkdir()
        shutil.copyfile(mentors_only, location.database)
        services = Services.open(location)
        try:
            importer = CalendarImport(services)
            importer.apply(importer.read(DATA / name, FIRST, LAST, floating_zone=HOME))
            if index == 0:  # and MentorDesk's own export of it, as a seed too
                exported = tmp_path / "exported.ics"
                CalendarExport(services).write(exported)
                seeds["exported.ics"] = exported.read_bytes()
        finally:
            services.close()
        found.append(Baseline(location.database, data))
    found.append(Baseline(mentors_only, seeds["exported.ics"]))
    yield found


def _check_complete(services: Services, result: object, before: int) -> str | None:
    """Why a successful import is not complete, or None."""
    from mentordesk.interchange import _meeting_rows as rows
    from mentordesk.interchange.ics_import import ImportResult

    assert isinstance(result, ImportResult) and result.plan is not None
    plan = result.plan
    if services.meetings.count() != before + result.created:
        return f"{services.meetings.count()} meetings, expected {before} + {result.created}"
    stored = rows.identities(services.sessions, (p.event.key for p in plan.events))
    for index, planned in enumerate(plan.events):
        if not planned.include or planned.fields is None:
            continue
        identity = stored.get(planned.event.key)
        if identity is None:
            return f"event {planned.event.key} was not stored"
        if services.meetings.get(identity.meeting_id).fields != planned.fields:
            return f"event {planned.event.key} was stored differently"
        if result.meeting_ids.get(index, identity.meeting_id) != identity.meeting_id:
            return f"event {planned.event.key} went to another meeting"
    return None


def test_fuzz(baselines: list[Baseline], tmp_path: Path) -> None:
    rng = random.Random(SEED)
    counts: Counter[str] = Counter()
    failures: list[str] = []
    slowest = 0.0
    slowest_what = ""
    work = tmp_path / "work"
    for number in range(INPUTS):
        baseline = rng.choice(baselines)
        data, applied = mutated(rng, baseline.seed)
        path = tmp_path / "input.ics"
        path.write_bytes(data)
        location = DataLocation(work)
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        shutil.copyfile(baseline.database, location.database)
        before = _dump(location.database)
        services = Services.open(location)
        what = f"input {number} ({'+'.join(applied)}; MENTORDESK_FUZZ_SEED={SEED})"
        started = time.perf_counter()
        try:
            count_before = services.meetings.count()
            importer = CalendarImport(services)
            plan = importer.read(path, FIRST, LAST, floating_zone=HOME)
            result = importer.apply(plan, backup=False)
        except CalendarFileError as exc:
            counts["refused"] += 1
            counts[f"refused: {type(exc).__name__}"] += 1
            if not str(exc).startswith(f"{path}: "):
                failures.append(f"{what}: a message not naming the file: {exc}")
            services.close()
            if _dump(location.database) != before:
                counts["partial"] += 1
                failures.append(f"{what}: refused, but the data changed")
        except Exception as exc:  # a crash: anything but a refusal
            counts["crashes"] += 1
            services.close()
            kept = tmp_path / f"crash-{number}.ics"
            kept.write_bytes(data)
            failures.append(f"{what}: {type(exc).__name__}: {exc} (input kept as {kept})")
        else:
            problem = _check_complete(services, result, count_before)
            services.close()
            if problem is None:
                counts["imported"] += 1
            else:
                counts["partial"] += 1
                failures.append(f"{what}: imported, but {problem}")
        took = time.perf_counter() - started
        if took > 2:
            counts["slow"] += 1
            if os.environ.get("MENTORDESK_FUZZ_KEEP_SLOW"):
                (tmp_path / f"slow-{number}-{took:.0f}s.ics").write_bytes(data)
                print(f"slow: {what} {took:.1f} s")
        if took > slowest:
            slowest, slowest_what = took, f"input {number} ({'+'.join(applied)})"
        counts["inputs"] += 1
    summary = (
        f"fuzz: {counts['inputs']} inputs, {counts['imported']} imported, "
        f"{counts['refused']} refused, {counts['crashes']} crashes, "
        f"{counts['partial']} partial imports; {counts['slow']} over 2 s, "
        f"slowest {slowest:.2f} s: {slowest_what or 'none'} "
        f"(MENTORDESK_FUZZ_SEED={SEED})"
    )
    print(summary)
    assert not failures, "\n".join([summary, *failures[:20]])
    assert counts["imported"] > 0 and counts["refused"] > 0, summary  # both paths were taken
    assert date.today()  # (the range is fixed: FIRST to LAST, whatever today is)
