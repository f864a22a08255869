"""Undoable user edits: each command calls a service, then announces what changed."""
