"""Jinja filters: numbers and dates as Vietnamese writes them."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from ..coverage import coverage_line
from ..numbers import format_vi
from .exports import SEVERITY_VI, verdict_class, verdict_label


def vi_number(value, places: int | None = None) -> str:
    """A number as a Vietnamese document writes it (13.597; 88,9), as
    :func:`reportgen.numbers.format_vi` does, fast enough for pages of
    hundreds of rows (plain string work, no locale lookup)."""
    if value is None or value == "":
        return "–"
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if places is not None or not number.is_finite():
        return format_vi(number, places)
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    body = ".".join([whole, *groups])
    if sign and body == "0" and not frac:
        sign = ""
    return f"{sign}{body},{frac}" if frac else f"{sign}{body}"


def vi_time(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        value = dt.datetime.fromtimestamp(value)
    return value.strftime("%H:%M %d/%m/%Y")


def enumerate_boxes(findings: list[dict], page: dict) -> list[tuple[int, dict]]:
    return [(n, f) for n, f in enumerate(findings) if f.get("box") and f["box"]["page"] == page["number"]]


def coverage_text(coverage) -> str:
    """The coverage the verify JSON reports, as the text output's coverage
    line words it (:func:`reportgen.coverage.coverage_line`: tables, cells,
    claims, and the claims whose whole lies outside the document)."""
    if isinstance(coverage, dict) and any(isinstance(coverage.get(k), dict) for k in ("tables", "cells", "claims")):
        return coverage_line(coverage)
    if isinstance(coverage, dict):
        for key in ("percent", "ratio"):
            if coverage.get(key) is not None:
                value = Decimal(str(coverage[key]))
                return f"Đã kiểm tra {format_vi(value * 100 if key == 'ratio' else value, 1)}%."
        checked = coverage.get("checked", coverage.get("cells_checked"))
        total = coverage.get("total", coverage.get("cells"))
        if checked is not None and total:
            return f"Đã kiểm tra {checked}/{total}."
    return f"Đã kiểm tra: {coverage}."


def install_filters(env) -> None:
    env.filters["enumerate_boxes"] = enumerate_boxes
    env.globals["coverage_text"] = coverage_text
    env.filters["vi"] = vi_number
    env.filters["vi_time"] = vi_time
    env.filters["severity"] = lambda s: SEVERITY_VI.get(s, s)
    env.globals["verdict_label"] = verdict_label
    env.globals["verdict_class"] = verdict_class
