"""The design lives in the repository: docs/ is complete and current."""
from __future__ import annotations

import re
import runpy

from reportgen.checks import READER_CODES, registered_rules
from reportgen.schemes import load_scheme_file

from support import ROOT

DOCS = ROOT / "docs"
CODES_PAGE = DOCS / "finding-codes.md"


def test_every_registered_code_and_rule_is_on_the_codes_page():
    page = CODES_PAGE.read_text(encoding="utf-8")
    gen = runpy.run_path(str(ROOT / "scripts" / "docs_codes.py"))
    missing = sorted({f"`{r.code}`" for r in registered_rules()} - set(re.findall(r"`[A-Z][A-Z0-9_]+`", page)))
    missing += sorted(f"`{c}`" for c in READER_CODES if f"`{c}`" not in page)
    missing += sorted(f"`{gen['_rule_name'](r)}`" for r in registered_rules()
                      if f"`{gen['_rule_name'](r)}`" not in page)
    assert missing == [], f"run python3 scripts/docs_codes.py; missing: {missing}"


def test_readme_links_to_docs_and_never_outside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme and "DESIGN.md" not in readme
    assert "docs/architecture.md" in readme and "docs/json.md" in readme


def test_the_pages_exist_and_their_relative_links_resolve():
    for name in ("architecture.md", "json.md", "finding-codes.md", "schemes.md", "exit-status.md"):
        assert (DOCS / name).is_file(), name
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_scheme_format_example_is_a_valid_scheme(tmp_path):
    text = (DOCS / "schemes.md").read_text(encoding="utf-8")
    example = re.search(r"## Example.*?```toml\n(.*?)```", text, re.S).group(1)
    path = tmp_path / "tinh-x.toml"
    path.write_text(example, encoding="utf-8")
    scheme = load_scheme_file(path)
    assert scheme.name == "tinh-x-2025"
    assert [i.key for i in scheme.indicators] == ["ck1", "hl"]
    assert [g.name for g in scheme.grades] == ["Tốt", "Đạt", "Chưa đạt"]
    shipped = DOCS / "examples" / "tinh-x-2025.toml"
    assert shipped.read_text(encoding="utf-8") == example  # the README's `schemes check` runs on it


def test_exit_statuses_page_names_every_status():
    text = (DOCS / "exit-status.md").read_text(encoding="utf-8")
    for status in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 70 |"):
        assert status in text
