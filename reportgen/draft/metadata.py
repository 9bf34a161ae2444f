"""The drafting metadata: who issues the document, its number, place and date,
period, signer, recipients and basis documents.

Read from a TOML (tomllib) or YAML (PyYAML) file; every field may be missing.
What is missing gets a sensible default and, where a clerk fills it in by
hand, a visible blank as real drafts have ("Số:      /BC-VPUB", "ngày      tháng
01 năm 2025").
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..raw import UnreadableInput
from ..text import nfc

BLANK = "\u00a0" * 6  # a visible gap that survives Word and LibreOffice

DOC_SYMBOLS = {"BC": "BC", "TB": "TB", "CV": None}


@dataclass
class DraftMeta:
    doc_type: str = "BC"
    issuer: str = "Văn phòng UBND tỉnh"  # as named in prose
    issuer_header: str | None = None  # as printed in the header, upper case
    parent: str | None = None
    number: str | None = None  # "405" or "405/BC-UBND"
    symbol: str | None = None  # "BC-VPUB"; the part after the slash
    place: str | None = None
    date: dt.date | None = None
    month: int | None = None  # when only the month and year are known
    year: int | None = None
    period: str | None = None  # YYYY, YYYY-MM, YYYY-Qn
    subject: str | None = None
    signer: str | None = None
    authority: str | None = None  # "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    recipients: list[str] = field(default_factory=list)
    kinh_gui: list[str] = field(default_factory=list)
    archive: str = "VT"
    basis: list[str] = field(default_factory=list)
    intro: str | None = None
    not_evaluated: dict[str, str] = field(default_factory=dict)  # unit → reason
    headings: list[str] = field(default_factory=list)  # one per table, prose heading
    nouns: list[str] = field(default_factory=list)  # "cơ quan", "đơn vị" per table
    province: str | None = None  # for the portal export: which province
    deadline: str | None = None  # when tasks are due: '15/11/2025' or 'trong tháng 11/2025'
    addressee: str | None = None  # whom a BC reports to: 'UBND tỉnh An Giang'
    given: set[str] = field(default_factory=set)  # fields the metadata file set

    def fill_from(self, source) -> None:
        """Take what the metadata file left unset from a prior report's header
        (a :class:`reportgen.model.Meta`): parent, issuer line, symbol, place,
        authority, signer, recipients."""
        if source is None:
            return
        pairs = {"parent": source.parent, "issuer_header": source.issuer, "place": source.place,
                 "authority": source.authority, "signer": source.signer}
        for key, value in pairs.items():
            if value and key not in self.given:
                setattr(self, key, value)
        if source.number and "/" in source.number and not ({"symbol", "number"} & self.given):
            symbol = source.number.split("/", 1)[1].strip()
            if self.doc_type == "CV" or symbol.upper().startswith(self.doc_type + "-"):
                self.symbol = symbol
        if source.issuer and "issuer" not in self.given:
            own = proper_name(source.issuer)
            if not own.startswith(("UBND", "Ủy ban")) and source.parent:
                own = f"{own} {proper_name(source.parent)}"
            self.issuer = own
        if source.recipients and "recipients" not in self.given:
            self.recipients = [r for r in source.recipients if not r.casefold().startswith("lưu")]

    # --- derived lines -------------------------------------------------------

    @property
    def symbol_text(self) -> str:
        if self.symbol:
            return self.symbol
        if self.number and "/" in self.number:
            return self.number.split("/", 1)[1]
        kind = DOC_SYMBOLS.get(self.doc_type)
        issuer = _abbreviate(self.issuer_header or self.issuer)
        return f"{kind}-{issuer}" if kind else issuer

    @property
    def number_line(self) -> str:
        """'405/BC-UBND', or a blank before the symbol: '      /BC-VPUB'."""
        number = (self.number or "").split("/", 1)[0].strip()
        if number.isdigit() and int(number) < 10:
            number = f"{int(number):02d}"
        return f"{number or BLANK}/{self.symbol_text}"

    @property
    def date_text(self) -> str:
        """'ngày 05 tháng 01 năm 2025' (ND30: leading zero for days below 10 and
        months 1, 2), with blanks for what is unknown."""
        if self.date:
            day, month, year = self.date.day, self.date.month, self.date.year
        else:
            day, month, year = None, self.month, self.year
        day_s = f"{day:02d}" if day is not None and day < 10 else (str(day) if day else BLANK)
        month_s = (f"{month:02d}" if month in (1, 2) else str(month)) if month else BLANK
        year_s = str(year) if year else BLANK
        return f"ngày {day_s} tháng {month_s} năm {year_s}"

    @property
    def date_line(self) -> str:
        place = self.place or BLANK
        return f"{place}, {self.date_text}"

    @property
    def authority_lines(self) -> list[str]:
        if not self.authority:
            return ["CHÁNH VĂN PHÒNG"] if "văn phòng" in self.issuer.casefold() else ["THỦ TRƯỞNG CƠ QUAN"]
        return [part.strip().upper() for part in re.split(r"\s*/\s*|\n", self.authority) if part.strip()]

    @property
    def issuer_upper(self) -> str:
        return (self.issuer_header or self.issuer).upper()

    @property
    def parent_upper(self) -> str:
        return (self.parent or "").upper()

    @property
    def attachment_ref(self) -> str:
        """What an appendix says it comes with: 'Báo cáo số      /BC-VPUB ngày …'."""
        kind = {"BC": "Báo cáo", "TB": "Thông báo", "CV": "Công văn"}.get(self.doc_type, "Văn bản")
        return f"{kind} số {self.number_line} {self.date_text} của {self.issuer}"


_LEVELS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu")


def proper_name(header: str) -> str:
    """A header line in capitals as prose: 'UBND HUYỆN ĐIỆN BIÊN' → 'UBND huyện
    Điện Biên', 'VĂN PHÒNG' → 'Văn phòng'."""
    words = header.split()
    if not words:
        return header
    out, i = [], 0
    if words[0] in ("UBND", "HĐND"):
        out.append(words[0])
        i = 1
    elif " ".join(words[:3]).casefold() in ("ủy ban nhân", "uỷ ban nhân"):
        out.append("Ủy ban nhân dân")
        i = 4 if len(words) > 3 else 3
    rest = " ".join(words[i:]).casefold()
    level = next((lv for lv in _LEVELS if rest == lv or rest.startswith(lv + " ")), None)
    if level:
        out.append(level)
        out += [w[:1].upper() + w[1:] for w in rest[len(level):].split()]
    elif rest:
        keep = {"ubnd": "UBND", "hđnd": "HĐND", "tthc": "TTHC"}
        tail = [keep.get(w, w) for w in rest.split()]
        tail[0] = tail[0][:1].upper() + tail[0][1:]
        # 'Sở Nội vụ', 'Ban Dân tộc': the proper name after the kind of body
        kinds = {"sở", "ban", "phòng", "cục", "chi"}
        if len(tail) > 1 and tail[0].casefold() in kinds and tail[1] not in keep.values():
            tail[1] = tail[1][:1].upper() + tail[1][1:]
        out += tail
    return " ".join(out)


def _abbreviate(name: str) -> str:
    """The issuer's initials as offices write them in a symbol: 'Văn phòng UBND
    tỉnh Điện Biên' → 'VPUBND', 'UBND huyện Điện Biên' → 'UBND', 'Sở Nội vụ'
    → 'SNV'. The level word and the place after it are left out."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    out = ""
    for i, w in enumerate(words):
        low = w.casefold()
        if any(" ".join(words[i:i + len(lv.split())]).casefold() == lv for lv in _LEVELS):
            break
        if low in ("ủy", "uỷ") and [x.casefold() for x in words[i + 1:i + 3]] == ["ban", "nhân"]:
            out += "UBND"
            words[i + 1:i + 3] = ["", ""]
            continue
        if not w or low == "dân" and out.endswith("UBND"):
            continue
        whole = w in ("UBND", "HĐND") or (w.isupper() and len(w) > 1 and not name.isupper())
        out += w if whole else w[0].upper()
    return out or "VP"


_FIELDS = {f for f in DraftMeta.__dataclass_fields__}


def parse_date(value) -> tuple[dt.date | None, int | None, int | None]:
    """A full date, or a month ('2025-01', '01/2025') with the day left blank."""
    if value is None or value == "":
        return None, None, None
    if isinstance(value, dt.datetime):
        return value.date(), None, None
    if isinstance(value, dt.date):
        return value, None, None
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or None
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), None, None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1])), None, None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if m:
        a, b = int(m[1]), int(m[2])
        year, month = (a, b) if a > 12 else (b, a)
        return None, month, year
    raise UnreadableInput(f"Ngày ban hành không hợp lệ: {text!r} (viết 2025-01-05, 05/01/2025 hoặc 2025-01).")


def load_meta(path: str | Path | None, doc_type: str | None = None) -> DraftMeta:
    """Metadata from a TOML or YAML file (or none: all defaults)."""
    data: dict = {}
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise UnreadableInput(f"Không tìm thấy tệp thông tin văn bản: {p}")
        text = p.read_text(encoding="utf-8-sig")
        try:
            if p.suffix.lower() in (".yaml", ".yml"):
                import yaml

                data = yaml.safe_load(text) or {}
            else:
                data = tomllib.loads(text)
        except Exception as exc:  # tomllib/yaml errors carry the line
            raise UnreadableInput(f"Tệp thông tin văn bản {p.name} sai cú pháp: {exc}") from exc
        if not isinstance(data, dict):
            raise UnreadableInput(f"Tệp thông tin văn bản {p.name} phải là một bảng khóa = giá trị.")
    return meta_from_dict(data, doc_type)


def meta_from_dict(data: dict, doc_type: str | None = None) -> DraftMeta:
    data = {str(k).strip().lower().replace("-", "_"): v for k, v in data.items()}
    unknown = sorted(k for k in data if k not in _FIELDS | {"date"})
    if unknown:
        raise UnreadableInput("Tệp thông tin văn bản có khóa không dùng được: " + ", ".join(unknown)
                              + ". Các khóa hợp lệ: " + ", ".join(sorted(_FIELDS)) + ".")
    meta = DraftMeta()
    meta.given = {k for k, v in data.items() if v not in (None, "", [])}
    date, month, year = parse_date(data.pop("date", None))
    if date is None and month is None:  # a draft of this month: the day stays blank
        today = dt.date.today()
        month, year = today.month, today.year
    meta.date, meta.month, meta.year = date, month, year
    for key, value in data.items():
        if value is None:
            continue
        if key in ("recipients", "kinh_gui", "basis", "headings", "nouns"):
            value = [nfc(str(v)).strip() for v in (value if isinstance(value, list) else [value])]
        elif key == "not_evaluated":
            value = _not_evaluated(value)
        elif key in ("month", "year"):
            value = int(value)
        elif key == "deadline":
            value = _deadline(value)
        else:
            value = nfc(str(value)).strip()
        setattr(meta, key, value)
    if doc_type:
        meta.doc_type = doc_type
        meta.given.add("doc_type")
    meta.doc_type = (meta.doc_type or "BC").upper()
    return meta


def _not_evaluated(value) -> dict[str, str]:
    if isinstance(value, dict):
        return {nfc(str(k)): nfc(str(v)) for k, v in value.items()}
    out = {}
    for item in value or []:
        if isinstance(item, dict):
            out[nfc(str(item.get("unit", "")))] = nfc(str(item.get("reason", "")))
        else:
            out[nfc(str(item))] = ""
    return out


def _deadline(value) -> str:
    """A due date as offices write it ('15/11/2025'), or the words given."""
    try:
        day, month, year = parse_date(value)
    except UnreadableInput:
        return nfc(str(value)).strip()
    if day is not None:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if month is not None:
        return f"trong tháng {month:02d}/{year}" if month < 3 else f"trong tháng {month}/{year}"
    return nfc(str(value)).strip()
