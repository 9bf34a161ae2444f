"""A whole whose parts are listed with the share of one of them: when the
whole alone is changed, both the sum and the share mend, so the whole is
the one slip ("tiếp nhận tổng số 2.145 hồ sơ, trong đó trực tuyến 609 hồ
sơ, chiếm 28,52%; trực tiếp 1.468 hồ sơ; kỳ trước chuyển sang 58 hồ sơ":
609 + 1.468 + 58 = 2.135 and 609 / 2.135 = 28,52 %). A share too coarse to
tell the two wholes apart names nothing: it stays a share of the whole as
written."""
from __future__ import annotations

import pytest

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

HEAD = "BÁO CÁO\nKết quả giải quyết thủ tục hành chính quý III năm 2026\n"

DOSSIERS = ("Trong kỳ, Bộ phận một cửa tiếp nhận tổng số {whole} hồ sơ, trong đó trực tuyến {part} hồ sơ, chiếm "
            "{p}; trực tiếp 1.468 hồ sơ; kỳ trước chuyển sang 58 hồ sơ.")
PROCEDURES = ("Đã giải quyết tổng số {whole} thủ tục, trong đó trực tuyến toàn trình {part} thủ tục, chiếm {p}; "
              "trực tuyến một phần 901 thủ tục; trực tiếp 241 thủ tục.")
PETITIONS = ("Trong kỳ tiếp nhận {whole} phản ánh, kiến nghị, trong đó qua ứng dụng {part} phản ánh, kiến nghị, "
             "chiếm {p}; qua đường dây nóng 412 phản ánh, kiến nghị; trực tiếp 127 phản ánh, kiến nghị.")


def _findings(tmp_path, sentence):
    path = tmp_path / "bc.txt"
    path.write_text(HEAD + sentence + "\n", encoding="utf-8")
    ctx = CheckContext()
    found = run_checks(read_path(path), ctx)
    return [(f.code, str(f.severity), f.reported, f.expected) for f in found if f.severity != "info"], ctx


@pytest.mark.parametrize("template, whole, part, p, found", [
    # unchanged: parts make the whole, the share is of it
    (DOSSIERS, "2.135", "609", "28,52%", []),
    (PROCEDURES, "4.260", "3.118", "73,19%", []),
    (PETITIONS, "1.350", "811", "60,07%", []),
    # the whole changed: one error on it, none on the share
    (DOSSIERS, "2.145", "609", "28,52%", [("SUM_MISMATCH", "error", "2145", "2135")]),
    (PROCEDURES, "4.270", "3.118", "73,19%", [("SUM_MISMATCH", "error", "4270", "4260")]),
    (PETITIONS, "1.360", "811", "60,07%", [("SUM_MISMATCH", "error", "1360", "1350")]),
    # the share changed: the share is the slip, the sum holds
    (DOSSIERS, "2.135", "609", "28,25%", [("PERCENT_MISMATCH", "error", "28.25", "28.52")]),
])
def test_the_whole_is_the_slip_when_changing_it_mends_sum_and_share(tmp_path, template, whole, part, p, found):
    findings, _ = _findings(tmp_path, template.format(whole=whole, part=part, p=p))
    assert findings == found


def test_a_share_too_coarse_to_tell_the_wholes_apart_names_no_whole(tmp_path):
    # 29% is 609 of any whole from 2.064 to 2.136: it cannot say 2.145 is wrong rather than itself
    findings, _ = _findings(tmp_path, DOSSIERS.format(whole="2.145", part="609", p="29%"))
    assert ("SUM_MISMATCH", "error", "2145", "2135") not in findings
    assert [f[0] for f in findings] == ["PERCENT_MISMATCH"]


def test_a_noun_written_with_a_comma_keeps_the_items_of_the_list(tmp_path):
    _, ctx = _findings(tmp_path, PETITIONS.format(whole="1.350", part="811", p="60,07%"))
    assert ctx.ledger.totals()["claims"] == (2, 2)



def test_shares_of_the_parts_sum_name_the_whole_beside_a_share_of_another_base(tmp_path):
    # seed 003 with 13.597 written 10.880: 91,86% and 6,13% are of 975 + 12.622 = 13.597 (0,3% fits
    # both, 1,72% is of another base): the one new error is on the whole, none on the shares
    from reportgen.verify import verify_path
    from tests.support import SEEDS

    seed = SEEDS / "003_08b48e67c976b758.txt"
    text = seed.read_text(encoding="utf-8")
    assert text.count("13.597 hồ sơ (Kỳ") == 1
    path = tmp_path / "003.txt"
    path.write_text(text.replace("13.597 hồ sơ (Kỳ", "10.880 hồ sơ (Kỳ"), encoding="utf-8")

    def errors(p):
        return {(f.code, f.reported, f.expected) for f in verify_path(p).findings if f.severity == "error"}

    assert errors(path) - errors(seed) == {("SUM_MISMATCH", "10880", "13597")}
