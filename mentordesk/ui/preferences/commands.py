"""Changing preferences is undoable like any other edit."""

from __future__ import annotations

from typing import Protocol

from mentordesk.domain.settings import PersonalSettings
from mentordesk.ui.common.commands import CommandContext, ServiceCommand
from mentordesk.ui.common.data_bus import DataKind


class SavesSettings(Protocol):
    def save(self, settings: PersonalSettings, /) -> PersonalSettings: ...


class ChangeSettings(ServiceCommand):
    """Every setting changed in one visit to Preferences: one undo step."""

    kinds = frozenset({DataKind.SETTINGS})

    def __init__(
        self,
        context: CommandContext,
        service: SavesSettings,
        before: PersonalSettings,
        after: PersonalSettings,
    ) -> None:
        super().__init__(context, context.bus.tr("Preferences Change"))
        self.service = service
        self.before = before
        self.after_settings = after

    def apply(self) -> None:
        self.service.save(self.after_settings)

    def revert(self) -> None:
        self.service.save(self.before)
