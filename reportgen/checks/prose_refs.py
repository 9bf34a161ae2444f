"""Rules over what the prose points at: dates that cannot exist, annexes and
forms (Phụ lục, Biểu) the document refers to but does not have, and the
"Như Điều N" line of Nơi nhận against the article that names who executes."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterator

from ..model import Finding, Paragraph, Report, ScoreTable
from .registry import CheckContext, rule

_SLASH_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{3,4})(?![\d/]|[.,]\d)")
_PHRASE_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{1,4})(?!\d)", re.I)


# The words that say a d/m/y is a date: "ngày", also as the head of a short
# label ("Ngày xuất dữ liệu 31/5/2024", "ngày ký: …"), "tính đến", "từ", "đến",
# "trước", "sau", "thời điểm", "cập nhật đến".
_DATE_WORDS = re.compile(r"(?:(?<!\w)ngày(?:\s+[^\W\d]+){0,4}|tính\s+(?:đến|tới)(?:\s+hết)?|(?<!\w)từ|"
                         r"(?<!\w)đến(?:\s+hết)?|trước|sau|thời\s+điểm|cập\s+nhật(?:\s+đến)?)\s*:?\s*$", re.I)


def _date_problem(day: int, month: int, year: str) -> str | None:
    """Why day/month/year cannot be a date, or None when it can."""
    if len(year) != 4:
        return f"năm chỉ có {len(year)} chữ số"
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    try:
        _dt.date(int(year), month, day)
    except ValueError:
        return f"tháng {month} năm {year} không có ngày {day}"
    return None


def _body(report: Report) -> list[Paragraph]:
    return list(report.paragraphs)


@rule("DATE_INVALID", "Ngày tháng không thể có (ngày hoặc tháng vượt giới hạn, năm ba chữ số)")
def impossible_date(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: một ngày viết "ngày 31 tháng 4 năm 2024", "30/02/2024", "15/13/2024"
    hay với năm ba chữ số ("ngày 15 tháng 7 năm 202").
    Vì sao: ngày không thể có là gõ nhầm; người đọc không biết ngày thật là ngày nào.
    Cách viết "ngày … tháng … năm …" chắc chắn là ngày (lỗi), dạng d/m/y đứng sau "ngày",
    "tính đến", "từ", "đến", "trước", "sau" cũng vậy (lỗi, kể cả ngày 32–39 và năm ba chữ số
    khi ngày, tháng hợp lệ: "đến ngày 30/6/224"); dạng d/m/y khác có thể là thứ khác (cảnh báo).
    Ví dụ sai: "Số liệu tính đến ngày 31 tháng 6 năm 2024".
    Ví dụ đúng: "Số liệu tính đến ngày 30 tháng 6 năm 2024"."""
    for p in _body(report):
        seen: set[str] = set()
        for pattern, severity in ((_PHRASE_DATE, "error"), (_SLASH_DATE, "warning")):
            for m in pattern.finditer(p.text):
                day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
                # "ngày 31/6/2024", "tính đến 32/7/2025": the words say it is a date
                # (a three-digit year too, when its day and month are a day and a month: "đến ngày 30/6/224")
                said = pattern is _SLASH_DATE and (len(year) == 4 or (1 <= day <= 31 and 1 <= month <= 12)) \
                    and bool(_DATE_WORDS.search(p.text, 0, m.start()))
                if pattern is _SLASH_DATE and (day > (39 if said else 31) or month > 31 or day == 0 or month == 0):
                    continue  # not shaped like a date: a ratio of three numbers
                if pattern is _SLASH_DATE and len(year) == 3 and not 1 <= month <= 12:
                    continue
                why = _date_problem(day, month, year)
                if why is None or m.group(0) in seen:
                    continue
                seen.add(m.group(0))
                yield Finding(code="DATE_INVALID", severity="error" if said else severity, paragraph=p.index,
                              page=p.page,
                              reported=m.group(0), message=f"Ngày “{m.group(0)}” không thể có: {why}")


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _number(label: str) -> int | None:
    label = label.strip().upper()
    if label.isdecimal():
        return int(label)
    if not label or any(c not in _ROMAN for c in label):
        return None
    total = 0
    for a, b in zip(label, label[1:] + " "):
        value = _ROMAN[a]
        total += -value if b != " " and _ROMAN.get(b, 0) > value else value
    return total


_KINDS = {"phụ lục": "Phụ lục", "biểu": "Biểu"}
_MENTION = re.compile(r"(?<!\w)(phụ\s+lục|biểu)(?:\s+(?:số|mẫu\s+số))?\s+(\d{1,2}|[IVXLC]{1,6})(?!\w)", re.I)
_HEADING = re.compile(r"^\s*(phụ\s+lục|biểu)(?:\s+(?:số|mẫu\s+số))?\s+(\d{1,2}|[IVXLC]{1,6})\b", re.I)
_UNNUMBERED = re.compile(r"^\s*(phụ\s+lục|biểu)\s*:?\s*$", re.I)
_BODY_END = re.compile(r"^\s*Nơi\s+nhận\b", re.I)
# "Nơi nhận:" at the end of a line it shares with the body's last words (a page set in two columns)
_BODY_END_INSIDE = re.compile(r"(?<!\w)Nơi\s+nhận\s*:\s*$")
# Another document's annex: "Phụ lục II ban hành kèm theo Nghị định số 30/2020/NĐ-CP", "Biểu số 02 của Thông tư …".
_DOCUMENT = (r"(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Văn\s+bản"
             r"|Hướng\s+dẫn|số\s+\d)")
_ELSEWHERE = re.compile(rf"\s*,?\s*(?:(?:được\s+)?ban\s+hành\s+)?(?:kèm\s+theo\s+|của\s+|tại\s+|theo\s+)?"
                        rf"{_DOCUMENT}", re.I)
# This document's annex: "Phụ lục III kèm theo", "(Biểu số 03 đính kèm)", "… gửi kèm báo cáo này".
_ATTACHED = re.compile(rf"\s*(?:kèm\s+theo|đính\s+kèm|gửi\s+kèm)(?!\s*{_DOCUMENT})", re.I)


def _kind(word: str) -> str:
    return _KINDS[" ".join(word.casefold().split())]


def _present(report: Report, body_end: int) -> dict[str, dict[int, str]]:
    """Annex and form numbers the document has (number → as written): headings
    after the body, and table titles."""
    have: dict[str, dict[int, str]] = {"Phụ lục": {}, "Biểu": {}}
    texts = [p.text for p in report.paragraphs if p.index >= body_end]
    texts += [t.title or "" for t in report.tables] + [title for _, title in report.appendix_titles]
    for k, text in enumerate(texts):
        m = _HEADING.match(text)
        if m and (n := _number(m.group(2))) is not None:
            have[_kind(m.group(1))].setdefault(n, m.group(2))
        elif m := _UNNUMBERED.match(text):  # "PHỤ LỤC" alone: an annex with no number
            label = _HEADING.match(texts[k + 1]) if k + 1 < len(texts) else None
            if label and _kind(label.group(1)) == _kind(m.group(1)) and _number(label.group(2)) is not None:
                continue  # a sheet named "Phụ lục" over its "Phụ lục I": one annex, numbered
            have[_kind(m.group(1))].setdefault(0, "(không đánh số)")
    return have


def annexes_named(text: str) -> set[tuple[str, int]]:
    """The annexes and forms of this document ``text`` names ("(Phụ lục II)",
    "(Biểu số 02 kèm theo)"): (kind, number), another document's left out."""
    return {(_kind(m.group(1)), n) for m in _MENTION.finditer(text)
            if (n := _number(m.group(2))) is not None and not _ELSEWHERE.match(text[m.end():])}


def annex_of(report: Report, table: ScoreTable, opening: int | None) -> tuple[str, int] | None:
    """The annex or form that holds ``table``: its title's label ("Phụ lục II
    KẾT QUẢ …"), or a heading among the three paragraphs up to ``opening``
    (the paragraph that opens the table), the nearest first."""
    texts = [table.title or ""]
    if opening is not None:
        texts += [p.text for p in reversed(report.paragraphs) if opening - 3 <= p.index <= opening]
    for text in texts:
        m = _HEADING.match(text)
        if m and (n := _number(m.group(2))) is not None:
            return _kind(m.group(1)), n
    return None


@rule("REFERENCE_NOT_FOUND", "Văn bản dẫn tới phụ lục hoặc biểu không có trong văn bản")
def missing_annex(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: lời văn nhắc "Phụ lục III" hay "Biểu số 02" trong khi văn bản có kèm
    phụ lục (hoặc biểu) nhưng không có số đó.
    Vì sao: phụ lục bị bỏ, đánh số lại hay chép lời văn từ kỳ trước làm người đọc tìm một
    phụ lục không có. Văn bản không kèm phụ lục nào mà lời văn nói phụ lục "kèm theo":
    cảnh báo một lần (phụ lục có thể gửi riêng, số liệu của nó chưa được đối chiếu).
    Lời văn nói phụ lục ấy kèm theo văn bản này ("Phụ lục III kèm theo", "Biểu số 03 đính
    kèm") mà văn bản có các phụ lục cùng loại được đánh số: lỗi; không nói vậy: cảnh báo.
    Phụ lục của văn bản khác ("Phụ lục II ban hành kèm theo Nghị định số 30/2020/NĐ-CP",
    "Biểu số 02 của Thông tư 01/2018/TT-VPCP") thì không xét.
    Ví dụ sai: "chi tiết tại Phụ lục III kèm theo" mà văn bản chỉ có Phụ lục I và Phụ lục II.
    Ví dụ đúng: "chi tiết tại Phụ lục II kèm theo"."""
    end = next((p.index for p in report.paragraphs if _BODY_END.match(p.text)), None)
    if end is None:
        end = next((p.index for p in report.paragraphs if _BODY_END_INSIDE.search(p.text)), None)
    if end is None:
        return
    have = _present(report, end)
    absent_said = False
    for p in report.paragraphs:
        if p.index >= end:
            break
        if _HEADING.match(p.text) and len(p.text) < 80:
            continue
        for m in _MENTION.finditer(p.text):
            kind, n = _kind(m.group(1)), _number(m.group(2))
            after = p.text[m.end():]
            if n is not None and not have[kind] and not absent_said and _ATTACHED.match(after):
                absent_said = True  # "chi tiết tại Phụ lục I kèm theo" and no annex in the file: sent apart, or none
                yield Finding(code="REFERENCE_NOT_FOUND", severity="warning", paragraph=p.index, page=p.page,
                              reported=m.group(0),
                              message=f"Văn bản dẫn tới “{m.group(0)}” kèm theo nhưng tệp này không có phụ lục nào: "
                                      "nếu phụ lục được gửi riêng, số liệu của nó chưa được đối chiếu ở đây")
            if n is None or not have[kind] or n in have[kind] or _ELSEWHERE.match(after):
                continue
            shown = ", ".join(f"{kind} {have[kind][x]}" for x in sorted(have[kind]))
            sure = _ATTACHED.match(after) is not None and 0 not in have[kind]
            yield Finding(code="REFERENCE_NOT_FOUND", severity="error" if sure else "warning",
                          paragraph=p.index, page=p.page,
                          reported=m.group(0), expected=shown,
                          message=f"Văn bản dẫn tới “{m.group(0)}” nhưng chỉ kèm theo {shown}")


_ARTICLE = re.compile(r"^\s*Điều\s+(\d{1,2})\s*[.:]", re.I)
_EXECUTES = re.compile(r"chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành|thi\s+hành\s+(?:quyết\s+định|thông\s+báo)"
                       r"\s+này|chịu\s+trách\s+nhiệm\s+thực\s+hiện\s+(?:quyết\s+định|thông\s+báo)\s+này", re.I)
_AS_ARTICLE = re.compile(r"^[-–+•]?\s*Như\s+Điều\s+(\d{1,2})\b", re.I)


def _articles(report: Report) -> list[tuple[int, str]]:
    """(number, text) of each "Điều N." with the lines after it up to the
    next article or "Nơi nhận": a PDF breaks an article into its lines
    ("Điều 4. Chánh Văn phòng UBND tỉnh, Thủ trưởng" / "… thi hành Quyết
    định này./.")."""
    out: list[tuple[int, str]] = []
    for p in report.paragraphs:
        if _BODY_END.match(p.text):
            break
        # a PDF may run two articles into one paragraph: "Điều 2. … kể từ ngày ký. Điều 3. Chánh Văn phòng …"
        for k, piece in enumerate(_ARTICLE_INSIDE.split(p.text)):
            m = _ARTICLE.match(piece)
            if m:
                out.append((int(m.group(1)), piece))
            elif out and (k or piece.strip()):
                out[-1] = (out[-1][0], f"{out[-1][1]} {piece}")
    return out


_ARTICLE_INSIDE = re.compile(r"(?<=[.;:])\s+(?=Điều\s+\d{1,2}\s*[.:])")


@rule("NOI_NHAN_REFERENCE", "“Như Điều N” ở Nơi nhận không trỏ tới điều giao trách nhiệm thi hành")
def noi_nhan_article(report: Report, ctx: CheckContext) -> Iterator[Finding]:
    """Kiểm tra gì: dòng "- Như Điều N;" ở Nơi nhận so với số của điều giao trách nhiệm
    thi hành văn bản ("… chịu trách nhiệm thi hành Quyết định này").
    Vì sao: Nơi nhận "Như Điều N" là những người điều N giao thi hành; thêm hoặc bớt một
    điều mà không sửa Nơi nhận thì văn bản không tới đúng người.
    Ví dụ sai: Điều 3 giao thi hành, Nơi nhận ghi "- Như Điều 4;".
    Ví dụ đúng: Nơi nhận ghi "- Như Điều 3;"."""
    executing = sorted({n for n, text in _articles(report) if _EXECUTES.search(text)})
    if len(executing) != 1:
        return
    for text, p in report.recipient_lines:
        m = _AS_ARTICLE.match(text)
        if m and int(m.group(1)) != executing[0]:
            yield Finding(code="NOI_NHAN_REFERENCE", severity="error", paragraph=p.index, page=p.page,
                          reported=f"Như Điều {m.group(1)}", expected=f"Như Điều {executing[0]}",
                          message=f"Nơi nhận ghi “Như Điều {m.group(1)}” nhưng điều giao trách nhiệm thi hành "
                                  f"là Điều {executing[0]}")
