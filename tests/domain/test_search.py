"""The pure parts of search results: marked runs, snippets as one line, the results' sums."""

from __future__ import annotations

import pytest

from mentordesk.domain.search import (
    MARK_END,
    MARK_START,
    SearchGroup,
    SearchHit,
    SearchKind,
    SearchResults,
    marked_runs,
    one_line_snippet,
    plain,
)

S, E = MARK_START, MARK_END


def test_marked_runs_and_plain() -> None:
    text = f"a {S}b{E} c {S}d"
    assert marked_runs(text) == [("a ", False), ("b", True), (" c ", False), ("d", True)]
    assert plain(text) == "a b c d"
    assert marked_runs("") == []
    assert marked_runs(f"{S}{E}") == []


@pytest.mark.parametrize(
    ("snippet", "line"),
    [
        ("## Where things stand\n\nThe **hiring plan**", "Where things stand · The hiring plan"),
        (f"…the {S}plan{E}\n- first\n- second…", f"…the {S}plan{E} · first · second…"),
        ("1. Write it\n2. Send it", "Write it · Send it"),
        ("> a quote\n\n\n", "a quote"),
        ("one   two\tthree", "one two three"),
        ("snake_case and 2*3", "snake_case and 2*3"),
        ("…\n\nLater text", "Later text"),
        ("", ""),
    ],
)
def test_one_line_snippet(snippet: str, line: str) -> None:
    assert one_line_snippet(snippet) == line


def test_results_add_up_their_groups() -> None:
    hit = SearchHit(SearchKind.GOAL, 1, "Goal", "", None, (), 1)
    results = SearchResults(
        "g", (SearchGroup(SearchKind.GOAL, 7, (hit,)), SearchGroup(SearchKind.SKILL, 2, ()))
    )
    assert results.total == 9 and results.hits == (hit,)
