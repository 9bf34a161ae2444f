"""`reportgen draft`: the command, its metadata file, per-unit notices, bad
input (exit 2, nothing written) and the ND30 number and date lines."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from fixtures import REAL_DIR
from reportgen.draft.inputs import prepared
from reportgen.draft.metadata import BLANK, load_meta, meta_from_dict
from reportgen.draft.perunit import slug, write_per_unit
from reportgen.draft.synthetic import synthetic_data
from reportgen.raw import UnreadableInput
from reportgen.schemes import load_scheme

from support import SEEDS, reportgen as run

S000 = str(SEEDS / "000_1f102cd1bcb19e59.txt")
PORTAL = str(REAL_DIR / "portal-766-2025-10.xlsx")


def reportgen(*args, cwd=None):
    # no archive: a user's never leaks in
    return run(*args, cwd=cwd, env={"REPORTGEN_DB": "sqlite:////nonexistent/reportgen-tests.sqlite3"})


# --- ND30 lines -----------------------------------------------------------------

@pytest.mark.parametrize("date, expected", [
    ("2025-01-05", "ngày 05 tháng 01 năm 2025"),
    ("2023-08-17", "ngày 17 tháng 8 năm 2023"),
    ("2024-02-09", "ngày 09 tháng 02 năm 2024"),
    ("2023-03-08", "ngày 08 tháng 3 năm 2023"),
    ("2025-12-31", "ngày 31 tháng 12 năm 2025"),
])
def test_dates_take_leading_zeros_only_for_days_below_ten_and_months_one_and_two(date, expected):
    assert meta_from_dict({"date": date}).date_text == expected


def test_a_month_without_day_leaves_the_day_blank():
    meta = meta_from_dict({"date": "01/2025", "place": "Điện Biên"})
    assert meta.date_line == f"Điện Biên, ngày {BLANK} tháng 01 năm 2025"


def test_number_line_keeps_the_symbol_and_blanks_the_number():
    assert meta_from_dict({"symbol": "BC-VPUB"}).number_line == f"{BLANK}/BC-VPUB"
    assert meta_from_dict({"number": "405/BC-UBND"}).number_line == "405/BC-UBND"
    assert meta_from_dict({"number": "7", "symbol": "TB-VPUBND", "doc_type": "TB"}).number_line == "07/TB-VPUBND"


def test_authority_splits_into_bold_lines():
    meta = meta_from_dict({"authority": "KT. Chánh Văn phòng / Phó Chánh Văn phòng"})
    assert meta.authority_lines == ["KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]


def test_metadata_reads_toml_and_yaml_alike(tmp_path):
    toml = tmp_path / "m.toml"
    toml.write_text('issuer = "Văn phòng UBND tỉnh"\nplace = "Điện Biên"\ndate = 2025-01-05\n'
                    'recipients = ["Chủ tịch UBND tỉnh (b/c)"]\n', encoding="utf-8")
    yaml = tmp_path / "m.yaml"
    yaml.write_text("issuer: Văn phòng UBND tỉnh\nplace: Điện Biên\ndate: 2025-01-05\n"
                    "recipients:\n  - Chủ tịch UBND tỉnh (b/c)\n", encoding="utf-8")
    a, b = load_meta(toml), load_meta(yaml)
    assert a.date == b.date == dt.date(2025, 1, 5)
    assert a.recipients == b.recipients == ["Chủ tịch UBND tỉnh (b/c)"]


def test_unknown_metadata_keys_are_refused_with_the_valid_ones(tmp_path):
    bad = tmp_path / "m.toml"
    bad.write_text('nguoi_ky = "A"\n', encoding="utf-8")
    with pytest.raises(UnreadableInput) as err:
        load_meta(bad)
    assert "nguoi_ky" in str(err.value) and "signer" in str(err.value)


# --- per-unit notices -----------------------------------------------------------------

def test_per_unit_notices_carry_each_units_own_scores_rank_and_weakest(tmp_path):
    scheme = load_scheme("qd766-2022")
    data = prepared(synthetic_data(scheme, sizes=(30,)))
    paths = write_per_unit(data, meta_from_dict({"doc_type": "TB", "signer": "Lê Thanh Bình"}), tmp_path)
    assert len(paths) == 30 and all(p.is_file() for p in paths)
    row = data.tables[0].rows[4]
    document = docx.Document(str(paths[4]))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith(f"Tháng 10/2025, {row.unit} đạt ") and f"xếp hạng {row.rank}/30" in t for t in texts)
    ckmb = row.scores["ckmb"]
    from reportgen.numbers import format_vi

    assert f"- Công khai, minh bạch: {format_vi(ckmb)}/18 điểm;" in texts
    assert any(t.startswith("Các chỉ số đạt thấp cần tập trung khắc phục:") or t.startswith("Tất cả các chỉ số")
               for t in texts)
    assert [p.text.split(" ", 1)[0] for p in document.paragraphs if p.style.name == "RG Muc 1"] == ["I.", "II.", "III."]


def test_file_names_drop_the_accents():
    assert slug("UBND xã Đông Thái - tỉnh An Giang") == "ubnd-xa-dong-thai-tinh-an-giang"


# --- the command -----------------------------------------------------------------------

def test_draft_command_writes_the_docx_and_lists_the_slips(tmp_path):
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", S000, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert "Đã sửa 2 số liệu ghi sai" in proc.stdout
    assert "Thanh tra tỉnh: điểm tối đa ghi 62, đúng là 60" in proc.stdout


def test_draft_from_the_portal_export_per_unit(tmp_path):
    proc = reportgen("draft", PORTAL, "--per-unit", "--outdir", str(tmp_path / "tb"))
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "tb").glob("*.docx"))) == 117


@pytest.mark.parametrize("args, words", [
    (["khong-co.xlsx"], "Không tìm thấy tệp"),
    ([S000, "--scheme", "khong-co"], "Không có bộ chỉ số"),
    ([S000, "--per-unit"], "--outdir"),
    ([S000, "-o", "ra.pdf"], ".docx"),
    ([S000, "--template", "khong-co"], "Không tìm thấy mẫu"),
])
def test_bad_input_gives_a_vietnamese_message_exit_2_and_no_file(tmp_path, args, words):
    proc = reportgen("draft", *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_sheet_that_is_not_a_score_sheet_is_refused(tmp_path):
    sheet = tmp_path / "khac.csv"
    sheet.write_text("Họ tên,Tuổi\nA,30\n", encoding="utf-8")
    proc = reportgen("draft", str(sheet), cwd=tmp_path)
    assert proc.returncode == 2 and "Không nhận ra bộ chỉ số" in proc.stderr


def test_a_csv_score_sheet_by_indicator_keys(tmp_path):
    sheet = tmp_path / "diem.csv"
    sheet.write_text("Tên đơn vị,Nhóm,ckmb,tdgq,clgq,tttt,mdhl,mdsh,Ghi chú\n"
                     "Sở Tư pháp,Các sở,18,19.5,10,9,18,20,\n"
                     "Sở Y tế,Các sở,17,20,11,10,18,21.5,\n"
                     "Sở Nội vụ,Các sở,,,,,,,không phát sinh hồ sơ\n", encoding="utf-8")
    out = tmp_path / "tb.docx"
    proc = reportgen("draft", str(sheet), "--type", "TB", "--period", "2025-10", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("Thực hiện đánh giá đối với 2/3 cơ quan") for t in texts)
    assert "- 02 cơ quan xếp loại Xuất sắc: Sở Y tế, Sở Tư pháp." in texts


def test_previous_period_gives_the_change_of_rank(tmp_path):
    header = "Tên đơn vị,ckmb,tdgq,clgq,tttt,mdhl,mdsh\n"
    before = tmp_path / "thang9.csv"
    before.write_text(header + "Sở Tư pháp,18,20,12,10,18,22\nSở Y tế,10,15,6,5,12,10\n"
                      "Sở Nội vụ,12,15,6,5,12,11\n", encoding="utf-8")
    now = tmp_path / "thang10.csv"
    now.write_text(header + "Sở Tư pháp,12,15,6,5,12,10\nSở Y tế,18,20,12,10,18,22\n"
                   "Sở Nội vụ,12,15,6,5,12,11\n", encoding="utf-8")
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", str(now), "--previous", str(before), "--period", "2025-10", "-o", str(out),
                     cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "- Sở Y tế: tăng từ vị trí 3/3 lên 1/3, tỷ lệ điểm đạt tăng từ 58% lên 100%." in texts
    assert "- Sở Tư pháp: giảm từ vị trí 1/3 xuống 3/3, tỷ lệ điểm đạt giảm từ 100% xuống 60%." in texts


def test_the_json_of_extract_drafts_the_same_counts(tmp_path):
    extracted = reportgen("extract", S000, "--format", "json")
    assert extracted.returncode == 0, extracted.stderr
    source = tmp_path / "s000.json"
    source.write_text(extracted.stdout, encoding="utf-8")
    out = tmp_path / "bc.docx"
    proc = reportgen("draft", str(source), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Thực hiện đánh giá đối với 17/19 cơ quan. Kết quả:" in texts
    assert "Thanh tra tỉnh: điểm tối đa ghi 62, đúng là 60" in proc.stdout
