"""A grade count's paragraph opens a list of its units only when its last
sentence ends with a colon and says a grade ("06 cơ quan xếp loại Xuất
sắc, gồm:"); a PDF paragraph that runs on into "Nơi nhận:" opens no list:
the recipients are no units (hold-out h-new30: a warning named "Văn phòng
Chính phủ" among the units graded Trung bình)."""
from __future__ import annotations

from reportgen.read import read_path

HEAD = "UBND HUYỆN LÂM HÀ\n\nTHÔNG BÁO\nKết quả năm 2025\n\n"


def _units(tmp_path, text):
    path = tmp_path / "tb.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    return [st.units for st in read_path(path).statements if st.kind == "grade_count" and st.units]


def test_a_list_of_the_units_graded(tmp_path):
    assert _units(tmp_path, "Có 02 xã xếp loại Trung bình, gồm:\n- Xã Phúc Thọ;\n- Xã Tân Hà.\n") == [
        ["Xã Phúc Thọ", "Xã Tân Hà"]]


def test_the_recipients_after_a_paragraph_run_on_into_noi_nhan_are_no_units(tmp_path):
    text = ("Kết quả xếp loại: 03 xã đạt loại Tốt và 02 xã đạt loại Trung bình. Đề nghị các xã rà soát. Nơi nhận:\n"
            "- Văn phòng Chính phủ;\n- Thường trực Tỉnh ủy;\n")
    assert _units(tmp_path, text) == []
