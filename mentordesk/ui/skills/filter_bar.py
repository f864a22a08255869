"""The row above the skills table: filter-as-you-type and a category choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from mentordesk.ui.skills.proxy import SkillFilterProxy

_NO_CATEGORY = "\x00none"  # the combo's data for "skills without a category"


class _FilterEdit(QLineEdit):
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


class SkillFilterBar(QWidget):
    """Applies what the person chooses to a SkillFilterProxy; emits ``changed`` after."""

    changed = Signal()

    def __init__(self, proxy: SkillFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.filter_edit = _FilterEdit()
        self.filter_edit.setObjectName("skillFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter skills (Ctrl+F)"))
        self.filter_edit.setToolTip(self.tr("Every word must appear in the name or category."))
        self.filter_edit.setAccessibleName(self.tr("Filter skills"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply)
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("categoryFilter")
        self.category_filter.setAccessibleName(self.tr("Category filter"))
        self.category_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_filter.currentIndexChanged.connect(self._apply)
        self.set_categories([])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.category_filter)

    def set_categories(self, categories: Sequence[str], *, has_uncategorized: bool = False) -> None:
        """The categories in use; the chosen one stays chosen while it exists."""
        items = [(self.tr("All categories"), None)] + [(c, c) for c in categories]
        if has_uncategorized:
            items.append((self.tr("No category"), _NO_CATEGORY))
        combo = self.category_filter
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == items:
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self._apply()

    def choose_category(self, category: str | None) -> None:
        data = _NO_CATEGORY if category == "" else category
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(data)))

    def _apply(self) -> None:
        category = self.category_filter.currentData()
        self._proxy.set_text(self.filter_edit.text())
        self._proxy.set_category("" if category == _NO_CATEGORY else category)
        self.changed.emit()

    def focus_text(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear(self) -> None:
        self.filter_edit.clear()
        self.category_filter.setCurrentIndex(0)
