"""Generated mutations of the prose: change one claim a reader checks — a
date (an impossible day or month; an as-of date after the issue date), a
count of units by grade or a whole with its parts, a share's percent, a
statistic of a table (mean, highest, lowest), a unit's own figure (its
points, percent or rank) — in the file itself (the DOCX paragraph's runs,
the text line) and see whether ``verify`` gives a new error about it.

Which claims: the statements the unchanged document checks (the coverage
ledger), and every date of the prose. How: the figure is changed clearly and
written back in its own form (zero padding, separators, decimals, ``%``);
a count moves by one; a rank by three places.

Scoring against the unchanged document's findings (what is new):
- caught: a new error at the mutated paragraph, or quoting the new figure;
- elsewhere: a new error somewhere else;
- warned: only new warnings (or infos);
- missed: nothing new.
"""
from __future__ import annotations

import datetime as _dt
import random
import re
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportgen.checks import CheckContext, run_checks
from reportgen.read import read_path

from mutations import changed_number

PROSE_KINDS = ("date-impossible", "date-inconsistent", "grade-count", "sum", "share", "statistic", "unit-figure",
               "listed-count")
_MONTH_30 = (4, 6, 9, 11)


@dataclass
class ProseMutation:
    path: Path
    paragraph: int | None
    kind: str  # one of PROSE_KINDS
    anchor: str  # the words around the figure, as the reader reads them
    old: str  # the figure as written (inside ``anchor``)
    new: str
    unit: str | None = None

    @property
    def new_anchor(self) -> str:
        return self.anchor.replace(self.old, self.new, 1)


def _impossible(text: str, seed: int) -> str | None:
    """``text`` (a date as written) with a day its month does not have, or a 13th month."""
    m = re.fullmatch(r"(?P<d>\d{1,2})(?P<s1>\s*/\s*)(?P<m>\d{1,2})(?P<s2>\s*/\s*)(?P<y>\d{4})", text)
    p = re.fullmatch(r"(?P<pre>ngày\s+)(?P<d>\d{1,2})(?P<mid>\s+tháng\s+)(?P<m>\d{1,2})(?P<post>\s+năm\s+)(?P<y>\d{4})",
                     text, re.I)
    g = m or p
    if not g:
        return None
    day, month = int(g.group("d")), int(g.group("m"))
    pad = len(g.group("d")) == 2
    if month in _MONTH_30 or month == 2:
        new_day, new_month = (31 if month in _MONTH_30 else 30), g.group("m")
    elif seed % 2:
        new_day, new_month = day, "13"
    else:
        new_day, new_month = 32, g.group("m")
    d = f"{new_day:02d}" if pad else str(new_day)
    if m:
        return f"{d}{m.group('s1')}{new_month}{m.group('s2')}{m.group('y')}"
    return f"{p.group('pre')}{d}{p.group('mid')}{new_month}{p.group('post')}{p.group('y')}"


def _later(text: str, issued: _dt.date) -> str | None:
    """``text`` (a date as written) moved into the year after the issue date."""
    year = re.search(r"\d{4}$", text)
    if not year:
        return None
    return text[:year.start()] + str(issued.year + 1)


def _count_changed(token: str) -> str:
    n = int(token)
    return f"{n + 1:0{len(token)}d}" if token.startswith("0") else str(n + 1)


def _anchor_before(st, token: str) -> tuple[str, str] | None:
    """(anchor, token) for a figure the reader marked with its offset: up to
    15 characters before it, then the figure."""
    before = st.before
    if before is None:
        return None
    head = before[-15:]
    cut = max(head.rfind(";"), head.rfind(". "))
    return head[cut + 1:] + token, token


def _claim_mutations(st, h: int) -> list[tuple[str, str, str, str | None]]:
    """(kind, anchor, old, new) for a checked claim of the prose."""
    if st.kind == "grade_count" and st.count_written and st.at is not None:
        at, token = st.at, st.count_written
        if st.text[at:at + len(token)] == token:
            return [("grade-count", st.text[at:at + len(token) + 25], token, _count_changed(token))]
    elif st.kind == "sum" and st.mode != "breakdown":
        token = re.match(r"\d[\d.]*", st.text)
        if token:
            return [("sum", st.text[:45], token.group(0), changed_number(token.group(0), h))]
    elif st.kind == "share" and st.percent_written and st.text.endswith(st.percent_written):
        token = st.percent_written
        return [("share", st.text[-40:], token, changed_number(token, h))]
    elif st.kind == "fraction" and st.listed and "/" in st.text:
        # "Có 2/14 cơ quan …: Sở A, Sở B": the count of the names listed
        x, y = st.text.split("/", 1)
        context = st.context or ""
        at = context.find(st.text)
        anchor = context[at:at + len(st.text) + 25] if at >= 0 else st.text
        return [("listed-count", anchor, st.text, f"{_count_changed(x.strip())}/{y}")]
    elif st.kind == "percent" and st.of_raised is not None:
        found = _anchor_before(st, st.text)  # the share of a raised target
        if found is not None:
            return [("share", found[0], st.text, changed_number(st.text, h))]
    elif st.kind in ("percent", "score", "rank") and st.claim:
        kind = "unit-figure" if st.unit else "statistic" if st.stat else None
        token = st.text if st.kind != "rank" else (st.written if st.written is not None else st.text)
        found = _anchor_before(st, token) if kind else None
        if found is not None:
            n = int(token) if st.kind == "rank" else 0
            new = str(n + 3 if n <= 3 else n - 3) if st.kind == "rank" else changed_number(token, h)
            return [(kind, found[0], token, new)]
    return []


def candidates(path: Path, limit: int | None = None, seed: int = 0) -> list[ProseMutation]:
    report = read_path(path)
    ctx = CheckContext()
    run_checks(report, ctx)
    checked = {i for i, c in ctx.ledger.claims.items() if c.relations}
    member = ctx.ledger._member_of  # a figure of a share is one claim with it
    out: list[ProseMutation] = []

    def add(st, kind: str, anchor: str, old: str, new: str | None, unit: str | None = None) -> None:
        if new and new != old and old in anchor:
            out.append(ProseMutation(path, st.paragraph, kind, anchor, old, new, unit))

    for i, st in enumerate(report.statements):
        h = zlib.crc32(f"{path.name}|{i}|{seed}".encode()) & 0xFFFF
        if st.kind == "date" and st.written:
            text = st.written
            add(st, "date-impossible", text, text, _impossible(text, h))
            if st.role in ("as_of", "until") and report.meta.date is not None:
                add(st, "date-inconsistent", text, text, _later(text, report.meta.date))
        elif i in checked or member.get(i) in checked:
            for kind, anchor, old, new in _claim_mutations(st, h):
                add(st, kind, anchor, old, new, st.unit or None)
    rnd = random.Random(seed)
    rnd.shuffle(out)
    return out[:limit] if limit else out


# -------------------------------------------------------------------------- writing

def _loose(anchor: str) -> re.Pattern[str]:
    """The anchor with any run of spaces matching any whitespace (a wrapped line)."""
    return re.compile(r"\s+".join(re.escape(w) for w in anchor.split()))


def write_mutated(m: ProseMutation, out_dir: Path, stem: str | None = None) -> Path:
    suffix = m.path.suffix.lower()
    if suffix in (".docx", ".doc"):
        return _docx(m, out_dir, stem)
    if suffix in (".txt", ".md"):
        text = m.path.read_text(encoding="utf-8")
        hit = _loose(m.anchor).search(text)
        if hit is None:
            raise ValueError("anchor not found in the text")
        target = out_dir / ((stem or m.path.stem) + suffix)
        target.write_text(text[:hit.start()] + _respaced(hit.group(0), m) + text[hit.end():], encoding="utf-8")
        return target
    raise ValueError(f"no prose mutation writer for {suffix}")


def _respaced(written: str, m: ProseMutation) -> str:
    """The anchor as the file writes it (its own spaces) with the figure changed."""
    at = written.find(m.old)
    if at < 0:
        raise ValueError("figure split by a line break")
    return written[:at] + m.new + written[at + len(m.old):]


def _docx(m: ProseMutation, out_dir: Path, stem: str | None) -> Path:
    import docx
    from docx.oxml.ns import qn

    doc = docx.Document(str(m.path))
    pattern = _loose(m.anchor)
    for p in doc.element.body.iter(qn("w:p")):
        texts = list(p.iter(qn("w:t")))
        whole = "".join(t.text or "" for t in texts)
        hit = pattern.search(whole)
        if hit is None:
            continue
        at = hit.group(0).find(m.old)
        if at < 0:
            continue
        _replace_span(texts, hit.start() + at, hit.start() + at + len(m.old), m.new)
        target = out_dir / ((stem or m.path.stem) + ".docx")
        doc.save(str(target))
        return target
    raise ValueError("anchor not found in the DOCX")


def _replace_span(texts, start: int, end: int, new: str) -> None:
    """Write ``new`` over characters ``start:end`` of the runs' joined text,
    keeping every other character in its run."""
    pos = 0
    placed = False
    for t in texts:
        text = t.text or ""
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end:
            continue
        lo, hi = max(start, a) - a, min(end, b) - a
        t.text = text[:lo] + ("" if placed else new) + text[hi:]
        placed = True


# -------------------------------------------------------------------------- scoring

def _key(f) -> tuple:
    return (f.code, str(f.severity), f.unit, f.column, f.reported, f.paragraph)


def _value(text: str) -> Decimal | None:
    digits = re.sub(r"[^\d,]", "", text.replace(".", ""))
    try:
        return Decimal(digits.replace(",", ".")) if digits else None
    except ArithmeticError:
        return None


def outcome(m: ProseMutation, baseline: list, findings: list) -> str:
    known = {_key(f) for f in baseline}
    new = [f for f in findings if _key(f) not in known]
    errors = [f for f in new if f.severity == "error"]
    value = _value(m.new)

    def about(f) -> bool:
        if m.paragraph is not None and f.paragraph == m.paragraph:
            return True
        if m.new in (f.message or "") or (m.unit and f.unit == m.unit):
            return True
        return value is not None and _value(f.reported or "") == value

    if any(about(f) for f in errors):
        return "caught"
    if errors:
        return "elsewhere"
    return "warned" if new else "missed"


def verify_findings(path: Path) -> list:
    return run_checks(read_path(path), CheckContext())
