"""Undoable changes of several action items at once: marking a selection done, or reported
back today. One step in the undo history, one transaction in the database; undo puts every
item's previous fields back, again in one transaction. Creating, editing and deleting one
item use the generic commands of ui/common.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mentordesk.domain.action_item import ActionItemFields, ActionItemRecord
from mentordesk.domain.enums import ActionStatus
from mentordesk.ui.common.commands import CommandContext, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

if TYPE_CHECKING:
    from mentordesk.services.action_items import ActionItemService

ACTION_ITEM = frozenset({DataKind.ACTION_ITEM})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionItemCommands", text)


def can_mark_done(record: ActionItemRecord) -> bool:
    return record.is_open


def can_mark_reported(record: ActionItemRecord) -> bool:
    return record.awaits_report_back


class ChangeItems(ServiceCommand):
    """The same change made to several items together; undo restores each one's fields."""

    kinds = ACTION_ITEM

    def __init__(
        self,
        context: CommandContext,
        service: ActionItemService,
        records: Sequence[ActionItemRecord],
        change: Callable[[ActionItemFields], ActionItemFields],
        text: str,
        focus_id: int | None = None,
    ) -> None:
        super().__init__(context, text)
        self.service = service
        self.before = [(r.id, r.fields) for r in records]
        self.after_fields = [(r.id, change(r.fields)) for r in records]
        self.focus_id = focus_id

    def apply(self) -> None:
        self.service.update_many(self.after_fields)

    def revert(self) -> None:
        self.service.update_many(self.before)

    def after(self, undone: bool) -> None:
        if self.focus_id is not None:
            self.context.focus(self.focus_id)


def mark_done(
    context: CommandContext,
    service: ActionItemService,
    records: Sequence[ActionItemRecord],
    focus_id: int | None = None,
) -> ChangeItems:
    """Open items marked done; the service dates them today."""

    def done(fields: ActionItemFields) -> ActionItemFields:
        return fields.replace(status=ActionStatus.DONE, done_on=None, reported_on=None)

    text = _named(records, _tr("Mark “{text}” done"), _tr("Mark {n} action items done"))
    return ChangeItems(context, service, records, done, text, focus_id)


def mark_reported(
    context: CommandContext,
    service: ActionItemService,
    records: Sequence[ActionItemRecord],
    today: date,
    focus_id: int | None = None,
) -> ChangeItems:
    """Done items reported back to their mentor today."""

    def reported(fields: ActionItemFields) -> ActionItemFields:
        return fields.replace(reported_on=today)

    text = _named(
        records, _tr("Mark “{text}” reported back"), _tr("Mark {n} action items reported back")
    )
    return ChangeItems(context, service, records, reported, text, focus_id)


def _named(records: Sequence[ActionItemRecord], one: str, many: str) -> str:
    if len(records) == 1:
        return one.format(text=_shorten(records[0].text))
    return many.format(n=len(records))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
