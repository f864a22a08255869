"""A checkable list of the mentors (or skills) a goal can be linked to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from mentordesk.domain.validation import fold
from mentordesk.ui.common.roles import ObjectRole

Index = QModelIndex | QPersistentModelIndex


class GoalLinkListModel(QAbstractListModel):
    """Rows are (id, name) choices; a tick becomes ``toggled`` and waits to be stored."""

    # (chosen id, linked): the person ticked or unticked a choice.
    toggled = Signal(int, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[int, str, str]] = []  # id, name, tooltip
        self._linked: frozenset[int] = frozenset()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._choices)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice_id, name, tip = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.CheckStateRole:
            linked = choice_id in self._linked
            return Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        if role == ObjectRole:
            return choice_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        choice_id = self._choices[index.row()][0]
        linked = Qt.CheckState(value) == Qt.CheckState.Checked
        if linked == (choice_id in self._linked):
            return False
        self.toggled.emit(choice_id, linked)
        return True

    def linked_ids(self) -> frozenset[int]:
        return self._linked

    def row_of(self, choice_id: int) -> int | None:
        for row, choice in enumerate(self._choices):
            if choice[0] == choice_id:
                return row
        return None

    def set_choices(self, choices: Iterable[tuple[int, str, str]]) -> None:
        """(id, name, tooltip) of everything that can be linked, in the order the services
        give them (by name, folded for case and accents: MentorService.directory,
        SkillService.choices). Not sorted again here: folding the 3,000 names of a large
        network each time a goal's card was built cost more than the rest of the card."""
        ordered = list(choices)
        if ordered == self._choices:
            return
        self.beginResetModel()
        self._choices = ordered
        self.endResetModel()

    def set_linked(self, linked: Iterable[int], *, linked_first: bool = False) -> None:
        """Tick the linked choices; ``linked_first`` (for another goal) lists them on top.

        Ticking never reorders: a row must not jump away from under the pointer.
        """
        linked = frozenset(linked)
        if linked_first:
            ordered = sorted(self._choices, key=lambda c: (c[0] not in linked, fold(c[1]), c[0]))
            if ordered != self._choices:
                self.beginResetModel()
                self._choices, self._linked = ordered, linked
                self.endResetModel()
                return
        if linked == self._linked:
            return
        self._linked = linked
        if self._choices:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._choices) - 1), [Qt.ItemDataRole.CheckStateRole]
            )
