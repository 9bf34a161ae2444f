"""Word's automatic list numbers (``w:numPr`` against ``numbering.xml``), so
that an STT column numbered by Word reads "1.", "2." as it shows on screen."""
from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Numbering:
    """Automatic list numbers (w:numPr), so an STT column numbered by Word
    reads "1.", "2." as it shows on screen. Decimal, roman and letter formats;
    bullets give nothing."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iter(_q("abstractNum")):
            lv = {}
            for lvl in an.iter(_q("lvl")):
                ilvl = int(lvl.get(_q("ilvl"), "0"))
                fmt = lvl.find(_q("numFmt"))
                txt = lvl.find(_q("lvlText"))
                start = lvl.find(_q("start"))
                lv[ilvl] = (fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
                            txt.get(_VAL, "") if txt is not None else "",
                            int(start.get(_VAL, "1")) if start is not None else 1)
            abstract[an.get(_q("abstractNumId"))] = lv
        for num in root.iter(_q("num")):
            ref = num.find(_q("abstractNumId"))
            if ref is not None:
                self.levels[num.get(_q("numId"))] = abstract.get(ref.get(_VAL), {})
        self.counters: dict[str, list[int]] = {}

    @staticmethod
    def _fmt(n: int, fmt: str) -> str | None:
        if fmt in ("decimal", "decimalZero"):
            return f"{n:02d}" if fmt == "decimalZero" else str(n)
        if fmt in ("upperRoman", "lowerRoman"):
            vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
            out = ""
            for v, r in vals:
                while n >= v:
                    out, n = out + r, n - v
            return out if fmt == "upperRoman" else out.lower()
        if fmt in ("upperLetter", "lowerLetter"):
            ch = chr(ord("a") + (n - 1) % 26)
            return ch.upper() if fmt == "upperLetter" else ch
        return None

    def label(self, p) -> str:
        ppr = p.find(_q("pPr"))
        numpr = ppr.find(_q("numPr")) if ppr is not None else None
        if numpr is None:
            return ""
        nid = numpr.find(_q("numId"))
        lvl_el = numpr.find(_q("ilvl"))
        num_id = nid.get(_VAL) if nid is not None else None
        levels = self.levels.get(num_id)
        if not levels:
            return ""
        ilvl = int(lvl_el.get(_VAL, "0")) if lvl_el is not None else 0
        counts = self.counters.setdefault(num_id, [0] * 9)
        if ilvl >= 9:
            return ""
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        fmt, text, start = levels.get(ilvl, ("decimal", "", 1))
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        if fmt in ("bullet", "none") or not text:
            return ""
        out = text
        for k in range(ilvl + 1):
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            value = self._fmt(counts[k] or kstart, kfmt)
            if value is None:
                return ""
            out = out.replace(f"%{k + 1}", value)
        return out.strip()
