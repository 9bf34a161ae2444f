"""A percent slipped on a row of large counts, in a document that has another
error elsewhere: the percent's ratio is broken, and two single cells answer it —
the percent set back to its part over its whole, or the part moved to what the
written percent implies (over thousands of dossiers some whole number always
rounds to it). Moving the part breaks the "Tổng cộng" row, which the clerk
computed from the right part: it answers only with that row computed again. The
percent needs no other change, so it is the slip (reportgen.checks.culprits:
the cell an error names, at the figure it expects, is a rival of the other
corrections that error offers, whatever else the document holds wrong)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from support import write_docx_tables

HEAD = ["STT", "Đơn vị", "Tổng số hồ sơ tiếp nhận", "Số hồ sơ trực tuyến", "Tỷ lệ hồ sơ trực tuyến (%)",
        "Số hồ sơ thanh toán trực tuyến", "Tỷ lệ thanh toán trực tuyến (%)"]
# (unit, dossiers received, of them online, of those paid online) in the third quarter
UNITS = [("UBND huyện Văn Lãng", 8934, 4126, 1583), ("UBND xã Tân Thanh", 1215, 608, 241),
         ("UBND xã Hoàng Việt", 846, 397, 102), ("UBND xã Tân Mỹ", 702, 455, 88),
         ("UBND xã Hội Hoan", 537, 301, 129), ("UBND xã Thụy Hùng", 1166, 782, 175)]
TITLE = "KẾT QUẢ TIẾP NHẬN HỒ SƠ VÀ THANH TOÁN TRỰC TUYẾN QUÝ III NĂM 2026"


def _pct(part: int, whole: int) -> str:
    return str((Decimal(part) * 100 / whole).quantize(Decimal("0.01"), ROUND_HALF_UP)).replace(".", ",")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _errors(tmp_path, rate: str, paid_pct: str | None = None) -> list:
    rows = [[str(k + 1), unit, _count(a), _count(b), _pct(b, a), _count(c), _pct(c, b)]
            for k, (unit, a, b, c) in enumerate(UNITS)]
    if paid_pct is not None:
        rows[0][6] = paid_pct
    a, b, c = (sum(u[i] for u in UNITS) for i in (1, 2, 3))
    rows.append(["", "Tổng cộng", _count(a), _count(b), _pct(b, a), _count(c), _pct(c, b)])
    prose = [f"Trong kỳ, toàn huyện tiếp nhận {_count(a)} hồ sơ, trong đó {_count(b)} hồ sơ trực tuyến, đạt {rate}%.",
             f"Số hồ sơ thanh toán phí, lệ phí trực tuyến là {_count(c)} hồ sơ."]
    path = tmp_path / "report.docx"
    write_docx_tables(path, prose, [(TITLE, HEAD, rows)])
    return [f for f in run_checks(read_path(path), CheckContext()) if f.severity == "error"]


def test_a_clean_report_has_no_error(tmp_path):
    assert _errors(tmp_path, "49,77") == []  # 6.669 of 13.400 dossiers online


def test_a_percent_slipped_on_a_row_of_thousands_is_the_slip_though_the_prose_has_an_error_too(tmp_path):
    # The district's 1.583 paid of 4.126 online is 38,37%, written 33,37%; 1.377 / 4.126 also gives 33,37%,
    # but 1.377 would break the "Tổng cộng" row's 2.318, right as written. The prose's 47,77% (6.669 of
    # 13.400 is 49,77%) is a second slip of its own.
    found = _errors(tmp_path, "47,77", paid_pct="33,37")
    assert [(f.code, f.row, f.column, f.reported, f.expected) for f in found] == [
        ("PERCENT_MISMATCH", None, None, "47.77", "49.77"),
        ("RATIO_MISMATCH", 0, "k6", "33.37", "38.37")]
    assert found[1].message == (
        "1. UBND huyện Văn Lãng: cột “Tỷ lệ thanh toán trực tuyến (%)” ghi 33,37% nhưng “Số hồ sơ thanh toán "
        "trực tuyến” / “Số hồ sơ trực tuyến” × 100 = 1.583 / 4.126 × 100 = 38,37%")
