"""Filter-as-you-type and the category filter of the skills list (their SQL is
mentordesk.db.list_specs.SkillList)."""

from __future__ import annotations

from mentordesk.domain.validation import fold
from mentordesk.ui.common.record_proxy import ListingProxy


class SkillFilterProxy(ListingProxy):
    """Every typed word must appear in the name or category; a category must match (case
    and accents ignored)."""

    def set_category(self, category: str | None) -> None:
        """``None`` shows every category; "" shows skills without one."""
        self.set_filter("category", None if category is None else fold(category))
