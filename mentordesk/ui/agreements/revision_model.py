"""An agreement's history as rows: the current agreement first, then each revision (newest
first) with its date and the fields it changed; and the field-by-field difference of two."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from mentordesk.domain.agreement import (
    WEEKDAYS,
    AgreementFields,
    AvailabilityWindow,
    CommitmentFields,
    ObjectiveFields,
)
from mentordesk.domain.agreement_revision import FieldChange, RevisionRecord
from mentordesk.ui.agreements.model import cadence_text
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.record_model import TableModel
from mentordesk.ui.common.roles import ObjectRole

Index = QModelIndex | QPersistentModelIndex

# The words of the agreement's form, so the history names each change as the form does.
FIELD_LABELS = {
    "title": "Title",
    "status": "Status",
    "agreed_on": "Agreed on",
    "starts_on": "Starts on",
    "ends_on": "Planned end",
    "planned_length": "Planned length",
    "review_on": "Review on",
    "cadence": "Meet",
    "cadence_every": "Meet",
    "cadence_unit": "Meet",
    "format": "Format",
    "typical_minutes": "Typical minutes",
    "place_or_link": "Place or link",
    "who_schedules": "Who schedules",
    "out_of_scope": "Out of scope",
    "reply_time": "Reply time",
    "cancellation": "Cancellation",
    "preferred_channels": "Preferred channels",
    "acceptable_channels": "Channels also fine",
    "communication_notes": "Communication notes",
    "confidentiality": "Confidentiality",
    "objectives": "Objectives",
    "commitments": "Commitments",
    "windows": "Availability",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementRevisionModel", text)


def field_label(name: str) -> str:
    return _tr(FIELD_LABELS.get(name, name))


def readable_changes(
    changes: Sequence[FieldChange], after: AgreementFields
) -> tuple[FieldChange, ...]:
    """The changes as the form shows them: "every 2 weeks" -> "every 3 weeks" for the
    cadence (its number and its unit are one thing to a person), units on durations.
    ``after`` is the agreement after the changes; what it was before follows from them."""
    before = after.replace(**{c.name: c.old for c in changes if c.name in _CADENCE})
    readable: list[FieldChange] = []
    for change in changes:
        if change.name in _CADENCE:
            if all(c.name != "cadence" for c in readable):
                old = cadence_text(before).lower() if before != after else None
                readable.append(FieldChange("cadence", old, cadence_text(after).lower()))
        elif change.name == "typical_minutes":
            readable.append(FieldChange(change.name, _minutes(change.old), _minutes(change.new)))
        else:
            readable.append(change)
    return tuple(readable)


_CADENCE = ("cadence_every", "cadence_unit")


def _minutes(value: int | None) -> str | None:
    return None if value is None else _tr("{n} minutes").format(n=value)


def value_text(value: Any, goal_titles: Mapping[int, str]) -> str:
    """A field's value in words; lists one entry a line."""
    if value is None or value in ("", ()):
        return _tr("(empty)")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):
        return "\n".join(value_text(item, goal_titles) for item in value)
    if isinstance(value, ObjectiveFields):
        if value.goal_id is None:
            return value.text
        goal = goal_titles.get(value.goal_id, _tr("a deleted goal"))
        return f"{value.text} → {goal}" if value.text else _tr("Goal: {goal}").format(goal=goal)
    if isinstance(value, CommitmentFields):
        return f"{label(value.side)}: {value.text}"
    if isinstance(value, AvailabilityWindow):
        return f"{_tr(WEEKDAYS[value.weekday])} {_hm(value.starts)}–{_hm(value.ends)}"
    if hasattr(value, "value") and hasattr(type(value), "__members__"):
        return label(value)
    return str(value)


def _hm(value: time) -> str:
    return f"{value:%H:%M}"


def _local(revision: RevisionRecord) -> datetime:
    stamp = revision.revised_at
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).astimezone()


class AgreementRevisionModel(QAbstractListModel):
    """Row 0 is the agreement as it is now (object None); then the revisions, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._revisions: list[RevisionRecord] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._revisions) + 1

    def set_revisions(self, revisions: Sequence[RevisionRecord]) -> None:
        self.beginResetModel()
        self._revisions = list(revisions)
        self.endResetModel()

    def revision_at(self, row: int) -> RevisionRecord | None:
        return None if row == 0 else self._revisions[row - 1]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        revision = self.revision_at(index.row())
        if role == ObjectRole:
            return revision
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if revision is None:
            return self.tr("Current agreement")
        captions = dict.fromkeys(field_label(name) for name in revision.changed_fields)
        return self.tr("{when} — {fields}").format(
            when=self.when(revision), fields=", ".join(captions) or self.tr("no change")
        )

    def when(self, revision: RevisionRecord) -> str:
        """Its date and time; to the second when another revision shares its minute."""
        local = _local(revision)
        shared = (
            sum(
                1
                for r in self._revisions
                if _local(r).replace(second=0, microsecond=0)
                == local.replace(second=0, microsecond=0)
            )
            > 1
        )
        return (
            f"{format_date(local.date())} {local:%H:%M:%S}"
            if shared
            else (f"{format_date(local.date())} {local:%H:%M}")
        )


class AgreementDiffModel(TableModel):
    """One row per changed field: field, before, after."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__((self.tr("Field"), self.tr("Before"), self.tr("After")), parent)
        self._changes: list[FieldChange] = []
        self._goal_titles: dict[int, str] = {}

    def row_total(self) -> int:
        return len(self._changes)

    def set_changes(self, changes: Sequence[FieldChange], goal_titles: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self._goal_titles = dict(goal_titles)
        self.endResetModel()

    def change_at(self, row: int) -> FieldChange:
        return self._changes[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self._changes[index.row()]
        if role == ObjectRole:
            return change
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 0:
            return field_label(change.name)
        value = change.old if index.column() == 1 else change.new
        return value_text(value, self._goal_titles)
