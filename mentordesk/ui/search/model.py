"""The search results as one list: a header row per kind (its name and how many match),
then that kind's hits. Headers cannot be selected; the view moves from hit to hit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mentordesk.domain.search import SearchGroup, SearchHit, SearchKind, SearchResults, plain
from mentordesk.ui.common.labels import format_date
from mentordesk.ui.common.roles import ObjectRole

Index = QModelIndex | QPersistentModelIndex

# The page each kind opens in (the main window's stable keys) and the icon of its group.
VIEW_KEYS: dict[SearchKind, str] = {
    SearchKind.MENTOR: "mentors",
    SearchKind.MEETING: "calendar",
    SearchKind.ACTION_ITEM: "actions",
    SearchKind.GOAL: "goals",
    SearchKind.AGREEMENT: "agreements",
    SearchKind.SKILL: "skills",
    SearchKind.ASSESSMENT: "skills",  # its skill, with its history
    SearchKind.GRATITUDE: "mentors",  # the mentor's card, with the Gratitude box
}
ICONS: dict[SearchKind, str] = {
    SearchKind.MENTOR: "mentors",
    SearchKind.MEETING: "calendar",
    SearchKind.ACTION_ITEM: "actions",
    SearchKind.GOAL: "goals",
    SearchKind.AGREEMENT: "agreements",
    SearchKind.SKILL: "skills",
    SearchKind.ASSESSMENT: "history",
    SearchKind.GRATITUDE: "email",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("search", text)


def kind_title(kind: SearchKind) -> str:
    """A group's header: what its records are."""
    titles = {
        SearchKind.MENTOR: _tr("Mentors"),
        SearchKind.MEETING: _tr("Meetings"),
        SearchKind.ACTION_ITEM: _tr("Action items"),
        SearchKind.GOAL: _tr("Goals"),
        SearchKind.AGREEMENT: _tr("Agreements"),
        SearchKind.SKILL: _tr("Skills"),
        SearchKind.ASSESSMENT: _tr("Assessments"),
        SearchKind.GRATITUDE: _tr("Gratitude"),
    }
    return titles[kind]


def count_text(group: SearchGroup) -> str:
    """How many match, and which are shown when not all: "3", "5 of 1,204, newest"."""
    total = QLocale().toString(group.total)
    if len(group.hits) >= group.total:
        return total
    if group.by_date:
        return _tr("newest {shown} of {total}").format(shown=len(group.hits), total=total)
    return _tr("best {shown} of {total}").format(shown=len(group.hits), total=total)


def target(hit: SearchHit) -> tuple[str, int]:
    """The page key and the record that page shows for ``hit``."""
    return VIEW_KEYS[hit.kind], hit.target_id


def hit_text(hit: SearchHit) -> str:
    """A hit as one plain line (what a screen reader says)."""
    parts = [plain(hit.title), plain(hit.snippet), format_date(hit.on), ", ".join(hit.mentors)]
    return " — ".join(part for part in parts if part)


@dataclass(frozen=True)
class Header:
    group: SearchGroup


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Header | SearchHit] = []
        self.results = SearchResults("")

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self.results = results
        self._rows = []
        for group in results.groups:
            self._rows.append(Header(group))
            self._rows.extend(group.hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def row_object(self, row: int) -> Header | SearchHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_hit(self, row: int) -> bool:
        return isinstance(self.row_object(row), SearchHit)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.is_hit(index.row()):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_object(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if isinstance(row, Header):
                return f"{kind_title(row.group.kind)}, {count_text(row.group)}"
            return hit_text(row)
        if role == ObjectRole:
            return row
        return None
