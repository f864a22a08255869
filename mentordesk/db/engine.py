"""The SQLite engine: durable pragmas and real transactions around every unit of work.

Everything SQLite-specific lives here and in ``backup``; services only see a session factory.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from mentordesk.db import search
from mentordesk.db.listing import install_functions
from mentordesk.db.schema import read_only_uri
from mentordesk.domain.validation import StorageError

BUSY_TIMEOUT_MS = 5000
# Execution option for sessions that only read: see reading() below.
READ_ONLY = "mentordesk_read_only"


def create_sqlite_engine(
    path: Path, *, foreign_keys: bool = True, read_only: bool = False
) -> Engine:
    """An engine whose transactions are real SQLite transactions, DDL included.

    pysqlite normally defers BEGIN until the first DML statement, which leaves DDL outside
    the transaction; SQLAlchemy's documented recipe switches the driver to autocommit and
    emits BEGIN itself. ``foreign_keys=False`` is for migrations, which rebuild tables.
    ``read_only`` opens the file so that nothing, not even a -shm file, is written.
    """
    if read_only:
        uri = read_only_uri(path)
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(
                uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            ),
            hide_parameters=True,
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            # An error's message then names the statement but not the person's values, so
            # it can go into the log.
            hide_parameters=True,
        )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        install_functions(dbapi_connection)
        cursor = dbapi_connection.cursor()
        try:
            if not read_only:
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
    with storage_errors(_database_path(sessions), reading=True), sessions() as session:
        session.connection(execution_options={READ_ONLY: True})
        yield session


@contextmanager
def writing(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session for one change: one IMMEDIATE transaction, committed at the end of the
    block or rolled back on any error; storage failures come out as StorageError."""
    with storage_errors(_database_path(sessions)), sessions.begin() as session:
        yield session


def _database_path(sessions: sessionmaker[Session]) -> Path | None:
    bind = sessions.kw.get("bind")
    database = getattr(getattr(bind, "url", None), "database", None)
    return Path(database) if database else None


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
def one_transaction(
    sessions: sessionmaker[Session], *, index_at_end: bool = False
) -> Iterator[sessionmaker[Session]]:
    """A session factory for work that must be stored whole or not at all (sample data,
    imports): everything done through it commits at the end of the block, and an exception
    anywhere rolls all of it back.

    ``index_at_end`` is for a bulk load into an empty database: the search index's
    triggers are left out during the block and the whole index written once at its end,
    in the same transaction (see ``search.pause_statements``).
    """
    with storage_errors(_database_path(sessions)), sessions.begin() as session:
        connection = session.connection()
        if index_at_end:
            for statement in search.pause_statements(connection.exec_driver_sql):
                connection.exec_driver_sql(statement)
        yield _SharedTransaction(session)
        if index_at_end:
            session.flush()
            for statement in search.resume_statements(connection.exec_driver_sql):
                connection.exec_driver_sql(statement)


# Below this much free space, "disk I/O error" on a write means the disk is full: SQLite
# reports SQLITE_FULL for some writes and a plain I/O error for others (the WAL, say).
NEARLY_FULL_BYTES = 1024 * 1024


@contextmanager
def storage_errors(database: Path | None = None, *, reading: bool = False) -> Iterator[None]:
    """Turn SQLite's operational failures into a StorageError a person can read.

    ``database`` (the file worked on) lets a vague I/O error be recognised as a full disk;
    ``reading`` words the messages for a read, which changes nothing in any case.
    """
    try:
        yield
    except OperationalError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        raise StorageError(_storage_message(detail, database, reading)) from exc


def _storage_message(detail: str, database: Path | None, reading: bool) -> str:
    if "locked" in detail or "busy" in detail:
        return (
            "The database is busy in another program (perhaps another MentorDesk window). "
            "Nothing was changed; try again in a moment."
        )
    if reading:
        if "readonly" in detail or "read-only" in detail or "unable to open" in detail:
            return (
                "Your data could not be read: the data folder is read-only and MentorDesk "
                "needs to write its working files beside the database."
            )
        return f"Your data could not be read ({detail})."
    if "full" in detail or ("disk I/O error" in detail and _nearly_full(database)):
        return "The disk is full, so the change was not saved. Free some space and retry."
    if "readonly" in detail or "read-only" in detail:
        return "The data folder is read-only, so the change was not saved."
    return f"The change could not be saved ({detail}). Nothing was changed."


def _nearly_full(database: Path | None) -> bool:
    if database is None:
        return False
    try:
        return shutil.disk_usage(database.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
