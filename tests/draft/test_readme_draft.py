"""Every `reportgen draft` command of the README runs as written, from the
checkout's root, in a scratch copy of the files it names; each writes what it
says and the drafts pass `verify` with no error."""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT


def readme_draft_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        lines += [ln.split("  #")[0].strip() for ln in block.splitlines() if ln.startswith("reportgen draft")]
    return lines


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    argv = shlex.split(command.split(">")[0])
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_DEBUG"}
    env["REPORTGEN_DB"] = "sqlite:////nonexistent/reportgen-tests.sqlite3"
    proc = subprocess.run([sys.executable, "-m", "reportgen", *argv[1:]], capture_output=True, text=True, cwd=cwd,
                          env=env)
    if ">" in command:
        (cwd / command.split(">")[1].strip()).write_text(proc.stdout, encoding="utf-8")
    return proc


@pytest.fixture(scope="module")
def checkout(tmp_path_factory) -> Path:
    """The files the commands name, where a fresh clone has them."""
    root = tmp_path_factory.mktemp("clone")
    shutil.copytree(ROOT / "fixtures" / "examples", root / "fixtures" / "examples")
    (root / "fixtures" / "reference" / "real").mkdir(parents=True)
    shutil.copy(ROOT / "fixtures" / "reference" / "real" / "portal-766-2025-10.xlsx",
                root / "fixtures" / "reference" / "real")
    return root


def test_the_readme_names_only_files_the_checkout_has():
    commands = readme_draft_commands()
    assert len(commands) >= 5
    for command in commands:
        for word in shlex.split(command.split(">")[0]):
            if word.startswith("fixtures/"):
                assert (ROOT / word).is_file(), word


@pytest.mark.parametrize("command", readme_draft_commands())
def test_each_readme_draft_command_runs_as_written(checkout, command):
    from reportgen.verify import verify_path

    proc = _run(command, checkout)
    assert proc.returncode == 0, proc.stderr
    argv = shlex.split(command.split(">")[0])
    if "-o" in argv:
        out = checkout / argv[argv.index("-o") + 1]
        assert out.is_file()
        assert [f.message for f in verify_path(out).findings if f.severity == "error"] == []
        if "--pdf" in argv:
            assert out.with_suffix(".pdf").is_file()
    if "--outdir" in argv:
        made = sorted((checkout / argv[argv.index("--outdir") + 1]).glob("*.docx"))
        assert len(made) == 19
    if ">" in command:
        from reportgen.draft.metadata import load_meta

        meta = load_meta(checkout / command.split(">")[1].strip())
        assert meta.deadline == "20/11/2025"
