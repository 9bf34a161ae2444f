"""Dates of the prose and the periods of appendix titles: a date with its
role (as of, until, a deadline, cited, plain; an "until" that bounds the
period the figures cover), and "Phụ lục II … THÁNG 11 NĂM 2024" with its
period."""
from __future__ import annotations

import re

from ..model import DateRole, Statement
from ..text.dates import DATE_PHRASE, parse_vi_date, period_of
from ..text.lines import is_caps
from .statements_blocks import Block

_DATE_NUM = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# The date the figures are of: "tính đến ngày", "Thời điểm lấy số liệu: ngày …", "Ngày chốt số liệu: …".
_AS_OF = re.compile(r"(tính\s+(?:đến|tới)(?:\s+hết)?|cập\s+nhật\s+đến|số\s+liệu\s+đến|tại\s+thời\s+điểm|thời\s+điểm"
                    r"(?:\s+(?:lấy|tổng\s+hợp|chốt|khóa|khoá))?(?:\s+(?:số|dữ)\s+liệu)?"
                    r"|(?:ngày\s+)?(?:lấy|chốt|khóa|khoá)\s+(?:số|dữ)\s+liệu)"
                    r"\s*:?\s*(?:ngày\s*)?$", re.I)
_UNTIL = re.compile(r"đến\s+(?:hết\s+)?(?:ngày\s*)?$", re.I)  # the end of a range: "từ … đến hết 14/03/2023"
# The period the figures cover: "thời điểm từ … đến hết …", "số liệu từ … đến …",
# "kỳ báo cáo: từ … đến …", "tính từ ngày … đến ngày …".
_DATA_RANGE = re.compile(r"(?:thời\s+điểm|thời\s+gian\s+(?:lấy\s+)?số\s+liệu|số\s+liệu|kỳ(?:\s+báo\s+cáo)?|tính)"
                         r"\s*:?\s*(?:được\s+tính\s+)?từ\s+(?:ngày\s*)?(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|"
                         r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s*)?$",
                         re.I)
_DEADLINE = re.compile(r"(trước\s+ngày|hạn(?:\s+xử\s+lý)?|chậm\s+nhất(?:\s+(?:là\s+)?ngày)?|trước)"
                       r"\s*:?\s*(?:ngày\s*)?$", re.I)
_CITED = re.compile(r"(?:số|quyết\s+định|công\s+văn|nghị\s+định|thông\s+tư|kế\s+hoạch|tờ\s+trình|báo\s+cáo|"
                    r"chỉ\s+thị|văn\s+bản)"
                    r"[^.;]{0,80}?\bngày\s*$", re.I)


def _date_role(before: str) -> DateRole:
    if _AS_OF.search(before):
        return DateRole.AS_OF
    if _UNTIL.search(before):
        return DateRole.UNTIL
    if _DEADLINE.search(before):
        return DateRole.DEADLINE
    if _CITED.search(before):
        return DateRole.CITED
    return DateRole.PLAIN


def date_statements(block: Block, scope: str | None) -> list[Statement]:
    out = []
    text = block.text
    found = [(m, parse_vi_date(m.group(1), m.group(2), m.group(3))) for m in _DATE_NUM.finditer(text)]
    found += [(m, parse_vi_date(m.group("d"), m.group("m"), m.group("y"))) for m in DATE_PHRASE.finditer(text)]
    for m, date in found:
        if date is None:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        role = _date_role(before)
        # "(thời điểm từ 15/12/2022 đến hết 14/03/2023)": what the figures cover
        data_range = role == DateRole.UNTIL and bool(_DATA_RANGE.search(before))
        out.append(Statement(kind="date", text=m.group(0), paragraph=block.index, page=block.page, date=date,
                             scope=scope, role=role, written=m.group(0), data_range=data_range))
    return out



_APPENDIX = re.compile(r"^Phụ\s+lục(?:\s+(?P<no>[IVXLC]+|\d+))?\s*[:.]?\s*(?P<rest>.*)$", re.I)


def appendix_title_span(blocks: list[Block], i: int) -> int:
    """How many blocks after an appendix heading ("Phụ lục I") are its title:
    the capitalised lines, then the bracketed "(Kèm theo Quyết định số … của …)"
    that says which document it belongs to (over two lines at most)."""
    n = 0
    for b in blocks[i + 1:i + 4]:
        if b.text.startswith("(") or _APPENDIX.match(b.text) or not is_caps(b.text):
            break
        n += 1
    rest = blocks[i + 1 + n:i + 3 + n]
    if rest and rest[0].text.startswith("(") and re.match(r"\(\s*(?:kèm|ban\s+hành)", rest[0].text, re.I):
        n += 1 if rest[0].text.rstrip().endswith(")") or len(rest) < 2 or not rest[1].text.rstrip().endswith(")") else 2
    return n


def appendix_statement(blocks: list[Block], i: int) -> Statement | None:
    m = _APPENDIX.match(blocks[i].text)
    if not m:
        return None
    title_parts = [m.group("rest")] if m.group("rest") and not m.group("rest").startswith("(") else []
    for b in blocks[i + 1:i + 4]:
        if b.text.startswith("(") or _APPENDIX.match(b.text) or not is_caps(b.text):
            break
        title_parts.append(b.text)
    title = " ".join(t for t in title_parts if t).strip()
    period = period_of(title)
    if not title:
        return None
    label = ("Phụ lục " + m.group("no")) if m.group("no") else "Phụ lục"
    return Statement(kind="period", text=title, paragraph=blocks[i].index, page=blocks[i].page, label=label,
                     period=period or "")
