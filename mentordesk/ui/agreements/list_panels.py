"""Editable lists on the agreement card: objectives, commitments and availability windows.

Each panel is a column of rows with a remove button, and an add button below; any change
tells the card the whole list as it now reads, and the card saves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.domain.agreement import WEEKDAYS, AvailabilityWindow, ObjectiveFields
from mentordesk.domain.goal import GoalChoice
from mentordesk.ui.common.form_parts import WheelSafeCombo
from mentordesk.ui.common.style import Space


class _RowPanel(QWidget):
    """Rows of editors; ``changed`` after any edit, add or remove."""

    changed = Signal()
    # A new row that is complete as added (a window has a day and hours) saves at once;
    # one that needs typing waits for the text.
    saves_on_add = False

    def __init__(self, add_text: str, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._rows: list[QWidget] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self._add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _add_clicked(self) -> None:
        row = self._new_row()
        if self.saves_on_add:
            self.changed.emit()
        else:
            row.findChildren(QLineEdit)[0].setFocus()

    def _append_row(self, editors: Sequence[QWidget], *, text_above: bool = False) -> QWidget:
        """A row of editors and its Remove button; ``text_above`` gives the first editor
        (a sentence) a line of its own, the full width of the card."""
        row = QWidget()
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        if text_above:
            column = QVBoxLayout(row)
            column.setContentsMargins(0, 0, 0, Space.XS)
            column.setSpacing(Space.XS)
            column.addWidget(editors[0])
            column.addLayout(layout)
            editors = editors[1:]
        else:
            row.setLayout(layout)
        for editor in editors:
            layout.addWidget(editor, 1 if text_above or isinstance(editor, QLineEdit) else 0)
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeRow")
        remove.clicked.connect(lambda: self._remove(row))
        layout.addWidget(remove)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove(self, row: QWidget) -> None:
        self._rows.remove(row)
        row.hide()
        row.deleteLater()
        self.changed.emit()

    def _clear(self) -> None:
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows = []

    @property
    def rows(self) -> list[QWidget]:
        return list(self._rows)

    def _new_row(self) -> QWidget:
        raise NotImplementedError


class TextListPanel(_RowPanel):
    """A list of one-line texts (commitments of one side)."""

    def values(self) -> tuple[str, ...]:
        return tuple(row.findChild(QLineEdit).text() for row in self._rows)  # type: ignore[union-attr]

    def set_values(self, values: Sequence[str], *, force: bool = False) -> None:
        if not force and tuple(v.strip() for v in self.values() if v.strip()) == tuple(values):
            return
        self._clear()
        for value in values:
            self._new_row(value)

    def _new_row(self, value: str = "") -> QWidget:
        edit = QLineEdit(value)
        edit.setCursorPosition(0)
        edit.setPlaceholderText(self.tr("One thing, in a few words"))
        edit.setAccessibleName(self.accessibleName() or self.tr("Commitment"))
        edit.editingFinished.connect(self.changed)
        return self._append_row([edit])


class ObjectivePanel(_RowPanel):
    """Objectives: free text, or linked to one of my goals ("No goal" first)."""

    def __init__(self, add_text: str, object_name: str) -> None:
        super().__init__(add_text, object_name)
        self._goals: list[GoalChoice] = []

    def set_goals(self, goals: Sequence[GoalChoice]) -> None:
        self._goals = list(goals)

    def values(self) -> tuple[ObjectiveFields, ...]:
        found = []
        for row in self._rows:
            edit = row.findChild(QLineEdit)
            combo = row.findChild(WheelSafeCombo)
            assert edit is not None and combo is not None
            found.append(ObjectiveFields(edit.text(), combo.currentData()))
        return tuple(found)

    def set_values(self, values: Sequence[ObjectiveFields], *, force: bool = False) -> None:
        shown = tuple(
            ObjectiveFields(o.text.strip(), o.goal_id) for o in self.values() if not o.is_blank()
        )
        if not force and shown == tuple(values):
            return
        self._clear()
        for value in values:
            self._new_row(value)

    def _new_row(self, value: ObjectiveFields | None = None) -> QWidget:
        value = value or ObjectiveFields()
        edit = QLineEdit(value.text)
        edit.setCursorPosition(0)
        edit.setPlaceholderText(self.tr("What we work on"))
        edit.editingFinished.connect(self.changed)
        combo = WheelSafeCombo()
        combo.setObjectName("objectiveGoal")
        combo.addItem(self.tr("No goal"), None)
        for goal in self._goals:
            combo.addItem(goal.title, goal.id)
        if value.goal_id is not None and combo.findData(value.goal_id) < 0:
            combo.addItem(self.tr("A deleted goal"), value.goal_id)
        combo.setCurrentIndex(max(0, combo.findData(value.goal_id)))
        # Goal titles are long: the combo shares the line under the objective's text.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.setToolTip(combo.currentText())
        combo.setAccessibleName(self.tr("Goal of this objective"))
        edit.setAccessibleName(self.tr("Objective"))
        combo.currentTextChanged.connect(combo.setToolTip)
        combo.activated.connect(lambda _i: self.changed.emit())
        return self._append_row([edit, combo], text_above=True)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class WindowPanel(_RowPanel):
    """Availability windows: weekday, from, to."""

    saves_on_add = True

    def values(self) -> tuple[AvailabilityWindow, ...]:
        found = []
        for row in self._rows:
            day = row.findChild(WheelSafeCombo)
            starts, ends = row.findChildren(QTimeEdit)
            assert day is not None
            found.append(
                AvailabilityWindow(
                    day.currentIndex(),
                    time(starts.time().hour(), starts.time().minute()),
                    time(ends.time().hour(), ends.time().minute()),
                )
            )
        return tuple(found)

    def set_values(self, values: Sequence[AvailabilityWindow], *, force: bool = False) -> None:
        shown = sorted(set(self.values()), key=lambda w: (w.weekday, w.starts, w.ends))
        if not force and tuple(shown) == tuple(values):
            return
        self._clear()
        for value in values:
            self._new_row(value)

    def _new_row(self, value: AvailabilityWindow | None = None) -> QWidget:
        value = value or AvailabilityWindow(0, time(9), time(17))
        day = WheelSafeCombo()
        day.setObjectName("windowDay")
        for name in WEEKDAYS:
            day.addItem(self.tr(name))
        day.setCurrentIndex(value.weekday)
        day.activated.connect(lambda _i: self.changed.emit())
        editors: list[QWidget] = [day]
        for moment, name in ((value.starts, "windowFrom"), (value.ends, "windowTo")):
            edit = QTimeEdit(_qtime(moment))
            edit.setObjectName(name)
            edit.setDisplayFormat("HH:mm")
            edit.editingFinished.connect(self.changed)
            editors.append(edit)
        return self._append_row(editors)
