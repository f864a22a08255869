"""Skills as rows of a table: current and target level, the year's change and a trend.

The numbers a row shows depend on "today" (the change over the last 12 months, the trend over
the last three years); the model takes a clock so tests can fix the day.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from mentordesk.domain.levels import LEVELS, MAX_LEVEL, MIN_LEVEL
from mentordesk.domain.skill import SkillRecord, years_before
from mentordesk.ui.common.listing_model import ListingModel
from mentordesk.ui.common.record_model import FOREGROUND, TOOLTIP, Row
from mentordesk.ui.common.roles import TrendRole
from mentordesk.ui.common.style import colors

# The level history of the last TREND_YEARS as ((share of the span 0-1, level), ...).
TREND_YEARS = 3

Clock = Callable[[], date]
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole


def level_name(value: int) -> str:
    return QCoreApplication.translate("levels", LEVELS[value - MIN_LEVEL].name)


def level_description(value: int) -> str:
    return QCoreApplication.translate("levels", LEVELS[value - MIN_LEVEL].description)


def level_text(value: int | None, empty: str = "") -> str:
    """How a level reads everywhere: "3 · Competent"."""
    if value is None or not MIN_LEVEL <= value <= MAX_LEVEL:
        return empty
    return f"{value} · {level_name(value)}"


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


class SkillTableModel(ListingModel[SkillRecord]):
    """Rows are skill records (sorted and filtered by the listing's SkillList); a row's
    change and trend are computed once per read, and again for every row when the day
    changes."""

    NAME, CATEGORY, CURRENT, TARGET, CHANGE, TREND = range(6)
    extra_roles = frozenset({TOOLTIP, FOREGROUND, _ALIGNMENT, TrendRole})

    def __init__(self, parent: QObject | None = None, *, today: Clock = date.today) -> None:
        self._computed_for = today()
        tips = (
            "",
            "",
            self.tr("The level of the latest assessment"),
            self.tr("The level you are aiming for"),
            self.tr("How much the level changed over the last 12 months"),
            self.tr("The level over the last {n} years").format(n=TREND_YEARS),
        )
        super().__init__(
            (
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Current level"),
                self.tr("Target"),
                self.tr("Change"),
                self.tr("Trend"),
            ),
            parent,
            header_tips=tips,
            today=today,
        )

    # --- rows ----------------------------------------------------------------------------

    def compute(self, record: SkillRecord) -> tuple[int | None, tuple[tuple[float, int], ...]]:
        """The change over the last 12 months and the trend line, as of the model's day."""
        day = self._computed_for
        return record.change_since(years_before(day, 1)), trend_points(record, day)

    def display(self, row: Row[SkillRecord], column: int) -> str:
        record = row.record
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
            return change_text(row.extra[0])
        return ""

    def role_data(self, row: Row[SkillRecord], column: int, role: int) -> Any:
        if role == TrendRole:
            return row.extra[1] if column == self.TREND else None
        if role == TOOLTIP:
            return self._tooltip(row.record, column)
        if column != self.CHANGE:
            return None
        if role == FOREGROUND:
            change = row.extra[0]
            return (colors().positive if change > 0 else colors().danger) if change else None
        return Qt.AlignmentFlag.AlignCenter if role == _ALIGNMENT else None

    def _tooltip(self, record: SkillRecord, column: int) -> str | None:
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
            return self.headerData(self.TREND, Qt.Orientation.Horizontal, TOOLTIP)
        return None

    # --- access for views and the proxy -------------------------------------------------

    def change_at(self, row: int) -> int | None:
        found = self.row_at(row)
        change: int | None = found.extra[0] if found is not None else None
        return change

    def today(self) -> date:
        return self._today()

    def refresh(self, changed: Iterable[int] | None = None) -> None:
        today = self._today()
        if today != self._computed_for:
            # A new day: every row's change and trend may differ, even for unchanged skills.
            self._computed_for = today
            changed = None
        super().refresh(changed)
