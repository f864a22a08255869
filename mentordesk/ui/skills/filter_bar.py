"""The row above the skills table: filter-as-you-type and a category choice."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.skills.proxy import SkillFilterProxy

_NO_CATEGORY = "\x00none"  # the combo's data for "skills without a category"


class SkillFilterBar(FilterBar):
    def __init__(self, proxy: SkillFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(
            proxy,
            name="skillFilter",
            placeholder=self.tr("Filter skills (Ctrl+F)"),
            tooltip=self.tr("Every word must appear in the name or category."),
            accessible_name=self.tr("Filter skills"),
            parent=parent,
        )
        self._skills = proxy
        self.category_filter = self.add_combo(
            "categoryFilter", self.tr("Category filter"), [(self.tr("All categories"), None)]
        )

    def set_categories(self, categories: Sequence[str], *, has_uncategorized: bool = False) -> None:
        """The categories in use; the chosen one stays chosen while it exists."""
        items: list[tuple[str, object]] = [(c, c) for c in categories]
        if has_uncategorized:
            items.append((self.tr("No category"), _NO_CATEGORY))
        combo = self.category_filter
        shown = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
        if shown != items:
            self.set_choices(combo, items)

    def choose_category(self, category: str | None) -> None:
        data = _NO_CATEGORY if category == "" else category
        self.category_filter.setCurrentIndex(max(0, self.category_filter.findData(data)))

    def apply_choices(self) -> None:
        category = self.category_filter.currentData()
        self._skills.set_category("" if category == _NO_CATEGORY else category)
