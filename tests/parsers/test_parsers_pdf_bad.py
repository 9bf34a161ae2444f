"""Bad PDFs: a clear Vietnamese message (exit 2) or a normal read, in seconds."""
from __future__ import annotations

import subprocess
import sys
import time

import pypdf
import pytest
from reportlab.pdfgen import canvas

from fixtures.build_pdf import FONT_NAME, _register_fonts
from parsers import read_raw
from reportgen.raw import UnreadableInput

TEXT = "Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp năm 2024"


@pytest.fixture()
def plain_pdf(tmp_path):
    _register_fonts()
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(3):
        c.setFont(FONT_NAME, 12)
        c.drawString(72, 700, TEXT)
        c.showPage()
    c.save()
    return path


def _encrypted(src, dst, user_password):
    reader = pypdf.PdfReader(src)
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password=user_password, owner_password="chu-so-huu", algorithm="AES-128")
    writer.write(dst)
    return dst


def test_pdf_encrypted_with_an_empty_user_password_is_read(plain_pdf, tmp_path):
    raw = read_raw(_encrypted(plain_pdf, tmp_path / "empty.pdf", ""))
    assert [p.text for p in raw.paragraphs] == [TEXT] * 3


def test_pdf_with_a_real_password_says_so(plain_pdf, tmp_path):
    with pytest.raises(UnreadableInput, match="Tệp PDF được bảo vệ bằng mật khẩu"):
        read_raw(_encrypted(plain_pdf, tmp_path / "locked.pdf", "bi-mat"))


def test_pdf_with_a_real_password_opens_with_that_password(plain_pdf, tmp_path):
    raw = read_raw(_encrypted(plain_pdf, tmp_path / "locked.pdf", "bi-mat"), {"password": "bi-mat"})
    assert raw.page_count == 3


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_refused_or_read_within_seconds(plain_pdf, tmp_path, keep):
    data = plain_pdf.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    start = time.monotonic()
    try:
        raw = read_raw(cut)
    except UnreadableInput as exc:
        assert "PDF" in str(exc)
    else:
        assert all(p.text == TEXT for p in raw.paragraphs)
    assert time.monotonic() - start < 10


def test_more_pages_than_the_limit_is_refused_with_the_count(plain_pdf):
    with pytest.raises(UnreadableInput, match="có 3 trang, vượt giới hạn 2 trang"):
        read_raw(plain_pdf, {"max_pages": 2})


def test_unknown_engine_is_refused(plain_pdf):
    with pytest.raises(UnreadableInput, match="Không có bộ đọc PDF"):
        read_raw(plain_pdf, {"engine": "tabula"})


def test_cli_exits_2_on_a_locked_pdf_without_a_traceback(plain_pdf, tmp_path):
    locked = _encrypted(plain_pdf, tmp_path / "locked.pdf", "bi-mat")
    proc = subprocess.run([sys.executable, "-m", "reportgen", "extract", str(locked)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "mật khẩu" in proc.stderr and "Traceback" not in proc.stderr


def test_page_stored_turned_with_rotate_reads_upright(plain_pdf, tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain_pdf))
    for page in writer.pages:  # content drawn sideways, /Rotate turns it back
        page.rotate(270)
        page.transfer_rotation_to_content()
        page.rotate(90)
    turned = tmp_path / "turned.pdf"
    writer.write(turned)
    assert [p.text for p in read_raw(turned).paragraphs] == [TEXT] * 3
