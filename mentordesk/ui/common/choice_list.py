"""A combo box's choices as one list model, replaced whole.

A combo box filled item by item costs an insertion per choice, and one that sizes itself to
its contents measures every text each time it is laid out: with the 2,400 people of a large
imported network in a mentor filter, that was a good part of opening a view. This model is
replaced in one reset, finds a choice's row by its data in a dict (``QComboBox.findData``),
and gives its longest texts, so that the combo is sized from the widest of those rather
than from measuring every row. Its popup lists rows of one height (``setUniformItemSizes``),
so opening it asks for the rows it shows, not for every row's size.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QListView

Index = QModelIndex | QPersistentModelIndex
_EXACT = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchCaseSensitive
ICON_SPACING = 6  # pixels
LONGEST_SHOWN = 28  # characters: a longer choice is elided in the field, shown in the popup


class ChoiceList(QAbstractListModel):
    """(text, data) pairs; ``Qt.UserRole`` is the data (what ``currentData`` gives)."""

    def __init__(self, items: Iterable[tuple[str, object]] = (), parent: QObject | None = None):
        super().__init__(parent)
        self._items: list[tuple[str, object]] = []
        self._rows: dict[object, int] = {}
        self._set(items)

    def _set(self, items: Iterable[tuple[str, object]]) -> None:
        self._items = list(items)
        self._rows = {}
        for row, (_text, data) in enumerate(self._items):
            self._rows.setdefault(data, row)

    def set_items(self, items: Iterable[tuple[str, object]]) -> None:
        self.beginResetModel()
        self._set(items)
        self.endResetModel()

    def items(self) -> Sequence[tuple[str, object]]:
        return self._items

    def longest(self) -> int:
        """The length of the longest text, in characters."""
        return max((len(text) for text, _data in self._items), default=0)

    def longest_texts(self, count: int = 12) -> list[str]:
        """The ``count`` texts with the most characters: the widest is among them."""
        return heapq.nlargest(count, (text for text, _data in self._items), key=len)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        text, data = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.UserRole:
            return data
        return None

    def match(
        self,
        start: Index,
        role: int,
        value: Any,
        hits: int = 1,
        flags: Qt.MatchFlag = _EXACT,
    ) -> list[QModelIndex]:
        """What ``findData`` asks: a choice by its data, found in the dict."""
        if role == Qt.ItemDataRole.UserRole and flags == _EXACT and hits == 1:
            try:
                row = self._rows.get(value)
            except TypeError:  # not hashable: no choice holds it
                return []
            return [] if row is None or row < start.row() else [self.index(row, 0)]
        return super().match(start, role, value, hits, flags)


def use_choice_list(combo: QComboBox, items: Iterable[tuple[str, object]] = ()) -> ChoiceList:
    """Give ``combo`` a ChoiceList of ``items``, sized by its longest text."""
    choices = ChoiceList(items, combo)
    set_choice_list(combo, choices)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    fit_to_longest(combo, choices)
    return choices


def set_choice_list(combo: QComboBox, choices: ChoiceList) -> None:
    """``combo`` shows ``choices``, its popup rows all one height (never measured)."""
    combo.setModel(choices)
    view = combo.view()
    if isinstance(view, QListView):
        view.setUniformItemSizes(True)


def fit_to_longest(combo: QComboBox, choices: ChoiceList) -> None:
    """As wide as the widest text (measured among the longest few, not row by row), up to
    LONGEST_SHOWN characters: Qt sizes the combo as that many widths of an "X" and room
    for an icon, which these choices have none of."""
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(t) for t in choices.longest_texts()), default=0)
    # Qt adds the icon's room and a few pixels more than it adds to a text it measured.
    room = widest - combo.iconSize().width() - ICON_SPACING
    letters = room // max(1, metrics.horizontalAdvance("X"))  # never wider than Qt made it
    combo.setMinimumContentsLength(max(4, min(LONGEST_SHOWN, letters)))


def refill(
    combo: QComboBox, items: Iterable[tuple[str, object]], *, keep: int = 1, fit: bool = True
) -> bool:
    """Replace a ChoiceList combo's choices after its first ``keep`` ones ("all"), keeping
    the chosen one while it is still offered, and size it to the longest (unless not
    ``fit``); returns whether the choice changed (signals are held meanwhile)."""
    choices = combo.model()
    assert isinstance(choices, ChoiceList), "refill is for combos given use_choice_list"
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        choices.set_items([*choices.items()[:keep], *items])
        if fit:
            fit_to_longest(combo, choices)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    finally:
        combo.blockSignals(False)
    return combo.currentData() != chosen
