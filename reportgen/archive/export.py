"""Exporting the archive's score rows as a flat table (CSV, XLSX, JSON): one
line per stored row with its unit, period, scheme, indicators, reported and
recomputed results, and its source."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..schemes import all_schemes
from ..text.safe import csv_text, xlsx_row
from .models import Document, IndicatorScore, ScoreRowRecord as R, Unit
from .periods import period_sort_key

BASE_COLUMNS = (
    ("province", "Tỉnh"), ("unit", "Đơn vị"), ("unit_as_written", "Tên trong văn bản"), ("level", "Cấp"),
    ("period", "Kỳ"), ("scheme", "Bộ chỉ số"),
)
RESULT_COLUMNS = (
    ("reported_total", "Tổng điểm (văn bản)"), ("reported_max", "Điểm tối đa (văn bản)"),
    ("reported_percent", "Tỷ lệ % (văn bản)"), ("reported_grade", "Xếp loại (văn bản)"),
    ("total", "Tổng điểm (tính lại)"), ("max", "Điểm tối đa (tính lại)"), ("percent", "Tỷ lệ % (tính lại)"),
    ("grade", "Xếp loại (tính lại)"), ("rank", "Thứ hạng"),
    ("document", "Tài liệu"), ("sha256", "SHA-256"), ("table", "Bảng"), ("row", "Dòng"), ("page", "Trang"),
)


def export_rows(session: Session, *, scheme: str | None = None, period: str | None = None
                ) -> tuple[list[tuple[str, str]], list[dict]]:
    """(columns as (key, Vietnamese label), rows as dicts of plain values)."""
    query = (select(R, Unit.name, Unit.province, Document.name, Document.sha256)
             .join(Unit, Unit.id == R.unit_id).join(Document, Document.id == R.document_id))
    if scheme:
        query = query.where(R.scheme == scheme)
    if period:
        query = query.where(R.period == period)
    records = session.execute(query).all()
    ids = [r[0].id for r in records]
    indicators: dict[int, dict[str, Decimal | None]] = {}
    for start in range(0, len(ids), 5000):
        chunk = ids[start:start + 5000]
        for row_id, key, value in session.execute(select(IndicatorScore.row_id, IndicatorScore.indicator,
                                                         IndicatorScore.value).where(IndicatorScore.row_id.in_(chunk))):
            indicators.setdefault(row_id, {})[key] = value
    keys = _indicator_columns(sorted({r[0].scheme for r in records}), indicators)
    rows = []
    for rec, unit, province, doc_name, sha in sorted(records, key=lambda r: (
            r[2] or "", r[0].scheme, period_sort_key(r[0].period), r[0].document_id, r[0].table_index,
            r[0].row_index)):
        scores = indicators.get(rec.id, {})
        row = {"province": province, "unit": unit, "unit_as_written": rec.unit_text, "level": rec.level,
               "period": rec.period, "scheme": rec.scheme}
        row.update({f"score:{k}": scores.get(k) for k, _ in keys})
        row.update({"reported_total": rec.reported_total, "reported_max": rec.reported_max,
                    "reported_percent": rec.reported_percent, "reported_grade": rec.reported_grade,
                    "total": rec.total, "max": rec.max, "percent": rec.percent, "grade": rec.grade,
                    "rank": rec.rank, "document": doc_name, "sha256": sha, "table": rec.table_index,
                    "row": rec.row_index, "page": rec.page})
        rows.append(row)
    columns = list(BASE_COLUMNS) + [(f"score:{k}", label) for k, label in keys] + list(RESULT_COLUMNS)
    return columns, rows


def _indicator_columns(schemes: list[str], indicators: dict) -> list[tuple[str, str]]:
    """Indicator keys in scheme order (then any others), with labels."""
    known = all_schemes()
    out: dict[str, str] = {}
    for name in schemes:
        scheme = known.get(name)
        for ind in scheme.indicators if scheme else ():
            out.setdefault(ind.key, ind.label)
    for scores in indicators.values():
        for key in scores:
            out.setdefault(key, key)
    return list(out.items())


def _plain(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def write_csv(path: Path, columns, rows) -> None:
    """Text that a spreadsheet would run as a formula (a unit named
    ``=HYPERLINK(…)``) is written with a leading apostrophe."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_text(label) for _, label in columns])
        for row in rows:
            writer.writerow(["" if row[k] is None else csv_text(_plain(row[k])) if isinstance(row[k], str)
                             else _plain(row[k]) for k, _ in columns])


def write_json(path: Path, columns, rows) -> None:
    data = {"columns": [{"key": k, "label": label} for k, label in columns],
            "rows": [{k: _plain(row[k]) for k, _ in columns} for row in rows]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_xlsx(path: Path, columns, rows) -> None:
    """Numbers go into the sheet as numbers (openpyxl writes a Decimal's own
    digits into the XML, never through a float); text always as string
    cells, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Điểm"
    xlsx_row(ws, [label for _, label in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        xlsx_row(ws, [row[k] for k, _ in columns])
    ws.freeze_panes = "A2"
    wb.save(path)


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}
