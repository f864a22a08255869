"""Importing contacts (vCards, LinkedIn connections): read, plan (the preview), then store
the plan whole.

    importer = ContactImport(services)
    plan = importer.plan(read_vcard_file(path))    # or read_linkedin_file(path)
    result = importer.apply(plan)      # a backup snapshot, then one transaction

``apply`` plans again inside its transaction (with the person's choices), so it stores what
fits the data at that moment; any failure rolls all of it back: nothing is imported.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.domain.validation import DomainError
from mentordesk.interchange.contacts_plan import (
    ContactAction,
    ContactFile,
    ContactPlan,
    plan_contacts,
)

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
BACKUP_REASON = "before-import"


@dataclass(frozen=True)
class ContactImportResult:
    plan: ContactPlan  # as it was stored
    created: tuple[int, ...]  # the new mentors' ids
    updated: tuple[int, ...]
    backup: Path | None
    seconds: float


class ContactImport:
    """Import contacts into the mentors of ``services``."""

    def __init__(self, services: Services, clock: Clock | None = None) -> None:
        self._services = services
        self._now = clock or (lambda: datetime.now(UTC))

    def plan(self, contacts: ContactFile) -> ContactPlan:
        """What importing ``contacts`` would do (the preview)."""
        return plan_contacts(
            contacts.path, contacts.source, contacts.contacts, self._services.mentors.list_all()
        )

    def choose(self, plan: ContactPlan, choices: Mapping[int, ContactAction]) -> ContactPlan:
        """``plan`` with the person's actions (index in the plan -> action)."""
        contacts = tuple(p.contact for p in plan.contacts)
        merged = {**plan.choices, **choices}
        return plan_contacts(
            plan.path, plan.source, contacts, self._services.mentors.list_all(), merged
        )

    def apply(self, plan: ContactPlan, *, backup: bool = True) -> ContactImportResult:
        """Store ``plan`` (with its choices) all at once, after a backup snapshot."""
        started = time.perf_counter()
        services = self._services
        if not plan.writes:
            return ContactImportResult(plan, (), (), None, time.perf_counter() - started)
        if services.read_only:
            raise DomainError("The data folder is read-only, so nothing can be imported.")
        from mentordesk.services.backups import BackupService

        snapshot = None
        if backup:
            location = services.database.location
            snapshot = BackupService(location, self._now).snapshot(BACKUP_REASON).path
        contacts = tuple(p.contact for p in plan.contacts)
        with services.in_one_transaction() as together:
            final = plan_contacts(
                plan.path, plan.source, contacts, together.mentors.list_all(), plan.choices
            )
            new = [p.stored for p in final.contacts if p.action is ContactAction.NEW and p.stored]
            created = tuple(together.mentors.create_many(new)) if new else ()
            updated = []
            for planned in final.contacts:
                if planned.action is ContactAction.UPDATE and planned.mentor_id is not None:
                    assert planned.stored is not None
                    together.mentors.update(planned.mentor_id, planned.stored)
                    updated.append(planned.mentor_id)
        log.info(
            "imported %s contacts: %d new, %d updated, %d skipped",
            plan.source,
            len(created),
            len(updated),
            final.count(ContactAction.SKIP),
        )
        return ContactImportResult(
            final, created, tuple(updated), snapshot, time.perf_counter() - started
        )
