"""Importing a calendar file: read it, plan it (the preview), then store the plan whole.

    importer = CalendarImport(services)
    plan = importer.read(path)             # CalendarFileError when the file cannot be used
    result = importer.apply(plan)          # a backup snapshot, then one transaction

``apply`` makes the plan again inside its transaction (with the person's choices from the
preview), so it stores exactly what the data holds at that moment; a failure or Cancel
anywhere rolls all of it back: nothing is imported at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.domain.validation import DomainError
from mentordesk.interchange.errors import ImportCancelled
from mentordesk.interchange.ics_plan import Action, Existing, ImportPlan, plan_import
from mentordesk.interchange.ics_read import (
    CalendarFile,
    Cancelled,
    EventsInRange,
    Progress,
    read_calendar_file,
)

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
BACKUP_REASON = "before-import"


def default_range(today: date) -> tuple[date, date]:
    """One year back and one year ahead of ``today``: the range recurring events are
    expanded in unless another is chosen."""
    return (_years_from(today, -1), _years_from(today, 1))


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Unassigned:
    """An imported meeting that has no mentor yet."""

    meeting_id: int
    title: str
    starts_at: datetime


@dataclass(frozen=True)
class ImportResult:
    path: Path
    created: int
    updated: int
    unchanged: int
    left_out: int
    unassigned: tuple[Unassigned, ...]
    backup: Path | None  # the snapshot taken just before (None: nothing was written)
    seconds: float = 0.0
    plan: ImportPlan | None = None  # the plan as it was stored
    meeting_ids: Mapping[int, int] = field(default_factory=dict)  # plan index -> meeting

    def summary(self) -> str:
        created = f"{self.created} new meeting{'' if self.created == 1 else 's'}"
        text = f"{created}, {self.updated} updated, {self.unchanged} unchanged"
        if self.left_out:
            text += f", {self.left_out} left out"
        return text + "."


class CalendarImport:
    """Import calendar files into the meetings of ``services``."""

    def __init__(self, services: Services, clock: Clock | None = None) -> None:
        self._services = services
        self._now = clock or (lambda: datetime.now(UTC))

    def today(self) -> date:
        return self._now().astimezone().date()

    # --- reading and planning ------------------------------------------------------------

    def open(self, path: Path) -> CalendarFile:
        return read_calendar_file(path)

    def read(
        self,
        path: Path,
        start: date | None = None,
        end: date | None = None,
        *,
        floating_zone: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPlan:
        """The plan for the file's events from ``start`` to ``end`` (default_range)."""
        return self.plan(
            self.open(path),
            start,
            end,
            floating_zone=floating_zone,
            progress=progress,
            cancelled=cancelled,
        )

    def plan(
        self,
        calendar_file: CalendarFile,
        start: date | None = None,
        end: date | None = None,
        *,
        floating_zone: str | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> ImportPlan:
        first, last = default_range(self.today())
        start, end = start or first, end or last
        if end < start:  # not the file's fault: say so before it is read
            raise DomainError(
                f"The first day ({start:%Y-%m-%d}) is after the last ({end:%Y-%m-%d}); "
                "no event can fall between them. Nothing was imported."
            )
        found = calendar_file.events_between(
            start,
            end,
            floating_zone=floating_zone,
            progress=progress,
            cancelled=cancelled,
        )
        return self._plan(calendar_file.path, found, self._services)

    def _plan(self, path: Path, found: EventsInRange, services: Services) -> ImportPlan:
        from mentordesk.interchange import _meeting_rows as rows

        stored = rows.identities(services.sessions, (e.key for e in found.events))
        records = {}
        if stored:
            # The matched meetings mostly fall in the range: read them at once, the rest alone.
            wanted = {identity.meeting_id for identity in stored.values()}
            span = (
                datetime.combine(found.start, datetime.min.time(), UTC) - timedelta(days=2),
                datetime.combine(found.end, datetime.max.time(), UTC) + timedelta(days=2),
            )
            records = {r.id: r for r in services.meetings.between(*span) if r.id in wanted}
            for meeting_id in wanted - set(records):
                records[meeting_id] = services.meetings.get(meeting_id)
        existing = {
            key: Existing(records[identity.meeting_id], identity.imported)
            for key, identity in stored.items()
        }
        return plan_import(
            path, found, services.mentors.list_all(), services.settings.read(), existing
        )

    # --- storing -------------------------------------------------------------------------

    def apply(
        self,
        plan: ImportPlan,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        backup: bool = True,
    ) -> ImportResult:
        """Store ``plan`` (as chosen in the preview) all at once, after a backup snapshot
        (``backup=False`` only for tests that import thousands of files). Returns what was
        done; raises ImportCancelled or another DomainError with nothing imported."""
        started = time.perf_counter()
        services = self._services
        if not plan.writes:
            return self._result(plan, (), None, started)
        if services.read_only:
            raise DomainError("The data folder is read-only, so nothing can be imported.")

        def check() -> None:
            if cancelled is not None and cancelled():
                raise ImportCancelled()

        check()
        from mentordesk.services.backups import BackupService

        snapshot = None
        if backup:
            snapshot = (
                BackupService(services.database.location, self._now).snapshot(BACKUP_REASON).path
            )
        check()
        with services.in_one_transaction() as together:
            final = self._plan(
                plan.path,
                EventsInRange(
                    tuple(p.event for p in plan.events),
                    plan.start,
                    plan.end,
                    plan.outside,
                    plan.duplicates,
                ),
                together,
            )
            known = {m.id for m in together.mentors.list_all()}
            choices = {
                key: choice
                if choice.mentor_ids is None
                else type(choice)(choice.include, tuple(m for m in choice.mentor_ids if m in known))
                for key, choice in plan.choices().items()
            }
            final = final.with_choices(choices)
            ids = self._store(final, together, progress, check)
            check()  # the last moment Cancel can stop it: the commit follows
        log.info(
            "imported a calendar file: %d new, %d updated, %d unchanged, %d left out",
            final.count(Action.NEW),
            final.count(Action.UPDATE),
            final.count(Action.UNCHANGED),
            final.count(Action.LEFT_OUT),
        )
        return self._result(final, ids, snapshot, started)

    def _store(
        self,
        plan: ImportPlan,
        services: Services,
        progress: Progress | None,
        check: Callable[[], None],
    ) -> list[tuple[int, int]]:
        """Write the plan; returns (index in the plan, meeting id) of each meeting written."""
        from mentordesk.interchange import _meeting_rows as rows

        writing = [(i, p) for i, p in enumerate(plan.events) if p.writes]
        total = len(writing)
        done = 0
        now = self._now()
        new = [(i, p) for i, p in writing if p.action is Action.NEW]
        marks: list[dict[str, Any]] = []
        written: list[tuple[int, int]] = []
        if new:
            ids = services.meetings.add_many([(p.fields, now) for _, p in new if p.fields])
            for (index, planned), meeting_id in zip(new, ids, strict=True):
                marks.append(
                    {
                        "id": meeting_id,
                        "uid": planned.event.uid,
                        "recurrence_id": planned.event.recurrence_id,
                        "sequence": planned.event.sequence,
                        "imported": planned.stored,
                    }
                )
                written.append((index, meeting_id))
            done += len(new)
            _report(progress, done, total)
            check()
        for index, planned in writing:
            if planned.action is Action.NEW or planned.meeting_id is None:
                continue
            sequence = planned.event.sequence
            if planned.action is Action.UPDATE and planned.fields is not None:
                record = services.meetings.update(planned.meeting_id, planned.fields)
                sequence = max(sequence, record.sequence)
                marks.append({"id": record.id, "sequence": sequence, "imported": planned.stored})
            else:
                marks.append({"id": planned.meeting_id, "imported": planned.stored})
            written.append((index, planned.meeting_id))
            done += 1
            if done % 25 == 0:
                _report(progress, done, total)
                check()
        if marks:
            rows.mark(services.sessions, marks)
        _report(progress, total, total)
        return written

    def _result(
        self,
        plan: ImportPlan,
        written: list[tuple[int, int]] | tuple[()],
        backup: Path | None,
        started: float,
    ) -> ImportResult:
        ids = dict(written)
        unassigned = tuple(
            Unassigned(
                ids.get(i, p.meeting_id or 0),
                p.fields.title if p.fields else p.event.title,
                p.event.starts_at,
            )
            for i, p in enumerate(plan.events)
            if p.include and p.is_unassigned
        )
        return ImportResult(
            path=plan.path,
            created=plan.count(Action.NEW),
            updated=plan.count(Action.UPDATE),
            unchanged=plan.count(Action.UNCHANGED),
            left_out=plan.count(Action.LEFT_OUT),
            unassigned=unassigned,
            backup=backup,
            seconds=time.perf_counter() - started,
            plan=plan,
            meeting_ids=ids,
        )


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
