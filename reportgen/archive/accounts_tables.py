"""Tables of the web server kept in the archive database (migration 0003):
its accounts, the audit log of who did what, and per-user remembered form
values. The web package reads and writes them (:mod:`reportgen.web.accounts`)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table, Text

from .base import Base

users = Table("web_users", Base.metadata,
              Column("id", Integer, primary_key=True),
              Column("username", String(64), nullable=False, unique=True),
              Column("full_name", String(200), nullable=False, server_default=""),
              Column("role", String(20), nullable=False),
              Column("password_hash", String(255), nullable=False),
              Column("active", Boolean, nullable=False, server_default="1"),
              Column("created_at", DateTime, nullable=False))
audit_log = Table("audit_log", Base.metadata,
                  Column("id", Integer, primary_key=True),
                  Column("at", DateTime, nullable=False),
                  Column("username", String(64), nullable=False),
                  Column("action", String(40), nullable=False),
                  Column("target", String(300), nullable=False, server_default=""),
                  Column("detail", Text, nullable=False, server_default=""),
                  Index("ix_audit_log_at", "at"))
settings = Table("web_settings", Base.metadata,
                 Column("username", String(64), primary_key=True),
                 Column("name", String(64), primary_key=True),
                 Column("value", Text, nullable=False))
