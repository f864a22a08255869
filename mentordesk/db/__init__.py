"""Storage: the SQLite engine and its pragmas, schema versions, migrations and backups."""
