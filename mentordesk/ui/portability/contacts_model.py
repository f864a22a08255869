"""The preview of a contacts import as a table: each contact from the file, what importing it
does (new, update, skip; the person may change it), the mentor it matched and how, and what
changes on that card, with the values left as they are in MentorDesk."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import Qt as QtGui

from mentordesk.interchange.contacts_plan import (
    Conflict,
    Contact,
    ContactAction,
    ContactPlan,
    PlannedContact,
)
from mentordesk.ui.common.labels import label
from mentordesk.ui.common.style import colors

_Index = QModelIndex | Any  # what Qt hands a model (also QPersistentModelIndex)

# The actions a row may take (a frozenset of ContactAction), for the delegate and buttons.
ALLOWED_ROLE = Qt.ItemDataRole.UserRole + 1
# The row's current action (a ContactAction).
ACTION_ROLE = Qt.ItemDataRole.UserRole + 2

# Re-plans with the person's choices: ContactImport.choose, with the mentors read once.
Chooser = Callable[[ContactPlan, Mapping[int, ContactAction]], ContactPlan]

ACTIONS = (ContactAction.NEW, ContactAction.UPDATE, ContactAction.SKIP)
SHORT_VALUE = 48  # characters of a value quoted in a conflict


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactsPreview", text)


def plain_tip(text: str) -> str:
    """A tooltip showing ``text`` as it is: a tooltip takes text that looks like HTML for HTML."""
    return QtGui.convertFromPlainText(text, QtGui.WhiteSpaceMode.WhiteSpaceNormal)


def action_text(action: ContactAction) -> str:
    return {
        ContactAction.NEW: _tr("New"),
        ContactAction.UPDATE: _tr("Update"),
        ContactAction.SKIP: _tr("Skip"),
    }[action]


def field_noun(name: str) -> str:
    """How a sentence names a card's field: "profile URL", "how-you-met details"."""
    nouns = {
        "title": _tr("title"),
        "organization": _tr("organization"),
        "email": _tr("email"),
        "phone": _tr("phone"),
        "profile_url": _tr("profile URL"),
        "location": _tr("location"),
        "met_via": _tr("how you met"),
        "met_detail": _tr("how-you-met details"),
        "notes": _tr("notes"),
        "tags": _tr("tags"),
    }
    return nouns.get(name, name.replace("_", " "))


def short(value: str, limit: int = SHORT_VALUE) -> str:
    """One line of at most ``limit`` characters: a value quoted in a sentence."""
    line = " ".join(value.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def conflict_text(conflict: Conflict) -> str:
    """“kept: email (MentorDesk has a@b.org, file says c@d.org)”."""
    return _tr("kept: {field} (MentorDesk has {ours}, file says {theirs})").format(
        field=field_noun(conflict.field),
        ours=short(conflict.in_mentordesk),
        theirs=short(conflict.in_file),
    )


def _reason(planned: PlannedContact) -> str:
    if planned.reason == "chosen":
        return _tr("you chose to skip it")
    if planned.mentor_id is not None:  # matched, and nothing to fill (Matches names whom)
        return _tr("the card has all of it already")
    return planned.reason


def what_changes(planned: PlannedContact) -> str:
    """The What changes cell: what is filled, or why nothing is; then what is kept."""
    if planned.action is ContactAction.NEW:
        text = _tr("a new card")
    elif planned.action is ContactAction.UPDATE:
        text = _tr("fills {fields}").format(fields=", ".join(field_noun(f) for f in planned.fills))
    else:
        text = _reason(planned)
    if planned.conflicts:
        text += "; " + _tr("kept: {fields}").format(
            fields=", ".join(field_noun(c.field) for c in planned.conflicts)
        )
    return text[:1].upper() + text[1:]


def what_changes_in_full(planned: PlannedContact) -> str:
    """Every value it fills and every value left as it is, a line each: the tooltip and the
    details under the table."""
    lines = []
    if planned.action is ContactAction.UPDATE and planned.stored is not None:
        for name in planned.fills:
            value = getattr(planned.stored, name)
            shown = ", ".join(value) if isinstance(value, tuple) else str(value)
            if name == "met_via":
                shown = label(value)
            lines.append(
                _tr("fills: {field} ({value})").format(field=field_noun(name), value=short(shown))
            )
    else:
        lines.append(what_changes(planned).split("; ")[0])
    lines += [conflict_text(c) for c in planned.conflicts]
    lines += [
        _tr("left out (the card refuses it): {what}").format(what=what)
        for what in planned.contact.left_out
    ]
    return "\n".join(lines)


def from_the_file(contact: Contact) -> str:
    """The file's email and organization (or what else tells the person apart), short."""
    fields = contact.fields
    parts = [p for p in (fields.email, fields.organization) if p]
    if not parts:
        parts = [p for p in (fields.title, fields.phone, fields.location) if p][:2]
    return " · ".join(short(p, 40) for p in parts)


def from_the_file_in_full(contact: Contact) -> str:
    fields = contact.fields
    lines = [_tr("Line {line} of the file").format(line=contact.line)]
    for name in ("title", "organization", "email", "phone", "profile_url", "location"):
        value = getattr(fields, name)
        if value:
            lines.append(f"{field_noun(name)}: {value}")
    if fields.tags:
        lines.append(f"{field_noun('tags')}: {', '.join(fields.tags)}")
    if fields.notes:
        lines.append(f"{field_noun('notes')}: {short(fields.notes, 120)}")
    return "\n".join(lines)


class ContactsModel(QAbstractTableModel):
    """One row per contact of the plan. The Action column is editable; every change goes
    through the ``chooser`` (the import planning again), so the rows always show what the
    import would store."""

    NAME, FROM_FILE, ACTION, MATCH, CHANGES = range(5)

    plan_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan: ContactPlan | None = None
        self._allowed: tuple[frozenset[ContactAction], ...] = ()
        self._names: dict[int, str] = {}
        self._chooser: Chooser | None = None

    # --- the plan ------------------------------------------------------------------------

    def set_plan(
        self,
        plan: ContactPlan,
        allowed: Sequence[frozenset[ContactAction]],
        mentor_names: Mapping[int, str],
        chooser: Chooser,
    ) -> None:
        self.beginResetModel()
        self._plan = plan
        self._allowed = tuple(allowed)
        self._names = dict(mentor_names)
        self._chooser = chooser
        self.endResetModel()
        self.plan_changed.emit()

    def plan(self) -> ContactPlan | None:
        return self._plan

    def planned(self, row: int) -> PlannedContact:
        assert self._plan is not None
        return self._plan.contacts[row]

    def allowed(self, row: int) -> frozenset[ContactAction]:
        return self._allowed[row] if row < len(self._allowed) else frozenset()

    def choose(self, rows: Iterable[int], action: ContactAction) -> bool:
        """Give ``rows`` the ``action`` where the plan allows it; False when nothing changed."""
        if self._plan is None or self._chooser is None:
            return False
        choices = {
            row: action
            for row in rows
            if action in self.allowed(row) and self.planned(row).action is not action
        }
        if not choices:
            return False
        before = self._plan
        self._plan = self._chooser(before, choices)
        changed = [
            r for r in range(len(before.contacts)) if before.contacts[r] != self._plan.contacts[r]
        ]
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), self.columnCount() - 1)
            )
        self.plan_changed.emit()
        return True

    def mentor_name(self, mentor_id: int) -> str:
        return self._names.get(mentor_id, f"#{mentor_id}")

    def match_text(self, planned: PlannedContact) -> str:
        if planned.mentor_id is None:
            return ""
        how = {"email": _tr("by email"), "name": _tr("by name")}.get(
            planned.matched_by, planned.matched_by
        )
        return _tr("{name} ({how})").format(name=self.mentor_name(planned.mentor_id), how=how)

    # --- the table -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._plan is None else len(self._plan.contacts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            _tr("Name"),
            _tr("From the file"),
            _tr("Action"),
            _tr("Matches"),
            _tr("What changes"),
        )[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.ACTION and len(self.allowed(index.row())) > 1:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._plan is None:
            return None
        planned = self.planned(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(planned, column)
        if role == Qt.ItemDataRole.EditRole and column == self.ACTION:
            return planned.action
        # Tooltips show names and values from the file as text, never as markup.
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._tip(index.row(), planned, column))
        if role == Qt.ItemDataRole.ForegroundRole and planned.action is ContactAction.SKIP:
            return colors().muted
        if role == ALLOWED_ROLE:
            return self.allowed(index.row())
        if role == ACTION_ROLE:
            return planned.action
        return None

    def _display(self, planned: PlannedContact, column: int) -> str:
        if column == self.NAME:
            return planned.name
        if column == self.FROM_FILE:
            return from_the_file(planned.contact)
        if column == self.ACTION:
            return action_text(planned.action)
        if column == self.MATCH:
            return self.match_text(planned)
        if column == self.CHANGES:
            return what_changes(planned)
        return ""

    def _tip(self, row: int, planned: PlannedContact, column: int) -> str:
        if column in (self.NAME, self.FROM_FILE):
            return f"{planned.name}\n{from_the_file_in_full(planned.contact)}"
        if column == self.ACTION:
            others = [action_text(a) for a in ACTIONS if a in self.allowed(row)]
            if len(others) < 2:
                return _tr("{action}: nothing else can be chosen for this contact").format(
                    action=action_text(planned.action)
                )
            return _tr("{action}. Can be: {choices} (double-click, or press N, U or S)").format(
                action=action_text(planned.action), choices=", ".join(others)
            )
        if column == self.MATCH:
            if planned.mentor_id is None:
                return _tr("No mentor in MentorDesk matches this contact")
            how = (
                _tr("Matched by email address (ignoring case)")
                if planned.matched_by == "email"
                else _tr("Matched by name (ignoring case, accents and spacing)")
            )
            return f"{self.mentor_name(planned.mentor_id)}\n{how}"
        return what_changes_in_full(planned)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != self.ACTION:
            return False
        try:
            action = ContactAction(value)
        except ValueError:
            return False
        return self.choose([index.row()], action)  # False when refused, or already so
