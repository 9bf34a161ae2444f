"""Changes the prose states against an earlier figure it also gives:
"đạt 83,27 điểm, tăng 2,12 điểm so với quý II năm 2026 (81,15 điểm)",
"tiếp nhận 2.145 hồ sơ, tăng 12,54% so với cùng kỳ (1.906 hồ sơ)". The
figure is the last one of the clause before "tăng"/"giảm", the earlier one
the figure in brackets after "so với …"; the change is a difference in the
figures' own unit, or a percent of the earlier figure (a relative change).
A change in times ("tăng 1,5 lần so với năm 2023 (30.000 lượt)") is the
figure over the earlier one, or the growth over it (offices write both); a
percent "of" the earlier figure ("bằng 105,2% so với cùng kỳ (2.229,7 tỷ
đồng)") is the figure over it × 100, for counts and amounts, and "bằng 1,43
lần so với cùng kỳ (10.489 hồ sơ)" the figure over it.
The earlier figure may lead: "So với cùng kỳ năm trước (10.200 hồ sơ), tăng
21,0%" (and "…, tăng 2.145 hồ sơ, tương ứng tăng 21,0%": two changes of one
pair). A change whose clause gives no figure is of the figure its words name
before it in its section (read.statements_changes_now); a pairing in doubt
is marked ``whole_inferred`` (a slip against it is a warning).
Three figures: the arithmetic they obey is the check.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..model import Measure, Statement, StatementKind
from ..numbers import NotANumber, parse_vi_number, places_of
from ..text.lines import blank_brackets, split_sentences
from .statements_blocks import Block, group_item, heading_of
from .statements_changes_now import MAX_BLOCKS, content, figures, named


def _num(name: str) -> str:
    """A vi_VN figure (dot thousands, comma decimals) as the named group."""
    return rf"(?<![\d.,/])(?P<{name}>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d/]|[.,]\d)"


def _unit(name: str, words: int = 2) -> str:
    """What a figure counts, as the named group: %, điểm (phần trăm), a noun
    of up to ``words`` words."""
    return rf"(?P<{name}>%|điểm\s+phần\s+trăm|điểm|[^\W\d]\w*(?:\s+[^\W\d]\w*){{0,{words - 1}}})?"


# The earlier figure: in brackets, a few words before it ("(10.200 hồ sơ)", "(tỷ lệ hài lòng chung 96,84%)"), the
# bracket's other figures after a comma ("(đạt 97,17%, 12.486/12.849 hồ sơ)"), or after
# "là" / "có" ("so với cùng kỳ năm trước là 10.200 hồ sơ", "So với tháng trước: tháng trước có 636 HS …").
# The earlier period's words before its figure: "cùng kỳ năm 2025", "quý II", "tháng 8 năm 2026".
_PERIOD = (r"[^.;()\d]{0,60}?(?:\d{1,2}\s+tháng(?!\s+\d)[^.;()\d]{0,30}?)?"  # "6 tháng đầu năm 2025"
           r"(?:(?:(?<=tháng\s)|(?<=quý\s))\d{1,2}[^.;()\d]{0,20}?)?"
           r"(?:\d{4}[^.;()\d]{0,20}?)?")
_BASE = (r"(?:(?P<open>\()\s*(?:[^\W\d]\w*\s+){0,6}?|(?<!\w)(?:là|có)\s+)" + _num("b") + r"\s*" + _unit("bu", 6)
         + r"\s*(?(open)(?:[,;][^()]*)?\)|(?=[,.;)]|\s+(?:tăng|giảm|bằng)(?!\w)|$))")
# The change in another measure in brackets after it: "tăng 2.145 hồ sơ (tăng 21,0%) so với …".
_ALSO = (r"(?:\s*\(\s*(?:tương\s+ứng|tức\s+là|tức|hay)?\s*(?:tăng|giảm)?\s*" + _num("d2")
         + r"\s*(?P<du2>%|lần(?!\w))\s*\))?")
_CHANGE = re.compile(r"(?<!\w)(?P<dir>tăng|giảm)(?:\s+(?:thêm|được))?\s+" + _num("d") + r"\s*" + _unit("du") + _ALSO
                     + r"[^.;()]{0,40}?(?<!\w)so\s+với(?!\w)" + _PERIOD + _BASE, re.I)
# "bằng 105,2% so với cùng kỳ năm 2023 (2.229,7 tỷ đồng)": the figure as a percent of the earlier one.
_RATIO = re.compile(r"(?<!\w)(?:bằng|đạt)\s+" + _num("d") + r"\s*(?P<du>%|lần(?!\w))\s*(?:so\s+với|của)(?!\w)"
                    r"[^.;()\d]{0,60}?"
                    r"(?:\d{4}[^.;()\d]{0,20}?)?" + _BASE, re.I)
# The earlier figure first: "So với cùng kỳ năm trước (10.200 hồ sơ), số hồ sơ tiếp nhận tăng 21,0%"; the
# subject may name this period ("…, tháng 8 tăng 128 HS", "quý I/2025 tăng 172 HS").
_LEAD = re.compile(r"(?<!\w)so\s+với(?!\w)" + _PERIOD + _BASE
                   + r"\s*,?\s*(?P<subj>(?:[^.;()\d]|(?<!\w)(?:tháng|quý|năm)\s+[\dIVX]{1,4}(?:/\d{4})?"
                   r"|(?<![\w,.])\d{1,2}\s+tháng(?!\w)){0,80}?)"
                   r"(?<!\w)(?P<dir>tăng|giảm|bằng)"
                   r"(?:\s+(?:thêm|được))?\s+" + _num("d") + r"\s*" + _unit("du"), re.I)
# The same change again in another measure: "…, tăng 2.145 hồ sơ, tương ứng tăng 21,0%", "… (tăng 21,0%)".
_SECOND = re.compile(r"\s*[,(]\s*(?P<so>tương\s+ứng|tức\s+là|tức|hay)?\s*(?P<dir>tăng|giảm)?\s*" + _num("d")
                     + r"\s*(?P<du>%|lần(?!\w)|[^\W\d]\w*(?:\s+[^\W\d]\w*)?)", re.I)
# The figure before the change; of points written x/y ("đạt 80,11/100 điểm, tăng 3,29 điểm …") the x.
_FIGURE = re.compile(r"(?<![\d.,/])(?P<x>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*/\s*\d+(?:[.,]\d+)?)?"
                     r"(?![\d/]|[.,]\d)\s*(?P<xu>%|điểm|[^\W\d]\w*)?", re.I)


def _value(text: str):
    try:
        return parse_vi_number(text, "auto").value
    except NotANumber:
        return None


def _unit_kind(unit: str | None) -> str:
    u = " ".join((unit or "").casefold().split())
    if u == "%":
        return "percent"
    if u == "lần":
        return "times"
    if u == "điểm phần trăm":
        return "points-of-percent"
    if u.startswith("điểm"):
        return "points"
    return "count" if u else ""


def change_statements(blocks: list[Block], i: int, scope: str | None, known: list[Statement]) -> list[Statement]:
    """The change claims of ``blocks[i]``, each with its figure (``value``),
    the earlier figure (``whole``), the signed change (``parts[0]``) and whether
    the change may be a percent of the earlier figure (``percent`` set to
    it; ``measure`` PERCENT when it can be nothing else: a count that grew
    by a percent).
    The change and the earlier figure, read before as lone figures
    (``known``), are figures of the change: no statistic, no claim of their own."""
    block = blocks[i]
    out: list[Statement] = []
    offset = 0
    sentences = split_sentences(block.text)
    for k, sentence in enumerate(sentences):
        at = block.text.find(sentence, offset)
        offset = max(offset, at)
        matches = [*_CHANGE.finditer(sentence), *_RATIO.finditer(sentence)]
        matches += [m for m in _LEAD.finditer(sentence)
                    if not any(o.start() < m.end() and m.start() < o.end() for o in matches)]
        for m in matches:
            changes = _read(m, sentence, lambda: _earlier(blocks, i, sentences[:k]), (block.index, max(at, 0)),
                            lambda: _earlier_sections(blocks, i, sentences[:k]))
            for change in changes:
                value, written, x_kind, inferred, d, du, direction, end, where = change
                base, ratio = _value(m.group("b")), direction == "bằng"
                d_kind = _unit_kind(du)
                signed = d if ratio or direction == "tăng" else -d
                relative = d_kind == "percent" and x_kind != "percent"
                either = d_kind == "percent" and x_kind == "percent"  # "tăng 2,1%" of a rate: points or relative
                compare = ("ratio" if d_kind == "percent" else "times-of") if ratio \
                    else "times" if d_kind == "times" else None
                out.append(Statement(kind=StatementKind.CHANGE, text=sentence[m.start():end],
                                     paragraph=block.index, page=block.page, value=value, whole=base,
                                     parts=[signed], scope=scope, percent=signed if relative or either else None,
                                     written=written, measure=Measure.PERCENT if relative else None,
                                     compare=compare, at=(at if at >= 0 else 0) + m.start(), context=sentence,
                                     claim=True, clause=sentence[:m.start()], whole_inferred=inferred,
                                     value_at=where))
            if not changes:
                continue  # no figure it is of: its percent stays a claim of its own, unchecked
            start = (at if at >= 0 else 0) + m.start()
            size = max(c[7] for c in changes) - m.start()
            for st in known:
                if st.paragraph == block.index and st.at is not None and start <= st.at < start + size:
                    st.stat, st.claim = None, False
        out += _against_target(sentence, max(at, 0), block, scope)
    return out


# A result against its target, in points of percent: "chỉ tiêu 95%, đạt 97,16%, vượt 2,16 điểm phần trăm",
# "đạt 43,87%, thấp hơn chỉ tiêu 80% là 36,13 điểm phần trăm" — the result less the target.
_PP = r"\s*(?P<du>điểm\s+phần\s+trăm|điểm\s*%)"
_BEYOND = r"(?P<dir>vượt|cao\s+hơn|thấp\s+hơn|chưa\s+đạt|hụt|thiếu)"
_TARGET_FIRST = re.compile(r"(?<!\w)chỉ\s+tiêu(?:\s+(?:là|đề\s+ra|đặt\s+ra|giao))?\s*:?\s*" + _num("b")
                           + r"\s*%\s*[,;]?\s*(?:[^\W\d][\w]*\s+){0,3}?đạt\s+" + _num("x")
                           + r"\s*%\s*[,;]?\s*" + _BEYOND
                           + r"(?:\s+(?:so\s+với\s+)?chỉ\s+tiêu)?\s+(?:là\s+)?" + _num("d") + _PP, re.I)
_RESULT_FIRST = re.compile(r"(?<!\w)đạt\s+" + _num("x") + r"\s*%\s*[,;]?\s*" + _BEYOND
                           + r"\s+(?:so\s+với\s+)?chỉ\s+tiêu(?:\s+[^\W\d][\w]*){0,3}?\s+" + _num("b")
                           + r"\s*%\s*(?:là\s+)?" + _num("d") + _PP, re.I)


def _against_target(sentence: str, at: int, block: Block, scope: str | None) -> list[Statement]:
    """The results the sentence holds against their targets, as changes of
    the target (the result its figure, the target the earlier one)."""
    out = []
    for pattern in (_TARGET_FIRST, _RESULT_FIRST):
        for m in pattern.finditer(sentence):
            x, b, d = _value(m.group("x")), _value(m.group("b")), _value(m.group("d"))
            if x is None or b is None or d is None:
                continue
            up = m.group("dir").casefold().split()[0] in ("vượt", "cao")
            out.append(Statement(kind=StatementKind.CHANGE, text=m.group(0), paragraph=block.index, page=block.page,
                                 value=x, whole=b, parts=[d if up else -d], scope=scope, written=m.group("x"),
                                 at=at + m.start(), context=sentence, claim=True, clause=sentence[:m.start()]))
    return out


def _read(m: re.Match[str], sentence: str, earlier, here: tuple[int, int], wider=None) -> list[tuple]:
    """(figure, as written, its kind, paired in doubt, change, its unit, "tăng"/"giảm"/"bằng", where it ends,
    where the figure is when stated apart; the figure None when no figure of this period is found for a
    change said in two measures) of each change the match states (``here``: the sentence's
    paragraph and offset); none when the figures are of other kinds. A change whose words name no figure
    of its section takes those its words name in the sections before (``wider``): "3. So với quý IV,
    … điểm trung bình tăng 0,04 điểm so với quý IV năm 2024 (79,07 điểm)" is of "Điểm trung bình của
    các sở, ngành đạt 79,11 điểm" under "2. Kết quả cụ thể" (sure: no other figure fits the words);
    of several, the arithmetic picks the one it fits, else the claim is in doubt."""
    base, change = _value(m.group("b")), _value(m.group("d"))
    direction = "bằng" if m.re is _RATIO else m.group("dir").casefold()
    if base is None or change is None:
        return []
    b_kind, d_kind = _unit_kind(m.group("bu")), _unit_kind(m.group("du"))
    if direction == "bằng" and d_kind not in ("percent", "times"):
        return []
    changes = [(change, m.group("du"), m.end())]
    if m.groupdict().get("d2") and _value(m.group("d2")) is not None:  # "tăng 2.145 hồ sơ (tăng 21,0%) so với …"
        changes.append((_value(m.group("d2")), m.group("du2"), m.end()))
    if m.re is _LEAD and (second := _second(sentence, m, direction)) is not None:
        changes.append((_value(second.group("d")), second.group("du"), second.end()))
    # after the earlier figure, said to be the same change: "tăng 867 hồ sơ so với cùng kỳ (11.245 hồ sơ),
    # tương ứng tăng 7,71%" (a bare ", tăng 3,2% so với quý trước" is another change)
    elif m.re is _CHANGE and (second := _second(sentence, m, direction)) is not None and second.group("so"):
        changes.append((_value(second.group("d")), second.group("du"), second.end()))
    clause = _clause(sentence[:m.start()])
    found = [f for f in _FIGURE.finditer(clause) if not re.fullmatch(r"(?:19|20)\d\d", f.group("x"))] \
        if m.re is not _LEAD else []
    # "đạt 80,97/100 điểm, tương ứng Chỉ số đạt 81,0%, giảm 6,36 điểm so với … (87,33 điểm)": a change in
    # the bracket's unit is of the clause's last figure in that unit, a percent said of it in between
    same = [f for f in found if b_kind and _unit_kind(f.group("xu")) == b_kind == d_kind]
    if same:
        found = same
    if found:
        x = found[-1]
        x_kind = _unit_kind(x.group("xu"))
        if b_kind and x_kind and b_kind != x_kind and not (b_kind == "count" and x_kind == "count"):
            return []  # the bracket gives another quantity
        if direction == "bằng" and (x_kind != b_kind or x_kind not in ("count", "points")):
            return []  # "bằng 93% so với …" of a rate: a ratio of rates or a rate of something else
        value = _value(x.group("x"))
        return [] if value is None else [(value, x.group("x"), x_kind, False, d, du, direction, end, None)
                                         for d, du, end in changes]
    if not b_kind or (direction == "bằng" and b_kind not in ("count", "points")):
        return []
    subject, unit = _lead_subject(m.group("subj"), m.group("bu")) if m.re is _LEAD \
        else (sentence[:m.start()], m.group("bu"))
    # a change naming nothing after a semicolon ("…, đạt 43,87%, …; so với tháng 02/2026 (38,37%) tăng 5,50 điểm
    # phần trăm") is of the figures of its own sentence before it
    own = sentence[:m.start()] if m.re is _LEAD and not content(_subject(subject), frozenset()) else clause
    candidates, sure = named(figures([*earlier(), (own, *here)], unit), _subject(subject), unit)
    if not candidates and wider is not None and content(_subject(subject), frozenset(unit.casefold().split())):
        # named by its words (a change that names nothing is of its own section's figure only): sure, or
        # for the arithmetic to pick one
        candidates, sure = named(figures([*wider(), (clause, *here)], unit), _subject(subject), unit)
    out = []
    for d, du, end in changes:
        pick = _pick(candidates, sure, base, d, _unit_kind(du), direction)
        if pick is not None:
            out.append((_value(pick[0].written), pick[0].written, b_kind, pick[1], d, du, direction, end,
                        pick[0].where))
    if not out and len(changes) >= 2 and direction != "bằng":
        # "tăng 160 hồ sơ, tương ứng tăng 1,22%" with no figure of this period found: the two measures
        # of one change, still held to each other against the earlier figure
        return [(None, None, b_kind, False, d, du, direction, end, None) for d, du, end in changes]
    return out


_THIS_PERIOD = re.compile(r"(?<!\w)(?:tháng|quý|năm|kỳ)\s+[\dIVX]{1,4}(?:/\d{4})?(?:\s+năm\s+\d{4})?(?!\w)"
                          r"|(?<![\w,.])\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?\s+năm(?:\s+\d{4})?(?!\w)", re.I)


def _lead_subject(subject: str, unit: str) -> tuple[str, str]:
    """(the words naming the changed quantity, what it counts) of a change
    the earlier figure leads: the subject without this period's name ("tháng
    8 tăng 128 HS"); when it names nothing, the earlier figure's own words
    after its noun do ("tháng trước có 636 HS phải giải quyết" is of the
    figure "phải giải quyết" of this period)."""
    subject = _THIS_PERIOD.sub(" ", subject or "")
    words = (unit or "").split()
    if content(_subject(subject), frozenset(w.casefold() for w in words)) or len(words) < 2:
        return subject, unit
    noun = 1 if words[0].isupper() else 2  # "HS" (an abbreviation), "hồ sơ"
    return " ".join(words[noun:]), " ".join(words[:noun])


def _clause(before: str) -> str:
    """The clause a change is said of: the text before it from the last ";" that no bracket holds, its
    bracketed details blanked when a figure stands outside them — "tiếp nhận 1.345 hồ sơ (trực tuyến 810
    hồ sơ, chiếm 60,22%; trực tiếp 535 hồ sơ), tăng 205 hồ sơ so với …" is of the 1.345 the brackets
    break down, never of their last figure."""
    masked = blank_brackets(before)
    plain = masked[max(masked.rfind(";"), 0):]
    if any(not re.fullmatch(r"(?:19|20)\d\d", f.group("x")) for f in _FIGURE.finditer(plain)):
        return plain
    return before[max(before.rfind(";"), 0):]


def _second(sentence: str, m: re.Match[str], direction: str) -> re.Match[str] | None:
    """The same change in another measure right after a leading one: a
    percent or times ("…, tương ứng tăng 21,0%", "… (21,0%)"), or a count
    of the earlier figure's noun said to be so ("…, tương ứng 2.145 hồ sơ")."""
    second = _SECOND.match(sentence, m.end())
    if second is None or (second.group("dir") or m.group("dir")).casefold() != direction \
            or _value(second.group("d")) is None:
        return None
    du = second.group("du").casefold()
    if du == "%" or du.startswith("lần"):
        return second
    noun = (m.group("bu") or "").casefold().split()
    said = second.group("so") or second.group(0).lstrip().startswith("(")
    return second if said and noun and du.split()[:len(noun[:2])] == noun[:2] else None


def _subject(text: str) -> str:
    """The words that name the changed quantity: the clause before the verb."""
    return re.split(r"[;:,]", text)[-1]


def _earlier(blocks: list[Block], i: int, before: list[str]) -> list[tuple[str, int, int]]:
    """The sentences (text, paragraph, offset) before a change in its
    section: the paragraphs before it back to the heading or numbered
    paragraph that opens it (a few at most), then its paragraph's."""
    out: list[tuple[str, int, int]] = []
    if heading_of(blocks[i].text):
        return _placed(blocks[i], before)  # a numbered paragraph opens its section
    for j in range(i - 1, max(-1, i - 1 - MAX_BLOCKS), -1):
        if group_item(blocks, j):
            continue  # "2. Khối UBND cấp huyện: điểm trung bình đạt 66,26 điểm": a group's, not the whole's
        out = _placed(blocks[j], split_sentences(blocks[j].text)) + out
        if heading_of(blocks[j].text):
            break  # the heading (or numbered paragraph) that opens the section: "1. Tiếp nhận 12.345 hồ sơ."
    return out + _placed(blocks[i], before)


def _earlier_sections(blocks: list[Block], i: int, before: list[str]) -> list[tuple[str, int, int]]:
    """The sentences before a change across the headings before its section
    (three sections' worth of paragraphs at most), then its paragraph's."""
    out: list[tuple[str, int, int]] = []
    for j in range(max(0, i - 3 * MAX_BLOCKS), i):
        out += _placed(blocks[j], split_sentences(blocks[j].text))
    return out + _placed(blocks[i], before)


def _placed(block: Block, sentences: list[str]) -> list[tuple[str, int, int]]:
    out, offset = [], 0
    for sentence in sentences:
        at = block.text.find(sentence, offset)
        offset = max(offset, at)
        out.append((sentence, block.index, max(at, 0)))
    return out


def _pick(candidates, sure: bool, base, change, d_kind: str, direction: str):
    """(the figure, paired in doubt) among ``candidates``: the one sure; of
    several, the one the change fits (sure enough: it agrees), else the
    nearest, in doubt; None when there is none."""
    if not candidates:
        return None
    if sure:
        return candidates[-1], False
    fits = [c for c in candidates if _fits(_value(c.written), base, change, d_kind, direction)]
    if fits:
        return fits[-1], False
    return candidates[-1], True


def _fits(value, base, change, d_kind: str, direction: str) -> bool:
    """Whether the change holds of ``value`` against ``base`` within a unit of its last place."""
    if value is None or not base:
        return False
    unit = Decimal(1).scaleb(-places_of(change))
    if direction == "bằng":
        exact = value / base * (100 if d_kind == "percent" else 1)
    elif d_kind == "percent":
        exact = abs(value - base) / base * 100
    elif d_kind == "times":
        exact = value / base
    else:
        exact = abs(value - base)
    sign_ok = direction == "bằng" or (value >= base) == (direction == "tăng")
    return sign_ok and abs(exact - change) <= unit
