"""Document metadata from the prose of a report, by the layout of Nghị định
30/2020/NĐ-CP: issuing body and its parent, "Số:" number and symbol, place and
date, document type and subject (trích yếu), signing authority and signer,
Kính gửi / Nơi nhận recipients.

The reader anchors on structure, not wording: the "Số:" line, the place-date
line, a line that is a document type's name in capitals (or a "V/v" line), the
KT./TM./TL. authority block, the "Nơi nhận:" list. Text around the document
(a web page's navigation) is ignored because nothing anchors on it; a header
the extraction lost is recovered from an appendix's "(Kèm theo Báo cáo số …
ngày … của …)" line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..model import AnnexRef, Meta, Paragraph
from ..text import collapse_spaces
from ..text.dates import DATE_PHRASE, parse_vi_date, period_bounds, period_of
from ..text.lines import MOTTO, is_caps, lines_of, plain
from .meta_closing import find_signature, is_position, recipients

# Document types of Nghị định 30/2020 Phụ lục III (checked against the decree's
# own table in shared/reference/nd30-phuluc3.docx): name → abbreviation.
DOC_TYPES: dict[str, str] = {
    "nghị quyết": "NQ", "quyết định": "QĐ", "chỉ thị": "CT", "quy chế": "QC",
    "quy định": "QyĐ", "thông cáo": "TC", "thông báo": "TB", "hướng dẫn": "HD",
    "chương trình": "CTr", "kế hoạch": "KH", "phương án": "PA", "đề án": "ĐA",
    "dự án": "DA", "báo cáo": "BC", "biên bản": "BB", "tờ trình": "TTr",
    "hợp đồng": "HĐ", "công điện": "CĐ", "bản ghi nhớ": "BGN",
    "bản thỏa thuận": "BTT", "giấy ủy quyền": "GUQ", "giấy mời": "GM",
    "giấy giới thiệu": "GGT", "giấy nghỉ phép": "GNP", "phiếu gửi": "PG",
    "phiếu chuyển": "PC", "phiếu báo": "PB", "công văn": "CV",
    # normative documents (Luật Ban hành VBQPPL), cited and read as well
    "nghị định": "NĐ", "thông tư": "TT", "thông tư liên tịch": "TTLT",
}
TYPE_ABBREVIATIONS = {v.casefold(): v for v in DOC_TYPES.values() if v != "CV"}

_NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]\s*(.*)$", re.I)
_SYMBOL = re.compile(r"([0-9]*)\s*[_.…\s]*\s*/\s*([A-ZĐa-zđ0-9&.\-]+(?:/[A-ZĐa-zđ0-9&.\-]+)*)")
# In the header a scan may misread the day or month ("ngày A3 tháng I1"): keep the line.
_HEADER_DATE = (r"ngày\s*(?P<d>\d{1,2}|[_.…\s]*?|\S{1,3}?)\s*tháng\s*(?P<m>\d{1,2}|[_.…\s]*?|\S{1,3}?)\s*"
                r"năm\s*(?P<y>\d{4})")
# The place is the official name of the administrative unit (Nghị định 30/2020,
# Phụ lục I, I.4.a): "Hà Nội", "Thành phố Hồ Chí Minh", "Xã Thanh Xương", a unit
# named by a number with its level in full ("Phường 3"); its level word is part of it.
_PLACE_LEVEL = (r"(?:TP\.|[Tt]hành\s+phố|[Tt]hị\s+xã|[Tt]hị\s+trấn|[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Pp]hường|[Xx]ã"
                r"|[Đđ]ặc\s+khu)")
_PLACE_DATE = re.compile(r"(?P<place>" + _PLACE_LEVEL + r"\s+\d{1,3}|[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^,\d]{1,40}?)\s*,\s*"
                         r"(?P<date>" + _HEADER_DATE + ")", re.I)
_LEVEL_START = re.compile(r"^(TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|QUẬN|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")
_GLUED_ISSUER = re.compile(
    r"^((?:UBND|[ỦU]Ỷ?\s*BAN NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND)\s+"
    r"(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+.+?)\s+"
    r"((?:VĂN PHÒNG|SỞ|PHÒNG|BAN|TRUNG TÂM|THANH TRA|CHI CỤC|CỤC)\b.*)$")
_ANNEX_REF = re.compile(
    r"^\(\s*(?:Ban hành\s+)?kèm(?:\s+theo)?\s+(?P<type>[A-ZĐa-zđÀ-ỹ ]+?)\s+số\s*"
    r"(?P<num>[^\s]*\s*/\s*[A-ZĐa-zđ0-9&.\-]+)"
    r"(?P<rest>.*?)\)?\s*$", re.I)

def doc_type_of_name(text: str) -> str | None:
    """'BÁO CÁO' → 'BC' (a line that is only a document type's name)."""
    key = " ".join(plain(text).replace("hoá", "hóa").replace("HOÁ", "HÓA").split()).casefold().rstrip(":")
    key = key.replace("uỷ", "ủy")
    return DOC_TYPES.get(key)


# --- the reader ---------------------------------------------------------------------------

@dataclass
class _Lines:
    items: list[tuple[str, Paragraph]]

    def text(self, i: int) -> str:
        return self.items[i][0]

    def __len__(self) -> int:
        return len(self.items)


_UP = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOW = _UP.lower()
# Header elements, for a scan or PDF that ran the header together on one line.
_TYPE_NAMES = "|".join(n.upper() for n in sorted(DOC_TYPES, key=len, reverse=True) if n != "công văn")
# A type's name followed by "số 766/…" cites another document ("… THEO QUYẾT ĐỊNH SỐ
# 766/QĐ-TTg CỦA …" in an appendix's title): no header element begins there.
_CITED = r"(?!\s+(?:số|Số|SỐ)\s*\d)"
_HEADER_ANCHORS = re.compile(
    r"CỘNG\s*H[OÒ]|Độc\s*lập\s*-|Số\s*[:.]|(?:" + _PLACE_LEVEL + r"\s*\d{1,3}|(?:"
    + _PLACE_LEVEL + r"\s*)?[" + _UP + r"][" + _LOW + r"]+(?:\s+[" + _UP + r"][" + _LOW + r"]+){0,3})"
    r"\s*,\s*ngày\b|"
    r"(?<!\w)(?:" + _TYPE_NAMES + r")(?!\w)(?!\s+[A-ZĐ]{2})" + _CITED)
_AFTER_TYPE = re.compile(r"^(?:" + _TYPE_NAMES + r")(?=\s+[A-ZĐ][a-zà-ỹđ])" + _CITED)


def _header_split(items: list[tuple[str, Paragraph]], count: int = 12) -> list[tuple[str, Paragraph]]:
    out: list[tuple[str, Paragraph]] = []
    for k, (t, p) in enumerate(items):
        if k >= count or len(t) <= 40:
            out.append((t, p))
            continue
        cuts = sorted({0, *(m.start() for m in _HEADER_ANCHORS.finditer(t))})
        for a, b in zip(cuts, cuts[1:] + [len(t)]):
            part = t[a:b].strip()
            after = _AFTER_TYPE.match(part)  # "THÔNG BÁO Kết luận …": the type, then the subject
            pieces = [part[:after.end()], part[after.end():].strip()] if after else [part]
            out.extend((x, p) for x in pieces if x)
    return out


def read_meta(paragraphs: Sequence[Paragraph]) -> Meta:
    """Read a document's metadata from its paragraphs (header, type line,
    subject, signature block, recipients)."""
    lines = _Lines(_header_split(lines_of(paragraphs)))
    meta = Meta()
    num_at = _find_number(lines, meta)
    date_at = _find_date(lines, meta)
    anchor = num_at if num_at is not None else date_at
    if anchor is not None:
        _find_issuer(lines, anchor, meta)
    type_at = _find_type(lines, meta, start=0 if anchor is None else max(0, anchor - 12))
    if type_at is not None:
        meta.subject = _subject_after(lines, type_at)
    _fill_from_annex(lines, meta)
    if meta.doc_type is None and meta.number:
        meta.doc_type = _type_of_symbol(meta.number)
    meta.period = period_of(meta.subject) or _period_of_titles(lines)
    find_signature(lines.items, meta)
    meta.recipients = recipients(lines.items)
    return meta


def _find_number(lines: _Lines, meta: Meta) -> int | None:
    for i in range(len(lines)):
        m = _NUMBER_LINE.match(lines.text(i))
        if not m:
            continue
        sym = _SYMBOL.match(re.sub(r"^[^\w/_.…]+", "", m.group(1).strip()))
        # The symbol may sit on a later fragment ("Số:" and "/BC-SNV" apart).
        for j in range(i + 1, min(len(lines), i + 4)):
            if sym:
                break
            sym = _SYMBOL.fullmatch(lines.text(j).strip())
        if not sym:
            continue
        meta.number = f"{sym.group(1)}/{sym.group(2)}"
        return i
    return None


def _find_date(lines: _Lines, meta: Meta) -> int | None:
    for i in range(min(len(lines), 80)):
        text = lines.text(i)
        if re.search(r"(ngày|tháng)\s*$", text) and i + 1 < len(lines):
            text += " " + lines.text(i + 1)  # "Lâm Đồng, ngày      tháng 11 …" split at the blank
        m = _PLACE_DATE.search(text)
        if not m:
            continue
        meta.place = collapse_spaces(m.group("place"))
        meta.date_text = collapse_spaces(m.group("date"))
        meta.date = parse_vi_date(m.group("d"), m.group("m"), m.group("y"))
        return i
    return None


def _find_issuer(lines: _Lines, anchor: int, meta: Meta) -> None:
    """The capitalised lines of the header (the few lines around the number
    or date line), motto, symbols and titles excluded: the last is the
    issuer, one above it its parent body."""
    found: list[str] = []
    i = anchor - 1
    while i >= 0 and len(found) < 4:  # upwards until the first line that is not header
        t = lines.text(i)
        if not _header_noise(t):
            if not is_caps(t) or is_position(t) or doc_type_of_name(t):
                break
            found.insert(0, t)
        i -= 1
    for j in range(anchor + 1, min(len(lines), anchor + 4)):  # PDF order may put it below "Số:"
        t = lines.text(j)
        if _PLACE_DATE.search(t) or doc_type_of_name(t) or not (is_caps(t) or _header_noise(t)):
            break
        if not _header_noise(t) and not is_position(t):
            found.append(t)
    if not found:
        return
    # "ỦY BAN NHÂN DÂN" / "TỈNH THỪA THIÊN HUẾ" is one name on two lines.
    merged: list[str] = []
    for t in found:
        if merged and _LEVEL_START.match(t):
            merged[-1] = merged[-1] + " " + t
        else:
            merged.append(t)
    if len(merged) == 1:
        glued = _GLUED_ISSUER.match(merged[0])  # a PDF joined the two header lines
        if glued:
            merged = [glued.group(1), glued.group(2)]
    meta.issuer = merged[-1]
    if len(merged) > 1:
        meta.parent = merged[-2]


def _header_noise(t: str) -> bool:
    return bool(MOTTO.search(t) or re.fullmatch(r"[_\-–—=*]+", t) or _SYMBOL.fullmatch(t.strip())
                or _NUMBER_LINE.match(t))


def _find_type(lines: _Lines, meta: Meta, start: int) -> int | None:
    """The line naming the document's type ("THÔNG BÁO"), or the "V/v" line
    of a letter. A "V/v" line under a number whose symbol names another type
    ("Số: 45/TB-VP") does not make the document a letter: its type's name
    follows."""
    letter = None
    for i in range(start, min(len(lines), start + 60)):
        t = lines.text(i)
        code = doc_type_of_name(t)
        if code:
            meta.doc_type = code
            return i
        if letter is None and re.match(r"^V/v\b", t, re.I):
            letter = i
            if not meta.number or _type_of_symbol(meta.number) == "CV":
                break
    if letter is not None:
        meta.doc_type = "CV"
        return letter - 1
    return None


_BODY_START = re.compile(
    r"^(Căn cứ|Kính gửi|Thực hiện|Trên cơ sở|Theo|Qua|Trong|Nhằm|Để|Ngày|Phần|Chương|Điều)\b"
    r"|^(\d+(\.\d+)*\.|[IVX]+\.)\s")


def _subject_after(lines: _Lines, type_at: int) -> str | None:
    parts: list[str] = []
    i = type_at + 1
    while i < len(lines) and len(parts) < 6:
        t = lines.text(i)
        if re.fullmatch(r"[_\-–—=]+", t):
            break
        if not parts:
            if _BODY_START.match(t) or MOTTO.search(t):
                break
            parts.append(re.sub(r"^V/v\s*", "", t, flags=re.I))
        else:
            prev = parts[-1]
            wrapped = t[:1].islower() or prev.endswith(",") or re.search(r"\s(và|của|trong|về|tại|năm|tháng)$", prev)
            if _BODY_START.match(t) or prev.endswith((".", ";", ":")) or not (wrapped or is_caps(t) and is_caps(prev)):
                break
            parts.append(t)
        i += 1
    subject = " ".join(parts).strip()
    return subject or None


_APPENDIX_HEAD = re.compile(r"^ph[uụ]\s*l[uụ]c(?:\s+(?:[IVXLC]+|\d+|[A-Z]))?\s*[.:]?\s*$", re.I)


def _period_of_titles(lines: _Lines) -> str | None:
    """The period the appendices' titles name ("… NĂM 2024"), for a document
    without a subject line (a workbook of appendices). Titles naming
    different periods give the one spanning all the others, else none."""
    periods: list[str] = []
    for i in range(len(lines)):
        if not _APPENDIX_HEAD.match(lines.text(i)):
            continue
        title = []
        for j in range(i + 1, min(len(lines), i + 5)):
            t = lines.text(j)
            if _APPENDIX_HEAD.match(t) and not title:
                continue  # the heading repeated
            if not is_caps(t) or _ANNEX_REF.search(t):
                break
            title.append(t)
        found = period_of(" ".join(title))
        if found and found not in periods:
            periods.append(found)
    spans = [(p, period_bounds(p)) for p in periods]
    for p, (start, end) in ((p, b) for p, b in spans if b):
        if all(b and start <= b[0] and b[1] <= end for _, b in spans):
            return p
    return None


def _type_of_symbol(number: str) -> str:
    """'/BC-VPUB' → 'BC'; '1986/UBND-KSTT' (no type abbreviation) → 'CV'."""
    symbol = number.rsplit("/", 1)[-1]
    head = symbol.split("-", 1)[0].casefold()
    return TYPE_ABBREVIATIONS.get(head, "CV")


def annex_references(paragraphs: Sequence[Paragraph]) -> list[AnnexRef]:
    return _annex_refs(lines_of(paragraphs))


def _annex_refs(items: list[tuple[str, Paragraph]]) -> list[AnnexRef]:
    out = []
    for t, p in items:
        m = _ANNEX_REF.search(t)
        if not m:
            continue
        num = re.sub(r"[\s_.…]+(?=/)|(?<=/)\s+", "", m.group("num")).strip()
        num = re.sub(r"^[_.…\s]+", "", num)
        rest = m.group("rest")
        d = DATE_PHRASE.search(rest)
        who = re.search(r"\bcủa\s+(.+?)\s*\)?\s*$", rest)
        out.append(AnnexRef(t, p, doc_type_of_name(m.group("type")), num if "/" in num else None,
                            d.group("d").strip() if d else None, d.group("m").strip() if d else None,
                            d.group("y") if d else None, collapse_spaces(who.group(1)) if who else None))
    return out


def _fill_from_annex(lines: _Lines, meta: Meta) -> None:
    """An appendix's "(Kèm theo Báo cáo số 405/BC-UBND ngày … của UBND huyện
    Điện Biên)" restores what a lost header held."""
    if meta.number and meta.issuer and meta.doc_type and meta.date_text:
        return
    for ref in _annex_refs(lines.items):
        if meta.doc_type is None and ref.doc_type:
            meta.doc_type = ref.doc_type
        if meta.number is None and ref.number:
            meta.number = ref.number
        if ref.year and meta.date_text is None:
            d = DATE_PHRASE.search(ref.text)
            meta.date_text = collapse_spaces(d.group(0))
            meta.date = parse_vi_date(ref.day, ref.month, ref.year)
        if ref.issuer and meta.issuer is None:
            meta.issuer = ref.issuer
        return
