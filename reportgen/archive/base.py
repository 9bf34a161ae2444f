"""The declarative base every archive table registers on (one metadata for
the archive's tables and the web server's, so one migration chain builds
both). Its own module so table modules import it without importing each
other."""
from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
