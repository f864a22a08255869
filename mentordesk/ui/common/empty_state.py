"""A centred message that tells the person what to do when a pane has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui.common.flow_layout import FlowLayout
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font

ICON_SIZE = 48


class EmptyState(QWidget):
    """An icon, a title, a sentence of why the pane matters, and the actions that start it."""

    def __init__(
        self, title: str, body: str = "", parent: QWidget | None = None, *, icon_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("emptyStateIcon")
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._icon = icon(icon_name, "muted") if icon_name else None
        self.icon_label.setVisible(self._icon is not None)
        self._draw_icon()
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyStateTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        set_scaled_font(self.title_label, TypeScale.HEADING, bold=True)
        self.body_label = QLabel(body)
        self.body_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body_label.setWordWrap(True)
        self.body_label.setMinimumWidth(200)
        # A sentence, not a banner: keep the explanation to a readable width.
        self.body_label.setMaximumWidth(520)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        # Side by side, centred; one under the other in a pane too narrow for both.
        self._buttons = FlowLayout(centred=True)

        # Centred by stretches, not by an alignment flag: a wrapped label added with an
        # alignment loses its height-for-width and is clipped to one squeezed line.
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body_label, 4)
        body_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon_label)
        layout.addSpacing(Space.S)
        layout.addWidget(self.title_label)
        layout.addSpacing(6)
        layout.addLayout(body_row)
        layout.addSpacing(14)
        layout.addLayout(self._buttons)
        layout.addStretch(3)

    def _draw_icon(self) -> None:
        if self._icon is not None:
            self.icon_label.setPixmap(self._icon.pixmap(ICON_SIZE, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()  # a pixmap keeps its colours: draw it again in the new ones

    def set_text(self, title: str, body: str = "") -> None:
        self.title_label.setText(title)
        self.body_label.setText(body)
        self.body_label.setVisible(bool(body))

    def add_action_button(self, action: QAction, text: str | None = None) -> QPushButton:
        """A button that triggers ``action`` (so its shortcut and enabled state apply)."""
        button = QPushButton(text or action.text().replace("&", ""))
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.enabledChanged.connect(button.setEnabled)
        self._buttons.add_widget(button)
        return button

    def add_button(self, text: str) -> QPushButton:
        button = QPushButton(text)
        self._buttons.add_widget(button)
        return button
