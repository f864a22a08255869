"""Importing contacts (vCards, LinkedIn connections): read, plan (the preview), then store
the plan whole.

    importer = ContactImport(services)
    plan = importer.plan(read_vcard_file(path))    # or read_linkedin_file(path)
    plan = importer.choose(plan, {2: ContactAction.SKIP})   # the person's changes
    result = importer.apply(plan)      # a backup snapshot, then one transaction

``apply`` plans again inside its transaction (with the person's choices), so it stores what
fits the data at that moment; any failure, or a Cancel (``cancelled``), rolls all of it
back: nothing is imported. A preview that plans again at each choice reads the mentors once
and hands them to ``plan``, ``choose`` and ``allowed_actions`` (``mentors=``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
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
from mentordesk.interchange.errors import ImportCancelled

if TYPE_CHECKING:
    from mentordesk.domain.mentor import MentorRecord
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
Progress = Callable[[int, int], None]  # progress(done, total)
Cancelled = Callable[[], bool]
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

    def plan(
        self, contacts: ContactFile, *, mentors: Sequence[MentorRecord] | None = None
    ) -> ContactPlan:
        """What importing ``contacts`` would do (the preview), against ``mentors`` (the
        stored ones, read now unless given)."""
        return plan_contacts(
            contacts.path, contacts.source, contacts.contacts, self._mentors(mentors)
        )

    def choose(
        self,
        plan: ContactPlan,
        choices: Mapping[int, ContactAction],
        *,
        mentors: Sequence[MentorRecord] | None = None,
    ) -> ContactPlan:
        """``plan`` with the person's actions (index in the plan -> action). An action the
        plan does not allow for a contact leaves its proposal (see ``allowed_actions``)."""
        contacts = tuple(p.contact for p in plan.contacts)
        merged = {**plan.choices, **choices}
        return plan_contacts(plan.path, plan.source, contacts, self._mentors(mentors), merged)

    def allowed_actions(
        self, plan: ContactPlan, *, mentors: Sequence[MentorRecord] | None = None
    ) -> tuple[frozenset[ContactAction], ...]:
        """For each contact of ``plan``, the actions a person may choose for it: skip always;
        new unless it repeats a contact earlier in the file; update only when it matched a
        mentor whose card it has something to fill. Worked out by the planner itself (every
        contact chosen new, then every one update), so it can never offer what ``choose``
        would not do."""
        stored = self._mentors(mentors)
        contacts = tuple(p.contact for p in plan.contacts)
        tried = {
            action: plan_contacts(
                plan.path,
                plan.source,
                contacts,
                stored,
                dict.fromkeys(range(len(contacts)), action),
            )
            for action in (ContactAction.NEW, ContactAction.UPDATE)
        }
        return tuple(
            frozenset(
                {ContactAction.SKIP}
                | {
                    action
                    for action, tried_plan in tried.items()
                    if tried_plan.contacts[i].action is action
                }
            )
            for i in range(len(contacts))
        )

    def _mentors(self, mentors: Sequence[MentorRecord] | None) -> Sequence[MentorRecord]:
        return self._services.mentors.list_all() if mentors is None else mentors

    def apply(
        self,
        plan: ContactPlan,
        *,
        backup: bool = True,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ContactImportResult:
        """Store ``plan`` (with its choices) all at once, after a backup snapshot. ``progress``
        hears (done, total) as contacts are stored; ``cancelled`` is asked between the steps
        and once more just before the commit: when it says yes, ImportCancelled is raised and
        nothing is stored (the transaction rolls back)."""
        started = time.perf_counter()
        services = self._services
        if not plan.writes:
            return ContactImportResult(plan, (), (), None, time.perf_counter() - started)
        if services.read_only:
            raise DomainError("The data folder is read-only, so nothing can be imported.")

        def check() -> None:
            if cancelled is not None and cancelled():
                raise ImportCancelled()

        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)

        check()
        from mentordesk.services.backups import BackupService

        snapshot = None
        if backup:
            location = services.database.location
            snapshot = BackupService(location, self._now).snapshot(BACKUP_REASON).path
        check()
        contacts = tuple(p.contact for p in plan.contacts)
        with services.in_one_transaction() as together:
            final = plan_contacts(
                plan.path, plan.source, contacts, together.mentors.list_all(), plan.choices
            )
            new = [p.stored for p in final.contacts if p.action is ContactAction.NEW and p.stored]
            updates = [
                p
                for p in final.contacts
                if p.action is ContactAction.UPDATE and p.mentor_id is not None
            ]
            total = len(new) + len(updates)
            report(0, total)
            created = tuple(together.mentors.create_many(new)) if new else ()
            report(len(new), total)
            updated = []
            for planned in updates:
                check()
                assert planned.stored is not None and planned.mentor_id is not None
                together.mentors.update(planned.mentor_id, planned.stored)
                updated.append(planned.mentor_id)
                report(len(new) + len(updated), total)
            check()  # the last moment Cancel can stop it: the commit follows
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
