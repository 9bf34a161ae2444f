"""The archive's tables (SQLAlchemy 2 declarative models).

- ``documents``: one per imported file, unique by SHA-256 of its bytes.
- ``units``: a unit per territory (province, district) and folded name key,
  with its level, validity and successor across the 2025 reform;
  ``unit_aliases`` holds other names of the same unit.
- ``score_rows``: one per unit row of a score table: the row's reported and
  recomputed total, maximum, percent, grade and rank, and its source
  (document, table, row, page); ``indicator_scores`` holds its indicators.
- ``findings``: what the checks said about the document, beside its scores.

Scores are exact: :class:`ExactDecimal` is NUMERIC on PostgreSQL and a scaled
integer elsewhere (SQLite has no decimal type and would store floats).
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sqlalchemy import BigInteger, Date, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from .base import Base

SCALE = 6
_UNIT = Decimal(1).scaleb(-SCALE)
_FACTOR = 10 ** SCALE


def plain(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form (93.400000 → 93.4)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


@lru_cache(maxsize=1 << 16)
def from_scaled(value: int) -> Decimal:
    """The Decimal a scaled integer stands for, without trailing zeros
    (94570000 → 94.57); integer arithmetic and one string, for speed."""
    whole, frac = divmod(abs(value), _FACTOR)
    sign = "-" if value < 0 else ""
    if not frac:
        return Decimal(f"{sign}{whole}")
    return Decimal(f"{sign}{whole}.{frac:0{SCALE}d}".rstrip("0"))


class ExactDecimal(TypeDecorator):
    """A Decimal stored exactly (6 decimal places), never through a float."""

    impl = BigInteger
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(18, SCALE, asdecimal=True))
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            if isinstance(value, float):
                raise TypeError("scores are Decimal, never float")
            value = Decimal(value)
        value = value.quantize(_UNIT, rounding=ROUND_HALF_UP)
        if dialect.name == "postgresql":
            return value
        return int(value.scaleb(SCALE))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, Decimal):
            return plain(value)
        if isinstance(value, float):  # pragma: no cover - only a foreign schema stores REAL
            raise TypeError("archive column holds a float")
        return from_scaled(value)


def to_stored(value: Decimal | None, dialect_name: str):
    """What :class:`ExactDecimal` binds, for bulk paths that skip the ORM."""
    if value is None:
        return None
    value = value.quantize(_UNIT, rounding=ROUND_HALF_UP)
    return value if dialect_name == "postgresql" else int(value.scaleb(SCALE))


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # The score tables' content: renditions of one report (DOCX, PDF, XLSX) share it.
    content_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(Text)
    file_format: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text)
    issuer: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    period: Mapped[str | None] = mapped_column(String(20))
    scheme: Mapped[str | None] = mapped_column(String(100))
    province: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    subject: Mapped[str | None] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Unit(Base):
    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("province_key", "district_key", "key", name="uq_units_scope_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    province_key: Mapped[str] = mapped_column(String(100), default="")
    district_key: Mapped[str] = mapped_column(String(100), default="")
    key: Mapped[str] = mapped_column(String(500), index=True)
    name: Mapped[str] = mapped_column(Text)
    province: Mapped[str] = mapped_column(String(100), default="")
    district: Mapped[str] = mapped_column(String(100), default="")
    level: Mapped[str] = mapped_column(String(10))
    valid_from: Mapped[str | None] = mapped_column(String(10))
    valid_to: Mapped[str | None] = mapped_column(String(10))
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    note: Mapped[str | None] = mapped_column(Text)


class UnitAlias(Base):
    __tablename__ = "unit_aliases"
    __table_args__ = (UniqueConstraint("province_key", "district_key", "key", name="uq_unit_aliases_scope_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    province_key: Mapped[str] = mapped_column(String(100), default="")
    district_key: Mapped[str] = mapped_column(String(100), default="")
    key: Mapped[str] = mapped_column(String(500))
    name: Mapped[str] = mapped_column(Text)


class ScoreRowRecord(Base):
    __tablename__ = "score_rows"
    __table_args__ = (
        Index("ix_score_rows_unit_scheme_period", "unit_id", "scheme", "period"),
        Index("ix_score_rows_period_scheme", "period", "scheme", "province_key", "level"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    unit_text: Mapped[str] = mapped_column(Text)
    province_key: Mapped[str] = mapped_column(String(100), default="")
    level: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(20))
    scheme: Mapped[str] = mapped_column(String(100))
    table_index: Mapped[int] = mapped_column(Integer)
    row_index: Mapped[int] = mapped_column(Integer)  # position of the row in the table
    source_row: Mapped[int | None] = mapped_column(Integer)  # row in the raw table
    page: Mapped[int | None] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    no: Mapped[str | None] = mapped_column(Text)
    reported_total = mapped_column(ExactDecimal)
    reported_max = mapped_column(ExactDecimal)
    reported_percent = mapped_column(ExactDecimal)
    reported_grade: Mapped[str | None] = mapped_column(Text)
    reported_rank: Mapped[int | None] = mapped_column(Integer)
    total = mapped_column(ExactDecimal)
    max = mapped_column(ExactDecimal)
    percent = mapped_column(ExactDecimal)
    grade: Mapped[str | None] = mapped_column(Text)
    rank: Mapped[int | None] = mapped_column(Integer)


class IndicatorScore(Base):
    __tablename__ = "indicator_scores"

    row_id: Mapped[int] = mapped_column(ForeignKey("score_rows.id", ondelete="CASCADE"), primary_key=True)
    indicator: Mapped[str] = mapped_column(String(100), primary_key=True)
    value = mapped_column(ExactDecimal)  # None: not applicable ('-')


class FindingRecord(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    score_row_id: Mapped[int | None] = mapped_column(ForeignKey("score_rows.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    table_index: Mapped[int | None] = mapped_column(Integer)
    row_index: Mapped[int | None] = mapped_column(Integer)
    unit: Mapped[str | None] = mapped_column(Text)
    column: Mapped[str | None] = mapped_column(Text)
    reported: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    paragraph: Mapped[int | None] = mapped_column(Integer)


class CohortMedian(Base):
    """The median of a cohort (a province's units of one level, scheme and
    period) for the percent (indicator '') and each indicator; refreshed by
    every import that touches the cohort."""

    __tablename__ = "cohort_medians"

    province_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    level: Mapped[str] = mapped_column(String(10), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(100), primary_key=True)
    period: Mapped[str] = mapped_column(String(20), primary_key=True)
    indicator: Mapped[str] = mapped_column(String(100), primary_key=True)
    median = mapped_column(ExactDecimal)
    units: Mapped[int] = mapped_column(Integer)


class ArchiveSetting(Base):
    """Small key/value facts about the archive (e.g. the lineage data applied)."""

    __tablename__ = "archive_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The web server's tables live in the same database (migration 0003).
from . import accounts_tables  # noqa: E402,F401
