"""Mentors as one vCard file (3.0: what Google Contacts, Apple Contacts, Outlook and
Thunderbird all read), written with ``vobject`` and atomically (temporary file, then
replace).

Each card has FN and N (the last word of the name as the family name, as address books
split it), ORG, TITLE, EMAIL, TEL, URL, the location as the locality of a work ADR, NOTE and
the tags as CATEGORIES: what ``vcard_read`` reads back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.domain.mentor import MentorRecord
from mentordesk.interchange.contacts_plan import ContactFileError

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VCardExportResult:
    path: Path
    count: int


def vcard_text(mentors: Sequence[MentorRecord]) -> str:
    """The vCards of ``mentors``, one after another (CRLF line ends, folded at 75)."""
    import vobject  # type: ignore[import-untyped]

    cards = []
    for mentor in mentors:
        fields = mentor.fields
        card = vobject.vCard()
        card.add("version").value = "3.0"
        card.add("fn").value = fields.name
        given, _, family = fields.name.rpartition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if fields.organization:
            card.add("org").value = [fields.organization]
        if fields.title:
            card.add("title").value = fields.title
        if fields.email:
            email = card.add("email")
            email.value = fields.email
            email.type_param = "INTERNET"
        if fields.phone:
            card.add("tel").value = fields.phone
        if fields.profile_url:
            card.add("url").value = fields.profile_url
        if fields.location:
            address = card.add("adr")
            address.value = vobject.vcard.Address(city=fields.location)
            address.type_param = "WORK"
        if fields.notes:
            card.add("note").value = fields.notes
        if fields.tags:
            card.add("categories").value = list(fields.tags)
        cards.append(card.serialize())
    return "".join(cards)


class VCardExport:
    """Mentors of ``services`` as a .vcf file."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def mentors(self, wanted: Collection[int] | None = None) -> list[MentorRecord]:
        """All mentors (archived ones too), or those with the ids in ``wanted``."""
        everyone = self._services.mentors.list_all()
        return [m for m in everyone if not wanted or m.id in wanted]

    def write(
        self,
        path: Path,
        wanted: Collection[int] | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> VCardExportResult:
        """Write the mentors to ``path``; ExportCancelled (nothing written) when
        ``cancelled()`` turns true before the file is put in place."""
        from mentordesk.interchange.errors import NOTHING_WRITTEN, check_cancelled, write_export

        path = Path(path)
        mentors = self.mentors(wanted)
        data = vcard_text(mentors).encode("utf-8")
        check_cancelled(cancelled)
        write_export(
            path, data, lambda p, problem: ContactFileError(p, problem, nothing=NOTHING_WRITTEN)
        )
        log.info("exported %d vCards", len(mentors))
        return VCardExportResult(path, len(mentors))
