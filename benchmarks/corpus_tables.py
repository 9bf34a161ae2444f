"""The corpus's kinds of table (``corpus_verify.py``): a ranking of units, a
table of components with maxima in the header, a QĐ 766 group table, a
numbered statistics table, a self-assessment, groups as rows, units as
columns. Each kind draws a :class:`Doc` from ``rnd`` and returns it with the
function that plants one slip in a copy (``Doc.slip``: its row and column).
"""
from __future__ import annotations

import random

from corpus_docs import (
    GRADES,
    SYLLABLES,
    UNITS,
    D,
    Doc,
    Table,
    count_text,
    decimals_of,
    grade_of,
    names,
    number_of,
    q,
    vi,
)


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
                "pct": vi(pct[i]) + "%", "grade": grade_of(pct[i])}
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
            t.rows[r][ci] = vi(number_of(t.rows[r][ci]) + D("2.5")) + "%"
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
            t.rows[k][ci] = vi(number_of(old) - D("6.4")) + "%"
        else:
            t.rows[k][ci] = vi(number_of(old) + D("4.5"))
        d.slip = (t.rows[k][cols.index("unit")], words[what])
    return doc, plant



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
        cells = [vi(v, decimals_of(v)) + (f"/{vi(m, 0)}" if frac else "") for v, m in zip(vals, maxima)]
        rows.append([str(u_i + 1), u] + cells + [vi(total, decimals_of(total))])
        sums = [a + b for a, b in zip(sums, vals + [total])]
    with_total = not frac and rnd.random() < 0.7
    if with_total:
        rows.append(["", "Tổng cộng"] + [vi(s, decimals_of(s)) for s in sums])
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
            v = number_of(text.split("/")[0])
            new = vi(v + D("2"), decimals_of(v)) + ("/" + text.split("/")[1] if "/" in text else "")
        t.rows[r][c] = new
        d.slip = (t.rows[r][1], head[c])
    return doc, plant



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
        v = number_of(t.rows[r][c])
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
        t.rows[i][3] = vi(number_of(t.rows[i][3]) + 7, 0)
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
        m = number_of(t.rows[i][2])
        t.rows[i][3] = vi(m + D("0.5"), 2)
        d.slip = (t.rows[i][1], "Điểm tự đánh giá")
    return doc, plant


# -- layouts the real offices also use: groups as rows, units as columns, statistics in prose


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
        label = rnd.choice(["Cụm", "Khu vực", "Nhóm"]) + " " + " ".join(rnd.sample(SYLLABLES, 2))
        group_rows.append(len(rows))
        rows.append([no, label, count_text(gt, dots), count_text(go, dots), vi(D(go) / gt * 100, pp)])
        for k, (name, (t, o)) in enumerate(zip(members, vals)):
            counter += 1
            member_rows.append(len(rows))
            rows.append([str(k + 1 if numbering != "none" else counter), name, count_text(t, dots), count_text(o, dots),
                         vi(D(o) / t * 100, pp)])
    if rnd.random() < 0.6:
        rows.append(["", rnd.choice(["Tổng cộng", "Toàn tỉnh", "Cộng"]), count_text(grand_t, dots),
                     count_text(grand_o, dots), vi(D(grand_o) / grand_t * 100, pp)])
    doc = Doc(name="", kind="groups_as_rows")
    doc.tables.append(Table([heads], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO CỤM XÃ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.choice(group_rows + member_rows * 2)
        c = rnd.choice([2, 3, 4])
        if c == 4:
            t.rows[r][c] = vi(number_of(t.rows[r][c]) - D("7.5"), pp)
        else:
            v = int(number_of(t.rows[r][c]))
            t.rows[r][c] = count_text(v + rnd.choice([-1, 1]) * max(11, v // 10), dots)
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
        rows.append([label] + [count_text(v, dots) for v in vals] + ([count_text(sum(vals), dots)] if with_all else []))
    pcts = [D(o) / t * 100 for o, t in zip(ok, totals)] + ([D(sum(ok)) / sum(totals) * 100] if with_all else [])
    rows.append([labels[3]] + [vi(p, pp) for p in pcts])
    doc = Doc(name="", kind="transposed")
    doc.tables.append(Table([head], rows, "KẾT QUẢ GIẢI QUYẾT HỒ SƠ CỦA CÁC ĐƠN VỊ"))

    def plant(d: Doc, rnd: random.Random) -> None:
        t = d.tables[0]
        r = rnd.randrange(4)
        c = rnd.randrange(1, len(head))
        if r == 3:
            t.rows[r][c] = vi(number_of(t.rows[r][c]) - D("6.5"), pp)
        else:
            v = int(number_of(t.rows[r][c]))
            t.rows[r][c] = count_text(v + max(13, v // 8), dots)
        d.slip = (head[c], t.rows[r][0])  # a finding names the unit (the column) and the measure
    return doc, plant
