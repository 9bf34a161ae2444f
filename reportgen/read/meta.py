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

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Meta, Paragraph
from ..text import collapse_spaces, nfc

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

_MOTTO = re.compile(r"cộng\s*h(?:òa|oà)\s*xã\s*hội\s*chủ\s*nghĩa|độc\s*lập\s*-\s*tự\s*do", re.I)
_NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]\s*(.*)$", re.I)
_SYMBOL = re.compile(r"([0-9]*)\s*[_.…\s]*\s*/\s*([A-ZĐa-zđ0-9&.\-]+(?:/[A-ZĐa-zđ0-9&.\-]+)*)")
DATE_PHRASE = re.compile(
    r"ngày\s*(?P<d>\d{1,2}|[_.…\s]*?)\s*tháng\s*(?P<m>\d{1,2}|[_.…\s]*?)\s*năm\s*(?P<y>\d{4})", re.I)
# In the header a scan may misread the day or month ("ngày A3 tháng I1"): keep the line.
_HEADER_DATE = (r"ngày\s*(?P<d>\d{1,2}|[_.…\s]*?|\S{1,3}?)\s*tháng\s*(?P<m>\d{1,2}|[_.…\s]*?|\S{1,3}?)\s*"
                r"năm\s*(?P<y>\d{4})")
_PLACE_DATE = re.compile(r"(?P<place>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^,\d]{1,40}?)\s*,\s*(?P<date>" + _HEADER_DATE + ")", re.I)
_AUTHORITY_PREFIX = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.\s*\S", re.I)
_POSITION_WORDS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG",
                   "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG", "PHÓ TRƯỞNG", "THỦ TRƯỞNG", "BỘ TRƯỞNG",
                   "THỨ TRƯỞNG", "CHÁNH THANH TRA", "TỔNG GIÁM ĐỐC", "CỤC TRƯỞNG", "VỤ TRƯỞNG",
                   "BÍ THƯ", "CHÁNH ÁN", "VIỆN TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
_LEVEL_START = re.compile(r"^(TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|QUẬN|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")
_GLUED_ISSUER = re.compile(
    r"^((?:UBND|[ỦU]Ỷ?\s*BAN NHÂN DÂN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND)\s+"
    r"(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+.+?)\s+"
    r"((?:VĂN PHÒNG|SỞ|PHÒNG|BAN|TRUNG TÂM|THANH TRA|CHI CỤC|CỤC)\b.*)$")
_ANNEX_REF = re.compile(
    r"^\(\s*(?:Ban hành\s+)?kèm(?:\s+theo)?\s+(?P<type>[A-ZĐa-zđÀ-ỹ ]+?)\s+số\s*(?P<num>[^\s]*\s*/\s*[A-ZĐa-zđ0-9&.\-]+)"
    r"(?P<rest>.*?)\)?\s*$", re.I)
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,5}$")


# --- line helpers shared with statements.py -------------------------------------------

_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s+)")
_MD_EMPH = re.compile(r"(\*\*\*|\*\*|__)")


def plain(text: str) -> str:
    """A line without Markdown decoration (headings, bold, italics), spaces
    collapsed, NFC."""
    text = nfc(text.replace("\u00a0", " "))
    text = _MD_PREFIX.sub("", text)
    text = _MD_EMPH.sub("", text)
    text = re.sub(r"(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", "", text)
    text = text.replace("\\", "")
    return collapse_spaces(text)


def columns(text: str) -> list[str]:
    """A line's column fragments: two-column headers and signature blocks
    extracted as text put the columns on one line, separated by a tab or a
    wide run of spaces."""
    parts = re.split(r"\t+| {3,}", nfc(text.replace("\u00a0", " ")))
    out: list[str] = []
    for part in (plain(x) for x in parts):
        # A PDF may glue the issuer to the motto: "UBND TỈNH LÂM ĐỒNG CỘNG HÒA…".
        m = _MOTTO.search(part)
        if m and m.start() > 0 and part[:m.start()].strip():
            out.extend([part[:m.start()].strip(), part[m.start():]])
        elif part:
            out.append(part)
    return out


def lines_of(paragraphs: Iterable[Paragraph]) -> list[tuple[str, Paragraph]]:
    """Every non-empty line fragment, in reading order, with its paragraph."""
    out: list[tuple[str, Paragraph]] = []
    for p in paragraphs:
        for line in p.text.splitlines():
            for frag in columns(line):
                out.append((frag, p))
    return out


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def doc_type_of_name(text: str) -> str | None:
    """'BÁO CÁO' → 'BC' (a line that is only a document type's name)."""
    key = " ".join(plain(text).replace("hoá", "hóa").replace("HOÁ", "HÓA").split()).casefold().rstrip(":")
    key = key.replace("uỷ", "ủy")
    return DOC_TYPES.get(key)


def parse_vi_date(day: str, month: str, year: str) -> _dt.date | None:
    try:
        return _dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


# --- period -------------------------------------------------------------------------

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_PERIOD_QUARTER = re.compile(r"quý\s+(?P<q>[1-4]|i{1,3}|iv)\s*(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})", re.I)
_PERIOD_MONTH = re.compile(r"tháng\s+(?P<m>\d{1,2})\s*(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})", re.I)
_PERIOD_YEAR = re.compile(r"(?<![-–/\d])năm\s+(?P<y>(?:19|20)\d{2})(?![-–/]\d)", re.I)
_HALF_YEAR = re.compile(r"(?:6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm", re.I)


def period_of(text: str | None) -> str | None:
    """The reporting period a title names: 'quý 1 năm 2023' → '2023-Q1',
    'tháng 7 năm 2023' or 'tháng 5/2024' → '2023-07', 'năm 2024' → '2024'.
    A half-year ("6 tháng đầu năm") has no period form: None."""
    if not text:
        return None
    text = plain(text)
    m = _PERIOD_QUARTER.search(text)
    if m:
        q = m.group("q").casefold()
        return f"{m.group('y')}-Q{_ROMAN.get(q, q)}"
    m = _PERIOD_MONTH.search(text)
    if m and 1 <= int(m.group("m")) <= 12:
        return f"{m.group('y')}-{int(m.group('m')):02d}"
    if _HALF_YEAR.search(text):
        return None
    m = _PERIOD_YEAR.search(text)
    if m:
        return m.group("y")
    return None


def period_bounds(period: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last day of a period string."""
    m = re.fullmatch(r"(\d{4})(?:-(Q[1-4]|\d{2}))?", period or "")
    if not m:
        return None
    y = int(m.group(1))
    part = m.group(2)
    if part is None:
        return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
    if part.startswith("Q"):
        q = int(part[1])
        start = _dt.date(y, 3 * q - 2, 1)
        end_month = 3 * q
    else:
        start = _dt.date(y, int(part), 1)
        end_month = int(part)
    end = (_dt.date(y + (end_month == 12), end_month % 12 + 1, 1) - _dt.timedelta(days=1))
    return start, end


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
_HEADER_ANCHORS = re.compile(
    r"CỘNG\s*H[OÒ]|Độc\s*lập\s*-|Số\s*[:.]|(?:TP\.\s*)?[" + _UP + r"][" + _LOW + r"]+(?:\s+[" + _UP + r"][" + _LOW + r"]+){0,3}"
    r"\s*,\s*ngày\b|"
    r"(?<!\w)(?:" + _TYPE_NAMES + r")(?!\w)(?!\s+[A-ZĐ]{2})")
_AFTER_TYPE = re.compile(r"^(?:" + _TYPE_NAMES + r")(?=\s+[A-ZĐ][a-zà-ỹđ])")


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
    meta.period = period_of(meta.subject)
    _find_signature(lines, meta)
    meta.recipients = _recipients(lines)
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


def _is_position(text: str) -> bool:
    t = plain(text).upper()
    return bool(_AUTHORITY_PREFIX.match(t)) or any(t == w or t.startswith(w + " ") for w in _POSITION_WORDS)


def _find_issuer(lines: _Lines, anchor: int, meta: Meta) -> None:
    """The capitalised lines of the header (the few lines around the number
    or date line), motto, symbols and titles excluded: the last is the
    issuer, one above it its parent body."""
    found: list[str] = []
    i = anchor - 1
    while i >= 0 and len(found) < 4:  # upwards until the first line that is not header
        t = lines.text(i)
        if not _header_noise(t):
            if not is_caps(t) or _is_position(t) or doc_type_of_name(t):
                break
            found.insert(0, t)
        i -= 1
    for j in range(anchor + 1, min(len(lines), anchor + 4)):  # PDF order may put it below "Số:"
        t = lines.text(j)
        if _PLACE_DATE.search(t) or doc_type_of_name(t) or not (is_caps(t) or _header_noise(t)):
            break
        if not _header_noise(t) and not _is_position(t):
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
    return bool(_MOTTO.search(t) or re.fullmatch(r"[_\-–—=*]+", t) or _SYMBOL.fullmatch(t.strip())
                or _NUMBER_LINE.match(t))


def _find_type(lines: _Lines, meta: Meta, start: int) -> int | None:
    for i in range(start, min(len(lines), start + 60)):
        t = lines.text(i)
        code = doc_type_of_name(t)
        if code:
            meta.doc_type = code
            return i
        if re.match(r"^V/v\b", t, re.I):
            meta.doc_type = "CV"
            return i - 1
    return None


_BODY_START = re.compile(
    r"^(Căn cứ|Kính gửi|Thực hiện|Trên cơ sở|Theo|Qua|Trong|Nhằm|Để|Ngày|Phần|Chương|Điều)\b|^(\d+(\.\d+)*\.|[IVX]+\.)\s")


def _subject_after(lines: _Lines, type_at: int) -> str | None:
    parts: list[str] = []
    i = type_at + 1
    while i < len(lines) and len(parts) < 6:
        t = lines.text(i)
        if re.fullmatch(r"[_\-–—=]+", t):
            break
        if not parts:
            if _BODY_START.match(t) or _MOTTO.search(t):
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


def _type_of_symbol(number: str) -> str:
    """'/BC-VPUB' → 'BC'; '1986/UBND-KSTT' (no type abbreviation) → 'CV'."""
    symbol = number.rsplit("/", 1)[-1]
    head = symbol.split("-", 1)[0].casefold()
    return TYPE_ABBREVIATIONS.get(head, "CV")


@dataclass
class AnnexRef:
    """An appendix's "(Kèm theo Báo cáo số 405/BC-UBND ngày 17 tháng 8 năm
    2023 của UBND huyện Điện Biên)" line, read."""

    text: str
    paragraph: Paragraph
    doc_type: str | None
    number: str | None
    day: str | None
    month: str | None
    year: str | None
    issuer: str | None


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


def _find_signature(lines: _Lines, meta: Meta) -> None:
    """The last authority block (KT./TM./TL. + title, or a title alone)
    followed within a few lines by a person's name; Nơi nhận items a PDF
    interleaved with the block are passed over."""
    best: tuple[str, str] | None = None
    n = len(lines)
    i = 0
    while i < n:
        t = lines.text(i)
        if not (is_caps(t) and _is_position(t)):
            i += 1
            continue
        block = _split_authority(t)
        j = i + 1
        prefixed = bool(_AUTHORITY_PREFIX.match(t))
        while j < n and len(block) < 3 and is_caps(lines.text(j)) and (prefixed or _is_position(lines.text(j))):
            block.append(lines.text(j))
            j += 1
        name = None
        skipped = 0
        for k in range(j, min(n, j + 12)):
            cand = lines.text(k)
            if _NAME.match(cand):
                name = cand
                break
            if _LIST_ITEM.match(cand) or re.match(r"^Lưu\b", cand) or re.fullmatch(r"[\W_]*", cand) \
                    or re.search(r"\(?(đã ký|ký|signed)\)?", cand, re.I):
                continue
            skipped += 1
            if skipped > 1:
                break
        if name:
            best = (" / ".join(block), name)
        i = j
    if best:
        meta.authority, meta.signer = best


def _split_authority(text: str) -> list[str]:
    """'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC' (two lines a PDF joined) → both titles."""
    m = _AUTHORITY_PREFIX.match(text)
    if not m:
        return [text]
    start = text.index(".") + 1
    while start < len(text) and text[start] == " ":
        start += 1
    cuts = [text.find(" " + w, start + 1) for w in _POSITION_WORDS]
    cuts = [c for c in cuts if c > start]
    if not cuts:
        return [text]
    cut = min(cuts)
    return [text[:cut].strip(), text[cut:].strip()]


_LIST_ITEM = re.compile(r"^\s*[-–+•]\s*(.+?)\s*[;.,]?\s*$")


def noi_nhan_lines(paragraphs: Sequence[Paragraph]) -> list[tuple[str, Paragraph]]:
    """The list under "Nơi nhận:" as written (with its dashes), including the
    "Lưu" line."""
    return _noi_nhan(lines_of(paragraphs))


_ITEM_START = re.compile(r"(?<=[^\w\s])\s?(?=[-–]\s)")  # "…; - Trung tâm" or a scan's "~ - Lưu"


def _junk(text: str) -> bool:
    """A scan's noise or the signature column beside the list."""
    t = text.strip(" ;.,")
    if not t:
        return True
    fine = sum(1 for c in t if c.isalpha() or c in " ,.()&/-")
    caps_words = is_caps(t) and len(t.split()) >= 2  # "KT. CHÁNH VĂN PHÒNG", not "LĐVP"
    return fine / len(t) < 0.85 or caps_words or (is_caps(t) and _is_position(t)) or bool(re.search(r"[{}|\\~^`<>=#]", t))


def _clean_item(item: str) -> str:
    """An item cut at its ';' (or a Lưu line at its '.') when what follows is noise."""
    m = re.match(r"^(.*?;)(.*)$", item) or (re.match(r"^([-–+•]?\s*Lưu\b.*?\.)(\s.*)$", item)
                                           if re.match(r"^[-–+•]?\s*Lưu\b", item) else None)
    if m and _junk(m.group(2)):
        return m.group(1).strip()
    return item.strip()


def _noi_nhan(items: list[tuple[str, Paragraph]]) -> list[tuple[str, Paragraph]]:
    for i, (t, _) in enumerate(items):
        if not re.match(r"^Nơi\s*nhận\s*:?", t, re.I):
            continue
        out: list[tuple[str, Paragraph]] = []
        rest = re.sub(r"^Nơi\s*nhận\s*:?\s*", "", t, flags=re.I)
        following = [(rest, items[i][1])] if rest else []
        following += items[i + 1:i + 60]
        misses = 0
        for line, p in following:
            pieces = [x.strip() for x in _ITEM_START.split(line) if x.strip()]
            for t2 in pieces:
                if _LIST_ITEM.match(t2) or re.match(r"^Lưu\s*:", t2, re.I):
                    out.append((_clean_item(t2), p))
                    misses = 0
                elif out and not out[-1][0].rstrip().endswith((";", ".")) and t2[:1].islower():
                    out[-1] = (_clean_item(out[-1][0] + " " + t2), out[-1][1])  # an item wrapped
                elif is_caps(t2) or _NAME.match(t2) or _junk(t2):
                    continue  # the signature block beside the list, or noise
                else:
                    misses += 1
            if out and re.match(r"^[-–+•]?\s*Lưu\b", out[-1][0], re.I):
                break
            if misses > 1 or (misses and out and out[-1][0].rstrip().endswith(".")):
                break
        return out
    return []


def _recipients(lines: _Lines) -> list[str]:
    out: list[str] = []
    items = lines.items
    for i, (t, _) in enumerate(items):
        m = re.match(r"^Kính\s*gửi\s*:?\s*(.*)$", t, re.I)
        if not m:
            continue
        if m.group(1):
            out.append(m.group(1).rstrip(" ;."))
        for t2, _p in items[i + 1:]:
            lm = _LIST_ITEM.match(t2)
            if not lm:
                break
            out.append(lm.group(1))
        break
    for t, _ in _noi_nhan(items):
        lm = _LIST_ITEM.match(t)
        name = lm.group(1) if lm else t
        if re.match(r"^(Lưu|Như trên)\b", name, re.I):
            continue
        out.extend(part for part in name.split(";") if not _junk(part))
    seen: set[str] = set()
    unique = []
    for r in out:
        r = collapse_spaces(r).rstrip(" ;.")
        if r and r.casefold() not in seen:
            seen.add(r.casefold())
            unique.append(r)
    return unique
