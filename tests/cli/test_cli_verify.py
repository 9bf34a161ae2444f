"""`reportgen verify`: bad input never gives a traceback; seeds give their findings."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import S000, S002, SEEDS, reportgen


def _bad_inputs(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    noise = tmp_path / "nhieu.pdf.txt"
    noise.write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    folder = tmp_path / "thu_muc"
    folder.mkdir()
    broken_pdf = tmp_path / "hong.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4\n" + bytes((i * 31 + 7) % 256 for i in range(5000)))
    half_docx = tmp_path / "mot-nua.docx"
    half_docx.write_bytes(_small_docx_bytes(tmp_path)[:600])
    return {"missing": (str(tmp_path / "khong_co.txt"), "Không tìm thấy tệp"),
            "empty": (str(empty), "Tệp rỗng"),
            "random bytes": (str(noise), "không phải văn bản"),
            "directory": (str(folder), "thư mục"),
            "broken pdf": (str(broken_pdf), "PDF bị hỏng"),
            "truncated docx": (str(half_docx), "không phải DOCX, XLSX, ODT hay ODS")}


def _small_docx_bytes(tmp_path) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Báo cáo kết quả đánh giá " * 20)
    path = tmp_path / "nho.docx"
    doc.save(path)
    data = path.read_bytes()
    path.unlink()
    return data


@pytest.mark.parametrize("kind", ["missing", "empty", "random bytes", "directory", "broken pdf", "truncated docx"])
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


@pytest.mark.parametrize("command", ["verify", "extract"])
def test_unknown_scheme_option_exits_2(command):
    out = reportgen(command, "--scheme", "khong-co", S002)
    assert out.returncode == 2 and out.stdout == ""
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
    assert set(doc) == {"source", "ok", "verdict", "coverage", "findings"}
    assert doc["ok"] is False
    assert doc["verdict"] == "KHÔNG ĐẠT"
    # One score table of 26 units, every numeric cell checked; 9 claims, all checked (the
    # "5/10" of "chấm điểm đánh giá 5/10 cơ quan" is the figure of its evaluated count).
    assert doc["coverage"]["tables"] == {"checked": 1, "total": 1}
    assert doc["coverage"]["cells"] == {"checked": 288, "total": 288}
    assert doc["coverage"]["claims"] == {"checked": 9, "total": 9, "external": 0}
    # The scheme's relations and those the table shows itself (reportgen.checks.relations*).
    assert doc["coverage"]["by_table"][0]["relations"] == [
        "grade-band", "grade-follows-bands", "max-sum", "percent-at-most-100", "percent-equals-part-over-whole",
        "percent-ratio", "score-max", "total-sum", "value-at-most-header-max", "value-at-most-row-max"]
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


def test_annotate_of_a_text_file_is_refused_without_writing_anything(tmp_path):
    target = tmp_path / "ra.docx"
    out = reportgen("verify", "--annotate", str(target), S002)
    assert out.returncode == 2
    assert "Chỉ chú thích được tệp Word hoặc OpenDocument" in out.stderr and "Traceback" not in out.stderr
    assert list(tmp_path.iterdir()) == []


def _seed_000_docx(path):
    from docx import Document

    doc = Document()
    doc.add_paragraph("Phụ lục I")
    rows = [line.split("\t") for line in Path(S000).read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if len(r) == 20 and r[0].strip().isdigit()][:3]
    header = ["STT", "TÊN CƠ QUAN, ĐƠN VỊ", "Chỉ số 1 (6đ)", "Chỉ số 2 (4đ)", "Chỉ số 3 (2đ)", "Chỉ số 4 (6đ)",
              "Chỉ số 5 (24đ)", "DVC trực tuyến (12đ)", "Thanh toán trực tuyến (10đ)", "Chỉ số 12 (6đ)",
              "Chỉ số 13 (4đ)", "Chỉ số 14 (2đ)", "Chỉ số 15 (2đ)", "Chỉ số 16 (4đ)", "Chỉ số 17 (6đ)",
              "Chỉ số 18 (6đ)", "Chỉ số 19 (6đ)", "TỔNG ĐIỂM ĐẠT ĐƯỢC", "TỶ LỆ ĐIỂM ĐẠT ĐƯỢC (%)", "XẾP LOẠI"]
    table = doc.add_table(rows=1 + len(rows), cols=20)
    for i, row in enumerate([header, *rows]):
        for j, text in enumerate(row):
            table.cell(i, j).text = text.strip()
    doc.save(path)


def test_annotate_writes_a_commented_copy_and_still_prints_the_findings(tmp_path):
    import zipfile

    src, target = tmp_path / "bc.docx", tmp_path / "ra" / "bc-chu-thich.docx"
    _seed_000_docx(src)
    before = src.read_bytes()
    out = reportgen("verify", "--format", "json", "--annotate", str(target), str(src))
    assert out.returncode == 1, out.stderr
    assert [f["code"] for f in json.loads(out.stdout)["findings"] if f["severity"] == "error"] == ["MAX_MISMATCH"]
    with zipfile.ZipFile(target) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "Lỗi (MAX_MISMATCH): Điểm tối đa ghi 62 nhưng các chỉ số áp dụng cộng được 60" in comments
    assert "đã ghi 3 chú thích vào" in out.stderr  # the error, a warning, and the ND30 layout (LAYOUT_*)
    assert src.read_bytes() == before


def test_annotate_over_the_source_is_refused(tmp_path):
    src = tmp_path / "bc.docx"
    _seed_000_docx(src)
    before = src.read_bytes()
    out = reportgen("verify", "--annotate", str(src), str(src))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert src.read_bytes() == before


@pytest.mark.parametrize("command", [["verify"], ["extract"], ["schemes"], ["schemes", "show"]])
def test_help_is_in_vietnamese(command):
    out = reportgen(*command, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith("Cách dùng: reportgen ")
    assert "in trợ giúp này rồi thoát" in out.stdout
    assert "usage:" not in out.stdout and "show this help" not in out.stdout


def test_text_of_several_files_ends_with_a_count_of_passes_and_failures():
    s004 = str(SEEDS / "004_4fe8e530b83874ca.txt")
    out = reportgen("verify", S002, s004)
    assert out.returncode == 1
    assert out.stdout.count("Tệp: ") == 2
    # Seed 004's tables are all checked, but two figures of its prose ("Tỷ lệ hồ sơ trực
    # tuyến/tổng hồ sơ tiếp nhận đạt 52.39%", "100% hồ sơ tiếp nhận … được …") have
    # nothing in the document to be checked against.
    assert out.stdout.strip().splitlines()[-1] == "Tổng cộng 2 tệp: 0 đạt, 1 không đạt, 1 chưa kiểm tra hết."
