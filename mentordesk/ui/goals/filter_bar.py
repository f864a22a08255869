"""The row above the goal table: filter-as-you-type, status, kind and mentor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.common.labels import label
from mentordesk.ui.goals.proxy import GoalFilterProxy


class GoalFilterBar(FilterBar):
    def __init__(self, proxy: GoalFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(
            proxy,
            name="goalFilter",
            placeholder=self.tr("Filter goals (Ctrl+F)"),
            tooltip=self.tr(
                "Every word must appear in the title, texts, milestones or mentor names."
            ),
            accessible_name=self.tr("Filter goals"),
            parent=parent,
        )
        self._goals = proxy
        self.status_filter = self._combo(
            "goalStatusFilter",
            self.tr("Status filter"),
            [(self.tr("All statuses"), None), *((label(s), s.value) for s in GoalStatus)],
        )
        self.kind_filter = self._combo(
            "goalKindFilter",
            self.tr("Kind filter"),
            [(self.tr("All kinds"), None), *((label(k), k.value) for k in GoalKind)],
        )
        self.mentor_filter = self._combo(
            "goalMentorFilter", self.tr("Mentor filter"), [(self.tr("All mentors"), None)]
        )

    def _combo(self, name: str, accessible: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = self.add_combo(name, accessible, items, stretch=1)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        """The mentor choices, in the order given (MentorService.directory's: by name);
        the chosen mentor stays chosen while they exist."""
        self.set_choices(self.mentor_filter, [(m.name, m.id) for m in mentors])

    def apply_choices(self) -> None:
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        mentor = self.mentor_filter.currentData()
        self._goals.set_status(None if status is None else GoalStatus(status))
        self._goals.set_kind(None if kind is None else GoalKind(kind))
        self._goals.set_mentor(None if mentor is None else int(mentor))
