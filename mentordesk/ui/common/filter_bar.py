"""The row above a list: a filter field that filters as you type, and the feature's choices.

Escape in the filter field clears it, and pressing it again leaves the field for the list.
A feature's bar adds its combos with ``add_combo`` and says in ``apply_choices`` how they
narrow its proxy.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from mentordesk.ui.common.record_proxy import RecordFilterProxy


class FilterEdit(QLineEdit):
    """Escape clears the filter (and then leaves the field)."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
            return
        super().keyPressEvent(event)


class FilterBar(QWidget):
    """Applies what the person chooses to a RecordFilterProxy; emits ``changed`` after."""

    changed = Signal()

    def __init__(
        self,
        proxy: RecordFilterProxy,  # type: ignore[type-arg]
        *,
        name: str,
        placeholder: str,
        tooltip: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.filter_edit = FilterEdit()
        self.filter_edit.setObjectName(name)
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setToolTip(tooltip)
        self.filter_edit.setAccessibleName(accessible_name)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply)
        self.combos: list[QComboBox] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.filter_edit, 1)

    def add_combo(
        self,
        name: str,
        accessible_name: str,
        items: Iterable[tuple[str, object]],
        *,
        stretch: int = 0,
    ) -> QComboBox:
        """A choice that filters; its first item means "all"."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible_name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.apply)
        self.combos.append(combo)
        self.row.addWidget(combo, stretch)
        return combo

    def apply_choices(self) -> None:
        """Hand the combos' choices to the proxy (each feature's own)."""

    def apply(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self.apply_choices()
        self.changed.emit()

    def focus_text(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear(self) -> None:
        """Words and every choice back to "all"."""
        self.filter_edit.clear()
        for combo in self.combos:
            combo.setCurrentIndex(0)

    @staticmethod
    def refill(combo: QComboBox, items: Iterable[tuple[str, object]]) -> bool:
        """Replace a combo's items after the first ("all"), keeping the chosen one while it
        is still offered; returns whether the choice changed (signals are held meanwhile)."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)
        return combo.currentData() != chosen
