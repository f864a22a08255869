"""The status and mentor filters (and filter-as-you-type) over the agreement table."""

from __future__ import annotations

from mentordesk.domain.agreement import AgreementRecord
from mentordesk.domain.enums import AgreementStatus
from mentordesk.ui.common.record_proxy import RecordFilterProxy


class AgreementFilterProxy(RecordFilterProxy[AgreementRecord]):
    """Rows of one status and one mentor (None: any); every typed word must appear."""

    def set_status(self, status: AgreementStatus | None) -> None:
        self.set_filter("status", status, lambda r: r.fields.status == status)

    def set_mentor(self, mentor_id: int | None) -> None:
        self.set_filter("mentor", mentor_id, lambda r: r.mentor_id == mentor_id)
