"""The row above the action items: filter-as-you-type, status, due, owner, mentor, and
"done, not yet reported back" (what a person checks before their next meeting)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QSizePolicy, QWidget

from mentordesk.domain.action_item import DueBucket
from mentordesk.domain.enums import ActionOwner
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.actions.proxy import ActionItemFilterProxy, StatusChoice
from mentordesk.ui.common.filter_bar import FilterBar
from mentordesk.ui.common.labels import label


class ActionItemFilterBar(FilterBar):
    """Hands the person's choices to the action item proxy; the first choice of each combo
    is the default ("Needs doing", then "any")."""

    def __init__(self, proxy: ActionItemFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(
            proxy,
            name="actionFilter",
            placeholder=self.tr("Filter action items (Ctrl+F)"),
            tooltip=self.tr(
                "Every word must appear in the text, the meeting's title or its mentors' names."
            ),
            accessible_name=self.tr("Filter action items"),
            parent=parent,
        )
        self._actions = proxy
        self.status_filter = self._combo(
            "actionStatusFilter",
            self.tr("Status filter"),
            [
                (self.tr("Needs doing"), StatusChoice.NEEDS_DOING.value),
                (self.tr("Open"), StatusChoice.OPEN.value),
                (self.tr("Done"), StatusChoice.DONE.value),
                (self.tr("Dropped"), StatusChoice.DROPPED.value),
                (self.tr("Any status"), StatusChoice.ANY.value),
            ],
        )
        self.status_filter.setToolTip(
            self.tr("Needs doing: open items, and done items not yet reported back")
        )
        self.due_filter = self._combo(
            "actionDueFilter",
            self.tr("Due filter"),
            [
                (self.tr("Any due date"), None),
                (self.tr("Overdue"), DueBucket.OVERDUE.value),
                (self.tr("This week"), DueBucket.THIS_WEEK.value),
                (self.tr("Later"), DueBucket.LATER.value),
                (self.tr("No due date"), DueBucket.NONE.value),
            ],
        )
        self.owner_filter = self._combo(
            "actionOwnerFilter",
            self.tr("Owner filter"),
            [(self.tr("Anyone"), None), *((label(o), o.value) for o in ActionOwner)],
        )
        self.mentor_filter = self._combo(
            "actionMentorFilter", self.tr("Mentor filter"), [(self.tr("All mentors"), None)]
        )
        self.awaiting_check = QCheckBox(self.tr("Done, not yet reported &back"))
        self.awaiting_check.setObjectName("actionAwaitingFilter")
        self.awaiting_check.setAccessibleName(self.tr("Only done, not yet reported back"))
        self.awaiting_check.toggled.connect(self.apply)
        self.add_widget(self.awaiting_check)

    def _combo(self, name: str, accessible: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = self.add_combo(name, accessible, items, stretch=1)
        # Room for "Needs doing" and "Any due date": the choices go under the field sooner.
        combo.setMinimumContentsLength(10)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        """The mentor choices, in the order given (MentorService.directory's: by name);
        the chosen mentor stays chosen while they exist."""
        self.set_choices(self.mentor_filter, [(m.name, m.id) for m in mentors])

    def set_status(self, choice: StatusChoice) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(choice.value))

    def status(self) -> StatusChoice:
        return StatusChoice(self.status_filter.currentData())

    def clear(self) -> None:
        self.awaiting_check.setChecked(False)
        super().clear()

    def apply_choices(self) -> None:
        due, owner = self.due_filter.currentData(), self.owner_filter.currentData()
        mentor = self.mentor_filter.currentData()
        self._actions.set_status(self.status())
        self._actions.set_due(None if due is None else DueBucket(due))
        self._actions.set_owner(None if owner is None else ActionOwner(owner))
        self._actions.set_mentor(None if mentor is None else int(mentor))
        self._actions.set_awaiting_report(self.awaiting_check.isChecked())
