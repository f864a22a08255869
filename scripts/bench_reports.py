"""Time the PDF reports on the decade sample: the busiest mentor's relationship summary
(target under 1 s) and the ten-year growth review (under 5 s), with their page counts.

    .venv/bin/python scripts/bench_reports.py [--data-dir DIR] [--runs N]

Without --data-dir, the decade sample is made in a temporary folder first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QGuiApplication

from mentordesk.paths import DataLocation
from mentordesk.reports import ReportKind, ReportRequest, generate
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QGuiApplication([])  # noqa: F841 - fonts need an application
    folder = args.data_dir or Path(tempfile.mkdtemp()) / "data"
    services = Services.open(DataLocation(folder))
    if services.mentors.count() == 0:
        load_sample_data(services, SampleSize.DECADE)
    meetings = services.meetings.between()
    busiest, count = Counter(i for m in meetings for i in m.mentor_ids).most_common(1)[0]
    last = max(m.local_day() for m in meetings)
    start = date(last.year - 9, 1, 1)
    cases = [
        (
            f"summary of the busiest mentor ({count} meetings)",
            ReportRequest(ReportKind.SUMMARY, (busiest,)),
            1.0,
        ),
        (
            f"growth review {start} to {date(last.year, 12, 31)}",
            ReportRequest(ReportKind.GROWTH, start=start, end=date(last.year, 12, 31)),
            5.0,
        ),
    ]
    failed = False
    for name, request, target in cases:
        times, pages = [], 0
        for _ in range(args.runs):
            began = time.perf_counter()
            report = generate(services, request)
            times.append(time.perf_counter() - began)
            pages = report.pages
        median = statistics.median(times)
        verdict = "ok" if median < target else "SLOW"
        failed |= median >= target
        print(
            f"{name}: median {median:.2f} s (min {min(times):.2f}, max {max(times):.2f}, "
            f"{args.runs} runs), {pages} pages, {len(report.data) / 1e6:.1f} MB; "
            f"target < {target:.0f} s: {verdict}"
        )
    services.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
