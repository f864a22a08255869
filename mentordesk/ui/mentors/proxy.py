"""Filter-as-you-type and the status, kind and archive filters of the mentor list (their
SQL is mentordesk.db.list_specs.MentorList)."""

from __future__ import annotations

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.ui.common.record_proxy import ListingProxy


class MentorFilterProxy(ListingProxy):
    """Every typed word must appear in the name, organization, expertise or tags."""

    # Archived cards are hidden unless asked for; showing them is not "filtering" the list.
    quiet_filters = frozenset({"archived"})

    def set_status(self, status: MentorStatus | None) -> None:
        self.set_filter("status", status)

    def set_kind(self, kind: RelationshipKind | None) -> None:
        self.set_filter("kind", kind)

    def set_show_archived(self, show: bool) -> None:
        self.set_filter("archived", True if show else None)
