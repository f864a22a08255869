#!/usr/bin/env python3
"""Time the Timeline on sample data: opening it, scrolling the feed, zooming, the year in
review.

    python scripts/bench_timeline.py [--sizes decade,huge] [--runs N] [--data-dir DIR]

Each size's sample set is generated into a temporary folder (the huge one takes about a
minute), unless ``--data-dir`` names a folder that already holds one. Prints the median and
the worst of: opening the view (built, attached, shown and painted), one page step of the
feed from top to bottom (each step repainted), one zoom step of the overview (repainted),
and switching the year in review.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data
from mentordesk.ui.app import create_application
from mentordesk.ui.common.data_bus import DataBus
from mentordesk.ui.timeline import TimelineView


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


def report(name: str, samples: list[float]) -> None:
    print(
        f"  {name:<34} median {statistics.median(samples):7.1f} ms"
        f"   max {max(samples):7.1f} ms   (n={len(samples)})"
    )


def measure(services: Services, runs: int) -> None:
    opening: list[float] = []
    view: TimelineView | None = None
    for _ in range(runs):
        if view is not None:
            view.close()
            view.deleteLater()
            QApplication.processEvents()

        def open_view() -> TimelineView:
            made = TimelineView(DataBus())
            made.resize(1280, 800)
            made.attach(services)
            made.show()
            made.repaint()
            return made

        start = time.perf_counter()
        view = open_view()
        QApplication.processEvents()
        opening.append((time.perf_counter() - start) * 1000)
    assert view is not None
    report("open (build, attach, show, paint)", opening)
    feed = view.feed
    bar = feed.verticalScrollBar()
    steps: list[float] = []
    while bar.value() < bar.maximum():
        steps.append(
            timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), feed.viewport().repaint()))
        )
    report(f"feed page step ({view.model.rowCount():,} rows)", steps)
    print(f"    entries read while scrolling: {view.model.rows_fetched:,}")
    zooms = [
        timed(lambda: (view.overview.zoom(1.25), view.overview.viewport().repaint()))
        for _ in range(16)
    ]
    zooms += [
        timed(lambda: (view.overview.zoom(0.8), view.overview.viewport().repaint()))
        for _ in range(16)
    ]
    report("overview zoom step", zooms)
    panel = view.review_panel
    years = [
        timed(lambda: (panel.step(1), panel.repaint())) for _ in range(panel.year_combo.count() - 1)
    ]
    report("year in review, next year", years or [0.0])
    view.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sizes", default="decade")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data-dir", type=Path, help="a folder already holding sample data")
    args = parser.parse_args()
    create_application()
    if args.data_dir:
        services = Services.open(DataLocation(args.data_dir))
        print(f"{args.data_dir}:")
        measure(services, args.runs)
        services.close()
        return 0
    for size in args.sizes.split(","):
        with tempfile.TemporaryDirectory() as folder:
            services = Services.open(DataLocation(Path(folder)))
            start = time.perf_counter()
            load_sample_data(services, SampleSize(size))
            print(f"{size} (generated in {time.perf_counter() - start:.0f} s):")
            measure(services, args.runs)
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
