"""Benchmark: reading a 40-page appendix PDF.

Builds a long score table as a DOCX (two-level merged header repeated on every
page, narrow name column so names wrap and some rows split over page breaks),
converts it with LibreOffice, then reads it in one run with

* our reader (``parsers.read_raw``: tables merged over pages),
* bare ``pdfplumber.Page.extract_tables()`` on every page,
* ``camelot.read_pdf(flavor="lattice")`` on all pages,

and prints pages per second and cell accuracy of each against the values
written into the DOCX. A cell counts as right when its text, with runs of
white space made one space, equals the value written; a body row is found by
its number in the first column (the first part of a row cut by a page break
holds the number).

    python benchmarks/bench_pdf.py [--pages 40] [--skip-camelot]
"""
from __future__ import annotations

import argparse
import logging
import random
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.build_pdf import Column, appendix_docx, libreoffice_pdfs  # noqa: E402

UNITS = ["Sở Tư pháp", "Sở Nội vụ", "UBND xã Thanh Xương", "UBND phường Mường Thanh",
         "Trung tâm Phục vụ hành chính công tỉnh", "Sở Văn hóa, Thể thao và Du lịch",
         "Sở Lao động - Thương binh và Xã hội", "Ban Quản lý các khu công nghiệp tỉnh",
         "Chi nhánh Văn phòng đăng ký đất đai huyện Điện Biên Đông"]
MAXIMA = [6, 4, 2, 6, 24, 12, 10, 6, 4, 2, 2, 4, 6, 6, 6]
ROWS_PER_PAGE = 16  # about what a landscape page holds with wrapped names


def _vi(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def build_rows(n: int, seed: int = 2024) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        scores, total = [], 0.0
        for m in MAXIMA:
            if rng.random() < 0.08:
                scores.append("-")
                continue
            v = round(rng.uniform(0.4, 1.0) * m, 2)
            total += v
            scores.append(_vi(v))
        grade = "Xuất sắc" if total >= 90 else "Tốt" if total >= 80 else "Khá" if total >= 70 else "Trung bình"
        rows.append([str(i), f"{rng.choice(UNITS)} ({i})", *scores, _vi(total), grade])
    return rows


def columns() -> list[Column]:
    cols = [Column("STT", None, 1.0), Column("TÊN CƠ QUAN, ĐƠN VỊ", None, 3.6)]
    groups = (["Nhóm công khai, minh bạch"] * 4 + [None] + ["Cung cấp DVCTT"] * 2
              + ["Nhóm số hóa hồ sơ"] * 5 + ["Nhóm mức độ hài lòng"] * 3)
    for k, (g, m) in enumerate(zip(groups, MAXIMA), start=1):
        cols.append(Column(f"Chỉ số {k} ({m}đ)", g, 1.15))
    cols += [Column("TỔNG ĐIỂM", None, 1.4), Column("XẾP LOẠI", None, 1.6)]
    return cols


def _norm(text) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def accuracy(truth: list[list[str]], found: list[list[str]]) -> float:
    by_no: dict[str, list[str]] = {}
    for row in found:
        if row and _norm(row[0]).isdigit():
            by_no.setdefault(_norm(row[0]), row)
    right = total = 0
    for row in truth:
        got = by_no.get(row[0], [])
        for j, want in enumerate(row):
            total += 1
            right += j < len(got) and _norm(got[j]) == want
    return right / total


def ours(pdf: Path) -> list[list[str]]:
    from parsers import read_raw

    raw = read_raw(pdf, {"ocr": "never", "max_pages": 10_000})
    rows = []
    for t in raw.tables:
        rows += t.grid()[t.header_rows or 0:]
    return rows


def bare_pdfplumber(pdf: Path) -> list[list[str]]:
    import pdfplumber

    rows = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                rows += table
    return rows


def camelot_lattice(pdf: Path) -> list[list[str]]:
    import camelot

    logging.getLogger("camelot").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(pdf), pages="all", flavor="lattice")
    rows = []
    for t in tables:
        rows += t.df.values.tolist()
    return rows


def timed(fn, pdf: Path, repeat: int = 1):
    best, result = None, None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(pdf)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=2, help="best of N for the fast readers")
    parser.add_argument("--skip-camelot", action="store_true")
    parser.add_argument("--keep", type=Path, help="directory to keep the PDF in")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        out = args.keep or Path(tmp)
        n_rows = args.pages * ROWS_PER_PAGE
        truth = build_rows(n_rows)
        docx = appendix_docx(out / "appendix.docx", "PHỤ LỤC: KẾT QUẢ ĐÁNH GIÁ", columns(), truth)
        (pdf,) = libreoffice_pdfs([docx], out)
        import pdfplumber

        with pdfplumber.open(pdf) as doc:
            pages = len(doc.pages)
        print(f"file: {pdf.name}, {pages} pages, {n_rows} rows × {len(truth[0])} columns")
        results = {}
        for name, fn, repeat in (("ours (parsers.read_raw)", ours, args.repeat),
                                 ("pdfplumber extract_tables", bare_pdfplumber, args.repeat),
                                 ("camelot lattice", camelot_lattice, 1)):
            if fn is camelot_lattice and args.skip_camelot:
                continue
            seconds, rows = timed(fn, pdf, repeat)
            results[name] = (seconds, accuracy(truth, rows))
            print(f"{name:28s} {seconds:7.2f} s  {pages / seconds:6.2f} pages/s  "
                  f"cell accuracy {results[name][1] * 100:6.2f} %")
        ours_s = results["ours (parsers.read_raw)"][0]
        bare_s = results["pdfplumber extract_tables"][0]
        print(f"time ratio ours / bare pdfplumber: {ours_s / bare_s:.2f} (goal ≤ 1.20)")
        if "camelot lattice" in results:
            print(f"time ratio ours / camelot lattice: {ours_s / results['camelot lattice'][0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
