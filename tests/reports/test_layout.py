"""The paginator: headings stay with what follows, tables repeat their header, tall rows
and long paragraphs continue on the next page instead of being cut off."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter

from mentordesk.reports.layout import Column, Flow, paginate


def _flow() -> tuple[Flow, QBuffer]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)
    pt = 1200 / 72
    return Flow(writer, 480 * pt, 700 * pt), buffer


def test_table_header_repeats_on_every_page_it_reaches() -> None:
    flow, _ = _flow()
    flow.heading("Meetings")
    flow.table([Column("Date"), Column("What", 3)], [[f"row {i}", "x " * 30] for i in range(300)])
    header = flow.slices[1]
    pages = paginate(flow.slices, flow.body_height)
    assert len(pages) > 3
    assert pages[0].placed[0].slice is flow.slices[0]  # the heading
    assert pages[0].placed[1].slice is header
    for page in pages[1:]:
        assert page.placed[0].slice is header
        assert page.placed[0].top == 0
    for page in pages:
        bottom = max(p.top + p.slice.height for p in page.placed)
        assert bottom <= flow.body_height + 1


def test_a_heading_never_ends_a_page() -> None:
    flow, _ = _flow()
    headings = []
    for section in range(40):
        flow.heading(f"Section {section}")
        headings.append(flow.slices[-1])
        flow.paragraph("words " * (20 + section * 7))
    pages = paginate(flow.slices, flow.body_height)
    assert len(pages) > 2
    for page in pages:
        assert page.placed[-1].slice not in headings


def test_a_row_taller_than_a_page_continues_on_the_next() -> None:
    flow, _ = _flow()
    long_note = "\n".join(f"line {i}" for i in range(400))
    flow.table([Column("Date"), Column("Note", 3)], [["2024-01-01", long_note]])
    pages = paginate(flow.slices, flow.body_height)
    assert len(pages) >= 4
    pieces = flow.slices[1:]  # after the header: the one row, in pieces a page can hold
    assert len(pieces) >= 4
    assert all(piece.height <= flow.body_height for piece in pieces)
    assert all(piece.header is flow.slices[0] for piece in pieces)
