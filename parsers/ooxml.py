"""Checks shared by the Office parsers before any XML is parsed: the ZIP
directory of a DOCX/XLSX (zip bombs, missing parts) and OLE compound files
(legacy .doc/.xls, and OOXML files encrypted with a password, which Office
stores as an OLE file holding ``EncryptionInfo`` and ``EncryptedPackage``).

Limits are :data:`DEFAULT_LIMITS` (``max_unzipped_bytes``, ``max_member_bytes``,
``max_ratio``, ``max_members``); a parser may lower ``max_member_bytes``
(python-docx holds a whole part in memory). Messages are Vietnamese.
"""
from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from reportgen.raw import UnreadableInput

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

DEFAULT_LIMITS = {
    "max_unzipped_bytes": 512 * 1024 * 1024,  # all members together
    "max_member_bytes": 256 * 1024 * 1024,  # one member
    "max_ratio": 200,  # uncompressed / compressed, for members over 1 MB
    "max_members": 20000,
}


def open_checked_zip(path: Path, required: str, kind: str, max_member_bytes: int | None = None) -> zipfile.ZipFile:
    """Open ``path`` as a ZIP after checking its directory; raise
    UnreadableInput (Vietnamese) for a non-ZIP, a zip bomb, an encrypted
    OOXML, or a package without ``required`` (e.g. 'word/document.xml')."""
    limits = dict(DEFAULT_LIMITS)
    if max_member_bytes is not None:
        limits["max_member_bytes"] = max_member_bytes
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        if ole_is_encrypted_ooxml(path):
            raise UnreadableInput(f"Tệp {kind} được bảo vệ bằng mật khẩu (đã mã hóa); "
                                  f"hãy gỡ mật khẩu rồi gửi lại: {path.name}")
        raise UnreadableInput(f"Tệp {path.name} là định dạng Office cũ (OLE), không phải {kind}.")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableInput(f"Tệp {path.name} không phải {kind} hợp lệ (không đọc được cấu trúc ZIP).") from exc
    try:
        infos = zf.infolist()
        if len(infos) > limits["max_members"]:
            raise UnreadableInput(f"Tệp {path.name} chứa quá nhiều thành phần ({len(infos)}); từ chối đọc.")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (info.file_size > limits["max_member_bytes"]
                    or (info.file_size > 1024 * 1024 and ratio > limits["max_ratio"])):
                raise UnreadableInput(
                    f"Tệp {path.name} có thành phần {info.filename} giải nén tới "
                    f"{info.file_size // (1024 * 1024)} MB (tỷ lệ nén {ratio:.0f}:1): "
                    "nghi là bom nén (zip bomb), từ chối đọc.")
            if info.flag_bits & 0x1:
                raise UnreadableInput(f"Tệp {path.name} được mã hóa bằng mật khẩu; không đọc được.")
        if total > limits["max_unzipped_bytes"]:
            raise UnreadableInput(
                f"Tệp {path.name} giải nén tới {total // (1024 * 1024)} MB: quá lớn, "
                "nghi là bom nén (zip bomb), từ chối đọc.")
        names = set(zf.namelist())
        if required not in names:
            raise UnreadableInput(f"Tệp {path.name} không phải {kind} hợp lệ: thiếu phần {required}.")
    except BaseException:
        zf.close()
        raise
    return zf


# --- OLE compound files (just enough to list streams and read small ones) ---


class OleFile:
    """A minimal reader of an OLE compound file's directory and streams."""

    def __init__(self, data: bytes):
        if data[:8] != OLE_MAGIC or len(data) < 512:
            raise ValueError("not an OLE file")
        self.data = data
        self.sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
        self.mini_size = 1 << struct.unpack_from("<H", data, 32)[0]
        n_fat, first_dir, _, self.mini_cutoff, first_minifat, n_minifat, first_difat, n_difat = \
            struct.unpack_from("<IIIIIIII", data, 44)
        difat = list(struct.unpack_from("<109I", data, 76))
        sec = first_difat
        guard = 0
        while sec < 0xFFFFFFFA and guard < 10000:
            entries = struct.unpack_from(f"<{self.sector_size // 4}I", data, self._off(sec))
            difat.extend(entries[:-1])
            sec = entries[-1]
            guard += 1
        self.fat: list[int] = []
        for s in difat[:n_fat]:
            if s >= 0xFFFFFFFA:
                continue
            self.fat.extend(struct.unpack_from(f"<{self.sector_size // 4}I", data, self._off(s)))
        dir_bytes = self._chain(first_dir)
        self.entries = []
        for i in range(len(dir_bytes) // 128):
            e = dir_bytes[i * 128:(i + 1) * 128]
            name_len = struct.unpack_from("<H", e, 64)[0]
            name = e[:max(name_len - 2, 0)].decode("utf-16-le", "replace")
            etype = e[66]
            start, size = struct.unpack_from("<IQ", e, 116)
            self.entries.append((name, etype, start, size & 0xFFFFFFFF))
        self.minifat: list[int] = []
        if n_minifat and first_minifat < 0xFFFFFFFA:
            mf = self._chain(first_minifat)
            self.minifat = list(struct.unpack_from(f"<{len(mf) // 4}I", mf))
        root = self.entries[0] if self.entries else None
        self.ministream = self._chain(root[2])[:root[3]] if root and root[2] < 0xFFFFFFFA else b""

    def _off(self, sec: int) -> int:
        return (sec + 1) * self.sector_size

    def _chain(self, start: int) -> bytes:
        out, sec, seen = [], start, set()
        while sec < 0xFFFFFFFA and sec < len(self.fat) + 1 and sec not in seen:
            seen.add(sec)
            out.append(self.data[self._off(sec):self._off(sec) + self.sector_size])
            sec = self.fat[sec] if sec < len(self.fat) else 0xFFFFFFFE
        return b"".join(out)

    def names(self) -> list[str]:
        return [e[0] for e in self.entries if e[1] in (1, 2)]

    def stream(self, name: str, limit: int = 4096) -> bytes:
        """The first ``limit`` bytes of a stream (enough for headers)."""
        for ename, etype, start, size in self.entries:
            if ename == name and etype == 2:
                if size < self.mini_cutoff:
                    out, sec, seen = [], start, set()
                    while (sec < 0xFFFFFFFA and sec < len(self.minifat) and sec not in seen
                           and len(out) * self.mini_size < limit):
                        seen.add(sec)
                        out.append(self.ministream[sec * self.mini_size:(sec + 1) * self.mini_size])
                        sec = self.minifat[sec]
                    return b"".join(out)[:min(size, limit)]
                return self._chain(start)[:min(size, limit)]
        raise KeyError(name)


def read_ole(path: Path) -> OleFile | None:
    try:
        return OleFile(Path(path).read_bytes())
    except (ValueError, struct.error, IndexError):
        return None


def ole_is_encrypted_ooxml(path: Path) -> bool:
    ole = read_ole(path)
    if ole is not None:
        names = set(ole.names())
        return "EncryptionInfo" in names or "EncryptedPackage" in names
    data = Path(path).read_bytes()[:1 << 20]
    return "EncryptionInfo".encode("utf-16-le") in data


def ole_kind(ole: OleFile) -> str:
    """'encrypted_ooxml', 'doc', 'xls' or 'unknown'."""
    names = set(ole.names())
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        return "encrypted_ooxml"
    if "WordDocument" in names:
        return "doc"
    if "Workbook" in names or "Book" in names:
        return "xls"
    return "unknown"


def ole_is_encrypted_legacy(ole: OleFile, kind: str) -> bool:
    """Word 97 FIB fEncrypted flag; Excel FILEPASS record after BOF."""
    try:
        if kind == "doc":
            fib = ole.stream("WordDocument", 64)
            return len(fib) > 11 and bool(fib[11] & 0x01)
        if kind == "xls":
            name = "Workbook" if "Workbook" in ole.names() else "Book"
            data = ole.stream(name, 8192)
            pos = 0
            for _ in range(64):
                if pos + 4 > len(data):
                    break
                rtype, rlen = struct.unpack_from("<HH", data, pos)
                if rtype == 0x002F:  # FILEPASS
                    return True
                pos += 4 + rlen
    except KeyError:
        return False
    return False
