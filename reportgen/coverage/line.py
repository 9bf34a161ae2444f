"""The coverage in words: the line every output opens with ("Đã kiểm tra 5/7
bảng, 412/430 ô số, 38/41 nhận định."), written from the ledger's JSON form
(``Ledger.to_json``) so that the text output and the web page say the same."""
from __future__ import annotations

from typing import Any

from ..model import OutsideWhole


def claims_read(coverage: dict[str, Any]) -> int:
    """How many numeric claims the prose holds, as the coverage JSON counts
    them: those held to the document (``claims.total``) and those whose whole
    lies outside it (``claims.external``) — the one count every output gives."""
    claims = coverage.get("claims") or {}
    return int(claims.get("total") or 0) + int(claims.get("external") or 0)


def coverage_line(coverage: dict[str, Any]) -> str:
    """The coverage in words, from the JSON form (``Ledger.to_json``), so that
    the text output and the web page say the same: 'Đã kiểm tra 5/7 bảng,
    412/430 ô số, 38/41 nhận định.', with '; 11 nhận định dẫn số liệu ngoài
    văn bản (kế hoạch, dự toán), không đối chiếu được' before the stop when
    there are such claims, what only a bound held in brackets ('423/562 ô số
    (139 ô còn lại chỉ đối chiếu được giới hạn)'), and the open doubts after
    it."""
    def part(key: str) -> str:
        entry = coverage.get(key) or {}
        return f"{entry.get('checked', 0)}/{entry.get('total', 0)}"

    bounded = coverage.get("bounded") or {}

    def apart(key: str, noun: str) -> str:
        n = int(bounded.get(key) or 0)
        return f" ({n} {noun} còn lại chỉ đối chiếu được giới hạn)" if n else ""

    line = (f"Đã kiểm tra {part('tables')} bảng, {part('cells')} ô số{apart('cells', 'ô')}, "
            f"{part('claims')} nhận định")
    external = int((coverage.get("claims") or {}).get("external") or 0)
    if external:
        reasons = [str(c.get("reason") or "") for c in coverage.get("external_claims") or ()]
        kinds = [str(k) for k in OutsideWhole if str(k) in reasons]
        kinds += sorted(set(reasons) - set(kinds) - {""})
        line += (f"; {external} nhận định dẫn số liệu ngoài văn bản" + (f" ({', '.join(kinds)})" if kinds else "")
                 + ", không đối chiếu được")
    line += "."
    doubts = sum((coverage.get("open_doubts") or {}).values())
    if doubts:
        line += (f" Còn {doubts} cảnh báo về số liệu chưa kết luận được đúng hay sai "
                 "(cần đối chiếu thủ công).")
    return line
