"""The row above a list: a filter field that filters as you type, and the feature's choices.

Escape in the filter field clears it, and pressing it again leaves the field for the list.
A feature's bar adds its combos with ``add_combo`` and says in ``apply_choices`` how they
narrow its proxy.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLayout, QLineEdit, QWidget

from mentordesk.ui.common.choice_list import refill, use_choice_list
from mentordesk.ui.common.flow_layout import FlowLayout
from mentordesk.ui.common.record_proxy import ListingProxy, RecordFilterProxy


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


COMBO_MIN_WIDTH = 96


class FilterBar(QWidget):
    """Applies what the person chooses to a RecordFilterProxy; emits ``changed`` after."""

    changed = Signal()

    def __init__(
        self,
        proxy: RecordFilterProxy | ListingProxy,  # type: ignore[type-arg]
        *,
        name: str,
        placeholder: str,
        tooltip: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self._clearing = False
        self.filter_edit = FilterEdit()
        self.filter_edit.setObjectName(name)
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setToolTip(tooltip)
        self.filter_edit.setAccessibleName(accessible_name)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply)
        self.filter_edit.setMinimumWidth(self.filter_edit.fontMetrics().averageCharWidth() * 18)
        self.combos: list[QComboBox] = []
        # The choices sit beside the filter field, or under it when the list is narrow.
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._layout.addWidget(self.filter_edit, 3)
        self.choices = QWidget()
        # The choices wrap onto more rows rather than make the window wider.
        self.row = FlowLayout(self.choices)
        self._layout.addWidget(self.choices, 4)

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
        # As wide as its longest choice where there is room (the row wraps first), sized
        # from the texts' lengths, however many (ui/common/choice_list.py); long labels
        # and names never make the bar wider than the list: it narrows to this.
        use_choice_list(combo, items)
        combo.setMinimumWidth(COMBO_MIN_WIDTH)
        combo.currentIndexChanged.connect(self.apply)
        self.combos.append(combo)
        self.row.add_widget(combo, stretch)
        return combo

    def add_widget(self, widget: QWidget) -> None:
        """Another choice (a check box, say) after the combos."""
        self.row.addWidget(widget)

    def minimumSizeHint(self) -> QSize:
        edit, choices = self.filter_edit.minimumSizeHint(), self.choices.minimumSizeHint()
        return QSize(
            max(self.filter_edit.minimumWidth(), edit.width(), choices.width()),
            edit.height() + choices.height() + self._layout.spacing(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = (  # the choices beside the field only when they fit there on one row
            self.filter_edit.minimumWidth() * 2
            + self.choices.sizeHint().width()
            + self._layout.spacing()
        )
        direction = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= wide
            else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        super().resizeEvent(event)

    def apply_choices(self) -> None:
        """Hand the combos' choices to the proxy (each feature's own)."""

    def apply(self) -> None:
        with self.proxy.changes():  # one query for the words and every choice
            self.proxy.set_text(self.filter_edit.text())
            self.apply_choices()
        if not self._clearing:
            self.changed.emit()

    def focus_text(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear(self) -> None:
        """Words and every choice back to "all"."""
        self._clearing = True
        try:
            with self.proxy.changes():
                self.filter_edit.clear()
                for combo in self.combos:
                    combo.setCurrentIndex(0)
        finally:
            self._clearing = False
        self.apply()

    def set_choices(self, combo: QComboBox, items: Iterable[tuple[str, object]]) -> None:
        """Replace ``combo``'s choices after its first; the list is filtered again only
        when the chosen one is no longer offered (it went back to "all")."""
        if self.refill(combo, items):
            self.apply()

    @staticmethod
    def refill(combo: QComboBox, items: Iterable[tuple[str, object]]) -> bool:
        """Replace a combo's items after the first ("all"), keeping the chosen one while it
        is still offered; returns whether the choice changed (signals are held meanwhile)."""
        return refill(combo, items)
