"""Inputs of the page-unread rule, made at test time: the good input is one
page of a report printed by reportlab; the bad input is the same page
followed by a scanned page of random dots, which the reader cannot read."""
from __future__ import annotations

from pathlib import Path

BASE = Path(__file__).resolve().parent.parent / "base_xa_phuong.txt"


def _text_page(canvas) -> None:
    from fixtures.build_pdf import FONT_NAME, _register_fonts

    _register_fonts()
    canvas.setFont(FONT_NAME, 11)
    y = 800
    for line in BASE.read_text(encoding="utf-8").splitlines()[:20]:
        for part in line.split("\t"):
            canvas.drawString(50, y, part[:95])
            y -= 15
    canvas.showPage()


def _noise_page(canvas) -> None:
    import numpy as np
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    rng = np.random.default_rng(7)
    dots = Image.fromarray(np.where(rng.random((877, 620)) < 0.2, 0, 255).astype(np.uint8))
    canvas.drawImage(ImageReader(dots), 0, 0, width=595, height=842)
    canvas.showPage()


def make(which: str, tmp_path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / f"{which}.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    _text_page(canvas)
    if which == "bad":
        _noise_page(canvas)
    canvas.save()
    return path
