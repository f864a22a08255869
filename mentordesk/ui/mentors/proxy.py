"""Filter-as-you-type and the status, kind and archive filters over the mentor table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.domain.validation import fold
from mentordesk.ui.common.roles import SortRole
from mentordesk.ui.mentors.model import MentorTableModel


class MentorFilterProxy(QSortFilterProxyModel):
    """Every typed word must appear in the name, organization, expertise or tags."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._status: MentorStatus | None = None
        self._kind: RelationshipKind | None = None
        self._show_archived = False
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = tuple(fold(text).split())
        if words != self._words:
            self._change_filter(lambda: setattr(self, "_words", words))

    def set_status(self, status: MentorStatus | None) -> None:
        if status != self._status:
            self._change_filter(lambda: setattr(self, "_status", status))

    def set_kind(self, kind: RelationshipKind | None) -> None:
        if kind != self._kind:
            self._change_filter(lambda: setattr(self, "_kind", kind))

    def set_show_archived(self, show: bool) -> None:
        if show != self._show_archived:
            self._change_filter(lambda: setattr(self, "_show_archived", show))

    @property
    def is_filtering(self) -> bool:
        return bool(self._words) or self._status is not None or self._kind is not None

    def _change_filter(self, change: Any) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MentorTableModel)
        record = model.record_at(source_row)
        if record.is_archived and not self._show_archived:
            return False
        if self._status is not None and record.fields.status != self._status:
            return False
        if self._kind is not None and record.fields.kind != self._kind:
            return False
        if self._words:
            key = model.search_key_at(source_row)
            return all(word in key for word in self._words)
        return True
