"""The corpus's kinds with figures in the prose (``corpus_verify.py``):
statistics of a ranking ("bình quân", "cao nhất", "thấp nhất"), units' own
figures, counts of units by bands of the percent, dossiers per commune with
rates named by their parts. The slip is planted in the prose.
"""
from __future__ import annotations

import random
import re

from corpus_docs import D, Doc, Table, number_of, q, vi
from corpus_tables import ranking


def prose_statistics(rnd: random.Random) -> tuple[Doc, callable]:
    """A ranking table and a paragraph that states its mean, highest and
    lowest ("bình quân", "cao nhất", "thấp nhất"); the slip is in the prose."""
    doc, _ = ranking(rnd)
    doc.kind = "prose_statistics"
    t = doc.tables[0]
    head = [h for h in t.header[0]]
    ci = next(i for i, h in enumerate(head) if re.search(r"chỉ số|tỷ lệ|kết quả", h, re.I))
    ui = next(i for i, h in enumerate(head) if re.search(r"đơn vị|cơ quan", h, re.I))
    units = [r for r in t.rows if not re.search(r"cao nhất|thấp nhất|trung bình", r[0])]
    vals = [(number_of(r[ci]), r[ui]) for r in units]
    mean = q(sum(v for v, _ in vals) / len(vals))
    hi, lo = max(vals), min(vals)
    word = rnd.choice(["bình quân", "trung bình"])
    text = rnd.choice([
        f"Chỉ số {word} của {len(vals)} đơn vị đạt {vi(mean)}%; đơn vị có chỉ số cao nhất là {hi[1]} "
        f"({vi(hi[0])}%), thấp nhất là {lo[1]} ({vi(lo[0])}%).",
        f"Kết quả: cao nhất {vi(hi[0])}% ({hi[1]}), thấp nhất {vi(lo[0])}% ({lo[1]}), {word} {vi(mean)}%.",
    ])
    doc.paragraphs.append(text)

    def plant(d: Doc, rnd: random.Random) -> None:
        which = rnd.choice([mean, hi[0], lo[0]])
        old = vi(which) + "%"
        new = vi(which - D("3.2")) + "%"
        k = len(d.paragraphs) - 1
        d.paragraphs[k] = d.paragraphs[k].replace(old, new, 1)
        d.slip = ("¶", old)
    return doc, plant


def prose_units(rnd: random.Random) -> tuple[Doc, callable]:
    """A ranking table and a paragraph that states a few units' own figures
    ("UBND xã A đạt 85,20%, xếp loại TỐT, xếp thứ 2", "B đạt 70,12 điểm");
    the slip is one of those figures in the prose."""
    doc, _ = ranking(rnd)
    doc.kind = "prose_units"
    t = doc.tables[0]
    head = t.header[0]
    col = {name: next(i for i, h in enumerate(head) if re.search(pat, h, re.I)) for name, pat in
           (("unit", r"đơn vị|cơ quan"), ("pct", r"chỉ số|tỷ lệ|kết quả"), ("got", r"điểm (đạt|thẩm)|tổng điểm đạt"),
            ("grade", r"loại"), ("rank", r"hạng"))}
    units = [r for r in t.rows if not re.search(r"cao nhất|thấp nhất|trung bình", r[0])]
    picked = rnd.sample(units, min(3, len(units)))
    forms = [lambda r: f"{_bare(r[col['unit']], rnd)} đạt {r[col['pct']]}, xếp loại {r[col['grade']].capitalize()}",
             lambda r: f"{_bare(r[col['unit']], rnd)} đạt {r[col['got']]} điểm, xếp thứ {r[col['rank']]}",
             lambda r: f"{_bare(r[col['unit']], rnd)} xếp thứ {r[col['rank']]} với {r[col['pct']]}"]
    claims = [(r, rnd.choice(forms)(r)) for r in picked]
    doc.paragraphs.append("Kết quả nổi bật: " + "; ".join(c for _, c in claims) + ".")

    def plant(d: Doc, rnd: random.Random) -> None:
        row, claim = rnd.choice(claims)
        k = len(d.paragraphs) - 1
        if "xếp loại" in claim and rnd.random() < 0.5:
            old = "xếp loại " + row[col["grade"]].capitalize()
            new = "xếp loại " + ("Khá" if row[col["grade"]] == "TỐT" else "Tốt")
        elif "xếp thứ" in claim and rnd.random() < 0.5:
            old = f"xếp thứ {row[col['rank']]}"
            n = int(row[col["rank"]])
            new = f"xếp thứ {n + 2 if n <= 2 else n - 2}"
        else:
            figure = re.search(r"\d+,\d+%?", claim).group(0)
            old, new = figure, vi(number_of(figure) - D("3.4")) + ("%" if figure.endswith("%") else "")
        d.paragraphs[k] = d.paragraphs[k].replace(claim, claim.replace(old, new, 1), 1)
        d.slip = ("¶", old)
    return doc, plant


def _bare(unit: str, rnd: random.Random) -> str:
    """A unit as prose writes it: whole, or without "UBND", or in lower case."""
    return rnd.choice([unit, re.sub(r"^UBND\s+", "", unit), unit])


def prose_bands(rnd: random.Random) -> tuple[Doc, callable]:
    """A ranking table and a paragraph that counts its units by bands of the
    percent ("Có 4/9 đơn vị đạt từ 80% trở lên, chiếm tỷ lệ 44,44%"); the
    slip is one count (and its share) in the prose."""
    doc, _ = ranking(rnd)
    doc.kind = "prose_bands"
    t = doc.tables[0]
    head = t.header[0]
    ci = next(i for i, h in enumerate(head) if re.search(r"chỉ số|tỷ lệ|kết quả", h, re.I))
    vals = [number_of(r[ci]) for r in t.rows if not re.search(r"cao nhất|thấp nhất|trung bình", r[0])]
    n = len(vals)
    bands = [("từ 80% trở lên", lambda v: v >= 80), ("từ 65% đến dưới 80%", lambda v: 65 <= v < 80),
             ("dưới 65%", lambda v: v < 65)]
    lines = []
    for words, test in bands:
        k = sum(1 for v in vals if test(v))
        if k:
            lines.append((words, k))
    noun = rnd.choice(["đơn vị", "cơ quan, đơn vị", "địa phương"])
    text = [f"- Có {k}/{n} {noun} có kết quả đạt {w}, chiếm tỷ lệ {vi(D(k) / n * 100)}%;" for w, k in lines]
    doc.paragraphs.insert(len(doc.paragraphs), "Kết quả cụ thể như sau:")
    doc.paragraphs[-1:-1] = [f"Trong {n} {noun} được đánh giá:"] + text

    def plant(d: Doc, rnd: random.Random) -> None:
        words, k = rnd.choice(lines)
        new_k = k + 1 if k < n else k - 1
        for j, p in enumerate(d.paragraphs):
            if p.startswith(f"- Có {k}/{n} ") and words in p:
                share = vi(D(new_k) / n * 100)
                d.paragraphs[j] = f"- Có {new_k}/{n} {noun} có kết quả đạt {words}, chiếm tỷ lệ {share}%;"
                d.slip = ("¶", f"{k}/{n}")
                return
    return doc, plant


COMMUNES = ["UBND xã Tân Hà", "UBND phường Mũi Né", "UBND xã Đức Lập", "UBND xã Hàm Kiệm", "UBND phường Phú Thủy",
            "UBND xã Nam Dong", "UBND xã Quảng Tân", "UBND xã Phúc Thọ", "UBND xã Đạ Đờn"]


def prose_dossiers(rnd: random.Random) -> tuple[Doc, callable]:
    """A table of dossiers received and resolved per commune (a group of
    counts "Tổng số | Trực tuyến | Trực tiếp" and "Tổng số | Trước hạn |
    Đúng hạn | Quá hạn", or one header row), its total row, and a paragraph
    that states rates named by their parts ("tỷ lệ giải quyết đúng hạn và
    trước hạn đạt 98,7%", "tỷ lệ quá hạn 1,35%"), one commune's counts, and
    the whole received split by channel with its share; the slip is one of
    those figures in the prose."""
    noun = rnd.choice(["hồ sơ", "thủ tục"])
    units = rnd.sample(COMMUNES, rnd.randint(3, 6))
    data = []
    for u in units:
        got = rnd.randint(80, 2500)
        online = rnd.randint(got // 5, got * 4 // 5)
        done = got - rnd.randint(0, got // 10)
        late = rnd.randint(0, done // 30)
        early = rnd.randint(done // 3, done - late)
        data.append([got, online, got - online, done, early, done - early - late, late])
    total = [sum(col) for col in zip(*data)]
    fmt = (lambda n: vi(D(n), 0)) if rnd.random() < 0.7 else str
    grouped = rnd.random() < 0.5
    if grouped:
        header = [["TT", "Đơn vị"] + [f"Số {noun} tiếp nhận"] * 3 + [f"Số {noun} đã giải quyết"] * 4,
                  ["TT", "Đơn vị", "Tổng số", "Trực tuyến", "Trực tiếp", "Tổng số", "Trước hạn", "Đúng hạn",
                   "Quá hạn"]]
    else:
        header = [["TT", "Đơn vị", "Tiếp nhận", "Trực tuyến", "Trực tiếp", f"Tổng số {noun} đã giải quyết",
                   "Trước hạn", "Đúng hạn", "Quá hạn"]]
    rows = [[str(k + 1), u] + [fmt(n) for n in d] for k, (u, d) in enumerate(zip(units, data))]
    rows.append(["", rnd.choice(["Tổng cộng", "Toàn huyện"])] + [fmt(n) for n in total])
    doc = Doc(name="", kind="prose_dossiers")
    got, online, direct, done, early, ontime, late = total
    places = rnd.choice([1, 2])

    def pct(a: int, b: int) -> str:
        return vi(D(a) / D(b) * 100, places) + "%"

    on_time = rnd.choice([f"tỷ lệ {noun} giải quyết đúng hạn và trước hạn đạt {pct(early + ontime, done)}",
                          f"tỉ lệ giải quyết trước và đúng hạn là {pct(early + ontime, done)}",
                          f"tỷ lệ {noun} được giải quyết trước hạn, đúng hạn đạt {pct(early + ontime, done)}"])
    overdue = rnd.choice([f"tỷ lệ quá hạn {pct(late, done)}",
                          f"tỷ lệ {noun} giải quyết quá hạn chiếm {pct(late, done)}"])
    whole = (f"Tổng số {noun} tiếp nhận là {fmt(got)} {noun}, trong đó trực tuyến {fmt(online)} {noun}, chiếm "
             f"{pct(online, got)}; trực tiếp {fmt(direct)} {noun}.")
    k = rnd.randrange(len(units))
    unit = rnd.choice([units[k], re.sub(r"^UBND\s+", "", units[k])])
    own = f"{unit} tiếp nhận {fmt(data[k][0])} {noun}, đã giải quyết {fmt(data[k][3])} {noun}."
    doc.paragraphs += [whole, f"Trong kỳ, {on_time}; {overdue}.", own]
    doc.tables.append(Table(header, rows, f"KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT {noun.upper()} CỦA CÁC XÃ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        what = rnd.choice(["rate", "overdue", "whole", "own"])
        if what == "whole":
            old, new, j = f"là {fmt(got)}", f"là {fmt(got + rnd.choice([10, -10, 100]))}", 0
        elif what == "own":
            old, new, j = f"tiếp nhận {fmt(data[k][0])}", f"tiếp nhận {fmt(data[k][0] + 2)}", 2
        else:
            figure = re.search(r"\d+(?:,\d+)?%", on_time if what == "rate" else overdue).group(0)
            old, new, j = figure, vi(number_of(figure) + D("1.3"), places) + "%", 1
        d.paragraphs[j] = d.paragraphs[j].replace(old, new, 1)
        d.slip = ("¶", old)
    return doc, plant
