"""Verify the real documents of another office: errors on the unchanged
documents (false errors unless a slip is shown), tables and cells checked,
time per page, and generated mutations of every covered cell — caught,
named on another row, warned or missed, per document and per kind — in the
DOCX / XLSX itself and in PDFs LibreOffice makes of the mutated DOCX
(benchmarks/mutations.py); and the generated corpus (corpus_verify.py).

    nice -n 10 python3 benchmarks/bench_verify.py [--mutations N] [--pdf N] [--corpus N] [--seed S] [--pdf-text N]

Prose claims (dates, counts, shares, statistics, a unit's own figures) of the
DOCX report and the seeds are mutated too (benchmarks/mutations_prose.py), and
the original text PDFs have one digit rewritten in a page's content stream
(benchmarks/mutations_pdf.py).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reportgen.checks import CheckContext, run_checks  # noqa: E402
from reportgen.coverage import verdict  # noqa: E402
from reportgen.read import read_path  # noqa: E402

import mutations  # noqa: E402
from mutations import KINDS, OUTCOMES, candidates, outcome, verify_findings  # noqa: E402
from mutations_apply import write_mutated  # noqa: E402

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "reference" / "real"
DOCS = ["portal-766-2025-10.xlsx",
        "ld-cchc2025-pl1-songanh.doc", "ld-cchc2025-pl2-xaphuong.doc", "ld-766-sotaichinh.docx",
        "ld-cchc2025-bc329-phuluc.docx", "ld-chiso-bc184-snv.docx", "ld-cchc2025-pl1-chidao.pdf",
        "ld-cchc2025-bc36-thamdinh.pdf"]


def named(findings, report, unit: str, label: str) -> tuple[bool, bool]:
    """(row and column named, row named) by an error of ``findings``."""
    import re

    from reportgen.checks.relations_support import frames, short

    if unit == "¶":  # a slip in the prose: an error located at a paragraph (it may name the table it was held to)
        hit = any(f.severity == "error" and f.paragraph is not None for f in findings)
        return hit, hit
    labels = {(f.table.index, c.key): c.label for f in frames(report) for c in f.cols}
    base = re.sub(r"\s*[(\[].*$", "", label)
    row = col = False
    for f in findings:
        if f.severity != "error" or f.unit != short(unit):
            continue
        row = True
        if label[:20] in f.message or base in f.message or labels.get((f.table, f.column)) == label \
                or (f.column == "total" and re.search(r"tổng", label, re.I)):
            col = True
    return col, row


def corpus(n: int, seed: int) -> None:
    import tempfile

    from corpus_verify import generate

    out = Path(tempfile.mkdtemp(prefix="corpus-"))
    pairs = generate(out, n, seed)
    false = found_col = found_row = warned = tables = checked = cells = cells_ok = 0
    by_kind: dict[str, list[int]] = {}  # kind → [documents, named, row only, warned, missed, false errors]
    t0 = time.perf_counter()
    misses = []
    for doc, clean, slipped, bad in pairs:
        report = read_path(clean)
        ctx = CheckContext()
        fs = run_checks(report, ctx)
        is_false = any(f.severity == "error" for f in fs)
        false += is_false
        entries = [e for e in ctx.ledger.tables.values() if e.numeric_cells]
        tables += len(entries)
        checked += sum(e.checked for e in entries)
        cells += sum(len(e.numeric_cells) for e in entries)
        cells_ok += sum(len(e.checked_cells & e.numeric_cells) for e in entries)
        report2 = read_path(bad)
        fs2 = run_checks(report2, CheckContext())
        col, row = named(fs2, report2, *slipped.slip)
        _count_errors("corpus", mutations._key, fs, fs2)
        before = {(f.code, f.unit, f.column, f.reported) for f in fs}
        warn = not row and any((f.code, f.unit, f.column, f.reported) not in before for f in fs2)
        found_col += col
        found_row += row
        warned += warn
        k = by_kind.setdefault(doc.kind, [0] * 6)
        k[0] += 1
        k[1] += col
        k[2] += row and not col
        k[3] += warn
        k[4] += not row and not warn
        k[5] += is_false
        if not col:
            misses.append((doc.name, slipped.slip, "row named" if row else "warned" if warn else "missed"))
    dt = time.perf_counter() - t0
    print(f"CORPUS (seed {seed}, {n} documents of {len(by_kind)} kinds, 1 page each): "
          f"slips named by row and column {found_col}/{n}, by row only {found_row - found_col}, "
          f"warned {warned}, missed {n - found_row - warned}; false errors on clean documents {false}/{n}; "
          f"tables checked {checked}/{tables}, cells {cells_ok}/{cells}; {dt / (2 * n):.2f} s/page")
    for kind, (docs, col, row, warn, miss, fe) in by_kind.items():
        print(f"   {kind:<18} named {col}/{docs}, row only {row}, warned {warn}, missed {miss}; false errors {fe}")
    for m in misses:
        print("   not named:", *m)


def _doc_figures(path: Path) -> tuple:
    t0 = time.perf_counter()
    report = read_path(path)
    ctx = CheckContext()
    findings = run_checks(report, ctx)
    dt = time.perf_counter() - t0
    entries = [e for e in ctx.ledger.tables.values() if e.numeric_cells]
    pages = max([p.page or 1 for p in report.paragraphs] + [t.page or 1 for t in report.tables] + [1])
    ctx.ledger.note_doubts(findings)
    return findings, entries, dt, pages, verdict(any(f.severity == "error" for f in findings), ctx.ledger)


def _tally() -> dict[str, int]:
    return {o: 0 for o in OUTCOMES}


# Errors per slip: the new errors (not on the unchanged document) one mutation
# gives, summed per set of mutations — one slip should be one finding.
PER_SLIP: dict[str, list[int]] = {}  # set → [slips that gave an error, new errors]


def _count_errors(label: str, key, baseline, findings) -> None:
    known = {key(f) for f in baseline}
    n = sum(1 for f in findings if f.severity == "error" and key(f) not in known)
    if n:
        tally = PER_SLIP.setdefault(label, [0, 0])
        tally[0] += 1
        tally[1] += n


def _per_slip() -> str:
    return "; ".join(f"{label} {e / s:.2f} ({e} errors for {s} slips)" for label, (s, e) in PER_SLIP.items() if s)


def _line(t: dict[str, int]) -> str:
    n = sum(t.values())
    return (f"caught {t['caught']}/{n}, other row {t['elsewhere']}, warned {t['warned']}, missed {t['missed']}"
            if n else "no mutation")


def _mutate_all(ms, baseline, per_kind, misses, bound) -> dict[str, int]:
    import shutil
    import tempfile

    tally = _tally()
    tmp = Path(tempfile.mkdtemp(prefix="mut-"))
    try:
        for m in ms:
            try:
                path = write_mutated(m, tmp)
            except ValueError:
                continue
            found = verify_findings(path)
            got = outcome(m, baseline, found)
            if m.bound_only:
                bound[got] += 1
                continue
            tally[got] += 1
            per_kind.setdefault(m.kind, _tally())[got] += 1
            _count_errors("cells", mutations._key, baseline, found)
            if got != "caught":
                misses.append((m.path.name, m.kind, m.unit, m.label[:40], m.old, m.new, got))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tally


def _renditions(ms, path: Path, per_kind, misses) -> tuple[int, dict[str, int], float]:
    """The document and a sample of its mutations as PDFs made by LibreOffice
    from the (mutated) DOCX: false errors of the rendition and the outcomes."""
    import shutil
    import tempfile

    from reportgen.draft.pdf import convert

    tmp = Path(tempfile.mkdtemp(prefix="mutpdf-"))
    tally = _tally()
    try:
        src = tmp / "orig.docx"
        shutil.copyfile(path, src)
        docs, kept = [src], []
        for k, m in enumerate(ms):
            try:
                docs.append(write_mutated(m, tmp, stem=f"m{k:04d}"))
                kept.append(m)
            except ValueError:
                continue
        t0 = time.perf_counter()
        pdfs = convert(docs, tmp / "pdf")
        dt = (time.perf_counter() - t0) / len(docs)
        baseline = verify_findings(pdfs[0])
        false = sum(1 for f in baseline if f.severity == "error")
        for m, pdf in zip(kept, pdfs[1:]):
            got = outcome(m, baseline, verify_findings(pdf), same_table=False)
            tally[got] += 1
            per_kind.setdefault(m.kind, _tally())[got] += 1
            if got != "caught":
                misses.append((m.path.name + " (PDF)", m.kind, m.unit, m.label[:40], m.old, m.new, got))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return false, tally, dt


SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
PROSE_DOCS = [REAL / "ld-chiso-bc184-snv.docx", *SEEDS]
TEXT_PDFS = ["ld-cchc2025-pl1-chidao.pdf", "ld-cchc2025-bc36-thamdinh.pdf"]


def _run_set(module, ms, path: Path, per_kind, misses, label: str) -> dict[str, int]:
    """Write each mutation, verify it, tally its outcome by kind."""
    import shutil
    import tempfile

    tally = _tally()
    baseline = module.verify_findings(path)
    tmp = Path(tempfile.mkdtemp(prefix="mutp-"))
    try:
        for k, m in enumerate(ms):
            try:
                out = module.write_mutated(m, tmp, stem=f"m{k:04d}")
            except ValueError:
                continue
            found = module.verify_findings(out)
            got = module.outcome(m, baseline, found)
            _count_errors(label.strip(" ()") or "prose", getattr(module, "_key", mutations._key), baseline, found)
            tally[got] += 1
            per_kind.setdefault(m.kind, _tally())[got] += 1
            if got != "caught":
                misses.append((f"{path.name}{label}", m.kind, m.old, m.new, got))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tally


def prose_mutations(limit: int, per_kind, misses) -> dict[str, int]:
    """The prose claims of the DOCX report and the seeds, mutated in the file."""
    import mutations_prose

    total = _tally()
    for path in PROSE_DOCS:
        ms = mutations_prose.candidates(path, limit=limit or None, seed=7)
        tally = _run_set(mutations_prose, ms, path, per_kind, misses, "")
        for o in OUTCOMES:
            total[o] += tally[o]
        print(f"{path.name} (prose): mutations {_line(tally)}")
    return total


def pdf_mutations(limit: int, per_kind, misses) -> dict[str, int]:
    """The original text PDFs, one digit rewritten in a page's content stream."""
    import mutations_pdf

    total = _tally()
    for name in TEXT_PDFS:
        path = REAL / name
        t0 = time.perf_counter()
        ms = mutations_pdf.candidates(path, limit=limit, seed=7)
        tally = _run_set(mutations_pdf, ms, path, per_kind, misses, " (content stream)")
        for o in OUTCOMES:
            total[o] += tally[o]
        print(f"{name} (content stream): mutations {_line(tally)}; {time.perf_counter() - t0:.0f} s")
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutations", type=int, default=0, help="mutations per document (0: every covered cell)")
    ap.add_argument("--pdf", type=int, default=8, help="mutations per DOCX also checked as a LibreOffice PDF")
    ap.add_argument("--corpus", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--misses", type=int, default=30, help="misses listed")
    ap.add_argument("--pdf-text", type=int, default=10,
                    help="mutations of each original text PDF, rewritten in its content stream")
    args = ap.parse_args()
    if args.corpus:
        corpus(args.corpus, args.seed)
    tot_tables = tot_checked = tot_cells = tot_cells_ok = false_total = 0
    verdicts: dict[str, int] = {}
    per_kind: dict[str, dict[str, int]] = {}
    pdf_kind: dict[str, dict[str, int]] = {}
    total, pdf_total, bound_total = _tally(), _tally(), _tally()
    misses: list[tuple] = []
    for name in DOCS:
        path = REAL / name
        findings, entries, dt, pages, said = _doc_figures(path)
        checked = [e for e in entries if e.checked]
        cells = sum(len(e.numeric_cells) for e in entries)
        cells_ok = sum(len(e.checked_cells & e.numeric_cells) for e in entries)
        bounded = sum(len(e.bounded_only_cells()) for e in entries)
        verdicts[said] = verdicts.get(said, 0) + 1
        errors = [f.code for f in findings if f.severity == "error"]
        false_total += len(errors)
        tot_tables += len(entries)
        tot_checked += len(checked)
        tot_cells += cells
        tot_cells_ok += cells_ok
        writable = path.suffix.lower() in (".docx", ".doc", ".xlsx")  # a PDF is made from its DOCX, not rewritten
        ms = candidates(path, limit=args.mutations or None, seed=7) if writable else []
        bound = _tally()
        tally = _mutate_all(ms, findings, per_kind, misses, bound)
        for o in OUTCOMES:
            total[o] += tally[o]
            bound_total[o] += bound[o]
        print(f"{name}: {said}; tables {len(checked)}/{len(entries)} checked, cells {cells_ok}/{cells} "
              f"(+{bounded} only a stated bound holds), "
              f"errors on unchanged {len(errors)} {sorted(set(errors))}, {dt / pages:.2f} s/page ({pages} p.); "
              f"mutations {_line(tally)}"
              + (f"; cells only a bound covers (≤ 100 %, ≤ max): {_line(bound)}" if sum(bound.values()) else ""))
        if args.pdf and path.suffix.lower() in (".docx", ".doc"):
            sample = [m for m in ms if m.kind != "grade" and not m.bound_only][: args.pdf] \
                + [m for m in ms if m.kind == "grade"][:1]
            false, ptally, pdt = _renditions(sample, path, pdf_kind, misses)
            false_total += false
            for o in OUTCOMES:
                pdf_total[o] += ptally[o]
            print(f"   as PDF (LibreOffice, {pdt:.1f} s/file): errors on unchanged {false}; "
                  f"mutations {_line(ptally)}")
    print("BY KIND (DOCX/XLSX):")
    for kind in KINDS:
        if kind in per_kind:
            print(f"   {kind:<10} {_line(per_kind[kind])}")
    if pdf_kind:
        print("BY KIND (PDF renditions):")
        for kind in KINDS:
            if kind in pdf_kind:
                print(f"   {kind:<10} {_line(pdf_kind[kind])}")
    prose_kind: dict[str, dict[str, int]] = {}
    prose_total = prose_mutations(args.mutations, prose_kind, misses)
    print("BY KIND (prose claims, DOCX and text):")
    for kind, t in sorted(prose_kind.items()):
        print(f"   {kind:<18} {_line(t)}")
    text_pdf_kind: dict[str, dict[str, int]] = {}
    text_pdf_total = pdf_mutations(args.pdf_text, text_pdf_kind, misses) if args.pdf_text else _tally()
    for kind, t in sorted(text_pdf_kind.items()):
        print(f"   original PDFs, {kind:<6} {_line(t)}")
    print(f"TOTAL: tables checked {tot_checked}/{tot_tables}, cells checked {tot_cells_ok}/{tot_cells}; "
          f"errors on unchanged documents {false_total} (bc329's '%' row holding 124 is a real slip); "
          f"mutations of cells in a relation {_line(total)}; PDF renditions {_line(pdf_total)}; "
          f"cells only a bound covers {_line(bound_total)}; prose claims {_line(prose_total)}; "
          f"original text PDFs {_line(text_pdf_total)}")
    print(f"ERRORS PER SLIP (new errors of a mutation that gave one): {_per_slip()}")
    print("VERDICTS of the unchanged real documents: " + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    for m in misses[: args.misses]:
        print("   not caught:", *m)


if __name__ == "__main__":
    main()
