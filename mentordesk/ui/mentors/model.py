"""Mentor records as rows of a table: name, organization, relationship, status and since when."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from mentordesk.domain.enums import Direction, MentorStatus, RelationshipKind
from mentordesk.domain.mentor import MentorRecord
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, Row
from mentordesk.ui.common.style import colors

_FONT = Qt.ItemDataRole.FontRole


class MentorTableModel(ListingModel[MentorRecord]):
    """Rows are mentor records (sorted and filtered by the listing's MentorList); archived
    cards read in grey italics."""

    NAME, ORGANIZATION, KIND, DIRECTION, STATUS, SINCE = range(6)
    extra_roles = frozenset({TOOLTIP, FOREGROUND, _FONT})
    label_columns: ClassVar[Mapping[int, type[StrEnum]]] = {
        KIND: RelationshipKind,
        DIRECTION: Direction,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Name"),
                self.tr("Organization"),
                self.tr("Relationship"),
                self.tr("Direction"),
                self.tr("Status"),
                self.tr("Since"),
            ),
            parent,
        )

    def display(self, row: Row[MentorRecord], column: int) -> str:
        record = row.record
        f = record.fields
        if column == self.NAME:
            if record.is_archived:
                return self.tr("{name} (archived)").format(name=f.name)
            return f.name
        if column == self.ORGANIZATION:
            return f.organization
        if column == self.KIND:
            return label(f.kind)
        if column == self.DIRECTION:
            return label(f.direction)
        if column == self.STATUS:
            return label(f.status)
        return format_date(f.started_on)

    def label(self, value: StrEnum) -> str:
        return label(value)

    def role_data(self, row: Row[MentorRecord], column: int, role: int) -> Any:
        record = row.record
        if role == TOOLTIP:
            return self._tooltip(record) if column == self.NAME else None
        if record.is_archived:
            if role == FOREGROUND:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            font = QFont()
            font.setItalic(True)
            return font
        if role == FOREGROUND and column == self.STATUS:
            return status_color(record.fields.status)
        return None

    def _tooltip(self, record: MentorRecord) -> str:
        f = record.fields
        lines = [f.name]
        if f.title or f.organization:
            lines.append(", ".join(part for part in (f.title, f.organization) if part))
        if f.expertise:
            lines.append(self.tr("Expertise: {areas}").format(areas=", ".join(f.expertise)))
        return "\n".join(lines)


def status_color(status: MentorStatus) -> QColor | None:
    """Active green, prospect blue, paused amber; concluded in the ordinary text colour."""
    scheme = colors()
    return {
        MentorStatus.ACTIVE: scheme.positive,
        MentorStatus.PROSPECT: scheme.info,
        MentorStatus.PAUSED: scheme.caution,
    }.get(status)
