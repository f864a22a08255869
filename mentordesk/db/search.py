"""Full-text search over everything a person wrote: an SQLite FTS5 table kept in step by
triggers, and the SQL that queries it.

One row of ``search_index`` per searchable record (a document): a mentor, a meeting, an
action item, ... Its ``title`` column holds the record's name, ``body`` the rest of what
the person wrote in it, the lines of its lists included (a meeting's agenda and advice, a
goal's milestones and notes, an agreement's objectives and commitments). The table stores
its own copy of the text, which ``snippet()`` and ``highlight()`` need.

A document's rowid says what it is, and when: ``kind << 54 | day << 36 | id``, ``day`` being
the record's date (days since 1900; 0 for none). So a rowid range is one kind, a document
is found again from its record's row alone (the triggers delete it by rowid, never by a
scan), and rowid order within a kind is date order: a word so common that ranking all its
matches would be slow is answered newest first, reading only the rows it shows.

Triggers on every source table (insert, update of an indexed column, delete) delete the
record's document and write it again from the row, so nothing can be missed: services,
imports and salvage all write through them. A bulk load into an empty database (sample
data) leaves them out and indexes everything once at its end (``pause_statements``). A
child row (an agenda line) writes its parent's document again. Foreign-key cascades fire
the triggers too.

Revision 0009 creates all of this (``install_statements``) and fills it for the rows
already there (``fill_statements``). A later change to what is indexed needs a revision
of its own that runs ``drop_statements``, ``install_statements`` and ``fill_statements``
again. A batch-mode revision that rebuilds a source table drops that table's triggers with
it; ``upgrade_to_head`` puts missing ones back (``missing_trigger_statements``) and runs
migrations with SQLite's legacy table rename, which does not re-check the other tables'
triggers while the rebuilt table is briefly missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mentordesk.domain.search import MARK_END, MARK_START, SearchKind

if TYPE_CHECKING:
    from sqlalchemy import Connection

TABLE = "search_index"
# The words the index holds (fts5vocab), to read a long prefix as words: a table of the
# index's own, stored with it (made in a reading transaction instead, it would go with the
# transaction's rollback, and making it again costs more than a search).
VOCABULARY = f"{TABLE}_vocabulary"
TOKENIZER = "unicode61 remove_diacritics 2"  # case and accents ignored: resume = Résumé
PREFIXES = "1 2 3"  # prefix indexes: "a*", "fe*", "fee*" read one list each
# Best first: bm25 with weights for (title, body), a word in a record's name counting for
# more. Written out rather than FTS5's ``rank``, whose sorting prepares a statement of its
# own on every query (a millisecond a kind).
RANK = f"bm25({TABLE}, 4.0, 1.0)"

_KIND_SHIFT = 54
_DAY_SHIFT = 36
_ID_MASK = (1 << _DAY_SHIFT) - 1
_DAY_MAX = (1 << (_KIND_SHIFT - _DAY_SHIFT)) - 1
# julianday('1900-01-01'): day 0; dates before it are day 0 too.
_EPOCH_JULIAN = 2415020.5

# Stored in rowids: never renumber a kind.
KIND_CODES: dict[SearchKind, int] = {
    SearchKind.MENTOR: 1,
    SearchKind.AGREEMENT: 2,
    SearchKind.MEETING: 3,
    SearchKind.ACTION_ITEM: 4,
    SearchKind.GOAL: 5,
    SearchKind.SKILL: 6,
    SearchKind.ASSESSMENT: 7,
    SearchKind.GRATITUDE: 8,
}

# A kind with more matches than this is shown newest first (by rowid) rather than ranked:
# bm25 costs a few microseconds a match, the newest few cost nothing. So is every kind when
# each word typed is shorter than RANKED_FROM_LENGTH: one or two letters are a word on its
# way, which ranking would sort by how many words of a text begin so.
RANKED_AT_MOST = 600
RANKED_FROM_LENGTH = 3
SNIPPET_TOKENS = 14
# What a person's input is cut to: enough for any search, and a bound on the query's work.
MAX_INPUT = 256
MAX_TERMS = 12

Execute = Callable[[str, dict[str, Any]], Iterable[Any]]


# --- what is indexed ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """A child table whose rows are lines of their parent's document."""

    table: str
    parent_column: str
    # The columns whose change rewrites the parent's document (its order too: the lines
    # are written in order).
    columns: tuple[str, ...]


@dataclass(frozen=True)
class _Document:
    """How one kind's record becomes a document. SQL expressions over ``{r}``, the row."""

    kind: SearchKind
    table: str
    title: str
    body: tuple[str, ...]
    day: str  # a text whose first ten characters are a date, or NULL
    columns: tuple[str, ...]  # the record's columns the expressions read
    parts: tuple[_Part, ...] = ()
    only_if: str = ""  # a condition on {r}: no document when it fails (nothing written)


def _lines(table: str, column: str, parent_column: str, order: str = "position") -> str:
    """The ``column`` of a record's child rows, one a line, in their order."""
    return (
        f"coalesce((SELECT group_concat({column}, char(10)) FROM (SELECT {column} FROM {table}"
        f" WHERE {parent_column} = {{r}}.id ORDER BY {order}, id)), '')"
    )


DOCUMENTS: tuple[_Document, ...] = (
    _Document(
        SearchKind.MENTOR,
        "mentor",
        title="{r}.name",
        body=(
            "{r}.title",
            "{r}.organization",
            _lines("mentor_expertise", "label", "mentor_id"),
            _lines("mentor_tag", "label", "mentor_id"),
            "{r}.notes",
        ),
        day="coalesce({r}.started_on, {r}.created_at)",
        columns=("name", "title", "organization", "notes", "started_on"),
        parts=(
            _Part("mentor_expertise", "mentor_id", ("label", "position", "mentor_id")),
            _Part("mentor_tag", "mentor_id", ("label", "position", "mentor_id")),
        ),
    ),
    _Document(
        SearchKind.AGREEMENT,
        "agreement",
        title="{r}.title",
        body=(
            _lines("agreement_objective", "text", "agreement_id"),
            _lines("agreement_commitment", "text", "agreement_id"),
            "{r}.planned_length",
            "{r}.out_of_scope",
            "{r}.reply_time",
            "{r}.cancellation",
            "{r}.communication_notes",
            "{r}.confidentiality",
        ),
        day="coalesce({r}.agreed_on, {r}.starts_on, {r}.created_at)",
        columns=(
            "title",
            "planned_length",
            "out_of_scope",
            "reply_time",
            "cancellation",
            "communication_notes",
            "confidentiality",
            "agreed_on",
            "starts_on",
        ),
        parts=(
            _Part("agreement_objective", "agreement_id", ("text", "position", "agreement_id")),
            _Part("agreement_commitment", "agreement_id", ("text", "position", "agreement_id")),
        ),
    ),
    _Document(
        SearchKind.MEETING,
        "meeting",
        title="{r}.title",
        body=(
            _lines("agenda_item", "text", "meeting_id"),
            "{r}.notes",
            _lines("meeting_advice", "text", "meeting_id"),
            "{r}.takeaway",
        ),
        day="{r}.starts_at",  # its day in UTC: good enough to order by
        columns=("title", "notes", "takeaway", "starts_at"),
        parts=(
            _Part("agenda_item", "meeting_id", ("text", "position", "meeting_id")),
            _Part("meeting_advice", "meeting_id", ("text", "position", "meeting_id")),
        ),
    ),
    _Document(
        SearchKind.ACTION_ITEM,
        "action_item",
        title="{r}.text",
        body=(),
        day="coalesce({r}.due_on, {r}.done_on, {r}.created_at)",
        columns=("text", "due_on", "done_on"),
    ),
    _Document(
        SearchKind.GOAL,
        "goal",
        title="{r}.title",
        body=(
            "{r}.description",
            "{r}.why_it_matters",
            _lines("milestone", "title", "goal_id"),
            _lines("goal_note", "text", "goal_id", order="written_on"),
        ),
        day="coalesce({r}.started_on, {r}.created_at)",
        columns=("title", "description", "why_it_matters", "started_on"),
        parts=(
            _Part("milestone", "goal_id", ("title", "position", "goal_id")),
            _Part("goal_note", "goal_id", ("text", "written_on", "goal_id")),
        ),
    ),
    _Document(
        SearchKind.SKILL,
        "skill",
        title="{r}.name",
        body=("{r}.category", "{r}.description"),
        day="{r}.created_at",
        columns=("name", "category", "description"),
    ),
    _Document(
        SearchKind.ASSESSMENT,
        "assessment",
        title="''",  # its skill's name is the skill's document
        body=("{r}.evidence",),
        day="{r}.assessed_on",
        columns=("evidence", "assessed_on"),
        only_if="{r}.evidence != ''",
    ),
    _Document(
        SearchKind.GRATITUDE,
        "gratitude_entry",
        title="''",
        body=("{r}.text",),
        day="{r}.given_on",
        columns=("text", "given_on"),
        only_if="{r}.text != ''",
    ),
)


def source_tables() -> tuple[str, ...]:
    """Every table whose rows are indexed (records and the lines of their lists)."""
    return tuple(
        table
        for document in DOCUMENTS
        for table in (document.table, *(part.table for part in document.parts))
    )


def _rowid(document: _Document, row: str) -> str:
    code = KIND_CODES[document.kind]
    day = document.day.format(r=row)
    days = (
        f"max(0, min({_DAY_MAX}, CAST(coalesce(julianday(substr({day}, 1, 10))"
        f" - {_EPOCH_JULIAN}, 0) AS INTEGER)))"
    )
    return f"(({code} << {_KIND_SHIFT}) | ({days} << {_DAY_SHIFT}) | {row}.id)"


def _select(document: _Document, where: str) -> str:
    """The (rowid, title, body) of the documents of the records ``where`` selects (over
    ``r``), as the triggers write them."""
    parts = (f"coalesce({part.format(r='r')}, '')" for part in document.body)
    body = " || char(10) || ".join(parts) or "''"
    condition = where
    if document.only_if:
        condition += f" AND {document.only_if.format(r='r')}"
    return (
        f"SELECT {_rowid(document, 'r')}, coalesce({document.title.format(r='r')}, ''), {body}"
        f" FROM {document.table} AS r WHERE {condition}"
    )


def _write(document: _Document, where: str) -> str:
    return f"INSERT INTO {TABLE} (rowid, title, body) {_select(document, where)}"


def _rewrite_parent(document: _Document, parent_id: str) -> list[str]:
    """Write the document of the record ``parent_id`` again, from its row as it is now."""
    return [
        f"DELETE FROM {TABLE} WHERE rowid = (SELECT {_rowid(document, 'r')}"
        f" FROM {document.table} AS r WHERE r.id = {parent_id})",
        _write(document, f"r.id = {parent_id}"),
    ]


def _trigger(name: str, event: str, table: str, statements: Sequence[str]) -> str:
    body = "".join(f"    {statement};\n" for statement in statements)
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW BEGIN\n{body}END"


def _triggers() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) for every trigger that keeps the index in step."""
    triggers: list[tuple[str, str, str, list[str]]] = []  # name, event, table, statements
    for document in DOCUMENTS:
        table = document.table
        delete_old = f"DELETE FROM {TABLE} WHERE rowid = {_rowid(document, 'OLD')}"
        write_new = _write(document, "r.id = NEW.id")
        watched = f"UPDATE OF {', '.join(document.columns)}"
        triggers += [
            (f"{TABLE}_{table}_insert", "INSERT", table, [write_new]),
            (f"{TABLE}_{table}_update", watched, table, [delete_old, write_new]),
            (f"{TABLE}_{table}_delete", "DELETE", table, [delete_old]),
        ]
        for part in document.parts:
            old = _rewrite_parent(document, f"OLD.{part.parent_column}")
            new = _rewrite_parent(document, f"NEW.{part.parent_column}")
            watched = f"UPDATE OF {', '.join(part.columns)}"
            triggers += [
                (f"{TABLE}_{part.table}_insert", "INSERT", part.table, new),
                (f"{TABLE}_{part.table}_update", watched, part.table, old + new),
                (f"{TABLE}_{part.table}_delete", "DELETE", part.table, old),
            ]
    return [
        (name, _trigger(name, event, table, statements))
        for name, event, table, statements in triggers
    ]


def trigger_names() -> tuple[str, ...]:
    return tuple(name for name, _ in _triggers())


def missing_trigger_statements(execute: Callable[[str], Iterable[Any]]) -> list[str]:
    """The triggers a database holding the index lacks (none when it has no index): a
    batch-mode migration that rebuilds a source table drops that table's triggers."""
    names = {str(row[0]) for row in execute("SELECT name FROM sqlite_master")}
    if TABLE not in names:
        return []
    return [statement for name, statement in _triggers() if name not in names]


def install_statements() -> list[str]:
    """Create the (empty) index and its triggers."""
    return [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, body,"
        f" tokenize = '{TOKENIZER}', prefix = '{PREFIXES}')",
        f"CREATE VIRTUAL TABLE {VOCABULARY} USING fts5vocab({TABLE}, 'row')",
        *(statement for _, statement in _triggers()),
    ]


def fill_statements() -> list[str]:
    """Index every record already stored, then merge the index into one segment."""
    return [
        *(f"INSERT INTO {TABLE} (rowid, title, body) {query}" for query in document_queries()),
        f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')",
    ]


def document_queries() -> list[str]:
    """One SELECT per kind giving (rowid, title, body) of every document the index should
    hold now: what a check compares the index with."""
    return [_select(document, "1") for document in DOCUMENTS]


def pause_statements(execute: Callable[[str], Iterable[Any]]) -> list[str]:
    """Drop the triggers, for a bulk load into an empty database: a trigger writes one
    document a row (a meeting's once for each agenda line), and ten years of records cost
    minutes that way instead of seconds. ``resume_statements`` then indexes everything
    once. Nothing when the database has no index."""
    names = {str(row[0]) for row in execute("SELECT name FROM sqlite_master")}
    if TABLE not in names:
        return []
    return [f"DROP TRIGGER {name}" for name in trigger_names() if name in names]


def resume_statements(execute: Callable[[str], Iterable[Any]]) -> list[str]:
    """Index every record again and put the triggers back, after ``pause_statements``."""
    names = {str(row[0]) for row in execute("SELECT name FROM sqlite_master")}
    if TABLE not in names:
        return []
    return [f"DELETE FROM {TABLE}", *fill_statements(), *missing_trigger_statements(execute)]


def drop_statements() -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {name}" for name in trigger_names()),
        f"DROP TABLE IF EXISTS {VOCABULARY}",
        f"DROP TABLE IF EXISTS {TABLE}",
    ]


def is_search_table(name: str) -> bool:
    """The index and the shadow tables FTS5 keeps it in (not mapped classes: schema
    comparisons leave them out)."""
    return name == TABLE or name.startswith(f"{TABLE}_")


# --- what a person types --------------------------------------------------------------------

# A quoted phrase (perhaps not closed yet: the person is still typing it), or a word.
_TERM = re.compile(r'"([^"]*)("?)|([^\s"]+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A word the tokenizer keeps whole and folds to itself in lower case.
_PLAIN_WORD = re.compile(r"[a-z0-9]+")
_LONGEST_PREFIX_INDEXED = max(int(length) for length in PREFIXES.split())
# A prefix that stands for more words than this is left to FTS5 to expand.
_MOST_WORDS_EXPANDED = 16


@dataclass(frozen=True)
class Term:
    """A word or a phrase a person typed; ``prefix``: it matches words that begin so."""

    text: str
    prefix: bool

    def quoted(self) -> str:
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")


def terms(text: str) -> list[Term]:
    """What a person typed, as terms: every word a prefix, words in double quotes a phrase
    matched as typed, and a phrase whose closing quote is not typed yet a prefix. Terms
    without a letter or digit match nothing, so they are left out."""
    text = _CONTROL.sub(" ", text[:MAX_INPUT])
    found: list[Term] = []
    for match in _TERM.finditer(text):
        phrase, closed, word = match.groups()
        term = word if word is not None else phrase
        if any(char.isalnum() for char in term):
            found.append(Term(term, prefix=word is not None or not closed))
        if len(found) == MAX_TERMS:
            break
    return found


def match_expression(
    text: str, words: Callable[[str], list[str] | None] | None = None
) -> str | None:
    """The FTS5 query for what a person typed, or None when it holds no word.

    Every term is a quoted string (``"resu"*``), so no character typed is ever FTS5 syntax:
    quotes, stars, parentheses, colons and the operators AND, OR, NOT and NEAR are words
    like any other. All terms must match. ``words``, given a prefix longer than the prefix
    indexes, may say which indexed words begin so (None: too many to list): the term is
    then those words (``("meeting" OR "meetings")``), which FTS5 reads far faster than a
    prefix it has no index for.
    """
    parts = []
    for term in terms(text):
        folded = term.text.lower()
        expanded = None
        if (
            words is not None
            and term.prefix
            and len(folded) > _LONGEST_PREFIX_INDEXED
            and _PLAIN_WORD.fullmatch(folded)
        ):
            expanded = words(folded)
        if expanded is None:
            parts.append(term.quoted())
        elif not expanded:
            return '""'  # no word begins so: an empty phrase, which matches nothing
        else:
            parts.append("(" + " OR ".join(Term(w, False).quoted() for w in expanded) + ")")
    return " AND ".join(parts) if parts else None


def _words_beginning(execute: Execute) -> Callable[[str], list[str] | None]:
    def words(prefix: str) -> list[str] | None:
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        rows = execute(
            f"SELECT term FROM {VOCABULARY} WHERE term >= :prefix AND term < :after LIMIT :n",
            {"prefix": prefix, "after": after, "n": _MOST_WORDS_EXPANDED + 1},
        )
        found = [str(row[0]) for row in rows]
        return None if len(found) > _MOST_WORDS_EXPANDED else found

    return words


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexHit:
    record_id: int
    title: str  # the indexed title, with marks
    snippet: str  # with marks


@dataclass(frozen=True)
class KindMatches:
    kind: SearchKind
    total: int
    by_date: bool
    hits: tuple[IndexHit, ...]


def _bounds(kind: SearchKind) -> dict[str, int]:
    code = KIND_CODES[kind]
    return {"low": code << _KIND_SHIFT, "high": ((code + 1) << _KIND_SHIFT) - 1}


_COUNT = f"SELECT count(*) FROM {TABLE} WHERE {TABLE} MATCH :query AND rowid BETWEEN :low AND :high"
_MARKS = f"char({ord(MARK_START)}), char({ord(MARK_END)})"
_HITS = (
    f"SELECT rowid, highlight({TABLE}, 0, {_MARKS}),"
    f" snippet({TABLE}, 1, {_MARKS}, '…', {SNIPPET_TOKENS})"
    f" FROM {TABLE} WHERE {TABLE} MATCH :query AND rowid BETWEEN :low AND :high"
    " ORDER BY {order} LIMIT :limit"
)


def executor(connection: Connection) -> Execute:
    """Runs SQL on the DBAPI connection under a SQLAlchemy ``connection``, in its
    transaction: a search runs a dozen statements, and SQLAlchemy's own execution costs a
    tenth of a millisecond each."""
    driver = connection.connection.driver_connection
    assert driver is not None
    return lambda sql, params: driver.execute(sql, params).fetchall()


def find(
    execute: Execute,
    text: str,
    limit_per_kind: int,
    kinds: Sequence[SearchKind] = tuple(SearchKind),
) -> list[KindMatches]:
    """Per kind with matches: how many records match ``text`` and the first
    ``limit_per_kind`` of them, best first (bm25), or newest first when more than
    ``RANKED_AT_MOST`` match."""
    expression = match_expression(text, _words_beginning(execute))
    if expression is None:
        return []
    short = max((len(t.text) for t in terms(text)), default=0) < RANKED_FROM_LENGTH
    found: list[KindMatches] = []
    for kind in kinds:
        params: dict[str, Any] = {"query": expression, **_bounds(kind)}
        total = int(next(iter(execute(_COUNT, params)))[0])
        if not total:
            continue
        by_date = total > RANKED_AT_MOST or (short and total > limit_per_kind)
        hits: tuple[IndexHit, ...] = ()
        if limit_per_kind > 0:
            sql = _HITS.format(order="rowid DESC" if by_date else RANK)
            rows = execute(sql, {**params, "limit": limit_per_kind})
            hits = tuple(
                IndexHit(int(row[0]) & _ID_MASK, row[1] or "", row[2] or "") for row in rows
            )
        found.append(KindMatches(kind, total, by_date, hits))
    return found


@dataclass(frozen=True)
class RecordFacts:
    """What a hit shows besides its text, read from the record's own row."""

    record_id: int
    title: str  # the record's name as stored (no marks)
    stamp: str | None  # its date (or UTC time) as SQLite stores it
    target_id: int
    mentor_ids: tuple[int, ...]


_IDS = "(SELECT value FROM json_each(:ids))"
_MEETING_MENTORS = "(SELECT group_concat(mentor_id) FROM meeting_mentor WHERE meeting_id = {})"
_FACTS: dict[SearchKind, str] = {
    # A mentor's own name is its title: no mentors besides.
    SearchKind.MENTOR: f"SELECT id, name, started_on, id, NULL FROM mentor WHERE id IN {_IDS}",
    SearchKind.AGREEMENT: (
        "SELECT id, title, coalesce(agreed_on, starts_on), id, mentor_id FROM agreement"
        f" WHERE id IN {_IDS}"
    ),
    SearchKind.MEETING: (
        f"SELECT id, title, starts_at, id, {_MEETING_MENTORS.format('meeting.id')} FROM meeting"
        f" WHERE id IN {_IDS}"
    ),
    SearchKind.ACTION_ITEM: (
        "SELECT id, text, coalesce(due_on, done_on, substr(created_at, 1, 10)), id,"
        f" {_MEETING_MENTORS.format('action_item.meeting_id')} FROM action_item"
        f" WHERE id IN {_IDS}"
    ),
    SearchKind.GOAL: (
        "SELECT id, title, coalesce(started_on, substr(created_at, 1, 10)), id,"
        " (SELECT group_concat(mentor_id) FROM goal_mentor WHERE goal_id = goal.id)"
        f" FROM goal WHERE id IN {_IDS}"
    ),
    SearchKind.SKILL: (
        f"SELECT id, name, substr(created_at, 1, 10), id, NULL FROM skill WHERE id IN {_IDS}"
    ),
    SearchKind.ASSESSMENT: (
        "SELECT a.id, s.name, a.assessed_on, a.skill_id, a.mentor_id FROM assessment AS a"
        f" JOIN skill AS s ON s.id = a.skill_id WHERE a.id IN {_IDS}"
    ),
    SearchKind.GRATITUDE: (
        f"SELECT id, '', given_on, mentor_id, mentor_id FROM gratitude_entry WHERE id IN {_IDS}"
    ),
}


def _ids_json(ids: Iterable[int]) -> str:
    return "[" + ",".join(str(int(i)) for i in ids) + "]"


def record_facts(execute: Execute, kind: SearchKind, ids: Sequence[int]) -> dict[int, RecordFacts]:
    if not ids:
        return {}
    facts = {}
    for row in execute(_FACTS[kind], {"ids": _ids_json(ids)}):
        mentors = row[4]
        mentor_ids = tuple(int(m) for m in str(mentors).split(",")) if mentors is not None else ()
        facts[int(row[0])] = RecordFacts(
            int(row[0]), str(row[1] or ""), row[2], int(row[3]), mentor_ids
        )
    return facts


def mentor_names(execute: Execute, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = execute(f"SELECT id, name FROM mentor WHERE id IN {_IDS}", {"ids": _ids_json(wanted)})
    return {int(row[0]): str(row[1]) for row in rows}


def indexed(execute: Execute) -> int:
    return int(next(iter(execute(f"SELECT count(*) FROM {TABLE}", {})))[0])
