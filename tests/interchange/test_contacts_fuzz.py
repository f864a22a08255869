"""The fuzz test of the contact importers: the vCard files in each program's style and
LinkedIn's Connections.csv, mutated (truncated, bytes flipped or inserted, lines dropped,
duplicated, shuffled and folded, BEGIN/END lines lost, odd text, quotes and commas broken),
then imported. Every input is either imported whole (each contact the plan calls new is a
new card, each update is stored, nothing else changed) or refused with a ContactFileError
that names the file, with the data exactly as it was: no other exception, no half import.

Normal runs try 300 inputs; MENTORDESK_NIGHTLY=1 tries 10,000. MENTORDESK_FUZZ_SEED replays
a run (the seed is in every failure message and, with -s, in the summary line).
"""

from __future__ import annotations

import os
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from mentordesk.domain.mentor import MentorFields, MentorRecord
from mentordesk.interchange.contacts_import import ContactImport
from mentordesk.interchange.contacts_plan import ContactAction, ContactFileError
from mentordesk.interchange.linkedin_read import parse_connections
from mentordesk.interchange.vcard_read import parse_vcards
from mentordesk.services.context import Services

CONTACTS = Path(__file__).with_name("data") / "contacts"
NIGHTLY = os.environ.get("MENTORDESK_NIGHTLY") == "1"
INPUTS = 10_000 if NIGHTLY else 300
SEED = int(os.environ.get("MENTORDESK_FUZZ_SEED", "0")) or random.SystemRandom().randrange(10**9)
FILES = ("google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf", "Connections.csv")
ODD = ["\u202e", "\x00", "\ufeff", "\ud7ff", "😀", "\\", ";", ",", '"', ":", "=", "\t", "é"]

Mutation = Callable[[random.Random, bytes], bytes]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def insert_bytes(rng: random.Random, data: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 12)) + data[at:]


def drop_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def duplicate_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines.insert(rng.randrange(len(lines)), lines[at])
    return b"".join(lines)


def shuffle_lines(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    first = rng.randrange(len(lines))
    part = lines[first : first + rng.randint(2, 6)]
    rng.shuffle(part)
    lines[first : first + len(part)] = part
    return b"".join(lines)


def fold_line(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    line = lines[at]
    cut = rng.randrange(len(line) + 1)
    lines[at] = line[:cut] + b"\r\n " + line[cut:]
    return b"".join(lines)


def odd_text(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    at = rng.randrange(len(text))
    odd = "".join(rng.choice(ODD) for _ in range(rng.randint(1, 4)))
    return (text[:at] + odd + text[at:]).encode("utf-8", errors="surrogatepass")


def lose_begin_or_end(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    marks = [i for i, line in enumerate(lines) if line.upper().startswith((b"BEGIN:", b"END:"))]
    if marks:
        del lines[rng.choice(marks)]
    return b"".join(lines)


def long_value(rng: random.Random, data: bytes) -> bytes:
    lines = _lines(data)
    at = rng.randrange(len(lines))
    lines.insert(at, b"NOTE:" + b"x" * rng.choice((10, 3000, 200_000)) + b"\r\n")
    return b"".join(lines)


MUTATIONS: tuple[Mutation, ...] = (
    truncate,
    flip_bytes,
    insert_bytes,
    drop_line,
    duplicate_line,
    shuffle_lines,
    fold_line,
    odd_text,
    lose_begin_or_end,
    long_value,
)


def _state(services: Services) -> list[MentorRecord]:
    return services.mentors.list_all()


def _check(
    services: Services, before: list[MentorRecord], result_plan: object, created: tuple[int, ...]
) -> str | None:
    """None when the data is the data before plus exactly what the plan stored."""
    from mentordesk.interchange.contacts_plan import ContactPlan

    assert isinstance(result_plan, ContactPlan)
    after = {m.id: m for m in _state(services)}
    earlier = {m.id: m for m in before}
    new = set(after) - set(earlier)
    if new != set(created) or len(new) != result_plan.count(ContactAction.NEW):
        return f"{len(new)} cards were made, the plan said {result_plan.count(ContactAction.NEW)}"
    updated = {
        p.mentor_id: p.stored for p in result_plan.contacts if p.action is ContactAction.UPDATE
    }
    for mentor_id, record in earlier.items():
        if mentor_id in updated:
            stored = updated[mentor_id]
            assert stored is not None
            if after[mentor_id].fields != stored.validated():
                return f"mentor {mentor_id} is not stored as planned"
            for name in ("title", "organization", "email", "phone", "profile_url", "notes"):
                mine = getattr(record.fields, name)
                if mine and getattr(after[mentor_id].fields, name) != mine:
                    return f"mentor {mentor_id}'s {name} was overwritten"
        elif after[mentor_id] != record:
            return f"mentor {mentor_id} changed but was not in the plan"
    return None


def test_fuzz(services: Services) -> None:
    rng = random.Random(SEED)
    sources = {name: (CONTACTS / name).read_bytes() for name in FILES}
    for fields in (
        MentorFields(name="Amara Okafor", title="CTO"),
        MentorFields(name="Jose Alvarez-Ruiz", email="jose@example.org"),
        MentorFields(name="Priya Raghunathan", notes="Met in Bengaluru."),
    ):
        services.mentors.create(fields)
    importer = ContactImport(services)
    outcomes: Counter[str] = Counter()
    slowest = (0.0, "")
    for number in range(INPUTS):
        name = rng.choice(FILES)
        data = sources[name]
        applied = []
        for _ in range(rng.randint(1, 3)):
            mutation = rng.choice(MUTATIONS)
            if data:
                data = mutation(rng, data)
            applied.append(mutation.__name__)
        what = f"input {number} ({name}: {'+'.join(applied)}; MENTORDESK_FUZZ_SEED={SEED})"
        path = Path(f"fuzz-{number}-{name}")
        before = _state(services)
        started = time.perf_counter()
        try:
            if name.endswith(".csv"):
                contacts = parse_connections(path, data)
            else:
                contacts = parse_vcards(path, data)
            plan = importer.plan(contacts)
            result = importer.apply(plan, backup=False)
        except ContactFileError as exc:
            assert str(path) in str(exc), what
            assert _state(services) == before, f"{what}: refused but the data changed"
            outcomes["refused"] += 1
        except Exception as exc:  # any other exception is the failure sought
            pytest.fail(f"{what}: {type(exc).__name__}: {exc}")
        else:
            problem = _check(services, before, result.plan, result.created)
            assert problem is None, f"{what}: {problem}"
            outcomes["imported"] += 1
        took = time.perf_counter() - started
        slowest = max(slowest, (took, what))
    print(
        f"contacts fuzz: {INPUTS} inputs, {outcomes['imported']} imported, "
        f"{outcomes['refused']} refused; slowest {slowest[0]:.2f} s: {slowest[1]} "
        f"(MENTORDESK_FUZZ_SEED={SEED})"
    )
    assert outcomes["imported"] and outcomes["refused"], "the mutations reach both outcomes"
