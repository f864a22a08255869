"""One active agreement per mentor: an edit that would make a second one active asks whether
to conclude the first, and on yes runs again concluding it (one undo puts both back)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mentordesk.domain.agreement import AgreementRecord, AnotherAgreementActive
from mentordesk.domain.validation import DomainError
from mentordesk.ui.common.commands import ServiceCommand
from mentordesk.ui.common.data_bus import DataKind

if TYPE_CHECKING:
    from mentordesk.ui.agreements.view import AgreementsView

MakeCommand = Callable[[AgreementRecord | None], ServiceCommand]


class ConcludingRun(QObject):
    def __init__(self, view: AgreementsView) -> None:
        super().__init__(view)
        self._view = view

    def run(self, make: MakeCommand) -> bool:
        """Run ``make(None)``; if it would activate a second agreement, ask, and on yes run
        ``make(other)`` with the mentor's other active agreement as it was before."""
        view = self._view
        try:
            return view.run(make(None))
        except AnotherAgreementActive as exc:
            question = self.tr(
                "This mentor already has an active agreement, “{title}”. Only one can be "
                "active at a time.\n\nConclude “{title}” and go on?"
            ).format(title=exc.title)
            if not view._ask(self.tr("Conclude the current agreement?"), question):
                view.refresh(frozenset({DataKind.AGREEMENT}))
                return False
            try:
                other = view.record_service().get(exc.agreement_id)
            except DomainError as error:
                view.report_error(str(error))
                return False
            return view.run(make(other))
