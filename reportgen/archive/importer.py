"""Importing documents: read, check, and store each one in its own
transaction, so a failure (or a killed process) leaves nothing of it.

Idempotent by the SHA-256 of the file's bytes: the hash is unique in the
schema, so two importers racing on the same file store it once; the loser's
IntegrityError is caught and the document reported as already archived.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..model import Finding, Report, ScoreRow
from ..raw import UnreadableInput
from ..schemes import all_schemes
from ..scoring import rank_rows, score_row
from .db import write_connection
from .models import Document, FindingRecord, IndicatorScore, ScoreRowRecord
from .registry import Scope, ensure_unit
from .units import LEVEL_PHONG, LEVEL_TINH, LEVEL_XA, level_of, territory_of

SCORE_KINDS = ("scores", "summary")
FILE_SUFFIXES = (".pdf", ".docx", ".doc", ".xlsx", ".xls", ".txt", ".md", ".json", ".odt", ".ods")
MAX_ATTEMPTS = 8

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


def _row_scope(unit_name: str, territory, section_level: str) -> tuple[Scope, str]:
    level = level_of(unit_name, territory.province_key)
    if level == LEVEL_TINH:
        return Scope(), level
    if territory.district_key and level in (LEVEL_XA, LEVEL_PHONG):
        return Scope(territory.province_key, territory.district_key, territory.province, territory.district), level
    return Scope(territory.province_key, "", territory.province, ""), level


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


def store_report(session: Session, *, sha256: str, name: str, report: Report, findings: Sequence[Finding],
                 file_format: str | None = None) -> tuple[int, int]:
    """Write one document, its score rows, indicators and findings in the
    session's transaction; returns (document id, score rows stored)."""
    meta = report.meta
    territory = territory_of(meta.issuer, meta.parent, meta.place)
    schemes = all_schemes()
    tables = [t for t in report.tables if t.kind in SCORE_KINDS and t.rows]
    doc = Document(sha256=sha256, name=name, file_format=file_format, doc_type=meta.doc_type, number=meta.number,
                   issuer=meta.issuer or meta.parent, date=meta.date, period=meta.period,
                   scheme=next((t.scheme for t in tables if t.scheme), None), province=territory.province,
                   district=territory.district, subject=meta.subject,
                   imported_at=dt.datetime.now(dt.timezone.utc))
    session.add(doc)
    session.flush()
    period = meta.period or ""
    records: list[dict] = []
    indicators: list[list[tuple[str, object]]] = []
    row_keys: list[tuple[int, int]] = []
    for table in tables:
        scheme = schemes.get(table.scheme) if table.scheme else None
        results = [score_row(row.scores, scheme) if scheme is not None and row.scores else None
                   for row in table.rows]
        # The document's own figures are the official result; recomputed ones
        # stand beside them (and in for them where the document gives none).
        ranks = _ranked(table.rows,
                        [_first(row.percent, res and res.percent) for row, res in zip(table.rows, results)],
                        [_first(row.total, res and res.total) for row, res in zip(table.rows, results)])
        for i, row in enumerate(table.rows):
            scope, level = _row_scope(row.unit, territory, row.section or "")
            unit = ensure_unit(session, scope, row.unit, level)
            records.append(dict(
                document_id=doc.id, unit_id=unit.id, unit_text=row.unit, province_key=scope.province_key,
                level=unit.level, period=period, scheme=table.scheme or "", table_index=table.index,
                row_index=i, source_row=row.source_row, page=row.page, section=row.section, no=row.no,
                reported_total=row.total, reported_max=row.max, reported_percent=row.percent,
                reported_grade=row.grade, reported_rank=row.rank, rank=ranks[i],
                **_recomputed(results[i])))
            indicators.append(list(row.scores.items()))
            row_keys.append((table.index, i))
    ids: list[int] = []
    if records:
        ids = list(session.scalars(insert(ScoreRowRecord).returning(ScoreRowRecord.id, sort_by_parameter_order=True),
                                   records))
        values = [dict(row_id=row_id, indicator=key, value=value)
                  for row_id, items in zip(ids, indicators) for key, value in items]
        if values:
            session.execute(insert(IndicatorScore), values)
    by_position = dict(zip(row_keys, ids))
    if findings:
        session.execute(insert(FindingRecord), [dict(
            document_id=doc.id, score_row_id=by_position.get((f.table, f.row)), code=f.code, severity=f.severity,
            message=f.message, table_index=f.table, row_index=f.row, unit=f.unit, column=f.column,
            reported=f.reported, expected=f.expected, page=f.page, paragraph=f.paragraph) for f in findings])
    return doc.id, len(records)


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
