"""The crash test: a process making random edits through the services is killed with SIGKILL
at random moments, again and again on the same database. After every kill the file passes
SQLite's integrity check and every edit the process reported committed is there, exactly.

Normal runs kill it 20 times; MENTORDESK_NIGHTLY=1 kills it 200 times. MENTORDESK_CRASH_SEED
replays a run (the seed is printed in every failure message and in the summary line).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest

from mentordesk.domain.mentor import MentorFields
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from tests.backups.helpers import connect_read_only

CHILD = Path(__file__).with_name("crash_child.py")
REPO_ROOT = Path(__file__).resolve().parents[2]
NIGHTLY = os.environ.get("MENTORDESK_NIGHTLY") == "1"
KILLS = 200 if NIGHTLY else 20
READY_TIMEOUT = 60.0

State = dict[int, dict[str, Any]]


def read_state(path: Path) -> State:
    """Every mentor card as the file holds it, read with plain sqlite3 (read-only)."""
    connection = connect_read_only(path)
    try:
        state: State = {
            int(row[0]): {
                "name": row[1],
                "organization": row[2],
                "email": row[3],
                "notes": row[4],
                "status": row[5],
                "expertise": [],
                "tags": [],
                "archived": bool(row[6]),
            }
            for row in connection.execute(
                "SELECT id, name, organization, email, notes, status, archived_at IS NOT NULL "
                "FROM mentor"
            )
        }
        for table, key in (("mentor_expertise", "expertise"), ("mentor_tag", "tags")):
            for mentor_id, label in connection.execute(
                f"SELECT mentor_id, label FROM {table} ORDER BY mentor_id, position"
            ):
                state[int(mentor_id)][key].append(label)
        return state
    finally:
        connection.close()


def check_file(path: Path) -> list[str]:
    connection = connect_read_only(path)
    try:
        problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        dangling = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    if problems == ["ok"]:
        problems = []
    if dangling:
        problems.append(f"{len(dangling)} dangling rows: {dangling[:5]}")
    return problems


@dataclass
class Edit:
    op: str
    mentor_id: int | None
    intended: dict[str, Any] | None
    done: bool = False
    created_id: int | None = None


@dataclass
class Life:
    """What one child process said before it was killed."""

    edits: list[Edit] = field(default_factory=list)
    ready: bool = False
    stray: list[str] = field(default_factory=list)

    def hear(self, line: str) -> None:
        if line == "ready":
            self.ready = True
        elif line.startswith("begin "):
            _begin, op, mentor_id, intended = line.split(" ", 3)
            self.edits.append(
                Edit(op, None if mentor_id == "-" else int(mentor_id), json.loads(intended))
            )
        elif line.startswith("done"):
            edit = self.edits[-1]
            assert not edit.done, f"two 'done' lines for one edit: {line!r}"
            edit.done = True
            if edit.op == "create":
                edit.created_id = int(line.split(" ", 1)[1])
        else:
            self.stray.append(line)

    @property
    def in_flight(self) -> Edit | None:
        return self.edits[-1] if self.edits and not self.edits[-1].done else None


def apply(state: State, edit: Edit, created_id: int | None = None) -> State:
    after = dict(state)
    if edit.op == "create":
        assert created_id is not None and edit.intended is not None
        after[created_id] = edit.intended
    elif edit.op == "delete":
        assert edit.mentor_id is not None
        after.pop(edit.mentor_id, None)
    else:
        assert edit.mentor_id is not None and edit.intended is not None
        after[edit.mentor_id] = edit.intended
    return after


def differing(expected: State, actual: State) -> set[int]:
    return {i for i in expected.keys() | actual.keys() if expected.get(i) != actual.get(i)}


def compare(expected: State, actual: State, in_flight: Edit | None) -> tuple[set[int], bool]:
    """Cards that are not as the committed edits left them, and whether the in-flight edit
    (begun, not reported done) is the one that landed. Either outcome of that edit is fine."""
    if not differing(expected, actual):
        return set(), False
    if in_flight is not None:
        if in_flight.op == "create":
            new = actual.keys() - expected.keys()
            if len(new) == 1:
                (created_id,) = new
                if not differing(apply(expected, in_flight, created_id), actual):
                    return set(), True
        elif not differing(apply(expected, in_flight), actual):
            return set(), True
    return differing(expected, actual), False


def collect(stream: IO[str], lines: list[str]) -> None:
    for line in stream:
        lines.append(line)


@dataclass
class Tally:
    kills: int = 0
    verified: int = 0
    lost: int = 0
    in_flight: int = 0
    in_flight_landed: int = 0
    failures: list[str] = field(default_factory=list)


def one_life(
    location: DataLocation, child_seed: int, delay: float, expected: State, tally: Tally
) -> State:
    """Start a child, kill it ``delay`` seconds after it is ready, check the file."""
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    stderr_path = location.root.parent / "child-stderr.txt"
    with stderr_path.open("w+", encoding="utf-8") as stderr:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(location.root), str(child_seed)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            encoding="utf-8",
            env=env,
        )
        assert child.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=collect, args=(child.stdout, lines), daemon=True)
        reader.start()
        try:
            deadline = time.monotonic() + READY_TIMEOUT
            while not lines and child.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            if not lines or lines[0] != "ready\n":
                stderr.seek(0)
                raise AssertionError(f"the child did not start: {lines[:1]} {stderr.read()}")
            time.sleep(delay)
            if child.poll() is not None:
                stderr.seek(0)
                raise AssertionError(f"the child died on its own: {stderr.read()}")
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            reader.join(timeout=30)
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    life = Life()
    for line in lines:
        if line.endswith("\n"):  # a line cut short by the kill was never fully said
            life.hear(line[:-1])
    assert life.ready and not life.stray, life.stray[:3]
    committed = expected
    for edit in life.edits:
        if edit.done:
            committed = apply(committed, edit, edit.created_id)
    done = sum(edit.done for edit in life.edits)

    problems = check_file(location.database)
    actual = read_state(location.database)
    lost, landed = compare(committed, actual, life.in_flight)
    tally.kills += 1
    tally.verified += done
    tally.lost += len(lost)
    tally.in_flight += life.in_flight is not None
    tally.in_flight_landed += landed
    if problems or lost:
        tally.failures.append(
            f"kill {tally.kills} (child seed {child_seed}, {done} edits done, in flight: "
            f"{life.in_flight}): integrity {problems}; cards not as committed: "
            + "; ".join(
                f"#{i} expected {committed.get(i)} found {actual.get(i)}" for i in sorted(lost)[:3]
            )
        )
    return actual


@pytest.mark.slow
def test_killed_again_and_again_no_committed_edit_is_lost(location: DataLocation) -> None:
    seed = int(os.environ.get("MENTORDESK_CRASH_SEED", random.SystemRandom().randrange(10**9)))
    rng = random.Random(seed)
    services = Services.open(location)
    try:
        services.mentors.create_many([MentorFields(name=f"Existing {i}") for i in range(10)])
    finally:
        services.close()
    expected = read_state(location.database)
    tally = Tally()
    started = time.monotonic()

    for life in range(KILLS):
        expected = one_life(location, seed * 1000 + life, rng.uniform(0.05, 0.4), expected, tally)
        if tally.failures:
            break

    elapsed = time.monotonic() - started
    summary = (
        f"crash test (seed {seed}): {tally.kills - len(tally.failures)} kills survived, "
        f"{tally.verified} edits "
        f"verified, {tally.lost} records lost; {tally.in_flight_landed} of {tally.in_flight} "
        f"edits in flight at the kill had committed; {len(expected)} cards; {elapsed:.1f} s"
    )
    print("\n" + summary)
    assert not tally.failures, f"{summary}\n" + "\n".join(tally.failures)
    assert tally.kills == KILLS
    assert tally.verified >= KILLS * 5, f"too few edits per life to mean much: {summary}"
    assert tally.in_flight > 0, f"no kill ever caught an edit in flight: {summary}"
