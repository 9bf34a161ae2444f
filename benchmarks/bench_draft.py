"""Drafting speed, with printed figures.

    python benchmarks/bench_draft.py [--units 3321] [--pdfs 10]

1. DOCX drafts per second for a 34-unit report (full engine: narrative,
   numbering, footnotes, appendices) against bare docxtpl rendering the same
   context (no appendices, no passes).
2. ``--per-unit`` over 3,321 synthetic communes (render once, fill copies)
   against rendering the template with docxtpl for every unit.
3. PDFs per second: one LibreOffice process for a batch against one process
   per file.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docxtpl import DocxTemplate

from reportgen.draft import build_draft
from reportgen.draft.compose import compose
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import meta_from_dict
from reportgen.draft.pdf import convert, soffice_binary
from reportgen.draft.perunit import _context, plan, write_per_unit
from reportgen.draft.render import environment, template_path
from reportgen.draft.synthetic import synthetic_data
from reportgen.schemes import load_scheme

META = {"doc_type": "BC", "parent": "UBND tỉnh An Giang", "issuer": "Văn phòng UBND tỉnh", "place": "An Giang",
        "date": "2025-11", "signer": "Nguyễn Văn A", "authority": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"}


def timed(fn, repeat: int) -> float:
    """Seconds per call, best of three rounds of ``repeat`` calls."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def bench_report(scheme_name: str, repeat: int) -> None:
    scheme = load_scheme(scheme_name)
    data = prepared(synthetic_data(scheme, sizes=(34,)))
    meta = meta_from_dict(META)

    def engine():
        build_draft(data, meta).save(io.BytesIO())

    context = compose(data, meta).context
    path = template_path(None, "BC")

    def bare():
        tpl = DocxTemplate(str(path))
        tpl.render(context, environment())
        tpl.save(io.BytesIO())

    engine()
    bare()
    e, b = timed(engine, repeat), timed(bare, repeat)
    print(f"  {scheme_name:14s} 34 đơn vị: engine {1 / e:6.1f} bản/s ({e * 1000:6.1f} ms)   "
          f"docxtpl trần {1 / b:6.1f} bản/s ({b * 1000:6.1f} ms)   engine/docxtpl = {e / b:4.2f}×")


def bench_per_unit(units: int, sample: int) -> None:
    scheme = load_scheme("qd766-2022")
    data = prepared(synthetic_data(scheme, sizes=(units,)))
    meta = meta_from_dict({**META, "doc_type": "TB"})
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        paths = write_per_unit(data, meta, out)
        elapsed = time.perf_counter() - start
        size = sum(p.stat().st_size for p in paths) / len(paths)
    print(f"  --per-unit {units} đơn vị: {elapsed:6.2f} s, {units / elapsed:7.1f} bản/s "
          f"({size / 1024:.0f} KB/bản, mục tiêu < 60 s)")

    # the naive way: docxtpl renders the template once per unit
    planned = plan(data)[:sample]
    path = template_path(None, "TB")
    base = _context(meta, scheme)
    import json

    proto = json.dumps(base, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        for _, doc in planned:
            text = proto
            for key, value in doc.values.items():
                text = text.replace(f"\u27e6u:{key}\u27e7", json.dumps(value, ensure_ascii=False)[1:-1])
            tpl = DocxTemplate(str(path))
            tpl.render(json.loads(text), environment())
            tpl.save(str(Path(out) / doc.name))
        naive = (time.perf_counter() - start) / len(planned)
    print(f"  docxtpl mỗi đơn vị một lần: {1 / naive:7.1f} bản/s → {units} đơn vị ≈ {naive * units:6.1f} s "
          f"(đo trên {len(planned)} bản)")


def bench_pdf(count: int, single: int) -> None:
    scheme = load_scheme("dienbien-2024")
    with tempfile.TemporaryDirectory() as out:
        files = []
        for i in range(count):
            data = prepared(synthetic_data(scheme, sizes=(34,), seed=i))
            path = Path(out) / f"bc-{i:02d}.docx"
            build_draft(data, meta_from_dict(META)).save(path)
            files.append(path)
        start = time.perf_counter()
        convert(files, Path(out) / "lo")
        batch = (time.perf_counter() - start) / count
        start = time.perf_counter()
        for i, f in enumerate(files[:single]):
            with tempfile.TemporaryDirectory() as profile:
                subprocess.run([soffice_binary(), f"-env:UserInstallation=file://{profile}", "--headless",
                                "--convert-to", "pdf", "--outdir", str(Path(out) / f"one-{i}"), str(f)],
                               capture_output=True, check=True)
        each = (time.perf_counter() - start) / single
    print(f"  PDF lô {count} tệp, 1 tiến trình soffice: {1 / batch:5.2f} tệp/s ({batch:5.2f} s/tệp)   "
          f"mỗi tệp 1 tiến trình: {1 / each:5.2f} tệp/s ({each:5.2f} s/tệp)   nhanh hơn {each / batch:4.1f}×")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pdfs", type=int, default=12)
    parser.add_argument("--single", type=int, default=4, help="files converted one process each")
    parser.add_argument("--sample", type=int, default=40, help="units rendered the naive way")
    args = parser.parse_args(argv)
    print("Soạn DOCX (báo cáo 34 đơn vị, có 1 phụ lục):")
    for name in ("qd766-2022", "dienbien-2024"):
        bench_report(name, args.repeat)
    print("Thông báo riêng từng đơn vị:")
    bench_per_unit(args.units, args.sample)
    print("Xuất PDF bằng LibreOffice:")
    bench_pdf(args.pdfs, args.single)
    return 0


if __name__ == "__main__":
    sys.exit(main())
