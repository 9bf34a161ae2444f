"""A PDF re-written by a tool that maps the fonts' glyphs to the wrong characters
— a browser's PDF passed through Ghostscript's pdfwrite, as PDF compressors and
"print to PDF" printers do — shows "Điện Biên" on the page but extracts as
"\\x11ißn Biên". Such a text layer is no scan to OCR and no text to trust: the
reader says so with one warning, and a sound PDF gets none."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from fixtures.build_pdf import browser_pdf
from reportgen.verify import verify_path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_docs import Doc, Table, write_docx  # noqa: E402

pytestmark = pytest.mark.skipif(not (shutil.which("gs") and shutil.which("chromium")),
                                reason="ghostscript and chromium (scripts/setup.sh installs them)")

HEAD = ["STT", "Tên cơ quan, đơn vị", "Điểm đạt", "Tỷ lệ (%)", "Xếp loại"]
ROWS = [["1", "Phòng Lao động - Thương binh và Xã hội", "81,20", "95,53", "Xuất sắc"],
        ["2", "Trung tâm Quản lý Đất đai huyện Điện Biên", "58,69", "69,05", "Trung bình"],
        ["3", "Phòng Nội vụ", "67,15", "79,00", "Khá"],
        ["4", "UBND xã Mường Phăng", "74,80", "88,00", "Tốt"]]


def _browser(tmp_path):
    docx = tmp_path / "pl.docx"
    write_docx(Doc(name="pl", kind="components",
                   tables=[Table([HEAD], ROWS, "KẾT QUẢ ĐÁNH GIÁ CÁC CƠ QUAN, ĐƠN VỊ HUYỆN ĐIỆN BIÊN")]), docx)
    return browser_pdf(docx, tmp_path / "pl.browser.pdf")


def test_a_text_layer_whose_glyphs_map_to_foreign_characters_is_a_warning(tmp_path):
    sound = _browser(tmp_path)
    assert not [f for f in verify_path(sound).findings if f.code == "TEXT_DAMAGED"]
    rewritten = tmp_path / "pl.gs.pdf"
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={rewritten}",
                    str(sound)], check=True)
    [finding] = [f for f in verify_path(rewritten).findings if f.code == "TEXT_DAMAGED"]
    assert finding.severity == "warning" and finding.message.startswith("Trang 1: ")
    assert "phông chữ ánh xạ sai mã ký tự" in finding.message
