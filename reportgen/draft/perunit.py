"""One Thông báo per unit, for every unit of a sheet: its own scores, rank and
weakest indicators.

Fast by construction: the template is rendered ONCE with a marker in every
place that differs between units (⟦u:key⟧); the rendered parts are kept as
bytes, and each unit's DOCX is the same package with the markers in
``word/document.xml`` replaced by that unit's escaped text. No Jinja, no
python-docx per unit; two worker processes share the writing.
"""
from __future__ import annotations

import io
import os
import re
import struct
import unicodedata
import zipfile
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from ..model import ScoreRow
from ..numbers import format_vi as _format_vi
from ..schemes import Scheme
from ..scoring import weakest_indicators
from ..text.safe import strip_control, unique_names
from .data import DraftData, DraftTable
from .metadata import BLANK, DraftMeta
from .narrative import lower_first, period_words
from .render import ANCHOR, insert_appendices, number_headings, render_template, template_path

# Babel is slow per call and tables repeat their values: remember them.
format_vi = lru_cache(maxsize=65536)(_format_vi)

MARK = "\u27e6u:{}\u27e7"
_MARK_RE = re.compile("\u27e6u:([a-z0-9_]+)\u27e7")


@dataclass
class UnitDoc:
    name: str  # file name
    values: dict[str, str]
    scheme: str


def slug(text: str) -> str:
    """'UBND xã Đông Thái' → 'ubnd-xa-dong-thai' (file names without accents)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "don-vi"


def _keys(scheme: Scheme) -> list[str]:
    return ["unit", "head", "number", "subject", "result", "weak", *[f"s_{i.key}" for i in scheme.scored_indicators]]


_HEADS = (("UBND ", "Chủ tịch "), ("Ủy ban nhân dân ", "Chủ tịch "), ("Sở ", "Giám đốc "),
          ("Thanh tra ", "Chánh "), ("Ban Quản lý ", "Trưởng "), ("Văn phòng ", "Chánh "))


def unit_head(unit: str) -> str:
    """Whom a notice to a unit addresses: 'Chủ tịch UBND xã Đông Thái',
    'Giám đốc Sở Tư pháp', 'Chánh Thanh tra tỉnh'; else its head in general."""
    for prefix, head in _HEADS:
        if unit.startswith(prefix):
            return head + unit
    return f"Thủ trưởng {unit}"


def unit_values(row: ScoreRow, dt: DraftTable, when: str, when_long: str) -> dict[str, str]:
    """The text of every marker for one unit."""
    scheme = dt.scheme
    values = {"unit": row.unit, "head": unit_head(row.unit),
              "subject": f"Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của {row.unit} {when_long}".strip()}
    grade = f", xếp loại {row.grade}" if row.grade else ""
    lead = f"{when[:1].upper() + when[1:]}, " if when else ""
    values["result"] = (f"{lead}{row.unit} đạt {format_vi(row.total, scheme.places)}/"
                        f"{format_vi(row.max)} điểm (tỷ lệ {format_vi(row.percent, scheme.places)}%){grade}; "
                        f"xếp hạng {row.rank}/{len(dt.rows)} trong {lower_first(dt.heading)}.")
    for ind in scheme.scored_indicators:
        score = row.scores.get(ind.key)
        values[f"s_{ind.key}"] = (f"- {ind.label}: {format_vi(score)}/{format_vi(ind.max)} điểm;" if score is not None
                                  else f"- {ind.label}: không áp dụng;")
    weak = weakest_indicators([row], scheme, limit=3)
    weak = [(k, s) for k, s in weak if s < 1]
    if weak:
        values["weak"] = "Các chỉ số đạt thấp cần tập trung khắc phục: " + "; ".join(
            f"{scheme.indicator(k).label} ({format_vi(row.scores[k])}/{format_vi(scheme.indicator(k).max)} điểm, "
            f"đạt {format_vi(s * 100, 2)}%)" for k, s in weak) + "."
    else:
        values["weak"] = "Tất cả các chỉ số đều đạt điểm tối đa; đề nghị tiếp tục duy trì."
    return values


def _context(meta: DraftMeta, scheme: Scheme) -> dict:
    m = {k: MARK.format(k) for k in _keys(scheme)}
    body = [{"kind": "h1", "text": "Kết quả chung"}, {"kind": "p", "text": m["result"]},
            {"kind": "h1", "text": "Điểm từng chỉ số"}]
    body += [{"kind": "item", "text": m[f"s_{i.key}"]} for i in scheme.scored_indicators]
    body += [{"kind": "h1", "text": "Đề nghị"}, {"kind": "p", "text": m["weak"]},
             {"kind": "p", "text": f"Đề nghị {m['head']} chỉ đạo theo dõi sát các chỉ số trên Cổng Dịch vụ "
                                   "công quốc gia, kịp thời chấn chỉnh và báo cáo kết quả trong kỳ tiếp theo."}]
    return {
        "parent_upper": meta.parent_upper, "issuer_upper": meta.issuer_upper, "issuer": meta.issuer,
        "number_line": f"{m['number']}/{meta.symbol_text}", "date_line": meta.date_line, "subject": m["subject"],
        "kinh_gui": [m["unit"]], "basis": [f"Căn cứ {scheme.basis};"] if scheme.basis else [],
        "intro": "", "body": body,
        "closing": f"{meta.issuer} thông báo để {m['unit']} biết, thực hiện./.",
        "recipients": [m["unit"], *(meta.recipients or [])], "archive": meta.archive,
        "authority_lines": meta.authority_lines, "signer": meta.signer or "", "period": "",
        "appendix_anchor": ANCHOR,
    }


def _deflate(data: bytes, level: int) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


@dataclass
class _Member:
    """A part of the package, compressed once."""

    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate stream

    @classmethod
    def of(cls, name: str, payload: bytes, level: int = 6) -> "_Member":
        return cls(name.encode("utf-8"), zlib.crc32(payload), len(payload), _deflate(payload, level))


def _zip(members: list[_Member]) -> bytes:
    """A ZIP archive of already-deflated members (what zipfile would write,
    without compressing the unchanged parts again for every unit)."""
    out, central, offset = [], [], 0
    stamp = (0, 33)  # 1980-01-01 00:00, as docx writers do
    for m in members:
        head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, *stamp, m.crc, len(m.data), m.size,
                           len(m.name), 0)
        out += [head, m.name, m.data]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, *stamp, m.crc,
                                   len(m.data), m.size, len(m.name), 0, 0, 0, 0, 0, offset) + m.name)
        offset += len(head) + len(m.name) + len(m.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


@dataclass
class Skeleton:
    """A rendered package: its parts compressed once, the body with markers."""

    members: list[_Member | None]  # None where word/document.xml goes
    document: str

    def fill(self, values: dict[str, str]) -> bytes:
        xml = _MARK_RE.sub(lambda m: escape(strip_control(values.get(m.group(1), ""))), self.document)
        body = _Member.of("word/document.xml", xml.encode("utf-8"), level=1)
        return _zip([m if m is not None else body for m in self.members])


def skeleton(meta: DraftMeta, scheme: Scheme, template: str | None = None) -> Skeleton:
    tpl = render_template(template_path(template, "TB"), _context(meta, scheme))
    number_headings(tpl.docx)
    insert_appendices(tpl.docx, [])
    buf = io.BytesIO()
    tpl.docx.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        parts = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    document = next(d for n, d in parts if n == "word/document.xml").decode("utf-8")
    members = [None if n == "word/document.xml" else _Member.of(n, d) for n, d in parts]
    return Skeleton(members=members, document=document)


def number_text(start: int | None, index: int) -> str:
    """The notice's own number ('07', '125'), or a blank to fill in by hand."""
    if start is None:
        return BLANK
    n = start + index
    return f"{n:02d}" if n < 10 else str(n)


def plan(data: DraftData, number_start: int | None = None) -> list[tuple[DraftTable, UnitDoc]]:
    when, when_long = period_words(data.period), period_words(data.period, long=True)
    out = []
    for t_index, dt in enumerate(data.tables, start=1):
        for row in dt.rows:
            name = f"{t_index}-{int(row.rank or 0):04d}-{slug(row.unit)}.docx"
            values = unit_values(row, dt, when, when_long)
            values["number"] = number_text(number_start, len(out))
            out.append((dt, UnitDoc(name=name, values=values, scheme=dt.scheme.name)))
    # Names that differ only by accents or case are one file on many disks
    # (and to people): each unit gets its own file.
    for (_, doc), name in zip(out, unique_names([d.name for _, d in out])):
        doc.name = name
    return out


def _write_chunk(args) -> int:
    skel, outdir, docs = args
    for doc in docs:
        target = Path(outdir) / doc.name
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(skel.fill(doc.values))
        os.replace(tmp, target)
    return len(docs)


def write_per_unit(data: DraftData, meta: DraftMeta, outdir: str | Path, template: str | None = None,
                   workers: int | None = None, number_start: int | None = None) -> list[Path]:
    """Write one DOCX per unit into ``outdir``; returns their paths. Each is a
    Thông báo (type code TB), numbered from ``number_start`` or left blank."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    if not meta.period and data.period:
        meta.period = data.period
    meta.as_notice()
    planned = plan(data, number_start)
    skeletons = {}
    for dt, _ in planned:
        if dt.scheme.name not in skeletons:
            skeletons[dt.scheme.name] = skeleton(meta, dt.scheme, template)
    workers = workers or min(2, os.cpu_count() or 1)
    jobs = []
    for name, skel in skeletons.items():
        docs = [d for _, d in planned if d.scheme == name]
        size = max(1, -(-len(docs) // (workers * 4)))
        jobs += [(skel, str(outdir), docs[i:i + size]) for i in range(0, len(docs), size)]
    if workers > 1 and len(planned) > 200:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_write_chunk, jobs))
    else:
        for job in jobs:
            _write_chunk(job)
    return [outdir / d.name for _, d in planned]
