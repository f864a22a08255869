"""Opening a person's database safely: create, upgrade after a backup, or refuse untouched."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from mentordesk import __version__
from mentordesk.db.backup import (
    PRIVATE_DIR,
    PRIVATE_FILE,
    SnapshotError,
    backup_database,
    check_snapshot,
    make_private_dir,
)
from mentordesk.db.engine import create_session_factory, create_sqlite_engine
from mentordesk.db.errors import (
    BackupBeforeUpgradeError,
    CorruptDatabaseError,
    DataFileMissingError,
    DataFolderError,
    MigrationFailedError,
    NeedsUpgradeError,
    NewerDatabaseError,
    NoDataError,
    has_snapshots,
)
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
    read_only: bool = False

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    location: DataLocation,
    *,
    create: bool = True,
    read_only: bool = False,
    replace_lost: bool = False,
) -> Database:
    """Open the data folder's database, creating or upgrading it as needed.

    ``create=False`` (commands that only read) refuses a folder without a database instead
    of creating one. A database that is missing while backups of it exist is never replaced
    by a new empty one unless ``replace_lost`` says the person chose to start afresh.
    ``read_only`` opens without writing anything (no creation, upgrade or backup).

    Raises DatabaseOpenError (with a message for the person) for a file this version must not
    touch: one from a newer MentorDesk, one that is not a MentorDesk database, a damaged one,
    a link to nothing; the file is left exactly as it was.
    """
    path = location.database
    if location.root.exists() and not location.root.is_dir():
        raise DataFolderError(location.root, "it is a file, not a folder")
    inspection = inspect_schema(path)
    backups: list[Path] = []
    if inspection.state is SchemaState.NEWER:
        assert inspection.revision is not None
        raise NewerDatabaseError(path, inspection.revision, __version__)
    if inspection.state is SchemaState.MISSING:
        if has_snapshots(location.backups) and not replace_lost:
            raise DataFileMissingError(path)
        if not create or read_only:
            raise NoDataError(path)
        _prepare_folder(location)
        _create_new(path)
    else:
        problem = check_snapshot(path)  # read-only quick_check, before anything writes
        if problem is not None:
            raise CorruptDatabaseError(path, problem)
        if not read_only:
            _prepare_folder(location)
    if inspection.state is SchemaState.OLDER:
        if read_only:
            raise NeedsUpgradeError(path)
        try:
            backup = backup_database(path, location.backups, f"before-{HEAD_REVISION}")
        except SnapshotError as exc:
            log.error("no backup before upgrading, so no upgrade: %s", type(exc).__name__)
            raise BackupBeforeUpgradeError(path, str(exc)) from exc
        backups.append(backup)
        log.info("upgrading the database from %s to %s", inspection.revision, HEAD_REVISION)
        started = time.perf_counter()
        try:
            _migrate(path)
        except Exception as exc:
            log.exception("the upgrade failed; the database is as it was")
            raise MigrationFailedError(path, backup, _reason(exc)) from exc
        log.info("upgraded in %.0f ms", (time.perf_counter() - started) * 1000)
    engine = create_sqlite_engine(path, read_only=read_only)
    return Database(location, engine, create_session_factory(engine), backups, read_only)


def _prepare_folder(location: DataLocation) -> None:
    """The folder readable only by the user, and the database and its working files too,
    whatever the umask or how they were made (SQLite gives the -wal and -shm files the
    database's permissions)."""
    try:
        make_private_dir(location.root)
        if os.stat(location.root).st_mode & 0o077:
            os.chmod(location.root, PRIVATE_DIR)
        path = location.database
        for file in (path, *_sidecars(path)):
            if file.exists() and os.stat(file).st_mode & 0o077:
                os.chmod(file, PRIVATE_FILE)
    except FileExistsError as exc:
        raise DataFolderError(location.root, "a file is in the way") from exc
    except PermissionError as exc:
        if not location.root.is_dir():
            raise DataFolderError(location.root, "it cannot be created here") from exc
        # An existing folder we may not chmod (someone else's, a read-only mount): leave it.
    except OSError as exc:
        raise DataFolderError(location.root, exc.strerror or str(exc)) from exc


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
    log.info("creating a new database")
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
