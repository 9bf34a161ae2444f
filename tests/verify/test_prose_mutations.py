"""The mutation tools the benchmark runs on prose and on original PDFs
(benchmarks/mutations_prose.py, benchmarks/mutations_pdf.py), held to real
figures: a date of the prose made impossible, a grade count, a share and a
unit's own figure changed in the file, and one digit of a checked cell of the
Aspose PDF rewritten in its content stream, are each caught; a d/m/y date the
words say is a date is an error; a share of the whole a sentence splits with
"trong đó" is sure."""
from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from reportgen.read import read_path
from reportgen.verify import verify_path

from support import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "benchmarks"))
import mutations_pdf  # noqa: E402
import mutations_prose  # noqa: E402

REAL = ROOT / "fixtures" / "reference" / "real"


def _run(module, m, tmp_path: Path) -> str:
    baseline = module.verify_findings(m.path)
    return module.outcome(m, baseline, module.verify_findings(module.write_mutated(m, tmp_path)))


def test_an_impossible_date_a_grade_count_and_a_share_of_a_seed_are_caught(tmp_path):
    seed = next(SEEDS.glob("003_*.txt"))
    ms = mutations_prose.candidates(seed, seed=7)
    by_kind = {}
    for m in ms:
        by_kind.setdefault(m.kind, m)
    assert {"date-impossible", "grade-count", "sum"} <= set(by_kind)
    date = by_kind["date-impossible"]
    assert (date.old, date.new) in {("23/11/2018", "31/11/2018"), ("24/6/2022", "31/6/2022"),
                                    ("15/12/2022", "32/12/2022"), ("23/4/2018", "31/4/2018"),
                                    ("14/03/2023", "14/13/2023")}
    # the grade count held to its own whole ("98/98 công chức …" made 99/98); which candidate comes first
    # after the shuffle depends on how many claims the seed has
    by_kind["grade-count"] = next(m for m in ms if m.kind == "grade-count" and m.anchor.startswith("98/98"))
    for kind in ("grade-count", "sum"):
        assert _run(mutations_prose, by_kind[kind], tmp_path) == "caught", kind


def test_a_share_and_a_grade_count_of_the_real_docx_are_caught(tmp_path):
    ms = mutations_prose.candidates(REAL / "ld-chiso-bc184-snv.docx", seed=7)
    share = next(m for m in ms if m.kind == "share" and m.old == "56,9%")
    assert share.anchor.endswith("đạt tỷ lệ 56,9%")
    assert _run(mutations_prose, share, tmp_path) == "caught"
    count = next(m for m in ms if m.kind == "grade-count" and m.old == "07")
    assert count.new == "08"
    assert _run(mutations_prose, count, tmp_path) == "caught"


def test_a_dmy_date_the_words_call_a_date_is_an_error(tmp_path):
    src = REAL / "ld-chiso-bc184-snv.docx"
    m = next(m for m in mutations_prose.candidates(src, seed=7)
             if m.kind == "date-impossible" and m.old == "15/7/2025")
    m.new = "31/6/2025"
    out = mutations_prose.write_mutated(m, tmp_path)
    found = [(f.severity, f.reported) for f in verify_path(out).findings if f.code == "DATE_INVALID"]
    assert found == [("error", "31/6/2025")]


def test_a_share_of_the_whole_a_sentence_splits_is_sure():
    report = read_path(REAL / "ld-chiso-bc184-snv.docx")
    share = next(st for st in report.statements if st.kind == "share" and st.percent == Decimal("56.9"))
    assert (share.value, share.whole, share.whole_inferred) == (78, 137, False)


def test_a_digit_rewritten_in_the_content_stream_of_the_aspose_pdf_is_caught(tmp_path):
    path = REAL / "ld-cchc2025-pl1-chidao.pdf"
    ms = mutations_pdf.candidates(path, limit=2, seed=7)
    assert len(ms) == 2 and all(m.kind == "table" and m.unit for m in ms)
    for m in ms:
        out = mutations_pdf.write_mutated(m, tmp_path)
        rows = [r for t in read_path(out).tables for r in t.rows if r.unit == m.unit]
        assert any(m.new in (v.rstrip("%") for v in r.raw.values()) for r in rows), (m.unit, m.new)
        assert _run(mutations_pdf, m, tmp_path) == "caught"
