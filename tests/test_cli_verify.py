"""`reportgen verify`: bad input never gives a traceback; seeds give their findings."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
S002 = str(SEEDS / "002_e186587f0db7be84.txt")
S000 = str(SEEDS / "000_1f102cd1bcb19e59.txt")


def reportgen(*args, cwd=None):
    env = {k: v for k, v in os.environ.items() if k != "REPORTGEN_DEBUG"}
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True,
                          cwd=cwd, env=env)


def _bad_inputs(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    noise = tmp_path / "nhieu.pdf.txt"
    noise.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    folder = tmp_path / "thu_muc"
    folder.mkdir()
    return {"missing": (str(tmp_path / "khong_co.txt"), "Không tìm thấy tệp"),
            "empty": (str(empty), "Tệp rỗng"),
            "random bytes": (str(noise), "không phải văn bản"),
            "directory": (str(folder), "thư mục")}


@pytest.mark.parametrize("kind", ["missing", "empty", "random bytes", "directory"])
@pytest.mark.parametrize("command", ["verify", "extract"])
def test_unreadable_input_gives_a_vietnamese_message_and_exit_2(tmp_path, kind, command):
    path, words = _bad_inputs(tmp_path)[kind]
    out = reportgen(command, path)
    assert out.returncode == 2
    assert out.stdout == ""
    assert words in out.stderr
    assert "Traceback" not in out.stderr


def test_one_unreadable_file_among_several_prints_nothing_and_exits_2(tmp_path):
    out = reportgen("verify", "--format", "json", S002, str(tmp_path / "khong_co.txt"))
    assert out.returncode == 2
    assert out.stdout == ""
    assert "Không tìm thấy tệp" in out.stderr and "1/2" in out.stderr


def test_unknown_scheme_option_exits_2():
    out = reportgen("verify", "--scheme", "khong-co", S002)
    assert out.returncode == 2
    assert "Không có bộ chỉ số 'khong-co'" in out.stderr and "Traceback" not in out.stderr


def test_annotate_with_several_files_is_a_usage_error(tmp_path):
    out = reportgen("verify", "--annotate", str(tmp_path / "ra.docx"), S002, S000)
    assert out.returncode == 2
    assert "--annotate chỉ dùng với đúng một tệp" in out.stderr
    assert not (tmp_path / "ra.docx").exists()


def test_json_of_seed_002_follows_the_contract_and_exits_1():
    out = reportgen("verify", "--format", "json", S002)
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert set(doc) == {"source", "ok", "findings"}
    assert doc["ok"] is False
    f = next(f for f in doc["findings"] if f["code"] == "TOTAL_MISMATCH" and f["severity"] == "error")
    assert (f["unit"], f["column"], f["reported"], f["expected"]) == ("Trung tâm QLĐĐ", "total", "58.69", "58.94")
    assert f["message"] == "Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94"
    assert set(f) >= {"code", "severity", "table", "row", "unit", "column", "reported", "expected", "page",
                      "message"}


def test_json_of_several_files_is_a_list_in_argument_order():
    out = reportgen("verify", "--format", "json", S002, S000)
    assert out.returncode == 1, out.stderr
    docs = json.loads(out.stdout)
    assert [Path(d["source"]).name for d in docs] == [Path(S002).name, Path(S000).name]


def test_text_of_seed_002_is_grouped_by_table_and_row_with_a_summary_line():
    out = reportgen("verify", S002)
    assert out.returncode == 1, out.stderr
    text = out.stdout
    assert text.startswith("Tệp: ")
    assert "Trung tâm QLĐĐ" in text
    assert "[LỖI] TOTAL_MISMATCH: Tổng điểm ghi 58,69 nhưng cộng các chỉ số được 58,94" in text
    assert "ghi: 58,69; đúng là: 58,94" in text
    last = text.strip().splitlines()[-1]
    assert last.startswith("Kết quả: KHÔNG ĐẠT – ") and " lỗi, " in last and "cảnh báo" in last


def test_annotate_without_the_annotation_module_or_with_it_never_half_writes(tmp_path):
    target = tmp_path / "ra.docx"
    out = reportgen("verify", "--annotate", str(target), S002)
    assert "Traceback" not in out.stderr
    if out.returncode == 2:
        assert "--annotate" in out.stderr
        assert not target.exists()
    else:
        assert out.returncode in (0, 1)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("command", [["verify"], ["extract"], ["schemes"], ["schemes", "show"]])
def test_help_is_in_vietnamese(command):
    out = reportgen(*command, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith("Cách dùng: reportgen ")
    assert "in trợ giúp này rồi thoát" in out.stdout
    assert "usage:" not in out.stdout and "show this help" not in out.stdout
