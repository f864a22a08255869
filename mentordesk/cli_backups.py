"""The backup, backups, restore and recover commands of ``mentordesk``."""

from __future__ import annotations

import argparse
from pathlib import Path

from mentordesk.paths import DataLocation

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def say(message: str) -> None:
    from mentordesk.cli import say as say_it

    say_it(message)


def _size(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{number} {label}" for label, number in counts.items()) or "-"


def run_backup_command(location: DataLocation, args: argparse.Namespace) -> int:
    from mentordesk.services.backups import BackupService

    service = BackupService(location)
    if args.command == "backup":
        if args.to is not None and not args.to.strip():
            say("--to is empty. Give the file to write the backup to, or leave it out.")
            return EXIT_USAGE
        _refuse_if_unusable(location)
        info = service.snapshot_to(Path(args.to)) if args.to else service.snapshot("manual")
        print(f"Backed up to {info.path} ({_size(info.size)}; {_counts(info.counts)}); verified.")
        return EXIT_OK
    if args.command == "backups":
        if not location.root.is_dir():
            say(f"{location.root} holds no MentorDesk data (the folder does not exist).")
            return EXIT_FAILED
        found = service.list_all(check=True)
        if not found:
            print(f"No backups yet in {location.backups}. Make one with: mentordesk backup")
            return EXIT_OK
        for info in found:
            local = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if info.from_newer_version:
                state = "from a newer version of MentorDesk (cannot be restored by this one)"
            else:
                state = "ok" if info.is_sound else f"DAMAGED: {info.problem}"
            print(
                f"{local}  {info.reason:<24} {_size(info.size):>8}  {_counts(info.counts):<24} "
                f"{state}  {info.path.name}"
            )
        return EXIT_OK
    if args.command == "restore":
        before = service.restore(Path(args.file))
        print(f"Restored {args.file}.")
        if before is not None:
            print(f"Your data as it was just before is kept in {before.path}.")
        return EXIT_OK
    return _recover(location, salvage=args.salvage)


def _refuse_if_unusable(location: DataLocation) -> None:
    """Opening raises DatabaseOpenError (none there, newer, foreign, damaged, missing) before
    anything is written."""
    from mentordesk.db.database import open_database

    open_database(location, create=False).close()


def _recover(location: DataLocation, *, salvage: bool) -> int:
    from mentordesk.db.database import open_database
    from mentordesk.db.errors import DatabaseOpenError, NoDataError, is_recoverable
    from mentordesk.services.recovery import RecoveryService

    try:
        open_database(location, create=False).close()
    except NoDataError as exc:
        say(f"{exc} There is nothing to recover.")
        return EXIT_FAILED
    except DatabaseOpenError as exc:
        if not is_recoverable(exc, location):
            raise
        print(f"{exc}\n")
    else:
        print(f"{location.database} opens and passes its checks; there is nothing to recover.")
        return EXIT_OK
    service = RecoveryService(location)
    result = service.salvage() if salvage else service.restore_newest_backup()
    if result.damaged_kept_at is not None:
        print(f"The damaged file is kept, unchanged, as {result.damaged_kept_at}.")
    if result.restored_from is not None:
        when = result.restored_from.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"Restored the backup from {when} ({_counts(result.restored_from.counts)}). "
            "Edits made after that time are not in it."
        )
    else:
        saved = ", ".join(f"{n} rows of {table}" for table, n in result.salvaged.items())
        print(f"Salvaged {saved}.")
        for table, problem in result.unreadable.items():
            print(f"Some rows of {table} could not be read ({problem}).")
    return EXIT_OK
