"""What the data say about causes, and the tasks a draft assigns: who lost the
points (which indicator takes the largest share of the points missed, which
indicator costs each low-graded unit most), and one task per kind of unit with
a deadline.

Only what the figures show is stated; the action asked for an indicator comes
from the words of its label (an indicator the table below does not know gets a
plain "raise the score" task).
"""
from __future__ import annotations

from decimal import Decimal

from ..numbers import format_vi
from ..scoring import weakest_indicators
from .data import UnitGroup
from .narrative import NAME_CAP, lower_first, names_text, period_words

# Label words → what a unit does to raise that indicator (checked in order).
ACTIONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("thanh toán",), "hướng dẫn người dân, doanh nghiệp nộp phí, lệ phí qua thanh toán trực tuyến, tăng tỷ lệ "
                      "hồ sơ thanh toán trực tuyến"),
    (("số hóa", "số hoá"), "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính ngay khi tiếp nhận và khai thác, "
                           "sử dụng lại dữ liệu đã số hóa"),
    (("trực tuyến",), "hướng dẫn, hỗ trợ người dân, doanh nghiệp nộp hồ sơ trực tuyến, tăng tỷ lệ hồ sơ trực "
                      "tuyến toàn trình"),
    (("công khai", "minh bạch"), "cập nhật, công khai đầy đủ, đúng hạn thủ tục hành chính và tình hình, kết quả "
                                 "giải quyết hồ sơ"),
    (("tiến độ", "đúng hạn", "giải quyết"), "tiếp nhận, xử lý hồ sơ đúng hạn trên hệ thống, hạn chế hồ sơ trễ hạn "
                                            "và yêu cầu bổ sung không đúng quy định"),
    (("hài lòng",), "nâng cao tinh thần, thái độ phục vụ, xử lý dứt điểm phản ánh, kiến nghị của người dân, "
                    "doanh nghiệp"),
)


def action_for(label: str) -> str:
    low = label.casefold()
    for words, action in ACTIONS:
        if any(w in low for w in words):
            return action
    return f"rà soát, có giải pháp nâng điểm chỉ số {lower_first(label)}"


def deadline_text(deadline: str | None, period: str | None) -> str:
    """'trước ngày 15/11/2025' from the meta file; else the month after the
    period ('trong tháng 11/2025'); else the next period."""
    if deadline:
        text = deadline.strip()
        return text if text.split(" ", 1)[0].casefold() in ("trước", "trong", "chậm", "hoàn") else f"trước ngày {text}"
    if period and "-" in period and not period.split("-")[1].upper().startswith("Q"):
        year, month = (int(x) for x in period.split("-"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return f"trong tháng {period_words(f'{year}-{month:02d}').removeprefix('tháng ')}"
    return "trong kỳ đánh giá tiếp theo"


def _lost(g: UnitGroup) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for ind in g.scheme.scored_indicators:
        out[ind.key] = sum((ind.max - r.scores[ind.key] for r in g.rows if r.scores.get(ind.key) is not None),
                           Decimal(0))
    return out


def low_grades(g: UnitGroup) -> list[str]:
    """The two lowest bands of a graded scheme that has at least four."""
    grades = g.scheme.grades if g.scheme.graded else []
    return [b.name for b in grades[-2:]] if len(grades) >= 4 else [grades[-1].name] if grades else []


def cause_blocks(g: UnitGroup) -> list[dict]:
    """Where the points were lost: the indicator with the largest share of
    the missed points; for each low-graded unit (when few), its costliest
    indicator."""
    lost = _lost(g)
    total = sum(lost.values(), Decimal(0))
    out: list[dict] = []
    if total > 0:
        key = max(lost, key=lambda k: lost[k])
        ind = g.scheme.indicator(key)
        share = lost[key] * 100 / total
        out.append({"kind": "item", "text": f"- Số điểm bị trừ của các {g.noun} tập trung nhiều nhất ở chỉ số "
                                            f"{ind.label} (chiếm {format_vi(share, 2)}% tổng số điểm bị trừ)."})
    grades = low_grades(g)
    low = [r for r in g.rows if r.grade in grades]
    if low and len(low) <= NAME_CAP:
        for r in low:
            worst = max((i for i in g.scheme.scored_indicators if r.scores.get(i.key) is not None),
                        key=lambda i: i.max - r.scores[i.key], default=None)
            if worst is None or r.scores[worst.key] >= worst.max:
                continue
            out.append({"kind": "item", "text": f"- {r.unit} xếp loại {r.grade}, mất nhiều điểm nhất ở chỉ số "
                                                f"{worst.label} ({format_vi(r.scores[worst.key], 2)}/"
                                                f"{format_vi(worst.max)} điểm)."})
    return out


def task_blocks(groups: list[UnitGroup], issuer: str, deadline: str, heading: str | None = None) -> list[dict]:
    """One task per kind of unit: the low-graded ones by name (when few), the
    weakest indicators of each group with the action they need, and the
    report back to the issuer by the deadline."""
    out: list[dict] = []
    for g in groups:
        who = g.heading[:1].upper() + g.heading[1:]
        grades = low_grades(g)
        low = [r.unit for r in g.rows if r.grade in grades]
        weak = weakest_indicators(g.rows, g.scheme, limit=2)
        actions = [f"{action_for(g.scheme.indicator(k).label)} (chỉ số {g.scheme.indicator(k).label})"
                   for k, _ in weak]
        if heading:
            out.append({"kind": heading, "text": f"Đối với {lower_first(who)}"})
        if actions:
            lead = "- Tập trung " if heading else f"- {who}: tập trung "
            out.append({"kind": "item", "text": lead + "; ".join(actions) + "."})
        if low:
            named = f" ({names_text(low, g.noun)})" if len(low) <= NAME_CAP else ""
            kind = f"Các {g.noun}" if len(low) > 1 else g.noun.capitalize()
            bands = " và ".join(dict.fromkeys(r.grade for r in g.rows if r.grade in grades))
            out.append({"kind": "item", "text": (
                f"- {kind} xếp loại {bands}"
                f"{named}: rà soát nguyên nhân, xây dựng giải pháp khắc phục và báo cáo kết quả về {issuer} "
                f"{deadline}.")})
    if heading:
        out.append({"kind": heading, "text": "Đối với các cơ quan, đơn vị được đánh giá"})
    out.append({"kind": "item", "text": (
        "- Các cơ quan, đơn vị được đánh giá: đồng bộ đầy đủ, kịp thời "
        "dữ liệu hồ sơ lên Cổng Dịch vụ công quốc gia, thường xuyên theo dõi kết quả các chỉ số của mình để "
        f"chấn chỉnh kịp thời; báo cáo kết quả thực hiện về {issuer} {deadline}.")})
    return out
