"""A small evaluator of spreadsheet formulas in Decimal, enough to check the
cached value of the formulas score sheets use: numbers, cell references
(``C5``, ``$C$5``), ranges (``C5:M5``), ``+ - * / ^``, unary minus, ``%``,
parentheses and the functions SUM, ROUND, ROUNDUP, ROUNDDOWN, AVERAGE, MIN,
MAX, ABS. Anything else (text, other sheets, unknown functions) raises
:class:`Unsupported`, and the caller leaves that formula unchecked.
"""
from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, DivisionByZero, InvalidOperation
from typing import Callable

from openpyxl.utils.cell import column_index_from_string


class Unsupported(Exception):
    pass


_TOKEN = re.compile(r"""
    \s*(?:
      (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
    | (?P<range>\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)
    | (?P<ref>\$?[A-Za-z]{1,3}\$?\d+)(?![\w(!])
    | (?P<func>[A-Za-z][A-Za-z0-9.]*)\s*\(
    | (?P<op>[-+*/^(),;%])
    | (?P<other>\S)
    )""", re.VERBOSE)

_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")

Lookup = Callable[[int, int], "Decimal | str | None"]  # (row, col) 1-based → value


def _cell(ref: str) -> tuple[int, int]:
    m = _CELL.fullmatch(ref)
    return int(m.group(2)), column_index_from_string(m.group(1).upper())


def _tokens(formula: str) -> list[tuple[str, str]]:
    out = []
    pos = 0
    text = formula.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        kind = m.lastgroup
        if kind == "other":
            raise Unsupported(m.group(kind))
        out.append((kind, m.group(kind)))
        pos = m.end()
    if text[pos:].strip():
        raise Unsupported(text[pos:])
    return out


class _Parser:
    MAX_RANGE = 100_000

    def __init__(self, tokens, lookup: Lookup):
        self.t = tokens
        self.i = 0
        self.lookup = lookup

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expect(self, value: str):
        kind, v = self.take()
        if v != value:
            raise Unsupported(f"expected {value}")

    # expression grammar: add → mul → pow → unary → postfix(%) → atom
    def expr(self) -> Decimal:
        value = self.mul()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            rhs = self.mul()
            value = value + rhs if op == "+" else value - rhs
        return value

    def mul(self) -> Decimal:
        value = self.pow()
        while self.peek()[1] in ("*", "/"):
            op = self.take()[1]
            rhs = self.pow()
            if op == "*":
                value = value * rhs
            else:
                if rhs == 0:
                    raise Unsupported("division by zero")
                value = value / rhs
        return value

    def pow(self) -> Decimal:
        value = self.unary()
        while self.peek()[1] == "^":
            self.take()
            exp = self.unary()
            if exp != exp.to_integral_value():
                raise Unsupported("fractional power")
            value = value ** int(exp)
        return value

    def unary(self) -> Decimal:
        if self.peek()[1] in ("-", "+"):
            op = self.take()[1]
            v = self.unary()
            return -v if op == "-" else v
        v = self.atom()
        while self.peek()[1] == "%":
            self.take()
            v = v / 100
        return v

    def scalar(self, value) -> Decimal:
        if value is None or value == "":
            return Decimal(0)
        if isinstance(value, Decimal):
            return value
        raise Unsupported("text in arithmetic")

    def atom(self) -> Decimal:
        kind, v = self.take()
        if kind == "num":
            return Decimal(v)
        if kind == "ref":
            return self.scalar(self.lookup(*_cell(v)))
        if kind == "op" and v == "(":
            value = self.expr()
            self.expect(")")
            return value
        if kind == "func":
            return self.call(v.upper())
        raise Unsupported(str(v))

    def values(self) -> list[Decimal]:
        """One argument of an aggregate: a range's numbers (text and blanks
        ignored, as spreadsheets do) or a scalar expression."""
        kind, v = self.peek()
        if kind == "range":
            self.take()
            a, b = v.split(":")
            (r1, c1), (r2, c2) = _cell(a), _cell(b)
            r1, r2 = sorted((r1, r2))
            c1, c2 = sorted((c1, c2))
            if (r2 - r1 + 1) * (c2 - c1 + 1) > self.MAX_RANGE:
                raise Unsupported("range too large")
            out = []
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    x = self.lookup(r, c)
                    if isinstance(x, Decimal):
                        out.append(x)
            return out
        after = self.t[self.i + 1][1] if self.i + 1 < len(self.t) else None
        if kind == "ref" and after in (",", ";", ")"):
            self.take()
            x = self.lookup(*_cell(v))
            return [x] if isinstance(x, Decimal) else []
        return [self.expr()]

    def args(self) -> list[list[Decimal]]:
        out = []
        if self.peek()[1] == ")":
            self.take()
            return out
        while True:
            out.append(self.values())
            kind, v = self.take()
            if v == ")":
                return out
            if v not in (",", ";"):
                raise Unsupported("bad argument list")

    def call(self, name: str) -> Decimal:
        args = self.args()
        flat = [x for a in args for x in a]
        if name == "SUM":
            return sum(flat, Decimal(0))
        if name in ("AVERAGE",):
            if not flat:
                raise Unsupported("average of nothing")
            return sum(flat, Decimal(0)) / len(flat)
        if name == "MIN":
            return min(flat) if flat else Decimal(0)
        if name == "MAX":
            return max(flat) if flat else Decimal(0)
        if name == "ABS" and len(args) == 1 and len(args[0]) == 1:
            return abs(args[0][0])
        if name in ("ROUND", "ROUNDUP", "ROUNDDOWN") and len(args) == 2 and len(args[0]) == 1 and len(args[1]) == 1:
            places = args[1][0]
            if places != places.to_integral_value():
                raise Unsupported("fractional places")
            mode = {"ROUND": ROUND_HALF_UP, "ROUNDUP": ROUND_UP, "ROUNDDOWN": ROUND_DOWN}[name]
            return args[0][0].quantize(Decimal(1).scaleb(-int(places)), rounding=mode)
        raise Unsupported(name)


def evaluate(formula: str, lookup: Lookup) -> Decimal:
    """The value of ``formula`` (with or without its leading '=') in Decimal.
    Raises :class:`Unsupported` for anything outside the small language."""
    text = formula[1:] if formula.startswith("=") else formula
    try:
        parser = _Parser(_tokens(text), lookup)
        value = parser.expr()
    except (InvalidOperation, DivisionByZero, OverflowError) as exc:
        raise Unsupported(str(exc)) from exc
    if parser.i != len(parser.t):
        raise Unsupported("trailing tokens")
    return value
