"""The documents of the generated corpus (``corpus_verify.py``): a
:class:`Doc` of paragraphs and :class:`Table` s, the figures as offices write
them (vi_VN, thousands with dots or none), the grades, unit names drawn from
random syllables, and writing a Doc as DOCX (a header cell that repeats its
text to the right or downwards is merged).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

D = Decimal
UNITS = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương",
         "Sở Giáo dục và Đào tạo", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
         "UBND xã Tân Hà", "UBND phường Mũi Né", "UBND xã Đức Lập", "UBND xã Hàm Kiệm", "UBND phường Phú Thủy",
         "UBND xã Nam Dong", "UBND xã Quảng Tân", "Ban Quản lý các khu công nghiệp"]


def vi(value: Decimal, places: int = 2) -> str:
    q = value.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP) if places else value.quantize(D(1))
    text = f"{q:f}"
    head, _, tail = text.partition(".")
    head = f"{int(head):,}".replace(",", ".") if head.lstrip("-").isdigit() else head
    return head + ("," + tail if tail else "")


def q(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(D(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass
class Table:
    header: list[list[str]]  # header rows (merged cells repeat their text)
    rows: list[list[str]]
    title: str = ""


@dataclass
class Doc:
    name: str
    kind: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    slip: tuple | None = None  # (unit label, column label) of the planted slip


GRADES = [("TỐT", D(80)), ("KHÁ", D(65)), ("TRUNG BÌNH", D(50)), ("YẾU", D(0))]


def grade_of(pct: Decimal) -> str:
    return next(g for g, low in GRADES if pct >= low)



def number_of(text: str) -> Decimal:
    return D(text.replace("%", "").replace(".", "").replace(",", "."))



def decimals_of(v: Decimal) -> int:
    exp = v.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


SYLLABLES = ["Tân", "Phú", "Hòa", "An", "Đức", "Bình", "Thạnh", "Lộc", "Xuân", "Hải", "Mỹ", "Long", "Phước", "Quảng",
        "Hưng", "Thuận", "Đông", "Tây", "Nam", "Bắc", "Sơn", "Lâm", "Hà", "Trung", "Vĩnh", "Định", "Cát", "Gia"]


def names(rnd: random.Random, n: int, kind: str | None = None) -> list[str]:
    """``n`` distinct unit names made of random syllables (xã, phường, đặc khu, sở)."""
    out: list[str] = []
    while len(out) < n:
        k = kind or rnd.choice(["xã", "xã", "phường", "Sở"])
        body = " ".join(rnd.sample(SYLLABLES, rnd.choice([2, 2, 3])))
        name = f"UBND {k} {body}" if k in ("xã", "phường", "đặc khu") else f"{k} {body}"
        if name not in out:
            out.append(name)
    return out


def count_text(v: int, dots: bool) -> str:
    return vi(D(v), 0) if dots else str(v)



def write_docx(doc: Doc, path: Path) -> None:
    import docx

    out = docx.Document()
    out.add_paragraph("ỦY BAN NHÂN DÂN TỈNH")
    out.add_paragraph("BÁO CÁO")
    for p in doc.paragraphs:
        out.add_paragraph(p)
    for t in doc.tables:
        out.add_paragraph(t.title)
        n_cols = len(t.header[0])
        table = out.add_table(rows=len(t.header) + len(t.rows), cols=n_cols)
        table.style = "Table Grid"
        for r, line in enumerate(t.header):
            for c, text in enumerate(line):
                table.cell(r, c).text = text
        _merge_header(table, t.header)
        for r, line in enumerate(t.rows):
            for c, text in enumerate(line):
                table.cell(len(t.header) + r, c).text = text
    out.save(str(path))


def _merge_header(table, header: list[list[str]]) -> None:
    """Cells that repeat their text to the right or downwards are merged."""
    n_rows, n_cols = len(header), len(header[0])
    for r in range(n_rows):
        c = 0
        while c < n_cols:
            e = c
            while e + 1 < n_cols and header[r][e + 1] == header[r][c]:
                e += 1
            if e > c and r == 0:
                text = header[r][c]
                merged = table.cell(r, c).merge(table.cell(r, e))
                merged.text = text
            c = e + 1
    if n_rows > 1:
        for c in range(n_cols):
            if header[0][c] == header[1][c]:
                text = header[0][c]
                merged = table.cell(0, c).merge(table.cell(1, c))
                merged.text = text
