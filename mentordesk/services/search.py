"""Search everything a person wrote: the FTS5 index of ``db/search.py``, read in one
transaction and turned into records (``domain/search.py``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from mentordesk.db import search as index
from mentordesk.db.engine import reading
from mentordesk.domain.search import (
    SearchGroup,
    SearchHit,
    SearchKind,
    SearchResults,
    one_line_snippet,
)

# Enough to choose from at a glance; the group's header says how many there are in all.
LIMIT_PER_KIND = 5
# Kinds whose indexed title is empty: the hit's title is read from the record's row.
_TITLE_FROM_ROW = frozenset({SearchKind.ASSESSMENT, SearchKind.GRATITUDE})


def _day(stamp: object, kind: SearchKind) -> date | None:
    """A stored date (or UTC time: a meeting's start, on the computer's local day)."""
    if not stamp:
        return None
    text = str(stamp)
    try:
        if kind is SearchKind.MEETING and len(text) > 10:
            return datetime.fromisoformat(text).replace(tzinfo=UTC).astimezone().date()
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class SearchService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def find(self, text: str, limit_per_kind: int = LIMIT_PER_KIND) -> SearchResults:
        """The records matching ``text``, grouped by kind (in ``SearchKind`` order), each
        group with its best few hits (newest first when very many match) and its total.

        Words match as prefixes, in any case and without regard to accents; words in double
        quotes match as a phrase. Nothing a person types raises: a query without a word
        finds nothing.
        """
        with reading(self._sessions) as session:
            execute = index.executor(session.connection())
            matches = index.find(execute, text, limit_per_kind)
            facts = {
                found.kind: index.record_facts(
                    execute, found.kind, [h.record_id for h in found.hits]
                )
                for found in matches
            }
            mentor_ids = (
                m for of_kind in facts.values() for f in of_kind.values() for m in f.mentor_ids
            )
            names = index.mentor_names(execute, mentor_ids)
        groups = []
        for found in matches:
            hits = []
            for hit in found.hits:
                fact = facts[found.kind].get(hit.record_id)
                if fact is None:  # cannot happen inside one transaction; skipped if it did
                    continue
                title = fact.title if found.kind in _TITLE_FROM_ROW else hit.title
                hits.append(
                    SearchHit(
                        kind=found.kind,
                        record_id=hit.record_id,
                        title=title,
                        snippet=one_line_snippet(hit.snippet),
                        on=_day(fact.stamp, found.kind),
                        mentors=tuple(names[m] for m in fact.mentor_ids if m in names),
                        target_id=fact.target_id,
                    )
                )
            groups.append(SearchGroup(found.kind, found.total, tuple(hits), found.by_date))
        return SearchResults(text, tuple(groups))

    def search(self, text: str, limit_per_kind: int = LIMIT_PER_KIND) -> list[SearchHit]:
        """The hits of ``find``, group after group."""
        return list(self.find(text, limit_per_kind).hits)

    def indexed(self) -> int:
        """How many records the index holds."""
        with reading(self._sessions) as session:
            return index.indexed(index.executor(session.connection()))
