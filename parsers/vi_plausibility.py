"""How much a text layer looks like Vietnamese: the share of its words that
are well-formed Vietnamese syllables. A scan's hidden text layer made by a
poor OCR ("DQc l$p - Tg do - H4nh phric") scores low; real text scores high.
"""
from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# A syllable is an onset and a rhyme; the rhyme is an optional medial (o, u),
# a nucleus and an optional final, and only some of them go together: 'uo'
# without its horn ends no rhyme ('Huo' is no syllable, 'Huoai' a name read
# whole), 'ê' takes 'nh' and 'ch' where 'e' and 'a' take 'ng' and 'c'.
_ONSET = re.compile(r"^(ngh|ng|gh|gi|ch|kh|nh|ph|th|tr|[bcdđghklmnprstvx])?")
_FINALS = {
    "a": "c ch m n ng nh p t i y o u", "ă": "c m n ng p t", "â": "c m n ng p t u y",
    "e": "c m n ng p t o", "ê": "ch m n nh p t u", "i": "ch m n nh p t u a",
    "y": "", "o": "c m n ng p t i o ong oc", "ô": "c m n ng p t i",
    "ơ": "m n p t i", "u": "c m n ng p t i a", "ư": "c m n ng t i u a",
    "iê": "c m n ng p t u", "yê": "m n ng t u", "uô": "c m n ng t i",
    "ươ": "c m n ng p t i u",
}
_PLAIN = {n + f for n, fs in _FINALS.items() for f in [""] + fs.split()} - {"ă", "â", "iê", "yê", "uô", "ươ"}
# after the medial o (hoa, hoặc, khoẻ) and u (tuần, thuế, huyện, thuở)
_MEDIAL = ({"o" + r for r in _PLAIN if r[0] in "aăe"}
           | {"u" + r for r in _PLAIN if r[0] in "âêơ" or r[:1] == "y" and r not in ("yêng",)}
           | {"uy" + f for f in ("ch", "nh", "n", "t", "p", "u", "a")} | {"uyên", "uyêt"})
_RHYMES = frozenset(_PLAIN | _MEDIAL)
# 'qu' is an onset whose u is the medial: any rhyme, also one of i spelled y
# ('quỳnh', 'quých')
_QU_RHYMES = frozenset(_PLAIN | {"y" + f for f in ("ch", "nh", "n", "t", "p", "u", "a")})


def _well_formed(base: str) -> bool:
    """``base`` (small letters, no tone mark) is an onset and a rhyme."""
    if base.startswith("qu"):
        return base[2:] in _QU_RHYMES
    onset = _ONSET.match(base).group()
    if base[len(onset):] in _RHYMES:
        return True
    # 'gi' before i, iê spells the i once ('gì', 'giếng'): read as g + rhyme
    return onset == "gi" and base[1:] in _RHYMES


# The shape of a syllable written without its marks ('Nhiem', 'quyet' of a
# certificate or an address, 'Biang' of a name): any one to three vowels.
_UNMARKED = re.compile(
    r"^(ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$")
_TOKEN = re.compile(r"[^\s\-–—/,.;:!?()\"'“”…]+")
_ACRONYM = re.compile(r"^[A-ZĐ]{2,6}$")


def is_syllable(word: str) -> bool:
    """A single Vietnamese syllable (any case, at most one tone mark)."""
    if not word or any(ch.isdecimal() for ch in word):
        return False
    if any(ch.isupper() for ch in word[1:]) and not word.isupper():
        return False  # 'ceNG', 'DQc'
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _well_formed(base)


_STOP_TONES = {"\u0301", "\u0323"}  # sắc, nặng


def tone_fits(word: str) -> bool:
    """Whether a syllable's tone may go with its final: one ending in a stop
    (p, t, c, ch) carries the sắc or the nặng tone and no other ('Lộc',
    'các'; never 'Lôc', 'Lồc', 'Lãc'). A word written without any mark, or
    no syllable, is not judged."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if not word.isalpha() or word.isascii() or not is_syllable(word):
        return True
    base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not base.endswith(("p", "t", "c", "ch")):
        return True
    return any(ch in _STOP_TONES for ch in decomposed)


_VI_MARKS = _TONES | {"\u0302", "\u0306", "\u031b"}  # and the circumflex, breve and horn of â ă ê ô ơ ư


def vi_letters(word: str) -> bool:
    """Whether every letter of a word is one Vietnamese writes: a Latin
    letter with no mark, or with the marks of â ă ê ô ơ ư and a tone, or đ
    ('Ö', 'ñ', 'ç' are not; OCR reads a speck over a letter as a diaeresis,
    'ÖUBND')."""
    for ch in unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D")):
        if unicodedata.combining(ch):
            if ch not in _VI_MARKS:
                return False
        elif ch.isalpha() and not ch.isascii():
            return False
    return True


def may_be_syllable(word: str) -> bool:
    """A syllable, or a word written without any mark that is one once its
    marks are put back ('Nhiem', 'Biang'; not 'Huoai')."""
    return is_syllable(word) or word.isascii() and bool(_UNMARKED.match(word.lower()))


def plausibility(text: str) -> tuple[float, int]:
    """(share of syllable-like words, number of words judged). Acronyms such
    as UBND and bare numbers are not judged."""
    good = total = 0
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if token.isdecimal() or _ACRONYM.match(token) and not is_syllable(token):
            continue
        if not any(ch.isalpha() for ch in token):
            if any(ch.isdecimal() for ch in token):
                continue  # numbers like 23,45 or 17/19
        total += 1
        good += may_be_syllable(token)
    return (good / total if total else 0.0), total



# The letters Vietnamese is written with (and the ones of the foreign words it borrows: f, j, w, z)
_VI_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđăâêôơưƣ"  # ƣ: an "ư" some producers map wrong, repaired later
                        "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
_WORD = re.compile(r"\S+")


def foreign_glyphs(text: str) -> list[str]:
    """The words of ``text`` with a glyph no Vietnamese text has: a control
    character, a letter of another alphabet ("ß", "ÿ", "ā"), or a sign between
    two letters ("Th°ơng", "c¢"). A text layer whose fonts map glyphs to the
    wrong code points (a PDF re-written by a tool that lost the fonts' maps)
    reads "ißn Biên", "Bß chß số", "\\x12ánh giá" for "Điện Biên", "Bộ chỉ
    số", "đánh giá"."""
    out = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        for k, ch in enumerate(word):
            low = ch.lower()
            if ord(ch) < 32 or (ch.isalpha() and low not in _VI_LETTERS) or (
                    not ch.isalnum() and ord(ch) > 127 and 0 < k < len(word) - 1
                    and word[k - 1].isalpha() and word[k + 1].isalpha()):
                out.append(word)
                break
    return out


_FINAL_LETTER = re.compile(r"(?<=[^\W\d_]) ([cghmnptCGHMNPT])(?![^\W_])")


def rejoined(text: str) -> str:
    """A syllable's last consonant that OCR set apart from it in spaced-out
    capitals or bold ("TỔN G", "ĐIỂ M", "Than h toán", "trực tuyế n"): joined
    back where the two make one syllable. A consonant letter alone is no
    Vietnamese word; "hạng C", "loại B" stay (no syllable ends so)."""
    def join(m: re.Match) -> str:
        start = m.start()
        word = re.search(r"[^\W\d_]+$", text[:start]).group()
        same_case = word.isupper() == m.group(1).isupper()
        stop = m.group(1).lower() in "cpt" and not any(
            ch in _STOP_TONES for ch in unicodedata.normalize("NFD", word))  # "út", "ực": a stop takes sắc or nặng
        return m.group(1) if same_case and not stop and is_syllable(word + m.group(1)) else m.group(0)
    return _FINAL_LETTER.sub(join, text)


def _segments(word: str) -> list[str] | None:
    """The fewest Vietnamese syllables or acronyms that spell ``word``."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 7), end):
            prev = best[start]
            piece = word[start:end]
            if prev is None or not (is_syllable(piece) or _ACRONYM.match(piece)):
                continue
            if best[end] is None or len(prev) + 1 < len(best[end]):
                best[end] = prev + [piece]
    return best[-1]


def spaced(text: str) -> str:
    """OCR runs syllables together where the space between them is narrow
    ('UBNDxã', 'SởYtế', 'xãNaƯ'): a word of letters only that is no
    syllable, changes case inside (a small letter before a capital, or an
    acronym before small letters) and is spelled by syllables and acronyms
    alone, comes back with its spaces; so does such a run of letters inside
    a word ('SởYtế(52)', 'SởYtế-tỉnh'); so does a number run into a word
    ('phường1', '1Bảo Lộc'). Any other word is left as it is, and so is a
    word whose syllables would leave a small letter alone: a name written
    in camel case ('VNeID', 'eKYC', 'iPhone') is one word, while a
    syllable of one letter stands as a capital ('Sở Y tế', 'Na Ư')."""
    return " ".join(_AFTER_NUMBER.sub(_after_number, _GLUED.sub(_glued, _RUN.sub(_spaced_run, word)))
                    for word in text.split(" "))


_RUN = re.compile(r"[^\W\d_]+")  # the letters of a word, apart from its brackets, dashes, digits


def _spaced_run(match: re.Match) -> str:
    """A run of letters ('SởYtế' of 'SởYtế(52)') with its spaces back."""
    word = match.group()
    if len(word) > 2 and not is_syllable(word) and not word.isupper() and _case_break(word):
        pieces = _segments(word)
        if pieces and len(pieces) > 1 and not any(len(p) == 1 and p.islower() for p in pieces):
            return " ".join(pieces)
    return word


# a word of small letters run into an opening bracket or a number ('tế(16)',
# 'phường1'): a syllable never holds either, so the space was lost
_GLUED = re.compile(r"(?<![^\W\d_])([^\W\d_]*[a-zà-ỹđ][^\W\d_]*)(?=[(\d])")


def _glued(match: re.Match) -> str:
    word = match.group()
    return word + " " if len(word) > 1 and is_syllable(word) and not word.isupper() else word


# a number run into a capitalised syllable ('phường 1Bảo Lộc'): a number is
# never written so (units are small letters, '24đ'; codes put letters first, 'H57')
_AFTER_NUMBER = re.compile(r"(?<=\d)[^\W\d_]{2,}")


def _after_number(match: re.Match) -> str:
    word = match.group()
    return " " + word if word[0].isupper() and not word.isupper() and is_syllable(word) else word


def _case_break(word: str) -> bool:
    return any((a.islower() and b.isupper()) or (a.isupper() and b.isupper() and c.islower())
               for a, b, c in zip(word, word[1:], word[2:] + " "))
