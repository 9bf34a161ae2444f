"""The short forms offices write in headers and sentences ("HS", "GQ",
"TTHC", "Rất HL") and the words they stand for, so that a header or a
sentence in short is matched with one written out.
"""
from __future__ import annotations

import re

SHORT_FORMS = {"tthc": "thủ tục hành chính", "dvc": "dịch vụ công", "dvctt": "dịch vụ công trực tuyến",
               "cchc": "cải cách hành chính", "pakn": "phản ánh kiến nghị", "ubnd": "ủy ban nhân dân",
               "cbccvc": "cán bộ công chức viên chức", "vbqppl": "văn bản quy phạm pháp luật",
               "hs": "hồ sơ",  # "Số HS đã giải quyết" (a form's header; a sentence says "hồ sơ")
               "gq": "giải quyết", "ts": "tổng số",  # "TS HS phải GQ", "HS đã GQ"
               "hl": "hài lòng", "tl": "tỷ lệ", "sl": "số lượng"}  # "Rất HL", "TL% hài lòng", "SL đánh giá"

# Upper-case short forms in a sentence ("tiếp nhận 31.724 HS TTHC", "HS đã GQ").
_IN_SENTENCE = re.compile(r"(?<!\w)(HS|GQ|TTHC|DVCTT|DVC|PAKN)(?!\w)")
# "TT" is "trực tuyến" only where dossiers are received or filed ("tiếp nhận TT 13.710 HS"; "TT 01/2018" is
# a circular, "TTHC" a procedure).
_ONLINE = re.compile(r"(?<!\w)(tiếp\s+nhận|nộp|nhận|qua|hồ\s+sơ)\s+TT(?!\w)", re.I)


def written_out(text: str) -> str:
    """``text`` with the upper-case short forms of a sentence written out."""
    text = _ONLINE.sub(lambda m: f"{m.group(1)} trực tuyến", text)
    return _IN_SENTENCE.sub(lambda m: SHORT_FORMS[m.group(1).casefold()], text)
