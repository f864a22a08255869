"""Filter-as-you-type and the category filter over the skills table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from mentordesk.domain.validation import fold
from mentordesk.ui.common.roles import SortRole
from mentordesk.ui.skills.model import SkillTableModel


class SkillFilterProxy(QSortFilterProxyModel):
    """Every typed word must appear in the name or category; a category must match exactly."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._category: str | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_category(self, category: str | None) -> None:
        """``None`` shows every category; "" shows skills without one."""
        key = None if category is None else fold(category)
        if key != self._category:
            self._change_filter(lambda: setattr(self, "_category", key))

    @property
    def is_filtering(self) -> bool:
        return bool(self._words) or self._category is not None

    def _change_filter(self, change: Callable[[], None]) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SkillTableModel)
        category = model.record_at(source_row).fields.category
        if self._category is not None and fold(category) != self._category:
            return False
        if self._words:
            key = model.search_key_at(source_row)
            return all(word in key for word in self._words)
        return True
