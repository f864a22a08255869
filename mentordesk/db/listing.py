"""What a list view asks of the database: the ids it shows, in order, and how many there are.

A list view holds only row ids and reads the rows it paints (as Anki's browser does), so its
first screen and every keystroke cost the same at any size. Filtering and sorting are SQL
over stored, folded keys (see mentordesk.domain.listing_keys): a ``ListSpec`` says, for one
table, which conditions its filters stand for, what a typed word matches and how each column
sorts. The SQL is plain text with named parameters, so the same spec runs on a SQLAlchemy
connection and on the plain sqlite3 connection of the start-up quick read (which does not
import SQLAlchemy).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from mentordesk.domain.listing_keys import like_pattern
from mentordesk.domain.validation import fold

Params = dict[str, Any]
# What a filter or a sort adds to a query: SQL text and the parameters it names.
Fragment = tuple[str, Params]


@dataclass(frozen=True)
class ListQuery:
    """What the person asked a list for: words typed, filters chosen, the sort column."""

    words: tuple[str, ...] = ()  # folded
    filters: tuple[tuple[str, Any], ...] = ()  # (name, value), sorted by name
    sort: int = 0
    descending: bool = False
    # For a column sorted by a translated label: the stored values in the order shown.
    ranking: tuple[str, ...] = ()
    today: date = field(default_factory=date.today)

    @staticmethod
    def words_of(text: str) -> tuple[str, ...]:
        return tuple(fold(text).split())

    def with_filter(self, name: str, value: Any) -> ListQuery:
        """The same query with filter ``name`` set to ``value`` (None removes it)."""
        kept = tuple((n, v) for n, v in self.filters if n != name)
        if value is not None:
            kept = tuple(sorted((*kept, (name, value)), key=lambda pair: pair[0]))
        return replace(self, filters=kept)

    def filter_value(self, name: str) -> Any:
        return dict(self.filters).get(name)


def ranked(expression: str, values: Sequence[str], param: str = "rank") -> Fragment:
    """``expression``'s place among ``values`` (those not listed last): a sort by labels."""
    if not values:
        return expression, {}
    cases = " ".join(f"WHEN :{param}{i} THEN {i}" for i in range(len(values)))
    params = {f"{param}{i}": value for i, value in enumerate(values)}
    return f"(CASE {expression} {cases} ELSE {len(values)} END)", params


def fixed_order(expression: str, values: Sequence[str]) -> str:
    """``expression``'s place in a fixed order of stored values (a status's), inline."""
    cases = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(values))
    return f"(CASE {expression} {cases} ELSE {len(values)} END)"


class ListSpec:
    """One table's list: a subclass names the table and says what filters, words and
    columns mean in SQL."""

    table: str = ""

    def conditions(self, query: ListQuery) -> list[Fragment]:
        """Conditions that always apply (archived cards hidden unless asked for)."""
        return []

    def filter(self, name: str, value: Any, query: ListQuery) -> Fragment:
        """The condition filter ``name`` with ``value`` stands for."""
        raise KeyError(name)

    def word(self, param: str) -> str:
        """The condition a typed word (a LIKE pattern in ``:param``) must meet."""
        return f"{self.table}.search_key LIKE :{param} ESCAPE '\\'"

    def order(self, column: int, query: ListQuery) -> tuple[list[str], Params]:
        """What column ``column`` sorts by: SQL expressions, most significant first
        (ascending; the direction asked applies to each, and ties go by id)."""
        raise NotImplementedError

    # --- the statements ------------------------------------------------------------------

    def where(self, query: ListQuery) -> Fragment:
        parts = self.conditions(query)
        parts += [self.filter(name, value, query) for name, value in query.filters]
        for i, word in enumerate(query.words):
            parts.append((self.word(f"w{i}"), {f"w{i}": like_pattern(word)}))
        params: Params = {}
        for _sql, values in parts:
            params.update(values)
        text = " AND ".join(f"({sql})" for sql, _values in parts) or "1"
        return text, params

    def ids_statement(self, query: ListQuery) -> Fragment:
        where, params = self.where(query)
        keys, order_params = self.order(query.sort, query)
        direction = "DESC" if query.descending else "ASC"
        table = self.table
        order = ", ".join(f"{key} {direction}" for key in (*keys, f"{table}.id"))
        sql = f"SELECT {table}.id FROM {table} WHERE {where} ORDER BY {order}"
        return sql, {**params, **order_params}

    def matching_statement(self, query: ListQuery) -> Fragment:
        """How many rows ``query`` shows."""
        where, params = self.where(query)
        return f"SELECT count(*) FROM {self.table} WHERE {where}", params

    def count_statement(self) -> str:
        """How many rows there are in all, whatever is filtered or hidden: "of 40"."""
        return f"SELECT count(*) FROM {self.table}"


def install_functions(connection: sqlite3.Connection) -> None:
    """SQL functions the list queries use: fold() for columns sorted without a stored key."""
    connection.create_function("fold", 1, _fold_or_none, deterministic=True)


def _fold_or_none(value: Any) -> str | None:
    return None if value is None else fold(str(value))


Execute = Callable[[str, Params], Iterable[Sequence[Any]]]


def run_ids(execute: Execute, spec: ListSpec, query: ListQuery) -> list[int]:
    """The ids ``query`` shows, in order; ``execute`` runs SQL on some connection."""
    return [row[0] for row in execute(*spec.ids_statement(query))]


def run_total(execute: Execute, spec: ListSpec) -> int:
    return _count(execute(spec.count_statement(), {}))


def run_count(execute: Execute, spec: ListSpec, query: ListQuery) -> int:
    return _count(execute(*spec.matching_statement(query)))


def _count(rows: Iterable[Sequence[Any]]) -> int:
    for row in rows:
        return int(row[0])
    return 0
