"""The error boundary (docs/exit-status.md): the project's own errors under one
base class give exit 2 with their Vietnamese message; anything else is a bug
of ours, exit 70, with the traceback in a log file."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reportgen import cli, errors
from reportgen.archive import ArchiveError
from reportgen.draft.render import TemplateProblem
from reportgen.raw import UnreadableInput
from reportgen.schemes import UnknownScheme

from support import ROOT


def test_every_error_of_the_project_has_one_base():
    for cls in (errors.UnreadableInput, errors.UsageError, errors.OutputError, errors.TemplateError,
                errors.ArchiveError, errors.SchemeError, TemplateProblem, ArchiveError, UnknownScheme,
                cli.UsageError):
        assert issubclass(cls, errors.ReportgenError), cls
        assert cls.exit_status == 2
    assert UnreadableInput is errors.UnreadableInput  # the old import path still works
    assert ArchiveError is errors.ArchiveError and cli.UsageError is errors.UsageError
    assert not issubclass(TemplateProblem, UnreadableInput)


def test_an_error_of_ours_exits_2_with_its_message(capsys):
    assert cli.main(["rules", "KHONG_CO"]) == 2
    assert capsys.readouterr().err.startswith("reportgen: Không có mã phát hiện 'KHONG_CO'")


def test_a_bug_exits_70_with_a_log_file_holding_the_traceback(monkeypatch, tmp_path, capsys):
    def broken(code=None):
        return [1][code is None and 5]  # an IndexError: a bug, not the user's input

    monkeypatch.setattr("reportgen.cli.rules.rule_lines", broken)
    monkeypatch.setenv("REPORTGEN_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.delenv("REPORTGEN_DEBUG", raising=False)
    assert cli.main(["rules"]) == 70
    err = capsys.readouterr().err
    assert "lỗi nội bộ" in err and "báo lỗi" in err and "Traceback" not in err
    logs = list((tmp_path / "log").glob("loi-*.log"))
    assert len(logs) == 1 and str(logs[0]) in err
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "IndexError" in text
    assert "lệnh: reportgen rules" in text


def test_debug_shows_the_bug_itself(monkeypatch):
    monkeypatch.setattr("reportgen.cli.rules.rule_lines", lambda code=None: 1 / 0)
    monkeypatch.setenv("REPORTGEN_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.main(["rules"])


def test_the_command_itself_exits_70_on_a_bug_and_2_on_a_bad_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_DEBUG"}
    env["REPORTGEN_LOG_DIR"] = str(tmp_path / "log")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    bug = ("import sys, reportgen.cli.rules as r; r.rule_lines = lambda code=None: {}['x']; "
           "from reportgen.cli import main; sys.exit(main(['rules']))")
    out = subprocess.run([sys.executable, "-c", bug], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 70 and "Traceback" not in out.stderr
    assert len(list((tmp_path / "log").glob("loi-*.log"))) == 1
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a real package")
    out = subprocess.run([sys.executable, "-m", "reportgen", "verify", str(bad)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 2 and out.stdout == "" and "Traceback" not in out.stderr
    assert len(list((tmp_path / "log").glob("loi-*.log"))) == 1  # no log for the user's bad file


def test_an_output_the_file_system_refuses_is_exit_2_not_a_bug(tmp_path, capsys):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Kết quả: 5/3 đơn vị đạt")
    source = tmp_path / "bc.docx"
    doc.save(source)
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    code = cli.main(["verify", str(source), "--annotate", str(blocker / "ra.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "lỗi nội bộ" not in err and "Traceback" not in err
    assert "không đọc/ghi được tệp" in err or "Không ghi được" in err
