"""The parts Home is drawn with: a section box with its rows, and one row a person can open
with a click, Enter or Space."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEnterEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common.style import Space, TypeScale, colors, set_scaled_font, tint
from mentordesk.ui.home.texts import HomeRow, RowAction, Section

# Rows a section shows before "Show all"; the rest are a click away.
FOLDED_ROWS = 5


class ElidedLabel(QWidget):
    """One line that ends in "…" when it does not fit; the whole text is its tooltip.
    Elided when painted, so laying out many rows costs no text measuring."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = " ".join(text.split())
        self.setToolTip(self._full)
        self.setAccessibleName(self._full)
        self.updateGeometry()
        self.update()

    def full_text(self) -> str:
        return self._full

    def shown_text(self) -> str:
        """What fits, as painted."""
        metrics = self.fontMetrics()
        return metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self._full), metrics.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.rect(), align, self.shown_text())


class CountBadge(QWidget):
    """How many a section holds, in a rounded badge of the accent colour (read when
    painted, so it follows the scheme)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeSectionCount")
        set_scaled_font(self, TypeScale.SMALL, bold=True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._text = ""

    def setText(self, text: str) -> None:
        self._text = text
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        return self._text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self._text) + 2 * (Space.S - 2), metrics.height() + 2
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        scheme = colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scheme.accent)
        painter.drawRoundedRect(QRect(self.rect()).adjusted(0, 0, -1, -1), 3, 3)
        painter.setPen(scheme.on_accent)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)


class RowButton(QFrame):
    """One row: what it is, a line of detail, a flag and an action; opens on click, Enter
    or Space. Focus and hover are painted so the keyboard path is visible."""

    activated = Signal()
    action_triggered = Signal()

    def __init__(self, row: HomeRow, action_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.row = row
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(row.title)
        self.setAccessibleDescription(", ".join(p for p in (row.flag, row.detail) if p))
        self.title = ElidedLabel(row.title)
        self.detail = ElidedLabel(row.detail)
        set_scaled_font(self.detail, TypeScale.SMALL)
        tint(self.detail, "muted")
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(Space.S, Space.XS + 1, Space.S, Space.XS + 1)
        layout.setSpacing(Space.S)
        layout.addLayout(text, 1)
        self.flag: QLabel | None = None
        if row.flag:
            self.flag = QLabel(row.flag)
            self.flag.setObjectName("homeFlag")
            set_scaled_font(self.flag, TypeScale.SMALL, bold=True)
            tint(self.flag, row.flag_color or "accent")
            layout.addWidget(self.flag)
        self.action_button: QToolButton | None = None
        if row.action is not None and action_text:
            self.action_button = QToolButton()
            self.action_button.setText(action_text)
            self.action_button.setAutoRaise(False)
            self.action_button.setAccessibleName(f"{action_text}: {row.title}")
            self.action_button.clicked.connect(self.action_triggered)
            layout.addWidget(self.action_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Up:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            return
        super().mouseReleaseEvent(event)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.update()  # painted as hovered
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.update()
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        hovered = self.underMouse()
        focused = self.hasFocus()
        if not (hovered or focused):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(40 if focused else 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(highlight)
        painter.drawRoundedRect(QRect(self.rect()).adjusted(0, 0, -1, -1), 4, 4)
        if focused:
            edge = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            painter.setPen(edge)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRect(self.rect()).adjusted(0, 0, -1, -1), 4, 4)


class SectionBox(QFrame):
    """A titled box with its count and rows; folded to ``FOLDED_ROWS`` rows until "Show
    all", and ending in a link to the view that holds every row when there are more."""

    row_activated = Signal(object)  # HomeRow
    row_action = Signal(object)  # HomeRow
    more_requested = Signal(object)  # Page
    refilled = Signal()  # its rows were made again: the Tab order needs setting

    def __init__(self, key: str, action_texts: dict[RowAction, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"homeSection_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._action_texts = action_texts
        self._section: Section | None = None
        self._unfolded = False
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        set_scaled_font(self.heading, 1.08, bold=True)
        self.count = CountBadge()
        head = QHBoxLayout()
        head.setContentsMargins(Space.S, 0, Space.S, 0)
        head.addWidget(self.heading)
        head.addWidget(self.count)
        head.addStretch(1)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(0)
        self.fold_button = QPushButton()
        self.fold_button.setFlat(True)
        self.fold_button.clicked.connect(self.toggle_fold)
        self.more_button = QPushButton()
        self.more_button.setFlat(True)
        self.more_button.clicked.connect(self._more)
        foot = QHBoxLayout()
        foot.setContentsMargins(Space.XS, 0, Space.XS, 0)
        foot.addWidget(self.fold_button)
        foot.addStretch(1)
        foot.addWidget(self.more_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(Space.S, Space.M, Space.S, Space.S)
        column.setSpacing(Space.XS)
        column.addLayout(head)
        column.addLayout(self.rows_box)
        column.addLayout(foot)
        self.row_buttons: list[RowButton] = []

    @property
    def section(self) -> Section | None:
        return self._section

    def set_section(self, section: Section) -> None:
        self._section = section
        self.heading.setText(section.title)
        self.count.setText(str(section.total))
        self.count.setAccessibleName(self.tr("{n} in this section").format(n=section.total))
        self._fill()

    def toggle_fold(self) -> None:
        self._unfolded = not self._unfolded
        self._fill()
        if self._unfolded and len(self.row_buttons) > FOLDED_ROWS:
            self.row_buttons[FOLDED_ROWS].setFocus()

    def _fill(self) -> None:
        section = self._section
        if section is None:
            return
        focused = next((i for i, b in enumerate(self.row_buttons) if b.hasFocus()), None)
        for button in self.row_buttons:
            button.setParent(None)
            button.deleteLater()
        shown: Sequence[HomeRow] = section.rows if self._unfolded else section.rows[:FOLDED_ROWS]
        self.row_buttons = []
        for row in shown:
            action = self._action_texts.get(row.action, "") if row.action else ""
            button = RowButton(row, action)
            button.activated.connect(lambda r=row: self.row_activated.emit(r))
            button.action_triggered.connect(lambda r=row: self.row_action.emit(r))
            self.rows_box.addWidget(button)
            button.show()  # at once, not at the next layout pass: it may take the focus now
            self.row_buttons.append(button)
        folded = len(section.rows) > FOLDED_ROWS
        self.fold_button.setVisible(folded)
        self.fold_button.setText(
            self.tr("Show fewer")
            if self._unfolded
            else self.tr("Show all {n}").format(n=len(section.rows))
        )
        hidden = section.hidden
        self.more_button.setVisible(section.more is not None and (hidden > 0 or not folded))
        self.more_button.setText(
            self.tr("{n} more: {where}").format(n=hidden, where=section.more_text)
            if hidden > 0
            else section.more_text
        )
        self.refilled.emit()
        if focused is not None and self.row_buttons:
            self.row_buttons[min(focused, len(self.row_buttons) - 1)].setFocus()

    def focus_chain(self) -> list[QWidget]:
        """What Tab visits in this box, in order: each row and its button, then the
        box's own buttons."""
        chain: list[QWidget] = []
        for row in self.row_buttons:
            chain.append(row)
            if row.action_button is not None:
                chain.append(row.action_button)
        return [*chain, self.fold_button, self.more_button]

    def _more(self) -> None:
        if self._section is not None and self._section.more is not None:
            self.more_requested.emit(self._section.more)
