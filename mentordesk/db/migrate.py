"""Applies Alembic migrations programmatically, inside one real transaction.

Imported only when the schema is missing or old (or for ``mentordesk check``), so a normal
start-up never pays for importing Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from mentordesk.db.models import Base

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_revisions() -> tuple[list[str], str | None]:
    """All revision ids in the scripts, oldest first, and the head."""
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    return revisions, script.get_current_head()


class ForeignKeyViolation(RuntimeError):
    """A migration left rows pointing at rows that do not exist; it was rolled back."""


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    """Run every pending migration in one transaction: all of them apply, or none.

    ``engine`` must have been created with foreign keys off (batch mode rebuilds tables, and
    with foreign keys on, dropping the old table would cascade into its children); the
    foreign keys are checked explicitly before the commit instead.
    """
    from mentordesk.db import search

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        # Batch mode renames a rebuilt table into place. SQLite's own rename checks every
        # trigger against the schema, where the dropped table is missing for a moment (the
        # search index's triggers name it), and refuses; the legacy rename does not check.
        connection.exec_driver_sql("PRAGMA legacy_alter_table = ON")
        command.upgrade(config, revision)
        connection.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
        if revision == "head":
            # A rebuilt table loses its triggers: the search index's are put back.
            for statement in search.missing_trigger_statements(connection.exec_driver_sql):
                connection.exec_driver_sql(statement)
        violations = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if violations:
            raise ForeignKeyViolation(f"migration left {len(violations)} dangling references")


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the mapped classes."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                # The search index is no mapped class: db/search.py and its triggers own it.
                "include_name": _not_the_search_index,
            },
        )
        diffs: list[Any] = compare_metadata(context, Base.metadata)
        return diffs


def _not_the_search_index(name: str | None, type_: str, _parents: dict[str, Any]) -> bool:
    from mentordesk.db.search import is_search_table

    return not (type_ == "table" and name is not None and is_search_table(name))
