"""Text that a signing tool stamps in the annotation layer.

A digital-signature tool (VGCA, "PDF Tool", Adobe) writes the document's
number and date into the widgets of its signature fields after the document
was made: "Số: 36/BC-HĐTĐ" and "ngày 02 tháng 02" are visible on the page, but
only in the widgets' appearance streams, which a text extractor that reads
page content alone never sees (the number comes out as "Số: /BC-HĐTĐ" and the
date as "ngày tháng 02").

:func:`stamped_pages` returns a PDF of the pages where a visible annotation
draws text, with each such appearance stream also drawn in the page's
content at the annotation's rectangle, the way a viewer shows it. The reader
takes those pages from it (their other content is the same), so the stamped
number and date fall into the text where a reader sees them.
"""
from __future__ import annotations

import io
from pathlib import Path

TEXT_SUBTYPES = ("/Widget", "/FreeText", "/Stamp")
HIDDEN_FLAGS = 1 | 2 | 32  # Invisible, Hidden, NoView


def _draws_text(stream, depth: int = 0) -> bool:
    """Whether a form XObject (or one it draws) shows text."""
    if depth > 4 or stream is None:
        return False
    stream = stream.get_object()
    try:
        if b"BT" in stream.get_data():
            return True
    except Exception:  # a stream pypdf cannot decode draws nothing we can read
        return False
    resources = stream.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources else None
    if not xobjects:
        return False
    return any(_draws_text(x, depth + 1) for x in xobjects.get_object().values())


def _appearance(annot):
    ap = annot.get("/AP")
    if not ap:
        return None
    normal = ap.get_object().get("/N")
    if normal is None:
        return None
    normal = normal.get_object()
    if "/BBox" not in normal:  # a dictionary of states, not a stream
        state = annot.get("/AS")
        normal = normal.get(state).get_object() if state and state in normal else None
    return normal


def _placement(rect, bbox, matrix) -> tuple[float, ...]:
    """The matrix that maps the form's box (after its /Matrix) onto the
    annotation's rectangle (PDF 32000, 12.5.5)."""
    a, b, c, d, e, f = (float(v) for v in (matrix or (1, 0, 0, 1, 0, 0)))
    xs, ys = [], []
    for x, y in ((bbox[0], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[1]), (bbox[2], bbox[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    r = [float(v) for v in rect]
    rx0, ry0, rx1, ry1 = min(r[0], r[2]), min(r[1], r[3]), max(r[0], r[2]), max(r[1], r[3])
    sx = (rx1 - rx0) / (x1 - x0) if x1 > x0 else 1.0
    sy = (ry1 - ry0) / (y1 - y0) if y1 > y0 else 1.0
    return sx, 0.0, 0.0, sy, rx0 - x0 * sx, ry0 - y0 * sy


def text_annotations(reader) -> dict[int, list]:
    """{page index: [annotation, ...]} of the visible annotations that draw text."""
    out: dict[int, list] = {}
    for i, page in enumerate(reader.pages):
        annots = page.get("/Annots")
        if not annots:
            continue
        for ref in annots.get_object():
            annot = ref.get_object()
            if annot.get("/Subtype") not in TEXT_SUBTYPES or int(annot.get("/F", 0)) & HIDDEN_FLAGS:
                continue
            if "/Rect" in annot and _draws_text(_appearance(annot)):
                out.setdefault(i, []).append(annot)
    return out


def stamped_pages(source: Path | io.BytesIO, password: str = "") -> tuple[io.BytesIO | None, list[int]]:
    """A PDF of only the pages with annotations that draw text, each with
    those appearance streams drawn into its content, and the (1-based)
    numbers of those pages in the source; ``(None, [])`` when there are none."""
    import pypdf
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    reader = pypdf.PdfReader(source)
    if reader.is_encrypted:
        reader.decrypt(password)
    found = text_annotations(reader)
    if not found:
        return None, []
    writer = pypdf.PdfWriter()
    numbers = sorted(found)
    for i in numbers:
        writer.add_page(reader.pages[i])
    for j, i in enumerate(numbers):
        page = writer.pages[j]
        annots = [a.get_object() for a in page.get("/Annots").get_object()
                  if a.get_object().get("/Subtype") in TEXT_SUBTYPES
                  and not int(a.get_object().get("/F", 0)) & HIDDEN_FLAGS
                  and "/Rect" in a.get_object() and _draws_text(_appearance(a.get_object()))]
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else DictionaryObject()
        page[NameObject("/Resources")] = resources
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
        ops = []
        for k, annot in enumerate(annots):
            form = _appearance(annot)
            name = NameObject(f"/RgStamp{k}")
            ref = getattr(form, "indirect_reference", None)
            xobjects[name] = ref if ref is not None else writer._add_object(form)
            m = _placement(annot["/Rect"], form["/BBox"], form.get("/Matrix"))
            ops.append(("q %s cm %s Do Q" % (" ".join(f"{v:.4f}" for v in m), name)).encode())
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        stream = DecodedStreamObject()
        stream.set_data(b"q\n" + data + b"\nQ\n" + b"\n".join(ops) + b"\n")
        page.replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    out.seek(0)
    return out, [i + 1 for i in numbers]
