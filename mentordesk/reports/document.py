"""One PDF: the writer with its paper and metadata, the title block, the running header and
the footer (page X of Y, date of generation), and the pages of a flow painted on it.

The PDF is written to memory (``render`` returns its bytes): the GUI previews exactly those
bytes and saves them, the command line writes them, each through ``write_atomically``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from mentordesk import APP_NAME, __version__
from mentordesk.domain.settings import PaperSize
from mentordesk.reports.layout import RULE, Flow, Style, paginate, report_font

RESOLUTION = 1200  # device units per inch; lengths are given in points and converted
MARGIN_POINTS = 54.0  # 3/4 inch around the text
HEADER_POINTS = 20.0
FOOTER_POINTS = 22.0

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ReportCancelled(Exception):
    """The person cancelled: nothing is written."""


def page_size(paper: PaperSize) -> QPageSize:
    return QPageSize(
        QPageSize.PageSizeId.Letter if paper is PaperSize.LETTER else QPageSize.PageSizeId.A4
    )


class ReportDocument:
    """Build the body with ``flow``, then ``render``. ``name`` is the running header's text."""

    def __init__(
        self,
        name: str,
        title: str,
        *,
        paper: PaperSize,
        author: str = "",
        generated_at: datetime | None = None,
    ) -> None:
        self.name = name
        self.title = title
        self.generated_at = (generated_at or datetime.now().astimezone()).replace(microsecond=0)
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(self._buffer)
        writer.setResolution(RESOLUTION)
        writer.setPageSize(page_size(paper))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        writer.setTitle(title)
        writer.setAuthor(author)
        writer.setCreator(f"{APP_NAME} {__version__}")
        self.writer = writer
        self.pt = RESOLUTION / 72.0
        self.page_width = float(writer.width())
        self.page_height = float(writer.height())
        self.margin = MARGIN_POINTS * self.pt
        self.body_top = self.margin + HEADER_POINTS * self.pt
        self.body_height = self.page_height - self.body_top - self.margin - FOOTER_POINTS * self.pt
        self.page_count = 0
        self.flow = Flow(writer, self.page_width - 2 * self.margin, self.body_height)

    def title_block(self, subtitle_lines: list[str]) -> None:
        """The report's title, what it covers and when it was made, at the top of page 1."""
        flow = self.flow
        flow.paragraph(self.title, flow.headings[1])
        for line in subtitle_lines:
            flow.paragraph(line, Style(report_font(10.5)))
        flow.paragraph(
            f"Generated {self.generated_at:%Y-%m-%d %H:%M} with {APP_NAME} {__version__}",
            flow.small,
        )
        flow.space(6)

    def render(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
        """Lay out the pages and paint them; the PDF's bytes. ``progress(page, pages)``;
        ``cancelled()`` true stops with ReportCancelled."""
        pages = paginate(self.flow.slices, self.body_height)
        self.page_count = len(pages)
        painter = QPainter()
        if not painter.begin(self.writer):
            raise OSError("The PDF could not be started.")
        try:
            for number, page in enumerate(pages, 1):
                if cancelled is not None and cancelled():
                    raise ReportCancelled
                if number > 1:
                    self.writer.newPage()
                self._frame(painter, number, len(pages))
                for placed in page.placed:
                    placed.slice.paint(painter, self.margin, self.body_top + placed.top)
                if progress is not None:
                    progress(number, len(pages))
        finally:
            painter.end()
        self._buffer.close()
        return bytes(self._buffer.data().data())

    def _frame(self, painter: QPainter, number: int, total: int) -> None:
        """The running header (report name) and the footer (generated on, page X of Y)."""
        flow, pt = self.flow, self.pt
        width = flow.width
        left = self.margin
        header = flow.box(self.name, flow.small, width * 0.6)
        header.draw(painter, left, self.margin)
        rule_y = self.margin + 12 * pt
        painter.setPen(QPen(RULE, 0.5 * pt))
        painter.drawLine(QPointF(left, rule_y), QPointF(left + width, rule_y))
        footer_top = self.page_height - self.margin - 10 * pt
        painter.drawLine(
            QPointF(left, footer_top - 4 * pt), QPointF(left + width, footer_top - 4 * pt)
        )
        generated = flow.box(f"Generated {self.generated_at:%Y-%m-%d}", flow.small, width / 2)
        generated.draw(painter, left, footer_top)
        text = f"Page {number} of {total}"
        page_box = flow.box(text, flow.small, width / 2)
        advance = page_box.layout.lineAt(0).naturalTextWidth()
        page_box.draw(painter, left + width - advance, footer_top)
