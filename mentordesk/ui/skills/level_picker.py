"""Choosing a level on the fixed 1-5 scale, always with its name and what it means.

A combo offers only the five levels (and "Not set" where a level is optional), so a level
outside the scale cannot be picked; the description of the chosen level shows under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from mentordesk.domain.levels import LEVELS
from mentordesk.ui.common.style import tint
from mentordesk.ui.skills.model import level_description, level_text


class LevelCombo(QComboBox):
    """Items read "3 · Competent"; each item's tooltip is the level's description."""

    def __init__(self, *, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if optional:
            self.addItem(self.tr("Not set"), None)
        for step in LEVELS:
            self.addItem(level_text(step.value), step.value)
            self.setItemData(
                self.count() - 1, level_description(step.value), Qt.ItemDataRole.ToolTipRole
            )

    def level(self) -> int | None:
        value = self.currentData()
        return None if value is None else int(value)

    def set_level(self, value: int | None) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling past a form must not change a level the person is not editing.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class LevelPicker(QWidget):
    """A LevelCombo with the chosen level's description beneath it.

    A form short of width can pass a ``description`` label of its own (say, on a row of its
    own spanning the form) for the picker to keep up to date instead.
    ``activated`` is emitted only for choices the person makes, never for set_level().
    """

    activated = Signal()

    def __init__(
        self,
        *,
        optional: bool = False,
        description: QLabel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.combo = LevelCombo(optional=optional)
        self.description = description or QLabel()
        self.description.setObjectName("levelDescription")
        self.description.setWordWrap(True)
        tint(self.description, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        if description is None:
            layout.addWidget(self.description)
        self.setFocusProxy(self.combo)
        self.combo.currentIndexChanged.connect(self._describe)
        self.combo.activated.connect(lambda _index: self.activated.emit())
        self._describe()

    def level(self) -> int | None:
        return self.combo.level()

    def set_level(self, value: int | None) -> None:
        self.combo.set_level(value)

    def _describe(self) -> None:
        value = self.combo.level()
        self.description.setText("" if value is None else level_description(value))
        self.description.setVisible(value is not None)
