"""The row above the mentor table: filter-as-you-type, status, kind and "show archived"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.common.labels import label
from mentordesk.ui.mentors.proxy import MentorFilterProxy


class MentorFilterBar(FilterBar):
    def __init__(self, proxy: MentorFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(
            proxy,
            name="mentorFilter",
            placeholder=self.tr("Filter mentors (Ctrl+F)"),
            tooltip=self.tr("Every word must appear in the name, organization, expertise or tags."),
            accessible_name=self.tr("Filter mentors"),
            parent=parent,
        )
        self._mentors = proxy
        self.status_filter = self.add_combo(
            "statusFilter",
            self.tr("Status filter"),
            [(self.tr("All statuses"), None), *((label(s), s.value) for s in MentorStatus)],
        )
        self.kind_filter = self.add_combo(
            "kindFilter",
            self.tr("Kind filter"),
            [(self.tr("All kinds"), None), *((label(k), k.value) for k in RelationshipKind)],
        )
        self.archived_check = QCheckBox(self.tr("Show a&rchived"))
        self.archived_check.toggled.connect(self.apply)
        self.add_widget(self.archived_check)

    def apply_choices(self) -> None:
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        self._mentors.set_status(None if status is None else MentorStatus(status))
        self._mentors.set_kind(None if kind is None else RelationshipKind(kind))
        self._mentors.set_show_archived(self.archived_check.isChecked())
