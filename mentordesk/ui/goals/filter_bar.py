"""The row above the goal table: filter-as-you-type, status, kind and mentor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from mentordesk.domain.enums import GoalKind, GoalStatus
from mentordesk.domain.mentor import MentorRecord
from mentordesk.domain.validation import fold
from mentordesk.ui.common.labels import label
from mentordesk.ui.goals.proxy import GoalFilterProxy


class _FilterEdit(QLineEdit):
    """Escape clears the filter (and then leaves the field)."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
            return
        super().keyPressEvent(event)


class GoalFilterBar(QWidget):
    """Applies what the person chooses to a GoalFilterProxy; emits ``changed`` after."""

    changed = Signal()

    def __init__(self, proxy: GoalFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.filter_edit = _FilterEdit()
        self.filter_edit.setObjectName("goalFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter goals"))
        self.filter_edit.setToolTip(
            self.tr("Every word must appear in the title, texts, milestones or mentor names.")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter goals"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply)

        self.status_filter = self._combo("goalStatusFilter", self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in GoalStatus:
            self.status_filter.addItem(label(status), status.value)
        self.kind_filter = self._combo("goalKindFilter", self.tr("Kind filter"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in GoalKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.mentor_filter = self._combo("goalMentorFilter", self.tr("Mentor filter"))
        self.mentor_filter.addItem(self.tr("All mentors"), None)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit, 2)
        for combo in (self.status_filter, self.kind_filter, self.mentor_filter):
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._apply)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # Long kind labels and names must not push the bar wider than the list.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    def set_mentors(self, mentors: Sequence[MentorRecord]) -> None:
        """The mentor choices; the chosen mentor stays chosen while they exist."""
        chosen = self.mentor_filter.currentData()
        self.mentor_filter.blockSignals(True)
        try:
            while self.mentor_filter.count() > 1:
                self.mentor_filter.removeItem(1)
            for mentor in sorted(mentors, key=lambda m: (fold(m.name), m.id)):
                self.mentor_filter.addItem(mentor.name, mentor.id)
            self.mentor_filter.setCurrentIndex(max(0, self.mentor_filter.findData(chosen)))
        finally:
            self.mentor_filter.blockSignals(False)
        self._apply()

    def _apply(self) -> None:
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        mentor = self.mentor_filter.currentData()
        self._proxy.set_text(self.filter_edit.text())
        self._proxy.set_status(None if status is None else GoalStatus(status))
        self._proxy.set_kind(None if kind is None else GoalKind(kind))
        self._proxy.set_mentor(None if mentor is None else int(mentor))
        self.changed.emit()

    def focus_text(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear(self) -> None:
        self.filter_edit.clear()
        for combo in (self.status_filter, self.kind_filter, self.mentor_filter):
            combo.setCurrentIndex(0)
