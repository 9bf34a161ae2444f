"""The closed vocabularies of the interpreted report: what a table, a
statement, a number, a column, a date or a sum is, and what the words around
a figure say of it.

StrEnums: each value equals the string the JSON contract and older code use
("scores", "grade_count"), so ``TableKind.SCORES == "scores"`` and the JSON is
unchanged (docs/json.md). Severity lives with the findings
(:mod:`reportgen.model.findings`).
"""
from __future__ import annotations

from enum import StrEnum


class TableKind(StrEnum):
    SCORES = "scores"  # bound to a scheme's indicators
    SUMMARY = "summary"  # one unit's group scores (x/y per group), turned round
    DATA = "data"  # any other table of units and numbers


class StatementKind(StrEnum):
    GRADE_COUNT = "grade_count"
    EVALUATED_COUNT = "evaluated_count"  # "17/19 cơ quan"
    SUM = "sum"  # a whole and its parts
    SHARE = "share"  # a part with its percent of a base
    FRACTION = "fraction"  # x/y
    SCORE = "score"  # x/y points
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"
    PERIOD = "period"  # an appendix title's period
    SECTION = "section"  # a numbered heading with its level
    RANK = "rank"
    CHANGE = "change"  # a figure, the earlier figure it is compared with, and the change stated


class NumberRole(StrEnum):
    """What a number is, which decides how its separators are read
    (``reportgen.numbers.parse_vi_number``)."""

    SCORE = "score"
    PERCENT = "percent"
    COUNT = "count"
    AUTO = "auto"


class ColumnRole(StrEnum):
    """The role of a table column besides the indicators (``read.grid.column_roles``)."""

    NO = "no"
    UNIT = "unit"
    TOTAL = "total"
    MAX = "max"
    PERCENT = "percent"
    GRADE = "grade"
    RANK = "rank"


class DateRole(StrEnum):
    """What a date in the prose is (``Statement.role`` of a 'date' statement)."""

    AS_OF = "as_of"
    UNTIL = "until"
    DEADLINE = "deadline"
    CITED = "cited"
    PLAIN = "plain"


class SumMode(StrEnum):
    """How the parts of a 'sum' statement make its whole (``Statement.mode``)."""

    PARTITION = "partition"  # "124 đơn vị (103 xã, 20 phường và 01 đặc khu)": the parts are the whole
    SUBSET = "subset"  # "120 hồ sơ (trong đó 80 hồ sơ trực tuyến …)": the parts are some of it
    # "202 đơn vị (trong đó: 21 cơ quan cấp tỉnh, 13 đơn vị cấp huyện, 168 đơn vị cấp xã)": parts of
    # distinct kinds, some of it; together never more than it
    DISJOINT = "disjoint"
    BREAKDOWN = "breakdown"  # a total, then the categories listed after it: its parts only by reading


class Stat(StrEnum):
    """A statistic of a group a figure states ("trung bình", "cao nhất", "thấp nhất")."""

    AVG = "avg"
    MAX = "max"
    MIN = "min"


class Measure(StrEnum):
    """What a figure of the prose measures (``Statement.measure``, ``StatedBand.unit``)."""

    PERCENT = "percent"
    POINTS = "points"
    RANK = "rank"
    COUNT = "count"  # a number of things: "tăng 100 hồ sơ", "giảm 1.250 lượt"


class FractionSide(StrEnum):
    """Which side of the x/y fractions a 'sum' statement adds up
    ("tử số"/"mẫu số"; ``Statement.fraction_parts``)."""

    NUMERATOR = "num"
    DENOMINATOR = "den"


class OutsideWhole(StrEnum):
    """What a claim's whole is when it lies outside the document
    (``Statement.external``, read.statements_external): the words the
    coverage line and the ledger's ``external_claims`` use, in the order the
    line names them."""

    PLAN = "kế hoạch"  # "hoàn thành 100% kế hoạch đề ra"
    BUDGET = "dự toán"  # "bằng 93,29% dự toán địa phương"
    TARGET = "chỉ tiêu"  # "đạt 95% chỉ tiêu"
    ALLOTMENT = "số được giao"  # "(9.548/9.976 biên chế) … được giao"
    RANKING = "xếp hạng toàn quốc"  # "xếp hạng 28/63 tỉnh, thành phố"
    ALL = "100% là toàn bộ"  # "100% cơ quan chuyên môn cấp tỉnh"
    THRESHOLD = "ngưỡng quy định"  # a rule's threshold: "(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)"
    SCALE = "thang điểm quy định"  # the maximum a rule sets: "phê duyệt thang điểm … là 74/100 điểm"
    ANNEX = "phụ lục gửi kèm"  # figures detailed in an annex not in the file: "(… tại Phụ lục I đính kèm)"


# An official's grades at a one-stop desk (TT 01/2018/TT-VPCP, Điều 15: 5 points and more, 3,5 to
# under 5, under 3,5, of the indicators 1, 2, 3, 4 and 7), best first.
OFFICIAL_GRADES = ("Hoàn thành 100% nhiệm vụ", "Hoàn thành từ 70% đến dưới 100% nhiệm vụ",
                   "Hoàn thành dưới 70% nhiệm vụ")

# The plain middle grade of the task scale offices grade units and staff on ("Hoàn thành xuất sắc
# nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"): its
# neighbours are TT 01/2018's wordings of Xuất sắc, Tốt and Yếu; this one sits below Tốt, above Yếu.
TASK_GRADE = "Hoàn thành nhiệm vụ"
# The task scale as a table writes it short, with the grade each is: "Hoàn thành" the middle grade,
# "Chưa hoàn thành" / "Không hoàn thành" the fail grade (Yếu's level).
TASK_SCALE_SHORT = {"Hoàn thành": TASK_GRADE, "Chưa hoàn thành": "Yếu", "Không hoàn thành": "Yếu"}

# The pass grade of a pass/fail scale ("Đạt" / "Chưa đạt", "Đạt yêu cầu" / "Không đạt yêu cầu"), and
# the middle one where a province adds it under Khá ("Tốt", "Khá", "Đạt", "Chưa đạt"): below Trung
# bình, above the fail grade (Yếu's level, as "Chưa đạt" and "Không đạt" are read).
PASS_GRADE = "Đạt"
# Letter grades, best first ("loại A: Chỉ số từ 90% trở lên; loại B: …").
LETTER_GRADES = ("A", "B", "C", "D", "E")
# A pass/fail scale's grades as offices write them.
PASS_FAIL_GRADES = (PASS_GRADE, "Đạt yêu cầu", "Chưa đạt", "Không đạt", "Chưa đạt yêu cầu", "Không đạt yêu cầu")
