#!/usr/bin/env python3
"""Measure how fast searching everything written answers, on the decade sample data.

    python scripts/bench_search.py [--runs N] [--data-dir DIR] [--size decade|huge]

A measurement, not a test: it prints figures and exits 0 either way. The data is the
"decade" sample set, generated into a temporary data folder (about half a minute) that is
removed afterwards; ``--data-dir`` searches a data folder that already holds it instead.

Each query runs as the search popup runs it: ``services.search.find(text)`` (five hits a
kind: count the matches of every kind, read the best (or newest) hits with their
snippets, then their dates and mentors), one untimed warm-up, then N timed runs with
``time.perf_counter``. The queries are what a person types on the way to a word (one
letter, two, three), common and rare words, names, an accent-free spelling, several
words and phrases. For each it prints the matches found, the median and the worst run
(wall clock) and the median CPU time the search took (``time.thread_time``: what other busy
processes on the machine do not lengthen); then the median and the worst over every run of
every query, against the targets, and the load average while measuring.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize

MEDIAN_TARGET_MS = 20.0
WORST_TARGET_MS = 50.0

# What was typed, its label, how many records match, the wall-clock and the CPU times.
Row = tuple[str, str, int, list[float], list[float]]

QUERIES: list[tuple[str, str]] = [
    ("one letter", "a"),
    ("one letter", "t"),
    ("one letter", "m"),
    ("two letters", "th"),
    ("two letters", "fe"),
    ("two letters", "pr"),
    ("three letters", "the"),
    ("three letters", "lea"),
    ("common word", "feedback"),
    ("common word", "meeting"),
    ("common word", "career"),
    ("common word", "leadership"),
    ("rare word", "kubernetes"),
    ("rare word", "promotion"),
    ("rare word", "salary"),
    ("no match", "zyzzyva"),
    ("name", "amara"),
    ("no accents", "ayse"),
    ("two words", "engineering leadership"),
    ("two prefixes", "eng lea"),
    ("phrase", '"clarity is a kindness"'),
    ("phrase", '"next career step"'),
    ("phrase being typed", '"make the wo'),
]


def _sample(root: Path, size: SampleSize) -> DataLocation:
    from benchmark import make_sample_data

    return make_sample_data(root, size)


def measure(services: Services, runs: int) -> list[Row]:
    rows = []
    for label, text in QUERIES:
        found = services.search.find(text)  # warm-up, untimed
        samples, cpu = [], []
        for _ in range(runs):
            started, used = time.perf_counter(), time.thread_time()
            services.search.find(text)
            samples.append((time.perf_counter() - started) * 1000.0)
            cpu.append((time.thread_time() - used) * 1000.0)
        rows.append((label, text, found.total, samples, cpu))
    return rows


def report(rows: list[Row]) -> None:
    print(
        f"{'query':<20} {'typed':<26} {'matches':>8}"
        f" {'median ms':>10} {'worst ms':>9} {'cpu ms':>7}"
    )
    for label, text, total, samples, cpu in rows:
        print(
            f"{label:<20} {text:<26} {total:>8} {statistics.median(samples):>10.2f}"
            f" {max(samples):>9.2f} {statistics.median(cpu):>7.2f}"
        )
    every = [sample for row in rows for sample in row[3]]
    median, worst = statistics.median(every), max(every)
    worst_median = max(statistics.median(row[3]) for row in rows)
    print()
    print(f"every run ({len(every)}): median {median:.2f} ms, worst {worst:.2f} ms")
    print(f"slowest query's median: {worst_median:.2f} ms")
    if hasattr(os, "getloadavg"):
        # Another busy process makes a wall-clock time longer, not the CPU time it took.
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    print(
        f"targets: median under {MEDIAN_TARGET_MS:.0f} ms"
        f" ({'met' if worst_median < MEDIAN_TARGET_MS else 'MISSED'} for every query),"
        f" worst under {WORST_TARGET_MS:.0f} ms ({'met' if worst < WORST_TARGET_MS else 'MISSED'})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--size", choices=["decade", "huge"], default="decade")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.data_dir is not None:
            location = DataLocation(args.data_dir)
        else:
            location = _sample(Path(folder) / "data", SampleSize(args.size))
        services = Services.open(location)
        try:
            indexed = services.search.indexed()
            print(f"Searching {indexed} indexed records, {args.runs} runs a query…")
            report(measure(services, args.runs))
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
