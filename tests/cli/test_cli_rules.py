"""`reportgen rules` lists every finding code, so a reader finds the rule for
a code in seconds; every code the seeds produce is listed."""
from __future__ import annotations

from reportgen.checks import READER_CODES, registered_rules
from reportgen.cli import main
from reportgen.verify import verify_path

from support import SEEDS

SEEDS = sorted((SEEDS).glob("*.txt"))


def test_every_code_found_in_the_seeds_is_a_listed_rule_or_reader_code():
    known = {r.code for r in registered_rules()} | set(READER_CODES)
    found = {f.code for seed in SEEDS for f in verify_path(seed).findings}
    assert {"TOTAL_MISMATCH", "MAX_MISMATCH", "SUM_MISMATCH", "NUMBER_FORMAT"} <= found
    assert found <= known


def test_rules_for_one_code_name_the_function_that_gives_it_and_its_documentation(capsys):
    assert main(["rules", "MAX_MISMATCH"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0] == ("MAX_MISMATCH             max-mismatch               Điểm tối đa ghi khác tổng điểm tối đa "
                      "của các chỉ số áp dụng  [reportgen.checks.tables.max_mismatch]")
    assert [line.split(":")[0].strip() for line in out[1:] if ":" in line and not line.startswith("     ")][:4] == [
        "Kiểm tra gì", "Vì sao", "Ví dụ sai", "Ví dụ đúng"]


def test_a_rule_is_found_by_its_kebab_case_name(capsys):
    assert main(["rules", "appendix-reference-date"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:2] == ["DATE_INCONSISTENT", "appendix-reference-date"]
    assert any(line.strip().startswith("Ví dụ đúng:") for line in out)


def test_an_unknown_code_is_a_usage_error(capsys):
    assert main(["rules", "KHONG_CO"]) == 2
    assert "Không có mã phát hiện" in capsys.readouterr().err
