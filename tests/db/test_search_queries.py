"""What a person types becomes an FTS5 query that cannot be a syntax error; a prefix longer
than the prefix indexes is read as the words it stands for, finding the same records."""

from __future__ import annotations

import sqlite3

import pytest

from mentordesk.db import search
from mentordesk.domain.search import SearchKind
from mentordesk.paths import DataLocation
from mentordesk.services.context import Services
from mentordesk.services.sample_data import SampleSize, load_sample_data


@pytest.mark.parametrize(
    ("typed", "expression"),
    [
        ("resume", '"resume"*'),
        ("Résumé review", '"Résumé"* AND "review"*'),
        ('"clarity is" kind', '"clarity is" AND "kind"*'),
        ('a "make the wo', '"a"* AND "make the wo"*'),
        ('say "hi""', '"say"* AND "hi"'),
        ("AND OR NOT NEAR(", '"AND"* AND "OR"* AND "NOT"* AND "NEAR("*'),
        ('o"brien', '"o"* AND "brien"*'),
        ("title:x", '"title:x"*'),
        ("  ", None),
        ('"" * ( ) - "', None),
        ("\x00\x07", None),
    ],
)
def test_match_expression(typed: str, expression: str | None) -> None:
    assert search.match_expression(typed) == expression


def test_long_input_is_cut_to_a_few_terms() -> None:
    expression = search.match_expression("word " * 1000)
    assert expression is not None
    assert expression.count('"word"*') == search.MAX_TERMS


def test_a_long_prefix_becomes_the_words_it_stands_for() -> None:
    known = {"meeting": ["meeting", "meetings"], "zyzz": [], "commu": None}
    words = known.__getitem__
    assert search.match_expression("meeting", words) == '("meeting" OR "meetings")'
    assert search.match_expression("commu", words) == '"commu"*'  # too many: FTS5's prefix
    assert search.match_expression("zyzz meeting", words) == '""'  # matches nothing
    # Short prefixes (indexed), closed phrases and other scripts stay as typed.
    assert search.match_expression('mee "meeting" "meeting', words) == (
        '"mee"* AND "meeting" AND ("meeting" OR "meetings")'
    )
    assert search.match_expression("Ayşe", {"ayşe": ["x"]}.__getitem__) == '"Ayşe"*'


def test_expanded_prefixes_find_what_fts5_prefixes_find(location: DataLocation) -> None:
    services = Services.open(location)
    try:
        load_sample_data(services, SampleSize.SMALL)
    finally:
        services.close()
    connection = sqlite3.connect(location.database)
    try:

        def execute(sql: str, params: dict[str, object]) -> list[object]:
            return connection.execute(sql, params).fetchall()

        for prefix in ("meet", "feedback", "leader", "engineer", "caree", "promo", "zyzzy"):
            expanded = {
                (m.kind, m.total) for m in search.find(execute, prefix, 0, tuple(SearchKind))
            }
            plain = {
                (kind, total)
                for kind in SearchKind
                if (
                    total := connection.execute(
                        f"SELECT count(*) FROM {search.TABLE} WHERE {search.TABLE} MATCH ?"
                        " AND rowid BETWEEN ? AND ?",
                        (f'"{prefix}"*', *search._bounds(kind).values()),
                    ).fetchone()[0]
                )
            }
            assert expanded == plain, prefix
    finally:
        connection.close()
