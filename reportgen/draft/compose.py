"""Composing a document: the template context (header lines, subject, basis,
body blocks, closing, recipients, signature) and the appendices, for a BC, a
TB or a CV, from the prepared data and the metadata."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..numbers import format_vi
from .appendix import appendix_elements
from .data import DraftData, DraftTable, UnitGroup
from .metadata import DraftMeta
from .narrative import (Notes, change_blocks, evaluation_blocks, lower_first, names_text, period_words,
                        strength_blocks, weakness_blocks)
from .render import ANCHOR

SUBJECTS = {
    "BC": "Kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, "
          "dịch vụ công {period}",
    "TB": "Kết quả Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp {period}",
    "CV": "nâng cao kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp",
}
RECIPIENTS = {
    "BC": ["Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c)", "Các cơ quan, đơn vị được đánh giá"],
    "TB": ["Các sở, ban, ngành", "UBND các xã, phường", "Lãnh đạo Văn phòng"],
    "CV": ["Như trên", "Chủ tịch, các Phó Chủ tịch UBND tỉnh"],
}


@dataclass
class Composition:
    context: dict
    appendices: list[list] = field(default_factory=list)
    notes: Notes = field(default_factory=Notes)


def _province_blocks(data: DraftData, when: str) -> list[dict]:
    prov = data.province
    if prov is None:
        return []
    row, scheme = prov.row, None
    out = [{"kind": "p", "text": (
        f"Theo số liệu của Cổng Dịch vụ công quốc gia (trang “{prov.sheet}”), {when} {row.unit} đạt "
        f"{format_vi(row.total, 2)}/{format_vi(row.max)} điểm, xếp hạng {prov.rank}/{prov.of} tỉnh, thành phố"
        + _trend_text(data) + ".")}]
    before = data.previous.get(row.unit.casefold())
    if before and before[2] is not None:
        move = before[2] - prov.rank
        verb = ("tăng từ vị trí {a}/{n} lên {b}/{m}" if move > 0 else
                "giảm từ vị trí {a}/{n} xuống {b}/{m}" if move < 0 else "giữ nguyên vị trí {b}/{m}")
        when_before = period_words(data.previous_period) or "kỳ trước"
        out.append({"kind": "p", "text": f"So với {when_before}, xếp hạng của tỉnh "
                                         + verb.format(a=before[2], n=before[3], b=prov.rank, m=prov.of) + "."})
    if prov.portal_rank is not None and prov.portal_rank != prov.rank:
        out.append({"kind": "note", "text": f"(Cổng ghi thứ tự {prov.portal_rank}; xếp hạng trên tính lại theo "
                                            "tổng điểm.)"})
    if prov.year_row is not None:
        out.append({"kind": "p", "text": f"Tính chung từ đầu năm: {format_vi(prov.year_row.total, 2)}/"
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
    return f"; {verb}{amount} so với tháng {label} ({format_vi(before)} điểm theo trang xu hướng)"


def _table_heading(dt: DraftTable | UnitGroup) -> str:
    return dt.heading[:1].upper() + dt.heading[1:]


def compose(data: DraftData, meta: DraftMeta) -> Composition:
    kind = meta.doc_type if meta.doc_type in SUBJECTS else "BC"
    when = period_words(data.period or meta.period)
    when_long = period_words(data.period or meta.period, long=True)
    notes = Notes()
    body: list[dict] = []
    appendix_for = {id(dt): i + 1 for i, dt in enumerate(data.tables)}

    groups = [g for dt in data.tables for g in dt.groups()]

    def per_group(g: UnitGroup, with_heading: bool, level: str = "h2") -> list[dict]:
        out = [{"kind": level, "text": _table_heading(g)}] if with_heading else []
        out += evaluation_blocks(g, appendix_for[id(g.table)], notes)
        out += change_blocks(g, data)
        return out

    many = len(groups) > 1
    if kind == "BC":
        body.append({"kind": "h1", "text": "Kết quả đánh giá, xếp loại"})
        for g in groups:
            body += per_group(g, many)
        body.append({"kind": "h1", "text": "Đánh giá chung"})
        body.append({"kind": "h2", "text": "Kết quả đạt được"})
        for g in groups:
            body += _prefixed(g, strength_blocks(g), many)
        body.append({"kind": "h2", "text": "Tồn tại, hạn chế"})
        for g in groups:
            body += _prefixed(g, weakness_blocks(g), many)
        body.append({"kind": "h1", "text": "Đề xuất, kiến nghị"})
        body += _requests(groups)
        closing = (f"Trên đây là kết quả đánh giá {when}, {meta.issuer} báo cáo để lãnh đạo "
                   "nắm và chỉ đạo./.")
    elif kind == "TB":
        if data.province is not None:
            body.append({"kind": "h1", "text": f"Kết quả của tỉnh {when}".strip()})
            body += _province_blocks(data, when)
        for g in groups:
            body.append({"kind": "h1", "text": f"Kết quả của {lower_first(g.heading)}"})
            body += per_group(g, False)
            weak = weakness_blocks(g)
            if weak:
                body.append({"kind": "p", "text": "Các chỉ số cần tập trung khắc phục:"})
                body += weak
        body.append({"kind": "h1", "text": "Đề nghị"})
        body += _requests(groups)
        closing = f"{meta.issuer} thông báo để các cơ quan, đơn vị biết, thực hiện./."
    else:  # CV
        body += _province_blocks(data, when)
        for g in groups:
            body.append({"kind": "h1", "text": _table_heading(g)})
            body += evaluation_blocks(g, appendix_for[id(g.table)], notes)
            weak = weakness_blocks(g)
            if weak:
                body.append({"kind": "p", "text": "Khẩn trương rà soát, khắc phục các chỉ số còn thấp:"})
                body += weak
        body += _requests(groups, heading="h1")
        closing = f"{meta.issuer} đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./."

    subject = meta.subject or SUBJECTS[kind].format(period=when_long).strip()
    basis = meta.basis or _default_basis(data)
    intro = meta.intro if meta.intro is not None else _intro(kind, meta, data, when_long)
    recipients = meta.recipients or RECIPIENTS[kind]
    if kind == "CV" and recipients[0].casefold() != "như trên":
        recipients = ["Như trên", *recipients]
    context = {
        "parent_upper": meta.parent_upper,
        "issuer_upper": meta.issuer_upper,
        "issuer": meta.issuer,
        "number_line": meta.number_line,
        "date_line": meta.date_line,
        "subject": subject,
        "kinh_gui": meta.kinh_gui or [g.heading for g in groups] or ["Các cơ quan, đơn vị"],
        "basis": [b if b.endswith((";", ".")) else b + ";" for b in basis],
        "intro": intro,
        "body": body,
        "closing": closing,
        "recipients": [r.rstrip(";.") for r in recipients],
        "archive": meta.archive.rstrip("."),
        "authority_lines": meta.authority_lines,
        "signer": meta.signer or "",
        "period": when,
        "appendix_anchor": ANCHOR,
    }
    source = Path(data.source).name if data.source and data.source != "synthetic" else None
    appendices = [appendix_elements(dt, i + 1, f"Kèm theo {meta.attachment_ref}", when_long, source)
                  for i, dt in enumerate(data.tables)]
    return Composition(context=context, appendices=appendices, notes=notes)


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


def _intro(kind: str, meta: DraftMeta, data: DraftData, when: str) -> str:
    source = "số liệu trên Cổng Dịch vụ công quốc gia" if data.province is not None or any(
        dt.scheme.name.startswith("qd766") for dt in data.tables) else "kết quả chấm điểm các chỉ số"
    if kind == "BC":
        return f"Trên cơ sở {source}, {meta.issuer} báo cáo kết quả đánh giá {when} như sau:"
    if kind == "TB":
        return f"Trên cơ sở {source}, {meta.issuer} thông báo kết quả {when} như sau:"
    return (f"Trên cơ sở {source} {when}, để nâng cao chất lượng phục vụ người dân, doanh nghiệp, "
            f"{meta.issuer} đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:")


def _requests(groups: list[UnitGroup], heading: str | None = None) -> list[dict]:
    out = []
    for dt in groups:
        low = [r.unit for r in dt.rows if r.grade in [b.name for b in dt.scheme.grades[-2:]]]
        if low:
            if heading:
                out.append({"kind": heading, "text": f"Các {dt.noun} xếp loại thấp"})
            out.append({"kind": "p", "text": f"Đề nghị {names_text(low, dt.noun)} rà soát nguyên nhân, có giải pháp "
                                             "khắc phục ngay các chỉ số còn thấp và báo cáo kết quả trong kỳ sau."})
    out.append({"kind": "p", "text": "Các cơ quan, đơn vị tiếp tục đồng bộ đầy đủ, kịp thời dữ liệu hồ sơ lên Cổng "
                                     "Dịch vụ công quốc gia; thường xuyên theo dõi kết quả các chỉ số của mình để "
                                     "kịp thời chấn chỉnh."})
    return out
