"""Goal records as rows of a table: progress, linked mentors and the two warnings a person
should notice (a target date passed while still active, no mentor helping)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.icons import warning_icon
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, Row
from mentordesk.ui.common.roles import NoMentorRole, OverdueRole, ProgressRole
from mentordesk.ui.common.style import colors


def status_color(status: GoalStatus) -> QColor | None:
    scheme = colors()
    return {
        GoalStatus.ACTIVE: scheme.info,
        GoalStatus.ACHIEVED: scheme.positive,
        GoalStatus.PAUSED: scheme.caution,
    }.get(status)


_FONT = Qt.ItemDataRole.FontRole
_DECORATION = Qt.ItemDataRole.DecorationRole


class GoalTableModel(ListingModel[GoalRecord]):
    """Rows are goal records (sorted and filtered by the listing's GoalList). Mentor names
    come separately (set_mentor_names) because a goal stores only mentor ids."""

    TITLE, KIND, STATUS, TARGET, PROGRESS, MENTORS = range(6)
    label_columns: ClassVar[Mapping[int, type[StrEnum]]] = {KIND: GoalKind}
    extra_roles = frozenset(
        {TOOLTIP, FOREGROUND, _FONT, _DECORATION, ProgressRole, OverdueRole, NoMentorRole}
    )

    def __init__(
        self, parent: QObject | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(
            (
                self.tr("Title"),
                self.tr("Kind"),
                self.tr("Status"),
                self.tr("Target date"),
                self.tr("Progress"),
                self.tr("Mentors"),
            ),
            parent,
            today=today,
        )
        self._mentor_names: dict[int, str] = {}

    def set_mentor_names(self, names: Mapping[int, str]) -> None:
        """Names shown for linked mentors; rows whose shown names change are reported."""
        if dict(names) != self._mentor_names:
            self._mentor_names = dict(names)
            self.recompute()

    # --- rows ----------------------------------------------------------------------------

    def display(self, row: Row[GoalRecord], column: int) -> str:
        record = row.record
        f = record.fields
        if column == self.TITLE:
            return f.title
        if column == self.KIND:
            return label(f.kind)
        if column == self.STATUS:
            return label(f.status)
        if column == self.TARGET:
            return format_date(f.target_on)
        if column == self.PROGRESS:
            if not record.milestones:
                return "—"
            done = sum(1 for m in record.milestones if m.is_done)
            return f"{done}/{len(record.milestones)}"
        if record.needs_a_mentor:
            return self.tr("None yet")
        return ", ".join(self._names(record)) or "—"

    def label(self, value: StrEnum) -> str:
        return label(value)

    def role_data(self, row: Row[GoalRecord], column: int, role: int) -> Any:
        record = row.record
        if role == ProgressRole:
            done = sum(1 for m in record.milestones if m.is_done)
            return (done, len(record.milestones)) if record.milestones else None
        if role == OverdueRole:
            return record.is_overdue(self._today())
        if role == NoMentorRole:
            return record.needs_a_mentor
        if column == self.TARGET and record.is_overdue(self._today()):
            return self._overdue_data(role)
        if column == self.MENTORS:
            return self._mentors_data(record, role)
        if column == self.STATUS and role == FOREGROUND:
            return status_color(record.fields.status)
        if role == TOOLTIP and column == self.TITLE:
            return self._tooltip(record)
        if role == TOOLTIP and column == self.KIND:
            return row.texts[column]  # often elided in the narrow column
        return None

    def _overdue_data(self, role: int) -> Any:
        if role == FOREGROUND:
            return colors().danger
        if role == TOOLTIP:
            return self.tr("Target date passed")
        if role == _DECORATION:
            return warning_icon()
        return None

    def _mentors_data(self, record: GoalRecord, role: int) -> Any:
        if record.needs_a_mentor:
            if role == TOOLTIP:
                return self.tr("No mentor helps with this goal yet")
            if role == FOREGROUND:
                return colors().danger
            if role == _FONT:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == TOOLTIP:
            return "\n".join(self._names(record))
        return None

    def _names(self, record: GoalRecord) -> list[str]:
        names = (self._mentor_names.get(i, f"#{i}") for i in record.mentor_ids)
        return sorted(names, key=fold)

    def _tooltip(self, record: GoalRecord) -> str:
        lines = [record.title]
        if record.fields.why_it_matters:
            lines.append(_shorten(record.fields.why_it_matters))
        return "\n".join(lines)


def _shorten(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
