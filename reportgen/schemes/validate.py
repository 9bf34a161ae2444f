"""Checking a scheme file before it is used (docs/schemes.md).

:func:`check_scheme_text` returns every problem it finds, each a
:class:`SchemeProblem` whose text is Vietnamese and names the file, the key
and, where it can be found, the line ("dòng 12"). TOML gives no positions for
keys, so :class:`_Lines` finds them in the text: the key's line inside the
n-th ``[[indicators]]`` (or group, grade) block.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ..numbers import format_vi


class ValueType(StrEnum):
    """The type a scheme key's value must have."""

    STR = "str"
    PERIOD = "period"  # a string "YYYY", "YYYY-MM" or "YYYY-Qn"
    NUM = "num"
    INT = "int"
    BOOL = "bool"
    STRS = "strs"  # a list of strings


# key → (type, required)
TOP_KEYS = {
    "name": (ValueType.STR, True), "title": (ValueType.STR, True), "basis": (ValueType.STR, False),
    "valid_from": (ValueType.PERIOD, False), "valid_to": (ValueType.PERIOD, False), "total_max": (ValueType.NUM, True),
    "levels": (ValueType.STRS, False), "grade_on": (ValueType.STR, False), "graded": (ValueType.BOOL, False),
    "ranked": (ValueType.BOOL, False), "dash_removes_max": (ValueType.BOOL, False), "places": (ValueType.INT, False),
    "rounding": (ValueType.STR, False), "tolerance": (ValueType.NUM, False), "part_tolerance": (ValueType.NUM, False),
    "header_words": (ValueType.STRS, False), "notes": (ValueType.STR, False),
}
TABLE_KEYS = {
    "groups": {"key": (ValueType.STR, True), "label": (ValueType.STR, True), "words": (ValueType.STRS, False),
               "max": (ValueType.NUM, False), "code": (ValueType.STR, False)},
    "indicators": {"key": (ValueType.STR, True), "label": (ValueType.STR, True), "group": (ValueType.STR, False),
                   "max": (ValueType.NUM, True), "words": (ValueType.STRS, False), "threshold": (ValueType.NUM, False),
                   "scored": (ValueType.BOOL, False), "code": (ValueType.STR, False)},
    "grades": {"name": (ValueType.STR, True), "min": (ValueType.NUM, True), "abbreviations": (ValueType.STRS, False),
               "aliases": (ValueType.STRS, False)},
    "criteria": {"key": (ValueType.STR, True), "group": (ValueType.STR, False), "max": (ValueType.NUM, True),
                 "names": (ValueType.STRS, True), "threshold": (ValueType.NUM, False)},
}
CHOICES = {"grade_on": ("percent", "points"), "rounding": ("half-up", "half-even")}
_TYPE_VI = {ValueType.STR: "một chuỗi trong ngoặc kép", ValueType.NUM: "một số (ví dụ 5 hoặc \"0.01\")",
            ValueType.INT: "một số nguyên", ValueType.BOOL: "true hoặc false",
            ValueType.STRS: "một danh sách chuỗi [\"…\", \"…\"]", ValueType.PERIOD: "một kỳ dạng \"YYYY-MM\""}
_TABLE_VI = {"groups": "nhóm", "indicators": "chỉ số", "grades": "mức xếp loại", "criteria": "chỉ tiêu"}
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$")


@dataclass(frozen=True)
class SchemeProblem:
    file: str
    message: str
    key: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f", dòng {self.line}" if self.line else ""
        return f"{self.file}{where}: {self.message}"


class _Lines:
    """Where a key is written: top-level, or inside the n-th [[table]] block."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def of(self, key: str | None, table: str | None = None, index: int | None = None) -> int | None:
        block, seen = None, -1
        for n, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.match(r"^\[\[\s*([\w-]+)\s*\]\]", stripped) or re.match(r"^\[\s*([\w-]+)\s*\]", stripped)
            if header:
                block = header.group(1)
                if block == table:
                    seen += 1
                    if key is None and seen == index:
                        return n
                continue
            in_place = (block is None) if table is None else (block == table and seen == index)
            if in_place and key is not None and re.match(rf"^[\"']?{re.escape(key)}[\"']?\s*=", stripped):
                return n
        return None


def _number(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            return None
    return None


def _type_ok(kind: ValueType, value) -> bool:
    if kind in (ValueType.STR, ValueType.PERIOD):
        return isinstance(value, str) and bool(value.strip()) and (kind == ValueType.STR or bool(_PERIOD.match(value)))
    if kind == ValueType.NUM:
        return _number(value) is not None and _number(value).is_finite()
    if kind == ValueType.INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == ValueType.BOOL:
        return isinstance(value, bool)
    if kind == ValueType.STRS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


class _Checker:
    def __init__(self, file: str, text: str):
        self.file, self.where, self.problems = file, _Lines(text), []

    def add(self, message: str, key: str | None = None, table: str | None = None, index: int | None = None):
        line = self.where.of(key, table, index) if key is not None else self.where.of(None, table, index)
        self.problems.append(SchemeProblem(self.file, message, key, line))

    def keys(self, data: dict, spec: dict, table: str | None = None, index: int | None = None) -> None:
        what = f"{_TABLE_VI[table]} thứ {index + 1}" if table else "bộ chỉ số"
        for key, value in data.items():
            if table is None and key in TABLE_KEYS:
                continue
            if key not in spec:
                known = ", ".join(sorted(spec if table else [*spec, *TABLE_KEYS]))
                self.add(f"khóa “{key}” không có trong định dạng ({what}); các khóa hợp lệ: {known}",
                         key, table, index)
            elif not _type_ok(spec[key][0], value):
                self.add(f"khóa “{key}” ({what}) phải là {_TYPE_VI[spec[key][0]]}, không phải {value!r}",
                         key, table, index)
            elif key in CHOICES and value not in CHOICES[key]:
                self.add(f"khóa “{key}” chỉ nhận một trong: {', '.join(CHOICES[key])} (đang ghi {value!r})",
                         key, table, index)
        for key, (_, required) in spec.items():
            if required and key not in data:
                self.add(f"thiếu khóa bắt buộc “{key}” ({what})", None if table else key, table, index)


def check_scheme_text(text: str, file: str = "<scheme>") -> list[SchemeProblem]:
    """Every problem of a scheme file's text; [] when it is valid."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        return [SchemeProblem(file, f"sai cú pháp TOML ({reason})", None, int(m.group(1)) if m else None)]
    c = _Checker(file, text)
    c.keys(data, TOP_KEYS)
    for table, spec in TABLE_KEYS.items():
        entries = data.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            c.add(f"“{table}” phải là các khối [[{table}]]", table)
            continue
        for i, entry in enumerate(entries):
            c.keys(entry, spec, table, i)
    if c.problems:
        return c.problems
    _check_meaning(c, data)
    return c.problems


def _check_meaning(c: _Checker, data: dict) -> None:
    """Checks across keys, once every key has a valid type."""
    indicators, groups, grades = data.get("indicators", []), data.get("groups", []), data.get("grades", [])
    if not indicators:
        c.add("bộ chỉ số chưa có chỉ số nào (khối [[indicators]])")
    seen: dict[str, int] = {}
    group_keys = {g["key"] for g in groups}
    for i, ind in enumerate(indicators):
        if ind["key"] in seen:
            c.add(f"mã chỉ số “{ind['key']}” bị trùng (đã có ở chỉ số thứ {seen[ind['key']] + 1})",
                  "key", "indicators", i)
        seen.setdefault(ind["key"], i)
        if _number(ind["max"]) < 0:
            c.add(f"điểm tối đa của chỉ số “{ind['key']}” không được âm", "max", "indicators", i)
        if "group" in ind and group_keys and ind["group"] not in group_keys:
            c.add(f"chỉ số “{ind['key']}” thuộc nhóm “{ind['group']}” nhưng không có nhóm nào mang mã đó "
                  f"(các nhóm: {', '.join(sorted(group_keys))})", "group", "indicators", i)
    total = sum((_number(i["max"]) for i in indicators if i.get("scored", True)), Decimal(0))
    if indicators and total != _number(data["total_max"]):
        stated = format_vi(_number(data["total_max"]))
        c.add(f"tổng điểm tối đa của các chỉ số là {format_vi(total)}, khác total_max = {stated}", "total_max")
    names: dict[str, int] = {}
    for i, band in enumerate(grades):
        if band["name"] in names:
            c.add(f"mức xếp loại “{band['name']}” bị trùng", "name", "grades", i)
        names.setdefault(band["name"], i)
        low = _number(band["min"])
        if data.get("grade_on", "percent") == "percent" and not (0 <= low <= 100):
            c.add(f"ngưỡng “min” của mức “{band['name']}” là phần trăm, phải từ 0 đến 100", "min", "grades", i)
    mins = [_number(b["min"]) for b in grades]
    if len(set(mins)) != len(mins):
        c.add("hai mức xếp loại có cùng ngưỡng “min”", "grades")
    _check_criteria(c, data.get("criteria", []), group_keys)
    for key in ("tolerance", "part_tolerance"):
        if key in data and _number(data[key]) < 0:
            c.add(f"“{key}” không được âm", key)
    if "places" in data and not 0 <= data["places"] <= 6:
        c.add("“places” (số chữ số thập phân) phải từ 0 đến 6", "places")


def _check_criteria(c: _Checker, criteria: list, group_keys: set) -> None:
    seen: set[str] = set()
    for i, crit in enumerate(criteria):
        if crit["key"] in seen:
            c.add(f"mã chỉ tiêu “{crit['key']}” bị trùng", "key", "criteria", i)
        seen.add(crit["key"])
        if _number(crit["max"]) <= 0:
            c.add(f"điểm tối đa của chỉ tiêu “{crit['key']}” phải lớn hơn 0", "max", "criteria", i)
        if "threshold" in crit and not (0 < _number(crit["threshold"]) <= 100):
            c.add(f"ngưỡng của chỉ tiêu “{crit['key']}” là phần trăm, phải lớn hơn 0 và không quá 100",
                  "threshold", "criteria", i)
        if not crit["names"]:
            c.add(f"chỉ tiêu “{crit['key']}” chưa có tên nào (names)", "names", "criteria", i)
        if "group" in crit and group_keys and crit["group"] not in group_keys:
            c.add(f"chỉ tiêu “{crit['key']}” thuộc nhóm “{crit['group']}” nhưng không có nhóm nào mang mã đó",
                  "group", "criteria", i)
