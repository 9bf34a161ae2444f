"""Importing documents: read, check, and store each one in its own
transaction, so a failure (or a killed process) leaves nothing of it.

Idempotent by the SHA-256 of the file's bytes: the hash is unique in the
schema, so two importers racing on the same file store it once; the loser's
IntegrityError is caught and the document reported as already archived.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..model import Finding, Report, ScoreRow, TableKind
from ..raw import UnreadableInput
from ..read.portal import year_to_date
from ..schemes import all_schemes
from ..scoring import rank_rows, score_row
from .bulk import bulk_insert, insert_returning_ids
from .cohorts import refresh as refresh_cohorts
from .db import write_connection
from .models import Document, FindingRecord, IndicatorScore, ScoreRowRecord
from .periods import is_period
from .ranked import refresh_rankings
from .registry import Scope, resolve_units
from .units import LEVEL_HUYEN, LEVEL_OTHER, LEVEL_PHONG, LEVEL_TINH, LEVEL_XA, level_of, territory_of, unit_key

SCORE_KINDS = ("scores", "summary")
FILE_SUFFIXES = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".txt", ".md", ".json", ".odt", ".ods", ".rtf")
MAX_ATTEMPTS = 8
MAX_NAME = 400  # characters of a unit name kept (its key must fit the index)

Reader = Callable[[Path], Report]
Checker = Callable[[Report], list[Finding]]


@dataclass(frozen=True)
class ImportResult:
    path: str
    status: str  # 'imported', 'duplicate', 'failed'
    document_id: int | None = None
    rows: int = 0
    findings: int = 0
    message: str = ""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the readable files under each directory (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FILE_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            out.append(p)
        else:
            raise UnreadableInput(f"không tìm thấy tệp hoặc thư mục: {p}")
    return out


def default_reader(path: Path) -> Report:
    """Extract JSON as is; any other file through ``reportgen.read``."""
    from .jsonreport import read_extract_json

    if path.suffix.lower() == ".json":
        report = read_extract_json(path)
        if report is not None:
            return report
    from ..read import read_path

    return read_path(path)


def default_checker(report: Report) -> list[Finding]:
    from ..checks import run_checks

    return run_checks(report)


_BENCHMARK_WORDS = ("trung bình", "cả nước", "toàn quốc")


def _row_unit(table_kind: str, unit_name: str, territory) -> tuple[str, Scope, str]:
    """(unit name, scope, level) of a row. A summary table gives the issuing
    territory's own figures (its row label is a column heading, not a unit),
    beside national averages kept as a benchmark unit."""
    if table_kind == TableKind.SUMMARY and level_of(unit_name, territory.province_key) == LEVEL_OTHER:
        folded = unit_name.casefold()
        if any(w in folded for w in _BENCHMARK_WORDS):
            return "Trung bình cả nước", Scope(), LEVEL_OTHER
        if territory.district:
            scope = Scope(territory.province_key, "", territory.province, "")
            return f"UBND {territory.district_kind} {territory.district}", scope, LEVEL_HUYEN
        if territory.province:
            return territory.province, Scope(), LEVEL_TINH
    unit_name = unit_name[:MAX_NAME]
    level = level_of(unit_name, territory.province_key)
    if level == LEVEL_TINH:
        return unit_name, Scope(), level
    if territory.district_key and level in (LEVEL_XA, LEVEL_PHONG):
        scope = Scope(territory.province_key, territory.district_key, territory.province, territory.district)
        return unit_name, scope, level
    return unit_name, Scope(territory.province_key, "", territory.province, ""), level


def _ranked(rows: Sequence[ScoreRow], percents: list, totals: list) -> list[int | None]:
    """Rank of each row by its effective percent (ties share a rank)."""
    shadows = [ScoreRow(unit=r.unit, percent=p, total=t, source_row=i)
               for i, (r, p, t) in enumerate(zip(rows, percents, totals))]
    ranks: list[int | None] = [None] * len(rows)
    for shadow in rank_rows([s for s in shadows if s.percent is not None or s.total is not None]):
        ranks[shadow.source_row] = shadow.rank
    return ranks


def _first(*values):
    return next((v for v in values if v is not None), None)


def _recomputed(result) -> dict:
    if result is None:
        return dict(total=None, max=None, percent=None, grade=None)
    return dict(total=result.total, max=result.max, percent=result.percent, grade=result.grade)


def content_sha256(report: Report) -> str:
    """A fingerprint of the score tables (units and figures as reported)."""
    parts = []
    for t in report.tables:
        if t.kind not in SCORE_KINDS:
            continue
        parts.append([t.scheme or "", [[unit_key(r.unit), str(r.total), str(r.max), str(r.percent),
                                         sorted((k, str(v)) for k, v in r.scores.items())] for r in t.rows]])
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _sibling(session: Session, content: str) -> Document | None:
    """An archived rendition of the same report that knows its period."""
    return session.scalars(select(Document).where(Document.content_sha256 == content, Document.period.is_not(None),
                                                  Document.province != "").order_by(Document.id)).first()


def store_report(session: Session, *, sha256: str, name: str, report: Report, findings: Sequence[Finding],
                 file_format: str | None = None) -> tuple[int, int]:
    """Write one document, its score rows, indicators and findings in the
    session's transaction; returns (document id, score rows stored)."""
    territory, period, content = _place(session, report)
    titles = [t.title for t in report.tables]
    tables = [t for t in report.tables if t.kind in SCORE_KINDS and t.rows
              and not year_to_date(t.title, titles, period)]  # a portal export's 'Điểm năm' is not the month
    doc = _new_document(session, report, tables, sha256=sha256, content=content, name=name,
                        file_format=file_format, territory=territory, period=period)
    rows = _Rows()
    schemes = all_schemes()
    for table in tables:
        _add_table(session, rows, doc.id, table, schemes.get(table.scheme) if table.scheme else None,
                   territory, period or "")
    ids = _insert_rows(session, rows)
    touched = {(r["province_key"], r["level"], r["scheme"], r["period"]) for r in rows.records}
    refresh_cohorts(session, touched)
    refresh_rankings(session, touched)
    _insert_findings(session, doc.id, findings, dict(zip(rows.positions, ids)))
    return doc.id, len(rows.records)


def _place(session: Session, report: Report) -> tuple:
    """(territory, period, content hash): where and when the document is from.
    A score sheet without a header (an XLSX rendition) takes the period and
    territory of an archived rendition with the same figures."""
    meta = report.meta
    territory = territory_of(meta.issuer, meta.parent, meta.place)
    period = meta.period if meta.period and is_period(meta.period) else None
    content = content_sha256(report)
    if period is None or not territory.province:
        sibling = _sibling(session, content)
        if sibling is not None:
            period = period or sibling.period
            if not territory.province:
                territory = territory_of(sibling.issuer, None, sibling.province)
    return territory, period, content


def _new_document(session: Session, report: Report, tables: list, *, sha256: str, content: str, name: str,
                  file_format: str | None, territory, period: str | None) -> Document:
    meta = report.meta
    doc = Document(sha256=sha256, content_sha256=content, name=name, file_format=file_format,
                   doc_type=meta.doc_type, number=meta.number, issuer=meta.issuer or meta.parent,
                   date=meta.date, period=period, scheme=next((t.scheme for t in tables if t.scheme), None),
                   province=territory.province, district=territory.district, subject=meta.subject,
                   imported_at=dt.datetime.now(dt.timezone.utc))
    session.add(doc)
    session.flush()
    return doc


@dataclass
class _Rows:
    """The score rows to insert, their indicator values, and (table, row) of each."""

    records: list[dict] = field(default_factory=list)
    indicators: list[list[tuple[str, object]]] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)


def _add_table(session: Session, rows: _Rows, doc_id: int, table, scheme, territory, period: str) -> None:
    """One table's rows: units resolved, results recomputed, ranks given."""
    results = [score_row(row.scores, scheme) if scheme is not None and row.scores else None
               for row in table.rows]
    wanted = [_row_unit(table.kind, row.unit, territory) for row in table.rows]
    units = resolve_units(session, [(scope, name, level) for name, scope, level in wanted])
    ranks = _table_ranks(table.rows, results, [level for _, level in units])
    for i, (row, (unit_id, level)) in enumerate(zip(table.rows, units)):
        # The document's own figures are the official result; recomputed ones
        # stand beside them (and in for them where the document gives none).
        rows.records.append(dict(
            document_id=doc_id, unit_id=unit_id, unit_text=row.unit, province_key=wanted[i][1].province_key,
            level=level, period=period, scheme=table.scheme or "", table_index=table.index,
            row_index=i, source_row=row.source_row, page=row.page, section=row.section, no=row.no,
            reported_total=row.total, reported_max=row.max, reported_percent=row.percent,
            reported_grade=row.grade, reported_rank=row.rank, rank=ranks[i],
            **_recomputed(results[i])))
        rows.indicators.append(list(row.scores.items()))
        rows.positions.append((table.index, i))


def _table_ranks(table_rows: Sequence[ScoreRow], results: list, levels: list[str]) -> list[int | None]:
    """Ranks among the table's units of the same level (offices and communes
    of one appendix are ranked apart)."""
    ranks: list[int | None] = [None] * len(table_rows)
    for lv in set(levels):
        idx = [i for i, level in enumerate(levels) if level == lv]
        got = _ranked([table_rows[i] for i in idx],
                      [_first(table_rows[i].percent, results[i] and results[i].percent) for i in idx],
                      [_first(table_rows[i].total, results[i] and results[i].total) for i in idx])
        for i, rank in zip(idx, got):
            ranks[i] = rank
    return ranks


def _insert_rows(session: Session, rows: _Rows) -> list[int]:
    """Core inserts (not the ORM's bulk path): many rows per statement."""
    if not rows.records:
        return []
    conn = session.connection()
    ids = insert_returning_ids(conn, ScoreRowRecord.__table__, rows.records)
    values = [dict(row_id=row_id, indicator=key, value=value)
              for row_id, items in zip(ids, rows.indicators) for key, value in items]
    if values:
        bulk_insert(conn, IndicatorScore.__table__, values)
    return ids


def _insert_findings(session: Session, doc_id: int, findings: Sequence[Finding],
                     row_ids: dict[tuple[int, int], int]) -> None:
    if findings:
        bulk_insert(session.connection(), FindingRecord.__table__, [dict(
            document_id=doc_id, score_row_id=row_ids.get((f.table, f.row)), code=f.code,
            severity=str(f.severity), message=f.message, table_index=f.table, row_index=f.row, unit=f.unit,
            column=f.column, reported=f.reported, expected=f.expected, page=f.page, paragraph=f.paragraph)
            for f in findings])


def _existing(engine: Engine, sha256: str) -> int | None:
    with Session(engine) as session:
        return session.scalar(select(Document.id).where(Document.sha256 == sha256))


def store_with_retry(engine: Engine, *, sha256: str, name: str, report: Report, findings: Sequence[Finding],
                     file_format: str | None = None) -> ImportResult:
    """One transaction for the document; retried when a concurrent writer
    registered the same unit or document first."""
    for attempt in range(MAX_ATTEMPTS):
        try:
            with write_connection(engine) as conn, Session(bind=conn) as session, session.begin():
                existing = session.scalar(select(Document.id).where(Document.sha256 == sha256))
                if existing is not None:
                    return ImportResult(name, "duplicate", existing)
                doc_id, rows = store_report(session, sha256=sha256, name=name, report=report, findings=findings,
                                            file_format=file_format)
            return ImportResult(name, "imported", doc_id, rows, len(findings))
        except IntegrityError:
            continue  # someone else stored this document or one of its units first
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower() or attempt == MAX_ATTEMPTS - 1:
                raise
    existing = _existing(engine, sha256)
    if existing is not None:
        return ImportResult(name, "duplicate", existing)
    raise RuntimeError(f"could not store {name} after {MAX_ATTEMPTS} attempts")


def import_file(engine: Engine, path: Path, *, reader: Reader = default_reader,
                checker: Checker = default_checker, on_write: Callable[[Path], None] | None = None) -> ImportResult:
    sha256 = file_sha256(path)
    existing = _existing(engine, sha256)
    if existing is not None:
        return ImportResult(path.name, "duplicate", existing)
    report = reader(path)
    findings = checker(report)
    if on_write is not None:
        on_write(path)
    return store_with_retry(engine, sha256=sha256, name=path.name, report=report, findings=findings,
                            file_format=path.suffix.lower().lstrip(".") or None)


def import_paths(engine: Engine, paths: Sequence[Path], *, reader: Reader = default_reader,
                 checker: Checker = default_checker,
                 progress: Callable[[str, int, int, Path, ImportResult | None], None] | None = None
                 ) -> list[ImportResult]:
    """Import files one by one; an unreadable file is reported and skipped."""
    results = []
    for n, path in enumerate(paths, start=1):
        if progress:
            progress("start", n, len(paths), path, None)
        try:
            result = import_file(engine, path, reader=reader, checker=checker,
                                 on_write=(lambda p: progress("write", n, len(paths), p, None)) if progress else None)
        except UnreadableInput as exc:
            result = ImportResult(path.name, "failed", message=str(exc))
        results.append(result)
        if progress:
            progress("done", n, len(paths), path, result)
    return results
