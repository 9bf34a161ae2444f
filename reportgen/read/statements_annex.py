"""Claims whose figures the document says lie in an annex it does not hold.

A report often sums up a section in a few figures and sends the detail as an
annex or a form apart ("(Kết quả điểm thẩm định … của sở, ban, ngành tại Phụ
lục I đính kèm)", "(Phụ lục tỷ lệ số hóa hồ sơ đính kèm)", "Kết quả tổng hợp
như sau: (Biểu kèm theo)"). When the document holds no such annex (no heading
"Phụ lục I" after its body, no table titled so), the figures a claim of that
passage would be held to are in another file: a reader of this one cannot
check the claim, and neither can the checks. Such a claim is marked
``Statement.external = OutsideWhole.ANNEX`` — listed apart, never "checked".
A claim a rule checks anyway (the figures were in a table after all) stays
checked (``coverage``).

Which claims a reference covers, from the structure of the text:

- a reference in brackets that closes a passage ("… (… tại Phụ lục I đính
  kèm)."): the blocks of its section, back to the previous numbered heading
  (or the previous such reference) and on to the next one (the section's
  remarks on a unit's figure after the reference are of the same annex);
- a reference that opens one (its words before the bracket end with "như
  sau:" or ":"): the blocks after it, up to the next heading of the same or a
  higher level than the heading it stands under.

Only lone figures and counts are marked (a percent or a score the prose
measures, a statistic, ``x/y``, a count by grade, a band's count): a share or a
sum states its own arithmetic and is checked by itself.
"""
from __future__ import annotations

import re

from ..model import OutsideWhole, Statement, StatementKind
from ..numbers import roman_value
from .statements_blocks import Block, heading_of

_NO = r"(?:\d{1,2}|[IVXLC]{1,6})(?![\w])"
_WORD = r"(?:[Pp]hụ\s+lục|PHỤ\s+LỤC|[Bb]iểu(?:\s+mẫu)?|BIỂU)"
# "tại Phụ lục I đính kèm", "Phụ lục tỷ lệ số hóa hồ sơ đính kèm", "(Biểu kèm theo)", "Kèm theo Phụ lục …".
_SENT = r"(?:đính\s+kèm|kèm\s+theo|gửi\s+kèm)"
_REFERENCE = re.compile(
    rf"(?:{_WORD}(?:\s+(?:số\s+)?(?P<no>{_NO}))?(?P<name>[^()]{{0,160}}?)\s+{_SENT}(?![\w])"
    rf"|(?i:kèm\s+theo)\s+{_WORD}(?:\s+(?:số\s+)?(?P<no2>{_NO}))?)")
# A block that is an annex of the document itself: "Phụ lục I", "PHỤ LỤC", "Biểu số 02: …".
_ANNEX_HEAD = re.compile(rf"^\s*{_WORD}(?:\s+(?:số\s+)?(?P<no>{_NO}))?\s*(?:[:.–-]|$)")
# Claims that state their own arithmetic: checked by themselves, never sent to an annex.
_SELF_CONTAINED = {StatementKind.SHARE, StatementKind.SUM, StatementKind.CHANGE, StatementKind.DATE,
                   StatementKind.PERIOD, StatementKind.SECTION}


def _number(label: str | None) -> int | None:
    if not label:
        return None
    return int(label) if label.isdecimal() else roman_value(label.upper())


def annexes_held(blocks: list[Block], titles: list[str]) -> tuple[set[int], bool]:
    """(numbers of the annexes and forms the document holds, whether it holds
    any): short blocks that head an annex and the tables' titles."""
    numbers: set[int] = set()
    held = False
    for text in [b.text for b in blocks if len(b.text) <= 160] + [t for t in titles if t]:
        m = _ANNEX_HEAD.match(text)
        if not m:
            continue
        held = True
        n = _number(m.group("no"))
        if n:
            numbers.add(n)
    return numbers, held


def _outside(m: re.Match[str], numbers: set[int], held: bool) -> bool:
    """Whether the annex a reference names is not in the document."""
    n = _number(m.group("no") or m.group("no2"))
    if n is None:
        return not held  # "Phụ lục … đính kèm" with no number: outside unless the document has an annex
    return n not in numbers and not (held and not numbers)  # an unnumbered annex may be the one named


def _covered(blocks: list[Block], numbers: set[int], held: bool) -> set[int]:
    """Indices (into ``blocks``) of the blocks an outside annex reference covers."""
    levels: list[int | None] = []  # the level of the heading each block stands under
    level = None
    for b in blocks:
        head = heading_of(b.text)
        if head:
            level = head[1]
        levels.append(level)
    covered: set[int] = set()
    last_stop = -1  # the previous heading or reference: a closing reference reaches back to it
    for i, b in enumerate(blocks):
        if heading_of(b.text):
            last_stop = i
        refs = [m for m in _REFERENCE.finditer(b.text) if _outside(m, numbers, held)]
        if not refs:
            continue
        bracket = b.text.rfind("(", 0, refs[0].start())
        lead = b.text[:bracket if bracket >= 0 else refs[0].start()].rstrip(" *_")
        if lead.endswith(":"):
            # opens a passage: the blocks after it, to the next heading as high as the one it stands under
            top = levels[i]
            for j in range(i + 1, len(blocks)):
                head = heading_of(blocks[j].text)
                if head and (top is None or head[1] <= top):
                    break
                covered.add(j)
        else:
            # closes a passage: its section, from the previous heading or reference to the next heading
            stop = next((j for j in range(i + 1, len(blocks)) if heading_of(blocks[j].text)), len(blocks))
            covered.update(range(last_stop + 1, stop))
        last_stop = i
    return covered


def _is_claim(st: Statement) -> bool:
    if st.kind in _SELF_CONTAINED:
        return False
    if st.kind == StatementKind.PERCENT:
        return st.claim
    if st.kind == StatementKind.COUNT:
        return st.claim or st.band is not None
    if st.kind in (StatementKind.SCORE, StatementKind.RANK):
        return st.claim or st.denominator is not None
    return True


def mark_annexed(blocks: list[Block], body: int, statements: list[Statement], titles: list[str]) -> None:
    """Mark the claims of the passages an outside annex reference covers (see
    the module); ``blocks[:body]`` are the body, the rest its annexes."""
    numbers, held = annexes_held(blocks, titles)
    covered = _covered(blocks[:body], numbers, held)
    if not covered:
        return
    paragraphs = {blocks[i].index for i in covered}
    for st in statements:
        if st.paragraph in paragraphs and not st.external and _is_claim(st):
            st.external = OutsideWhole.ANNEX
