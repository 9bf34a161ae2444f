"""Opening an archive: the URL (``--db``, ``REPORTGEN_DB`` or a SQLite file in
the user's data directory), an engine tuned for concurrent writers, and the
schema brought up to date with Alembic.

SQLite: every connection waits up to a minute for a busy database, uses WAL
so readers never block the writer, and a write transaction starts with
``BEGIN IMMEDIATE`` so two importers serialise instead of deadlocking.
PostgreSQL: migrations run under an advisory lock.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..errors import ArchiveError  # noqa: F401  (re-exported by reportgen.archive)

ENV_VAR = "REPORTGEN_DB"
BUSY_TIMEOUT_S = 60
_MIGRATION_LOCK = 7_412_025  # advisory lock id for schema upgrades on PostgreSQL


def default_url() -> str:
    """``sqlite:///<user data dir>/archive.sqlite3``."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("reportgen"))
    return f"sqlite:///{folder / 'archive.sqlite3'}"


def resolve_url(url: str | None) -> str:
    """The URL to use: the one given, else ``REPORTGEN_DB``, else the default.
    A bare file path is taken as a SQLite file."""
    url = url or os.environ.get(ENV_VAR) or default_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no branch - tiny hook
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode")
            if str(cur.fetchone()[0]).lower() != "wal":  # switching needs the file to itself
                cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        immediate = conn.get_execution_options().get("archive_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; Vietnamese message and exit 2 when unusable."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ArchiveError(f"địa chỉ cơ sở dữ liệu không hợp lệ: {url}") from exc
    kwargs: dict = {}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S}
    elif parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise ArchiveError(f"không hỗ trợ loại cơ sở dữ liệu này: {parsed.drivername}") from exc
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine)
    return engine


@contextmanager
def write_connection(engine: Engine) -> Iterator[Connection]:
    """A connection whose transactions take the write lock at once (SQLite
    ``BEGIN IMMEDIATE``); a plain connection elsewhere."""
    with engine.connect() as conn:
        yield conn.execution_options(archive_write=True)


def _alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files(__package__).joinpath("migrations")))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest revision; True when it changed."""
    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return False
    from alembic import command

    with write_connection(engine) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            if current_revision(conn) == head:  # another process got there first
                return False
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return True


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for another database or memory)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def open_engine(url: str | None = None, create: bool = True) -> Engine:
    """An engine on an up-to-date archive. A missing SQLite file is created
    only when ``create`` (importing); reading commands get an ArchiveError
    instead of a new empty archive at a mistyped path."""
    url = resolve_url(url)
    file = sqlite_file(url)
    if file is not None and not create and not file.exists():
        raise ArchiveError(f"không có kho lưu trữ ở {file} (đường dẫn --db gõ nhầm?). Kho được tạo khi nhập tài "
                           "liệu lần đầu: reportgen archive import TỆP --db …")
    if file is not None and file.exists() and not file.is_file():
        raise ArchiveError(f"{file} không phải tệp kho lưu trữ SQLite (đó là thư mục hoặc thiết bị).")
    engine = make_engine(url)
    try:
        _upgrade_waiting_for_others(engine)
    except Exception as exc:
        engine.dispose()
        raise ArchiveError(explain(exc, engine.url.render_as_string(hide_password=True))) from exc
    return engine


def _is_busy(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return isinstance(exc, OperationalError) and ("locked" in text or "busy" in text)


def _upgrade_waiting_for_others(engine: Engine) -> None:
    retry_while_busy(engine, lambda: upgrade(engine))


def retry_while_busy(engine: Engine, step):
    """``step()``, retried while another process holds a brand-new SQLite
    file. SQLite answers "database is locked" at once, without its busy
    handler, when two processes switch a new file to WAL or recover its
    WAL index at the same moment; waiting a little and trying again is
    the documented remedy. Gives up after ``BUSY_TIMEOUT_S`` seconds."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.05
    while True:
        try:
            return step()
        except OperationalError as exc:
            if engine.dialect.name != "sqlite" or not _is_busy(exc) or time.monotonic() + pause > deadline:
                raise
            engine.dispose()  # connections that failed half-way are not reused
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def explain(exc: BaseException, where: str) -> str:
    """What the user can do about a database error, in Vietnamese."""
    from alembic.util import CommandError
    from sqlalchemy.exc import DatabaseError

    text = str(getattr(exc, "orig", None) or exc).strip()
    low = text.lower()
    if isinstance(exc, CommandError) and "can't locate revision" in low:
        return (f"kho lưu trữ {where} được tạo bởi một phiên bản reportgen mới hơn (lược đồ không biết: "
                f"{text.split(chr(39))[1] if chr(39) in text else text}). Hãy nâng cấp reportgen rồi chạy lại; "
                "kho không bị thay đổi.")
    if "readonly" in low or "read-only" in low or "permission denied" in low or "unable to open" in low:
        return (f"không mở hoặc không ghi được kho lưu trữ {where}: không có quyền ghi vào tệp hoặc thư mục của nó "
                "(kiểm tra quyền, hoặc chọn --db khác).")
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return (f"kho lưu trữ {where} đã hỏng (không phải cơ sở dữ liệu SQLite đọc được). Hãy khôi phục từ bản sao "
                "lưu, hoặc dùng --db để chọn kho khác; reportgen không sửa hay ghi đè tệp này.")
    if isinstance(exc, (OperationalError, DatabaseError)):
        return f"không mở được kho lưu trữ {where}: {text.splitlines()[0] if text else type(exc).__name__}"
    raise exc
