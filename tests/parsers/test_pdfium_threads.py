"""PDFium is not thread-safe: the whole-page OCR reads scanned pages on
several threads, and the web server renders page images on its own; two
threads inside PDFium at once crash the process (a segmentation fault or an
abort, seen in CI). Every use goes through ``parsers.pdfium_lock.opened``."""
from __future__ import annotations

import subprocess
import sys

from support import REAL, ROOT

SCRIPT = """
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from parsers.limits import Limits
from parsers.ocr import page_dpi, render
from reportgen.web.verifying import render_pages
path = Path(sys.argv[1])
folder = Path(sys.argv[2])
def work(i):
    if i % 4 == 3:
        return len(render_pages(path, folder / str(i), 40))
    for _ in range(12):
        render(path, i % 2, 60)
        page_dpi(path, i % 2, 300, Limits())
    return 0
with ThreadPoolExecutor(4) as pool:
    print(sum(pool.map(work, range(8))))
"""


def test_pages_rendered_on_four_threads_at_once_do_not_crash_the_process(tmp_path):
    scan = REAL / "ld-tb493-scan.pdf"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(scan), str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    pages = len(list((tmp_path / "3").glob("*.png")))
    assert pages >= 1 and done.stdout.strip() == str(2 * pages)
