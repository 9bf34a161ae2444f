"""read_report: the JSON contract of DESIGN.md, text repair, findings from parser notes."""
from __future__ import annotations

import json

from reportgen.model import Paragraph
from reportgen.raw import RawDocument, RawNote, RawParagraph
from reportgen.read import read_path, read_report, report_of_paragraphs

from support import SEEDS


def test_report_json_follows_the_contract():
    report = read_path(next(SEEDS.glob("002_*.txt")))
    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert set(data) >= {"source", "meta", "tables", "statements"}
    assert set(data["meta"]) >= {"doc_type", "number", "issuer", "place", "date", "period", "subject", "signer",
                                 "recipients"}
    table = data["tables"][0]
    assert (table["scheme"], table["kind"]) == ("dienbien-2023", "scores")
    assert table["title"].startswith("Phụ lục")
    assert table["columns"][0] == {"key": "ck1", "label": "Công khai - Chỉ số 1",
                                   "group": "Nhóm công khai, minh bạch", "max": "5"}
    row = table["rows"][0]
    assert {k: row[k] for k in ("no", "section", "unit", "total", "max", "percent", "grade")} == {
        "no": "1", "section": "I", "unit": "Trung tâm QLĐĐ", "total": "58.69", "max": "85", "percent": "69.34",
        "grade": "Trung bình"}
    assert row["scores"]["ck1"] is None and row["scores"]["dv2"] == "5.60"
    assert "page" in row


def test_paragraphs_are_repaired_and_counted_once():
    raw = RawDocument(source="a.pdf", format="pdf", blocks=[
        RawParagraph("Kết quả đánh giá chất lƣợng", 0, page=1),
        RawParagraph("ngƣời dân, doanh nghiệp", 1, page=1)])
    report = read_report(raw)
    assert [p.text for p in report.paragraphs] == ["Kết quả đánh giá chất lượng", "người dân, doanh nghiệp"]
    (finding,) = report.read_findings
    assert (finding.code, finding.severity, finding.reported) == ("ENCODING_REPAIRED", "info", "2")


def test_clean_text_leaves_no_repair_finding():
    report = read_path(next(SEEDS.glob("000_*.txt")))
    assert not [f for f in report.read_findings if f.code == "ENCODING_REPAIRED"]


def test_parser_notes_become_reader_findings():
    raw = RawDocument(source="a.xlsx", format="xlsx", blocks=[RawParagraph("Bảng điểm", 0)], notes=[
        RawNote(kind="formula_mismatch", message="Công thức ô P5 cho 58,94 nhưng giá trị lưu là 58,69", table=0,
                row=4, col=15)])
    (finding,) = read_report(raw).read_findings
    assert (finding.code, finding.severity, finding.table, finding.row) == ("FORMULA_MISMATCH", "warning", 0, 4)


def test_legacy_font_text_is_converted_and_reported():
    from reportgen.text.legacy import encode_legacy

    raw = RawDocument(source="a.pdf", format="pdf", blocks=[
        RawParagraph(encode_legacy("Kết quả đánh giá chất lượng", "tcvn3"), 0, legacy_encoding="tcvn3")])
    report = read_report(raw)
    assert report.paragraphs[0].text == "Kết quả đánh giá chất lượng"
    (finding,) = report.read_findings
    assert finding.code == "ENCODING_REPAIRED" and "TCVN3" in finding.message


def test_the_prose_form_is_read_into_the_report_seed_002():
    """The appendix's "Kèm theo" line, the Nơi nhận list and the numbered
    headings are fields of the Report: the rules on form read them there."""
    report = read_path(next(SEEDS.glob("002_*.txt")))
    (ref,) = report.annex_refs
    assert (ref.doc_type, ref.number, ref.day, ref.month, ref.year, ref.paragraph.index) == (
        "BC", "405/BC-UBND", "17", "8", "2023", 41)
    assert [(line.text, line.paragraph.index) for line in report.recipient_lines] == [
        ("- Văn phòng UBND tỉnh;", 30), ("- Lãnh đạo UBND huyện;", 31),
        ("- Các phòng, ban, cơ quan, đơn vị huyện;", 32), ("- UBND các xã thuộc huyện;", 33), ("- Lưu: VT.", 34)]
    assert [(head.statement.label, head.numbers) for head in report.sections] == [
        ("1", (1,)), ("1.1", (1, 1)), ("1.2", (1, 2)), ("2", (2,)), ("2", (2,)), ("3", (3,))]


def test_a_report_of_paragraphs_reads_its_prose_as_a_document_does():
    lines = ["1. Kết quả", "3. Tồn tại", "Nơi nhận:", "- Như trên;", "- Lưu: VT, KSTT.",
             "(Kèm theo Công văn số 1986/UBND-KSTT ngày 08 tháng 3 năm 2023 của UBND tỉnh)"]
    report = report_of_paragraphs([Paragraph(t, i) for i, t in enumerate(lines)], source="x")
    assert [(h.statement.label, h.numbers) for h in report.sections] == [("1", (1,)), ("3", (3,))]
    assert [line.text for line in report.recipient_lines] == ["- Như trên;", "- Lưu: VT, KSTT."]
    assert [(r.doc_type, r.number, r.issuer) for r in report.annex_refs] == [("CV", "1986/UBND-KSTT", "UBND tỉnh")]
    assert (report.meta.doc_type, report.meta.number) == ("CV", "1986/UBND-KSTT")  # restored from the annex line
