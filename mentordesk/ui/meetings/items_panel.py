"""The action items that came of one meeting, on its card: tick one off when it is done,
or write down a new one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.action_item import ActionItemRecord
from mentordesk.domain.enums import ActionOwner, ActionStatus
from mentordesk.ui.common.labels import format_date, label
from mentordesk.ui.common.roles import ItemIdRole
from mentordesk.ui.common.style import Space, colors


class MeetingItemsPanel(QWidget):
    """Ticking an item marks it done (unticking opens it again); Enter in the line adds one."""

    done_toggled = Signal(int, bool)  # (action item id, done)
    add_requested = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._loading = False
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Action items from this meeting"))
        self.list.setMinimumHeight(self.fontMetrics().height() * 5)
        self.list.itemChanged.connect(self._changed)
        self.new_item = QLineEdit()
        self.new_item.setPlaceholderText(self.tr("A new action item: what will you do?"))
        self.new_item.setAccessibleName(self.tr("New action item"))
        self.new_item.returnPressed.connect(self._add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the action item"))
        self.add_button.clicked.connect(self._add)
        row = QHBoxLayout()
        row.setSpacing(Space.S)
        row.addWidget(self.new_item, 1)
        row.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(Space.XS)
        column.addWidget(self.list)
        column.addLayout(row)

    def set_items(self, items: Sequence[ActionItemRecord]) -> None:
        self._loading = True
        try:
            self.list.clear()
            for record in items:
                self.list.addItem(self._item(record))
        finally:
            self._loading = False

    def _item(self, record: ActionItemRecord) -> QListWidgetItem:
        fields = record.fields
        parts = [fields.text]
        if fields.owner is ActionOwner.MENTOR:
            parts.append(self.tr("(my mentor)"))
        if fields.due_on and record.is_open:
            parts.append(self.tr("due {date}").format(date=format_date(fields.due_on)))
        if fields.status is ActionStatus.DROPPED:
            parts.append(f"({label(fields.status).lower()})")
        elif record.awaits_report_back:
            parts.append(self.tr("· to report back"))
        item = QListWidgetItem(" ".join(parts))
        item.setData(ItemIdRole, record.id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(Qt.CheckState.Checked if record.is_done else Qt.CheckState.Unchecked)
        if fields.status is ActionStatus.DROPPED:
            item.setForeground(colors().muted)
        elif record.is_overdue(self._today()):
            item.setForeground(colors().danger)
        return item

    def _changed(self, item: QListWidgetItem) -> None:
        if not self._loading:
            done = item.checkState() == Qt.CheckState.Checked
            self.done_toggled.emit(int(item.data(ItemIdRole)), done)

    def _add(self) -> None:
        text = self.new_item.text().strip()
        if text:
            self.add_requested.emit(text)
            self.new_item.clear()
