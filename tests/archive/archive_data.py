"""Data of the archive tests: seed 000's appendices as Reports built by hand
from the seed's own figures, extract-JSON renditions of them, and synthetic
tables that add up. (The archive URLs on SQLite and PostgreSQL are the
``db_url`` fixture of tests/conftest.py.)"""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from reportgen.model import Meta, Report, ScoreRow, ScoreTable
from reportgen.numbers import parse_cell
from reportgen.schemes import load_scheme

from support import SEEDS

SEED_000 = SEEDS / "000_1f102cd1bcb19e59.txt"
SCHEME_2024 = "dienbien-2024"
# Seed 000's units in the order of its two appendices.
DEPARTMENTS_2024 = [
    "Sở Công Thương", "Thanh tra tỉnh", "Sở Tư pháp", "Sở Nông nghiệp và PTNT", "Sở Thông tin và Truyền thông",
    "Sở Ngoại vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng", "Sở Nội vụ", "Sở Kế hoạch và Đầu tư",
    "Sở Y tế", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Giáo dục và Đào tạo",
    "Sở Lao động - Thương binh và Xã hội", "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường"]
DISTRICTS_2024 = [
    "UBND thị xã Mường Lay", "UBND huyện Mường Ảng", "UBND huyện Tuần Giáo", "UBND huyện Tủa Chùa",
    "UBND huyện Nậm Pồ", "UBND huyện Điện Biên Đông", "UBND huyện Điện Biên", "UBND thành phố Điện Biên Phủ",
    "UBND huyện Mường Nhé", "UBND huyện Mường Chà"]


def _seed_000_rows() -> list[list[str]]:
    rows = []
    for line in SEED_000.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 19 and cells[0].strip().isdigit():
            rows.append([c.strip() for c in cells])
    return rows


def seed_000_report(period: str = "2024", source: str = "000_1f102cd1bcb19e59.txt") -> Report:
    """Phụ lục I (17 departments) and Phụ lục II (10 districts) of seed 000."""
    keys = [i.key for i in load_scheme(SCHEME_2024).scored_indicators]
    rows = _seed_000_rows()
    assert len(rows) == 27
    tables = []
    for index, chunk in enumerate((rows[:17], rows[17:])):
        table = ScoreTable(index=index, title=f"Phụ lục {'I' * (index + 1)}", scheme=SCHEME_2024)
        for cells in chunk:
            scores = {}
            for key, cell in zip(keys, cells[2:17]):
                parsed = parse_cell(cell, "score")
                scores[key] = None if parsed.na else parsed.value
            fraction = parse_cell(cells[17], "score")
            table.rows.append(ScoreRow(unit=cells[1], scores=scores, no=cells[0], total=fraction.value,
                                       max=fraction.denominator, percent=parse_cell(cells[18], "percent").value,
                                       grade=cells[19], page=5 + index))
        tables.append(table)
    meta = Meta(doc_type="BC", number="/BC-VPUB", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN",
                place="Điện Biên", date=dt.date(2025, 1, 15), period=period)
    return Report(source=source, meta=meta, tables=tables)


def report_with_rows(period: str, rows: dict[str, tuple[str, str]], *, scheme: str = SCHEME_2024,
                     source: str = "synthetic.json") -> Report:
    """A one-table report of Điện Biên: unit → (total, max) as reported; the
    scores are left empty so the reported figures count."""
    table = ScoreTable(index=0, title="Phụ lục I", scheme=scheme)
    for unit, (total, maximum) in rows.items():
        t, m = Decimal(total), Decimal(maximum)
        table.rows.append(ScoreRow(unit=unit, total=t, max=m, percent=(t * 100 / m).quantize(Decimal("0.01"))))
    meta = Meta(doc_type="BC", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN", place="Điện Biên", period=period)
    return Report(source=source, meta=meta, tables=[table])


def write_json(report: Report, path: Path, note: str = "") -> Path:
    """An extract-JSON rendition of ``report`` (``note`` makes the bytes differ)."""
    data = report.to_json()
    if note:
        data["note"] = note
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def no_checks(report: Report) -> list:
    return []


def synthetic_report(units: int, period: str, *, prefix: str = "UBND xã Thử", seed: int = 0,
                     source: str = "synthetic.json") -> Report:
    """A Điện Biên 2024-scheme table of ``units`` communes whose totals,
    maxima, percents and grades all add up (so the checks stay quiet)."""
    from reportgen.scoring import score_row

    scheme = load_scheme(SCHEME_2024)
    table = ScoreTable(index=0, title="Phụ lục", scheme=SCHEME_2024)
    for i in range(units):
        scores = {ind.key: (ind.max * Decimal((i * 7 + seed + n * 3) % 10) / 10).quantize(Decimal("0.01"))
                  for n, ind in enumerate(scheme.scored_indicators)}
        result = score_row(scores, scheme)
        table.rows.append(ScoreRow(unit=f"{prefix} {i + 1}", scores=scores, no=str(i + 1), total=result.total,
                                   max=result.max, percent=result.percent, grade=result.grade))
    meta = Meta(doc_type="BC", issuer="VĂN PHÒNG", parent="UBND TỈNH ĐIỆN BIÊN", place="Điện Biên", period=period)
    return Report(source=source, meta=meta, tables=[table])
