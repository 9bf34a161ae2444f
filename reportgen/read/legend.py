"""The grade bands a document states itself: "Từ 80 đến dưới 90 điểm: Tốt",
"Xếp loại Khá: có chỉ số chung đạt từ 65% đến dưới 80%", "TỐT ≥ 80",
"KHÁ: từ 65 đến dưới 80", "Dưới 50 điểm: Yếu", "XS - Xuất sắc (từ 90 điểm trở
lên)" — the abbreviation a table then writes for the grade. A legend is a rule of the
document, never a count of units; the checks grade against it before any
scheme's bands (``Report.grade_legend``).

A segment (a line, or a part of it between ";") is a band when it names one
grade and every number in it is a bound of that grade.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..model import GradeBand, Paragraph, Statement, StatementKind
from ..model.vocabulary import LETTER_GRADES, PASS_GRADE
from ..raw import RawTable
from .statements_grades import grade_words

_NUM = r"(\d{1,3}(?:[.,]\d{1,3})?)"
_LOWER = re.compile(r"(?P<op>từ|≥|>=|=>|lớn\s+hơn\s+hoặc\s+bằng|trên|>)\s*" + _NUM + r"\s*(?P<u>%|điểm)?", re.I)
_UPPER = re.compile(r"(?P<op>đến\s+dưới|tới\s+dưới|dưới|<=|≤|<|đến|tới)\s*" + _NUM + r"\s*(?P<u>%|điểm)?", re.I)
_ABOVE = re.compile(r"trở\s+lên", re.I)
# A lower bound written before the grade, as an interval: "80% ≤ TỐT < 90%", "65 <= Khá < 80".
_LOWER_BEFORE = re.compile(_NUM + r"\s*(?P<u>%|điểm)?\s*(?P<op>≤|<=|<)\s*(?=[^\d\s])", re.I)
# A range whose upper bound is written with its sign: "Tốt (80% - < 90%)", "Khá: 65 – dưới 80 điểm".
_LOWER_OF_RANGE = re.compile(_NUM + r"\s*(?P<u>%|điểm)?\s*(?P<op>[-–])\s*(?=(?:<|≤|<=|dưới)\s*\d)", re.I)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_SPLIT = re.compile(r"\s*[;\n]\s*|(?<=[.])\s+(?=[-–+•]?\s*[A-ZĐÀ-Ỹ])")


# An abbreviation the legend defines for its grade: "XS - Xuất sắc (…)", "Tốt (T): …".
_SHORT_BEFORE = re.compile(r"^(?i:ghi\s*chú\s*:\s*)?(?P<s>[A-ZĐ]{1,3})\s*[-–:=]\s*\S")
_SHORT_AFTER = re.compile(r"\((?P<s>[A-ZĐ]{1,3})\)")


def _short(segment: str) -> str | None:
    m = _SHORT_BEFORE.match(segment.strip()) or _SHORT_AFTER.search(segment)
    return m.group("s") if m else None


# "Các chữ viết tắt: XS - Xuất sắc, TB - Trung bình": an abbreviation and the grade it stands for.
_ALIAS = re.compile(r"(?<![\w])(?P<s>[A-ZĐ]{1,3})\s*[-–:=]\s*(?P<g>[^,;.()\n]{2,40})")


def read_grade_aliases(paragraphs: Iterable[Paragraph], bands: Iterable[GradeBand] = ()) -> dict[str, str]:
    """The abbreviations the document defines for its grades, in a legend
    of bands ("XS - Xuất sắc (từ 90 điểm trở lên)") or a list of
    abbreviations ("Các chữ viết tắt: XS - Xuất sắc, TB - Trung bình"): an
    abbreviation followed by the grade's own words and nothing else up to
    the next comma, semicolon or bracket."""
    out = {b.short: b.grade for b in bands if b.short}
    for p in paragraphs:
        for m in _ALIAS.finditer(p.text):
            words = " ".join(m.group("g").split()).casefold().strip()
            grade = _grade_in(m.group("g"))
            if grade is not None and (words == grade.casefold() or words in dict(grade_words())):
                out.setdefault(m.group("s"), grade)
    return out


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


# Grades a legend may name that no shipped scheme has (a province's own index).
_MORE_GRADES = (("không hoàn thành", "Không hoàn thành"), ("chưa hoàn thành", "Chưa hoàn thành"), ("kém", "Kém"),
                ("yếu", "Yếu"),
                ("chưa đạt yêu cầu", "Chưa đạt yêu cầu"), ("không đạt yêu cầu", "Không đạt yêu cầu"),
                ("chưa đạt", "Chưa đạt"), ("không đạt", "Không đạt"))
# A letter grade: "loại A: Chỉ số từ 90% trở lên".
_LETTER = re.compile(r"(?<!\w)[Ll]oại\s+(?P<l>[A-E])(?!\w)")
# The pass grade "Đạt" is also the verb every sentence uses ("đơn vị đạt từ 80 điểm"): it names a
# grade only where a grade stands: at the segment's start or after ":", "-", "loại", "là", and
# before a bound, a colon, a bracket or the end ("Từ 50% trở lên: Đạt", "Đạt: từ 50%", "xếp loại Đạt").
_PASS = re.compile(r"(?:^|(?<=[:\-–])|(?<=\bloại)|(?<=\blà))\s*(?P<g>đạt(?:\s+yêu\s+cầu)?)"
                   r"(?=\s*(?:$|[:(.,]|từ\b|dưới\b|trên\b|khi\b|nếu\b|≥|>|<|≤|=))")


def _grade_in(segment: str) -> str | None:
    """The one grade a segment names (longest written form first), else None."""
    found = _grade_named(segment)
    return found[0] if found else None


def _grade_named(segment: str) -> tuple[str, str] | None:
    """The one grade a segment names and the words it names it with
    ("loại Hoàn thành tốt nhiệm vụ từ 80%" → Tốt, "Hoàn thành tốt nhiệm
    vụ"), else None."""
    folded = " ".join(segment.split()).casefold()
    found = []
    known = dict(grade_words())
    words = sorted(((w, name) for w, name in {**dict(_MORE_GRADES), **known}.items() if not _PASS.fullmatch(w)),
                   key=lambda kv: len(kv[0]), reverse=True)
    for written, name in words:
        start = 0
        while (i := folded.find(written, start)) >= 0:
            end = i + len(written)
            if (i == 0 or not folded[i - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()):
                if not any(a <= i < b for a, b, _ in found):
                    found.append((i, end, name))
            start = end
    named_other = bool(found)
    for m in _PASS.finditer(folded):
        if named_other and re.match(r"\s*(?:từ|trên|dưới|≥|>|<|≤)\s*\d", folded[m.end("g"):]):
            continue  # "Mức xếp loại: đạt từ 90% … trở lên là Xuất sắc": the verb before the bound, not a grade
        if not any(a <= m.start("g") < b for a, b, _ in found):
            found.append((m.start("g"), m.end("g"), PASS_GRADE))
    plain = " ".join(segment.split())  # the letter's case kept: "loại A", never "loại a"
    for m in _LETTER.finditer(plain):
        found.append((m.start(), m.end(), LETTER_GRADES["ABCDE".index(m.group("l"))]))
    found.sort()
    names = {name for _, _, name in found}
    if len(names) != 1:
        return None
    start, end, name = found[0]
    return name, " ".join(" ".join(segment.split())[start:end].split())


# The two abbreviations every office reads the same: "XS" Xuất sắc, "TB" Trung bình ("T", "K" may be anything).
_ABBREVIATED = re.compile(r"^\s*(?P<s>XS|TB)\s*[:\-–=]")
_STANDS_FOR = {"XS": "Xuất sắc", "TB": "Trung bình"}


def _abbreviated(segment: str) -> str | None:
    """The grade a band names by its usual abbreviation: "XS: từ 90% trở lên"."""
    m = _ABBREVIATED.match(segment)
    return _STANDS_FOR[m.group("s")] if m else None


def _band(segment: str, paragraph: int | None) -> GradeBand | None:
    # a rule's words, its signs, its unit, or a bound in words ("Tốt từ 80 đến dưới 90" after "Xếp loại …;")
    if len(segment) > 220 or not re.search(r"xếp\s+loại|loại|:|≥|>=|<|≤|điểm|%|(?<!\w)(?:từ|dưới)\s+\d|trở\s+lên",
                                            segment, re.I):
        return None
    named = _grade_named(segment)
    grade = named[0] if named else _abbreviated(segment)
    if grade is None:
        return None
    written = segment
    if named:  # the grade's own figures are no bounds: "từ 3,5 điểm đến dưới 5 điểm: Hoàn thành từ 70% đến dưới 100%"
        words = re.compile(r"\s+".join(map(re.escape, named[1].split())), re.I)
        segment = words.sub(lambda m: re.sub(r"\S", "§", m.group(0)), segment, count=1)
    lower = _LOWER.search(segment)
    before = (_LOWER_BEFORE.search(segment) or _LOWER_OF_RANGE.search(segment)) if lower is None else None
    lower_at = lower.start() if lower else before.end() if before else None
    uppers = [m for m in _UPPER.finditer(segment) if lower_at is None or m.start() >= lower_at
              or m.group("op").casefold().startswith("dưới")]
    upper = uppers[0] if uppers else None
    if lower is None and before is None and upper is None:
        return None
    used = {m.start(2) for m in (lower, upper) if m is not None} | ({before.start(1)} if before else set())
    if any(m.start() not in used for m in _NUMBER.finditer(segment)):
        return None  # a number that is not a bound: a count or a date, not a legend
    units = {m.group("u") for m in (lower, before, upper) if m is not None and m.group("u")}
    unit = "percent" if "%" in units else "points" if "điểm" in units else None
    band = GradeBand(grade=grade, unit=unit, paragraph=paragraph, text=written.strip(), short=_short(written),
                     written=named[1] if named else None)
    if lower is not None:
        band.lower = _dec(lower.group(2))
        band.lower_inclusive = lower.group("op").casefold() not in ("trên", ">")
    elif before is not None:
        band.lower = _dec(before.group(1))
        band.lower_inclusive = before.group("op") != "<"
    if upper is not None and not _ABOVE.search(segment):
        band.upper = _dec(upper.group(2))
        op = " ".join(upper.group("op").casefold().split())
        band.upper_inclusive = op in ("đến", "tới", "<=", "≤")
    return band


def read_grade_legend(paragraphs: Iterable[Paragraph]) -> list[GradeBand]:
    """Every band stated in the prose or in the notes under tables, in
    document order; a grade stated twice keeps its first band."""
    out: list[GradeBand] = []
    seen: set[str] = set()
    prev = ""
    for p in paragraphs:
        for segment in _SPLIT.split(p.text):
            segment = segment.strip(" -–+•*")
            band = _band(segment, p.index) or _band_after_preamble(segment, p.index)
            paired = None if band is not None else _paired_band(prev, segment, p.index)
            band = band or paired
            for b in [band] if band is not None else _comma_bands(segment, p.index):
                if b.grade not in seen:
                    seen.add(b.grade)
                    out.append(b)
            prev = "" if paired is not None else segment  # a paragraph pairs once
    return out


# A comma between two bands: never a decimal comma (no space after it), never one inside brackets.
_COMMA = re.compile(r",\s+(?![^()]*\))")


def _comma_bands(segment: str, paragraph: int | None) -> list[GradeBand]:
    """The bands of a legend written as one sentence with commas: "Xếp loại
    theo tỷ lệ điểm: loại Xuất sắc đạt từ 88% trở lên, loại Tốt từ 75% đến
    dưới 88%, …, còn lại dưới 60% xếp loại Trung bình" — each part after
    the colon a band, two at least, or none is taken."""
    body = segment[segment.find(":") + 1:] if ":" in segment else segment
    parts = _COMMA.split(body)
    bands = [_band(part, paragraph) for part in parts]
    found = [b for b in bands if b is not None]
    return found if len(found) >= 2 and len(found) == len(parts) else []


_VERB_BEFORE_BOUND = re.compile(r"^\s*đạt\s+(?=từ|trên|dưới)", re.I)


def _band_after_preamble(segment: str, paragraph: int | None) -> GradeBand | None:
    """The band a segment states after an introduction ending in a colon whose
    figures are no bounds: "Xếp loại theo Điều 15 Thông tư số 01/2018/TT-VPCP:
    từ 15 điểm trở lên: Xuất sắc" states Xuất sắc from 15."""
    for m in re.finditer(r":", segment):
        rest = segment[m.end():]
        label, colon, bounds = rest.partition(":")
        if colon and len(label.split()) <= 4 and _grade_in(label):
            # "…như sau: Tốt: đạt từ 80% trở lên": the grade is the label's; "đạt" after it is the verb
            return _band(f"{label.strip()}: {_VERB_BEFORE_BOUND.sub('', bounds)}", paragraph)
        band = _band(rest, paragraph)
        if band is not None:
            return band
    return None


def _paired_band(prev: str, segment: str, paragraph: int | None) -> GradeBand | None:
    """A band whose grade and bounds stand in two paragraphs one after the
    other — the cells of a legend table read as paragraphs ("Tốt", then "Từ
    80 đến dưới 90 điểm"; or the bounds first): read together when one of
    them is a grade's name alone."""
    if not prev or len(prev) > 40 and len(segment) > 40:
        return None
    for grade, bounds in ((prev, segment), (segment, prev)):
        if len(grade.split()) <= 3 and _grade_in(grade) and _grade_in(bounds) is None:
            band = _band(f"{grade}: {bounds}", paragraph)
            if band is not None:
                return band
    return None


def read_table_legend(tables: Iterable[RawTable]) -> list[GradeBand]:
    """Bands stated as a table of their own ("Mức xếp loại | Tổng điểm",
    "Tốt | Từ 80 đến dưới 90 điểm"): each row read as one segment of its
    cells. The first table with two band rows or more is the legend (one row
    that reads as a band is a coincidence, not a legend)."""
    for table in tables:
        out: list[GradeBand] = []
        seen: set[str] = set()
        for row in table.rows:
            texts = [" ".join(c.text.split()) for c in row if c.text and c.text.strip()]
            band = _band(": ".join(texts), None) if len(texts) >= 2 else None
            if band is not None and band.grade not in seen:
                seen.add(band.grade)
                out.append(band)
        if len(out) >= 2:
            return out
    return []


def without_band_bounds(statements: list[Statement], bands: Iterable[GradeBand]) -> list[Statement]:
    """The claims less the bounds of the bands the prose states: "80%" in
    "80% ≤ TỐT < 90%" is a rule of the document, not a figure it measured."""
    bounds: dict[int, list[tuple[set, str]]] = {}
    for b in bands:
        if b.paragraph is not None:
            bounds.setdefault(b.paragraph, []).append(({b.lower, b.upper} - {None}, b.text))
    if not bounds:
        return statements
    return [st for st in statements
            if not (st.kind == StatementKind.PERCENT and st.paragraph in bounds
                    and any(st.percent in values and st.text in text for values, text in bounds[st.paragraph]))]
