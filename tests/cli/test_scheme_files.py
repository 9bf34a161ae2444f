"""A user's own scheme (issue 8 part 5): --scheme-file FILE.toml or a folder for
verify/extract, validated with Vietnamese messages naming the key and the line;
`reportgen schemes check`."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from reportgen.errors import SchemeError
from reportgen.schemes import SCHEMES_ENV, all_schemes, check_scheme_file, load_scheme_file, shipped_schemes
from reportgen.schemes.validate import check_scheme_text

from support import ROOT

SCHEME = """name = "tinh-y-2025"
title = "Bộ chỉ số đánh giá giải quyết thủ tục hành chính tỉnh Y (2025)"
total_max = 100
grade_on = "percent"

[[indicators]]
key = "tiep_nhan"
label = "Tiếp nhận hồ sơ"
max = 40
words = ["tiếp nhận hồ sơ"]

[[indicators]]
key = "dung_han"
label = "Trả kết quả đúng hạn"
max = 40
words = ["trả kết quả đúng hạn"]

[[indicators]]
key = "hai_long"
label = "Khảo sát hài lòng"
max = 20
words = ["khảo sát hài lòng"]

[[grades]]
name = "Tốt"
min = 80

[[grades]]
name = "Khá"
min = 65

[[grades]]
name = "Chưa đạt"
min = 0
"""

# Phòng Tư pháp: 30 + 30 + 15 = 75, written 70.
REPORT = ("UBND TỈNH Y\nBÁO CÁO\nKết quả đánh giá giải quyết thủ tục hành chính năm 2025\n\n"
          "STT\tĐơn vị\tTiếp nhận hồ sơ\tTrả kết quả đúng hạn\tKhảo sát hài lòng\tTổng điểm\tXếp loại\n"
          "1\tPhòng Nội vụ\t35\t38\t18\t91\tTốt\n"
          "2\tPhòng Tư pháp\t30\t30\t15\t70\tKhá\n"
          "3\tPhòng Y tế\t30\t25\t10\t65\tKhá\n\n"
          "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n")


def _run(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in ("REPORTGEN_DEBUG", SCHEMES_ENV)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture()
def files(tmp_path):
    folder = tmp_path / "bo-chi-so"
    folder.mkdir()
    (folder / "tinh-y.toml").write_text(SCHEME, encoding="utf-8")
    report = tmp_path / "bc.txt"
    report.write_text(REPORT, encoding="utf-8")
    return folder, report


def _problems(text):
    return [(p.line, p.key, p.message) for p in check_scheme_text(text, "x.toml")]


def test_every_shipped_scheme_passes_the_validator():
    for scheme in shipped_schemes().values():
        assert check_scheme_file(scheme.path) == [], scheme.name


def test_a_valid_file_has_no_problem_and_loads():
    assert _problems(SCHEME) == []


def test_a_misspelt_key_is_named_with_its_line():
    text = SCHEME.replace('max = 20\nwords = ["khảo sát', 'maxx = 20\nwords = ["khảo sát')
    found = _problems(text)
    assert (21, "maxx") == found[0][:2] and "không có trong định dạng (chỉ số thứ 3)" in found[0][2]
    assert found[1] == (18, None, "thiếu khóa bắt buộc “max” (chỉ số thứ 3)")  # the block's [[indicators]] line


def test_a_value_of_the_wrong_type_or_choice_is_named_with_its_line():
    text = SCHEME.replace("max = 40\nwords = [\"tiếp", "max = \"bốn mươi\"\nwords = [\"tiếp").replace(
        'grade_on = "percent"', 'grade_on = "phan-tram"')
    assert [(line, key) for line, key, _ in _problems(text)] == [(4, "grade_on"), (9, "max")]


def test_maxima_that_do_not_add_up_to_the_total_are_refused():
    found = _problems(SCHEME.replace("total_max = 100", "total_max = 90"))
    assert found == [(3, "total_max", "tổng điểm tối đa của các chỉ số là 100, khác total_max = 90")]


def test_toml_syntax_errors_give_the_line():
    found = _problems('name = "x"\ntitle = "không đóng ngoặc\n')
    assert found[0][0] == 2 and found[0][2].startswith("sai cú pháp TOML")


def test_an_unknown_group_and_a_duplicate_key_are_refused():
    text = SCHEME.replace('key = "dung_han"', 'key = "tiep_nhan"').replace(
        'label = "Khảo sát hài lòng"', 'label = "Khảo sát hài lòng"\ngroup = "khong_co"')
    text += '\n[[groups]]\nkey = "nhom"\nlabel = "Nhóm"\n'
    assert _problems(text) == [
        (13, "key", "mã chỉ số “tiep_nhan” bị trùng (đã có ở chỉ số thứ 1)"),
        (21, "group", "chỉ số “hai_long” thuộc nhóm “khong_co” nhưng không có nhóm nào mang mã đó (các nhóm: nhom)")]


def test_load_scheme_file_raises_one_error_listing_every_problem(tmp_path):
    path = tmp_path / "sai.toml"
    path.write_text(SCHEME.replace("total_max = 100", "total_max = 90").replace('min = 80', 'min = 180'),
                    encoding="utf-8")
    with pytest.raises(SchemeError) as exc:
        load_scheme_file(path)
    text = str(exc.value)
    assert f"{path}, dòng 3: tổng điểm tối đa" in text and "phải từ 0 đến 100" in text


def test_verify_with_the_users_scheme_finds_the_slip(files):
    folder, report = files
    without = _run("verify", str(report), "--format", "json")
    assert [f["code"] for f in json.loads(without.stdout)["findings"]
            if f["severity"] == "error"] == []
    with_file = _run("verify", str(report), "--format", "json", "--scheme-file", str(folder / "tinh-y.toml"))
    assert with_file.returncode == 1, with_file.stderr
    errors = [(f["code"], f["unit"], f["reported"], f["expected"])
              for f in json.loads(with_file.stdout)["findings"] if f["severity"] == "error"]
    assert errors == [("TOTAL_MISMATCH", "Phòng Tư pháp", "70", "75")]
    extract = json.loads(_run("extract", str(report), "--scheme-file", str(folder)).stdout)
    assert [(t["scheme"], t["kind"], len(t["rows"])) for t in extract["tables"]] == [("tinh-y-2025", "scores", 3)]


def test_a_bad_scheme_file_stops_before_reading_with_exit_2(files, tmp_path):
    _, report = files
    bad = tmp_path / "sai.toml"
    bad.write_text(SCHEME.replace("total_max = 100", "total_maxx = 100"), encoding="utf-8")
    out = _run("verify", str(report), "--scheme-file", str(bad))
    assert out.returncode == 2 and out.stdout == "" and "Traceback" not in out.stderr
    assert f"{bad}, dòng 3: khóa “total_maxx” không có trong định dạng" in out.stderr
    clash = tmp_path / "trung.toml"
    clash.write_text(SCHEME.replace('name = "tinh-y-2025"', 'name = "qd766-2022"'), encoding="utf-8")
    out = _run("verify", str(report), "--scheme-file", str(clash))
    assert out.returncode == 2 and "trùng với bộ chỉ số có sẵn" in out.stderr


def test_schemes_check_reports_each_file(files, tmp_path):
    folder, _ = files
    (folder / "sai.toml").write_text(SCHEME.replace('name = "Khá"', 'nam = "Khá"'), encoding="utf-8")
    out = _run("schemes", "check", str(folder))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[0] == f"KHÔNG HỢP LỆ  {folder / 'sai.toml'}"
    assert re.search(r"dòng 29: khóa “nam” không có trong định dạng \(mức xếp loại thứ 2\)", lines[1])
    assert lines[-2].startswith(f"HỢP LỆ  {folder / 'tinh-y.toml'}: tinh-y-2025 – 3 chỉ số, tổng 100 điểm")
    assert lines[-1] == "Kết quả: 1/2 tệp hợp lệ."
    assert _run("schemes", "check", str(folder / "tinh-y.toml")).returncode == 0
    missing = _run("schemes", "check", str(tmp_path / "khong-co.toml"))
    assert missing.returncode == 2 and "Không tìm thấy tệp bộ chỉ số" in missing.stderr


def test_the_catalogue_is_the_shipped_one_unless_asked(monkeypatch, files):
    folder, _ = files
    monkeypatch.delenv(SCHEMES_ENV, raising=False)
    assert set(all_schemes()) == set(shipped_schemes())
    monkeypatch.setenv(SCHEMES_ENV, str(folder))
    assert set(all_schemes()) == set(shipped_schemes()) | {"tinh-y-2025"}


CRITERION = '''
[[criteria]]
key = "dung_han_ho_so"
max = 4
threshold = 80
names = ["Tỷ lệ hồ sơ trả kết quả đúng hạn"]
'''


def test_a_criterion_a_list_of_indicators_names_loads_with_its_maximum_and_threshold(tmp_path):
    assert _problems(SCHEME + CRITERION) == []
    path = tmp_path / "y.toml"
    path.write_text(SCHEME + CRITERION, encoding="utf-8")
    (crit,) = load_scheme_file(path).criteria
    assert (crit.key, crit.max, crit.threshold, crit.names) == ("dung_han_ho_so", 4, 80,
                                                                 ("Tỷ lệ hồ sơ trả kết quả đúng hạn",))


def test_a_criterion_threshold_out_of_0_100_and_an_empty_list_of_names_are_refused():
    text = SCHEME + CRITERION.replace("threshold = 80", "threshold = 180").replace(
        'names = ["Tỷ lệ hồ sơ trả kết quả đúng hạn"]', "names = []")
    assert [(key, message) for _, key, message in _problems(text)] == [
        ("threshold", "ngưỡng của chỉ tiêu “dung_han_ho_so” là phần trăm, phải lớn hơn 0 và không quá 100"),
        ("names", "chỉ tiêu “dung_han_ho_so” chưa có tên nào (names)")]
