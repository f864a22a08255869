"""The process the crash test kills: random edits to mentor cards through the services, forever.

Usage: python crash_child.py DATA_DIR SEED

Protocol on stdout, one line each, flushed at once:
    ready                                     the services are open
    begin <op> <id or -> <json of the intended state, or null for a delete>
    done [<id of a created card>]             the edit's transaction has committed
The parent kills this process with SIGKILL at a random moment and checks the database.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

LABELS = (
    "hiring",
    "negotiation",
    "Rust",
    "SQLite internals",
    "public speaking",
    "org design",
    "機械学習",
    "écriture",
    "feedback",
    "roadmaps",
)
NAMES = ("Ann", "Zoë", "José Álvarez", "王芳", "Αλέξανδρος", "Ngozi Adébáyọ̀", "O'Connell", "محمد")


def describe(record: Any) -> dict[str, Any]:
    """The part of a card the parent checks, in the shape it reads back from the file."""
    return {**describe_fields(record.fields), "archived": record.archived_at is not None}


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])

    from mentordesk.domain.enums import MentorStatus
    from mentordesk.domain.mentor import MentorFields
    from mentordesk.paths import DataLocation
    from mentordesk.services.context import Services

    rng = random.Random(seed)
    services = Services.open(DataLocation(data_dir))
    mentors = services.mentors
    state = {record.id: describe(record) for record in mentors.list_all()}
    out = sys.stdout

    def say(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    def random_fields(serial: int) -> MentorFields:
        # Mostly short notes; now and then long ones that spill onto overflow pages.
        length = rng.choice((0, 40, 300, 1500)) if rng.random() < 0.9 else 9000
        return MentorFields(
            name=f"{rng.choice(NAMES)} {seed}-{serial}",
            organization=rng.choice(("", "Lumen Health", "Tessera", "Kōwhai Learning")),
            email=rng.choice(("", f"m{serial}@example.org")),
            notes=(f"note {serial} " * (length // 8 + 1))[:length],
            status=rng.choice(list(MentorStatus)),
            expertise=tuple(rng.sample(LABELS, rng.randint(0, 4))),
            tags=tuple(rng.sample(("career", "peer", "quarterly", "long-term"), rng.randint(0, 2))),
        )

    say("ready")
    serial = 0
    while True:
        serial += 1
        roll = rng.random()
        # Creates outweigh deletes until there are about 60 cards, then the other way round.
        creating = 0.35 if len(state) < 60 else 0.1
        if not state or roll < creating or (len(state) < 5 and roll < 0.7):
            fields = random_fields(serial)
            intended = {**describe_fields(fields), "archived": False}
            say(f"begin create - {json.dumps(intended)}")
            record = mentors.create(fields)
            say(f"done {record.id}")
            state[record.id] = intended
            continue
        mentor_id = rng.choice(sorted(state))
        if roll < 0.7:
            fields = random_fields(serial)
            intended = {**describe_fields(fields), "archived": state[mentor_id]["archived"]}
            say(f"begin update {mentor_id} {json.dumps(intended)}")
            mentors.update(mentor_id, fields)
            say("done")
            state[mentor_id] = intended
        elif roll < 0.85:
            intended = {**state[mentor_id], "archived": not state[mentor_id]["archived"]}
            say(f"begin archive {mentor_id} {json.dumps(intended)}")
            mentors.set_archived(mentor_id, intended["archived"])
            say("done")
            state[mentor_id] = intended
        else:
            say(f"begin delete {mentor_id} null")
            mentors.delete(mentor_id)
            say("done")
            del state[mentor_id]


def describe_fields(fields: Any) -> dict[str, Any]:
    return {
        "name": fields.name,
        "organization": fields.organization,
        "email": fields.email,
        "notes": fields.notes,
        "status": fields.status.value,
        "expertise": list(fields.expertise),
        "tags": list(fields.tags),
    }


if __name__ == "__main__":
    main()
