"""Alembic migration scripts; run programmatically by mentordesk.db.migrate."""
