"""A Report back from the JSON of ``reportgen extract --format json`` (the
stable contract of docs/json.md), so an archive can take what another machine
extracted, or a report drafted elsewhere, without reading the original."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..model import Column, Meta, Report, ScoreRow, ScoreTable, Statement
from ..raw import UnreadableInput


def _dec(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        raise UnreadableInput("số điểm trong JSON phải là chuỗi thập phân, không phải số thực")
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise UnreadableInput(f"giá trị không phải số: {value!r}") from exc


def looks_like_extract(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("meta"), dict) and isinstance(data.get("tables"), list)


def _meta(data: dict) -> Meta:
    date = data.get("date")
    try:
        parsed = dt.date.fromisoformat(date) if date else None
    except ValueError as exc:
        raise UnreadableInput(f"ngày không đúng dạng ISO 8601: {date!r}") from exc
    return Meta(doc_type=data.get("doc_type"), number=data.get("number"), issuer=data.get("issuer"),
                parent=data.get("parent"), place=data.get("place"), date=parsed, period=data.get("period"),
                subject=data.get("subject"), signer=data.get("signer"), authority=data.get("authority"),
                recipients=list(data.get("recipients") or ()))


def _row(data: dict) -> ScoreRow:
    scores = {k: _dec(v) for k, v in (data.get("scores") or {}).items()}
    return ScoreRow(unit=str(data.get("unit") or ""), scores=scores,
                    no=data.get("no"), section=data.get("section"), total=_dec(data.get("total")),
                    max=_dec(data.get("max")), percent=_dec(data.get("percent")), grade=data.get("grade"),
                    rank=data.get("rank"), page=data.get("page"))


def report_from_json(data: dict, source: str) -> Report:
    if not looks_like_extract(data):
        raise UnreadableInput(f"{source}: không phải kết quả JSON của 'reportgen extract'")
    tables = []
    for index, t in enumerate(data["tables"]):
        columns = [Column(key=c["key"], label=c.get("label", c["key"]), group=c.get("group"), max=_dec(c.get("max")))
                   for c in t.get("columns") or ()]
        tables.append(ScoreTable(index=index, title=t.get("title"), scheme=t.get("scheme"),
                                 kind=t.get("kind", "scores"), columns=columns,
                                 rows=[_row(r) for r in t.get("rows") or ()], page=t.get("page"),
                                 headers=list(t.get("headers") or ())))
    statements = [Statement(kind=s.get("kind", ""), text=s.get("text", "")) for s in data.get("statements") or ()]
    return Report(source=data.get("source") or source, meta=_meta(data["meta"]), tables=tables,
                  statements=statements)


def read_extract_json(path: Path) -> Report | None:
    """The report in ``path`` if it holds extract JSON, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return report_from_json(data, path.name) if looks_like_extract(data) else None
