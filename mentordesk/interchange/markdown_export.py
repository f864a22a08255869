"""Notes as Markdown: one file per mentor and one per goal, readable in any Markdown editor
or note-taking app (Obsidian, Logseq, a plain text editor).

    result = MarkdownExport(services).write(Path("notes"))

A mentor's file opens with YAML front matter holding their card, then their agreements, and
every meeting in order with its agenda, notes, advice and action items, then the gratitude
log. A goal's file has its card, milestones, progress notes and action items. ``index.md``
links them all. The records are those of the complete archive (``ArchiveExport``), so the
files show one consistent moment of the data.

The folder is written whole or not at all: every file goes into a temporary folder beside
it, which is then renamed to the name given. A folder that exists must be empty, unless
``replace=True``: then the new folder takes its place, and the old one (with everything in
it) is deleted only after that.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.domain.time_zones import wall_time
from mentordesk.interchange.archive_format import ArchiveError
from mentordesk.interchange.errors import ExportCancelled
from mentordesk.interchange.markdown_names import UniqueNames

if TYPE_CHECKING:
    from mentordesk.services.context import Services

log = logging.getLogger(__name__)
NOTHING = "Nothing was written."

Record = dict[str, Any]


@dataclass(frozen=True)
class MarkdownExportResult:
    folder: Path
    mentors: int
    goals: int
    seconds: float


def _words(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _line(text: str) -> str:
    """Typed text for a heading, a list item or a table cell: one line."""
    return " ".join(text.split())


def _front_matter(fields: Iterable[tuple[str, Any]]) -> list[str]:
    # JSON strings and lists are YAML's double-quoted scalars and flow sequences.
    lines = ["---"]
    for key, value in fields:
        if value is None or value == "" or value == []:
            continue
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return lines


_HEADING = re.compile(r"^(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _paragraphs(text: str, level: int = 2) -> list[str]:
    """Text the person wrote (often Markdown itself), its headings moved below ``level`` so
    they stay inside the section that holds them."""
    if not text.strip():
        return []
    lines = []
    fenced = False
    for line in text.strip().splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + level), line)
        lines.append(line)
    return ["\n".join(lines), ""]


def _when(meeting: Record) -> str:
    starts = datetime.fromisoformat(meeting["starts_at"])
    try:
        local = wall_time(starts, meeting["time_zone"])
        return f"{local:%Y-%m-%d %H:%M} ({meeting['time_zone']})"
    except ValueError:
        return f"{starts.astimezone(UTC):%Y-%m-%d %H:%M} (UTC)"


def _link(label: str, target: str) -> str:
    return f"[{_line(label)}](<{target}>)"


class _Book:
    """The archive's records, indexed for writing the files."""

    def __init__(self, document: Record) -> None:
        self.mentors: list[Record] = document["mentors"]
        self.goals: list[Record] = document["goals"]
        self.mentor_by_id = {m["id"]: m for m in self.mentors}
        self.goal_by_id = {g["id"]: g for g in self.goals}
        self.skill_names = {s["id"]: s["name"] for s in document["skills"]}
        self.meeting_by_id = {m["id"]: m for m in document["meetings"]}
        self.agreements: dict[int, list[Record]] = {}
        for agreement in document["agreements"]:
            self.agreements.setdefault(agreement["mentor_id"], []).append(agreement)
        self.meetings: dict[int, list[Record]] = {}
        for meeting in sorted(document["meetings"], key=lambda m: (m["starts_at"], m["id"])):
            for mentor_id in meeting["mentor_ids"]:
                self.meetings.setdefault(mentor_id, []).append(meeting)
        self.items_of_meeting: dict[int, list[Record]] = {}
        self.items_of_goal: dict[int, list[Record]] = {}
        for item in document["action_items"]:
            if item["meeting_id"] is not None:
                self.items_of_meeting.setdefault(item["meeting_id"], []).append(item)
            if item["goal_id"] is not None:
                self.items_of_goal.setdefault(item["goal_id"], []).append(item)
        self.gratitude: dict[int, list[Record]] = {}
        for entry in sorted(document["gratitude"], key=lambda e: (e["given_on"], e["id"])):
            self.gratitude.setdefault(entry["mentor_id"], []).append(entry)
        names = UniqueNames()
        self.mentor_file = {m["id"]: names.name(m["name"], fallback="mentor") for m in self.mentors}
        goal_names = UniqueNames()
        self.goal_file = {g["id"]: goal_names.name(g["title"], fallback="goal") for g in self.goals}

    def goal_link(self, goal_id: int, folder: str = "../goals/") -> str:
        return _link(self.goal_by_id[goal_id]["title"], folder + self.goal_file[goal_id])

    def mentor_link(self, mentor_id: int, folder: str = "../mentors/") -> str:
        return _link(self.mentor_by_id[mentor_id]["name"], folder + self.mentor_file[mentor_id])


def _item(item: Record) -> str:
    box = "x" if item["status"] == "done" else " "
    facts = ["mine" if item["owner"] == "me" else "mentor's"]
    if item["due_on"]:
        facts.append(f"due {item['due_on']}")
    if item["status"] == "dropped":
        facts.append("dropped")
    if item["done_on"]:
        facts.append(f"done {item['done_on']}")
    if item["reported_on"]:
        facts.append(f"reported back {item['reported_on']}")
    return f"- [{box}] {_line(item['text'])} ({', '.join(facts)})"


def _agreement(agreement: Record, book: _Book) -> list[str]:
    lines = [f"## Agreement: {_line(agreement['title'])}", ""]
    cadence = (
        "as needed"
        if agreement["cadence_unit"] == "as_needed" or not agreement["cadence_every"]
        else f"every {agreement['cadence_unit'].rstrip('s')}"
        if agreement["cadence_every"] == 1
        else f"every {agreement['cadence_every']} {agreement['cadence_unit']}"
    )
    facts = [
        ("Status", _words(agreement["status"])),
        ("Agreed on", agreement["agreed_on"]),
        ("Runs", " to ".join(d for d in (agreement["starts_on"], agreement["ends_on"]) if d)),
        ("Planned length", agreement["planned_length"]),
        ("Review on", agreement["review_on"]),
        ("Cadence", cadence),
        ("Format", _words(agreement["format"])),
        ("Typical length", f"{agreement['typical_minutes']} minutes"
         if agreement["typical_minutes"] else ""),
        ("Place or link", agreement["place_or_link"]),
        ("Who schedules", _words(agreement["who_schedules"])),
        ("Preferred channels", ", ".join(_words(c) for c in agreement["preferred_channels"])),
        ("Also fine", ", ".join(_words(c) for c in agreement["acceptable_channels"])),
        ("Reply time", agreement["reply_time"]),
    ]  # fmt: skip
    lines += [f"- **{name}:** {_line(str(value))}" for name, value in facts if value]
    lines.append("")
    if agreement["objectives"]:
        lines += ["### Objectives", ""]
        for objective in agreement["objectives"]:
            goal = book.goal_by_id.get(objective["goal_id"])
            text = _line(objective["text"])
            if goal is not None:
                link = book.goal_link(goal["id"])
                text = f"{text} (goal: {link})" if text else link
            lines.append(f"- {text}")
        lines.append("")
    for side, heading in (("me", "I will"), ("mentor", "My mentor will")):
        said = [c for c in agreement["commitments"] if c["side"] == side]
        if said:
            lines += [f"### {heading}", "", *(f"- {_line(c['text'])}" for c in said), ""]
    for key, heading in (
        ("out_of_scope", "Boundaries"),
        ("cancellation", "Cancelling"),
        ("communication_notes", "Communication"),
        ("confidentiality", "Confidentiality"),
    ):
        if agreement[key].strip():
            lines += [f"### {heading}", "", *_paragraphs(agreement[key], 3)]
    return lines


def _meeting(meeting: Record, book: _Book, mentor_id: int) -> list[str]:
    lines = [f"### {_when(meeting)}: {_line(meeting['title'])}", ""]
    facts = [f"{_words(meeting['status'])}", f"{meeting['minutes']} minutes"]
    facts.append(_words(meeting["format"]))
    others = [book.mentor_by_id[i]["name"] for i in meeting["mentor_ids"] if i != mentor_id]
    if others:
        facts.append("with " + ", ".join(_line(n) for n in others))
    if meeting["place_or_link"]:
        facts.append(_line(meeting["place_or_link"]))
    lines += [f"*{' · '.join(facts)}*", ""]
    if meeting["agenda"]:
        lines += ["**Agenda**", ""]
        lines += [f"- [{'x' if a['done'] else ' '}] {_line(a['text'])}" for a in meeting["agenda"]]
        lines.append("")
    if meeting["notes"].strip():
        lines += ["**Notes**", "", *_paragraphs(meeting["notes"], 3)]
    if meeting["advice"]:
        lines += ["**Advice**", "", *(f"- {_line(a['text'])}" for a in meeting["advice"]), ""]
    if meeting["takeaway"].strip():
        lines += ["**Takeaway**", "", *_paragraphs(meeting["takeaway"], 3)]
    items = book.items_of_meeting.get(meeting["id"], [])
    if items:
        lines += ["**Action items**", "", *(_item(i) for i in items), ""]
    return lines


def mentor_markdown(mentor: Record, book: _Book) -> str:
    lines = _front_matter(
        [
            ("name", mentor["name"]),
            ("title", mentor["title"]),
            ("organization", mentor["organization"]),
            ("email", mentor["email"]),
            ("phone", mentor["phone"]),
            ("profile_url", mentor["profile_url"]),
            ("location", mentor["location"]),
            ("time_zone", mentor["time_zone"]),
            ("how_we_met", _words(mentor["met_via"])),
            ("how_we_met_detail", mentor["met_detail"]),
            ("relationship", _words(mentor["kind"])),
            ("direction", _words(mentor["direction"])),
            ("status", mentor["status"]),
            ("started_on", mentor["started_on"]),
            ("ended_on", mentor["ended_on"]),
            ("preferred_channel", _words(mentor["preferred_channel"])),
            ("expertise", mentor["expertise"]),
            ("tags", mentor["tags"]),
            ("archived", True if mentor["archived_at"] else None),
        ]
    )
    lines += ["", f"# {_line(mentor['name'])}", "", *_paragraphs(mentor["notes"])]
    goals = [g for g in book.goals if mentor["id"] in g["mentor_ids"]]
    if goals:
        lines += ["## Goals", ""]
        lines += [f"- {book.goal_link(g['id'])}" for g in goals]
        lines.append("")
    for agreement in book.agreements.get(mentor["id"], []):
        lines += _agreement(agreement, book)
    meetings = book.meetings.get(mentor["id"], [])
    if meetings:
        lines += ["## Meetings", ""]
        for meeting in meetings:
            lines += _meeting(meeting, book, mentor["id"])
    entries = book.gratitude.get(mentor["id"], [])
    if entries:
        lines += ["## Gratitude", ""]
        for entry in entries:
            text = f": {_line(entry['text'])}" if entry["text"].strip() else ""
            lines.append(f"- {entry['given_on']} {_words(entry['kind'])}{text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def goal_markdown(goal: Record, book: _Book) -> str:
    mentors = [book.mentor_by_id[i]["name"] for i in goal["mentor_ids"]]
    lines = _front_matter(
        [
            ("title", goal["title"]),
            ("kind", _words(goal["kind"])),
            ("status", goal["status"]),
            ("started_on", goal["started_on"]),
            ("target_on", goal["target_on"]),
            ("status_changed_on", goal["status_changed_on"]),
            ("mentors", mentors),
            ("skills", [book.skill_names[i] for i in goal["skill_ids"]]),
        ]
    )
    lines += ["", f"# {_line(goal['title'])}", "", *_paragraphs(goal["description"])]
    if goal["why_it_matters"].strip():
        lines += ["## Why it matters", "", *_paragraphs(goal["why_it_matters"])]
    if goal["mentor_ids"]:
        lines += ["## Mentors", ""]
        lines += [f"- {book.mentor_link(i)}" for i in goal["mentor_ids"]]
        lines.append("")
    if goal["milestones"]:
        lines += ["## Milestones", ""]
        for milestone in goal["milestones"]:
            box = "x" if milestone["done_on"] else " "
            dates = [f"due {milestone['due_on']}"] if milestone["due_on"] else []
            dates += [f"done {milestone['done_on']}"] if milestone["done_on"] else []
            suffix = f" ({', '.join(dates)})" if dates else ""
            lines.append(f"- [{box}] {_line(milestone['title'])}{suffix}")
        lines.append("")
    if goal["notes"]:
        lines += ["## Progress notes", ""]
        for note in sorted(goal["notes"], key=lambda n: (n["written_on"], n["id"])):
            lines += [f"### {note['written_on']}", "", *_paragraphs(note["text"], 3)]
    items = book.items_of_goal.get(goal["id"], [])
    if items:
        lines += ["## Action items", "", *(_item(i) for i in items), ""]
    return "\n".join(lines).rstrip() + "\n"


def _index(book: _Book) -> str:
    lines = ["# MentorDesk notes", "", "## Mentors", ""]
    lines += [f"- {book.mentor_link(m['id'], 'mentors/')}" for m in book.mentors]
    lines += ["", "## Goals", ""]
    lines += [f"- {book.goal_link(g['id'], 'goals/')}" for g in book.goals]
    return "\n".join(lines) + "\n"


class MarkdownExport:
    """The mentors and goals of ``services`` as a folder of Markdown files."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def files(self, cancelled: Callable[[], bool] | None = None) -> dict[str, str]:
        """Relative path (with ``/``) -> the file's text."""
        from mentordesk.interchange.archive_export import ArchiveExport

        book = _Book(ArchiveExport(self._services).document(cancelled))
        files = {"index.md": _index(book)}
        for mentor in book.mentors:
            files[f"mentors/{book.mentor_file[mentor['id']]}"] = mentor_markdown(mentor, book)
        for goal in book.goals:
            files[f"goals/{book.goal_file[goal['id']]}"] = goal_markdown(goal, book)
        return files

    def write(
        self,
        folder: Path,
        *,
        replace: bool = False,
        cancelled: Callable[[], bool] | None = None,
    ) -> MarkdownExportResult:
        """Write the files to ``folder`` (new or empty, or replaced whole with ``replace``).
        When ``cancelled()`` turns true before the folder is put in place, ExportCancelled
        is raised and nothing is written."""
        started = time.perf_counter()
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise ArchiveError(folder, "is a file, not a folder.", nothing=NOTHING)
        data = self._services.database.location.root.resolve()
        if folder.resolve() == data or folder.resolve() in data.parents:
            raise ArchiveError(
                folder, "holds your data folder; choose another folder.", nothing=NOTHING
            )
        if folder.is_dir() and any(folder.iterdir()) and not replace:
            raise ArchiveError(
                folder,
                "is not empty; choose a new or empty folder (or replace it with --force).",
                nothing=NOTHING,
            )
        files = self.files(cancelled)
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        except OSError as exc:
            raise ArchiveError(
                folder, f"cannot be written ({exc.strerror}).", nothing=NOTHING
            ) from exc
        try:
            for relative, text in files.items():
                target = staging.joinpath(*relative.split("/"))
                target.parent.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8", newline="\n")
            os.chmod(staging, 0o755)
            if cancelled is not None and cancelled():
                raise ExportCancelled
            _put_in_place(staging, folder)
        except BaseException as exc:  # a Cancel, a full disk, a text the disk refuses
            with contextlib.suppress(OSError):
                shutil.rmtree(staging)
            if not isinstance(exc, OSError):
                raise
            raise ArchiveError(
                folder, f"cannot be written ({exc.strerror}).", nothing=NOTHING
            ) from exc
        mentors = sum(1 for name in files if name.startswith("mentors/"))
        seconds = time.perf_counter() - started
        log.info("exported %d Markdown files in %.2f s", len(files), seconds)
        return MarkdownExportResult(folder, mentors, len(files) - mentors - 1, seconds)


def _put_in_place(staging: Path, folder: Path) -> None:
    """Rename the finished ``staging`` folder to ``folder``; an old ``folder`` is moved aside
    first and deleted once the new one is in place (put back if the rename fails)."""
    if not folder.exists():
        os.replace(staging, folder)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
    aside.rmdir()
    os.replace(folder, aside)
    try:
        os.replace(staging, folder)
    except OSError:
        os.replace(aside, folder)
        raise
    shutil.rmtree(aside, ignore_errors=True)
