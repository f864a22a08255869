"""The SQLite engine: durable pragmas and real transactions around every unit of work.

Everything SQLite-specific lives here and in ``backup``; services only see a session factory.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 5000


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
        # IMMEDIATE takes the write lock up front, so a second process waits for the busy
        # timeout instead of failing halfway through a read-then-write transaction.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
