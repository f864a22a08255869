"""The preview of an import as a table: each event with its date, what importing it does, and
the mentor it maps to; the person ticks events in or out and changes the mapping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtGui import Qt as QtGui

from mentordesk.interchange.ics_plan import Action, ImportPlan, MappedBy, PlannedEvent
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.style import colors

_Index = QModelIndex | Any  # what Qt hands a model (also QPersistentModelIndex)

# The mentor ids of a row, for the delegate that edits the mapping.
MENTOR_IDS_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain_tip(text: str) -> str:
    """A tooltip showing ``text`` as it is: a tooltip takes text that looks like HTML for HTML."""
    return QtGui.convertFromPlainText(text, QtGui.WhiteSpaceMode.WhiteSpaceNormal)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportPreview", text)


_CHANGES = {
    "time": "time",
    "length": "length",
    "title": "title",
    "place": "place",
    "status": "status",
    "agenda": "agenda",
    "mentors": "mentor",
}


def what_happens(planned: PlannedEvent) -> str:
    """“New”, “Update: time, title”, “Unchanged”, “Left out: lasts longer than two days”."""
    if planned.action is Action.LEFT_OUT:
        return _tr("Left out: {reason}").format(reason=_tr(planned.reason))
    if not planned.include:
        return _tr("Left out")
    if planned.action is Action.NEW:
        return _tr("New")
    if planned.action is Action.UPDATE:
        changes = ", ".join(_tr(_CHANGES.get(c, c)) for c in planned.changes)
        return _tr("Update: {changes}").format(changes=changes)
    return _tr("Unchanged")


class PreviewModel(QAbstractTableModel):
    INCLUDE, WHEN, TITLE, ACTION, MENTOR = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: ImportPlan | None = None
        self._names: dict[int, str] = {}

    # --- the plan ------------------------------------------------------------------------

    def set_plan(self, plan: ImportPlan, mentor_names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._plan = plan
        self._names = dict(mentor_names)
        self.endResetModel()

    def plan(self) -> ImportPlan | None:
        return self._plan

    def planned(self, row: int) -> PlannedEvent:
        assert self._plan is not None
        return self._plan.events[row]

    def _replace(self, row: int, planned: PlannedEvent) -> None:
        assert self._plan is not None
        self._plan = self._plan.replaced(row, planned)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_included(self, row: int, include: bool) -> None:
        self._replace(row, self.planned(row).with_include(include))

    def set_mentors(self, rows: Iterable[int], mentor_ids: tuple[int, ...]) -> None:
        for row in rows:
            planned = self.planned(row)
            if planned.fields is not None and planned.mentor_ids != mentor_ids:
                self._replace(row, planned.with_mentors(mentor_ids))

    def mentor_text(self, planned: PlannedEvent) -> str:
        if planned.fields is None:
            return ""
        if not planned.mentor_ids:
            return _tr("No mentor yet")
        return ", ".join(self._names.get(m, f"#{m}") for m in planned.mentor_ids)

    # --- the table -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._plan is None else len(self._plan.events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Import"), _tr("When"), _tr("Title"), _tr("What happens"), _tr("Mentor"))[
            section
        ]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        planned = self.planned(index.row())
        if planned.fields is None:  # left out by a rule: nothing to choose
            return Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.INCLUDE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.MENTOR and planned.include:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._plan is None:
            return None
        planned = self.planned(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.INCLUDE:
            checked = planned.include and planned.fields is not None
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(planned, column)
        # Tooltips show titles and names from the file as text, never as markup.
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MENTOR:
            names = self.mentor_text(planned)
            return _plain_tip(
                f"{names}\n{self._mapping_tip(planned)}"
                if planned.mentor_ids
                else (self._mapping_tip(planned))
            )
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TITLE, self.ACTION):
            return _plain_tip(self._display(planned, column))
        if role == Qt.ItemDataRole.DecorationRole and column == self.MENTOR:
            if planned.include and planned.is_unassigned:
                return icon("due", "caution")
            return QIcon()
        if role == Qt.ItemDataRole.ForegroundRole and not planned.include:
            return colors().muted
        if role == MENTOR_IDS_ROLE:
            return planned.mentor_ids
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.INCLUDE:
            return _tr("Import") if planned.include else _tr("Leave out")
        return None

    def _display(self, planned: PlannedEvent, column: int) -> str:
        event = planned.event
        if column == self.WHEN:
            local = event.starts_at.astimezone()
            day = format_date(local.date())
            if event.all_day:
                return _tr("{day}, all day").format(day=day)
            time = QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)
            return f"{day} {time}"
        if column == self.TITLE:
            return event.title
        if column == self.ACTION:
            return what_happens(planned)
        if column == self.MENTOR:
            return self.mentor_text(planned)
        return ""

    def _mapping_tip(self, planned: PlannedEvent) -> str:
        reasons = {
            MappedBy.EMAIL: _tr("Found by the address of a person invited."),
            MappedBy.NAME: _tr("Found by the name of a person invited."),
            MappedBy.KEPT: _tr("As assigned in MentorDesk."),
            MappedBy.CHOSEN: _tr("As you chose."),
            MappedBy.NONE: _tr(
                "Nobody invited is one of your mentors: it is imported with no mentor, for "
                "you to assign (double-click to choose one)."
            ),
        }
        return reasons[planned.mapped_by]

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.INCLUDE:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.set_included(index.row(), checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == self.MENTOR:
            self.set_mentors([index.row()], tuple(value))
            return True
        return False
