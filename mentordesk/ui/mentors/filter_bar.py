"""The row above the mentor table: filter-as-you-type, status, kind and "show archived"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from mentordesk.domain.enums import MentorStatus, RelationshipKind
from mentordesk.ui.common.labels import label
from mentordesk.ui.mentors.proxy import MentorFilterProxy


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


class MentorFilterBar(QWidget):
    """Applies what the person chooses to a MentorFilterProxy; emits ``changed`` after."""

    changed = Signal()

    def __init__(self, proxy: MentorFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.filter_edit = _FilterEdit()
        self.filter_edit.setObjectName("mentorFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter mentors (Ctrl+F)"))
        self.filter_edit.setToolTip(
            self.tr("Every word must appear in the name, organization, expertise or tags.")
        )
        self.filter_edit.setAccessibleName(self.tr("Filter mentors"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in MentorStatus:
            self.status_filter.addItem(label(status), status.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(self.tr("Kind filter"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in RelationshipKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.archived_check = QCheckBox(self.tr("Show a&rchived"))
        for combo in (self.status_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._apply)
        self.archived_check.toggled.connect(self._apply)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit, 1)
        layout.addWidget(self.status_filter)
        layout.addWidget(self.kind_filter)
        layout.addWidget(self.archived_check)

    def _apply(self) -> None:
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()
        self._proxy.set_text(self.filter_edit.text())
        self._proxy.set_status(None if status is None else MentorStatus(status))
        self._proxy.set_kind(None if kind is None else RelationshipKind(kind))
        self._proxy.set_show_archived(self.archived_check.isChecked())
        self.changed.emit()

    def focus_text(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def clear(self) -> None:
        """Words, status and kind back to "all" ("show archived" is left as chosen)."""
        self.filter_edit.clear()
        self.status_filter.setCurrentIndex(0)
        self.kind_filter.setCurrentIndex(0)
