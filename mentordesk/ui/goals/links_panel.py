"""Which mentors help with a goal and which skills it builds: two lists of check boxes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QListView, QWidget

from mentordesk.domain.goal import GoalRecord
from mentordesk.domain.mentor import MentorEntry
from mentordesk.ui.common.form_parts import error_label, show_error
from mentordesk.ui.goals.link_model import GoalLinkListModel


class GoalLinksPanel(QWidget):
    """Ticking a mentor or a skill asks at once to store the new set of links."""

    # (mentor ids, skill ids): the links as the person now wants them.
    links_requested = Signal(frozenset, frozenset)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal_id: int | None = None
        self.mentor_model = GoalLinkListModel(self)
        self.skill_model = GoalLinkListModel(self)
        self.mentor_model.toggled.connect(lambda i, on: self._toggled(self.mentor_model, i, on))
        self.skill_model.toggled.connect(lambda i, on: self._toggled(self.skill_model, i, on))
        self.mentor_list, mentor_filter = self._list(
            self.mentor_model, "goalMentorList", self.tr("Mentors who help")
        )
        self.skill_list, skill_filter = self._list(
            self.skill_model, "goalSkillList", self.tr("Skills it builds")
        )
        self.mentor_filter, self.skill_filter = mentor_filter, skill_filter
        self.mentor_caption = QLabel(self.tr("Mentors who help"))
        self.skill_caption = QLabel(self.tr("Skills it builds"))
        self.error = error_label("linkError")

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.mentor_caption, 0, 0)
        layout.addWidget(self.skill_caption, 0, 1)
        layout.addWidget(mentor_filter, 1, 0)
        layout.addWidget(skill_filter, 1, 1)
        layout.addWidget(self.mentor_list, 2, 0)
        layout.addWidget(self.skill_list, 2, 1)
        layout.addWidget(self.error, 3, 0, 1, 2)

    def _list(
        self, model: GoalLinkListModel, name: str, caption: str
    ) -> tuple[QListView, QLineEdit]:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view = QListView()
        view.setObjectName(name)
        view.setAccessibleName(caption)
        view.setModel(proxy)
        view.setMinimumHeight(150)
        view.setUniformItemSizes(True)
        search = QLineEdit()
        search.setPlaceholderText(self.tr("Filter"))
        search.setAccessibleName(self.tr("Filter {list}").format(list=caption))
        search.setClearButtonEnabled(True)
        search.textChanged.connect(proxy.setFilterFixedString)
        return view, search

    def set_choices(
        self, mentors: Sequence[MentorEntry], skills: Sequence[tuple[int, str, str]]
    ) -> None:
        """Mentors, and skills as (id, name, category), to link."""
        archived = self.tr("Archived")
        self.mentor_model.set_choices(
            (m.id, m.name, archived if m.is_archived else m.organization) for m in mentors
        )
        self.skill_model.set_choices(skills)
        self._update_captions()

    def set_goal(self, goal: GoalRecord | None) -> None:
        other_goal = (None if goal is None else goal.id) != self._goal_id
        self._goal_id = None if goal is None else goal.id
        self.mentor_model.set_linked(
            () if goal is None else goal.mentor_ids, linked_first=other_goal
        )
        self.skill_model.set_linked(() if goal is None else goal.skill_ids, linked_first=other_goal)
        self._update_captions()

    def show_error(self, message: str | None) -> None:
        show_error(self.error, message)

    def _update_captions(self) -> None:
        mentors = len(self.mentor_model.linked_ids())
        skills = len(self.skill_model.linked_ids())
        self.mentor_caption.setText(self.tr("Mentors who help ({n})").format(n=mentors))
        self.skill_caption.setText(self.tr("Skills it builds ({n})").format(n=skills))

    def _toggled(self, model: GoalLinkListModel, choice_id: int, linked: bool) -> None:
        chosen = set(model.linked_ids())
        if linked:
            chosen.add(choice_id)
        else:
            chosen.discard(choice_id)
        mentors = (
            frozenset(chosen) if model is self.mentor_model else self.mentor_model.linked_ids()
        )
        skills = frozenset(chosen) if model is self.skill_model else self.skill_model.linked_ids()
        self.show_error(None)
        self.links_requested.emit(mentors, skills)
