"""Numbers of a scanned table put back from their column and their image
(parsers/ocr_numbers.py): section numbers I, II read as '1' above a run
1, 2 …; the slash of an x/y cell OCR lost, where the image has one tall
glyph more than the digits read and one place only gives x ≤ y."""
from __future__ import annotations

from parsers.ocr_numbers import _slash_restored, restore_roman
from reportgen.raw import RawCell, RawTable


def _table(numbers: list[str], confidence: float | None = 91.0) -> RawTable:
    rows = [[RawCell(text="STT", row=0, col=0), RawCell(text="Nội dung", row=0, col=1)]]
    rows += [[RawCell(text=n, row=i + 1, col=0, confidence=confidence),
              RawCell(text=f"Dòng {i + 1}", row=i + 1, col=1, confidence=confidence)] for i, n in enumerate(numbers)]
    return RawTable(index=0, rows=rows, header_rows=1)


def _first(table: RawTable) -> list[str]:
    return [row[0].text for row in table.rows[1:]]


def test_section_numbers_read_as_ones_above_a_run_are_roman():
    """Seed 004's table read from its scan: 'I', 'II', then 1 … 6."""
    table = _table(["1", "1", "1", "2", "3", "4", "5", "5.1", "6"])
    assert restore_roman(table) == 2
    assert _first(table) == ["I", "II", "1", "2", "3", "4", "5", "5.1", "6"]
    assert [row[0].confidence for row in table.rows[1:3]] == [50.0, 50.0]
    table = _table(["l", "1", "2", "11", "1", "2", "3"])
    assert restore_roman(table) == 2
    assert _first(table) == ["I", "1", "2", "II", "1", "2", "3"]


def test_ones_that_start_no_run_or_a_text_layers_cells_stay():
    """'1.' on every row (a list numbered so in the document), a plain run,
    and cells not read by OCR."""
    for numbers, confidence in [(["1.", "1.", "1.", "1."], 91.0), (["1", "2", "3", "4"], 91.0),
                                (["1", "1", "2", "3"], None)]:
        table = _table(numbers, confidence)
        assert restore_roman(table) == 0
        assert _first(table) == numbers


def test_a_lost_slash_goes_where_the_part_is_not_above_its_whole():
    # (tall glyphs in the image, places of the small marks after that many tall glyphs)
    assert _slash_restored("3,712", (5, [1]), ",") == "3,7/12"
    assert _slash_restored("212", (4, []), ",") == "2/12"
    assert _slash_restored("1212", (5, []), ",") is None  # 1/212 and 12/12: no one place
    assert _slash_restored("212", (3, []), ",") is None  # no glyph missing
    assert _slash_restored("2,5", (3, [1]), ",") is None
