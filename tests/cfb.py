"""Compound files (the OLE container of Word 97 and Excel 97) built byte by
byte, so tests can hand the parsers containers of any shape."""
from __future__ import annotations

import struct


def make_ole(streams: dict[str, bytes]) -> bytes:
    """A compound file (CFB v3) holding the given streams (each padded to at
    least 4096 bytes so none lives in the mini stream)."""
    sector = 512
    datas = [(name, data.ljust(4096, b"\0")) for name, data in streams.items()]
    chains, fat, next_sector = [], [0xFFFFFFFD, 0xFFFFFFFE], 2
    for _, data in datas:
        n = -(-len(data) // sector)
        chains.append(next_sector)
        fat.extend(list(range(next_sector + 1, next_sector + n)) + [0xFFFFFFFE])
        next_sector += n
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, 0, *([0xFFFFFFFF] * 108))

    def entry(name: str, kind: int, start: int, size: int, child=0xFFFFFFFF, right=0xFFFFFFFF) -> bytes:
        e = bytearray(128)
        raw = name.encode("utf-16-le") + b"\0\0"
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<IQ", e, 116, start, size)
        return bytes(e)

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for i, ((name, data), start) in enumerate(zip(datas, chains)):
        right = i + 2 if i + 1 < len(datas) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(data), right=right))
    directory = b"".join(entries).ljust(sector, b"\0")
    body = b"".join(d for _, d in datas)
    return bytes(header) + struct.pack(f"<{sector // 4}I", *fat) + directory + body
