"""What importing contacts (vCards, LinkedIn connections) would do, before anything is stored.

Pure: each contact from the file is matched to a mentor, by email (ignoring case), then by
name (ignoring case, accents and spacing), and gets an action: ``new`` (a card is made),
``update`` (empty fields of the matched card are filled, labels added) or ``skip``. A field
already filled in MentorDesk is never overwritten: where the file says otherwise, the
difference is listed as a conflict and the card keeps its value. The person may change an
action (``with_choices``), which the import applies when it plans again inside its
transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from mentordesk.domain.mentor import SHORT_TEXT_FIELDS, MentorFields, MentorRecord
from mentordesk.domain.validation import DomainError, fold


class ContactFileError(DomainError):
    """The contacts file cannot be imported; nothing was imported. The message names the
    file, the line where it can, and the problem."""

    def __init__(
        self,
        path: Path,
        problem: str,
        line: int | None = None,
        *,
        nothing: str = "Nothing was imported.",
    ) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}, line {line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {problem} {nothing}")


class ContactAction(StrEnum):
    NEW = "new"
    UPDATE = "update"
    SKIP = "skip"


# The text fields an import may fill, in the order a summary names them: the card's short
# fields but the time zone (no contact file carries one), then the notes.
TEXT_FIELDS = (*(f for f in SHORT_TEXT_FIELDS if f != "time_zone"), "notes")


@dataclass(frozen=True)
class Contact:
    """One person as the file describes them, checked: ``fields`` can be stored as a new
    card; ``left_out`` says which values were not usable (and why)."""

    line: int
    fields: MentorFields
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactFile:
    """The contacts a file holds, and the lines it held that are no contact (with why)."""

    path: Path
    source: str  # "vCard" or "LinkedIn"
    contacts: tuple[Contact, ...]
    ignored: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    field: str
    in_mentordesk: str
    in_file: str


@dataclass(frozen=True)
class PlannedContact:
    contact: Contact
    action: ContactAction
    mentor_id: int | None = None  # the matched card (update, or a skip that matched)
    matched_by: str = ""  # "email" or "name"
    fills: tuple[str, ...] = ()  # fields an update fills
    conflicts: tuple[Conflict, ...] = ()
    reason: str = ""  # why a contact is skipped
    stored: MentorFields | None = None  # the card as it would be stored

    @property
    def name(self) -> str:
        return self.contact.fields.name


@dataclass(frozen=True)
class ContactPlan:
    path: Path
    source: str  # "vCard" or "LinkedIn"
    contacts: tuple[PlannedContact, ...]
    choices: Mapping[int, ContactAction] = field(default_factory=dict)

    def count(self, action: ContactAction) -> int:
        return sum(1 for c in self.contacts if c.action is action)

    @property
    def writes(self) -> bool:
        return any(c.action is not ContactAction.SKIP for c in self.contacts)

    @property
    def conflicts(self) -> int:
        return sum(len(c.conflicts) for c in self.contacts)

    def summary(self) -> str:
        text = (
            f"{self.count(ContactAction.NEW)} new, {self.count(ContactAction.UPDATE)} updated, "
            f"{self.count(ContactAction.SKIP)} skipped"
        )
        if self.conflicts:
            text += f"; {self.conflicts} value{'s' if self.conflicts != 1 else ''} left as in "
            text += "MentorDesk"
        return text + "."


def _email_key(email: str) -> str:
    return email.strip().casefold()


def _name_key(name: str) -> str:
    return " ".join(fold(name).split())


def plan_contacts(
    path: Path,
    source: str,
    contacts: Sequence[Contact],
    mentors: Sequence[MentorRecord],
    choices: Mapping[int, ContactAction] | None = None,
) -> ContactPlan:
    """The plan for ``contacts`` against the stored ``mentors``; ``choices`` (index in
    ``contacts`` -> action) are the person's changes to what was proposed."""
    choices = dict(choices or {})
    by_email: dict[str, MentorRecord] = {}
    by_name: dict[str, list[MentorRecord]] = {}
    for mentor in mentors:
        if mentor.fields.email:
            by_email.setdefault(_email_key(mentor.fields.email), mentor)
        by_name.setdefault(_name_key(mentor.name), []).append(mentor)
    seen: dict[str, int] = {}  # a person's email and name keys -> the line they were first on
    updating: dict[int, int] = {}  # a mentor an earlier contact updates -> that contact's line
    planned: list[PlannedContact] = []
    for index, contact in enumerate(contacts):
        keys = [f"n:{_name_key(contact.fields.name)}"]
        if contact.fields.email:
            keys.append(f"e:{_email_key(contact.fields.email)}")
        earlier = next((seen[k] for k in keys if k in seen), None)
        for key in keys:
            seen.setdefault(key, contact.line)
        if earlier is not None:
            planned.append(
                PlannedContact(
                    contact, ContactAction.SKIP, reason=f"the same person as on line {earlier}"
                )
            )
            continue
        match, how = None, ""
        if contact.fields.email and _email_key(contact.fields.email) in by_email:
            match, how = by_email[_email_key(contact.fields.email)], "email"
        else:
            namesakes = by_name.get(_name_key(contact.fields.name), [])
            if len(namesakes) > 1:
                planned.append(
                    _chosen(
                        PlannedContact(
                            contact,
                            ContactAction.SKIP,
                            reason=f"{len(namesakes)} mentors have this name; choose one",
                        ),
                        choices.get(index),
                    )
                )
                continue
            if namesakes:
                match, how = namesakes[0], "name"
        if match is None:
            proposal = PlannedContact(contact, ContactAction.NEW, stored=contact.fields)
        elif match.id in updating:
            # Two people in the file matching one card (by email, and by name): both
            # updates would start from the same card, the second undoing the first's.
            proposal = PlannedContact(
                contact,
                ContactAction.SKIP,
                mentor_id=match.id,
                matched_by=how,
                reason=f"{match.name} is updated from line {updating[match.id]} already",
            )
        else:
            proposal = _update(contact, match, how)
        chosen = _chosen(proposal, choices.get(index))
        if chosen.action is ContactAction.UPDATE and chosen.mentor_id is not None:
            updating[chosen.mentor_id] = contact.line
        planned.append(chosen)
    return ContactPlan(Path(path), source, tuple(planned), choices)


def _chosen(proposal: PlannedContact, choice: ContactAction | None) -> PlannedContact:
    if choice is None or choice is proposal.action:
        return proposal
    if choice is ContactAction.SKIP:
        return replace(proposal, action=choice, stored=None, reason="chosen")
    if choice is ContactAction.NEW:
        return replace(proposal, action=choice, stored=proposal.contact.fields, fills=(),
                       conflicts=(), reason="")  # fmt: skip
    if proposal.mentor_id is None or not proposal.fills:
        return proposal  # nothing to update: the proposal stands
    return replace(proposal, action=choice)


def _update(contact: Contact, mentor: MentorRecord, how: str) -> PlannedContact:
    """Fill what is empty on ``mentor``'s card from ``contact``; list what differs."""
    mine, theirs = mentor.fields, contact.fields
    changes: dict[str, object] = {}
    fills: list[str] = []
    conflicts: list[Conflict] = []
    for name in TEXT_FIELDS:
        ours, new = getattr(mine, name), getattr(theirs, name)
        if not new or new == ours:
            continue
        if not ours:
            changes[name] = new
            fills.append(name)
        elif fold(ours).strip() != fold(new).strip() and not (name == "notes" and new in ours):
            conflicts.append(Conflict(name, ours, new))
    if mine.met_via is None and theirs.met_via is not None:
        changes["met_via"] = theirs.met_via
        fills.append("met_via")
    known = {fold(t) for t in mine.tags}
    added = tuple(t for t in theirs.tags if fold(t) not in known)
    if added:
        changes["tags"] = mine.tags + added
        fills.append("tags")
    if not fills:
        return PlannedContact(
            contact,
            ContactAction.SKIP,
            mentor_id=mentor.id,
            matched_by=how,
            conflicts=tuple(conflicts),
            reason=f"{mentor.name} has all of it already",
        )
    return PlannedContact(
        contact,
        ContactAction.UPDATE,
        mentor_id=mentor.id,
        matched_by=how,
        fills=tuple(fills),
        conflicts=tuple(conflicts),
        stored=mine.replace(**changes),
    )


def checked_fields(fields: MentorFields) -> tuple[MentorFields, tuple[str, ...]]:
    """``fields`` normalized, each value the card's rules refuse left out (and named), so
    that one odd value does not keep a whole contact out. A missing name is the caller's;
    a name the rules refuse raises ValueError with their message."""
    fields = fields.normalized()
    problem = fields.errors().get("name")
    if problem and fields.name:
        raise ValueError(problem)
    left_out: list[str] = []
    for _ in range(len(MentorFields.__dataclass_fields__)):
        errors = fields.errors()
        errors.pop("name", None)
        if not errors:
            break
        name, message = next(iter(errors.items()))
        empty: object = () if name in ("expertise", "tags") else None if name == "ended_on" else ""
        fields = fields.replace(**{name: empty})
        left_out.append(f"{name.replace('_', ' ')}: {message}")
    return fields, tuple(left_out)
