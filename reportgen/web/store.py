"""Uploaded files and their results on disk, outside any served folder.

Each upload gets a folder named by a random token under ``work_dir``: the
file itself as ``input`` (never under the name the browser sent), its
``meta.json`` (owner, original name for display only, type, state) and
what the server made from it (``result.json``, ``view.pdf``, page images,
downloads). Folders older than the retention period are removed.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

_TOKEN = re.compile(r"^[0-9a-f]{32}$")


class InputKind(StrEnum):
    """An uploaded file's type, from its bytes (``parsers.sniff_format``);
    the value is what ``meta.json`` and the pages keep."""

    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    OLE = "ole"  # a legacy .doc or .xls
    ODT = "odt"  # OpenDocument text (LibreOffice Writer)
    ODS = "ods"  # OpenDocument spreadsheet (LibreOffice Calc)
    RTF = "rtf"
    TEXT = "text"
    ZIP = "zip"  # a ZIP that is no DOCX or XLSX: refused at intake, never stored


@dataclass
class Item:
    id: str
    owner: str
    name: str  # as the browser sent it; shown, never used as a path
    kind: InputKind
    size: int
    purpose: str = "verify"
    created: float = field(default_factory=time.time)
    state: str = "queued"
    error: str | None = None
    summary: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = InputKind(self.kind)


class Store:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def new_id(self) -> str:
        return secrets.token_hex(16)

    def folder(self, item_id: str) -> Path:
        if not _TOKEN.match(item_id or ""):
            raise KeyError(item_id)
        return self.root / item_id

    def create(self, item: Item, data_file: Path) -> Item:
        folder = self.folder(item.id)
        folder.mkdir(mode=0o700)
        os.replace(data_file, folder / "input")
        self.save(item)
        return item

    def save(self, item: Item) -> None:
        folder = self.folder(item.id)
        tmp = folder / ".meta.json.tmp"
        tmp.write_text(json.dumps(asdict(item), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, folder / "meta.json")

    def get(self, item_id: str) -> Item | None:
        try:
            meta = self.folder(item_id) / "meta.json"
        except KeyError:
            return None
        if not meta.is_file():
            return None
        return Item(**json.loads(meta.read_text(encoding="utf-8")))

    def items(self, owner: str | None = None, purpose: str | None = None) -> list[Item]:
        """Items newest first; only ``owner``'s when given."""
        out = []
        for folder in self.root.iterdir():
            if not _TOKEN.match(folder.name):
                continue
            item = self.get(folder.name)
            if item is None or (owner is not None and item.owner != owner):
                continue
            if purpose is not None and item.purpose != purpose:
                continue
            out.append(item)
        return sorted(out, key=lambda i: -i.created)

    def path(self, item_id: str, name: str) -> Path:
        """A file of an item; ``name`` is always one of ours, never user input."""
        return self.folder(item_id) / name

    def delete(self, item_id: str) -> None:
        shutil.rmtree(self.folder(item_id), ignore_errors=True)

    def purge(self, days: int, now: float | None = None) -> int:
        """Remove items older than ``days``; return how many."""
        limit = (now or time.time()) - days * 86400
        removed = 0
        for folder in list(self.root.iterdir()):
            if not _TOKEN.match(folder.name):
                continue
            item = self.get(folder.name)
            created = item.created if item else folder.stat().st_mtime
            if created < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed
