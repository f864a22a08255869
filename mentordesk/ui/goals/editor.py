"""The goal card editor: every field saves on its own as soon as it is valid.

As on the mentor card there is no Save button: a field is committed when the person leaves
it (or presses Enter), and shortly after they stop typing. An invalid value shows a message
under its field and is not stored. Milestones, progress notes and links live in panels of
their own below the fields; they need a stored goal, so a new card shows them once it has a
title. The editor only validates and asks; the view performs every edit as a command.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.goal import GoalFields, GoalRecord
from mentordesk.ui.common.card_fields import CardFields, FormGroup, align_captions, heading_labels
from mentordesk.ui.common.card_form import CardEditorMixin
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.goals.links_panel import GoalLinksPanel
from mentordesk.ui.goals.milestones_panel import GoalMilestonesPanel
from mentordesk.ui.goals.notes_panel import GoalNotesPanel

BLANK = GoalFields(title="")


def _noun(name: str) -> str:
    """How the undo menu names a field: "Undo Edit target date of “Give a talk”"."""
    nouns = {
        "title": QCoreApplication.translate("GoalEditor", "title"),
        "kind": QCoreApplication.translate("GoalEditor", "kind"),
        "description": QCoreApplication.translate("GoalEditor", "description"),
        "why_it_matters": QCoreApplication.translate("GoalEditor", "why it matters"),
        "started_on": QCoreApplication.translate("GoalEditor", "start date"),
        "target_on": QCoreApplication.translate("GoalEditor", "target date"),
        "status": QCoreApplication.translate("GoalEditor", "status"),
    }
    return nouns[name]


class GoalEditor(CardEditorMixin, QScrollArea):
    """Shows one goal card, or a blank card for a new goal."""

    # (field name, fields before, fields after): ask the view to store an edit of one field.
    edit_requested = Signal(str, object, object)
    # A new card with a valid title: ask the view to create it.
    create_requested = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._today = today
        self.make_form(
            BLANK, "title", self.tr("Enter a title to save this goal."), self._adjust_errors
        )
        self._build()

    # --- construction --------------------------------------------------------------------

    def _build(self) -> None:
        page = QWidget()
        page.setObjectName("goalEditorPage")
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(12)
        self.heading, self.subheading = heading_labels()
        outer.addWidget(self.heading)
        outer.addWidget(self.subheading)
        fields = CardFields(self.form, _noun)

        fields.line(
            "title",
            self.tr("&Title"),
            self.tr("Required, e.g. Give a conference talk"),
            reserve_message=True,
        )
        fields.choice("kind", self.tr("&Kind"), GoalKind)
        self.status_since = QLabel()
        self.status_since.setObjectName("statusChangedOn")
        self.status_since.setToolTip(self.tr("Set when the status changes"))
        fields.choice("status", self.tr("&Status"), GoalStatus, beside=self.status_since)
        fields.date("started_on", self.tr("Started"))
        fields.date("target_on", self.tr("Ta&rget date"))
        goal = FormGroup(self.tr("Goal"), fields).place(
            "title", "kind", "status", "started_on", "target_on"
        )
        fields.text("description", self.tr("&Description"), self.tr("What reaching it looks like."))
        fields.text(
            "why_it_matters",
            self.tr("&Why it matters"),
            self.tr("Why this goal, why now; what changes for you when you reach it."),
        )
        why = FormGroup(self.tr("What and why"), fields).place(
            "description", "why_it_matters", top=True
        )
        align_captions((goal, why))
        outer.addWidget(goal)
        outer.addWidget(why)

        self.milestones = GoalMilestonesPanel(today=self._today)
        self.notes = GoalNotesPanel()
        self.links = GoalLinksPanel()
        self.milestones_box = self._panel(self.tr("Milestones"), self.milestones)
        self.notes_box = self._panel(self.tr("Progress notes"), self.notes)
        self.links_box = self._panel(self.tr("Mentors and skills"), self.links)
        self.needs_title = QLabel(
            self.tr(
                "Milestones, progress notes, mentors and skills can be added once the goal "
                "has a title."
            )
        )
        self.needs_title.setWordWrap(True)
        self.needs_title.setEnabled(False)
        for widget in (self.needs_title, self.milestones_box, self.links_box, self.notes_box):
            outer.addWidget(widget)
        outer.addStretch()
        self.setWidget(page)

    def _panel(self, title: str, panel: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(panel)
        return box

    # --- showing -------------------------------------------------------------------------

    def show_record(self, record: GoalRecord) -> None:
        """Show a stored goal. Refreshing the same goal keeps what is being typed."""
        if not self.form.show_record(record):
            self.milestones.clear_error()
            self.notes.show_error(None)
            self.links.show_error(None)
        self.milestones.set_goal(record)
        self.notes.set_goal(record)
        self.links.set_goal(record)
        self.update_heading()
        self._show_panels(True)

    def start_new(self) -> None:
        """A blank card; it is created as soon as it has a valid title."""
        self.form.start_new()
        for panel in (self.milestones, self.notes, self.links):
            panel.set_goal(None)
        self.update_heading()
        self._show_panels(False)
        self.fields["title"].widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_panels(self, shown: bool) -> None:
        self.needs_title.setVisible(not shown)
        for box in (self.milestones_box, self.notes_box, self.links_box):
            box.setVisible(shown)

    def update_heading(self) -> None:
        record = self.record
        if record is None:
            self.heading.setText(self.tr("New goal"))
            self.subheading.setText(
                self.tr("Type a title to create the goal; every field saves as you go.")
            )
            self.status_since.clear()
            return
        fields = record.fields
        self.heading.setText(fields.title)
        parts = [label(fields.kind)]
        if record.milestones:
            done = sum(1 for m in record.milestones if m.is_done)
            parts.append(
                self.tr("{done} of {total} milestones done").format(
                    done=done, total=len(record.milestones)
                )
            )
        if record.is_overdue(self._today()):
            parts.append(self.tr("target date passed"))
        self.subheading.setText(" · ".join(parts))
        changed = fields.status_changed_on
        self.status_since.setText(
            self.tr("since {date}").format(date=format_date(changed)) if changed else ""
        )

    # --- where this card's messages go (the rest is CardForm's) ------------------------

    def _adjust_errors(self, name: str, errors: dict[str, str]) -> set[str]:
        if "target_on" in errors:
            errors["target_on"] = self.tr("The target date is before the start date.")
        # The start and target dates are checked together; the message stays by the target.
        return {"started_on", "target_on"} if name in ("started_on", "target_on") else {name}
