"""One slip, one error in the prose (see reportgen.checks.culprits for the
tables): a written figure two checks find wrong is one error, and an error
computed from a figure another error of its paragraph shows wrong is named
in that error."""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal

from ..coverage import CLAIM_BOUND_RELATIONS
from ..model import Finding, Severity
from ..numbers import parse_vi_number, places_of, quantize
from .culprits import consequences, figure_value, vi_figure


def same_figure(findings: list[Finding], ledger) -> list[Finding]:
    """One written figure of the prose that two checks find wrong ("chỉ số
    đạt 74,024%" against its own 10,564/15 điểm and against the table's
    mean; "cao nhất là xã A đạt 93,93 điểm" against the column's highest and
    against xã A's row) is one slip: the first error keeps it and names the
    other; so is a warning about the same written figure that asks for the
    same correction ("02 đơn vị xếp loại Tốt" restated as 01 elsewhere and
    listing one name). A finding of the prose is one with a paragraph (it may name the
    table row it was held to)."""
    groups: dict[tuple, list[Finding]] = {}
    doubts: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.paragraph is None or figure_value(f.reported) is None:
            continue
        if f.severity == Severity.ERROR:
            groups.setdefault((f.paragraph, figure_value(f.reported).normalize()), []).append(f)
        elif f.severity == Severity.WARNING and figure_value(f.expected) is not None:
            doubts.setdefault((f.paragraph, figure_value(f.reported).normalize()), []).append(f)
    dropped: set[int] = set()
    for key, group in groups.items():
        kept = group[0]  # the first rule's (a statistic's before the unit's row: the claim the sentence makes)
        # a doubt about the same written figure that asks for the same correction is the same slip
        same = [f for f in doubts.get(key, ()) if figure_value(f.expected) == figure_value(kept.expected)]
        for f in group + same:
            if f is not kept:
                kept.message = f"{kept.message.rstrip('. ')}. Con số này cũng sai theo {f.code}: {f.message}"
                dropped.add(id(f))
    findings = [f for f in findings if id(f) not in dropped]
    return _computed_from(findings, ledger)


_NEAR = 6  # paragraphs apart a total of counts and the count that closes it may be ("- Tốt: 07 đơn vị" lines)


def _computed_from(findings: list[Finding], ledger) -> list[Finding]:
    """An error of the prose computed from a figure another error of the same
    paragraph shows wrong ("10,654/15 điểm là 71,027%, không phải 70,424%"
    when 10,654 is not the table's mean) is its consequence: named in that
    error's message, not reported apart — when its own figure is confirmed
    by another check (70,424% is the mean of the table's column) and the
    other error is not computed from this one's figure — or when correcting
    the other error's figure closes its gap exactly (a sum of which that
    figure is a term; the counts by grade listed one a line after the total
    they make, a few paragraphs apart; a change "tăng 2,12 điểm" the figures
    make 3,12 whose figure 84,27 the table's mean shows is 83,27)."""
    prose = [f for f in findings if f.severity == Severity.ERROR and f.paragraph is not None and f.row is None
             and figure_value(f.reported) is not None]
    dropped: dict[int, Finding] = {}
    for e in prose:
        for cause in prose:
            if cause is e or abs(cause.paragraph - e.paragraph) > _NEAR or id(cause) in dropped \
                    or figure_value(cause.reported) == figure_value(e.reported):
                continue
            same = cause.paragraph == e.paragraph
            if _quotes(e.message, cause.reported) and (not _quotes(cause.message, e.reported)
                                                       and (same and _confirmed(e, ledger) or _closed_by(e, cause))
                                                       or same and _ratio_closed(e, cause)):
                dropped[id(e)] = cause
                break
    for e_id, cause in dropped.items():
        e = next(f for f in prose if id(f) == e_id)
        cause.message = f"{cause.message.rstrip('. ')}. Số ghi sai này kéo theo: {consequences([e], what='số này')}"
    return [f for f in findings if id(f) not in dropped]


# A share's error shows its ratio first: "2 trên 18 là 11,11%, không phải 22,22%".
_RATIO = re.compile(r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?) trên (\d{1,3}(?:\.\d{3})*(?:,\d+)?) là")


def _ratio_closed(e: Finding, cause: Finding) -> bool:
    """Whether the percent ``e`` finds wrong is right once ``cause``'s figure
    is corrected: "02 đơn vị xếp loại Khá (chiếm 22,22%)" where the table has 4
    of 18 — the count is the slip, 4 / 18 = 22,22% as written."""
    m = _RATIO.match(e.message)
    wrong, right, written = figure_value(cause.reported), figure_value(cause.expected), figure_value(e.reported)
    if not m or None in (wrong, right, written):
        return False
    part, whole = (parse_vi_number(m.group(k), "auto").value for k in (1, 2))
    if wrong not in (part, whole):
        return False
    part, whole = (right if part == wrong else part), (right if whole == wrong else whole)
    return bool(whole) and quantize(part / whole * 100, places_of(written)) == written


def _closed_by(e: Finding, cause: Finding) -> bool:
    """Whether correcting ``cause``'s figure closes ``e``'s gap exactly: a
    total of counts by grade ("3 + 1 + 2 + 2 = 8, khác 7 đơn vị được đánh
    giá") one of whose counts another error shows one too many ("03 đơn vị
    xếp loại Xuất sắc" where the table has 2)."""
    gaps = []
    for f in (e, cause):
        reported, expected = figure_value(f.reported), figure_value(f.expected)
        if reported is None or expected is None:
            return False
        gaps.append(expected - reported)
    if e.code == "CHANGE_MISMATCH":
        redone = _change_redone(e.message, figure_value(cause.reported), figure_value(cause.expected))
        if redone is not None:
            return _holds(figure_value(e.reported), *redone)
        if "× 100" not in e.message:
            return _change_closed(figure_value(e.reported), figure_value(e.expected), gaps[1])
    if _term_closes(e, cause):
        return True
    return gaps[0] == gaps[1] != 0


# A sum's error shows its parts first: "Các thành phần 127 + 409 = 536, vượt tổng 436".
_PARTS = re.compile(r"thành phần (" + r"\d{1,3}(?:\.\d{3})*(?:,\d+)?" + r"(?: \+ \d{1,3}(?:\.\d{3})*(?:,\d+)?)+) = ")


def _term_closes(e: Finding, cause: Finding) -> bool:
    """Whether ``cause``'s figure is a part of the sum ``e`` finds off its
    whole and correcting it makes the parts the whole: "127 + 409 = 536,
    vượt tổng 436" where another check shows 409 is 309."""
    m = _PARTS.search(e.message) if e.code == "SUM_MISMATCH" else None
    wrong, right = figure_value(cause.reported), figure_value(cause.expected)
    whole, parts_sum = figure_value(e.reported), figure_value(e.expected)
    if m is None or None in (wrong, right, whole, parts_sum):
        return False
    terms = [parse_vi_number(t, "auto").value for t in m.group(1).split(" + ")]
    return wrong in terms and parts_sum - wrong + right == whole


_N = r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)"
# The arithmetic a change's error shows (prose_changes), first in its message: a relative change, a ratio, times, a
# difference.
_FORMULAS = ((re.compile(r"\(" + _N + " − " + _N + r"\) / \2 × 100"), "relative"),
             (re.compile(_N + " / " + _N + r" × 100 ="), "ratio"), (re.compile(_N + " / " + _N + " ="), "times"),
             (re.compile(_N + " − " + _N + " cho thấy"), "difference"))


def _change_redone(message: str, wrong: Decimal | None, right: Decimal | None) -> tuple[Decimal, bool] | None:
    """(the change its figures make once ``wrong`` is corrected to ``right``,
    whether both are whole counts), from the first arithmetic a change's error
    shows ("(6.479 − 5.381) / 5.381 × 100" with 6.479 a total another error
    shows is 6.379); None when neither figure of it is ``wrong``."""
    if wrong is None or right is None:
        return None
    found = sorted((m.start(), m, how) for pattern, how in _FORMULAS if (m := pattern.search(message)))
    if not found:
        return None
    _, m, how = found[0]
    now, then = (parse_vi_number(m.group(k), "auto").value for k in (1, 2))
    if wrong not in (now, then):
        return None
    now, then = (right if now == wrong else now), (right if then == wrong else then)
    if not then:
        return None
    value = {"relative": (now - then) / then * 100, "ratio": now / then * 100, "times": now / then,
             "difference": now - then}[how]
    return value, how == "relative" and places_of(now) == 0 and places_of(then) == 0


def _holds(change: Decimal | None, exact: Decimal, counts: bool) -> bool:
    """Whether ``change`` as written is ``exact`` (rounded or cut for a change
    of two counts; within a unit of its last place otherwise)."""
    if change is None:
        return False
    places = places_of(change)
    if counts:
        return abs(change) in (quantize(abs(exact), places), quantize(abs(exact), places, ROUND_DOWN)) \
            and (change >= 0) == (exact >= 0)
    return abs(exact - change) <= (Decimal(1).scaleb(-places) if places else Decimal("0.5"))


def _change_closed(change: Decimal, difference: Decimal, gap: Decimal) -> bool:
    """Whether a change stated as a difference ("tăng 2,12 điểm", where the
    figures make 3,12) holds once a figure of it is corrected by ``gap``
    (the figure 84,27 another check shows is 83,27: 83,27 − 81,15 = 2,12; or
    the earlier figure, which moves the difference the other way), within
    one unit of the change's last place."""
    places = places_of(change)
    tolerance = Decimal(1).scaleb(-places) if places else Decimal("0.5")
    return gap != 0 and any(abs(difference + sign * gap - change) <= tolerance for sign in (1, -1))


def _confirmed(f: Finding, ledger) -> bool:
    """Whether the claim of ``f``'s figure holds another relation than the
    one that broke (two or more that would detect a change)."""
    for claim in ledger.claims.values():
        if claim.paragraph == f.paragraph and _quotes(claim.figure, f.reported):
            return len(claim.relations - CLAIM_BOUND_RELATIONS) >= 2
    return False


def _quotes(message: str, figure: str) -> bool:
    """Whether ``message`` writes ``figure`` (as a whole number, not inside another)."""
    return re.search(r"(?<![\d.,])" + re.escape(vi_figure(figure)) + r"(?!\d|[.,]\d)", message) is not None
