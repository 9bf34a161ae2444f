"""A maximum on a header's second line ("Lĩnh vực 1" over "Tối đa 10") ends
the joined label bare: it is the column's maximum, as "(tối đa 10)" is; a
maximum column's own header ("Điểm tối đa") and a count's limit in another
unit ("Số lần tối đa 3 lần") are none."""
from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.text.headers import max_in


@pytest.mark.parametrize("label, maximum", [
    ("Lĩnh vực 1 Tối đa 10", Decimal(10)), ("Lĩnh vực 2 Tối đa: 8", Decimal(8)),
    ("Lĩnh vực 1 (tối đa 10)", Decimal(10)),
    ("Tối đa 2,5 điểm", Decimal("2.5")), ("Điểm tối đa", None), ("Số lần tối đa 3 lần", None),
])
def test_a_maximum_ending_a_header_is_read(label, maximum):
    assert max_in(label) == maximum
