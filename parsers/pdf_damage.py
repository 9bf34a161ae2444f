"""Text layers that cannot be trusted as they are.

A page whose fonts map their glyphs to no Unicode (a document printed to PDF
through a PostScript driver) is read from its image (:func:`undecodable`); a
page whose glyphs map to characters no Vietnamese text has (fonts a tool
re-wrote wrong) is read as it is, with a note (:func:`note_damage`).
"""
from __future__ import annotations

from reportgen.raw import RawNote

from .pdf_glyphs import chars_to_lines, line_text
from .vi_plausibility import foreign_glyphs, plausibility

UNDECODABLE = 0.2  # share of Vietnamese syllables below which a page's text is no language at all
UNMAPPED = 0.05  # share of glyphs with no Unicode ("(cid:N)") that makes a text layer unreadable
UNMAPPED_GLYPHS = 10  # and their number: a few symbols of a bullet font are no damaged text


def layer_text(chars: list[dict]) -> str:
    """A page's text layer, a visual line a line, to judge how it reads."""
    lines = chars_to_lines([c for c in chars if not c["text"].isspace()])
    return "\n".join(line_text(ln) for ln in lines)


def undecodable(chars: list[dict]) -> bool:
    """Text drawn with fonts that map their glyphs to no Unicode: a document
    printed to PDF through a PostScript driver, or re-written by a tool that
    dropped the fonts' ToUnicode maps. Its glyphs come out as "(cid:3)" or
    as other letters ("WK£QJ" for "thông": the glyphs' numbers in the font),
    though the page shows the text well. Such a page is read from its image
    like a scan; a page of English or of figures is not (it scores far above
    the bound, or has too few words to judge)."""
    glyphs = [c for c in chars if not c["text"].isspace()]
    if not glyphs:
        return False
    unmapped = sum(1 for c in glyphs if c["text"].startswith("(cid:"))
    if unmapped >= UNMAPPED_GLYPHS and unmapped >= UNMAPPED * len(glyphs):
        return True
    score, n = plausibility(layer_text(glyphs))
    return n >= 20 and score < UNDECODABLE


DAMAGED_WORDS = 5  # and 3 % of the page's words: what a stray symbol in a name does not reach


def note_damage(lines: list[list[dict]], texts: dict, number: int, notes: list[RawNote]) -> None:
    """A note ``text_layer_damaged`` on a page whose glyphs map to characters
    no Vietnamese text has ("ißn Biên" for "Điện Biên": fonts whose maps a
    tool re-wrote wrong), with the count and the first words so read."""
    words = " ".join(line_text(ln, cache=texts) for ln in lines)
    damaged = foreign_glyphs(words)
    if len(damaged) >= DAMAGED_WORDS and len(damaged) * 100 >= 3 * len(words.split()):
        shown = "; ".join("“" + "".join(f"\\x{ord(c):02x}" if ord(c) < 32 else c for c in w) + "”"
                          for w in damaged[:3])
        notes.append(RawNote(kind="text_layer_damaged", page=number, message=shown,
                             data={"count": len(damaged)}))
