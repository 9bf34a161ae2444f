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
from enum import StrEnum
from pathlib import Path

from ..raw import UnreadableInput
from ..text import nfc

BLANK = "\u00a0" * 6  # a visible gap that survives Word and LibreOffice



class DocKind(StrEnum):
    """The kinds of document a draft can be (``DraftMeta.doc_type``); the
    value is the type code of its symbol (ND30 Phụ lục III)."""

    REPORT = "BC"  # Báo cáo
    NOTICE = "TB"  # Thông báo
    LETTER = "CV"  # Công văn: its symbol has no type code


DOC_SYMBOLS = {DocKind.REPORT: "BC", DocKind.NOTICE: "TB", DocKind.LETTER: None}
# Phụ lục III of ND30: the type codes a symbol may start with.
KNOWN_TYPE_CODES = {"NQ", "QĐ", "CT", "QC", "QYĐ", "TC", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ",
                    "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "PG", "PC", "PB", "TB", "TH", "GCN", "GNP", "CTR"}


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
            if self.doc_type == DocKind.LETTER or symbol.upper().startswith(self.doc_type + "-"):
                self.symbol = symbol
        if source.issuer and "issuer" not in self.given:
            own = proper_name(source.issuer)
            if not own.startswith(("UBND", "Ủy ban")) and source.parent:
                own = f"{own} {proper_name(source.parent)}"
            self.issuer = own
        if source.recipients and "recipients" not in self.given:
            self.recipients = [r for r in source.recipients if not r.casefold().startswith("lưu")]

    def as_notice(self) -> None:
        """Make this the metadata of a Thông báo: type TB, and a symbol given
        for another type ('BC-VPUBND') takes the TB code ('TB-VPUBND')."""
        self.doc_type = DocKind.NOTICE
        symbol = self.symbol or (self.number.split("/", 1)[1] if self.number and "/" in self.number else None)
        if symbol:
            code, dash, rest = symbol.partition("-")
            if dash and code.upper() in KNOWN_TYPE_CODES and code.upper() != "TB":
                symbol = f"TB-{rest}"
            elif not dash or code.upper() not in KNOWN_TYPE_CODES:
                symbol = f"TB-{symbol}"
            self.symbol = symbol
        self.number = None

    # --- derived lines -------------------------------------------------------

    @property
    def symbol_text(self) -> str:
        given = self.symbol or (self.number.split("/", 1)[1] if self.number and "/" in self.number else None)
        if given:
            return self._typed(given)
        kind = DOC_SYMBOLS.get(self.doc_type)
        issuer = _abbreviate(self.issuer_header or self.issuer)
        return f"{kind}-{issuer}" if kind else issuer

    def _typed(self, symbol: str) -> str:
        """A symbol given for one type used on another takes this type's
        code: 'BC-VPUBND' on a TB is 'TB-VPUBND', on a CV 'VPUBND'."""
        code, dash, rest = symbol.partition("-")
        if not dash or code.upper() not in ("BC", "TB") or code.upper() == self.doc_type:
            return symbol
        kind = DOC_SYMBOLS.get(self.doc_type)
        return f"{kind}-{rest}" if kind else rest

    @property
    def number_line(self) -> str:
        """'405/BC-UBND', or a blank before the symbol: '      /BC-VPUB'."""
        number = (self.number or "").split("/", 1)[0].strip()
        if number.isdecimal() and int(number) < 10:
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


_FIELDS = {f for f in DraftMeta.__dataclass_fields__} - {"given"}

META_TEMPLATE = """\
# Thông tin văn bản cho `reportgen draft --meta TỆP` (TOML; tệp YAML dùng cùng các khóa).
# Khóa nào bỏ trống hoặc xóa đi thì dự thảo dùng giá trị mặc định hoặc để trống cho văn thư điền tay.

# Loại văn bản: "BC" báo cáo, "TB" thông báo, "CV" công văn (--type trên dòng lệnh được ưu tiên).
doc_type = "BC"
# Cơ quan chủ quản, in hoa ở dòng trên cùng bên trái: "UBND tỉnh An Giang".
parent = "UBND tỉnh An Giang"
# Cơ quan ban hành như viết trong câu văn: "Văn phòng UBND tỉnh".
issuer = "Văn phòng UBND tỉnh"
# Tên cơ quan ban hành in ở tiêu đề, nếu khác cách viết trong câu (mặc định: issuer in hoa).
# issuer_header = "VĂN PHÒNG"
# Số văn bản: "125", hoặc cả số và ký hiệu "125/BC-VPUBND". Bỏ trống: "Số:      /BC-…" để điền tay.
# number = "125"
# Ký hiệu sau dấu "/": mã loại văn bản (Phụ lục III Nghị định 30) và chữ viết tắt cơ quan.
symbol = "BC-VPUBND"
# Địa danh ở dòng ngày tháng: "An Giang".
place = "An Giang"
# Ngày ban hành: 2025-11-05 (đủ ngày) hoặc "2025-11" (để trống ngày). Bỏ trống: tháng hiện tại.
# date = 2025-11-05
# Kỳ đánh giá: "2025" (năm), "2025-10" (tháng), "2025-Q3" (quý). Mặc định lấy từ số liệu; --period ưu tiên.
period = "2025-10"
# Trích yếu (tên văn bản sau BÁO CÁO/THÔNG BÁO, hoặc "V/v …" của công văn). Bỏ trống: câu mặc định theo kỳ.
# subject = "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10 năm 2025"
# Thẩm quyền ký, các dòng cách nhau bởi "/": "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG".
authority = "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
# Họ tên người ký.
signer = "Nguyễn Văn A"
# Nơi nhận (không ghi dòng "Lưu", dòng đó lấy từ khóa archive).
recipients = ["Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c)", "Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]
# Kính gửi (chỉ công văn). Bỏ trống: các nhóm cơ quan, đơn vị trong số liệu.
# kinh_gui = ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]
# Nơi lưu sau "- Lưu:": "VT" hoặc "VT, KSTT".
archive = "VT, KSTT"
# Căn cứ (mỗi dòng một căn cứ). Bỏ trống: căn cứ của bộ chỉ số.
# basis = ["Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ"]
# Câu mở đầu trước phần nội dung. Bỏ trống: câu mặc định theo loại văn bản và kỳ.
# intro = "Văn phòng UBND tỉnh báo cáo kết quả như sau:"
# Người, cơ quan nhận báo cáo, ghi ở câu kết của BC ("… kính báo cáo UBND tỉnh An Giang"). Mặc định: parent.
addressee = "UBND tỉnh An Giang"
# Hạn báo cáo kết quả khắc phục trong phần nhiệm vụ: 2025-11-20, hoặc lời văn "trong tháng 11/2025".
# Bỏ trống: trong tháng liền sau kỳ đánh giá.
deadline = 2025-11-20
# Đơn vị không đánh giá và lý do (ghi chú cuối trang).
# not_evaluated = { "Sở Ngoại vụ" = "không phát sinh hồ sơ trong kỳ" }
# Tiêu đề và danh từ của từng bảng, theo thứ tự các bảng trong số liệu (ghi đè tên nhận ra từ số liệu).
# headings = ["Các sở, ban, ngành", "UBND các xã, phường, đặc khu"]
# nouns = ["cơ quan", "đơn vị"]
# Tỉnh cần soạn khi tệp xuất của Cổng có nhiều tỉnh (như --province).
# province = "An Giang"
"""


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
                from parsers.limits import load_yaml

                data = load_yaml(text, source=p.name) or {}
            else:
                data = tomllib.loads(text)
        except UnreadableInput:
            raise
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
                              + ". Các khóa hợp lệ: " + ", ".join(sorted(_FIELDS)) + ". Xem mẫu có chú thích: "
                              "reportgen draft --print-meta-template.")
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
