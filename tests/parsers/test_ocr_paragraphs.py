"""Prose read by OCR with a low confidence is never passed silently: the
paragraph gets an OCR_UNCERTAIN warning pointing at it."""
from __future__ import annotations

from parsers.ocr import low_confidence_notes
from reportgen.raw import RawDocument, RawParagraph
from reportgen.read import note_findings


def _doc(*confidences):
    paragraphs = [RawParagraph(text=f"Có {k + 3}/15 đơn vị xếp loại Tốt, chiếm tỷ lệ 20%.", index=k, page=1,
                               confidence=c) for k, c in enumerate(confidences)]
    return RawDocument(source="scan.pdf", format="pdf", blocks=paragraphs, page_count=1)


def test_low_confidence_paragraph_gives_ocr_uncertain_on_that_paragraph():
    doc = _doc(96.0, 61.5, None)
    notes = low_confidence_notes(doc, 85.0)
    assert [(n.kind, n.data["paragraph"], n.page) for n in notes] == [("ocr_low_confidence", 1, 1)]
    doc.notes += notes
    (finding,) = note_findings(doc)
    assert (finding.code, str(finding.severity), finding.paragraph, finding.page) == (
        "OCR_UNCERTAIN", "warning", 1, 1)
    assert "độ tin cậy 62%" in finding.message and finding.reported.startswith("Có 4/15")


def test_confident_or_text_layer_paragraphs_give_nothing():
    assert low_confidence_notes(_doc(90.0, 85.0, None), 85.0) == []


def test_a_paragraph_cut_by_a_page_break_keeps_the_lower_confidence_of_its_parts():
    """A sentence run over a page break is one paragraph again; its second
    page was read poorly (58 %): joined to a part read at 95 % it still
    gives OCR_UNCERTAIN, not a mean that passes."""
    from parsers.pdf_furniture import join_cut_paragraphs

    head = RawParagraph(text="Kết quả đánh giá cho thấy có 11/15 cơ quan, đơn vị đạt loại Tốt, tăng 2 đơn vị so",
                        index=0, page=1, size=13.0, bold=False, bbox=(85.0, 700.0, 540.0, 760.0), confidence=95.0)
    tail = RawParagraph(text="với năm 2024, chiếm tỷ lệ 73,33%.", index=1, page=2, size=13.0, bold=False,
                        bbox=(85.0, 60.0, 300.0, 75.0), confidence=58.0)
    (joined,) = join_cut_paragraphs([head, tail])
    assert joined.text.endswith("tăng 2 đơn vị so với năm 2024, chiếm tỷ lệ 73,33%.")
    assert joined.confidence == 58.0
    doc = RawDocument(source="scan.pdf", format="pdf", blocks=[joined], page_count=2)
    assert [(n.kind, n.data["confidence"]) for n in low_confidence_notes(doc, 85.0)] == [
        ("ocr_low_confidence", 58.0)]


def test_a_figure_read_poorly_makes_its_paragraph_uncertain():
    """The real scanned notice's header line: its words read at 90-96 %,
    the number '‡92' at 33 % and the day 'A3' at 41 %; the mean by letters
    passes the threshold (85,6 %), the figure does not."""
    from parsers.ocr import _paragraphs

    def w(text, conf, x0):
        return {"text": text, "conf": conf, "x0": x0, "x1": x0 + 10 * len(text), "top": 100, "bottom": 130,
                "block": 1, "par": 1, "line": 1}

    words = [w("Số:", 95.0, 0), w("‡92", 33.0, 50), w("/TB-UBND", 92.0, 100), w("Lâm", 96.0, 200),
             w("Đồng,", 94.0, 250), w("ngày", 96.0, 310), w("A3", 41.0, 360), w("tháng", 96.0, 400)]
    (p,) = _paragraphs(words, 1, 0.24)
    assert (p.text, p.confidence) == ("Số: ‡92 /TB-UBND Lâm Đồng, ngày A3 tháng", 33.0)
    plain = [x for x in words if not any(ch.isdecimal() for ch in x["text"])]
    (q,) = _paragraphs(plain, 1, 0.24)
    assert q.confidence == 94.4  # no figure: the mean by letters
