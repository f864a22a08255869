"""Filter-as-you-type and the status, kind and archive filters over the mentor table."""

from __future__ import annotations

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorRecord
from mentordesk.ui.common.record_proxy import RecordFilterProxy


class MentorFilterProxy(RecordFilterProxy[MentorRecord]):
    """Every typed word must appear in the name, organization, expertise or tags."""

    _show_archived = False

    def set_status(self, status: MentorStatus | None) -> None:
        self.set_filter("status", status, lambda r: r.fields.status == status)

    def set_kind(self, kind: RelationshipKind | None) -> None:
        self.set_filter("kind", kind, lambda r: r.fields.kind == kind)

    def set_show_archived(self, show: bool) -> None:
        """Archived cards are hidden unless asked for; that is not "filtering" the list."""
        if show != self._show_archived:
            self.change_filter(lambda: setattr(self, "_show_archived", show))

    def accepts(self, record: MentorRecord) -> bool:
        return self._show_archived or not record.is_archived
