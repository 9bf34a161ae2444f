"""Fast inserts of many rows inside the caller's transaction.

SQLAlchemy's executemany spends tens of microseconds per row on parameter
handling; a large document has hundreds of thousands of indicator values.
Here each column's bind processor (the exact-decimal conversion) is applied
once per value and the rows go to the driver in one call: ``executemany`` on
SQLite, ``execute_values`` pages on psycopg2, plain Core elsewhere.
"""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Connection

PAGE = 1000


def _processed(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[dict]) -> list[tuple]:
    procs = [table.c[name].type.bind_processor(conn.dialect) for name in columns]
    out = []
    for row in rows:
        out.append(tuple(p(row.get(c)) if p else row.get(c) for c, p in zip(columns, procs)))
    return out


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict], columns: Sequence[str] | None = None) -> None:
    if not rows:
        return
    columns = list(columns or rows[0].keys())
    names = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
    quoted = conn.dialect.identifier_preparer.format_table(table)
    driver = conn.dialect.driver
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {quoted} ({names}) VALUES ({', '.join('?' * len(columns))})",
                             _processed(conn, table, columns, rows))
    elif conn.dialect.name == "postgresql" and driver == "psycopg2":
        from psycopg2.extras import execute_values

        cursor = conn.connection.driver_connection.cursor()
        try:
            execute_values(cursor, f"INSERT INTO {quoted} ({names}) VALUES %s",
                           _processed(conn, table, columns, rows), page_size=PAGE)
        finally:
            cursor.close()
    else:
        conn.execute(insert(table), list(rows))


def insert_returning_ids(conn: Connection, table: Table, rows: list[dict]) -> list[int]:
    """Insert rows and return their ids in order. SQLite: ids follow the
    largest one, safe because the write transaction holds the database lock
    (BEGIN IMMEDIATE). PostgreSQL: ids drawn from the table's sequence first.
    Elsewhere: INSERT … RETURNING."""
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        start = (conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        ids = list(range(start, start + len(rows)))
    elif conn.dialect.name == "postgresql":
        ids = list(conn.exec_driver_sql(
            f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, {len(rows)})"
        ).scalars())
    else:
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                 rows).scalars())
    bulk_insert(conn, table, [{**r, "id": i} for r, i in zip(rows, ids)])
    return ids
