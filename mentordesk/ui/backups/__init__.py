"""Backups in the GUI: the list of snapshots with restore, and the recovery question."""
