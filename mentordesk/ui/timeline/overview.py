"""The overview across the years: each relationship a band from its start to its end (or
today) in its kind's colour, the days met as marks on it, goals achieved and skills that rose
as markers on a row of their own, under a year axis.

Drawn with QGraphicsView, zoomed by recomputing the items' geometry for a scale in pixels
per day rather than by scaling the view, so text and marks stay crisp at any zoom. The
wheel (with or without Ctrl) and + / - zoom around the pointer or the centre; the scroll
bar, the arrow keys and a sideways wheel move in time. A click on a band asks for the feed
of that mentor.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.timeline import Band, Marker, MarkKind, TimelineOverview
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.style import Space, colors

MAX_PX_PER_DAY = 40.0
ZOOM_STEP = 1.25
PAD = Space.M  # before the first day and after the last


def kind_color(kind: RelationshipKind) -> QColor:
    series = colors().series
    return series[list(RelationshipKind).index(kind) % len(series)]


def _palette() -> QPalette:
    return QApplication.palette()


class Scale:
    """Days to x and back, for the scale the overview is drawn at."""

    def __init__(self, origin: date, days: int) -> None:
        self.origin = origin
        self.days = max(1, days)
        self.px_per_day = 1.0

    def x(self, day: date) -> float:
        return PAD + (day - self.origin).days * self.px_per_day

    def day(self, x: float) -> date:
        offset = round((x - PAD) / self.px_per_day)
        return self.origin + timedelta(days=max(0, min(self.days, offset)))

    @property
    def width(self) -> float:
        return 2 * PAD + self.days * self.px_per_day


class _Item(QGraphicsItem):
    def __init__(self, overview: Overview) -> None:
        super().__init__()
        self.overview = overview

    def rescale(self) -> None:
        self.prepareGeometryChange()


class AxisItem(_Item):
    """Years (and months when there is room) along the top."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.overview.time_scale.width, self.overview.axis_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = self.overview.time_scale
        palette = _palette()
        rect = self.boundingRect()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        metrics = QFontMetrics(painter.font())
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(QPointF(0, rect.bottom()), QPointF(rect.right(), rect.bottom()))
        exposed: QRectF = option.exposedRect
        first = scale.day(exposed.left()).year
        last = scale.day(exposed.right()).year
        year_width = 365 * scale.px_per_day
        months = year_width >= 12 * (metrics.horizontalAdvance("Mmm") + Space.S)
        quarters = not months and year_width >= 4 * (metrics.horizontalAdvance("Q4") + Space.S)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = colors().muted
        for year in range(first, last + 1):
            x = scale.x(date(year, 1, 1))
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            painter.setPen(text)
            # The year of the left edge stays in sight when zoomed in.
            label_x = x
            shown_left = self.overview.visible_scene_rect().left()
            if year == scale.day(shown_left).year:
                end = scale.x(date(year + 1, 1, 1)) - metrics.horizontalAdvance("0000") - Space.S
                label_x = max(x, min(shown_left, end))
            painter.drawText(
                QRectF(label_x + Space.XS, rect.top(), year_width, rect.height() / 2 + Space.XS),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(year),
            )
            if not (months or quarters):
                continue
            step = 1 if months else 3
            painter.setPen(muted)
            for month in range(1 + step, 13, step):
                mx = scale.x(date(year, month, 1))
                painter.drawLine(QPointF(mx, rect.bottom() - Space.XS), QPointF(mx, rect.bottom()))
            for month in range(1, 13, step):
                mx = scale.x(date(year, month, 1))
                name = (
                    QLocale().monthName(month, QLocale.FormatType.ShortFormat)
                    if months
                    else f"Q{(month + 2) // 3}"
                )
                painter.drawText(
                    QRectF(
                        mx + 2, rect.center().y(), step * 30 * scale.px_per_day, rect.height() / 2
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    name,
                )


class MarkerRowItem(_Item):
    """Goals achieved (diamonds) and skills that rose (triangles), under the axis."""

    def __init__(self, overview: Overview, markers: tuple[Marker, ...]) -> None:
        super().__init__(overview)
        self.markers = markers
        self.days = [m.day for m in markers]
        self.setPos(0, overview.axis_height)
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.overview.time_scale.width, self.overview.row_height)

    def marker_at(self, x: float) -> Marker | None:
        """The marker drawn nearest to ``x`` (within its size), or None."""
        scale = self.overview.time_scale
        lo = bisect_left(self.days, scale.day(x - 6))
        hi = bisect_right(self.days, scale.day(x + 6))
        near = [m for m in self.markers[lo:hi] if abs(scale.x(m.day) - x) <= 6]
        return min(near, key=lambda m: abs(scale.x(m.day) - x)) if near else None

    @staticmethod
    def tip(marker: Marker) -> str:
        what = (
            QApplication.translate("timeline", "Goal achieved: {name}")
            if marker.kind is MarkKind.GOAL_ACHIEVED
            else QApplication.translate("timeline", "Skill rose: {name}")
        )
        return f"{what.format(name=marker.label)}\n{format_date(marker.day)}"

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        marker = self.marker_at(event.pos().x())
        self.setToolTip(self.tip(marker) if marker else "")
        self.setCursor(Qt.CursorShape.PointingHandCursor if marker else Qt.CursorShape.ArrowCursor)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = self.overview.time_scale
        height = self.overview.row_height
        exposed: QRectF = option.exposedRect
        lo = bisect_left(self.days, scale.day(exposed.left() - 8))
        hi = bisect_right(self.days, scale.day(exposed.right() + 8))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scheme = colors()
        r = min(5.0, height / 3)
        mid = height / 2
        for marker in self.markers[lo:hi]:
            x = scale.x(marker.day)
            path = QPainterPath()
            if marker.kind is MarkKind.GOAL_ACHIEVED:
                path.moveTo(x, mid - r)
                path.lineTo(x + r, mid)
                path.lineTo(x, mid + r)
                path.lineTo(x - r, mid)
                color = scheme.positive
            else:
                path.moveTo(x, mid - r)
                path.lineTo(x + r, mid + r * 0.8)
                path.lineTo(x - r, mid + r * 0.8)
                color = scheme.info
            path.closeSubpath()
            painter.fillPath(path, color)


class BandItem(_Item):
    """One relationship: its band, its meeting days, its name."""

    def __init__(
        self, overview: Overview, band: Band, meetings: tuple[date, ...], row: int
    ) -> None:
        super().__init__(overview)
        self.band = band
        self.meetings = meetings
        self.row = row
        self.selected = False
        self.setPos(0, overview.bands_top + row * overview.row_height)
        self.setToolTip(self._tip())
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _tip(self) -> str:
        band = self.band
        until = label(band.status) if band.ongoing else format_date(band.end)
        return f"{band.name} — {label(band.kind)}\n{format_date(band.start)} – {until}\n" + (
            QApplication.translate("timeline", "{n} meeting days").format(n=len(self.meetings))
        )

    def boundingRect(self) -> QRectF:
        scale = self.overview.time_scale
        left = scale.x(self.band.start)
        right = max(scale.x(self.band.end), left + 2)
        return QRectF(left, 0, right - left, self.overview.row_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scale = self.overview.time_scale
        rect = self.boundingRect().adjusted(0, 2, 0, -2)
        color = kind_color(self.band.kind)
        fill = QColor(color)
        fill.setAlphaF(0.28 if self.band.status is not MentorStatus.PAUSED else 0.14)
        painter.fillRect(rect, fill)
        palette = _palette()
        exposed: QRectF = option.exposedRect
        lo = bisect_left(self.meetings, scale.day(exposed.left() - 2))
        hi = bisect_right(self.meetings, scale.day(exposed.right() + 2))
        pen = QPen(color)
        pen.setWidthF(2.0 if scale.px_per_day >= 1 else 1.0)
        painter.setPen(pen)
        top, bottom = rect.top() + 1, rect.bottom() - 1
        for day in self.meetings[lo:hi]:
            x = scale.x(day) + 0.5
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        if self.selected:
            outline = QPen(palette.color(QPalette.ColorRole.Highlight))
            outline.setWidth(2)
            painter.setPen(outline)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        # The name where the band is in sight, on the palette's window colour to be read.
        visible = rect.intersected(self.overview.visible_scene_rect())
        metrics = QFontMetrics(painter.font())
        name = metrics.elidedText(
            self.band.name, Qt.TextElideMode.ElideRight, int(max(0, visible.width() - Space.S))
        )
        if name:
            width = metrics.horizontalAdvance(name) + Space.XS
            box = QRectF(visible.left() + Space.XS, rect.top() + 1, width, rect.height() - 2)
            back = QColor(palette.color(QPalette.ColorRole.Base))
            back.setAlphaF(0.82)
            painter.fillRect(box, back)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)


class TodayItem(_Item):
    def boundingRect(self) -> QRectF:
        x = self.overview.time_scale.x(self.overview.today)
        return QRectF(x - 1, 0, 2, self.overview.scene_height)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(colors().accent)
        pen.setWidth(1)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        x = self.overview.time_scale.x(self.overview.today)
        painter.drawLine(QPointF(x, 0), QPointF(x, self.overview.scene_height))


class Overview(QGraphicsView):
    band_clicked = Signal(int)  # mentor id
    marker_clicked = Signal(object)  # Marker: its goal or skill is opened
    clear_requested = Signal()  # Esc
    span_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineOverview")
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setAccessibleName(self.tr("Overview across the years"))
        self.today = date.today()
        self.time_scale = Scale(self.today.replace(month=1, day=1), 365)
        self._fitted = True
        self.bands: list[BandItem] = []
        self.markers: MarkerRowItem | None = None
        self._items: list[_Item] = []
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.span_changed.emit())

    # --- geometry ------------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return self.fontMetrics().height() + Space.XS

    @property
    def axis_height(self) -> int:
        return 2 * self.fontMetrics().height() + Space.XS

    @property
    def bands_top(self) -> int:
        return self.axis_height + self.row_height + Space.XS

    @property
    def scene_height(self) -> float:
        return self.bands_top + max(1, len(self.bands)) * self.row_height + Space.XS

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def visible_span(self) -> tuple[date, date]:
        rect = self.visible_scene_rect()
        return self.time_scale.day(rect.left()), self.time_scale.day(rect.right())

    def _fit_px(self) -> float:
        return max(0.02, (self.viewport().width() - 2 * PAD) / self.time_scale.days)

    # --- content -------------------------------------------------------------------------

    def set_overview(self, overview: TimelineOverview) -> None:
        scene = self.scene()
        scene.clear()
        self.today = overview.today
        start = date(overview.first_day.year, 1, 1)
        end = date(overview.last_day.year, 12, 31)
        old = self.visible_span() if not self._fitted else None
        self.time_scale = Scale(start, (end - start).days)
        selected = {b.band.mentor_id for b in self.bands if b.selected}
        self._items = [AxisItem(self)]
        self.markers = MarkerRowItem(self, overview.markers)
        self._items.append(self.markers)
        self.bands = [
            BandItem(self, band, overview.meeting_days.get(band.mentor_id, ()), row)
            for row, band in enumerate(overview.bands)
        ]
        for band in self.bands:
            band.selected = band.band.mentor_id in selected
        self._items += self.bands
        self._items.append(TodayItem(self))
        for item in self._items:
            scene.addItem(item)
        if old is None:
            self._set_px(self._fit_px())
        else:
            self._set_px(self.time_scale.px_per_day)
            self.horizontalScrollBar().setValue(int(self.time_scale.x(old[0])))

    def set_selected(self, mentor_id: int | None) -> None:
        for band in self.bands:
            band.selected = band.band.mentor_id == mentor_id
            band.update()

    # --- zoom ----------------------------------------------------------------------------

    def _set_px(self, px: float) -> None:
        self.time_scale.px_per_day = max(self._fit_px(), min(MAX_PX_PER_DAY, px))
        for item in self._items:
            item.rescale()
        self.scene().setSceneRect(QRectF(0, 0, self.time_scale.width, self.scene_height))
        self.viewport().update()
        self.span_changed.emit()

    def zoom(self, factor: float, anchor: float | None = None) -> None:
        """Scale time by ``factor`` keeping the day under ``anchor`` (viewport x; by
        default the centre) where it is."""
        if anchor is None:
            anchor = self.viewport().width() / 2
        scene_x = self.horizontalScrollBar().value() + anchor
        day_offset = (scene_x - PAD) / self.time_scale.px_per_day
        self._set_px(self.time_scale.px_per_day * factor)
        self._fitted = self.time_scale.px_per_day <= self._fit_px() + 1e-9
        self.horizontalScrollBar().setValue(
            round(PAD + day_offset * self.time_scale.px_per_day - anchor)
        )
        self.span_changed.emit()

    def fit(self) -> None:
        self._fitted = True
        self._set_px(self._fit_px())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self._set_px(self._fit_px())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if delta.x() and not delta.y():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # the bands up and down
            return
        steps = delta.y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps, event.position().x())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_Escape:
            self.clear_requested.emit()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.itemAt(event.position().toPoint())
            if isinstance(item, BandItem):
                self.band_clicked.emit(item.band.mentor_id)
                event.accept()
                return
            if isinstance(item, MarkerRowItem):
                at = item.mapFromScene(self.mapToScene(event.position().toPoint()))
                marker = item.marker_at(at.x())
                if marker is not None:
                    self.marker_clicked.emit(marker)
                    event.accept()
                    return
        super().mousePressEvent(event)

    def band_of(self, mentor_id: int) -> BandItem | None:
        return next((b for b in self.bands if b.band.mentor_id == mentor_id), None)


class Legend(QWidget):
    """What the overview's colours and shapes mean (painted, so it follows the scheme)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        self.kinds: list[RelationshipKind] = []
        self.setMinimumHeight(self.fontMetrics().height() + Space.XS)

    def set_kinds(self, kinds: list[RelationshipKind]) -> None:
        self.kinds = kinds
        self.update()

    def _entries(self) -> list[tuple[str, str]]:
        tr = QApplication.translate
        return [
            *((f"band:{k.value}", label(k)) for k in self.kinds),
            ("meeting", tr("timeline", "meeting held")),
            ("goal", tr("timeline", "goal achieved")),
            ("skill", tr("timeline", "skill rose")),
        ]

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        h = metrics.height()
        x = float(Space.M)
        mid = self.height() / 2
        scheme = colors()
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for key, caption in self._entries():
            r = h / 3
            if key.startswith("band:"):
                color = kind_color(RelationshipKind(key[5:]))
                fill = QColor(color)
                fill.setAlphaF(0.28)
                painter.fillRect(QRectF(x, mid - r, 2.4 * r, 2 * r), fill)
                painter.fillRect(QRectF(x + 1.2 * r - 1, mid - r, 2, 2 * r), color)
            elif key == "meeting":
                painter.fillRect(QRectF(x + 1.2 * r - 1, mid - r, 2, 2 * r), text)
            else:
                path = QPainterPath()
                if key == "goal":
                    path.moveTo(x + r, mid - r)
                    path.lineTo(x + 2 * r, mid)
                    path.lineTo(x + r, mid + r)
                    path.lineTo(x, mid)
                    color = scheme.positive
                else:
                    path.moveTo(x + r, mid - r)
                    path.lineTo(x + 2 * r, mid + r * 0.8)
                    path.lineTo(x, mid + r * 0.8)
                    color = scheme.info
                path.closeSubpath()
                painter.fillPath(path, color)
            x += 2.4 * r + Space.XS
            painter.setPen(text)
            width = metrics.horizontalAdvance(caption)
            painter.drawText(
                QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, caption
            )
            x += width + Space.L
        painter.end()
