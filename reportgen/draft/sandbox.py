"""Rendering a user's template in a child process with limits.

The Jinja sandbox blocks code, not cost: ``{{ 9**(9**9) }}`` runs for hours
and ``{{ 'A' * 10**10 }}`` asks for 10 GB. A template that is not one of the
shipped ones is rendered in a forked child under an address-space limit and
a CPU-time limit, with a wall-clock limit kept by the parent, and its output
refused above a size (``Limits.template_*`` in :mod:`parsers.limits`).
"""
from __future__ import annotations

import io
import math
import multiprocessing
import resource
from enum import StrEnum
from pathlib import Path
from typing import Callable

from parsers.limits import MB, Limits

LIMITS: Limits | None = None  # set by the command line (--limit); else defaults and REPORTGEN_LIMITS


class _Reply(StrEnum):
    """What the child sends back, with a value: the document, its size, the error."""

    OK = "ok"
    SIZE = "size"  # the output is over the limit
    MEMORY = "memory"  # the child ran out of its memory
    ERROR = "error"


def _child(conn, render: Callable[[], object], limits: Limits) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limits.template_memory_bytes, limits.template_memory_bytes))
        cpu = math.ceil(limits.template_seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        tpl = render()
        buf = io.BytesIO()
        tpl.save(buf)
        data = buf.getvalue()
        if len(data) > limits.template_output_bytes:
            conn.send((_Reply.SIZE, len(data)))
        else:
            conn.send((_Reply.OK, data))
    except MemoryError:
        conn.send((_Reply.MEMORY, None))
    except BaseException as exc:  # the parent turns it into the same error as in-process
        if isinstance(exc.__cause__, MemoryError):
            conn.send((_Reply.MEMORY, None))
            return
        try:
            conn.send((_Reply.ERROR, exc))
        except Exception:
            conn.send((_Reply.ERROR, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def render_isolated(path: Path, render: Callable[[], object], problem: Callable[[str], Exception],
                    limits: Limits | None = None):
    """``render()`` run in a child; the rendered DocxTemplate rebuilt here
    from its bytes. ``problem(message)`` makes the error to raise."""
    from docxtpl import DocxTemplate

    limits = limits or (LIMITS if LIMITS is not None else Limits.parse(None))
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, render, limits), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(limits.template_seconds):
            raise problem(f"Mẫu {path.name}: dựng văn bản quá {limits.template_seconds:g} giây (biểu thức quá "
                          "nặng trong mẫu?); đã dừng.")
        try:
            kind, value = parent.recv()
        except EOFError:  # killed: over its CPU or memory limit
            raise problem(f"Mẫu {path.name}: dựng văn bản vượt giới hạn thời gian hoặc bộ nhớ "
                          f"({limits.template_seconds:g} giây, {limits.template_memory_bytes // MB} MB); đã dừng.") \
                from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if kind == _Reply.MEMORY:
        raise problem(f"Mẫu {path.name}: dựng văn bản cần quá {limits.template_memory_bytes // MB} MB bộ nhớ "
                      "(biểu thức tạo chuỗi hay số khổng lồ trong mẫu?); đã dừng.")
    if kind == _Reply.SIZE:
        raise problem(f"Mẫu {path.name}: văn bản dựng ra {value // MB} MB, vượt giới hạn "
                      f"{limits.template_output_bytes // MB} MB; đã dừng.")
    if kind == _Reply.ERROR:
        raise value
    tpl = DocxTemplate(io.BytesIO(value))
    tpl.init_docx()
    return tpl
