"""The status and mentor filters (and filter-as-you-type) of the agreement list (their SQL
is mentordesk.db.list_specs.AgreementList)."""

from __future__ import annotations

from mentordesk.domain.enums import AgreementStatus
from mentordesk.ui.common.record_proxy import ListingProxy


class AgreementFilterProxy(ListingProxy):
    """Rows of one status and one mentor (None: any); every typed word must appear in the
    title or the mentor's name."""

    def set_status(self, status: AgreementStatus | None) -> None:
        self.set_filter("status", status)

    def set_mentor(self, mentor_id: int | None) -> None:
        self.set_filter("mentor", mentor_id)
