"""A generated corpus of result tables with the variety real offices produce,
kept apart from the tests the relations were tuned on: every document is
drawn from a seed, written as DOCX, once clean and once with one planted slip
whose row and column are known.

Kinds of table: a ranking of units (per-row maxima, percent, grade, rank;
columns in any order, header words and abbreviations varied, statistics rows,
bands stated in the prose or not, sorted by points or by percent); a table of
components with maxima in the header ("(12đ)", "[6 điểm]", "Tối đa 20
điểm"), some cells ``x/y``, a "Tổng cộng" row; a QĐ 766 group table with
"Tỷ lệ (%)" and "Điểm đạt (Tối đa N điểm)" pairs under merged indicator
headers; a statistics table numbered 1 / 1.1 / 1.1.1 or I / 1 / a; a
self-assessment of hierarchical criteria with long evidence text; groups as
rows (a cluster's subtotal row, then its members; numbered I / A or not at
all); units as columns (indicators as rows, a "Toàn tỉnh" column or none);
statistics in the prose ("bình quân", "cao nhất", "thấp nhất") over a
ranking table; units' own figures in the prose ("xã A đạt 85,20%, xếp loại
Tốt", "xếp thứ 2"); counts of units by bands of the percent ("Có 4/9 đơn vị
đạt từ 80% trở lên, chiếm tỷ lệ 44,44%"); dossiers per commune with rates
the prose names by their parts ("tỷ lệ giải quyết đúng hạn và trước hạn").
Unit names are drawn from random syllables; thousands with dots or none; one
or two decimals.

The documents and their writing are in ``corpus_docs.py``, the kinds in
``corpus_tables.py`` and ``corpus_prose.py``.

    python3 benchmarks/corpus_verify.py OUT_DIR [--n 40] [--seed 11]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from corpus_docs import Doc, write_docx
from corpus_prose import prose_bands, prose_dossiers, prose_statistics, prose_units
from corpus_tables import components, group766, groups_as_rows, ranking, self_assessment, statistics, transposed

KINDS = [ranking, components, group766, statistics, self_assessment, groups_as_rows, transposed, prose_statistics,
         prose_units, prose_bands, prose_dossiers]


def generate(out_dir: Path, n: int, seed: int) -> list[tuple[Doc, Path, Doc, Path]]:
    """``n`` pairs (clean document, its path, the same with a slip, its path)."""
    import copy

    rnd = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        doc, plant = kind(rnd)
        doc.name = f"{i:03d}_{doc.kind}"
        clean = out_dir / f"{doc.name}.docx"
        write_docx(doc, clean)
        slipped = copy.deepcopy(doc)
        plant(slipped, rnd)
        bad = out_dir / f"{doc.name}_slip.docx"
        write_docx(slipped, bad)
        pairs.append((doc, clean, slipped, bad))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    for doc, clean, slipped, bad in generate(args.out, args.n, args.seed):
        print(clean.name, bad.name, slipped.slip)


if __name__ == "__main__":
    main()
