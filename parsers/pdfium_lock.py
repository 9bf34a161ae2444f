"""PDFium, one call at a time.

PDFium is not thread-safe: two threads may not call into it at the same
moment, not even on two different documents (pypdfium2's documentation says
so, and a process that does it aborts — seen when the whole-page OCR reads
two scanned pages on two threads). Every use of pypdfium2 in the project opens
its document with :func:`opened`, which holds one process-wide lock for as
long as the document is open.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOCK = threading.RLock()


@contextmanager
def opened(path: str | Path) -> Iterator[object]:
    """The ``pypdfium2.PdfDocument`` of ``path``, used under the lock and
    closed afterwards (its errors, such as ``PdfiumError``, pass through)."""
    import pypdfium2 as pdfium

    with LOCK:
        doc = pdfium.PdfDocument(str(path))
        try:
            yield doc
        finally:
            doc.close()
