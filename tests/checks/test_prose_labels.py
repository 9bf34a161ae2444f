"""A rate the prose names held to the table cell of that name (rule
rate-vs-labelled-cell), on the Lâm Đồng report bc184: its PAR-index passage
quotes three rates of its 766 summary table by their names (76,43%, 63% for
62,97%, 80,7%), and one (86,2%) that the table gives as 100% — another index,
so a warning, not an error, and that claim stays unchecked."""
from __future__ import annotations

from reportgen.verify import verify_path

from support import ROOT

REAL = ROOT / "fixtures" / "reference" / "real"


def test_rates_named_like_the_summary_indicators_are_held_to_them():
    result = verify_path(REAL / "ld-chiso-bc184-snv.docx")
    statements = result.report.statements
    checked = {statements[c.statement].text for c in result.ledger.claims.values()
               if "rate-vs-labelled-cell" in c.relations}
    assert checked == {"76,43%", "63%", "80,7%"}
    found = [(f.severity, f.reported, f.expected, f.message) for f in result.findings
             if f.rule == "rate-vs-labelled-cell"]
    assert found == [("warning", "86.2", "100",
                      "Văn bản nêu 86,2% cho “Tỷ lệ hồ sơ thanh toán trực tuyến” nhưng bảng 5 ghi 100%")]
    assert any("86,2%" in c.text for c in result.ledger.unchecked_claims())
