"""Paints the search results: a group's header (icon, kind, count) and each hit in two lines,
its title above a snippet, the words that matched in bold, the date and mentors at the
right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mentordesk.domain.search import SearchHit, marked_runs
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.common.style import Space, TypeScale, colors
from mentordesk.ui.search.model import ICONS, Header, count_text, kind_title

Index = QModelIndex | QPersistentModelIndex
ICON_SIZE = 16
# The date and mentors take at most this share of a hit's width.
RIGHT_SHARE = 0.34


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.Bold)
    return bold


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * TypeScale.SMALL)
    return small


def draw_runs(
    painter: QPainter,
    rect: QRect,
    text: str,
    font: QFont,
    plain_color: QColor,
    match_color: QColor,
) -> None:
    """``text`` on one line in ``rect``, its marked runs in bold, cut with "…" at the end."""
    x = rect.left()
    right = rect.right()
    for run, matched in marked_runs(text):
        run_font = _bold(font) if matched else font
        metrics = QFontMetrics(run_font)
        width = metrics.horizontalAdvance(run)
        room = right - x
        if width > room:  # cut here (without the snippet's own "…", or it would show two)
            run = metrics.elidedText(run.rstrip("…"), Qt.TextElideMode.ElideRight, max(room, 0))
            width = metrics.horizontalAdvance(run)
        painter.setFont(run_font)
        painter.setPen(match_color if matched else plain_color)
        painter.drawText(
            QRect(x, rect.top(), width + 1, rect.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            run,
        )
        x += width
        if x >= right:
            break


class SearchResultDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        row = index.data(ObjectRole)
        if isinstance(row, Header):
            height = QFontMetrics(_small(option.font)).height() + Space.M + Space.XS
            return QSize(0, max(height, ICON_SIZE + Space.M))
        lines = 2 if isinstance(row, SearchHit) and row.title and row.snippet else 1
        return QSize(0, lines * metrics.lineSpacing() + Space.S + Space.XS * (lines - 1) + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(ObjectRole)
        painter.save()
        try:
            if isinstance(row, Header):
                self._paint_header(painter, option, row)
            elif isinstance(row, SearchHit):
                self._paint_hit(painter, option, index, row)
        finally:
            painter.restore()

    def _paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, header: Header
    ) -> None:
        rect = option.rect.adjusted(Space.M, Space.XS, -Space.M, 0)
        palette = option.palette
        muted = colors().muted
        if option.rect.top() > 0:  # a rule between one group and the next
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(
                option.rect.left(), option.rect.top(), option.rect.right(), option.rect.top()
            )
        drawing = icon(ICONS[header.group.kind], "muted")
        icon_top = rect.top() + (rect.height() - ICON_SIZE) // 2
        drawing.paint(painter, QRect(rect.left(), icon_top, ICON_SIZE, ICON_SIZE))
        text_rect = rect.adjusted(ICON_SIZE + Space.S, 0, 0, 0)
        font = _bold(_small(option.font))
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        painter.setFont(font)
        painter.setPen(muted)
        align = int(Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(
            text_rect, align | int(Qt.AlignmentFlag.AlignLeft), kind_title(header.group.kind)
        )
        painter.setFont(_small(option.font))
        painter.drawText(
            text_rect, align | int(Qt.AlignmentFlag.AlignRight), count_text(header.group)
        )

    def _paint_hit(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, hit: SearchHit
    ) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        background.state &= ~QStyle.StateFlag.State_HasFocus
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else colors().muted
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        small = _small(font)
        rect = option.rect.adjusted(
            Space.M + ICON_SIZE + Space.S, Space.S // 2 + 1, -Space.M, -(Space.S // 2)
        )
        line = metrics.lineSpacing()
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        second = QRect(rect.left(), rect.top() + line + Space.XS, rect.width(), line)

        # The right column: the date above the mentors (or beside them on a one-line hit).
        date_text = format_date(hit.on)
        mentors = ", ".join(hit.mentors)
        two_lines = bool(hit.title and hit.snippet)
        small_metrics = QFontMetrics(small)
        limit = int(rect.width() * RIGHT_SHARE)
        if two_lines:
            right_texts = [date_text, mentors]
        else:
            right_texts = [" · ".join(part for part in (date_text, mentors) if part)]
        right_texts = [
            small_metrics.elidedText(text, Qt.TextElideMode.ElideRight, limit)
            for text in right_texts
        ]
        right_width = max(
            (small_metrics.horizontalAdvance(text) for text in right_texts), default=0
        )
        painter.setFont(small)
        painter.setPen(muted)
        align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for text, where in zip(right_texts, (first, second), strict=False):
            painter.drawText(where, align_right, text)
        gap = Space.M if right_width else 0
        first.setRight(first.right() - right_width - gap)
        second.setRight(second.right() - right_width - gap)

        if two_lines:
            draw_runs(painter, first, hit.title, font, text_color, text_color)
            draw_runs(painter, second, hit.snippet, font, muted, text_color)
        else:
            draw_runs(painter, first, hit.title or hit.snippet, font, text_color, text_color)
