"""Who is at a meeting: the chosen mentors' names and a menu to tick them on and off."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from mentordesk.domain.mentor import MentorEntry
from mentordesk.domain.validation import fold
from mentordesk.ui.common.style import Space, tint, untint


class MentorChooser(QWidget):
    """The mentors of one meeting (none, one or several); ``changed`` when the person ticks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: tuple[int, ...] = ()
        self._mentors: dict[int, MentorEntry] = {}
        self.names = QLabel()
        self.names.setWordWrap(True)
        self.button = QToolButton()
        self.button.setText(self.tr("Choose…"))
        self.button.setAccessibleName(self.tr("Choose mentors"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.setMenu(self.menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(Space.S)
        row.addWidget(self.names, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.button)
        self._show()

    def set_mentors(self, mentors: Sequence[MentorEntry]) -> None:
        """Every mentor that may be chosen (archived ones only while already chosen)."""
        self._mentors = {m.id: m for m in mentors}
        self._show()

    def value(self) -> tuple[int, ...]:
        return self._chosen

    def set_value(self, mentor_ids: tuple[int, ...]) -> None:
        self._chosen = tuple(sorted(mentor_ids))
        self._show()

    def toggle(self, mentor_id: int, chosen: bool) -> None:
        ids = set(self._chosen)
        ids.add(mentor_id) if chosen else ids.discard(mentor_id)
        self.set_value(tuple(ids))
        self.changed.emit()

    def name_of(self, mentor_id: int) -> str:
        mentor = self._mentors.get(mentor_id)
        return mentor.name if mentor else self.tr("Mentor #{id}").format(id=mentor_id)

    def _show(self) -> None:
        if self._chosen:
            self.names.setText(", ".join(sorted(map(self.name_of, self._chosen), key=fold)))
            untint(self.names)
        else:
            self.names.setText(self.tr("No mentor yet: choose who this meeting is with"))
            tint(self.names, "caution")
        self.names.setAccessibleName(self.tr("Mentors: {names}").format(names=self.names.text()))

    def _fill_menu(self) -> None:
        self.menu.clear()
        shown = [m for m in self._mentors.values() if not m.is_archived or m.id in self._chosen]
        for mentor in sorted(shown, key=lambda m: fold(m.name)):
            action = QAction(mentor.name, self.menu)
            action.setCheckable(True)
            action.setChecked(mentor.id in self._chosen)
            action.toggled.connect(lambda on, i=mentor.id: self.toggle(i, on))
            self.menu.addAction(action)
        if not shown:
            empty = self.menu.addAction(self.tr("No mentors yet"))
            empty.setEnabled(False)
