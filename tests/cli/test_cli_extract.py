"""`reportgen extract`: the JSON contract and the CSV lines of a seed."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from support import SEEDS, reportgen

S002 = str(SEEDS / "002_e186587f0db7be84.txt")


def test_json_of_seed_002_has_26_rows_in_two_sections_with_plain_decimals():
    out = reportgen("extract", S002)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc) >= {"source", "meta", "tables", "statements"}
    table = next(t for t in doc["tables"] if t["kind"] == "scores")
    assert table["scheme"] == "dienbien-2023"
    rows = table["rows"]
    assert len(rows) == 26
    assert [r["section"] for r in rows].count("I") == 5 and [r["section"] for r in rows].count("II") == 21
    qldd = rows[0]
    assert (qldd["unit"], qldd["total"], qldd["max"], qldd["percent"], qldd["grade"]) == (
        "Trung tâm QLĐĐ", "58.69", "85", "69.34", "Trung bình")
    assert qldd["scores"]["ck1"] is None and qldd["scores"]["ck2"] == "4.81"


def test_csv_of_seed_002_has_one_line_per_unit_with_scores_by_key():
    out = reportgen("extract", "--format", "csv", S002)
    assert out.returncode == 0, out.stderr
    lines = list(csv.DictReader(io.StringIO(out.stdout)))
    scores = [line for line in lines if line["kind"] == "scores"]
    assert len(scores) == 26
    nua = next(line for line in scores if line["unit"] == "UBND xã Núa Ngam")
    assert (nua["section"], nua["no"], nua["sh2"], nua["ck1"], nua["total"], nua["percent"], nua["grade"]) == (
        "II", "10", "11.5", "", "80.62", "94.85", "Xuất sắc")


def test_a_reader_that_stops_early_is_not_an_error():
    # `reportgen extract … | head -1`: the pipe closes before the output is written.
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "extract", "--format", "csv", S002],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait() == 0
    assert err == ""
