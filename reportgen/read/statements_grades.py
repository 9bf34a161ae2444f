"""Grade claims in prose: "06 cơ quan xếp loại Xuất sắc: A, B, …", "Xếp loại
Tốt: 09 đơn vị (A; B)", "203/204 BPMC Hoàn thành xuất sắc nhiệm vụ", and the
evaluated counts they add up to ("Thực hiện đánh giá đối với 17/19 cơ quan").
Grade names come from the schemes; unit lists are split and, given the
report's tables, joined back where a name holds a comma."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Sequence

from ..model import Statement
from ..model.vocabulary import LETTER_GRADES, OFFICIAL_GRADES, PASS_FAIL_GRADES, TASK_GRADE, TASK_SCALE_SHORT
from ..schemes import all_schemes
from ..text.names import find_unit
from .statements_blocks import Block


@lru_cache(maxsize=1)
def _grade_words() -> tuple[tuple[str, str], ...]:
    """(written form, canonical grade), longest first, from every scheme."""
    pairs: dict[str, str] = {}
    for scheme in all_schemes().values():
        for band in scheme.grades:
            for w in (band.name, *band.aliases):
                pairs.setdefault(w.casefold(), band.name)
    for w in (*OFFICIAL_GRADES, TASK_GRADE, *PASS_FAIL_GRADES):
        pairs[w.casefold()] = w
    for w, name in TASK_SCALE_SHORT.items():  # "1/8 đơn vị xếp loại Hoàn thành", "… Chưa hoàn thành"
        pairs.setdefault(w.casefold(), name)
    for letter in LETTER_GRADES:  # "xếp loại loại B", "06 xã loại B": never a bare letter of a sentence
        pairs[f"loại {letter}".casefold()] = letter
    return tuple(sorted(pairs.items(), key=lambda kv: len(kv[0]), reverse=True))


def grade_words() -> tuple[tuple[str, str], ...]:
    """(written form casefolded, canonical grade) of every scheme's grades, longest first."""
    return _grade_words()


# An official's grade names a percent ("xếp loại Hoàn thành 100% nhiệm vụ, chiếm 75,00%"): a name, not a figure.
_GRADE_PERCENT = re.compile(r"hoàn\s+thành\s+(?:(?:từ|dưới)\s+)?\d+\s*%(?:\s+đến\s+dưới\s+\d+\s*%)?\s+nhiệm\s+vụ", re.I)


def grade_names_masked(sentence: str) -> str:
    """``sentence`` with each official's grade name written as one word of
    letters, so that a share after the name is read with its count: "09 cán
    bộ, công chức xếp loại Hoàn thành từ 70% đến dưới 100% nhiệm vụ, chiếm
    25,00%". Offsets are kept."""
    return _GRADE_PERCENT.sub(lambda m: re.sub(r"[\W\d_]", "x", m.group(0)), sentence)


def canonical_grade(text: str) -> str | None:
    folded = " ".join(text.split()).casefold()
    for w, name in _grade_words():
        if folded == w:
            return name
    return None


def gapped_grade(text: str) -> str | None:
    """The grade a cell writes with its word gap moved or lost, as a PDF's
    glyph spacing reads a narrow column ("Trun gbình", "Xuấtsắc"): the same
    letters as one grade's name, spaces aside. None for any other text, and
    for a grade written with its gaps where they belong."""
    if canonical_grade(text) is not None:
        return None  # written as the grade is, its case kept where it is shown ("KHÁ")
    letters = "".join(text.split()).casefold()
    for w, name in _grade_words():
        if letters == "".join(w.split()):
            return name
    return None


@lru_cache(maxsize=1)
def _grade_count_re() -> re.Pattern[str]:
    grades = "|".join(re.escape(w) for w, _ in _grade_words())
    return re.compile(
        _COUNT_HEAD + r"(?:(?P<kw>(?:được\s+)?xếp\s+loại|đạt\s+loại|loại)\s*:?\s*)?(?P<grade>" + grades + r")(?!\w)"
        r"(?:\s*(?:nhiệm vụ)?\s*:\s*(?P<list>.+?)" + _LIST_END + r"|\s*\((?P<plist>[^()]+)\))?", re.I)


@lru_cache(maxsize=1)
def _grade_first_re() -> re.Pattern[str]:
    """'Xếp loại Xuất sắc: 06 cơ quan, gồm: …' (the grade before the count)."""
    grades = "|".join(re.escape(w) for w, _ in _grade_words())
    return re.compile(
        r"(?P<kw>xếp\s+loại|loại|mức)\s+(?P<grade>" + grades + r")(?!\w)\s*:?\s*(?:có|là|gồm)?\s*:?\s*"
        r"(?<![\d/.,])(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+(?P<noun>[^\W\d][\w&]*(?:\s+[^\W\d][\w&]*){0,3})"
        r"(?:\s*,?\s*(?:gồm|bao\s+gồm|là)?\s*:\s*(?P<list>.+?)" + _LIST_END + r"|\s*\((?P<plist>[^()]+)\))?", re.I)


# A year ("năm 2025 xếp loại …"), a bound of a band ("từ 90 đến dưới 100 điểm
# xếp loại …"), a number of levels ("có 04 mức xếp loại: Tốt, Khá …") or a rank
# ("xếp hạng 13/34 tỉnh, thành phố, xếp loại Tốt") is not a count of units.
_NOT_A_COUNT = (r"(?<!năm\s)(?<!tháng\s)(?<!ngày\s)(?<!dưới\s)(?<!trên\s)(?<!đến\s)(?<!từ\s)"
                r"(?<!hạng\s)(?<!thứ\s)")
_COUNT_HEAD = (_NOT_A_COUNT + r"(?<![\d/.,])(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+(?!điểm\b|%|mức\b|loại\b)"
               r"(?P<noun>(?:[^\W\d][\w&]*,?\s+){0,5}?)")
# A unit list ends where the next count of a grade starts, or at the block's end.
_LIST_END = (r"(?=\s*(?:[;.]\s*|,?\s+và\s+|\s)(?:có\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?\s+(?:[^\W\d][\w&]*,?\s+){0,5}?"
             r"(?:xếp\s+loại|đạt\s+loại|loại)\b|\s*[;.]?\s*(?:[-–+•]\s*)?(?:xếp\s+loại|loại|mức)\s+\w|\s*$)")


def _unit_parenthesis(text: str | None) -> str | None:
    """'(Sở Tài chính)' after a grade names the units; '(chi tiết tại Phụ lục)'
    or '(tăng 2 đơn vị)' does not."""
    if not text or re.match(r"\s*(chi tiết|kèm|có phụ lục|xem|tăng|giảm|bằng|so với|trong đó|gồm)", text, re.I):
        return None
    parts = [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
    return text if parts and all(p[:1].isupper() and not re.search(r"\d", p) for p in parts) else None


# A period is no population: "kết quả đánh giá 6 tháng đầu năm 2026", "đánh giá 2 lần".
_PERIOD = r"(?!(?:tháng|năm|ngày|quý|tuần|giờ|lần|kỳ)\b)"
_EVALUATED = re.compile(
    r"(?:đánh\s+giá|chấm\s+điểm)(?:\s+(?:đối\s+với|cho|của))?\s*:?\s*(?P<x>\d{1,4})(?:\s*/\s*(?P<y>\d{1,4}))?\s+"
    + _PERIOD + r"(?P<noun>[^\W\d][\w ]{0,30}?)(?=\s*(?:[,.;:()]|$|\s+(?:trong\s+đó|thuộc|theo)(?!\w)))"
    # "… có 124 xã, phường, đặc khu được đánh giá"
    r"|" + _NOT_A_COUNT + r"(?<![\d/.,])(?P<x2>\d{1,4})(?:\s*/\s*(?P<y2>\d{1,4}))?\s+"
    + _PERIOD + r"(?P<noun2>[^\W\d](?:[^\W\d]|[, ]){0,40}?)\s+"
    r"(?:đã\s+)?được\s+(?:đánh\s+giá|chấm\s+điểm|xếp\s+loại)(?!\s+(?-i:[A-ZĐ]))", re.I)  # not "… xếp loại Tốt"


# The kinds of unit a report counts its units by: "đơn vị", "cơ quan, đơn vị", "sở, ban, ngành", "xã, phường".
_UNIT_NOUN = (r"(?:cơ\s+quan(?:,\s*đơn\s+vị)?|đơn\s+vị|sở(?:,\s*ban)?(?:,\s*ngành)?|UBND\s+cấp\s+(?:tỉnh|huyện|xã)"
              r"|(?:xã|phường|huyện)(?:,\s*(?:phường|thị\s+trấn|đặc\s+khu|thị\s+xã|thành\s+phố))*)")
# How many units a group holds, in brackets after its name: "Khối sở, ban, ngành (9 đơn vị): 4/9 …".
_GROUP_POPULATION = re.compile(r"(?P<label>(?<!\w)(?:khối|nhóm)\s+[^():;.\d]{2,60}?)\s*\(\s*(?P<x>\d{1,4})\s+"
                               r"(?P<noun>" + _UNIT_NOUN + r")\s*\)", re.I)
# The units an evaluation covers, said after it in its clause: "… phiếu đánh giá tại Bộ phận Một cửa của 13 đơn vị".
_EVALUATED_OF = re.compile(r"(?<!\w)đánh\s+giá(?!\s+(?:của|cho|đối\s+với)\s*\d)[^,.;:()\d]{0,60}?(?<!\w)của\s+"
                           r"(?P<x>\d{1,4})\s+(?P<noun>" + _UNIT_NOUN + r")(?!\w)", re.I)


@lru_cache(maxsize=1)
def _joined_grade_re() -> re.Pattern[str]:
    grades = "|".join(re.escape(w) for w, _ in _grade_words())
    return re.compile(r"\s*(?:,|hoặc|và|hay)\s*(?:(?:xếp\s+)?loại\s+)?(?P<grade>" + grades + r")(?!\w)", re.I)


def _grades_after(text: str, at: int) -> list[str]:
    """The grades a count takes together with the one before ``at``: "3/12 cơ
    quan xếp loại Xuất sắc hoặc Tốt" counts both ("… Xuất sắc và 5 Tốt" does
    not: a number starts another count)."""
    out = []
    while (m := _joined_grade_re().match(text, at)) is not None:
        out.append(canonical_grade(m.group("grade")))
        at = m.end()
    return out


def grade_statements(block: Block, scope: str | None, units: Sequence[str]) -> list[Statement]:
    out: list[Statement] = []
    text = block.text.lstrip("-–+•* ")
    offset = len(block.text) - len(text)
    matches: list[re.Match[str]] = []
    for m in _grade_count_re().finditer(text):
        # "… đã hoàn thành nhiệm vụ", "5 đơn vị chưa hoàn thành": the verb, a grade only after "xếp loại"
        plain = canonical_grade(m.group("grade")) == TASK_GRADE \
            or " ".join(m.group("grade").split()).casefold() in {w.casefold() for w in TASK_SCALE_SHORT}
        if m.group("kw") or m.group("list") or m.group("grade").casefold().startswith("hoàn thành") and not plain \
                or canonical_grade(m.group("grade")) in LETTER_GRADES \
                or (matches and _goes_on(text, matches[-1], m)):
            matches.append(m)
    if not matches:
        matches = list(_grade_first_re().finditer(text))
    # "đạt" is the verb of every sentence ("mức đạt 85 điểm", "03 xã đạt 100%"): a grade only after "xếp loại"
    matches = [m for m in matches if _grade_kw(m) or canonical_grade(m.group("grade")) not in PASS_FAIL_GRADES]
    for m in matches:
        grade = canonical_grade(m.group("grade"))
        st = Statement(kind="grade_count", text=block.text, paragraph=block.index, page=block.page,
                       count=int(m.group("x")), grade=grade, scope=scope,
                       also_grades=[g for g in _grades_after(text, m.end("grade")) if g != grade],
                       count_written=m.group("x"), noun=m.group("noun").strip(), grade_written=m.group("grade"),
                       at=offset + m.start())
        if m.group("y"):
            st.numerator, st.denominator = Decimal(m.group("x")), Decimal(m.group("y"))
        listed = m.group("list") or _unit_parenthesis(m.group("plist"))
        if listed:
            st.units = split_units(listed, units)
            st.grades_listed = listed.strip()
        out.append(st)
    taken = [m.span() for m in matches]
    for m in _EVALUATED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        x, y = m.group("x") or m.group("x2"), m.group("y") or m.group("y2")
        st = Statement(kind="evaluated_count", text=block.text, paragraph=block.index, page=block.page,
                       count=int(x), scope=scope, noun=(m.group("noun") or m.group("noun2")).strip())
        st.numerator = Decimal(x)
        if y:
            st.denominator = Decimal(y)
        out.insert(sum(1 for a, _ in taken if a < m.start()), st)
        taken.append(m.span())
    for pattern in (_GROUP_POPULATION, _EVALUATED_OF):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            st = Statement(kind="evaluated_count", text=block.text, paragraph=block.index, page=block.page,
                           count=int(m.group("x")), scope=scope, noun=" ".join(m.group("noun").split()),
                           numerator=Decimal(m.group("x")), at=offset + m.start("x"),
                           title=" ".join(m.group("label").split()) if "label" in pattern.groupindex else None)
            out.insert(sum(1 for a, _ in taken if a < m.start()), st)
            taken.append(m.span())
    return out


_LIST_GAP = re.compile(r"\s*(?:[,;]\s*)?(?:và\s+)?(?:có\s+)?", re.I)


def _grade_kw(m: re.Match[str]) -> bool:
    """Whether a grade claim names its grade after "xếp loại", "loại" or "đạt loại"."""
    kw = " ".join((m.group("kw") or "").split()).casefold()
    return bool(kw) and kw != "mức"


def _goes_on(text: str, before: re.Match[str], m: re.Match[str]) -> bool:
    """Whether the count ``m`` (no "xếp loại" of its own) goes on the list
    of ``before``: right after it, of the same noun ("có 1 đơn vị xếp loại
    Xuất sắc, 1 đơn vị Tốt, 6 đơn vị Khá")."""
    return _LIST_GAP.fullmatch(text, before.end(), m.start()) is not None \
        and " ".join(m.group("noun").split()).casefold() == " ".join(before.group("noun").split()).casefold()


_GROUP_PREFIX = re.compile(r"^\s*(?P<head>[^:]*?)\s*\bcác\s+(?P<noun>[^:]+?)\s*:\s*(?P<rest>.+)$", re.I)


def split_units(text: str, candidates: Sequence[str] = ()) -> list[str]:
    """A written list of units: 'A, B, C.' or 'A; B; C' (names with commas),
    with group prefixes expanded ('UBND các xã: Mường Nhà, Pa Thơm' → 'UBND xã
    Mường Nhà', 'UBND xã Pa Thơm'; 'Các phòng: Tư pháp' → 'Phòng Tư pháp').
    Given the table's unit names, fragments of a name that holds a comma are
    joined back ('Sở Văn hóa', 'Thể thao và Du lịch')."""
    text = re.sub(r"[.;,\s]+$", "", text.strip())
    text = re.sub(r"\s*\((?:chi tiết|có phụ lục)[^)]*\)\s*$", "", text, flags=re.I)
    chunks = text.split(";") if ";" in text else [text]
    out: list[str] = []
    for chunk in chunks:
        m = _GROUP_PREFIX.match(chunk)
        if m:
            noun = m.group("noun").split(",")[0].strip()
            head = m.group("head").strip()
            prefix = (head + " " + noun) if head else noun[:1].upper() + noun[1:]
            names = [n.strip() for n in m.group("rest").split(",")]
            out.extend(f"{prefix} {n}" for n in names if n)
        elif ";" in text:
            out.append(chunk.strip())
        else:
            out.extend(n.strip() for n in chunk.split(","))
    out = [re.sub(r"^(?:và|and)\s+", "", n).strip(" .") for n in out if n.strip(" .")]
    return _rejoin(out, candidates) if candidates else out


def _rejoin(parts: list[str], candidates: Sequence[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(parts):
        if find_unit(parts[i], candidates) is None:
            for k in (2, 3):
                if i + k <= len(parts):
                    joined = ", ".join(parts[i:i + k])
                    if find_unit(joined, candidates) is not None:
                        out.append(joined)
                        i += k
                        break
            else:
                out.append(parts[i])
                i += 1
            continue
        out.append(parts[i])
        i += 1
    return out


# "85,20%, xếp loại Tốt", "… là Sở Xây dựng (91,56%), xếp loại Tốt": a bracket the figure closes may stand between.
_GRADE_AFTER = re.compile(r"^\s*(?:điểm\s*)?\)?\s*(?:\([^()]{0,40}\)\s*)?[,;]?\s*(?:và\s+)?(?:được\s+)?"
                          r"(?:xếp\s+loại|đạt\s+loại|loại)\s*:?\s*", re.I)


def grade_after(text: str, end: int) -> str:
    """The grade written right after a unit's figure ("85,20%, xếp loại Tốt"), as the scheme names it."""
    m = _GRADE_AFTER.match(text[end:end + 80])
    if not m:
        return ""
    rest = " ".join(text[end + m.end():end + m.end() + 60].split()).casefold()
    for written, name in grade_words():
        if rest.startswith(written) and (len(rest) == len(written) or not rest[len(written)].isalnum()):
            return name
    return ""
