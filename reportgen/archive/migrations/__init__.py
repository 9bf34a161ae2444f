"""Alembic migrations of the archive schema (run on open by reportgen.archive.db)."""
