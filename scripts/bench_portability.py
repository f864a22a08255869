"""Timings of the complete archive and the other exports on the decade sample.

    python scripts/bench_portability.py [--data-dir DIR] [--runs N]

DIR holds the data to measure (make it with ``mentordesk --data-dir DIR sample-data --size
decade``); without it the decade sample is made in a temporary folder first (untimed). Each
figure is the median of N runs (default 5) after one untimed warm-up, in this process:

* export archive: every record read in one transaction, turned into JSON, zipped and
  written atomically (the target: under 3 s);
* read archive: the zip opened, the JSON parsed and every field and link checked;
* import archive: the checked archive stored into an empty data folder (a fresh copy of an
  empty database each run, made untimed), backup snapshot included;
* export markdown: one file per mentor and goal, into a new folder;
* export vcard: every mentor as one .vcf file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mentordesk.interchange.archive_export import ArchiveExport
from mentordesk.interchange.archive_import import ArchiveImport, read_archive
from mentordesk.interchange.markdown_export import MarkdownExport
from mentordesk.interchange.vcard_export import VCardExport
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data

TARGET_EXPORT_S = 3.0


def _median(
    runs: int, work: Callable[[int], None], prepare: Callable[[int], None] | None = None
) -> float:
    times = []
    for run in range(runs + 1):
        if prepare is not None:
            prepare(run)
        started = time.perf_counter()
        work(run)
        if run:  # the first is the warm-up
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", metavar="DIR", help="the data to measure")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-portability-"))
    try:
        if args.data_dir:
            location = DataLocation(Path(args.data_dir))
        else:
            location = DataLocation(scratch / "decade")
            made = Services.open(location)
            try:
                load_sample_data(made, SampleSize.DECADE)
            finally:
                made.close()
        empty = DataLocation(scratch / "empty")
        Services.open(empty).close()
        services = Services.open(location, create=False)
        try:
            counts = ArchiveExport(services).write(scratch / "archive.zip").counts
            print("data:", ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()))
            figures = {
                "export archive": _median(
                    args.runs, lambda run: ArchiveExport(services).write(scratch / "archive.zip")
                ),
                "read archive": _median(
                    args.runs, lambda run: read_archive(scratch / "archive.zip")
                ),
            }
            contents = read_archive(scratch / "archive.zip")
            targets: dict[int, Services] = {}

            def fresh(run: int) -> None:
                folder = DataLocation(scratch / f"import-{run}")
                folder.root.mkdir()
                shutil.copyfile(empty.database, folder.database)
                targets[run] = Services.open(folder)

            def store(run: int) -> None:
                ArchiveImport(targets[run]).apply(contents)
                targets.pop(run).close()

            figures["import archive"] = _median(args.runs, store, fresh)
            figures.update(_other_exports(services, scratch, args.runs))
        finally:
            services.close()
        for name, seconds in figures.items():
            print(f"{name:<18} {seconds * 1000:8.0f} ms")
        ok = figures["export archive"] < TARGET_EXPORT_S
        print(f"export archive under {TARGET_EXPORT_S:.0f} s: {'yes' if ok else 'NO'}")
        return 0 if ok else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _other_exports(services: Services, scratch: Path, runs: int) -> dict[str, float]:
    return {
        "export markdown": _median(
            runs, lambda run: MarkdownExport(services).write(scratch / f"markdown-{run}")
        ),
        "export vcard": _median(
            runs, lambda run: VCardExport(services).write(scratch / "mentors.vcf")
        ),
    }


if __name__ == "__main__":
    sys.exit(main())
