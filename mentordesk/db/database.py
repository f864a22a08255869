"""Opening a person's database safely: create, upgrade after a backup, or refuse untouched."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mentordesk import __version__
from mentordesk.db.backup import (
    PRIVATE_FILE,
    SnapshotError,
    backup_database,
    check_snapshot,
    make_private_dir,
)
from mentordesk.db.engine import create_session_factory, create_sqlite_engine
from mentordesk.db.errors import CorruptDatabaseError, MigrationFailedError, NewerDatabaseError
from mentordesk.db.schema import HEAD_REVISION, SchemaState, inspect_schema
from mentordesk.paths import DataLocation

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open, current database: the engine and the factory services open sessions from."""

    location: DataLocation
    engine: Engine
    session_factory: sessionmaker[Session]
    backups_made: list[Path] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()


def open_database(location: DataLocation) -> Database:
    """Open the data folder's database, creating or upgrading it as needed.

    Raises DatabaseOpenError (with a message for the person) for a file this version must not
    touch: one from a newer MentorDesk, one that is not a MentorDesk database, a damaged one.
    """
    path = location.database
    make_private_dir(location.root)
    inspection = inspect_schema(path)
    backups: list[Path] = []
    if inspection.state is SchemaState.NEWER:
        assert inspection.revision is not None
        raise NewerDatabaseError(path, inspection.revision, __version__)
    if inspection.state is SchemaState.MISSING:
        _create_new(path)
    else:
        problem = check_snapshot(path)  # read-only quick_check, before anything writes
        if problem is not None:
            raise CorruptDatabaseError(path, problem)
    if inspection.state is SchemaState.OLDER:
        try:
            backup = backup_database(path, location.backups, f"before-{HEAD_REVISION}")
        except SnapshotError as exc:
            raise CorruptDatabaseError(path, str(exc)) from exc
        backups.append(backup)
        try:
            _migrate(path)
        except Exception as exc:
            raise MigrationFailedError(path, backup, _reason(exc)) from exc
    engine = create_sqlite_engine(path)
    return Database(location, engine, create_session_factory(engine), backups)


def _migrate(path: Path) -> None:
    from mentordesk.db.migrate import upgrade_to_head

    engine = create_sqlite_engine(path, foreign_keys=False)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()


def _create_new(path: Path) -> None:
    """Build the schema under a temporary name and link it into place when complete.

    A crash while creating leaves only the temporary file, never a half-made database
    under the real name. The name is this process's own, and the final step (a hard link)
    fails rather than overwrite a database another process created meanwhile.
    """
    _remove_abandoned_partials(path)
    partial = path.with_name(f"{path.name}.creating-{os.getpid()}")
    log.info("creating a new database at %s", path)
    partial.touch(mode=PRIVATE_FILE)
    try:
        _migrate(partial)
        # Leave one self-contained file: checkpoint the WAL into it.
        connection = sqlite3.connect(partial)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(partial, path)
        except FileExistsError:
            log.info("another process created %s first; using that one", path)
        _fsync_dir(path.parent)
    finally:
        for leftover in (partial, *_sidecars(partial)):
            leftover.unlink(missing_ok=True)


def _remove_abandoned_partials(path: Path) -> None:
    """Temporary files of creations whose process is gone (they never held user data)."""
    for partial in path.parent.glob(f"{path.name}.creating-*"):
        pid = partial.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _process_alive(int(pid)):
            for leftover in (partial, *_sidecars(partial)):
                leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    directory = os.open(path, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _reason(exc: BaseException) -> str:
    """SQLite's own words, without SQLAlchemy's statement dump."""
    original = getattr(exc, "orig", None)
    return str(original if original is not None else exc)


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
