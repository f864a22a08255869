"""An ordered list of short lines a person writes, reorders and ticks off (a meeting's
agenda, the advice received), as one field of a card: every change is one edit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space, colors


@dataclass(frozen=True)
class Line:
    text: str
    checked: bool = False
    note: str = ""  # shown beside the line, muted (where it came from)


_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class _Tree(QTreeWidget):
    """Delete removes the line, Alt+Up and Alt+Down move it; Tab leaves the list."""

    remove_requested = Signal()
    move_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.remove_requested.emit()
        elif mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class LineList(QWidget):
    """Lines with optional tick boxes and notes; ``changed`` after each edit is finished."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        checkable: bool,
        notes_caption: str = "",
        add_text: str = "",
        new_line: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._checkable = checkable
        self._new_line = new_line
        self._loading = False
        self.tree = _Tree()
        self.tree.setAccessibleName(name)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.setColumnCount(2 if notes_caption else 1)
        self.tree.setHeaderLabels([name, notes_caption] if notes_caption else [name])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if notes_caption:
            # The note (where a line came from) gets room for a short phrase and a date;
            # a longer one is cut short, in full in its tooltip.
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(
                1, self.fontMetrics().horizontalAdvance("Left open 30 Sep 2026") + Space.M
            )
        self.tree.setMinimumHeight(self.fontMetrics().height() * 6)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.remove_requested.connect(self.remove_selected)
        self.tree.move_requested.connect(self.move_selected)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(add_text or self.tr("Add"))
        self.add_button.clicked.connect(self.add_line)
        self.remove_button = QToolButton()
        self.remove_button.setIcon(icon("delete"))
        self.remove_button.setToolTip(self.tr("Remove the selected line (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)
        self.up_button.setToolTip(self.tr("Move the selected line up (Alt+Up)"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("Move the selected line down (Alt+Down)"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(Space.S)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setAccessibleName(button.text() or button.toolTip())
            self.buttons.addWidget(button)
        self.buttons.addStretch()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.XS)
        column.addWidget(self.tree)
        column.addLayout(self.buttons)
        self._update_buttons()

    # --- the value -----------------------------------------------------------------------

    def value(self) -> tuple[Line, ...]:
        lines = []
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            assert item is not None
            text = item.text(0).strip()
            if text:
                checked = self._checkable and item.checkState(0) == Qt.CheckState.Checked
                lines.append(
                    Line(text, checked, item.text(1) if self.tree.columnCount() > 1 else "")
                )
        return tuple(lines)

    def set_value(self, lines: Sequence[Line]) -> None:
        self._loading = True
        try:
            self.tree.clear()
            for line in lines:
                self._append(line)
        finally:
            self._loading = False
        self._update_buttons()

    def _append(self, line: Line) -> QTreeWidgetItem:
        item = QTreeWidgetItem([line.text, line.note])
        flags = _EDITABLE
        if self._checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        if self._checkable:
            item.setCheckState(
                0, Qt.CheckState.Checked if line.checked else Qt.CheckState.Unchecked
            )
        if line.note:
            item.setForeground(1, colors().muted)
            item.setToolTip(0, line.note)
            item.setToolTip(1, line.note)
        self.tree.addTopLevelItem(item)
        return item

    # --- editing -------------------------------------------------------------------------

    def add_line(self) -> None:
        """A new line at the end, ready to type into."""
        self._loading = True
        item = self._append(Line(""))
        self._loading = False
        self.tree.setCurrentItem(item)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tree.editItem(item, 0)

    def remove_selected(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        self._update_buttons()
        self.changed.emit()

    def move_selected(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        target = row + step
        if not 0 <= target < self.tree.topLevelItemCount():
            return
        self._loading = True
        self.tree.takeTopLevelItem(row)
        self.tree.insertTopLevelItem(target, item)
        self._loading = False
        self.tree.setCurrentItem(item)
        self.changed.emit()

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._loading:
            return
        if not item.text(0).strip():
            # An empty line is no line: a new one left empty, or all its text deleted.
            self._loading = True
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
            self._loading = False
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = (
            self.tree.indexOfTopLevelItem(self.tree.currentItem())
            if self.tree.currentItem()
            else -1
        )
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.tree.topLevelItemCount() - 1)
