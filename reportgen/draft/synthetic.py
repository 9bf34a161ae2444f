"""Deterministic synthetic score tables for any scheme, for the benchmark and
the round-trip tests: plausible scores (two decimals, never above a
maximum), some indicators not applicable where the scheme drops them from the
maximum, names that look like communes or departments."""
from __future__ import annotations

import random
from decimal import Decimal

from ..model import ScoreRow, ScoreTable
from ..schemes import Scheme
from .data import DraftData, DraftTable

_PLACES = ["Tân An", "Bình Minh", "Phú Lộc", "Hòa Bình", "Long Hưng", "Thạnh Mỹ", "Vĩnh Phước", "An Phú",
           "Mỹ Hòa", "Đông Hải", "Tây Sơn", "Nam Định", "Bắc Hà", "Quảng Điền", "Hương Sơn", "Ea Kar"]
_DEPARTMENTS = ["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Sở Tài chính", "Sở Công Thương",
                "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Nông nghiệp và Môi trường", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Sở Ngoại vụ",
                "Ban Quản lý các khu công nghiệp", "Sở Du lịch"]


def commune_name(i: int) -> str:
    kind = "phường" if i % 5 == 0 else "xã"
    return f"UBND {kind} {_PLACES[i % len(_PLACES)]} {i // len(_PLACES) + 1}"


def department_name(i: int) -> str:
    base = _DEPARTMENTS[i % len(_DEPARTMENTS)]
    return base if i < len(_DEPARTMENTS) else f"{base} {i // len(_DEPARTMENTS) + 1}"


def rows_for(scheme: Scheme, n: int, seed: int = 1, names=commune_name) -> list[ScoreRow]:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        scores: dict[str, Decimal | None] = {}
        skill = rnd.uniform(0.35, 1.0)
        for j, ind in enumerate(scheme.scored_indicators):
            if scheme.dash_removes_max and (i + j) % 7 == 3 and j % 2 == 0:
                scores[ind.key] = None
                continue
            share = min(1.0, max(0.0, rnd.gauss(skill, 0.2)))
            step = Decimal("0.1") if scheme.places == 1 else Decimal("0.01")
            value = (ind.max * Decimal(str(round(share, 4)))).quantize(step)
            scores[ind.key] = min(value, ind.max)
        rows.append(ScoreRow(unit=names(i), scores=scores))
    return rows


def synthetic_data(scheme: Scheme, sizes=(17, 34), period: str = "2025-10", seed: int = 1) -> DraftData:
    """Tables of departments and communes scored with ``scheme``."""
    data = DraftData(source="synthetic", period=period)
    headings = [("Các sở, ban, ngành", "cơ quan", department_name), ("UBND các xã, phường", "đơn vị", commune_name)]
    for index, n in enumerate(sizes):
        heading, noun, names = headings[index % 2]
        table = ScoreTable(index=index, title=None, scheme=scheme.name,
                           rows=rows_for(scheme, n, seed + index, names))
        data.tables.append(DraftTable(table=table, scheme=scheme, heading=heading, noun=noun))
    return data
