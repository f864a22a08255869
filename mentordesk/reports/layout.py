"""The flow of a report: headings, paragraphs, tables and charts cut into slices that a
page can hold, then placed on pages.

Every text is laid out with ``QTextLayout`` as plain text (never HTML), so what a person
typed is printed as typed: a note holding ``<b>`` shows those three characters. A slice is
one line of a paragraph, one row (or part of a tall row) of a table, or one chart; the
paginator keeps a heading with what follows it and repeats a table's header row on every
page the table reaches. Lengths are in the writer's device units.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

Paint = Callable[[QPainter, float, float], None]  # painter, left, top

INK = QColor(30, 30, 30)
MUTED = QColor(95, 95, 95)
RULE = QColor(190, 190, 190)
HEADER_FILL = QColor(232, 236, 241)
ACCENT = QColor(31, 78, 121)
FAMILIES = ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]


def report_font(points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _is_right_to_left(text: str) -> bool:
    """Whether the first strongly directed character is right-to-left (Arabic, Hebrew)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class Style:
    """A font, a colour and the line spacing."""

    def __init__(self, font: QFont, color: QColor = INK, line_spacing: float = 1.18) -> None:
        self.font = font
        self.color = color
        self.line_spacing = line_spacing


class TextBox:
    """A plain text laid out at a width: its lines, each with its top and height."""

    def __init__(self, text: str, style: Style, width: float, device: QPagedPaintDevice) -> None:
        # A newline becomes Qt's line separator, so a multi-line note keeps its lines.
        plain = text.replace("\r\n", "\n").replace("\n", "\u2028")
        self.layout = QTextLayout(plain, style.font, device)
        self.layout.setCacheEnabled(True)
        self.color = style.color
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if _is_right_to_left(text):
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        self.layout.setTextOption(option)
        self.tops: list[float] = []
        self.heights: list[float] = []
        y = 0.0
        self.layout.beginLayout()
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            self.tops.append(y)
            step = line.height() * style.line_spacing
            self.heights.append(step)
            y += step
        self.layout.endLayout()

    @property
    def line_count(self) -> int:
        return len(self.tops)

    def span(self, start: int, stop: int) -> float:
        """Height of lines ``start`` to ``stop`` (exclusive)."""
        return sum(self.heights[start:stop])

    def lines_fitting(self, start: int, height: float) -> int:
        """How many lines from ``start`` fit in ``height`` (at least one, when any are left)."""
        used, count = 0.0, 0
        for h in self.heights[start:]:
            if count and used + h > height:
                break
            used += h
            count += 1
        return count

    def draw(self, painter: QPainter, x: float, y: float, start: int = 0, stop: int = -1) -> None:
        stop = self.line_count if stop < 0 else stop
        if start >= stop:
            return
        painter.setPen(self.color)
        shift = y - self.tops[start]
        for index in range(start, stop):
            self.layout.lineAt(index).draw(painter, QPointF(x, shift))


@dataclass
class Slice:
    """A piece of the flow no page break may cut."""

    height: float
    paint: Paint
    keep_with_next: bool = False
    space_before: float = 0.0  # dropped at the top of a page
    header: Slice | None = None  # a table row's header, repeated on a page it starts


@dataclass
class Column:
    title: str
    weight: float = 1.0


@dataclass
class Placed:
    slice: Slice
    top: float


@dataclass
class Page:
    placed: list[Placed] = field(default_factory=list)


class Flow:
    """Builds the slices of a report's body, ``width`` wide, measuring on ``device``."""

    def __init__(self, device: QPagedPaintDevice, width: float, body_height: float) -> None:
        self.device = device
        self.width = width
        self.body_height = body_height
        self.pt = device.logicalDpiY() / 72.0  # device units per point
        self.slices: list[Slice] = []
        self.body = Style(report_font(9.5))
        self.small = Style(report_font(8), MUTED)
        self.bold = Style(report_font(9.5, bold=True))
        self.label = Style(report_font(8.5, bold=True), MUTED)
        self.headings = {
            1: Style(report_font(15, bold=True), ACCENT),
            2: Style(report_font(12, bold=True), ACCENT),
            3: Style(report_font(10.5, bold=True)),
        }

    def box(self, text: str, style: Style, width: float | None = None) -> TextBox:
        return TextBox(text, style, self.width if width is None else width, self.device)

    # --- blocks ----------------------------------------------------------------------

    def space(self, points: float) -> None:
        """Vertical space before the next slice (none at the top of a page)."""
        if self.slices:
            self.slices[-1] = _with_space_after(self.slices[-1], points * self.pt)

    def heading(self, text: str, level: int = 2) -> None:
        before = {1: 14.0, 2: 12.0, 3: 8.0}[level] * self.pt
        box = self.box(text, self.headings[level])
        rule = level <= 2
        height = box.span(0, box.line_count) + (3 * self.pt if rule else 0)

        def paint(painter: QPainter, x: float, y: float) -> None:
            box.draw(painter, x, y)
            if rule:
                painter.setPen(QPen(RULE, 0.6 * self.pt))
                bottom = y + height - 1.5 * self.pt
                painter.drawLine(QPointF(x, bottom), QPointF(x + self.width, bottom))

        self.slices.append(Slice(height + 2 * self.pt, paint, True, before))

    def paragraph(self, text: str, style: Style | None = None, indent: float = 0) -> None:
        """A text of any length, cut between its lines."""
        box = self.box(text, style or self.body, self.width - indent * self.pt)
        x_shift = indent * self.pt
        first = True
        for index in range(box.line_count):

            def paint(painter: QPainter, x: float, y: float, i: int = index) -> None:
                box.draw(painter, x + x_shift, y, i, i + 1)

            space = 3 * self.pt if first else 0.0
            self.slices.append(Slice(box.heights[index], paint, False, space))
            first = False

    def note(self, text: str) -> None:
        """A muted line saying what is not there ("No meetings in this range.")."""
        self.paragraph(text, Style(report_font(9, italic=True), MUTED))

    def bullets(self, items: Sequence[str], style: Style | None = None) -> None:
        for item in items:
            start = len(self.slices)
            self.paragraph(item, style, indent=11)
            bullet = self.box("•", style or self.body, 10 * self.pt)
            first = self.slices[start]
            original = first.paint

            def paint(
                painter: QPainter,
                x: float,
                y: float,
                draw: Paint = original,
                bullet: TextBox = bullet,
            ) -> None:
                bullet.draw(painter, x + 2 * self.pt, y)
                draw(painter, x, y)

            self.slices[start] = Slice(first.height, paint, False, 1.5 * self.pt)

    def fields(self, pairs: Sequence[tuple[str, str]], label_share: float = 0.26) -> None:
        """Label and value side by side, one pair a row; pairs with no value are left out."""
        shown = [(label, value) for label, value in pairs if value.strip()]
        columns = [Column("", label_share), Column("", 1 - label_share)]
        self.table(columns, [list(pair) for pair in shown], header=False, ruled=False)

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        header: bool = True,
        ruled: bool = True,
        bold_first: bool = False,
    ) -> None:
        """Rows of plain-text cells; a row taller than a page continues on the next."""
        pt = self.pt
        pad_x, pad_y = 3 * pt, 2.2 * pt
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        lefts = [sum(widths[:i]) for i in range(len(widths))]
        head: Slice | None = None
        if header:
            boxes = [
                self.box(c.title, self.label, w - 2 * pad_x)
                for c, w in zip(columns, widths, strict=True)
            ]
            h = max(b.span(0, b.line_count) for b in boxes) + 2 * pad_y

            cells = [(box, left, 0, box.line_count) for box, left in zip(boxes, lefts, strict=True)]
            paint_head = _Cells(cells, self.width, h, pad_x, pad_y, fill=True)
            head = Slice(h, paint_head, True, 4 * pt)
            self.slices.append(head)
        limit = self.body_height - (head.height if head else 0) - 2 * pad_y - 1
        for row in rows:
            styles = [
                self.bold if (bold_first and i == 0) or (not header and i == 0) else self.body
                for i in range(len(columns))
            ]
            if not header:
                styles[0] = self.label
            boxes = [
                self.box(text, style, w - 2 * pad_x)
                for text, style, w in zip(row, styles, widths, strict=True)
            ]
            starts = [0] * len(boxes)
            first_piece = True
            while first_piece or any(s < b.line_count for s, b in zip(starts, boxes, strict=True)):
                stops = [s + b.lines_fitting(s, limit) for s, b in zip(starts, boxes, strict=True)]
                content = max(b.span(s, e) for b, s, e in zip(boxes, starts, stops, strict=True))
                h = content + 2 * pad_y
                last = all(e >= b.line_count for e, b in zip(stops, boxes, strict=True))

                paint_row = _Cells(
                    list(zip(boxes, lefts, starts, stops, strict=True)),
                    self.width,
                    h,
                    pad_x,
                    pad_y,
                    rule_below=last and ruled,
                )
                self.slices.append(Slice(h, paint_row, False, 0.0, head))
                starts, first_piece = stops, False

    def chart(self, height_points: float, paint: Callable[[QPainter, QRectF], None]) -> None:
        """A drawing ``height_points`` tall across the width, painted straight into the PDF
        (vector: lines, shapes and real text)."""
        height = height_points * self.pt

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.save()
            paint(painter, QRectF(x, y, self.width, height))
            painter.restore()

        self.slices.append(Slice(height, draw, False, 6 * self.pt))

    def writing_space(self, lines: int) -> None:
        """Ruled lines to write on by hand."""
        gap = 17 * self.pt

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.setPen(QPen(RULE, 0.5 * self.pt, Qt.PenStyle.DotLine))
            for i in range(1, lines + 1):
                painter.drawLine(
                    QPointF(x + 11 * self.pt, y + i * gap), QPointF(x + self.width, y + i * gap)
                )

        self.slices.append(Slice(lines * gap + 3 * self.pt, draw, False, 0))


class _Cells:
    """Paints a table row (or a piece of a tall one): lines ``start`` to ``stop`` of each
    cell's text, at its column; a header row on its fill, a body row over its rule."""

    def __init__(
        self,
        cells: list[tuple[TextBox, float, int, int]],
        width: float,
        height: float,
        pad_x: float,
        pad_y: float,
        *,
        fill: bool = False,
        rule_below: bool = False,
    ) -> None:
        self.cells = cells
        self.width, self.height = width, height
        self.pad_x, self.pad_y = pad_x, pad_y
        self.fill, self.rule_below = fill, rule_below

    def __call__(self, painter: QPainter, x: float, y: float) -> None:
        if self.fill:
            painter.fillRect(QRectF(x, y, self.width, self.height), HEADER_FILL)
        for box, left, start, stop in self.cells:
            box.draw(painter, x + left + self.pad_x, y + self.pad_y, start, stop)
        if self.rule_below:
            pt = painter.device().logicalDpiY() / 72.0
            painter.setPen(QPen(RULE, 0.4 * pt))
            bottom = y + self.height
            painter.drawLine(QPointF(x, bottom), QPointF(x + self.width, bottom))


def _with_space_after(slice_: Slice, space: float) -> Slice:
    """The same slice followed by ``space`` (kept as extra height, dropped if nothing fits)."""
    return Slice(
        slice_.height + space,
        slice_.paint,
        slice_.keep_with_next,
        slice_.space_before,
        slice_.header,
    )


def paginate(slices: Sequence[Slice], body_height: float) -> list[Page]:
    """Place slices on pages: a heading (and a table header) goes to the next page unless
    what it keeps with fits after it; a table continued on a new page repeats its header."""
    pages = [Page()]
    y = 0.0

    def new_page() -> None:
        nonlocal y
        pages.append(Page())
        y = 0.0

    def place(item: Slice) -> None:
        nonlocal y
        space = item.space_before if y > 0 else 0.0
        if y > 0 and y + space + item.height > body_height:
            new_page()
            space = 0.0
        if y == 0 and item.header is not None and pages[-1].placed == []:
            pages[-1].placed.append(Placed(item.header, 0.0))
            y = item.header.height
        pages[-1].placed.append(Placed(item, y + space))
        y += space + item.height

    index = 0
    while index < len(slices):
        end = index
        while end < len(slices) - 1 and slices[end].keep_with_next:
            end += 1
        group = slices[index : end + 1]
        needed = sum(s.height for s in group) + (group[0].space_before if y > 0 else 0)
        if y > 0 and y + needed > body_height and needed <= body_height:
            new_page()
        for item in group:
            place(item)
        index = end + 1
    return pages
