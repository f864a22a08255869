"""The SQLite engine: durable pragmas and real transactions around every unit of work.

Everything SQLite-specific lives here and in ``backup``; services only see a session factory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from mentordesk.domain.validation import StorageError

BUSY_TIMEOUT_MS = 5000
# Execution option for sessions that only read: see reading() below.
READ_ONLY = "mentordesk_read_only"


def create_sqlite_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose transactions are real SQLite transactions, DDL included.

    pysqlite normally defers BEGIN until the first DML statement, which leaves DDL outside
    the transaction; SQLAlchemy's documented recipe switches the driver to autocommit and
    emits BEGIN itself. ``foreign_keys=False`` is for migrations, which rebuild tables.
    """
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A write takes the lock up front (IMMEDIATE), so a second process waits for the
        # busy timeout instead of failing halfway through a read-then-write transaction.
        # A read begins deferred: in WAL mode it never waits for a writer.
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def reading(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session for reads only: a deferred transaction that never waits for a writer."""
    if isinstance(sessions, _SharedTransaction):
        yield sessions.session  # inside one_transaction(): read what it wrote so far
        return
    with storage_errors(), sessions() as session:
        session.connection(execution_options={READ_ONLY: True})
        yield session


class _SharedTransaction(sessionmaker[Session]):
    """A session factory whose every session is one session inside one open transaction.

    Services built on it work as usual, but what they do is committed together or not at
    all: each ``begin()`` is a savepoint of the outer transaction.
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    @contextmanager
    def __call__(self, **_ignored: Any) -> Iterator[Session]:  # type: ignore[override]
        yield self.session

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self.session.begin_nested():
            yield self.session


@contextmanager
def one_transaction(sessions: sessionmaker[Session]) -> Iterator[sessionmaker[Session]]:
    """A session factory for work that must be stored whole or not at all (sample data,
    imports): everything done through it commits at the end of the block, and an exception
    anywhere rolls all of it back."""
    with storage_errors(), sessions.begin() as session:
        yield _SharedTransaction(session)


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn SQLite's operational failures into a StorageError a person can read."""
    try:
        yield
    except OperationalError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        if "locked" in detail or "busy" in detail:
            message = (
                "The database is busy in another program (perhaps another MentorDesk window). "
                "Nothing was changed; try again in a moment."
            )
        elif "full" in detail:
            message = "The disk is full, so the change was not saved. Free some space and retry."
        elif "readonly" in detail or "read-only" in detail:
            message = "The data folder is read-only, so the change was not saved."
        else:
            message = f"The change could not be saved ({detail}). Nothing was changed."
        raise StorageError(message) from exc
