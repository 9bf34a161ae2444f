"""Where the ND30 elements of a document are: the Quốc hiệu and Tiêu ngữ, the
issuer, "Số:", the place and date line, tên loại and trích yếu, the body,
"Nơi nhận" and its list, the signature block, numbered headings. Found from
the text of the paragraphs (a DOCX's header and signature tables arrive as
paragraphs), with the rule data of ``data/nd30_layout.toml``; and what every
layout rule shares: a finding that quotes the decree (:func:`warn`), where it
points (:func:`place_of`: a DOCX's paragraph, a PDF's page), sizes in points."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Finding, Report

DATA = Path(__file__).resolve().parent / "data" / "nd30_layout.toml"
HEAD_ZONE = 16  # the header block sits in the first paragraphs
_SPACES = re.compile(r"\s+")
_AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ)\.\s*\S")
ROMAN_HEADING = re.compile(r"^[IVX]{1,5}\.\s+\S")


@lru_cache(maxsize=1)
def rules_data() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    return norm(text).casefold().replace("hoà", "hòa")


@dataclass
class Elements:
    """Paragraph indices (positions in ``report.paragraphs``) by element."""

    quoc_hieu: int | None = None
    tieu_ngu: int | None = None
    issuer: int | None = None
    so_ky_hieu: int | None = None
    dia_danh: int | None = None
    ten_loai: int | None = None
    trich_yeu: int | None = None
    trich_yeu_cv: int | None = None
    noi_nhan: int | None = None
    noi_nhan_list: list[int] = field(default_factory=list)
    authority: list[int] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)

    @property
    def doc_type_name(self) -> str | None:
        return None if self.ten_loai is None else "ten_loai"


def type_names() -> dict[str, str]:
    return {k: v for k, v in rules_data()["type_codes"].items() if k != "cite"}


def units(report: Report) -> list:
    """The text units the layout speaks of: a PDF's lines, else the paragraphs."""
    layout = report.layout
    return layout.units if layout is not None and layout.units is not None else report.paragraphs


# The Tiêu ngữ's start, where a paragraph holds the Quốc hiệu and the Tiêu ngữ on two lines of its own.
_MOTTO = re.compile(r"(?<=\S)\s+(?=độc\s+lập\b.*hạnh\s+phúc)", re.I)


def element_text(report: Report, key: str, pos: int) -> str:
    """The text of the element ``key`` at unit ``pos``: the unit's, or its part where a paragraph holds
    the Quốc hiệu and, after a line break, the Tiêu ngữ ("CỘNG HÒA … VIỆT NAM↵Độc lập - Tự do - Hạnh phúc"),
    or the signer's authority and, after line breaks, the position and the name."""
    raw = units(report)[pos].text
    text = norm(raw)
    if key in ("quoc_hieu", "tieu_ngu") and fold(text).startswith("cộng hòa") and (m := _MOTTO.search(text)):
        return text[:m.start()] if key == "quoc_hieu" else text[m.end():]
    if key == "quyen_han":  # "KT. CHÁNH VĂN PHÒNG↵PHÓ CHÁNH VĂN PHÒNG↵↵Phạm Thu Hà": the authority's own line
        return norm(lines_of(raw)[0])
    return text


def lines_of(text: str) -> list[str]:
    """The lines a paragraph's line breaks make ("KT. GIÁM ĐỐC↵PHÓ GIÁM ĐỐC↵↵Trần Thị Mai"), empty ones
    left out; the paragraph itself when it has none."""
    lines = [norm(x) for x in text.split("\n") if norm(x)]
    return lines or [norm(text)]


_NATIONAL_TITLE = "cộng hòa xã hội chủ nghĩa việt nam"


def find_elements(report: Report) -> Elements:
    texts = [norm(p.text) for p in units(report)]
    el = Elements()
    _header(texts, el)
    _tail(texts, el)
    return el


def _header(texts: list[str], el: Elements) -> None:
    names = type_names()
    for i in range(min(HEAD_ZONE, len(texts))):
        t, f = texts[i], fold(texts[i])
        # the Quốc hiệu, or its first line where a narrow column wraps it ("… CHỦ NGHĨA" / "VIỆT NAM", "… VIỆT" / "NAM")
        wrapped = i + 1 < len(texts) and f.startswith("cộng hòa xã hội") \
            and f"{f} {fold(texts[i + 1])}".startswith(_NATIONAL_TITLE)
        if el.quoc_hieu is None and (f.startswith("cộng hòa xã hội chủ nghĩa việt nam") or wrapped):
            el.quoc_hieu = i
            if el.tieu_ngu is None and _MOTTO.search(t):  # one paragraph, the Tiêu ngữ after a line break
                el.tieu_ngu = i
        elif el.tieu_ngu is None and "độc lập" in f and "hạnh phúc" in f and len(t) < 45:
            el.tieu_ngu = i
        elif el.so_ky_hieu is None and re.match(r"^số\s*:", f):
            el.so_ky_hieu = i
        elif el.dia_danh is None and re.search(r",\s*ngày\b.*\btháng\b.*\bnăm\b", f) and len(t) < 90:
            el.dia_danh = i
        elif el.ten_loai is None and t.upper() in names and t.isupper():
            el.ten_loai = i
        elif el.trich_yeu_cv is None and f.startswith("v/v"):
            el.trich_yeu_cv = i
    if el.ten_loai is not None:
        # the first line after the tên loại that is no other part of the header: a PDF may give the right
        # column's Quốc hiệu, Tiêu ngữ and date after the left column's "BÁO CÁO"
        header = {el.quoc_hieu, el.tieu_ngu, el.so_ky_hieu, el.dia_danh}
        j = el.ten_loai + 1
        while j < len(texts) and (j in header or (el.quoc_hieu is not None and j == el.quoc_hieu + 1
                                                  and fold(texts[j]).startswith("việt nam"))):
            j += 1
        if j < len(texts) and not fold(texts[j]).startswith(("căn cứ", "kính gửi", "thực hiện", "số:")):
            el.trich_yeu = j
    anchor = el.quoc_hieu if el.quoc_hieu is not None else el.so_ky_hieu
    if anchor is not None:
        caps = [i for i in range(anchor) if texts[i].isupper() and len(texts[i]) < 90]
        el.issuer = caps[-1] if caps else None


def _tail(texts: list[str], el: Elements) -> None:
    for i, t in enumerate(texts):
        if el.noi_nhan is None and fold(t).startswith("nơi nhận"):
            el.noi_nhan = i
            j = i + 1
            while j < len(texts) and texts[j].startswith(("-", "–")):
                el.noi_nhan_list.append(j)
                j += 1
            archive = next((k for k in range(j, min(j + 40, len(texts))) if re.match(r"^[-–]\s*Lưu\s*:", texts[k])),
                           None)
            if archive is not None:  # recipients wrapped over lines without a dash: the list ends at "- Lưu"
                el.noi_nhan_list.extend(range(j, archive + 1))
        if _AUTHORITY.match(t):
            el.authority.append(i)
    start = max([x for x in (el.trich_yeu, el.trich_yeu_cv, el.ten_loai, el.dia_danh) if x is not None], default=-1)
    end = el.noi_nhan if el.noi_nhan is not None else len(texts)
    for i in range(start + 1, end):
        if ROMAN_HEADING.match(texts[i]):
            el.headings.append(i)
        el.body.append(i)


def expected_code(report: Report, el: Elements) -> str | None:
    """The type code the document's tên loại asks for ('BC' for BÁO CÁO)."""
    if el.ten_loai is None:
        return None
    return type_names().get(norm(units(report)[el.ten_loai].text).upper())


def symbol_of(text: str) -> tuple[str | None, str | None]:
    """('07', 'TB-VPUBND') from 'Số: 07/TB-VPUBND'."""
    m = re.match(r"^Số\s*:\s*([^/\s]*)\s*/\s*(\S+)", norm(text), re.IGNORECASE)
    return (m[1], m[2]) if m else (None, None)


# --- where a layout finding points, and how it words sizes ---

def warn(code: str, message: str, cite: str, paragraph: int | None = None, reported: str | None = None,
         expected: str | None = None, page: int | None = None, severity: str = "warning") -> Finding:
    """A layout finding (a warning unless said) that quotes the decree's line it rests on."""
    return Finding(code=code, severity=severity, paragraph=paragraph, page=page, reported=reported,
                   expected=expected, message=f"{message} (Căn cứ: {cite})")


def layout_setup(report: Report) -> tuple[Elements, dict] | None:
    """The document's elements and the rule data; None where it shows no layout."""
    if report.layout is None:
        return None
    return find_elements(report), rules_data()


def format_at(report: Report, position: int):
    """The effective format of the paragraph (DOCX) or line (PDF) at ``position``."""
    return report.layout.formats.get(units(report)[position].index)


def place_of(report: Report, position: int) -> dict:
    """Where a finding points: the paragraph of a DOCX, the page of a PDF's line."""
    unit = units(report)[position]
    if report.layout.source == "pdf":
        return {"page": unit.page}
    return {"paragraph": unit.index}


def pt(value: float) -> str:
    """Points in vi_VN: 13, 12,5."""
    return f"{value:g}".replace(".", ",")


def pt_range(r: list) -> str:
    """A [low, high] range of points: 13–14, or 12 when both are one."""
    return pt(r[0]) if r[0] == r[1] else f"{pt(r[0])}–{pt(r[1])}"
