"""Skills as rows of a table: current and target level, the year's change and a trend.

The numbers a row shows depend on "today" (the change over the last 12 months, the trend over
the last three years); the model takes a clock so tests can fix the day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from mentordesk.domain.levels import LEVELS, MAX_LEVEL, MIN_LEVEL
from mentordesk.domain.skill import SkillRecord
from mentordesk.domain.validation import fold

# The roles every table model of the app shares, re-exported for the skill views' tests.
from mentordesk.ui.common.roles import ObjectRole as ObjectRole
from mentordesk.ui.common.roles import SortRole as SortRole
from mentordesk.ui.common.roles import TrendRole

# The level history of the last TREND_YEARS as ((share of the span 0-1, level), ...).
TREND_YEARS = 3

Index = QModelIndex | QPersistentModelIndex
Clock = Callable[[], date]


def level_name(value: int) -> str:
    return QCoreApplication.translate("levels", LEVELS[value - MIN_LEVEL].name)


def level_description(value: int) -> str:
    return QCoreApplication.translate("levels", LEVELS[value - MIN_LEVEL].description)


def level_text(value: int | None, empty: str = "") -> str:
    """How a level reads everywhere: "3 · Competent"."""
    if value is None or not MIN_LEVEL <= value <= MAX_LEVEL:
        return empty
    return f"{value} · {level_name(value)}"


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def change_text(change: int | None) -> str:
    if change is None:
        return "—"
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"−{-change}"  # a real minus sign, as wide as the plus
    return "0"


def trend_points(record: SkillRecord, today: date) -> tuple[tuple[float, int], ...]:
    """The step line of the level over the last TREND_YEARS, scaled to 0-1 along time."""
    start = years_before(today, TREND_YEARS)
    span = max((today - start).days, 1)
    points: list[tuple[float, int]] = []
    level_at_start = record.level_on(start)
    if level_at_start is not None:
        points.append((0.0, level_at_start))
    for assessment in record.assessments:
        day = assessment.fields.assessed_on
        if day <= start or day > today:
            continue
        x = (day - start).days / span
        if points:
            points.append((x, points[-1][1]))
        points.append((x, assessment.fields.level))
    if points:
        points.append((1.0, points[-1][1]))
    return tuple(points)


class SkillTableModel(QAbstractTableModel):
    """Rows are skill records; updates keep unchanged rows so selections survive a refresh."""

    NAME, CATEGORY, CURRENT, TARGET, CHANGE, TREND = range(6)

    def __init__(self, parent: Any = None, *, today: Clock = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._records: list[SkillRecord] = []
        self._keys: list[str] = []
        # Display strings, changes and trends per row, computed once per change.
        self._texts: list[tuple[str, ...]] = []
        self._changes: list[int | None] = []
        self._trends: list[tuple[tuple[float, int], ...]] = []
        self._row_of: dict[int, int] = {}
        self._computed_for = today()
        self._headers = (
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Current level"),
            self.tr("Target"),
            self.tr("Change"),
            self.tr("Trend"),
        )
        self._header_tips = (
            "",
            "",
            self.tr("The level of the latest assessment"),
            self.tr("The level you are aiming for"),
            self.tr("How much the level changed over the last 12 months"),
            self.tr("The level over the last {n} years").format(n=TREND_YEARS),
        )

    # --- reading -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == SortRole:
            return self._sort_key(row, column)
        if role == ObjectRole:
            return self._records[row]
        if role == TrendRole:
            return self._trends[row] if column == self.TREND else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE:
            change = self._changes[row]
            if change:
                return _RISE if change > 0 else _FALL
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CHANGE:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, record: SkillRecord, column: int, change: int | None) -> str:
        f = record.fields
        if column == self.NAME:
            return f.name
        if column == self.CATEGORY:
            return f.category
        if column == self.CURRENT:
            return level_text(record.current_level, "—")
        if column == self.TARGET:
            return level_text(f.target_level)
        if column == self.CHANGE:
            return change_text(change)
        return ""

    def _sort_key(self, row: int, column: int) -> str:
        # Strings, so the proxy compares them natively; ties fall back to the name.
        record = self._records[row]
        name = fold(record.fields.name)
        if column == self.CATEGORY:
            # Skills without a category sort after those with one.
            category = fold(record.fields.category) or _AFTER_ALL
            return f"{category}\n{name}"
        if column == self.CURRENT:
            return f"{record.current_level or 0}\n{name}"
        if column == self.TARGET:
            return f"{record.fields.target_level or 0}\n{name}"
        if column in (self.CHANGE, self.TREND):
            change = self._changes[row]
            # Unknown change sorts below any real one; offset keeps the digits' order.
            return f"{0 if change is None else change + 10:02d}\n{name}"
        return name

    def _tooltip(self, row: int, column: int) -> str | None:
        record = self._records[row]
        f = record.fields
        if column in (self.CURRENT, self.TARGET):
            value = record.current_level if column == self.CURRENT else f.target_level
            return level_description(value) if value is not None else None
        if column == self.NAME:
            lines = [f.name]
            if f.description:
                lines.append(f.description)
            count = len(record.assessments)
            lines.append(
                self.tr("1 assessment")
                if count == 1
                else self.tr("{n} assessments").format(n=count)
            )
            return "\n".join(lines)
        if column == self.TREND:
            return self._header_tips[self.TREND]
        return None

    # --- access for views and the proxy -------------------------------------------------

    def record_at(self, row: int) -> SkillRecord:
        return self._records[row]

    def search_key_at(self, row: int) -> str:
        return self._keys[row]

    def change_at(self, row: int) -> int | None:
        return self._changes[row]

    def row_of(self, skill_id: int) -> int | None:
        return self._row_of.get(skill_id)

    def records(self) -> Sequence[SkillRecord]:
        return tuple(self._records)

    def categories(self) -> list[str]:
        """Categories of the skills shown, for the category filter."""
        found = {record.fields.category for record in self._records if record.fields.category}
        return sorted(found, key=fold)

    def today(self) -> date:
        return self._today()

    # --- writing -------------------------------------------------------------------------

    def set_records(self, records: Sequence[SkillRecord]) -> None:
        """Bring the rows up to date with the minimum of signals (see MentorTableModel)."""
        today = self._today()
        if today != self._computed_for:
            # A new day: every row's change and trend may differ, even for unchanged skills.
            self._computed_for = today
            self._recompute_all()
        incoming = {record.id: record for record in records}
        for row in range(len(self._records) - 1, -1, -1):
            if self._records[row].id not in incoming:
                self.beginRemoveRows(QModelIndex(), row, row)
                for column in (
                    self._records,
                    self._keys,
                    self._texts,
                    self._changes,
                    self._trends,
                ):
                    del column[row]
                self.endRemoveRows()
        for row, old in enumerate(self._records):
            new = incoming[old.id]
            if new != old:
                self._store(row, new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.TREND))
        known = {record.id for record in self._records}
        added = [record for record in records if record.id not in known]
        if added:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for record in added:
                self._records.append(record)
                self._keys.append("")
                self._texts.append(())
                self._changes.append(None)
                self._trends.append(())
                self._store(len(self._records) - 1, record)
            self.endInsertRows()
        self._row_of = {record.id: row for row, record in enumerate(self._records)}

    def _store(self, row: int, record: SkillRecord) -> None:
        today = self._computed_for
        change = record.change_since(years_before(today, 1))
        self._records[row] = record
        self._keys[row] = fold(" \n".join((record.fields.name, record.fields.category)))
        self._changes[row] = change
        self._texts[row] = tuple(
            self._display(record, column, change) for column in range(len(self._headers))
        )
        self._trends[row] = trend_points(record, today)

    def _recompute_all(self) -> None:
        for row, record in enumerate(self._records):
            self._store(row, record)
        if self._records:
            last = self.index(len(self._records) - 1, self.TREND)
            self.dataChanged.emit(self.index(0, 0), last)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ObjectRole,
        SortRole,
        TrendRole,
    }
)

_AFTER_ALL = "\uffff"
_RISE = QColor("#1b7f3b")
_FALL = QColor("#b3261e")
