"""The closing block of a document (Nghị định 30/2020): the signing authority
(KT./TM./TL. + title) and the signer's name, and the "Nơi nhận:" list that
ends with "- Lưu: VT, …". PDF text and scans interleave the two columns and
add noise; the readers pass over what belongs to the other column."""
from __future__ import annotations

import re
from typing import Sequence

from ..model import ListLine, Meta, Paragraph
from ..text import collapse_spaces
from ..text.lines import is_caps, lines_of, plain

AUTHORITY_PREFIX = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.\s*\S", re.I)
POSITION_WORDS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "CHÁNH VĂN PHÒNG",
                  "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG", "PHÓ TRƯỞNG", "THỦ TRƯỞNG", "BỘ TRƯỞNG",
                  "THỨ TRƯỞNG", "CHÁNH THANH TRA", "TỔNG GIÁM ĐỐC", "CỤC TRƯỞNG", "VỤ TRƯỞNG",
                  "BÍ THƯ", "CHÁNH ÁN", "VIỆN TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
# A person's name: two to six capitalised words (the last may be one letter: "Lê Văn A").
NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){0,4}\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")


def is_position(text: str) -> bool:
    t = plain(text).upper()
    return bool(AUTHORITY_PREFIX.match(t)) or any(t == w or t.startswith(w + " ") for w in POSITION_WORDS)


def find_signature(items: list[tuple[str, Paragraph]], meta: Meta) -> None:
    """The last authority block (KT./TM./TL. + title, or a title alone)
    followed within a few lines by a person's name; Nơi nhận items a PDF
    interleaved with the block are passed over."""
    best: tuple[str, str] | None = None
    n = len(items)
    i = 0
    while i < n:
        t = items[i][0]
        if not (is_caps(t) and is_position(t)):
            i += 1
            continue
        block = _split_authority(t)
        j = i + 1
        prefixed = bool(AUTHORITY_PREFIX.match(t))
        while j < n and len(block) < 3 and is_caps(items[j][0]) and (prefixed or is_position(items[j][0])):
            block.append(items[j][0])
            j += 1
        name = None
        skipped = 0
        for k in range(j, min(n, j + 12)):
            cand = items[k][0]
            if NAME.match(cand):
                name = cand
                break
            if _LIST_ITEM.match(cand) or re.match(r"^Lưu\b", cand) or re.fullmatch(r"[\W_]*", cand) \
                    or re.search(r"\(?(đã ký|ký|signed)\)?", cand, re.I):
                continue
            skipped += 1
            if skipped > 1:
                break
        if name:
            best = (" / ".join(block), name)
        i = j
    if best:
        meta.authority, meta.signer = best


def _split_authority(text: str) -> list[str]:
    """'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC' (two lines a PDF joined) → both titles."""
    m = AUTHORITY_PREFIX.match(text)
    if not m:
        return [text]
    start = text.index(".") + 1
    while start < len(text) and text[start] == " ":
        start += 1
    cuts = [text.find(" " + w, start + 1) for w in POSITION_WORDS]
    cuts = [c for c in cuts if c > start]
    if not cuts:
        return [text]
    cut = min(cuts)
    return [text[:cut].strip(), text[cut:].strip()]


_LIST_ITEM = re.compile(r"^\s*[-–+•]\s*(.+?)\s*[;.,]?\s*$")


def noi_nhan_lines(paragraphs: Sequence[Paragraph]) -> list[ListLine]:
    """The list under "Nơi nhận:" as written (with its dashes), including the
    "Lưu" line."""
    return [ListLine(text, p) for text, p in _noi_nhan(lines_of(paragraphs))]


_ITEM_START = re.compile(r"(?<=[^\w\s])\s?(?=[-–]\s)")  # "…; - Trung tâm" or a scan's "~ - Lưu"


def _junk(text: str) -> bool:
    """A scan's noise or the signature column beside the list."""
    t = text.strip(" ;.,")
    if not t:
        return True
    fine = sum(1 for c in t if c.isalpha() or c in " ,.()&/-")
    caps_words = is_caps(t) and len(t.split()) >= 2  # "KT. CHÁNH VĂN PHÒNG", not "LĐVP"
    return (fine / len(t) < 0.85 or caps_words or (is_caps(t) and is_position(t))
            or bool(re.search(r"[{}|\\~^`<>=#]", t)))


def _clean_item(item: str) -> str:
    """An item cut at its ';' (or a Lưu line at its '.') when what follows is noise."""
    m = re.match(r"^(.*?;)(.*)$", item) or (re.match(r"^([-–+•]?\s*Lưu\b.*?\.)(\s.*)$", item)
                                           if re.match(r"^[-–+•]?\s*Lưu\b", item) else None)
    if m and _junk(m.group(2)):
        return m.group(1).strip()
    return item.strip()


def _noi_nhan(items: list[tuple[str, Paragraph]]) -> list[tuple[str, Paragraph]]:
    for i, (t, _) in enumerate(items):
        if not re.match(r"^Nơi\s*nhận\s*:?", t, re.I):
            continue
        out: list[tuple[str, Paragraph]] = []
        rest = re.sub(r"^Nơi\s*nhận\s*:?\s*", "", t, flags=re.I)
        following = [(rest, items[i][1])] if rest else []
        following += items[i + 1:i + 60]
        misses = 0
        for line, p in following:
            pieces = [x.strip() for x in _ITEM_START.split(line) if x.strip()]
            for t2 in pieces:
                if _LIST_ITEM.match(t2) or re.match(r"^Lưu\s*:", t2, re.I):
                    out.append((_clean_item(t2), p))
                    misses = 0
                elif out and not out[-1][0].rstrip().endswith((";", ".")) and t2[:1].islower():
                    out[-1] = (_clean_item(out[-1][0] + " " + t2), out[-1][1])  # an item wrapped
                elif is_caps(t2) or NAME.match(t2) or _junk(t2):
                    continue  # the signature block beside the list, or noise
                else:
                    misses += 1
            if out and re.match(r"^[-–+•]?\s*Lưu\b", out[-1][0], re.I):
                break
            if misses > 1 or (misses and out and out[-1][0].rstrip().endswith(".")):
                break
        return out
    return []


def recipients(items: list[tuple[str, Paragraph]]) -> list[str]:
    out: list[str] = []
    for i, (t, _) in enumerate(items):
        m = re.match(r"^Kính\s*gửi\s*:?\s*(.*)$", t, re.I)
        if not m:
            continue
        if m.group(1):
            out.append(m.group(1).rstrip(" ;."))
        for t2, _p in items[i + 1:]:
            lm = _LIST_ITEM.match(t2)
            if not lm:
                break
            out.append(lm.group(1))
        break
    for t, _ in _noi_nhan(items):
        lm = _LIST_ITEM.match(t)
        name = lm.group(1) if lm else t
        if re.match(r"^(Lưu|Như trên)\b", name, re.I):
            continue
        out.extend(part for part in name.split(";") if not _junk(part))
    seen: set[str] = set()
    unique = []
    for r in out:
        r = collapse_spaces(r).rstrip(" ;.")
        if r and r.casefold() not in seen:
            seen.add(r.casefold())
            unique.append(r)
    return unique
