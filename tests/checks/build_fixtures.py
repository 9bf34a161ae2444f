"""Build the per-rule fixtures of tests/checks/<rule-name>/: a good input the
rule has nothing to say about and a bad input with one planted slip for it.

    python3 tests/checks/build_fixtures.py

Each fixture is a whole small report (text or Markdown tables), made from a
base document by one change, so a reader sees exactly what the rule catches.
The expected findings (expected.json) are written by the snapshot test
(``REPORTGEN_UPDATE_SNAPSHOTS=1 python3 -m pytest tests/checks/test_rule_fixtures.py``)
and reviewed like code.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = (HERE / "base_xa_phuong.txt").read_text(encoding="utf-8")  # a commune BC with no slip

HEAD = """UBND HUYỆN MƯỜNG ẢNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG HĐND VÀ UBND\tĐộc lập - Tự do - Hạnh phúc
Số: 405/BC-UBND\tMường Ảng, ngày 17 tháng 8 năm 2023

BÁO CÁO
Kết quả giải quyết thủ tục hành chính tháng 7 năm 2023

"""
TAIL = """
Nơi nhận:
- UBND tỉnh;
- Lưu: VT, VP.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Minh
"""


def doc(body: str, tail: str = TAIL) -> str:
    return HEAD + body.strip() + "\n" + tail


def base(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


SUM = "1. Kết quả\nTrong tháng, tiếp nhận tổng số 120 hồ sơ (80 hồ sơ trực tuyến, {b} hồ sơ trực tiếp)."
FRACTION_PARTS = ("1. Công tác kiểm tra\nTrong năm, đã tổ chức kiểm tra 42/139 cơ quan, đơn vị, đạt tỷ lệ 30% "
                  "({n}/15 sở, ngành và 38/124 UBND cấp xã).")
RAISED = ("1. Cải cách tài chính công\nTổng thu ngân sách đến ngày 05/8/2023 đạt 2.353,6 tỷ đồng, bằng 98,44% dự toán "
          "Trung ương và bằng {p}% so với chỉ tiêu phấn đấu tăng thu 25% so với dự toán Trung ương giao.")
GRADES_OK = ("Kết quả: 07 xã, phường xếp loại Tốt: Xã Hợp Thành, Xã Tả Phìn, Phường Lào Cai, Xã A Mú Sung, "
             "Xã Gia Phú, Xã Y Tý, Xã Bát Xát.")
SHARES = ("1. Kết quả giải quyết\nTổng số hồ sơ tiếp nhận 13.597 hồ sơ. Số hồ sơ đã giải quyết 12.490 hồ sơ, "
          "chiếm {p}%. Hồ sơ đang giải quyết 1.107 hồ sơ, chiếm 8,14%.")
DATA = """1. Kết quả tiếp nhận hồ sơ
Chi tiết tại bảng sau.

| STT | Đơn vị | Tổng số hồ sơ | Trực tuyến | Trực tiếp |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 120 | 80 | 40 |
| 2 | Xã Ẳng Cang | 95 | 60 | 35 |
| 3 | Xã Ẳng Tở | 88 | 50 | 38 |
| 4 | Xã Búng Lao | 70 | 41 | 29 |
| 5 | Xã Xuân Lao | 64 | 40 | 24 |
| 6 | Xã Mường Đăng | 52 | 30 | 22 |
| 7 | Xã Nặm Lịch | 47 | 25 | 22 |
| 8 | Xã Ngối Cáy | 41 | 21 | 20 |
"""
TOTAL_ROW = """1. Kết quả tiếp nhận hồ sơ

| STT | Lĩnh vực | Số hồ sơ |
|---|---|---|
| 1 | Hộ tịch | 310 |
| 2 | Đất đai | 145 |
| 3 | Chứng thực | 220 |
| | Tổng cộng | 675 |
"""
CHANGES = """1. Chỉ số cải cách hành chính của các xã

| STT | Đơn vị | Chỉ số năm 2023 | Chỉ số năm 2022 | Tăng/giảm |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 86,35 | 82,10 | +4,25 |
| 2 | Xã Ẳng Cang | 78,40 | 80,15 | -1,75 |
| 3 | Xã Búng Lao | 91,20 | 88,60 | +2,60 |
| 4 | Xã Xuân Lao | 66,75 | 61,20 | +5,55 |
"""
# Each commune takes three rows, its name written on the first (merged down the block in a Word table).
PERIOD_BLOCKS = """1. Hồ sơ thủ tục hành chính tiếp nhận, giải quyết của các xã tháng 7 so với tháng 6 năm 2023

| STT | Đơn vị | Kỳ | Tiếp nhận | Trực tuyến | Trực tiếp | Đúng hạn |
|---|---|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | Tháng 6 | 412 | 268 | 144 | 405 |
| | | Tháng 7 | 455 | 301 | 154 | 450 |
| | | Tăng (+), giảm (-) | +43 | +33 | +10 | +45 |
| 2 | Xã Ẳng Cang | Tháng 6 | 356 | 190 | 166 | 350 |
| | | Tháng 7 | 341 | 198 | 143 | 339 |
| | | Tăng (+), giảm (-) | -15 | +8 | -23 | -11 |
| 3 | Xã Búng Lao | Tháng 6 | 289 | 121 | 168 | 289 |
| | | Tháng 7 | 317 | 150 | 167 | 316 |
| | | Tăng (+), giảm (-) | +28 | +29 | -1 | +27 |
| | Toàn huyện | Tháng 6 | 1.057 | 579 | 478 | 1.044 |
| | | Tháng 7 | 1.113 | 649 | 464 | 1.105 |
| | | Tăng (+), giảm (-) | +56 | +70 | -14 | +61 |
"""
KIND_BLOCKS = """1. Hồ sơ thủ tục hành chính theo cấp giải quyết của các huyện năm 2023

| STT | Đơn vị | Cấp | Tiếp nhận | Đã giải quyết | Đúng hạn |
|---|---|---|---|---|---|
| 1 | Huyện Mường Ảng | Cấp huyện | 4.210 | 4.105 | 4.011 |
| | | Cấp xã | 12.874 | 12.650 | 12.602 |
| | | Cộng | 17.084 | 16.755 | 16.613 |
| 2 | Huyện Tuần Giáo | Cấp huyện | 3.366 | 3.301 | 3.250 |
| | | Cấp xã | 9.415 | 9.388 | 9.377 |
| | | Cộng | 12.781 | 12.689 | 12.627 |
| 3 | Huyện Tủa Chùa | Cấp huyện | 2.957 | 2.940 | 2.902 |
| | | Cấp xã | 8.102 | 8.064 | 8.050 |
| | | Cộng | 11.059 | 11.004 | 10.952 |
"""
QUARTERS = """1. Chỉ số phục vụ người dân, doanh nghiệp của các xã 9 tháng năm 2023

| STT | Đơn vị | Quý I | Quý II | Quý III | Bình quân 3 quý |
|---|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 91,20 | 93,45 | 94,10 | 92,92 |
| 2 | Xã Ẳng Cang | 78,35 | 80,10 | 82,95 | 80,47 |
| 3 | Xã Búng Lao | 85,60 | 84,20 | 88,75 | 86,18 |
| 4 | Xã Xuân Lao | 72,15 | 75,80 | 79,45 | 75,80 |
"""
GRADE_WORDS = """1. Chỉ số cải cách hành chính của các xã

| STT | Đơn vị | Chỉ số (tối đa 100) | Xếp loại |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 91,35 | XS |
| 2 | Xã Ẳng Cang | 78,40 | K |
| 3 | Xã Búng Lao | 84,20 | T |
| 4 | Xã Xuân Lao | 56,75 | TB |

Ghi chú: {legend}
"""
LEGEND = ("XS - Xuất sắc (từ 90 điểm trở lên); T - Tốt (từ 80 đến dưới 90 điểm); K - Khá (từ 65 đến dưới 80 điểm); "
          "TB - Trung bình (từ 50 đến dưới 65 điểm); Y - Yếu (dưới 50 điểm).")
TWO_SCORES = """1. Kết quả chấm điểm cải cách hành chính của các xã

| STT | Đơn vị | Điểm tự chấm | Điểm thẩm định | Xếp loại |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 92,0 | 78,0 | {g1} |
| 2 | Xã Ẳng Cang | 70,0 | 83,0 | Tốt |
| 3 | Xã Búng Lao | 60,0 | 72,0 | Khá |
| 4 | Xã Xuân Lao | 75,0 | 55,0 | {g4} |

Ghi chú: Tốt: từ 80 điểm trở lên; Khá: từ 65 đến dưới 80 điểm; Trung bình: từ 50 đến dưới 65 điểm.
"""
RANKED = """1. Tỷ lệ hồ sơ đúng hạn của các xã

| STT | Đơn vị | Tỷ lệ đúng hạn (%) |
|---|---|---|
| 1 | Xã Ẳng Nưa | 99,5 |
| 2 | Xã Ẳng Cang | 98,7 |
| 3 | Xã Ẳng Tở | 97,2 |
| 4 | Xã Búng Lao | 96,8 |
| 5 | Xã Xuân Lao | 95,1 |
| 6 | Xã Mường Đăng | 94,0 |
| 7 | Xã Nặm Lịch | 92,3 |
| 8 | Xã Mường Lạn | 90,6 |
| 9 | Xã Ngối Cáy | 88,2 |
"""
FRACTIONS = """1. Kết quả giải quyết đúng hạn

| STT | Đơn vị | Hồ sơ đúng hạn / tổng số | Ghi chú |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 118/120 | |
| 2 | Xã Ẳng Cang | 90/95 | |
| 3 | Xã Ẳng Tở | 85/88 | |
|  | Tổng cộng | 293/303 | |
"""
SUMMARY = """1. Kết quả Bộ chỉ số của tỉnh

| Stt | Nhóm chỉ số | Điểm |
|---|---|---|
| 1 | Công khai minh bạch | 11,1/18 |
| 2 | Tiến độ giải quyết hồ sơ | 17,6/20 |
| 3 | Dịch vụ công trực tuyến | 7,2/12 |
| 4 | Thanh toán trực tuyến | 9,1/10 |
| 5 | Mức độ hài lòng | 17,9/18 |
| 6 | Số hóa hồ sơ | 15,7/22 |
| | Tổng điểm | 78,6/100 |
"""
UNRELATED = """1. Số thủ tục hành chính theo lĩnh vực

| STT | Lĩnh vực | Số thủ tục |
|---|---|---|
| 1 | Hộ tịch | 38 |
| 2 | Đất đai | 51 |
| 3 | Chứng thực | 12 |
"""
# A rate = on time / received on every row: every figure checked. With a column of
# staff counts beside them that nothing in the table relates to.
RATE_TABLE = """1. Tỷ lệ hồ sơ giải quyết đúng hạn của các xã

| STT | Đơn vị | Hồ sơ tiếp nhận | Hồ sơ đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|---|
| 1 | Xã Thanh Nưa | 120 | 114 | 95,00 |
| 2 | Xã Thanh Luông | 80 | 72 | 90,00 |
| 3 | Xã Noong Hẹt | 200 | 170 | 85,00 |
| 4 | Xã Sam Mứn | 50 | 49 | 98,00 |
"""
RATE_TABLE_STAFF = """1. Tỷ lệ hồ sơ giải quyết đúng hạn của các xã

| STT | Đơn vị | Số cán bộ tiếp nhận | Hồ sơ tiếp nhận | Hồ sơ đúng hạn | Tỷ lệ đúng hạn (%) |
|---|---|---|---|---|---|
| 1 | Xã Thanh Nưa | 3 | 120 | 114 | 95,00 |
| 2 | Xã Thanh Luông | 2 | 80 | 72 | 90,00 |
| 3 | Xã Noong Hẹt | 5 | 200 | 170 | 85,00 |
| 4 | Xã Sam Mứn | 2 | 50 | 49 | 98,00 |
"""
# The self-assessed points only a per-row maximum holds (the index is the appraised points' share of it).
SELF_ASSESSED = """1. Kết quả tự đánh giá và thẩm định

| STT | Đơn vị | Điểm chuẩn tối đa | Điểm tự đánh giá | Điểm thẩm định | Chỉ số (%) |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 88,50 | 85,00 | 82,31 | 93,01 |
| 2 | Sở Tài chính | 87,00 | 80,50 | 74,10 | 85,17 |
| 3 | Sở Y tế | 89,00 | 86,25 | 79,60 | 89,44 |
| 4 | Sở Xây dựng | 88,50 | 70,00 | 66,25 | 74,86 |
"""
# Two periods side by side with the change; the prose counts the units that rose.
ROSE = """1. So sánh kết quả với kỳ trước

| TT | Cơ quan, đơn vị | Tháng 9 | Tháng 10 | Chênh lệch |
|---|---|---|---|---|
| 1 | Sở Văn hóa, Thể thao và Du lịch | 81,55 | 76,91 | -4,64 |
| 2 | Sở Dân tộc và Tôn giáo | 84,00 | 86,19 | +2,19 |
| 3 | Sở Nông nghiệp và Môi trường | 73,61 | 75,36 | +1,75 |
| 4 | Sở Tư pháp | 88,20 | 90,05 | +1,85 |
| 5 | Sở Y tế | 79,40 | 78,12 | -1,28 |

So với kỳ trước, có {n}/5 đơn vị tăng điểm.
"""
# Units as columns beside a per-row maximum; the index row is the total row over its maximum × 100.
FIELDS = """1. Kết quả chỉ số CCHC theo lĩnh vực

| TT | Lĩnh vực | Điểm tối đa | Xã Ea Kao | Phường Tân An | Xã Hòa Phú | Phường Thành Nhất |
|---|---|---|---|---|---|---|
| 1 | Công tác chỉ đạo, điều hành | 9,00 | 7,50 | 8,25 | 6,75 | 8,00 |
| 2 | Cải cách thể chế | 6,00 | 5,00 | 5,50 | 4,25 | 5,75 |
| 3 | Cải cách thủ tục hành chính | 14,50 | 12,00 | 13,25 | 10,50 | 14,00 |
| 4 | Tác động của CCHC | 59,00 | 48,10 | 52,30 | 41,75 | 55,20 |
| | Tổng điểm | 88,50 | 72,60 | 79,30 | 63,25 | 82,95 |
| | Chỉ số (%) | 100,00 | 82,03 | 89,60 | 71,47 | 93,73 |
"""
ANNEX = """1. Kết quả
Chi tiết tại Phụ lục kèm theo.

Phụ lục I
KẾT QUẢ GIẢI QUYẾT HỒ SƠ THÁNG {m} NĂM 2023
(Kèm theo Báo cáo số {no}/BC-UBND ngày {d} tháng 8 năm 2023 của UBND huyện)
"""

DECISION = """UBND TỈNH ĐIỆN BIÊN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 120/QĐ-UBND\tĐiện Biên, ngày 10 tháng 3 năm 2024

QUYẾT ĐỊNH
Công bố kết quả đánh giá chất lượng phục vụ năm 2023

Điều 1. Công bố kết quả đánh giá tại Phụ lục kèm theo.
Điều 2. Quyết định này có hiệu lực từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều {n};
- Lưu: VT, KSTT.
CHỦ TỊCH
Nguyễn Văn A
"""
ANNEXES = """1. Kết quả
Kết quả chi tiết tại Phụ lục I và Phụ lục {n} kèm theo.
""" + TAIL + """
Phụ lục I
KẾT QUẢ GIẢI QUYẾT HỒ SƠ THÁNG 7 NĂM 2023

Phụ lục II
DANH SÁCH HỒ SƠ QUÁ HẠN THÁNG 7 NĂM 2023
"""

PAR = """1. Kết quả Chỉ số cải cách hành chính năm 2025 của các sở
Xếp loại theo chỉ số chung: TỐT ≥ 80; KHÁ: từ 65 đến dưới 80; TRUNG BÌNH: từ 50 đến dưới 65.

| Thứ hạng | Đơn vị | Điểm chuẩn tối đa | Điểm đạt được | Chỉ số chung (%) | Xếp loại |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 89,00 | 82,78 | 93,01% | TỐT |
| 2 | Sở Nội vụ | 87,00 | 78,95 | 90,75% | TỐT |
| 3 | Sở Xây dựng | 87,50 | 78,47 | 89,68% | TỐT |
| 4 | Văn phòng UBND tỉnh | 97,00 | 83,39 | 85,97% | TỐT |
| 5 | Sở Tài chính | 87,00 | 74,10 | 85,17% | TỐT |
| 6 | Sở Y tế | 89,50 | 70,53 | 78,80% | KHÁ |
| 7 | Sở Giáo dục và Đào tạo | 87,50 | 68,92 | 78,77% | KHÁ |
| 8 | Sở Ngoại vụ | 80,50 | 48,65 | 60,43% | TRUNG BÌNH |
| | Chỉ số cao nhất | | | 93,01% | |
| | Chỉ số trung bình | | | 82,82% | |
| | Chỉ số thấp nhất | | | 60,43% | |
"""
COLUMNS = """1. Điểm theo nhóm tiêu chí

| STT | Đơn vị | Nhóm 1 | Nhóm 2 | Nhóm 3 | Tổng điểm |
|---|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 5,5 | 6 | 4 | 15,5 |
| 2 | Xã Ẳng Cang | 4,5 | 7 | 3,5 | 15 |
| 3 | Xã Ẳng Tở | 6 | 5,5 | 4,5 | 16 |
| 4 | Xã Búng Lao | 3 | 6,5 | 5 | 14,5 |
| 5 | Xã Xuân Lao | 5 | 5 | 5 | 15 |
| 6 | Xã Mường Đăng | 2,5 | 4 | 6 | 12,5 |
"""
PARENTS = """1. Văn bản quy phạm pháp luật

| STT | Nội dung | Số lượng |
|---|---|---|
| 1 | Tổng số văn bản ban hành | 249 |
| 1.1 | Cấp tỉnh | 174 |
| 1.2 | Cấp xã | 75 |
| 2 | Số văn bản được kiểm tra | 120 |
| 2.1 | Cấp tỉnh | 80 |
| 2.2 | Cấp xã | 40 |
| 3 | Số văn bản phát hiện sai sót | 12 |
| 3.1 | Cấp tỉnh | 7 |
| 3.2 | Cấp xã | 5 |
"""
MEANS = """1. Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2024

| STT | Nội dung | Chỉ số (%) |
|---|---|---|
| I | Mức độ hài lòng đối với việc cung ứng dịch vụ hành chính công | 82,5 |
| 1 | Mức độ hài lòng đối với tiếp cận dịch vụ | 82,3 |
| 2 | Mức độ hài lòng đối với thủ tục hành chính | 82,8 |
| 3 | Mức độ hài lòng đối với công chức trực tiếp giải quyết công việc | 82,5 |
| 4 | Mức độ hài lòng đối với kết quả dịch vụ | 82,5 |
| 5 | Mức độ hài lòng đối với việc tiếp nhận, xử lý ý kiến góp ý | 82,4 |
| II | Mức độ hài lòng đối với việc xây dựng và tổ chức thực hiện chính sách | 83,4 |
| 1 | Mức độ hài lòng đối với trách nhiệm giải trình | 83,2 |
| 2 | Mức độ hài lòng đối với sự tham gia của người dân | 83,5 |
| 3 | Mức độ hài lòng đối với chất lượng tổ chức thực hiện chính sách | 83,6 |
| 4 | Mức độ hài lòng đối với kết quả tác động của chính sách | 83,2 |
| III | Mức độ hài lòng đối với cơ sở vật chất | 82,8 |
| 1 | Mức độ hài lòng đối với trụ sở | 82,6 |
| 2 | Mức độ hài lòng đối với trang thiết bị | 83,0 |
| IV | Mức độ hài lòng đối với dịch vụ công trực tuyến | 81,9 |
| 1 | Mức độ hài lòng đối với việc truy cập | 82,1 |
| 2 | Mức độ hài lòng đối với việc nộp hồ sơ | 81,6 |
| 3 | Mức độ hài lòng đối với việc nhận kết quả | 81,9 |
"""
ACROSS = """1. Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của UBND cấp huyện

Phụ lục I. XẾP HẠNG UBND CẤP HUYỆN

| Thứ hạng | Đơn vị | Điểm |
|---|---|---|
| 1 | UBND huyện Nam Đông | 62,84 |
| 2 | UBND huyện Quảng Điền | 62,75 |
| 3 | UBND thị xã Hương Trà | 59,79 |
| 4 | UBND huyện Phú Lộc | 56,12 |
| 5 | UBND huyện Phong Điền | 54,53 |

Phụ lục II. ĐIỂM THEO NHÓM CHỈ SỐ

| STT | Đơn vị | Công khai, minh bạch | Tiến độ, kết quả giải quyết | Mức độ hài lòng | Điểm |
|---|---|---|---|---|---|
| 1 | UBND huyện Nam Đông - tỉnh Thừa Thiên Huế | 20,10 | 25,34 | 17,40 | 62,84 |
| 2 | UBND huyện Quảng Điền - tỉnh Thừa Thiên Huế | 21,05 | 24,20 | 17,50 | 62,75 |
| 3 | UBND thị xã Hương Trà - tỉnh Thừa Thiên Huế | 18,40 | 23,99 | 17,40 | 59,79 |
| 4 | UBND huyện Phú Lộc - tỉnh Thừa Thiên Huế | 17,62 | 22,00 | 16,50 | 56,12 |
| 5 | UBND huyện Phong Điền - tỉnh Thừa Thiên Huế | 16,93 | 21,10 | 16,50 | 54,53 |
"""
GRADE_SUMMARY = """1. Kết quả đánh giá các sở, ngành

{bands}

Biểu số 01. KẾT QUẢ CỦA CÁC SỞ, NGÀNH

| STT | Cơ quan, đơn vị | Điểm | Xếp loại |
|---|---|---|---|
| 1 | Sở Tư pháp | 82,45 | Tốt |
| 2 | Sở Công Thương | 91,30 | Xuất sắc |
| 3 | Sở Xây dựng | 76,10 | Khá |
| 4 | Sở Y tế | 88,75 | Tốt |
| 5 | Sở Nội vụ | 64,20 | Trung bình |
| 6 | Sở Tài chính | 84,00 | Tốt |

Biểu số 02. TỔNG HỢP KẾT QUẢ XẾP LOẠI

| Xếp loại | Số đơn vị | Tỷ lệ (%) |
|---|---|---|
| Xuất sắc | 1 | 16,67 |
| Tốt | {good} | {gp} |
| Khá | {fair} | {fp} |
| Trung bình | 1 | 16,67 |
| Yếu | 0 | 0,00 |
| Tổng cộng | 6 | 100,00 |
"""
SUMMARY_BANDS = ("Mức xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90 điểm; Khá từ 70 đến dưới 80 điểm; "
                 "Trung bình từ 50 đến dưới 70 điểm; Yếu dưới 50 điểm.")
ROW_SHARES = """1. Cơ cấu hồ sơ theo hình thức nộp

Biểu 05. CƠ CẤU HỒ SƠ TIẾP NHẬN THEO HÌNH THỨC NỘP (%)

| STT | Cơ quan | Trực tuyến | Trực tiếp | Bưu chính công ích |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 62,40 | 30,15 | 7,45 |
| 2 | Sở Xây dựng | 48,90 | {b} | 6,35 |
| 3 | Sở Y tế | 71,25 | 25,50 | 3,25 |
| 4 | Sở Nội vụ | 55,05 | 40,10 | 4,85 |
"""
RATES = """1. Kết quả cải cách thủ tục hành chính

| STT | Nội dung | Đơn vị tính | Kết quả |
|---|---|---|---|
| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 99,10 |
| 2 | Tỷ lệ hồ sơ trực tuyến | % | 64,20 |
| 3 | Số thủ tục được công bố | Thủ tục | 1.204 |
"""

POINTS = """1. Chỉ số Công khai, minh bạch của các xã

| STT | Đơn vị | Tỷ lệ (%) | Điểm đạt (Tối đa 6 điểm) |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 71,96 | 4,32 |
| 2 | Xã Ẳng Cang | 50,00 | 3,00 |
| 3 | Xã Ẳng Tở | 90,50 | 5,43 |
| 4 | Xã Búng Lao | 100 | 6,00 |
| 5 | Xã Xuân Lao | 25,00 | 1,50 |
"""

RATIO_PARENTS = """1. Kết quả giải quyết hồ sơ

| STT | Nội dung | Đơn vị tính | Kết quả |
|---|---|---|---|
| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 99,11 |
| 1.1 | Tổng số hồ sơ đã giải quyết | Hồ sơ | 195.197 |
| 1.2 | Số hồ sơ giải quyết đúng hạn | Hồ sơ | 193.457 |
| 2 | Tỷ lệ hồ sơ trực tuyến | % | 64,20 |
| 2.1 | Tổng số hồ sơ tiếp nhận | Hồ sơ | 200.000 |
| 2.2 | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | 128.400 |
| 3 | Tỷ lệ thủ tục có phát sinh hồ sơ | % | 75,00 |
| 3.1 | Tổng số thủ tục | Thủ tục | 1.200 |
| 3.2 | Số thủ tục có phát sinh hồ sơ | Thủ tục | 900 |
| 4 | Tỷ lệ phản ánh được xử lý | % | 96,00 |
| 4.1 | Tổng số phản ánh | Phản ánh | 250 |
| 4.2 | Số phản ánh đã xử lý | Phản ánh | 240 |
| 5 | Tỷ lệ thủ tục trực tuyến toàn trình | % | 40,00 |
| 5.1 | Tổng số thủ tục | Thủ tục | 1.200 |
| 5.2 | Số thủ tục trực tuyến toàn trình | Thủ tục | 480 |
"""

# rule name → (good, bad)
RESTATED = ("1. Kết quả chung\nTính đến ngày 31/7/2023, cấp xã có 10/12 xã xếp loại Tốt, 02/12 xã xếp loại Khá.\n"
            "2. Kết quả của cấp xã\nĐối với cấp xã, tính đến ngày 31/7/2023, có {n} đơn vị xếp loại Tốt và 02 đơn vị "
            "xếp loại Khá.")
FIGURES = ("1. Kết quả\nTính đến ngày 31/7/2023, tỷ lệ hồ sơ giải quyết đúng hẹn toàn huyện đạt 97,4%.\n"
           "2. Tồn tại\nTính đến ngày 31/7/2023, tỷ lệ hồ sơ giải quyết đúng hẹn toàn huyện mới đạt {p}%, "
           "chưa đạt chỉ tiêu 98%.")
STATS = """1. Kết quả đánh giá các xã
Chỉ số trung bình của các xã đạt {avg}%; cao nhất là 95,10% (Xã Ẳng Nưa), thấp nhất là 78,00% (Xã Xuân Lao).
Kết quả cụ thể như sau:

| STT | Đơn vị | Điểm đạt được | Chỉ số (%) |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 95,10 | 95,10 |
| 2 | Xã Ẳng Cang | 90,00 | 90,00 |
| 3 | Xã Ẳng Tở | 86,20 | 86,20 |
| 4 | Xã Búng Lao | 83,45 | 83,45 |
| 5 | Xã Xuân Lao | 78,00 | 78,00 |
"""
LISTED = STATS.replace("Chỉ số trung bình của các xã đạt {avg}%; cao nhất là 95,10% (Xã Ẳng Nưa), thấp nhất là "
                       "78,00% (Xã Xuân Lao).", "Có {n}/5 xã có chỉ số đạt từ 90% trở lên: Xã Ẳng Nưa và Xã Ẳng Cang.")
NAMED = """1. Kết quả
| STT | Đơn vị | Công khai, minh bạch | Thanh toán trực tuyến (tối đa 10 điểm) |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 16,00 | 5,00 |
| 2 | Xã Ẳng Cang | 15,50 | 6,00 |
| 3 | Xã Ẳng Tở | 17,00 | 5,80 |

2. Tồn tại, hạn chế
- Thanh toán trực tuyến (tối đa 10 điểm) còn thấp: bình quân đạt {p}% số điểm tối đa.
"""
UNIT_FIGURES = """1. Kết quả đánh giá các xã
Xã Ẳng Nưa dẫn đầu với 95,10%, xếp loại Xuất sắc; xã Búng Lao đạt {p}%, xếp thứ 4; thấp nhất là Xã Xuân Lao (78,00%).
Kết quả cụ thể như sau:

| STT | Đơn vị | Điểm đạt được | Chỉ số (%) | Xếp loại |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 95,10 | 95,10 | Xuất sắc |
| 2 | Xã Ẳng Cang | 90,00 | 90,00 | Xuất sắc |
| 3 | Xã Ẳng Tở | 86,20 | 86,20 | Tốt |
| 4 | Xã Búng Lao | 83,45 | 83,45 | Tốt |
| 5 | Xã Xuân Lao | 78,00 | 78,00 | Khá |
"""
BAND_COUNTS = """1. Kết quả đánh giá các xã
Kết quả: có {a}/5 xã có chỉ số đạt từ 85% trở lên, chiếm tỷ lệ {p}%.
Kết quả cụ thể như sau:

| STT | Đơn vị | Điểm đạt được | Chỉ số (%) |
|---|---|---|---|
| 1 | Xã Ẳng Nưa | 95,10 | 95,10 |
| 2 | Xã Ẳng Cang | 90,00 | 90,00 |
| 3 | Xã Ẳng Tở | 86,20 | 86,20 |
| 4 | Xã Búng Lao | 83,45 | 83,45 |
| 5 | Xã Xuân Lao | 78,00 | 78,00 |
"""
STAT_BANDS = """1. Kết quả đánh giá các xã
Chỉ số trung bình của các xã đạt {avg}%; cao nhất là 95,10% và thấp nhất là 78,00%. Trong đó:
- Có 3/5 xã có chỉ số đạt từ 85% trở lên;
- Có 2/5 xã có chỉ số đạt dưới 85%.
"""
TOTAL_POINTS = """1. Kết quả thẩm định
Tổng điểm tự đánh giá của Sở Xây dựng đạt {x}/68,5 điểm.

| STT | Tiêu chí | Điểm chuẩn | Điểm tự đánh giá | Điểm thẩm định |
|---|---|---|---|---|
| 1 | Cải cách thủ tục hành chính | 40 | 35,63 | 28,591 |
| 2 | Mức độ hài lòng của người dân | 28,5 | 25 | 20 |
|  | TỔNG ĐIỂM | 68,5 | 60,63 | 48,591 |
"""
CHANGE_PERCENT = """1. Tiếp nhận hồ sơ
So với cùng kỳ năm 2024 (tiếp nhận 9.808 hồ sơ), số hồ sơ tiếp nhận tăng {d} hồ sơ, tương ứng tăng 1,22%.
"""
BAND_SPLIT = """1. Kết quả đánh giá các xã
Có {a}/6 xã đạt từ 80 điểm trở lên; 02/6 xã đạt dưới 80 điểm.
"""
RATE_ROW = """1. Kết quả giải quyết hồ sơ
Tỷ lệ hồ sơ giải quyết đúng hạn đạt {p}%.

| STT | Chỉ tiêu | Đơn vị tính | Số liệu |
|---|---|---|---|
| 1 | Tổng số hồ sơ đã giải quyết | Hồ sơ | 1.200 |
| 2 | Số hồ sơ giải quyết đúng hạn | Hồ sơ | 1.182 |
| 3 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | 98,50 |
"""
# Three provinces' PCI 2024 sub-indices side by side, each with its rank among the 63
# (ld-chiso-bc184-snv.docx): across a row, the higher score has the better rank.
PEERS = """1. Chỉ số PCI năm 2024 của ba tỉnh

{head}
|---|---|---|---|---|---|---|---|
| 1 | Chi phí gia nhập thị trường | 6,74 | 58/63 | 7,68 | 38/63 | 8,78 | 2/63 |
| 2 | Tiếp cận đất đai và sự ổn định trong sử dụng đất | 6,22 | 49/63 | 6,62 | 30/63 | 6,71 | 24/63 |
| 3 | Tính minh bạch và tiếp cận thông tin | 6,19 | 52/63 | 6,84 | 15/63 | 6,91 | 13/63 |
| 4 | Chi phí thời gian để thực hiện các quy định của Nhà nước | 7,75 | 19/63 | 7,19 | 45/63 | 8,20 | 6/63 |
| 5 | Chi phí không chính thức | 6,78 | 32/63 | 6,71 | 36/63 | 7,26 | 10/63 |
| 6 | Cạnh tranh bình đẳng | 5,97 | 29/63 | 5,63 | 39/63 | 5,85 | 32/63 |
""".replace("{head}", "| STT | Chỉ số thành phần | " + " | ".join(
    f"{p} {x}" for p in ("Lâm Đồng", "Đắk Nông", "Bình Thuận") for x in ("Điểm số", "Thứ hạng")) + " |")


# The prose restates the overall row's figures of the year it names; the table dates its columns.
RESTATED_PCI = """1. Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)
PCI năm 2025 đạt 66,17 điểm, xếp thứ {r}/63; năm 2024 đạt 66,80 điểm, xếp thứ 55/63.

Kết quả PCI 2024 - 2025

| STT | Chỉ số thành phần | Năm 2024 | Năm 2025 | Tăng/giảm (điểm) | Thứ hạng 2024 | Thứ hạng 2025 |
|---|---|---|---|---|---|---|
| 1 | Chi phí gia nhập thị trường | 8,25 | 8,53 | +0,28 | 33 | 3 |
| 2 | Tiếp cận đất đai | 6,57 | 6,74 | +0,17 | 46 | 13 |
| 3 | Tính minh bạch | 7,25 | 7,01 | -0,24 | 61 | 21 |
| 4 | Chi phí thời gian | 5,63 | 5,58 | -0,05 | 35 | 2 |
| | PCI (có trọng số) | 66,80 | 66,17 | -0,63 | 55 | 43 |
"""


# The period's total of new dossiers said three times (h-prose4 shape); a channel list beside it.
DOSSIER_TOTALS = """1. Tình hình tiếp nhận hồ sơ
Tiếp nhận mới 17.493 hồ sơ.

2. Kết quả giải quyết hồ sơ
Số hồ sơ tiếp nhận mới là 17.493 hồ sơ. Đã giải quyết 15.269 hồ sơ.

3. Đánh giá chung
Trong kỳ đã tiếp nhận mới {n} hồ sơ.
"""


CUMULATIVE = """1. Lũy kế từ đầu năm
Số hồ sơ mới tiếp nhận theo từng kỳ từ đầu năm: tháng 1: 4.093 hồ sơ, tháng 2: 4.121 hồ sơ, tháng 3 (kỳ này): \
3.784 hồ sơ. Lũy kế từ đầu năm đến nay, tiếp nhận {n} hồ sơ.
"""


# A unit's score sheet of criteria with a per-row maximum and a total row (rules on PAR sheets).
SHEET_TABLE = """BẢNG CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025
| STT | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | Điểm thẩm định |
|---|---|---|---|---|
| 1 | Công tác chỉ đạo, điều hành | 40 | 32,25 | 31,00 |
| 2 | Cải cách thủ tục hành chính | 55 | 45,00 | 43,00 |
|  | Tổng điểm | 95 | 77,25 | 74,00 |
"""


SHEET = """1. Kết quả chấm điểm
Kết quả thẩm định, đơn vị đạt 74,00/95 điểm (tự đánh giá 77,25 điểm), tương ứng Chỉ số CCHC đạt {pct}%.

""" + SHEET_TABLE + """|  | Chỉ số CCHC (%) |  |  | {row} |
"""


SHEET_TOTALS = """1. Kết quả chấm điểm
Tổng điểm tự đánh giá đạt 77,25/95 điểm. Qua thẩm định, tổng điểm thẩm định là {t} điểm, giảm {d} điểm so với điểm tự \
đánh giá.

""" + SHEET_TABLE


DOSSIER_FLOW = """1. Tiếp nhận hồ sơ
Tổng số hồ sơ phải giải quyết trong tháng là 2.468 hồ sơ, trong đó: kỳ trước chuyển sang 168 hồ sơ, mới tiếp nhận \
2.300 hồ sơ.

2. Kết quả giải quyết
Đã giải quyết 2.300 hồ sơ, trong đó đúng hạn 2.277 hồ sơ, quá hạn 23 hồ sơ. Đang giải quyết {n} hồ sơ.
"""


POINTS_NAMED = """1. Kết quả Bộ chỉ số
Tỉnh đạt: {t}/100 điểm. Một số tiêu chí đạt thấp như: Công khai minh bạch đạt {c}/18 điểm; Dịch vụ công trực tuyến \
đạt 3,0/12 điểm; Thanh toán trực tuyến đạt 2,5/10 điểm.

Phụ lục I. KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP

| STT | Nội dung | Điểm của tỉnh | Điểm trung bình cả nước |
|---|---|---|---|
| I | Chỉ số tổng hợp | 54,1/100 | 53,5/100 |
| 1 | Công khai, minh bạch | 8,8/18 | 6,4/18 |
| 2 | Tiến độ, kết quả giải quyết | 15,6/20 | 17,6/20 |
| 3 | Dịch vụ công trực tuyến | 3,0/12 | 3,7/12 |
| 4 | Thanh toán trực tuyến | 2,5/10 | 2,7/10 |
| 5 | Mức độ hài lòng | 16,1/18 | 16,8/18 |
| 6 | Số hóa hồ sơ | 8,1/22 | 6,5/22 |
"""
TOTAL_NAMED = """1. Kết quả giải quyết hồ sơ
Số hồ sơ đã giải quyết là {n} hồ sơ.

| STT | Đơn vị | Tiếp nhận | Trực tiếp | Trực tuyến | Đã giải quyết |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 6.960 | 3.000 | 3.960 | 6.200 |
| 2 | Sở Y tế | 6.637 | 3.474 | 3.163 | 6.290 |
| | Tổng cộng | 13.597 | 6.474 | 7.123 | 12.490 |
"""
FRACTION_TOTAL = """1. Kết quả giải quyết hồ sơ
Các đơn vị đã giải quyết {x}/12.490 hồ sơ đúng hạn.

| STT | Đơn vị | Đã giải quyết | Trước hạn và đúng hạn | Quá hạn |
|---|---|---|---|---|
| 1 | Sở Tư pháp | 6.200 | 6.150 | 50 |
| 2 | Sở Y tế | 6.290 | 6.201 | 89 |
| | Tổng cộng | 12.490 | 12.351 | 139 |
"""
DETAIL_GROUPS = """1. Kết quả Bộ chỉ số của Sở Tài chính

ĐIỂM TỔNG HỢP – SỞ TÀI CHÍNH

| STT | Nhóm chỉ tiêu | Chỉ số | Đơn vị | Điểm đánh giá |
|---|---|---|---|---|
| 1 | Tổng hợp | Điểm chất lượng quản trị công | Sở Tài chính | 78,62 / 100 |
| 2 | Tổng hợp | Điểm công khai minh bạch | Sở Tài chính | 18/18 |
| 3 | Tổng hợp | Điểm dịch vụ trực tuyến | Sở Tài chính | 17 / 22 |
| 4 | Tổng hợp | Điểm mức độ hài lòng | Sở Tài chính | {h} / 18 |
| 5 | Tổng hợp | Điểm số hóa hồ sơ | Sở Tài chính | 8,8 / 22 |
| 6 | Tổng hợp | Điểm tiến độ giải quyết | Sở Tài chính | 17,1 / 20 |

ĐIỂM THÀNH PHẦN

| STT | Nhóm chỉ tiêu | Chỉ số | Đơn vị | Tỷ lệ % | Điểm đánh giá |
|---|---|---|---|---|---|
| 1 | Dịch vụ công trực tuyến | Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ | Sở Tài chính | 100 | 4 |
| 2 | Dịch vụ công trực tuyến | Tỷ lệ hồ sơ TTHC theo hình thức nộp hồ sơ | Sở Tài chính | 53,68 | 6 |
| 3 | Thanh toán trực tuyến | Tỷ lệ TTHC có giao dịch thanh toán trực tuyến | Sở Tài chính | 100 | 2 |
| 4 | Thanh toán trực tuyến | Tỷ lệ hồ sơ thanh toán trực tuyến | Sở Tài chính | 49,83 | 2,99 |
| 5 | Thanh toán trực tuyến | Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán | Sở Tài chính | 100 | 2 |
| 6 | Mức độ hài lòng | Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC | Sở Tài chính | 85,56 | 5,7 |
| 7 | Mức độ hài lòng | Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị | Sở Tài chính | 100 | 6 |
| 8 | Mức độ hài lòng | Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn | Sở Tài chính | 100 | 6 |
"""
RATE_NAMED = """1. Kết quả giải quyết hồ sơ
Trong kỳ, tỷ lệ giải quyết đúng hạn và trước hạn đạt {p}.

| STT | Lĩnh vực | Tổng số hồ sơ đã giải quyết | Trước hạn | Đúng hạn | Quá hạn |
|---|---|---|---|---|---|
| 1 | Đất đai | 1.000 | 600 | 390 | 10 |
| 2 | Tư pháp - Hộ tịch | 1.002 | 608 | 377 | 17 |
| | Tổng cộng | 2.002 | 1.208 | 767 | 27 |
"""
LEVEL_COLUMNS = """I. KẾT QUẢ CHUNG
Kết quả giải quyết hồ sơ theo từng cấp như sau:
| Chỉ tiêu | Cấp tỉnh | Cấp xã | Toàn tỉnh |
|---|---|---|---|
| Số hồ sơ đã giải quyết | 29.638 | 12.775 | 42.413 |
| Giải quyết đúng hạn | 29.190 | 12.622 | 41.812 |
| Tỷ lệ đúng hạn (%) | 98,49 | 98,80 | 98,58 |

II. CẤP TỈNH
Các cơ quan cấp tỉnh đã giải quyết 29.638 hồ sơ, tỷ lệ giải quyết đúng hạn {p}%."""

PERIOD_COUNTS = """1. Kết quả
Riêng tháng 9 tiếp nhận {n} hồ sơ.

Biểu: SỐ HỒ SƠ TIẾP NHẬN THEO THÁNG
| STT | Đơn vị | Tháng 7 | Tháng 8 | Tháng 9 | Lũy kế quý |
|---|---|---|---|---|---|
| 1 | Sở Tài chính | 938 | 896 | 1.000 | 2.834 |
| 2 | Công an tỉnh | 549 | 634 | 660 | 1.843 |
|  | Tổng cộng | 1.487 | 1.530 | 1.660 | 4.677 |"""

INDICATORS = """1. Kết quả theo chỉ số
Tỷ lệ trung bình của chỉ số 4.2 đạt {m}%; có {f}/4 đơn vị đạt điểm tối đa ở chỉ số 3.1.

| STT | Đơn vị | Chỉ số 3.1 - Tỷ lệ (%) | Chỉ số 3.1 - Điểm (tối đa 4đ) | Chỉ số 4.2 - Tỷ lệ (%) \
| Chỉ số 4.2 - Điểm (tối đa 4đ) | Tổng điểm (tối đa 8đ) |
|---|---|---|---|---|---|---|
| 1 | UBND xã Ẳng Nưa | 78,40 | 3,92 | 72,30 | 3,62 | 7,54 |
| 2 | UBND xã Ẳng Cang | 89,10 | 4,00 | 55,80 | 2,79 | 6,79 |
| 3 | UBND xã Ẳng Tở | 63,90 | 3,20 | 100,00 | 4,00 | 7,20 |
| 4 | UBND xã Búng Lao | 100,00 | 4,00 | 100,00 | 4,00 | 8,00 |"""

CHANGE = """1. Kết quả
Trong tháng, toàn huyện tiếp nhận 2.145 hồ sơ, tăng {d}% so với cùng kỳ năm 2022 (1.906 hồ sơ)."""

GRADE_SHARES = """1. Kết quả xếp loại
Có 02 đơn vị đạt loại Tốt (chiếm 25,00%); 04 đơn vị đạt loại Khá (chiếm 50,00%) \
và 02 đơn vị đạt loại Trung bình (chiếm {p}%).

| STT | Đơn vị | Tổng điểm | Xếp loại |
|---|---|---|---|
| 1 | UBND xã Ẳng Nưa | 88,50 | Tốt |
| 2 | UBND xã Ẳng Cang | 84,25 | Tốt |
| 3 | UBND xã Ẳng Tở | 78,00 | Khá |
| 4 | UBND xã Búng Lao | 75,50 | Khá |
| 5 | UBND xã Mường Đăng | 73,75 | Khá |
| 6 | UBND xã Ngối Cáy | 71,00 | Khá |
| 7 | UBND xã Xuân Lao | 66,50 | Trung bình |
| 8 | UBND xã Nặm Lịch | 61,25 | Trung bình |"""

GROUP_HEADS = """1. Nhóm 1: Các cơ quan được đánh giá, xếp loại và xếp hạng ({n}/04 đơn vị)

| Thứ hạng | Đơn vị | Điểm tối đa | Điểm đạt | Chỉ số | Xếp loại |
|---|---|---|---|---|---|
| 1 | Sở Tư pháp | 89,00 | 80,10 | 90,00% | Tốt |
| 2 | Sở Nội vụ | 87,00 | 73,95 | 85,00% | Tốt |
| 3 | Sở Y tế | 90,00 | 67,50 | 75,00% | Khá |

2. Nhóm 2: Các cơ quan được đánh giá, xếp loại nhưng không xếp hạng (01/04 đơn vị)

| TT | Đơn vị | Điểm tối đa | Điểm đạt | Chỉ số | Xếp loại |
|---|---|---|---|---|---|
| 1 | Thanh tra tỉnh | 81,00 | 64,80 | 80,00% | Tốt |
"""

ZERO_COUNT = """1. Kết quả giải quyết
Có {n}/4 xã không có hồ sơ quá hạn.

| STT | Đơn vị | Đã giải quyết | Đúng hạn | Quá hạn |
|---|---|---|---|---|
| 1 | Xã Ẳng Nưa | 120 | 120 | 0 |
| 2 | Xã Ẳng Cang | 95 | 93 | 2 |
| 3 | Xã Ẳng Tở | 88 | 88 | 0 |
| 4 | Xã Búng Lao | 70 | 69 | 1 |
"""

UNIT_CHANGE = """1. Kết quả so với quý trước
Giảm nhiều nhất là Sở Xây dựng với 60,38 điểm, giảm {d} điểm so với quý trước.

| STT | Cơ quan, đơn vị | Điểm quý II | Điểm quý III | Tăng (+)/giảm (-) |
|---|---|---|---|---|
| 1 | Sở Y tế | 71,69 | 68,99 | -2,70 |
| 2 | Sở Tư pháp | 85,26 | 85,76 | +0,50 |
| 3 | Sở Nội vụ | 89,08 | 93,60 | +4,52 |
| 4 | Sở Xây dựng | 65,29 | 60,38 | -4,91 |
"""

NAMED_TOTAL = """1. Kết quả tiếp nhận
Sở Tài chính là đơn vị tiếp nhận nhiều hồ sơ nhất với 3.065 hồ sơ, chiếm {p} tổng số hồ sơ tiếp nhận.

| STT | Đơn vị | Số hồ sơ tiếp nhận | Đã giải quyết | Đúng hạn |
|---|---|---|---|---|
| 1 | Sở Tài chính | 3.065 | 3.057 | 2.967 |
| 2 | Sở Y tế | 1.647 | 1.569 | 1.569 |
| 3 | Sở Xây dựng | 1.968 | 1.946 | 1.946 |
| | Tổng cộng | 6.680 | 6.572 | 6.482 |
"""

RATE_ROWS = """1. Số liệu theo tháng

| STT | Chỉ tiêu | Tháng 5 | Tháng 6 | Tháng 7 | Lũy kế |
|---|---|---|---|---|---|
| 1 | Số hồ sơ tiếp nhận | 1.200 | 980 | 1.450 | 3.630 |
| 1.1 | Trong đó: trực tuyến | 900 | 700 | 1.100 | 2.700 |
| 1.2 | Tỷ lệ hồ sơ trực tuyến (%) | 75,00 | 71,43 | {p} | 74,38 |
"""

POINTS_GRADED = ("1. Kết quả tự đánh giá\nKhung xếp loại: Xuất sắc: từ 90% trở lên; Tốt: từ 80% đến dưới 90%; Khá: từ "
                 "70% đến dưới 80%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%.\nTổng điểm tự đánh giá của Sở Tư "
                 "pháp đạt 78,19/100 điểm, xếp loại {g}.")

SHEET_BY_COLUMNS = """1. Kết quả Bộ chỉ số
Khung xếp loại áp dụng: Xuất sắc: từ 90% trở lên; Tốt: từ 80% đến dưới 90%; Khá: từ 70% đến dưới 80%; Trung bình: từ \
50% đến dưới 70%; Yếu: dưới 50%.

| TT | Nhóm chỉ số | Max | Xã Bình Minh | Phường An Lạc | Phường Tân Định | Xã Tân Phú | Xã Lộc An |
|---|---|---|---|---|---|---|---|
| 1 | Công khai, minh bạch | 18 | 13,68 | 16,50 | 12,72 | 12,88 | 12,10 |
| 2 | Tiến độ, kết quả giải quyết | 20 | 19,41 | 17,43 | 12,08 | 13,99 | 12,37 |
| 3 | Dịch vụ công trực tuyến | 12 | 7,33 | 10,32 | 8,81 | 10,27 | 9,08 |
| 4 | Thanh toán trực tuyến | 10 | 5,42 | 5,00 | 9,25 | 8,14 | 9,58 |
| 5 | Mức độ hài lòng | 18 | 12,94 | 12,00 | 15,62 | 14,36 | 10,41 |
| 6 | Số hóa hồ sơ | 22 | 15,57 | 13,36 | 17,93 | 13,40 | 19,84 |
|  | Tổng điểm | 100 | 74,35 | 74,61 | 76,41 | 73,04 | 73,38 |
|  | Xếp loại |  | {g} | Khá | Khá | Khá | Khá |
|  | Thứ hạng |  | 3 | 2 | 1 | 5 | 4 |
""".replace("\\\n", "")

SAID_ABOVE = """1. Kết quả giải quyết hồ sơ
Trong tháng, toàn huyện đã giải quyết 5.941 hồ sơ, trong đó đúng hạn 5.505 hồ sơ, đạt tỷ lệ 92,66%; quá hạn 436 hồ sơ, \
chiếm tỷ lệ 7,34%.
Số hồ sơ quá hạn nêu trên gồm {n} hồ sơ, trong đó: các phòng chuyên môn 127 hồ sơ, UBND các xã 309 hồ sơ.
"""


OFFICES = """1. Kết quả giải quyết hồ sơ
Trong tháng 4 năm 2025, toàn tỉnh đã giải quyết 34.352 hồ sơ, trong đó đúng hạn 33.998 hồ sơ, đạt tỷ lệ 98,97%; \
quá hạn 354 hồ sơ, chiếm tỷ lệ 1,03%.
Có 06/20 cơ quan, đơn vị còn để xảy ra hồ sơ quá hạn, gồm: Sở Tài chính (56 hồ sơ), Sở Dân tộc và Tôn giáo \
(49 hồ sơ), Cục Thuế tỉnh (33 hồ sơ), Thanh tra tỉnh (28 hồ sơ) và 02 UBND cấp huyện (188 hồ sơ).
Số hồ sơ quá hạn nêu trên gồm 354 hồ sơ, trong đó: các sở, ngành 166 hồ sơ, UBND cấp huyện {n} hồ sơ.
"""


MONTHS = """1. Hồ sơ tiếp nhận theo tháng
| Tháng | Hồ sơ tiếp nhận trong tháng | Lũy kế từ đầu năm | Tăng/giảm so với tháng trước |
|---|---|---|---|
| Tháng 1 | 2.610 | 2.610 | - |
| Tháng 2 | 2.480 | 5.090 | -130 |
| Tháng 3 | 2.725 | {c3} | {d3} |
| Tháng 4 | 2.590 | 10.405 | -135 |
| Tháng 5 | 2.801 | 13.206 | 211 |
| Tháng 6 | 2.655 | 15.861 | -146 |
| Tháng 7 | 2.702 | 18.563 | 47 |
"""


PAGES = """1. Số liệu giải quyết hồ sơ của các xã
| STT | Tên xã | Số hồ sơ tiếp nhận | Số hồ sơ đã giải quyết |
|---|---|---|---|
| 1 | Xã An Bình | 885 | 871 |
| 2 | Xã An Hòa | 386 | 380 |
| 3 | Xã An Phú | 270 | 266 |
|  | Cộng trang | {p1} | 1.517 |
|  | Cộng chuyển sang trang sau | 1.541 | 1.517 |
|  | Cộng trang trước chuyển sang | 1.541 | 1.517 |
| 4 | Xã Bình Minh | 891 | 880 |
| 5 | Xã Bình Thạnh | 577 | 570 |
|  | Cộng trang | 1.468 | 1.450 |
|  | Tổng cộng | 3.009 | 2.967 |
"""


RESULT_LIST = """1. Kết quả đánh giá
Điểm trung bình của 5 sở, ban, ngành đạt {mean}/100 điểm. Đứng đầu là Sở Tư pháp với 91,20 điểm; thấp nhất là \
Sở Y tế với 68,40 điểm.
Sở Tư pháp đạt 91,20 điểm, xếp thứ 1, xếp loại Xuất sắc; Sở Tài chính đạt 84,60 điểm, xếp thứ 2, xếp loại {grade}; \
Sở Xây dựng đạt 79,10 điểm, xếp thứ {rank}, xếp loại Khá; Sở Nội vụ đạt 77,50 điểm, xếp thứ 4, xếp loại Khá; \
Sở Y tế đạt 68,40 điểm, xếp thứ 5, xếp loại Trung bình.
Tổng hợp chung: 01/5 đơn vị xếp loại Xuất sắc, {good}/5 đơn vị xếp loại Tốt, 02/5 đơn vị xếp loại Khá, 01/5 đơn vị \
xếp loại Trung bình.
"""
RESULTS = {"mean": "80,16", "grade": "Tốt", "rank": "3", "good": "01"}


def results(**changed: str) -> str:
    return doc(RESULT_LIST.format(**{**RESULTS, **changed}))


FIXTURES: dict[str, tuple[str, str]] = {
    # -- score tables bound to a scheme
    "total-mismatch": (BASE, base("94\t81,36\t86,55", "94\t81,63\t86,55")),
    "max-mismatch": (BASE, base("\t72\t50,00\t69,44", "\t74\t50,00\t69,44")),
    "percent-mismatch": (BASE, base("75,14\t83,49", "75,14\t84,49")),
    "grade-mismatch": (BASE, base("79,77\t79,77\t8\tKhá", "79,77\t79,77\t8\tTốt")),
    "score-exceeds-max": (BASE, base("6\t2,47\t2\t6\t20,48", "6\t2,47\t2\t6\t25,48")),
    "rank-order": (BASE, base("74,45\t82,72\t6", "74,45\t82,72\t4")),
    "evaluated-vs-table": (BASE, base("có 12 xã, phường được đánh giá", "có 13 xã, phường được đánh giá")),
    # -- prose against a score table
    "grade-count-vs-table": (base("Kết quả chi tiết tại Phụ lục kèm theo.", GRADES_OK),
                             base("Kết quả chi tiết tại Phụ lục kèm theo.",
                                  GRADES_OK.replace("07 xã, phường xếp loại Tốt: Xã Hợp Thành, ",
                                                    "08 xã, phường xếp loại Tốt: Xã Hợp Thành, Xã Mường Hum, "))),
    "grade-list-vs-table": (base("Kết quả chi tiết tại Phụ lục kèm theo.",
                                 "Xếp loại Trung bình: 01 phường (Phường Cam Đường)."),
                            base("Kết quả chi tiết tại Phụ lục kèm theo.",
                                 "Xếp loại Trung bình: 01 phường (Phường Duyên Hải).")),
    # -- prose alone
    "grade-count-vs-list": (doc("1. Kết quả\n02 cơ quan xếp loại Tốt: Sở Tài chính, Sở Y tế."),
                            doc("1. Kết quả\n03 cơ quan xếp loại Tốt: Sở Tài chính, Sở Y tế.")),
    "prose-sums": (doc(SUM.format(b=40)), doc(SUM.format(b=41))),
    "raised-target-share": (doc(RAISED.format(p="78,75")), doc(RAISED.format(p="87,75"))),
    "fraction-parts": (doc(FRACTION_PARTS.format(n=4)), doc(FRACTION_PARTS.format(n=5))),
    "grade-counts-vs-whole": (
        doc("1. Kết quả\nThực hiện đánh giá đối với 20 cơ quan. Kết quả: 12/20 cơ quan xếp loại Xuất sắc; "
            "7/20 cơ quan xếp loại Tốt; 1/20 cơ quan xếp loại Khá."),
        doc("1. Kết quả\nThực hiện đánh giá đối với 20 cơ quan. Kết quả: 12/20 cơ quan xếp loại Xuất sắc; "
            "7/20 cơ quan xếp loại Tốt; 2/20 cơ quan xếp loại Khá.")),
    "fraction-over-one": (doc("1. Kết quả\nĐã chấm điểm 20/20 UBND xã."),
                          doc("1. Kết quả\nĐã chấm điểm 21/20 UBND xã.")),
    "share-percent": (doc(SHARES.format(p="91,86")), doc(SHARES.format(p="92,86"))),
    "complementary-shares": (doc("1. Kết quả\nHồ sơ xử lý đúng hạn đạt 96,9%; hồ sơ trễ hạn chiếm tỷ lệ 3,1%."),
                             doc("1. Kết quả\nHồ sơ xử lý đúng hạn đạt 95,9%; hồ sơ trễ hạn chiếm tỷ lệ 3,1%.")),
    "rank-change": (doc("1. Kết quả\nChỉ số của tỉnh xếp thứ 12/34 tỉnh, thành phố, tăng 3 bậc so với quý trước "
                        "(xếp thứ 15/34)."),
                    doc("1. Kết quả\nChỉ số của tỉnh xếp thứ 12/34 tỉnh, thành phố, tăng 2 bậc so với quý trước "
                        "(xếp thứ 15/34).")),
    "prose-number-format": (doc("1. Kết quả\nTỷ lệ hài lòng đạt 91,86%."),
                            doc("1. Kết quả\nTỷ lệ hài lòng đạt 91.86%.")),
    "claim-unchecked": (doc(SUM.format(b=40)),
                        doc("1. Kết quả\nSố cơ quan được đánh giá: 20 cơ quan.")),
    # -- dates, periods, references, layout
    "date-range-order": (doc("1. Kết quả\nSố liệu từ ngày 01/7/2023 đến hết ngày 31/7/2023."),
                         doc("1. Kết quả\nSố liệu từ ngày 01/7/2023 đến hết ngày 31/7/2022.")),
    "date-after-issue": (doc("1. Kết quả\nSố liệu tính đến ngày 31/7/2023."),
                         doc("1. Kết quả\nSố liệu tính đến ngày 31/8/2023.")),
    "table-rows-unread": (doc("1. Kết quả\nĐiểm của các sở tại bảng sau.\n" + TOTAL_ROW.split("\n", 1)[1]),
                          doc("1. Kết quả\nĐiểm của các sở tại bảng sau.\n1 │ Sở Tư pháp │ 91,50 │ Tốt\n"
                              "2 │ Sở Y tế │ 85,20 │ Tốt")),
    "share-rate-over-hundred": (doc("1. Kết quả\nTỷ lệ hài lòng chung của người dân đạt 99,17%."),
                                doc("1. Kết quả\nTỷ lệ hài lòng chung của người dân đạt 100,17%.")),
    "zero-count-vs-table": (doc(ZERO_COUNT.format(n="02")), doc(ZERO_COUNT.format(n="03"))),
    "rate-row-mismatch": (doc(RATE_ROWS.format(p="75,86")), doc(RATE_ROWS.format(p="78,86"))),
    "share-of-named-total": (doc(NAMED_TOTAL.format(p="45,9%")), doc(NAMED_TOTAL.format(p="46,9%"))),
    "unit-change-vs-row": (doc(UNIT_CHANGE.format(d="4,91")), doc(UNIT_CHANGE.format(d="5,61"))),
    "issue-date-vs-period": (doc("1. Kết quả\nSố liệu tính đến ngày 31/7/2023."),
                             doc("1. Kết quả\nSố liệu tính đến ngày 31/7/2023.").replace(
                                 "ngày 17 tháng 8 năm 2023", "ngày 17 tháng 8 năm 2022")),
    "appendix-period": (doc(ANNEX.format(m="7", no="405", d="17")), doc(ANNEX.format(m="6", no="405", d="17"))),
    "appendix-reference": (doc(ANNEX.format(m="7", no="405", d="17")), doc(ANNEX.format(m="7", no="398", d="17"))),
    "appendix-reference-date": (doc(ANNEX.format(m="7", no="405", d="17")),
                                doc(ANNEX.format(m="7", no="405", d="10"))),
    "date-leading-zero": (doc("1. Kết quả\nNgày 05 tháng 7 năm 2023, UBND huyện tổ chức hội nghị."),
                          doc("1. Kết quả\nNgày 5 tháng 7 năm 2023, UBND huyện tổ chức hội nghị.")),
    "section-sequence": (doc("1. Kết quả\nĐã hoàn thành.\n2. Tồn tại\nCòn chậm.\n3. Kiến nghị\nKhông."),
                         doc("1. Kết quả\nĐã hoàn thành.\n3. Tồn tại\nCòn chậm.\n4. Kiến nghị\nKhông.")),
    "noi-nhan-last-line": (doc("1. Kết quả\nĐã hoàn thành."),
                           doc("1. Kết quả\nĐã hoàn thành.", TAIL.replace("- Lưu: VT, VP.", "- Lưu: hồ sơ."))),
    # -- tables the document states itself
    "summary-parts-sum": (doc(SUMMARY), doc(SUMMARY.replace("78,6/100", "80,6/100"))),
    "summary-score-over-max": (doc(SUMMARY),
                               doc(SUMMARY.replace("17,9/18", "18,9/18").replace("78,6/100", "79,6/100"))),
    # the slip on a total row, where no sure rule reports the same cell
    "fraction-over-whole": (doc(FRACTIONS), doc(FRACTIONS.replace("293/303", "300/296"))),
    # two slips in eight rows: a table the sure sum does not adopt
    "derived-column": (doc(DATA), doc(DATA.replace("| 88 | 50 | 38 |", "| 88 | 50 | 39 |")
                                      .replace("| 41 | 21 | 20 |", "| 41 | 21 | 21 |"))),
    "total-row": (doc(TOTAL_ROW), doc(TOTAL_ROW.replace("| 675 |", "| 685 |"))),
    "data-rank-order": (doc(RANKED), doc(RANKED.replace("| 95,1 |", "| 97,0 |"))),
    "table-unchecked": (doc(TOTAL_ROW), doc(UNRELATED)),
    "column-unchecked": (doc(RATE_TABLE), doc(RATE_TABLE_STAFF)),
    "bound-only": (doc(RATE_TABLE), doc(SELF_ASSESSED)),
    "change-count-vs-table": (doc(ROSE.format(n="3")), doc(ROSE.format(n="4"))),
    "index-row": (doc(FIELDS), doc(FIELDS.replace("| 71,47 |", "| 74,17 |"))),
    "evaluated-vs-grade-denominators": (
        doc("1. Số cơ quan được đánh giá: 20 cơ quan\n- 20/20 cơ quan xếp loại Hoàn thành xuất sắc nhiệm vụ."),
        doc("1. Số cơ quan được đánh giá: 20 cơ quan\n- 19/19 cơ quan xếp loại Hoàn thành xuất sắc nhiệm vụ.")),
    "value-exceeds-max": (doc(PAR), doc(PAR.replace("| 87,00 | 74,10 | 85,17% |", "| 87,00 | 94,10 | 85,17% |"))),
    "ratio-mismatch": (doc(PAR), doc(PAR.replace("| 82,78 | 93,01% |", "| 82,78 | 73,01% |"))),
    "rank-mismatch": (doc(PAR), doc(PAR.replace("| 5 | Sở Tài chính |", "| 7 | Sở Tài chính |"))),
    "peer-rank-mismatch": (doc(PEERS), doc(PEERS.replace("| 6,22 | 49/63 |", "| 6,22 | 19/63 |"))),
    "grade-band-mismatch": (doc(PAR), doc(PAR.replace("| 78,80% | KHÁ |", "| 78,80% | TỐT |"))),
    "summary-row-mismatch": (doc(PAR), doc(PAR.replace("| Chỉ số cao nhất | | | 93,01% |",
                                                        "| Chỉ số cao nhất | | | 95,27% |"))),
    "percent-over-100": (doc(RATES), doc(RATES.replace("| % | 64,20 |", "| % | 124 |"))),
    "sum-columns-mismatch": (doc(COLUMNS), doc(COLUMNS.replace("| 6 | 5,5 | 4,5 | 16 |", "| 6 | 5,5 | 4,5 | 17 |"))),
    "change-column-mismatch": (doc(CHANGES), doc(CHANGES.replace("| 80,15 | -1,75 |", "| 80,15 | +1,75 |"))),
    "grade-summary-vs-table": (doc(GRADE_SUMMARY.format(bands=SUMMARY_BANDS, good=3, gp="50,00", fair=1, fp="16,67")),
                               doc(GRADE_SUMMARY.format(bands=SUMMARY_BANDS, good=2, gp="33,33", fair=2, fp="33,33"))),
    "row-shares": (doc(ROW_SHARES.format(b="44,75")), doc(ROW_SHARES.format(b="47,45"))),
    "mean-columns-mismatch": (doc(QUARTERS), doc(QUARTERS.replace("| 88,75 | 86,18 |", "| 88,75 | 87,18 |"))),
    "grade-unread": (doc(GRADE_WORDS.format(legend=LEGEND)),
                     doc(GRADE_WORDS.format(legend="số liệu do các xã tự đánh giá, Sở Nội vụ thẩm định."))),
    "grades-unchecked": (doc(TWO_SCORES.format(g1="Khá", g4="Trung bình")),
                         doc(TWO_SCORES.format(g1="Tốt", g4="Khá"))),
    "sum-row-mismatch": (doc(TOTAL_ROW), doc(TOTAL_ROW.replace("| 675 |", "| 685 |"))),
    "parent-sum-mismatch": (doc(PARENTS), doc(PARENTS.replace("| 1.2 | Cấp xã | 75 |", "| 1.2 | Cấp xã | 70 |"))),
    "parent-mean-mismatch": (doc(MEANS),
                             doc(MEANS.replace("thực hiện chính sách | 83,4 |", "thực hiện chính sách | 85,4 |"))),
    "figure-across-tables": (doc(ACROSS), doc(ACROSS.replace("| 4 | UBND huyện Phú Lộc | 56,12 |",
                                                             "| 4 | UBND huyện Phú Lộc | 56,21 |"))),
    "points-from-rate-mismatch": (doc(POINTS), doc(POINTS.replace("| 71,96 | 4,32 |", "| 71,96 | 5,32 |"))),
    "parent-ratio-mismatch": (doc(RATIO_PARENTS), doc(RATIO_PARENTS.replace("| % | 99,11 |", "| % | 98,10 |"))),
    "impossible-date": (doc("1. Kết quả\nSố liệu tính đến ngày 30 tháng 6 năm 2023."),
                        doc("1. Kết quả\nSố liệu tính đến ngày 31 tháng 6 năm 2023.")),
    "grade-count-restated": (doc(RESTATED.format(n="10")), doc(RESTATED.format(n="09"))),
    "figure-restated": (doc(FIGURES.format(p="97,4")), doc(FIGURES.format(p="96,4"))),
    "count-vs-listed-units": (doc(LISTED.format(n=2)), doc(LISTED.format(n=3))),
    "stat-vs-table": (doc(STATS.format(avg="86,55")), doc(STATS.format(avg="85,55"))),
    "unit-figure-vs-table": (doc(UNIT_FIGURES.format(p="83,45")), doc(UNIT_FIGURES.format(p="85,45"))),
    "band-count-vs-table": (doc(BAND_COUNTS.format(a=3, p="60,00")), doc(BAND_COUNTS.format(a=4, p="80,00"))),
    "sheet-grades-vs-legend": (doc(SHEET_BY_COLUMNS.format(g="Khá")), doc(SHEET_BY_COLUMNS.format(g="Tốt"))),
    "points-grade-vs-legend": (doc(POINTS_GRADED.format(g="Khá")), doc(POINTS_GRADED.format(g="Tốt"))),
    "stat-within-bands": (doc(STAT_BANDS.format(avg="86,55")), doc(STAT_BANDS.format(avg="82,55"))),
    "points-vs-total-row": (doc(TOTAL_POINTS.format(x="60,63")), doc(TOTAL_POINTS.format(x="61,63"))),
    "change-and-its-percent": (doc(CHANGE_PERCENT.format(d="120")), doc(CHANGE_PERCENT.format(d="160"))),
    "band-counts-within-whole": (doc(BAND_SPLIT.format(a="04")), doc(BAND_SPLIT.format(a="05"))),
    "rate-vs-labelled-cell": (doc(RATE_ROW.format(p="98,5")), doc(RATE_ROW.format(p="95,8"))),
    "named-column-figure": (doc(NAMED.format(p="56,00")), doc(NAMED.format(p="65,00"))),
    "points-vs-named-column": (doc(POINTS_NAMED.format(t="54,1", c="8,8")),
                               doc(POINTS_NAMED.format(t="54,1", c="8,3"))),
    "count-vs-total-row": (doc(TOTAL_NAMED.format(n="12.490")), doc(TOTAL_NAMED.format(n="12.940"))),
    "rate-of-named-columns": (doc(RATE_NAMED.format(p="98,7%")), doc(RATE_NAMED.format(p="97,8%"))),
    "nothing-checked": (doc(SUM.format(b=40)), doc("1. Kết quả\nĐã hoàn thành các nhiệm vụ được giao trong tháng.")),
    "missing-annex": (HEAD + ANNEXES.format(n="II"), HEAD + ANNEXES.format(n="III")),
    "noi-nhan-article": (DECISION.format(n=3), DECISION.format(n=4)),
    "block-change-row": (doc(PERIOD_BLOCKS), doc(PERIOD_BLOCKS.replace("| +28 | +29 | -1 |", "| +28 | +29 | +1 |"))),
    "block-parts-sum": (doc(KIND_BLOCKS), doc(KIND_BLOCKS.replace("| 12.781 | 12.689 |", "| 12.871 | 12.689 |"))),
    "block-total-rows": (doc(PERIOD_BLOCKS), doc(PERIOD_BLOCKS.replace("| 1.113 | 649 |", "| 1.131 | 649 |"))),
    "change-vs-earlier": (doc(CHANGE.format(d="12,54")), doc(CHANGE.format(d="15,2"))),
    "rate-of-level-column": (doc(LEVEL_COLUMNS.format(p="98,49")), doc(LEVEL_COLUMNS.format(p="98,14"))),
    "period-count-vs-column": (doc(PERIOD_COUNTS.format(n="1.660")), doc(PERIOD_COUNTS.format(n="1.600"))),
    "indicator-stat": (doc(INDICATORS.format(m="82,03", f="2")), doc(INDICATORS.format(m="83,03", f="2"))),
    "full-points-count": (doc(INDICATORS.format(m="82,03", f="2")), doc(INDICATORS.format(m="82,03", f="3"))),
    "grade-share-vs-table": (doc(GRADE_SHARES.format(p="25,00")), doc(GRADE_SHARES.format(p="37,50"))),
    "detail-sum-mismatch": (doc(DETAIL_GROUPS.format(h="17,7")), doc(DETAIL_GROUPS.format(h="15,7"))),
    "group-heading-counts": (doc(GROUP_HEADS.format(n="03")), doc(GROUP_HEADS.format(n="02"))),
    "restated-cell": (doc(RESTATED_PCI.format(r="43")), doc(RESTATED_PCI.format(r="34"))),
    "dossier-total-restated": (doc(DOSSIER_TOTALS.format(n="17.493")), doc(DOSSIER_TOTALS.format(n="17.439"))),
    "dossier-flow": (doc(DOSSIER_FLOW.format(n="168")), doc(DOSSIER_FLOW.format(n="186"))),
    "total-row-percent": (doc(SHEET.format(pct="77,89", row="77,89")), doc(SHEET.format(pct="77,89", row="74,00"))),
    "sheet-total-in-prose": (doc(SHEET_TOTALS.format(t="74,00", d="3,25")),
                             doc(SHEET_TOTALS.format(t="74,50", d="3,25"))),
    "appraisal-difference": (doc(SHEET_TOTALS.format(t="74,00", d="3,25")),
                             doc(SHEET_TOTALS.format(t="74,00", d="2,75"))),
    "index-of-the-sheet": (doc(SHEET.format(pct="77,89", row="77,89")), doc(SHEET.format(pct="74,00", row="77,89"))),
    "cumulative-of-periods": (doc(CUMULATIVE.format(n="11.998")), doc(CUMULATIVE.format(n="11.999"))),
    "fraction-vs-total-row": (doc(FRACTION_TOTAL.format(x="12.351")), doc(FRACTION_TOTAL.format(x="12.315"))),
    "count-said-above": (doc(SAID_ABOVE.format(n="436")), doc(SAID_ABOVE.format(n="466"))),
    "level-parts-vs-listed-offices": (doc(OFFICES.format(n="188")), doc(OFFICES.format(n="173"))),
    "page-rows": (doc(PAGES.format(p1="1.541")), doc(PAGES.format(p1="1.451"))),
    "running-sum": (doc(MONTHS.format(c3="7.815", d3="245")), doc(MONTHS.format(c3="7.915", d3="245"))),
    "change-from-previous-row": (doc(MONTHS.format(c3="7.815", d3="245")), doc(MONTHS.format(c3="7.815", d3="254"))),
    "prose-ranks-follow-points": (results(), results(rank="4")),
    "prose-grades-follow-points": (results(), results(grade="Trung bình")),
    "prose-stats-of-results": (results(), results(mean="81,16")),
    "prose-grade-counts-of-results": (results(), results(good="02")),
}


def main() -> None:
    for name, (good, bad) in FIXTURES.items():
        folder = HERE / name
        folder.mkdir(exist_ok=True)
        (folder / "good.txt").write_text(good, encoding="utf-8")
        (folder / "bad.txt").write_text(bad, encoding="utf-8")
    print(f"{len(FIXTURES)} fixtures in {HERE}")


if __name__ == "__main__":
    main()
