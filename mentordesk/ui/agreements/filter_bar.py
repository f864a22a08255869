"""The row above the agreement table: filter-as-you-type, status and mentor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from mentordesk.domain.enums import AgreementStatus
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.agreements.proxy import AgreementFilterProxy
from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.common.labels import label


class AgreementFilterBar(FilterBar):
    def __init__(self, proxy: AgreementFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(
            proxy,
            name="agreementFilter",
            placeholder=self.tr("Filter agreements (Ctrl+F)"),
            tooltip=self.tr("Every word must appear in the mentor, title, status or cadence."),
            accessible_name=self.tr("Filter agreements"),
            parent=parent,
        )
        self._agreements = proxy
        self.status_filter = self.add_combo(
            "agreementStatusFilter",
            self.tr("Status filter"),
            [(self.tr("Any status"), None), *((label(s), s.value) for s in AgreementStatus)],
        )
        self.mentor_filter = self.add_combo(
            "agreementMentorFilter", self.tr("Mentor filter"), [(self.tr("Every mentor"), None)]
        )

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        """The mentor choices; the chosen mentor stays chosen while they exist."""
        self.set_choices(self.mentor_filter, [(m.name, m.id) for m in mentors])

    def apply_choices(self) -> None:
        status, mentor = self.status_filter.currentData(), self.mentor_filter.currentData()
        self._agreements.set_status(None if status is None else AgreementStatus(status))
        self._agreements.set_mentor(None if mentor is None else int(mentor))
