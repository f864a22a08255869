"""The calendar-file part of ``scripts/benchmark.py``: importing and exporting .ics files.

Run through benchmark.py (which loads the decade sample); or alone, which loads it itself:

    python scripts/bench_ics.py [--runs N]

The file: a year of the decade's meetings (the twelve months whose count is nearest 300),
exported by MentorDesk with fresh UIDs, as if from another calendar program, so that
importing it creates every meeting. Each figure is the median of N runs after one untimed
warm-up, in this process:

* import a year of meetings (new): into a fresh copy of the decade data (copied untimed),
  the whole import: read and parse the file, expand it, plan it against the meetings and
  mentors there, take the backup snapshot and store it in one transaction.
* import the same file again (unchanged): into a copy that already holds it; reads, plans
  and finds nothing to write.
* export a year of meetings: the same meetings written to a file.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import Measure

from mentordesk.db.backup import copy_database
from mentordesk.domain.meeting import MeetingRecord
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services

TARGET_MS = 2000.0  # importing a year of meetings, about 300 events


def _year_nearest(meetings: list[MeetingRecord], wanted: int = 300) -> tuple[date, date]:
    """The twelve months (starting on the first of a month) holding nearest ``wanted``."""
    first = meetings[0].starts_at.date().replace(day=1)
    last = meetings[-1].starts_at.date()
    best: tuple[int, date] | None = None
    month = first
    starts = [m.starts_at.date() for m in meetings]
    while month <= last:
        end = month.replace(year=month.year + 1)
        count = sum(1 for day in starts if month <= day < end)
        if best is None or abs(count - wanted) < abs(best[0] - wanted):
            best = (count, month)
        month = (month + timedelta(days=32)).replace(day=1)
    assert best is not None
    start = best[1]
    return start, start.replace(year=start.year + 1) - timedelta(days=1)


def make_file(services: Services, folder: Path) -> tuple[Path, int, date, date]:
    """A year of meetings as another calendar would hold them (fresh UIDs)."""
    from mentordesk.interchange.ics_export import build_calendar, calendar_bytes

    meetings = services.meetings.between()
    start, end = _year_nearest(meetings)
    chosen = [
        dataclasses.replace(m, uid=f"{uuid.uuid4()}@calendar.example")
        for m in meetings
        if start <= m.starts_at.date() <= end
    ]
    calendar = build_calendar(
        chosen, {m.id: m for m in services.mentors.list_all()}, services.settings.read()
    )
    path = folder / "a-year.ics"
    path.write_bytes(calendar_bytes(calendar))
    return path, len(chosen), start, end


def _copy(source: DataLocation, root: Path) -> DataLocation:
    if root.exists():
        shutil.rmtree(root)
    target = DataLocation(root)
    target.root.mkdir(parents=True)
    copy_database(source.database, target.database, single_file=False)
    return target


def _import(location: DataLocation, path: Path, start: date, end: date) -> tuple[float, str]:
    from mentordesk.interchange.ics_import import CalendarImport

    services = Services.open(location)
    try:
        services.meetings.count()  # the database opened and warm, as in the app
        started = time.perf_counter()
        importer = CalendarImport(services)
        result = importer.apply(importer.read(path, start, end))
        return (time.perf_counter() - started) * 1000.0, result.summary()
    finally:
        services.close()


def measure_ics(location: DataLocation, runs: int) -> list[Measure]:
    from mentordesk.interchange.ics_export import CalendarExport

    print("Measuring calendar files: import and export…", flush=True)
    with tempfile.TemporaryDirectory(prefix="mentordesk-bench-ics-") as temp:
        folder = Path(temp)
        services = Services.open(location)
        try:
            path, count, start, end = make_file(services, folder)
            exported: list[float] = []
            for run in range(runs + 1):
                started = time.perf_counter()
                CalendarExport(services).write(folder / "export.ics", start=start, end=end)
                if run:
                    exported.append((time.perf_counter() - started) * 1000.0)
        finally:
            services.close()
        size_kb = path.stat().st_size // 1024
        print(f"  the file: {count} events from {start} to {end}, {size_kb} kB", flush=True)
        new: list[float] = []
        again: list[float] = []
        summary = ""
        for run in range(runs + 1):
            copy = _copy(location, folder / "data")
            took, summary_new = _import(copy, path, start, end)
            took_again, summary = _import(copy, path, start, end)
            if run:
                new.append(took)
                again.append(took_again)
            else:
                print(f"  first import: {summary_new} Again: {summary}", flush=True)
    return [
        Measure(
            "ics_import_year", f"import a year of meetings ({count} events, new)", new, TARGET_MS
        ),
        Measure(
            "ics_import_again",
            f"import the same {count} events again (unchanged)",
            again,
            TARGET_MS,
        ),
        Measure("ics_export_year", f"export a year of meetings ({count} events)", exported),
    ]


def main() -> int:
    import argparse

    from benchmark import make_sample_data

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs per measure (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mentordesk-benchmark-") as temp:
        started = datetime.now(UTC)
        location = make_sample_data(Path(temp) / "data")
        print(f"decade sample loaded in {(datetime.now(UTC) - started).total_seconds():.1f} s")
        measures = measure_ics(location, args.runs)
    print()
    for measure in measures:
        target = "" if measure.target_ms is None else f" (target <= {measure.target_ms:.0f} ms: "
        target += {None: "", True: "ok)", False: "MISSED)"}[measure.met]
        print(
            f"{measure.name}: median {measure.median:.0f} ms, min {min(measure.samples_ms):.0f}, "
            f"max {max(measure.samples_ms):.0f}{target}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
