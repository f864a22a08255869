"""The year in review: for a chosen year, meetings held per mentor, items done, skills that
rose, goals achieved, relationships started and ended."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.timeline import YearInReview
from mentordesk.ui.common.icons import icon
from mentordesk.ui.common.style import Space, TypeScale, set_scaled_font

SHOWN = 8  # names listed per section; the rest are counted


class YearReviewPanel(QFrame):
    year_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineYearReview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self.tr("Year in review"))
        set_scaled_font(self.heading, TypeScale.HEADING, bold=True)
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Year to review"))
        self.year_combo.currentIndexChanged.connect(self._on_year)
        self.previous_button = QToolButton()
        self.previous_button.setIcon(icon("previous"))
        self.previous_button.setToolTip(self.tr("Year before"))
        self.previous_button.setAccessibleName(self.tr("Year before"))
        self.previous_button.clicked.connect(lambda: self.step(1))
        self.next_button = QToolButton()
        self.next_button.setIcon(icon("next"))
        self.next_button.setToolTip(self.tr("Year after"))
        self.next_button.setAccessibleName(self.tr("Year after"))
        self.next_button.clicked.connect(lambda: self.step(-1))
        row = QHBoxLayout()
        row.setSpacing(Space.XS)
        row.addWidget(self.heading, 1)
        row.addWidget(self.previous_button)
        row.addWidget(self.year_combo)
        row.addWidget(self.next_button)
        self.body = QLabel()
        self.body.setObjectName("timelineYearReviewBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.body)
        column = QVBoxLayout(self)
        column.setContentsMargins(Space.M, Space.M, Space.M, Space.M)
        column.setSpacing(Space.S)
        column.addLayout(row)
        column.addWidget(scroll, 1)
        self.review: YearInReview | None = None

    def set_years(self, years: list[int], chosen: int | None = None) -> None:
        current = chosen if chosen is not None else self.year()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current) if current is not None else -1
        self.year_combo.setCurrentIndex(index if index >= 0 else 0 if years else -1)
        self.year_combo.blockSignals(False)
        self._enable_steps()

    def year(self) -> int | None:
        data = self.year_combo.currentData()
        return int(data) if data is not None else None

    def step(self, by: int) -> None:
        """Choose the year ``by`` places further in the list (newest first)."""
        index = self.year_combo.currentIndex() + by
        if 0 <= index < self.year_combo.count():
            self.year_combo.setCurrentIndex(index)

    def _enable_steps(self) -> None:
        index = self.year_combo.currentIndex()
        self.next_button.setEnabled(index > 0)
        self.previous_button.setEnabled(0 <= index < self.year_combo.count() - 1)

    def _on_year(self, _index: int) -> None:
        self._enable_steps()
        year = self.year()
        if year is not None:
            self.year_changed.emit(year)

    def set_review(self, review: YearInReview | None) -> None:
        self.review = review
        self.body.setText(self._html(review) if review is not None else "")

    def _html(self, review: YearInReview) -> str:
        if review.is_empty:
            return escape(self.tr("Nothing was recorded in {year}.").format(year=review.year))
        parts: list[str] = []

        def section(title: str, lines: list[str], more: int = 0) -> None:
            if not lines:
                return
            items = "".join(f"<li>{line}</li>" for line in lines)
            if more > 0:
                items += "<li>" + escape(self.tr("and {n} more").format(n=more)) + "</li>"
            parts.append(f"<p><b>{escape(title)}</b></p><ul>{items}</ul>")

        held = review.meetings_held
        summary = [
            escape(
                self.tr("1 meeting held")
                if held == 1
                else self.tr("{n} meetings held").format(n=held)
            ),
            escape(
                self.tr("1 action item done")
                if review.items_done == 1
                else self.tr("{n} action items done").format(n=review.items_done)
            ),
        ]
        parts.append("<p>" + "<br>".join(summary) + "</p>")
        section(
            self.tr("Meetings per mentor"),
            [f"{escape(m.name)}: {m.meetings}" for m in review.meetings[:SHOWN]],
            len(review.meetings) - SHOWN,
        )
        section(
            self.tr("Skills that rose"),
            [f"{escape(s.name)}: {s.first} → {s.last}" for s in review.skills_rose[:SHOWN]],
            len(review.skills_rose) - SHOWN,
        )
        section(
            self.tr("Goals achieved"),
            [escape(g.name) for g in review.goals_achieved[:SHOWN]],
            len(review.goals_achieved) - SHOWN,
        )
        section(
            self.tr("Relationships started"),
            [escape(n.name) for n in review.started[:SHOWN]],
            len(review.started) - SHOWN,
        )
        section(
            self.tr("Relationships ended"),
            [escape(n.name) for n in review.ended[:SHOWN]],
            len(review.ended) - SHOWN,
        )
        return "".join(parts)
