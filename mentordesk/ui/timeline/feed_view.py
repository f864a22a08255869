"""The feed's list: period headers and entries painted by one delegate, every row the same
height.

A one-column QTableView with fixed row heights rather than a QListView: a list view lays
out every row on each reset and resize (asking the model about each of them, a Python call
a row: a fifth of a second for the 160,000 rows of twenty busy years), where a table's
fixed-height rows cost nothing until painted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mentordesk.domain.timeline import Period, TimelineEntry
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.roles import ObjectRole
from mentordesk.ui.common.style import Space, TypeScale, colors
from mentordesk.ui.timeline.feed_model import FeedModel
from mentordesk.ui.timeline.texts import (
    KIND_ICONS,
    entries_count,
    entry_detail,
    entry_title,
    kind_label,
    period_label,
)

ICON = 18

Index = QModelIndex | QPersistentModelIndex


class FeedDelegate(QStyledItemDelegate):
    def __init__(self, model: FeedModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    @staticmethod
    def row_height(font: QFont) -> int:
        return 2 * QFontMetrics(font).height() + Space.M + Space.XS

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, self.row_height(option.font))

    def _date_width(self, metrics: QFontMetrics) -> int:
        return metrics.horizontalAdvance("00 Sep. 0000") + Space.M

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(ObjectRole)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = QFont(option.font)
        painter.save()
        if isinstance(item, Period):
            self._paint_header(painter, rect, palette, font, item, index.row())
        else:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            if selected:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            elif index.row() % 2:
                painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
            if isinstance(item, TimelineEntry):
                self._paint_entry(painter, rect, palette, font, item, selected)
            if option.state & QStyle.StateFlag.State_HasFocus:
                pen = painter.pen()
                pen.setColor(palette.color(QPalette.ColorRole.Highlight).lighter(130))
                pen.setWidth(2)
                painter.setPen(pen)
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    def _paint_header(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        font: QFont,
        period: Period,
        row: int,
    ) -> None:
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        heading = QFont(font)
        heading.setPointSizeF(font.pointSizeF() * TypeScale.HEADING)
        heading.setWeight(QFont.Weight.DemiBold)
        painter.setFont(heading)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = rect.adjusted(Space.M, Space.XS, -Space.M, -Space.XS)
        title = period_label(period, self._model.grouping)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )
        advance = QFontMetrics(heading).horizontalAdvance(title)
        painter.setFont(font)
        painter.setPen(colors().muted)
        painter.drawText(
            text_rect.adjusted(advance + Space.M, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            entries_count(self._model.header_count(row)),
        )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())

    def _paint_entry(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        font: QFont,
        entry: TimelineEntry,
        selected: bool,
    ) -> None:
        metrics = QFontMetrics(font)
        line = metrics.height()
        top = rect.top() + Space.S // 2 + Space.XS // 2
        text = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text if selected else colors().muted
        left = rect.left() + Space.M
        date_width = self._date_width(metrics)
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(
            QRect(left, top, date_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            format_date(entry.day),
        )
        left += date_width
        name, semantic = KIND_ICONS[entry.kind]
        glyph = icon(name, "" if selected else semantic)
        glyph.paint(
            painter,
            QRect(left, top + (line - ICON) // 2, ICON, ICON),
            mode=glyph.Mode.Selected if selected else glyph.Mode.Normal,
        )
        left += ICON + Space.S
        width = rect.right() - Space.M - left
        kind = kind_label(entry.kind)
        kind_width = min(metrics.horizontalAdvance(kind) + Space.M, width // 3)
        painter.setPen(muted)
        painter.drawText(
            QRect(left, top, kind_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(kind, Qt.TextElideMode.ElideRight, kind_width - Space.S),
        )
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(text)
        title_width = width - kind_width
        painter.drawText(
            QRect(left + kind_width, top, title_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_metrics.elidedText(entry_title(entry), Qt.TextElideMode.ElideRight, title_width),
        )
        detail = entry_detail(entry)
        if detail:
            painter.setFont(font)
            painter.setPen(muted)
            painter.drawText(
                QRect(left, top + line, width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
            )


class FeedList(QTableView):
    """The feed; Enter or a double click opens the entry (``entry_activated``)."""

    entry_activated = Signal(object)  # TimelineEntry

    def __init__(self, model: FeedModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineFeed")
        self.setModel(model)
        self.setItemDelegate(FeedDelegate(model, self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_rows()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.doubleClicked.connect(self._activate)

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(FeedDelegate.row_height(self.font()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex) -> None:
        item = index.data(ObjectRole)
        if isinstance(item, TimelineEntry):
            self.entry_activated.emit(item)
