"""Every draft `reportgen draft` writes from the inputs a user has at hand
(the seeds, fixtures/examples, the portal's real 766 export) verifies ĐẠT,
exit 0: nothing it states is left unchecked, no error, no layout finding.
The drafts are made with the CLI as a user runs it, and verified by the CLI."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import REAL_DIR, SEEDS_DIR
from reportgen.cli import main
from reportgen.verify import verify_path

from support import ROOT

EXAMPLES = ROOT / "fixtures" / "examples"
PORTAL = REAL_DIR / "portal-766-2025-10.xlsx"

CASES = [(f"portal-{kind}", [str(PORTAL), "--type", kind]) for kind in ("BC", "TB", "CV")]
CASES += [(f"examples-xlsx-{kind}", [str(EXAMPLES / "bang-diem.xlsx"), "--meta", str(EXAMPLES / "meta.toml"),
                                     "--type", kind]) for kind in ("BC", "TB", "CV")]
CASES += [(f"examples-csv-{kind}", [str(EXAMPLES / "bang-diem.csv"), "--period", "2025-10", "--meta",
                                    str(EXAMPLES / "meta.yaml"), "--type", kind]) for kind in ("BC", "TB", "CV")]
# every seed; one without a score table drafts nothing (exit 2, a clear message): skipped
SEEDS = sorted(p.name for p in SEEDS_DIR.glob("*.txt"))


def _seed_cases():
    out = []
    for name in SEEDS:
        for kind in ("BC", "TB", "CV"):
            out.append((f"seed-{name[:3]}-{kind}", [str(SEEDS_DIR / name), "--type", kind]))
    return out


def _draft(tmp_path: Path, args: list[str]) -> Path | None:
    out = tmp_path / "draft.docx"
    status = main(["draft", *args, "-o", str(out)])
    if status == 2 and not out.exists():
        return None
    assert status == 0, args
    return out


def _national(f) -> bool:
    """The province's own score and rank among the 34 provinces, restated
    from the portal's export: no table of the document holds them, so a
    verifier cannot check them and says so (CLAIM_UNCHECKED)."""
    return f.code == "CLAIM_UNCHECKED" and "/34" in f.message and "/100" in f.message


def _assert_passes(path: Path, national: bool = False) -> None:
    result = verify_path(path)
    left = [(f.code, f.message) for f in result.findings if str(f.severity) != "info" and not _national(f)]
    assert left == [], left
    if national and any(_national(f) for f in result.findings):
        assert (result.verdict, result.exit_status) == ("CHƯA KIỂM TRA HẾT", 3)
        assert main(["verify", str(path)]) == 3
        return
    assert result.verdict == "ĐẠT" and result.exit_status == 0
    assert main(["verify", str(path)]) == 0


@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_drafts_of_the_examples_and_the_real_export_verify_passed(tmp_path, name, args):
    """Everything a draft states is checked, except, in a draft from the
    portal's export, the province's national score and rank (see _national)."""
    path = _draft(tmp_path, args)
    assert path is not None, name
    _assert_passes(path, national=name.startswith("portal"))


@pytest.mark.parametrize("name,args", _seed_cases(), ids=[c[0] for c in _seed_cases()])
def test_drafts_of_the_seeds_verify_passed(tmp_path, name, args):
    path = _draft(tmp_path, args)
    if path is None:
        pytest.skip("this seed holds no score table to draft from")
    _assert_passes(path)


def test_the_rank_of_the_province_is_stated_and_not_misread_as_a_count(tmp_path):
    """The BC states the province's score and rank among 34 (the drafts' first
    result); 'xếp hạng 13/34 tỉnh, thành phố, xếp loại Tốt' is a rank, never
    '13 of 34 units graded Tốt'."""
    path = _draft(tmp_path, [str(PORTAL), "--type", "BC"])
    result = verify_path(path)
    para = next(p.text for p in result.report.paragraphs if "xếp hạng 13/34" in p.text)
    assert "86,74/100 điểm" in para
    kinds = [st.kind for st in result.report.statements if "13/34" in st.text or st.text == "13/34"]
    assert kinds == ["rank"]


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every draft of the cases above that drafts, converted by LibreOffice in one run."""
    from reportgen.draft.pdf import convert

    folder = tmp_path_factory.mktemp("pdf")
    files = []
    for name, args in CASES + _seed_cases():
        out = folder / f"{name}.docx"
        if main(["draft", *args, "-o", str(out)]) == 0:
            files.append(out)
    return convert(files, folder)


def test_the_pdfs_of_every_draft_verify_passed(pdfs):
    """The PDF of each draft (LibreOffice, Liberation Serif for Times New Roman
    on a machine without it) verifies ĐẠT, exit 0; the only layout word is the
    note that the font is a metric clone of Times New Roman."""
    assert len(pdfs) >= len(CASES) + 2
    for path in pdfs:
        result = verify_path(path)
        left = [(f.code, f.message) for f in result.findings if not _national(f) and (
                str(f.severity) != "info" or not (f.code == "LAYOUT_FONT" and "phông thay thế" in f.message))]
        assert left == [], (path.name, left)
        national = any(_national(f) for f in result.findings)
        assert not national or path.name.startswith("portal"), path.name
        assert result.verdict == ("CHƯA KIỂM TRA HẾT" if national else "ĐẠT"), path.name


# Other provinces, other unit lists: names made of random syllables, table
# sizes from a few units to a whole province's communes, monthly, quarterly
# and yearly periods, every scheme shipped.
_SYLLABLES = ["An", "Bình", "Cát", "Đông", "Ea", "Hà", "Hòa", "Khánh", "Lạc", "Long", "Mỹ", "Nghĩa", "Phú",
              "Quang", "Sơn", "Tân", "Thạnh", "Trung", "Vĩnh", "Xuân", "Yên", "Ia", "Đắk", "Nậm", "Pa"]
PROVINCES = [("Lào Cai", "qd766-2022", (9, 57), "2025-03", 11), ("Cà Mau", "dienbien-2024", (4, 31), "2024-Q2", 12),
             ("Quảng Ngãi", "tt01-2018", (15, 8), "2025", 13), ("Đắk Lắk", "dienbien-2023", (22, 102), "2023-11", 14)]


def _generated(scheme_name: str, sizes, period: str, seed: int):
    import random

    from reportgen.draft.synthetic import rows_for, synthetic_data
    from reportgen.schemes import all_schemes

    rnd = random.Random(seed)
    used: set[str] = set()

    def fresh(prefix: str) -> str:
        while True:
            name = f"{prefix} {rnd.choice(_SYLLABLES)} {rnd.choice(_SYLLABLES).lower()}".replace(" ea", " Ea")
            name = " ".join(w[:1].upper() + w[1:] for w in name.split(" "))
            if name not in used:
                used.add(name)
                return name

    scheme = all_schemes()[scheme_name]
    data = synthetic_data(scheme, sizes=sizes, period=period, seed=seed)
    for index, dt in enumerate(data.tables):
        prefix = ("Ban Quản Lý", "UBND Xã")[index % 2]
        names = [fresh(prefix).replace("Ban Quản Lý", "Ban Quản lý").replace("UBND Xã", "UBND xã")
                 for _ in dt.table.rows]
        dt.table.rows[:] = rows_for(scheme, len(names), seed + index, lambda i, names=names: names[i])
    return data


@pytest.mark.parametrize("province,scheme,sizes,period,seed", PROVINCES, ids=[p[0] for p in PROVINCES])
def test_drafts_of_generated_provinces_verify_passed(tmp_path, province, scheme, sizes, period, seed):
    """Each kind of draft of another province's generated score sheet, as DOCX
    and as its LibreOffice PDF, verifies ĐẠT, exit 0, with no layout finding; no paragraph names more units than
    the threshold, and none names a file or a sheet."""
    import re

    from reportgen.draft import build_draft
    from reportgen.draft.inputs import prepared
    from reportgen.draft.metadata import meta_from_dict
    from reportgen.draft.narrative import NAME_THRESHOLD

    data = prepared(_generated(scheme, sizes, period, seed))
    names = [r.unit for dt in data.tables for r in dt.rows]
    assert len(set(names)) == sum(sizes)
    meta = {"parent": f"UBND tỉnh {province}", "issuer": "Văn phòng UBND tỉnh", "place": province,
            "number": str(seed), "signer": "Trần Thị Minh", "deadline": "trong tháng sau"}
    drafts = []
    for kind in ("BC", "TB", "CV"):
        result = build_draft(data, meta_from_dict({**meta, "doc_type": kind}))
        path = tmp_path / f"{kind}.docx"
        result.save(path)
        drafts.append(path)
        _assert_passes(path)
        for text in (p.text for p in result.document.paragraphs):
            named = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
            assert len(set(named)) <= NAME_THRESHOLD, (kind, text)
            assert not re.search(r"\.xlsx|\.csv|synthetic|trang “|dòng \d", text), text
    from reportgen.draft.pdf import convert

    for pdf in convert(drafts, tmp_path / "pdf"):  # LibreOffice, one process for the three
        result = verify_path(pdf)
        assert [(f.code, f.message) for f in result.findings if str(f.severity) != "info"] == [], pdf.name
        assert (result.verdict, result.exit_status) == ("ĐẠT", 0)
