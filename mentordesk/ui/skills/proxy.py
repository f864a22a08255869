"""Filter-as-you-type and the category filter over the skills table."""

from __future__ import annotations

from mentordesk.domain.skill import SkillRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.record_proxy import RecordFilterProxy


class SkillFilterProxy(RecordFilterProxy[SkillRecord]):
    """Every typed word must appear in the name or category; a category must match exactly."""

    def set_category(self, category: str | None) -> None:
        """``None`` shows every category; "" shows skills without one."""
        key = None if category is None else fold(category)
        self.set_filter("category", key, lambda r: fold(r.fields.category) == key)
