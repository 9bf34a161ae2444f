"""Rendering a Word template: docxtpl in a sandboxed Jinja environment, then
the engine's own passes over the result: section numbers, real footnotes, and
the appendices in landscape sections.

A template error (an unknown variable, broken Jinja, a tag Word split across
runs) becomes a :class:`TemplateProblem` whose Vietnamese message names the
template, the tag and what to fix.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Sequence

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from .. import errors
from . import docxml as X, docxml_footnotes as footnotes, docxml_sections as sections

# The shipped templates are package data; a checkout keeps an editable copy in
# its top-level templates/ (made by make_templates), which wins when present.
PACKAGED_DIR = Path(__file__).resolve().parent / "templates"
_CHECKOUT = Path(__file__).resolve().parents[2]
CHECKOUT_DIR = _CHECKOUT / "templates"
TEMPLATE_DIR = PACKAGED_DIR  # the canonical copies
TEMPLATES_ENV = "REPORTGEN_TEMPLATES"  # folders of the user's own templates, searched first
DEFAULT_TEMPLATES = {"BC": "bao-cao-ket-qua", "TB": "thong-bao-chi-so", "CV": "cong-van-chi-dao"}
ANCHOR = "\u27e6PHU-LUC\u27e7"
FOOTNOTE = re.compile("\u27e6fn:(\\d+)\u27e7")
HEADING_STYLES = {"RGMuc1": 1, "RGMuc2": 2}
_LEADING_NUMBER = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*)\.\s*")


class TemplateProblem(errors.TemplateError):
    """A template that cannot be rendered (exit 2)."""


def template_dirs() -> list[Path]:
    """Where templates are looked up by name, first match wins: the folders
    in ``REPORTGEN_TEMPLATES`` (separated by ``os.pathsep``), the checkout's
    ``templates/`` (when running from a source tree), the shipped copies."""
    dirs = [Path(d).expanduser() for d in os.environ.get(TEMPLATES_ENV, "").split(os.pathsep) if d.strip()]
    if (_CHECKOUT / "pyproject.toml").is_file() and CHECKOUT_DIR.is_dir():
        dirs.append(CHECKOUT_DIR)
    dirs.append(PACKAGED_DIR)
    return dirs


def template_path(name: str | None, doc_type: str = "BC") -> Path:
    """A template by name ('thong-bao-chi-so') or by path to any .docx; the
    default by document type."""
    name = name or DEFAULT_TEMPLATES.get(doc_type, DEFAULT_TEMPLATES["BC"])
    candidate = Path(name).expanduser()
    if candidate.suffix.lower() == ".docx" and candidate.is_file():
        return candidate
    if candidate.suffix.lower() == ".docx" and len(candidate.parts) > 1:
        raise TemplateProblem(f"Không tìm thấy tệp mẫu {name}.")
    dirs = template_dirs()
    for folder in dirs:
        local = folder / f"{name.removesuffix('.docx')}.docx"
        if local.is_file():
            return local
    known = ", ".join(sorted({p.stem for d in dirs for p in d.glob("*.docx")}))
    raise TemplateProblem(f"Không tìm thấy mẫu {name!r}. Các mẫu có sẵn: {known}; hoặc đưa đường dẫn tới tệp .docx, "
                          f"hoặc đặt thư mục mẫu riêng trong biến môi trường {TEMPLATES_ENV}.")


def environment() -> SandboxedEnvironment:
    """Jinja as docxtpl uses it, sandboxed: no attribute of Python internals,
    no file access; an unknown name is an error, not an empty string."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _visible_tags(tpl: DocxTemplate) -> list[str]:
    """Text of every paragraph that holds a brace, as Word shows it."""
    out = []
    for p in X.body_paragraphs(tpl.docx):
        text = X.paragraph_text(p)
        if "{" in text or "}" in text:
            out.append(text)
    return out


_OPEN_CLOSE = (("{{", "}}"), ("{%", "%}"), ("{#", "#}"))


def lint_tags(text: str) -> str | None:
    """The first malformed tag in a paragraph's visible text, if any: an
    opening '{{' without its '}}' before the next opening, or a space Word put
    between two braces."""
    for m in re.finditer(r"\{\s+[{%]|[}%]\s+\}", text):
        return m.group(0)
    for opening, closing in _OPEN_CLOSE:
        start = 0
        while (i := text.find(opening, start)) >= 0:
            j = text.find(closing, i + 2)
            nxt = min((k for k in (text.find("{{", i + 2), text.find("{%", i + 2)) if k >= 0), default=-1)
            if j < 0 or (0 <= nxt < j):
                end = nxt if nxt >= 0 else len(text)
                return text[i:end].strip()
            start = j + 2
    return None


def _lint(path: Path, tpl: DocxTemplate) -> None:
    for text in _visible_tags(tpl):
        bad = lint_tags(text)
        if bad:
            raise TemplateProblem(f"Mẫu {path.name}: thẻ “{bad}” trong đoạn “{text.strip()}” bị hỏng "
                                  "(thiếu dấu đóng hoặc có khoảng trắng giữa hai dấu ngoặc). "
                                  "Sửa thành {{ tên_biến }} hoặc {% lệnh %}, gõ lại liền một lần trong Word.")


def _diagnose(path: Path, tpl: DocxTemplate, exc: Exception) -> TemplateProblem:
    name = path.name
    paragraphs = _visible_tags(tpl)
    if isinstance(exc, UndefinedError):
        var = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        tag = (var.group(2) or var.group(1)) if var else str(exc)
        where = next((t.strip() for t in paragraphs if tag in t), None)
        hint = f" trong đoạn “{where}”" if where else ""
        return TemplateProblem(f"Mẫu {name}: biến {tag!r}{hint} không có trong dữ liệu soạn thảo. "
                               "Sửa tên biến cho đúng (xem danh sách biến trong README của thư mục templates) "
                               "hoặc xóa thẻ đó.")
    if isinstance(exc, SecurityError):
        return TemplateProblem(f"Mẫu {name}: thẻ truy cập thứ không được phép ({exc}). "
                               "Mẫu chỉ được dùng các biến soạn thảo, không gọi hàm hay thuộc tính nội bộ.")
    if isinstance(exc, TemplateSyntaxError):
        context = [re.sub(r"<[^>]+>", "", line).strip() for line in getattr(exc, "docx_context", [])]
        near = next((c for c in context if "{" in c), None) or (context[len(context) // 2] if context else "")
        return TemplateProblem(f"Mẫu {name}: lỗi cú pháp thẻ ({exc.message}) gần đoạn “{near}”. "
                               "Kiểm tra mỗi {% if %}/{% for %} có {% endif %}/{% endfor %} tương ứng "
                               "và thẻ không bị Word tách định dạng giữa chừng (gõ lại thẻ liền một lần).")
    return TemplateProblem(f"Mẫu {name}: không dựng được văn bản ({type(exc).__name__}: {exc}).")


def render_template(path: Path, context: dict) -> DocxTemplate:
    """The template rendered with ``context``. A user's template (not one
    shipped) is rendered in a child process with limits (:mod:`.sandbox`)."""
    if not _shipped(path):
        from .sandbox import render_isolated

        return render_isolated(path, lambda: _render(path, context), TemplateProblem)
    return _render(path, context)


def _shipped(path: Path) -> bool:
    try:
        resolved = Path(path).resolve()
    except OSError:
        return False
    return any(resolved.parent == d.resolve() for d in (PACKAGED_DIR, CHECKOUT_DIR))


def _render(path: Path, context: dict) -> DocxTemplate:
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:
        raise TemplateProblem(f"Không mở được mẫu {path.name}: {exc}") from exc
    _lint(path, tpl)
    try:
        tpl.render(context, environment())
    except (TemplateError, SecurityError) as exc:
        raise _diagnose(path, tpl, exc) from exc
    except Exception as exc:  # lxml errors after a tag broke the XML
        raise _diagnose(path, tpl, exc) from exc
    return tpl


# --- passes over the rendered document ------------------------------------------

def numbering_pattern(document) -> list[str]:
    """Level patterns from the template's keywords ('so-muc: I. | 1.')."""
    keywords = document.core_properties.keywords or ""
    m = re.search(r"so-muc:\s*([^;]+)", keywords)
    parts = [p.strip() for p in (m.group(1) if m else "1. | 1.1.").split("|")]
    return parts if parts else ["1.", "1.1."]


def _roman(n: int) -> str:
    from .narrative import roman

    return roman(n)


def number_headings(document) -> list[str]:
    """Write the number of every heading paragraph (styles 'RG Muc 1/2') so
    the sections never skip or repeat; returns the numbers written."""
    patterns = numbering_pattern(document)
    counters = [0, 0]
    written = []
    for p in X.body_paragraphs(document):
        level = HEADING_STYLES.get(X.style_of(p))
        if not level or not X.paragraph_text(p).strip():
            continue
        counters[level - 1] += 1
        if level == 1:
            counters[1] = 0
        pattern = patterns[min(level, len(patterns)) - 1]
        if pattern.startswith("I"):
            number = f"{_roman(counters[0])}."
        elif pattern.count(".") >= 2 and level == 2:
            number = f"{counters[0]}.{counters[1]}."
        else:
            number = f"{counters[level - 1]}."
        X.replace_leading_text(p, _LEADING_NUMBER, f"{number} ")
        if pattern.startswith("I") and level == 1:  # ND30: a Roman-numbered part's title is in capitals
            X.upper_text(p)
        written.append(number)
    return written


LONG_LIST = 450  # characters: about six lines; longer lists may break across pages


def release_long_lists(document) -> int:
    """A list of names is kept on one page ('RG Liet ke' keeps its lines
    together) unless it is so long that it would leave half a page empty."""
    released = 0
    for p in X.body_paragraphs(document):
        if X.style_of(p) == "RGLietke" and len(X.paragraph_text(p)) > LONG_LIST:
            X.set_keep_lines(p, False)
            released += 1
    return released


def place_footnotes(document, notes: dict[int, str]) -> int:
    """Turn markers ⟦fn:N⟧ left in the text into real Word footnotes."""
    placed = 0
    while True:
        r, m = X.first_text_node_matching(document, FOOTNOTE)
        if r is None:
            return placed
        footnotes.split_run_at(r, m.group(0))
        footnotes.add_footnote(document, r, notes.get(int(m.group(1)), ""))
        placed += 1


def insert_appendices(document, appendices: Sequence[list]) -> None:
    """Put each appendix (a list of elements) in a landscape section of its
    own, with its own page numbers, where the template's anchor paragraph is."""
    anchor = next((p for p in X.body_paragraphs(document) if ANCHOR in X.paragraph_text(p)), None)
    final = sections.body_sectpr(document)
    if anchor is None:
        anchor = X.paragraph("")
        final.addprevious(anchor)
    if not appendices:
        X.remove(anchor)
        return
    portrait = sections.copy_sectpr(final)
    anchor.addprevious(sections.section_end_paragraph(portrait))
    landscape = sections.copy_sectpr(final)
    sections.set_page(landscape, landscape=True, **_landscape())
    sections.restart_page_numbers(landscape, 1)
    sections.set_title_page(landscape, True)
    for index, elements in enumerate(appendices):
        for el in elements:
            anchor.addprevious(el)
        if index < len(appendices) - 1:
            anchor.addprevious(sections.section_end_paragraph(landscape))
    anchor.addprevious(X.paragraph("", size=2))
    X.remove(anchor)
    for child in list(final):
        final.remove(child)
    for child in landscape:
        final.append(child)


def add_provenance_comments(document, appendices: Sequence[list], texts: Sequence[str]) -> int:
    """A Word comment on each appendix heading saying where its figures came
    from: visible to the clerk in Word, never printed in the official text."""
    from docx.text.paragraph import Paragraph

    added = 0
    for elements, text in zip(appendices, texts):
        if not text or not elements:
            continue
        paragraph = Paragraph(elements[0], document._body)
        if paragraph.runs:
            document.add_comment(paragraph.runs, text=text, author="reportgen", initials="RG")
            added += 1
    return added


def _landscape() -> dict:
    from .appendix import LANDSCAPE

    return dict(LANDSCAPE)
