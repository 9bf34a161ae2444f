"""A generated corpus of result tables with the variety real offices produce,
kept apart from the tests the relations were tuned on: every document is
drawn from a seed, written as DOCX, once clean and once with one planted slip
whose row and column are known.

Kinds of table: a ranking of units (per-row maxima, percent, grade, rank;
columns in any order, header words and abbreviations varied, statistics rows,
bands stated in the prose or not, sorted by points or by percent); a table of
components with maxima in the header ("(12đ)", "[6 điểm]", "Tối đa 20
điểm"), some cells ``x/y``, a "Tổng cộng" row; a QĐ 766 group table with
"Tỷ lệ (%)" and "Điểm đạt (Tối đa N điểm)" pairs under merged indicator
headers; a statistics table numbered 1 / 1.1 / 1.1.1 or I / 1 / a; a
self-assessment of hierarchical criteria with long evidence text; groups as
rows (a cluster's subtotal row, then its members; numbered I / A or not at
all); units as columns (indicators as rows, a "Toàn tỉnh" column or none);
statistics in the prose ("bình quân", "cao nhất", "thấp nhất") over a
ranking table; units' own figures in the prose ("xã A đạt 85,20%, xếp loại
Tốt", "xếp thứ 2"); counts of units by bands of the percent ("Có 4/9 đơn vị
đạt từ 80% trở lên, chiếm tỷ lệ 44,44%"); dossiers per commune with rates
the prose names by their parts ("tỷ lệ giải quyết đúng hạn và trước hạn").
Unit names are drawn from random syllables; thousands with dots or none; one
or two decimals.

    python3 benchmarks/corpus_verify.py OUT_DIR [--n 40] [--seed 11]
"""
from __future__ import annotations

import argparse
import random
import re
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


# -------------------------------------------------------------------------- kinds

GRADES = [("TỐT", D(80)), ("KHÁ", D(65)), ("TRUNG BÌNH", D(50)), ("YẾU", D(0))]


def _grade(pct: Decimal) -> str:
    return next(g for g, low in GRADES if pct >= low)


def ranking(rnd: random.Random) -> tuple[Doc, callable]:
    n = rnd.randint(6, 14)
    units = rnd.sample(UNITS, n)
    maxima = [D(rnd.choice([81, 85, 87, 89, 97, 99])) for _ in units]
    got = [q(m * D(rnd.uniform(0.55, 0.97))) for m in maxima]
    pct = [q(g / m * 100) for g, m in zip(got, maxima)]
    by = rnd.choice(["pct", "got"])
    order = sorted(range(n), key=lambda i: -(pct[i] if by == "pct" else got[i]))
    words = {"rank": rnd.choice(["Thứ hạng", "Xếp hạng", "Hạng"]),
             "unit": rnd.choice(["Đơn vị", "Cơ quan, đơn vị", "Tên đơn vị"]),
             "max": rnd.choice(["Điểm chuẩn tối đa", "Điểm tối đa", "Tổng điểm tối đa", "Điểm chuẩn"]),
             "got": rnd.choice(["Điểm đạt được", "Điểm đạt", "Tổng điểm đạt", "Điểm thẩm định"]),
             "pct": rnd.choice(["Chỉ số chung", "Tỷ lệ (%)", "Chỉ số (%)", "Kết quả (%)"]),
             "grade": rnd.choice(["Xếp loại", "Phân loại"])}
    cols = ["rank", "unit", "max", "got", "pct", "grade"]
    if rnd.random() < 0.4:
        cols = ["rank", "unit", "got", "max", "pct", "grade"]
    rows = []
    for k, i in enumerate(order):
        cell = {"rank": str(k + 1), "unit": units[i], "max": vi(maxima[i]), "got": vi(got[i]),
                "pct": vi(pct[i]) + "%", "grade": _grade(pct[i])}
        rows.append([cell[c] for c in cols])
    stats = rnd.random() < 0.6
    if stats:
        ci = cols.index("pct")
        for label, v in (("Chỉ số cao nhất", max(pct)), ("Chỉ số trung bình", q(sum(pct) / n)),
                         ("Chỉ số thấp nhất", min(pct))):
            line = [label] * ci + [vi(v) + "%"] + [""] * (len(cols) - ci - 1)
            rows.append(line)
    doc = Doc(name="", kind="ranking")
    if rnd.random() < 0.5:
        doc.paragraphs.append("Xếp loại: TỐT từ 80% trở lên; KHÁ từ 65% đến dưới 80%; TRUNG BÌNH từ 50% đến dưới 65%.")
    doc.tables.append(Table([[words[c] for c in cols]], rows, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        k = rnd.randrange(n)
        what = rnd.choice(["got", "pct", "grade", "rank", "max"] + (["stat"] if stats else []))
        if what == "stat":
            r = rnd.randrange(n, n + 3)
            ci = cols.index("pct")
            t.rows[r][ci] = vi(_num(t.rows[r][ci]) + D("2.5")) + "%"
            d.slip = (t.rows[r][0], words["pct"])
            return
        ci = cols.index(what)
        old = t.rows[k][ci]
        if what == "grade":
            level = [g for g, _ in GRADES].index(old)
            t.rows[k][ci] = GRADES[level + 1][0] if level == 0 else GRADES[0][0]
        elif what == "rank":
            t.rows[k][ci] = str(int(old) + 3 if int(old) + 3 <= n else int(old) - 3)
        elif what == "pct":
            t.rows[k][ci] = vi(_num(old) - D("6.4")) + "%"
        else:
            t.rows[k][ci] = vi(_num(old) + D("4.5"))
        d.slip = (t.rows[k][cols.index("unit")], words[what])
    return doc, plant


def _num(text: str) -> Decimal:
    return D(text.replace("%", "").replace(".", "").replace(",", "."))


def components(rnd: random.Random) -> tuple[Doc, callable]:
    n = rnd.randint(5, 10)
    units = rnd.sample(UNITS, n)
    k = rnd.randint(3, 5)
    maxima = [D(rnd.choice([6, 10, 12, 15, 20])) for _ in range(k)]
    forms = ["Chỉ số {i} ({m}đ)", "Chỉ số {i} [{m} điểm]", "Tiêu chí {i} (Tối đa {m} điểm)", "TC{i} (tối đa: {m}đ)"]
    form = rnd.choice(forms)
    head = ["STT", rnd.choice(["Đơn vị", "Địa phương"])] + [form.format(i=i + 1, m=m) for i, m in enumerate(maxima)]
    head.append(rnd.choice(["Tổng cộng", "Tổng điểm", "Tổng"]))
    frac = rnd.random() < 0.3
    rows, sums = [], [D(0)] * (k + 1)
    for u_i, u in enumerate(units):
        vals = [q(m * D(rnd.uniform(0.4, 1.0)), rnd.choice([1, 2])) for m in maxima]
        total = sum(vals)
        cells = [vi(v, _p(v)) + (f"/{vi(m, 0)}" if frac else "") for v, m in zip(vals, maxima)]
        rows.append([str(u_i + 1), u] + cells + [vi(total, _p(total))])
        sums = [a + b for a, b in zip(sums, vals + [total])]
    with_total = not frac and rnd.random() < 0.7
    if with_total:
        rows.append(["", "Tổng cộng"] + [vi(s, _p(s)) for s in sums])
    doc = Doc(name="", kind="components")
    doc.tables.append(Table([head], rows, "BẢNG ĐIỂM THÀNH PHẦN"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.randrange(n)
        c = rnd.choice(list(range(2, 2 + k + 1)))
        text = t.rows[r][c]
        if c < 2 + k and rnd.random() < 0.5:  # above the maximum
            m = maxima[c - 2]
            new = vi(m + D("1.5"), 1) + (f"/{vi(m, 0)}" if frac else "")
        else:
            v = _num(text.split("/")[0])
            new = vi(v + D("2"), _p(v)) + ("/" + text.split("/")[1] if "/" in text else "")
        t.rows[r][c] = new
        d.slip = (t.rows[r][1], head[c])
    return doc, plant


def _p(v: Decimal) -> int:
    exp = v.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def group766(rnd: random.Random) -> tuple[Doc, callable]:
    n = rnd.randint(5, 10)
    units = rnd.sample(UNITS, n)
    indicators = [("Tỷ lệ TTHC công bố đúng hạn", D(6), D(100)), ("Tỷ lệ TTHC cập nhật, công khai", D(4), D(100)),
                  ("Tỷ lệ hồ sơ số hóa", D(6), D(80)), ("Tỷ lệ hồ sơ tái sử dụng", D(2), D(80))]
    chosen = rnd.sample(indicators, 3)
    top = ["STT", "Đơn vị"]
    low = ["STT", "Đơn vị"]
    for label, m, _ in chosen:
        top += [label, label]
        low += ["Tỷ lệ (%)", f"Điểm đạt (Tối đa {vi(m, 0)} điểm)"]
    group_max = sum(m for _, m, _ in chosen)
    top.append(f"Tổng điểm nhóm (Tối đa {vi(group_max, 0)} điểm)")
    low.append(top[-1])
    rows = []
    for u_i, u in enumerate(units):
        line = [str(u_i + 1), u]
        total = D(0)
        for _, m, t in chosen:
            rate = q(D(rnd.uniform(30, 100)))
            pts = q(m if rate >= t else rate * m / t)
            total += pts
            line += [vi(rate), vi(pts)]
        line.append(vi(total))
        rows.append(line)
    doc = Doc(name="", kind="group766")
    doc.tables.append(Table([top, low], rows, "NHÓM CHỈ SỐ CÔNG KHAI, MINH BẠCH"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.randrange(n)
        j = rnd.randrange(3)
        c = 2 + 2 * j + 1
        v = _num(t.rows[r][c])
        t.rows[r][c] = vi(v + D("1.25") if v + D("1.25") <= chosen[j][1] else v - D("1.25"))
        d.slip = (t.rows[r][1], low[c])
    return doc, plant


def statistics(rnd: random.Random) -> tuple[Doc, callable]:
    roman = rnd.random() < 0.5
    rows = []
    top_no = ["I", "II", "III"] if roman else ["1.", "2.", "3."]
    for g, no in enumerate(top_no):
        kids = [D(rnd.randint(20, 900)) for _ in range(rnd.randint(2, 4))]
        rows.append([no, f"Tổng số hồ sơ nhóm {g + 1}", "Hồ sơ", vi(sum(kids), 0)])
        for k, v in enumerate(kids):
            sub = f"{k + 1}" if roman else f"{g + 1}.{k + 1}."
            rows.append([sub, f"Hồ sơ loại {k + 1} của nhóm {g + 1}", "Hồ sơ", vi(v, 0)])
    doc = Doc(name="", kind="statistics")
    doc.tables.append(Table([["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"]], rows, "THỐNG KÊ SỐ LIỆU"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        parents = [i for i, r in enumerate(t.rows) if r[0] in top_no]
        i = rnd.choice(parents)
        t.rows[i][3] = vi(_num(t.rows[i][3]) + 7, 0)
        d.slip = (t.rows[i][1], "Số liệu")
    return doc, plant


def self_assessment(rnd: random.Random) -> tuple[Doc, callable]:
    rows = []
    evidence = ("Báo cáo số 12/BC-UBND ngày 05/01/2025 kèm theo danh mục tài liệu kiểm chứng gồm kế hoạch, "
                "quyết định, biên bản kiểm tra và các văn bản chỉ đạo có liên quan được lưu tại hồ sơ. ") * 3
    for g in range(1, 4):
        subs = []
        for s in range(1, rnd.randint(3, 4)):
            m = D(rnd.choice([1, 2, 3, 4]))
            got = q(m * D(rnd.choice(["1", "0.75", "0.5", "1"])), 2)
            subs.append((f"{g}.{s}", f"Tiêu chí thành phần {g}.{s}", m, got))
        rows.append([str(g), f"Lĩnh vực {g}", vi(sum(x[2] for x in subs), 2), vi(sum(x[3] for x in subs), 2), ""])
        for no, label, m, got in subs:
            rows.append([no, label, vi(m, 2), vi(got, 2), evidence])
    doc = Doc(name="", kind="self_assessment")
    doc.tables.append(Table([["STT", "Tiêu chí, tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá",
                              "Tài liệu kiểm chứng"]], rows, "BẢNG TỰ ĐÁNH GIÁ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        kids = [i for i, r in enumerate(t.rows) if "." in r[0]]
        i = rnd.choice(kids)
        m = _num(t.rows[i][2])
        t.rows[i][3] = vi(m + D("0.5"), 2)
        d.slip = (t.rows[i][1], "Điểm tự đánh giá")
    return doc, plant


# -- layouts the real offices also use: groups as rows, units as columns, statistics in prose

_SYL = ["Tân", "Phú", "Hòa", "An", "Đức", "Bình", "Thạnh", "Lộc", "Xuân", "Hải", "Mỹ", "Long", "Phước", "Quảng",
        "Hưng", "Thuận", "Đông", "Tây", "Nam", "Bắc", "Sơn", "Lâm", "Hà", "Trung", "Vĩnh", "Định", "Cát", "Gia"]


def names(rnd: random.Random, n: int, kind: str | None = None) -> list[str]:
    """``n`` distinct unit names made of random syllables (xã, phường, đặc khu, sở)."""
    out: list[str] = []
    while len(out) < n:
        k = kind or rnd.choice(["xã", "xã", "phường", "Sở"])
        body = " ".join(rnd.sample(_SYL, rnd.choice([2, 2, 3])))
        name = f"UBND {k} {body}" if k in ("xã", "phường", "đặc khu") else f"{k} {body}"
        if name not in out:
            out.append(name)
    return out


def _count(v: int, dots: bool) -> str:
    return vi(D(v), 0) if dots else str(v)


def groups_as_rows(rnd: random.Random) -> tuple[Doc, callable]:
    """A group row (a cluster of communes, a sector) with its subtotal, then
    its members; a "Tổng cộng" row at the end or none."""
    n_groups = rnd.randint(2, 4)
    dots = rnd.random() < 0.7
    pp = rnd.choice([1, 2])
    heads = [rnd.choice(["STT", "TT"]), rnd.choice(["Đơn vị", "Địa phương", "Cơ quan, đơn vị"]),
             rnd.choice(["Tổng số hồ sơ", "Số hồ sơ tiếp nhận", "Tổng số hồ sơ đã giải quyết"]),
             rnd.choice(["Số hồ sơ đúng hạn", "Giải quyết đúng hạn", "Đúng hạn"]),
             rnd.choice(["Tỷ lệ đúng hạn (%)", "Tỷ lệ (%)", "Tỷ lệ hồ sơ đúng hạn (%)"])]
    numbering = rnd.choice(["roman", "letters", "none"])
    rows, group_rows, member_rows = [], [], []
    grand_t = grand_o = 0
    counter = 0
    for g in range(n_groups):
        members = names(rnd, rnd.randint(2, 5), rnd.choice(["xã", "phường"]))
        vals = []
        for _ in members:
            t = rnd.randint(40, 4000)
            vals.append((t, rnd.randint(int(t * 0.85), t)))
        gt, go = sum(t for t, _ in vals), sum(o for _, o in vals)
        grand_t, grand_o = grand_t + gt, grand_o + go
        no = ["I", "II", "III", "IV"][g] if numbering == "roman" else "ABCD"[g] if numbering == "letters" else ""
        label = rnd.choice(["Cụm", "Khu vực", "Nhóm"]) + " " + " ".join(rnd.sample(_SYL, 2))
        group_rows.append(len(rows))
        rows.append([no, label, _count(gt, dots), _count(go, dots), vi(D(go) / gt * 100, pp)])
        for k, (name, (t, o)) in enumerate(zip(members, vals)):
            counter += 1
            member_rows.append(len(rows))
            rows.append([str(k + 1 if numbering != "none" else counter), name, _count(t, dots), _count(o, dots),
                         vi(D(o) / t * 100, pp)])
    if rnd.random() < 0.6:
        rows.append(["", rnd.choice(["Tổng cộng", "Toàn tỉnh", "Cộng"]), _count(grand_t, dots), _count(grand_o, dots),
                     vi(D(grand_o) / grand_t * 100, pp)])
    doc = Doc(name="", kind="groups_as_rows")
    doc.tables.append(Table([heads], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO CỤM XÃ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.choice(group_rows + member_rows * 2)
        c = rnd.choice([2, 3, 4])
        if c == 4:
            t.rows[r][c] = vi(_num(t.rows[r][c]) - D("7.5"), pp)
        else:
            v = int(_num(t.rows[r][c]))
            t.rows[r][c] = _count(v + rnd.choice([-1, 1]) * max(11, v // 10), dots)
        d.slip = (t.rows[r][1], heads[c])
    return doc, plant


def transposed(rnd: random.Random) -> tuple[Doc, callable]:
    """Units as columns, indicators as rows; a "Toàn tỉnh" column or none."""
    units = names(rnd, rnd.randint(3, 6))
    dots = rnd.random() < 0.6
    pp = rnd.choice([1, 2])
    totals = [rnd.randint(50, 9000) for _ in units]
    ok = [rnd.randint(int(t * 0.8), t) for t in totals]
    late = [t - o for t, o in zip(totals, ok)]
    labels = [rnd.choice(["Tổng số hồ sơ", "Số hồ sơ đã giải quyết"]), rnd.choice(["Đúng hạn", "Số hồ sơ đúng hạn"]),
              rnd.choice(["Quá hạn", "Số hồ sơ quá hạn"]), rnd.choice(["Tỷ lệ đúng hạn (%)", "Tỷ lệ đúng hạn"])]
    with_all = rnd.random() < 0.6
    head = [rnd.choice(["Chỉ tiêu", "Nội dung"])] + units
    head += [rnd.choice(["Toàn tỉnh", "Tổng cộng"])] if with_all else []
    series = [totals, ok, late]
    rows = []
    for label, vals in zip(labels, series):
        rows.append([label] + [_count(v, dots) for v in vals] + ([_count(sum(vals), dots)] if with_all else []))
    pcts = [D(o) / t * 100 for o, t in zip(ok, totals)] + ([D(sum(ok)) / sum(totals) * 100] if with_all else [])
    rows.append([labels[3]] + [vi(p, pp) for p in pcts])
    doc = Doc(name="", kind="transposed")
    doc.tables.append(Table([head], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ CỦA CÁC ĐƠN VỊ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.randrange(4)
        c = rnd.randrange(1, len(head))
        if r == 3:
            t.rows[r][c] = vi(_num(t.rows[r][c]) - D("6.5"), pp)
        else:
            v = int(_num(t.rows[r][c]))
            t.rows[r][c] = _count(v + max(13, v // 8), dots)
        d.slip = (head[c], t.rows[r][0])  # a finding names the unit (the column) and the measure
    return doc, plant


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
    vals = [(_num(r[ci]), r[ui]) for r in units]
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
            old, new = figure, vi(_num(figure) - D("3.4")) + ("%" if figure.endswith("%") else "")
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
    vals = [_num(r[ci]) for r in t.rows if not re.search(r"cao nhất|thấp nhất|trung bình", r[0])]
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
            old, new, j = figure, vi(_num(figure) + D("1.3"), places) + "%", 1
        d.paragraphs[j] = d.paragraphs[j].replace(old, new, 1)
        d.slip = ("¶", old)
    return doc, plant


KINDS = [ranking, components, group766, statistics, self_assessment, groups_as_rows, transposed, prose_statistics,
         prose_units, prose_bands, prose_dossiers]


# -------------------------------------------------------------------------- writing

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


def generate(out_dir: Path, n: int, seed: int) -> list[tuple[Doc, Path, Doc, Path]]:
    """``n`` pairs (clean document, its path, the same with a slip, its path)."""
    import copy

    rnd = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        doc, plant = kind(rnd)
        doc.name = f"{i:03d}_{doc.kind}"
        clean = out_dir / f"{doc.name}.docx"
        write_docx(doc, clean)
        slipped = copy.deepcopy(doc)
        plant(slipped, rnd)
        bad = out_dir / f"{doc.name}_slip.docx"
        write_docx(slipped, bad)
        pairs.append((doc, clean, slipped, bad))
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    for doc, clean, slipped, bad in generate(args.out, args.n, args.seed):
        print(clean.name, bad.name, slipped.slip)


if __name__ == "__main__":
    main()
