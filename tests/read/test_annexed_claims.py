"""Claims whose figures the document says lie in an annex it does not hold
(read.statements_annex), scales a rule sets (read.statements_external), and
listed sums whose whole is a band's count (read.statements_lists): what the
reader decides from the text's structure, on sentences of the real reports."""
from __future__ import annotations

from decimal import Decimal as D

from reportgen.model import Paragraph
from reportgen.read.statements import read_statements


def _read(*lines: str):
    return read_statements([Paragraph(text=t, index=i) for i, t in enumerate(lines)])


def _marked(*lines: str) -> list[tuple[str, str | None]]:
    """(figure, what its whole is) of the lone figures and x/y of the text."""
    return [(st.text, st.external and str(st.external)) for st in _read(*lines)
            if (st.kind == "percent" and st.claim) or st.kind in ("fraction", "grade_count", "score")]


# bc36, section 1.1.1: the field's statistics, the bands, then the annex the section's detail is in
FIELD = ["1.1.1. Công tác chỉ đạo điều hành CCHC",
         "a) Kết quả:",
         "Chỉ số trung bình về công tác chỉ đạo điều hành CCHC các sở, ngành đạt 61,69%; chỉ số cao nhất "
         "là 93,10% và thấp nhất là 16,00%. Trong đó:",
         "- Có 3/15 đơn vị có chỉ số đạt từ 80% trở lên, chiếm tỷ lệ 20,00%;",
         "(Kết quả điểm thẩm định, đánh giá ở các nội dung công tác chỉ đạo điều hành CCHC của sở, ban, "
         "ngành tại Phụ lục I đính kèm).",
         "b) Một số hạn chế của các đơn vị qua kết quả đánh giá:",
         "- Kết quả của lĩnh vực này chỉ có 01 địa phương có kết quả thấp (Chỉ số đạt 50%): Xã Vĩnh Hảo.",
         "1.1.2. Cải cách thể chế",
         "Kết quả: Chỉ số trung bình về cải cách thể chế các sở, ngành đạt 94,62%."]


def test_a_section_closed_by_an_annex_the_document_lacks_sends_its_lone_figures_there():
    marked = _marked(*FIELD)
    assert ("61,69%", "phụ lục gửi kèm") in marked
    assert ("93,10%", "phụ lục gửi kèm") in marked
    assert ("16,00%", "phụ lục gửi kèm") in marked
    assert ("50%", "phụ lục gửi kèm") in marked  # a unit's figure after the reference, same section
    # the next section names no annex: its figure stays a claim to check
    assert ("94,62%", None) in marked


def test_an_annex_the_document_holds_sends_nothing_outside():
    marked = _marked(*FIELD, "Nơi nhận:", "- Như trên;", "Phụ lục I",
                     "KẾT QUẢ ĐÁNH GIÁ CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC NĂM 2025")
    assert ("61,69%", None) in marked and ("50%", None) in marked


def test_an_unnumbered_annex_named_by_what_it_holds():
    # seed 001: "(Phụ lục tỷ lệ số hóa hồ sơ đính kèm)." after the province's rate
    marked = _marked("3. Về kết quả khắc phục đối với 02 chỉ số thành phần",
                     "- Đối với chỉ số số hóa hồ sơ thủ tục hành chính. Tỉnh đạt tỷ lệ 68,5%.",
                     "(Phụ lục tỷ lệ số hóa hồ sơ đính kèm).",
                     "4. Về kết quả xử lý và trả kết quả hồ sơ TTHC",
                     "Tỉnh đạt tỷ lệ 97,5%.")
    assert marked == [("68,5%", "phụ lục gửi kèm"), ("97,5%", None)]


def test_a_form_that_opens_a_part_covers_it_to_the_next_heading_as_high():
    # seed 003: "Kết quả tổng hợp như sau: (Biểu kèm theo)" under "II. CẤP HUYỆN"
    marked = _marked("II. CẤP HUYỆN",
                     "Kết quả tổng hợp như sau: (Biểu kèm theo)",
                     "1. Xếp loại Bộ phận một cửa:",
                     "- 12/12 BPMC cấp huyện xếp loại Hoàn thành xuất sắc nhiệm vụ.",
                     "2. Xếp loại công chức BPMC:",
                     "- 98/98 công chức hoàn thành 100% nhiệm vụ.",
                     "III. CẤP XÃ",
                     "- 632/632 Công chức Hoàn thành 100% nhiệm vụ")
    assert [m for m in marked if m[0].startswith("12/12")] and all(
        why == "phụ lục gửi kèm" for figure, why in marked if figure.startswith(("12/12", "98/98")))
    assert all(why is None for figure, why in marked if figure.startswith("632/632"))


def test_a_scale_a_decision_sets_is_a_figure_of_the_rule():
    marked = _marked("Theo Quyết định số 1234/QĐ-UBND ngày 08/9/2025 của Chủ tịch UBND tỉnh phê duyệt thang điểm "
                     "của phần đánh giá qua kết quả thực hiện CCHC đối với UBND cấp xã là 74/100 điểm.",
                     "Điểm số trung bình của cấp xã đạt 10,564/15 điểm.")
    assert ("74/100", "thang điểm quy định") in marked
    assert ("10,564/15", None) in marked


def test_a_band_count_listed_by_level_is_a_sum_with_a_bracketed_part_left_inside_its_item():
    # seed 001: the band's percent stands between the whole and "gồm:"; a count in brackets is of its item
    sums = [(st.whole, st.parts) for st in _read(
        "- Tỷ lệ thanh toán trực tuyến: Tỉnh đạt tỷ lệ 40,92%. Có 98 đơn vị đạt tỷ lệ dưới 50%, gồm: cấp tỉnh có "
        "06 đơn vị; cấp huyện, xã có 84 đơn vị (trong đó có 45 đơn vị có tỷ lệ 0% đến dưới 2%); Chi nhánh Văn "
        "phòng đất đai cấp huyện có 08 đơn vị.") if st.kind == "sum"]
    assert sums == [(D(98), [D(6), D(84), D(8)])]
