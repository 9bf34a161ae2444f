"""Composing a document: the template context (header lines, subject, basis,
body blocks, closing, recipients, signature) and the appendices, for a BC, a
TB or a CV, from the prepared data and the metadata."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..numbers import format_vi
from .appendix import appendix_elements
from .data import DraftData, DraftTable, UnitGroup
from .metadata import DocKind, DraftMeta
from .narrative import (
    Notes,
    change_blocks,
    evaluation_blocks,
    lower_first,
    period_words,
    spaced,
    strength_blocks,
    weakness_blocks,
)
from .render import ANCHOR
from .tasks import cause_blocks, deadline_text, task_blocks

SUBJECTS = {
    DocKind.REPORT: "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành "
                    "chính, dịch vụ công {period}",
    DocKind.NOTICE: "Kết quả Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh "
                    "nghiệp {period}",
    DocKind.LETTER: "nâng cao kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp",
}
RECIPIENTS = {
    DocKind.REPORT: ["Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c)", "Các cơ quan, đơn vị được đánh giá"],
    DocKind.NOTICE: ["Các sở, ban, ngành", "UBND các xã, phường", "Lãnh đạo Văn phòng"],
    DocKind.LETTER: ["Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh"],
}


@dataclass
class Composition:
    context: dict
    appendices: list[list] = field(default_factory=list)
    notes: Notes = field(default_factory=Notes)
    provenance: list[str] = field(default_factory=list)  # one per appendix, for a Word comment


def province_name(data: DraftData) -> str | None:
    """'tỉnh An Giang' for the province's own row 'UBND tỉnh An Giang'."""
    if data.province is None:
        return None
    return data.province.row.unit.removeprefix("UBND ").strip()


def _province_blocks(data: DraftData, when: str) -> list[dict]:
    """The province's own result first: score and rank among all provinces,
    the change since the last period, year to date, each indicator group."""
    prov = data.province
    if prov is None:
        return []
    row = prov.row
    lead = f"{when[:1].upper()}{when[1:]}, {row.unit}" if when else row.unit
    out = [{"kind": "p", "text": (
        f"{lead} đạt {format_vi(row.total, 2)}/{format_vi(row.max)} điểm, xếp hạng {prov.rank}/{prov.of} "
        f"tỉnh, thành phố{row.grade and f', xếp loại {row.grade}' or ''}" + _trend_text(data) + ".")}]
    before = data.previous.get(row.unit.casefold())
    if before and before[2] is not None:
        move = before[2] - prov.rank
        verb = ("tăng từ vị trí {a}/{n} lên {b}/{m}" if move > 0 else
                "giảm từ vị trí {a}/{n} xuống {b}/{m}" if move < 0 else "giữ nguyên vị trí {b}/{m}")
        when_before = period_words(data.previous_period) or "kỳ trước"
        out.append({"kind": "p", "text": f"So với {when_before}, xếp hạng của tỉnh "
                                         + verb.format(a=before[2], n=before[3], b=prov.rank, m=prov.of) + "."})
    if prov.year_row is not None:
        year = data.period.split("-")[0] if data.period else ""
        out.append({"kind": "p", "text": f"Tính chung từ đầu năm{spaced(year)}: {format_vi(prov.year_row.total, 2)}/"
                                         f"{format_vi(prov.year_row.max)} điểm, xếp hạng {prov.year_rank}/{prov.of}."})
    scheme = data.tables[0].scheme if data.tables else None
    if scheme is None:
        from ..schemes import load_scheme

        scheme = load_scheme("qd766-2022")
    shares = []
    for ind in scheme.scored_indicators:
        value = row.scores.get(ind.key)
        if value is None:
            continue
        pct = value * 100 / ind.max
        shares.append((pct, ind))
        out.append({"kind": "item", "text": f"- {ind.label}: {format_vi(value, 2)}/{format_vi(ind.max)} điểm "
                                            f"(đạt {format_vi(pct, 2)}%);"})
    weakest = sorted(shares, key=lambda s: s[0])[:2]
    if weakest:
        out.append({"kind": "p", "text": "Các nhóm chỉ số đạt thấp nhất: " + "; ".join(
            f"{ind.label} ({format_vi(row.scores[ind.key], 2)}/{format_vi(ind.max)} điểm, {format_vi(pct, 2)}%)"
            for pct, ind in weakest) + "."})
    return out


def _trend_text(data: DraftData) -> str:
    prov = data.province
    if prov is None or len(prov.trend) < 2:
        return ""
    label, before = prov.trend[-2]
    diff = prov.row.total - before
    verb = "tăng" if diff > 0 else "giảm" if diff < 0 else "không đổi"
    amount = f" {format_vi(abs(diff), 2)} điểm" if diff else ""
    return f"; {verb}{amount} so với tháng {label} ({format_vi(before)} điểm)"


def _table_heading(dt: DraftTable | UnitGroup) -> str:
    return dt.heading[:1].upper() + dt.heading[1:]


@dataclass
class Frame:
    """What every composer needs: the data, the metadata, the period in
    words, the groups of units, the footnotes and the appendix numbers."""

    data: DraftData
    meta: DraftMeta
    when: str
    when_long: str
    groups: list[UnitGroup]
    notes: Notes
    appendix_for: dict[int, int]

    @property
    def deadline(self) -> str:
        return deadline_text(self.meta.deadline, self.data.period or self.meta.period)

    @property
    def addressees(self) -> str:
        """'các sở, ban, ngành, UBND các xã, phường, đặc khu'."""
        return ", ".join(lower_first(g.heading) for g in self.groups) or "các cơ quan, đơn vị"

    def evaluation(self, g: UnitGroup) -> list[dict]:
        return evaluation_blocks(g, self.appendix_for[id(g.table)], self.notes) + change_blocks(g, self.data)


def _compose_bc(f: Frame) -> tuple[list[dict], str]:
    body: list[dict] = []
    many = len(f.groups) > 1
    if f.data.province is not None:
        body.append({"kind": "h1", "text": f"Kết quả chung của {province_name(f.data)}"})
        body += _province_blocks(f.data, f.when)
    body.append({"kind": "h1", "text": "Kết quả đánh giá, xếp loại các cơ quan, đơn vị"})
    for g in f.groups:
        body += ([{"kind": "h2", "text": _table_heading(g)}] if many else []) + f.evaluation(g)
    body.append({"kind": "h1", "text": "Đánh giá chung"})
    body.append({"kind": "h2", "text": "Kết quả đạt được"})
    for g in f.groups:
        body += _prefixed(g, strength_blocks(g), many)
    body.append({"kind": "h2", "text": "Tồn tại, hạn chế"})
    for g in f.groups:
        body += _prefixed(g, weakness_blocks(g), many)
    causes = [(g, cause_blocks(g)) for g in f.groups]
    if any(blocks for _, blocks in causes):
        body.append({"kind": "h2", "text": "Nguyên nhân"})
        for g, blocks in causes:
            body += _prefixed(g, blocks, many)
    body.append({"kind": "h1", "text": "Nhiệm vụ, giải pháp trong thời gian tới"})
    body += task_blocks(f.groups, f.meta.issuer, f.deadline)
    addressee = f.meta.addressee or _default_addressee(f.data, f.meta)
    closing = (f"Trên đây là báo cáo kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp{spaced(f.when)}, "
               f"{f.meta.issuer} kính báo cáo {addressee} xem xét, chỉ đạo./.")
    return body, closing


def _compose_tb(f: Frame) -> tuple[list[dict], str]:
    body: list[dict] = []
    if f.data.province is not None:
        body.append({"kind": "h1", "text": f"Kết quả của {province_name(f.data)}{spaced(f.when)}"})
        body += _province_blocks(f.data, f.when)
    for g in f.groups:
        body.append({"kind": "h1", "text": f"Kết quả của {lower_first(g.heading)}"})
        body += f.evaluation(g)
        weak = weakness_blocks(g)
        if weak:
            body.append({"kind": "p", "text": "Các chỉ số cần tập trung khắc phục:"})
            body += weak
    body.append({"kind": "h1", "text": "Đề nghị"})
    body += task_blocks(f.groups, f.meta.issuer, f.deadline)
    closing = f"{f.meta.issuer} thông báo để {f.addressees} biết, thực hiện./."
    return body, closing


def _compose_cv(f: Frame) -> tuple[list[dict], str]:
    """A CV states the result briefly, then asks: every numbered part is a
    request addressed to a kind of unit."""
    body: list[dict] = [{"kind": "h1", "text": f"Kết quả đánh giá{spaced(f.when)}"}]
    body += _province_blocks(f.data, f.when)
    for g in f.groups:
        body.append({"kind": "h2", "text": _table_heading(g)})
        body += evaluation_blocks(g, f.appendix_for[id(g.table)], f.notes)
    body.append({"kind": "p", "text": (
        f"Để nâng cao chất lượng phục vụ người dân, doanh nghiệp, {f.meta.issuer} đề nghị {f.addressees} "
        "thực hiện các nội dung sau:")})
    body += task_blocks(f.groups, f.meta.issuer, f.deadline, heading="h1")
    closing = f"{f.meta.issuer} đề nghị {f.addressees} quan tâm, triển khai thực hiện./."
    return body, closing


COMPOSERS = {DocKind.REPORT: _compose_bc, DocKind.NOTICE: _compose_tb, DocKind.LETTER: _compose_cv}


def _default_addressee(data: DraftData, meta: DraftMeta) -> str:
    if meta.parent:
        return meta.parent
    name = province_name(data) or (f"tỉnh {meta.province}" if meta.province else None)
    return f"UBND {name}" if name else "UBND tỉnh"


def compose(data: DraftData, meta: DraftMeta) -> Composition:
    kind = DocKind(meta.doc_type) if meta.doc_type in COMPOSERS else DocKind.REPORT
    period = data.period or meta.period
    frame = Frame(data=data, meta=meta, when=period_words(period), when_long=period_words(period, long=True),
                  groups=[g for dt in data.tables for g in dt.groups()], notes=Notes(),
                  appendix_for={id(dt): i + 1 for i, dt in enumerate(data.tables)})
    body, closing = COMPOSERS[kind](frame)
    when_long = frame.when_long
    subject = meta.subject or SUBJECTS[kind].format(period=when_long).strip()
    basis = meta.basis or _default_basis(data)
    intro = meta.intro if meta.intro is not None else _intro(kind, meta, data, when_long)
    recipients = meta.recipients or RECIPIENTS[kind]
    if kind == DocKind.LETTER and recipients[0].casefold() != "như trên":
        recipients = ["Như trên", *recipients]
    context = {
        "parent_upper": meta.parent_upper,
        "issuer_upper": meta.issuer_upper,
        "issuer": meta.issuer,
        "number_line": meta.number_line,
        "date_line": meta.date_line,
        "subject": subject,
        "kinh_gui": meta.kinh_gui or [g.heading for g in frame.groups] or ["Các cơ quan, đơn vị"],
        "basis": [b if b.endswith((";", ".")) else b + ";" for b in basis],
        "intro": intro,
        "body": body,
        "closing": closing,
        "recipients": [r.rstrip(";.") for r in recipients],
        "archive": meta.archive.rstrip("."),
        "authority_lines": meta.authority_lines,
        "signer": meta.signer or "",
        "period": frame.when,
        "appendix_anchor": ANCHOR,
    }
    appendices = [appendix_elements(dt, i + 1, f"Kèm theo {meta.attachment_ref}", when_long)
                  for i, dt in enumerate(data.tables)]
    return Composition(context=context, appendices=appendices, notes=frame.notes,
                       provenance=provenance(data))


def provenance(data: DraftData) -> list[str]:
    """Where each appendix's figures came from (file, sheet, rows): kept out of
    the official text, written as a Word comment on the appendix heading."""
    if not data.source or data.source == "synthetic":
        return [""] * len(data.tables)
    name = Path(data.source).name
    out = []
    for dt in data.tables:
        lines = [r.source_row for r in dt.rows if r.source_row]
        where = f", trang “{dt.sheet}”" if dt.sheet else ""
        span = f", dòng {min(lines)}–{max(lines)}" if lines else ""
        out.append(f"Nguồn số liệu: tệp {name}{where}{span}; tổng điểm, tỷ lệ, xếp loại và thứ hạng tính lại "
                   "theo bộ chỉ số.")
    return out


def _prefixed(dt: UnitGroup, blocks: list[dict], many: bool) -> list[dict]:
    if not blocks or not many:
        return blocks
    return [{"kind": "p", "text": f"{_table_heading(dt)}:"}] + blocks


def _default_basis(data: DraftData) -> list[str]:
    seen, out = set(), []
    for dt in data.tables:
        if dt.scheme.basis and dt.scheme.basis not in seen:
            seen.add(dt.scheme.basis)
            out.append(f"Căn cứ {dt.scheme.basis}")
    return out


def _intro(kind: DocKind, meta: DraftMeta, data: DraftData, when: str) -> str:
    source = "số liệu trên Cổng Dịch vụ công quốc gia" if data.province is not None or any(
        dt.scheme.name.startswith("qd766") for dt in data.tables) else "kết quả chấm điểm các chỉ số"
    if kind == DocKind.REPORT:
        return f"Trên cơ sở {source}, {meta.issuer} báo cáo kết quả đánh giá{spaced(when)} như sau:"
    if kind == DocKind.NOTICE:
        return f"Trên cơ sở {source}, {meta.issuer} thông báo kết quả{spaced(when)} như sau:"
    return f"Theo {source}, kết quả đánh giá{spaced(when)} như sau:"
