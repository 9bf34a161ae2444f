"""Scoring schemes as data: one TOML file per scheme (docs/schemes.md).

A scheme names its indicators (key, label, group, maximum, the header words
that identify it), its grade bands, its rounding and its tolerance. Adding a
province is adding a file; nothing here branches on a scheme's name.

The shipped schemes are in ``data/``. A user's own schemes join them through
``REPORTGEN_SCHEMES`` (files or folders of ``*.toml``, separated by
``os.pathsep``; ``--scheme-file`` sets it), so every reader, check and worker
process sees the same catalogue. A long-running process (the web server, a
job worker) adds a folder of schemes uploaded while it runs with
:func:`add_scheme_folder`: its files are looked at again on every call, so a
scheme saved a moment ago is known at once. Every file is validated first
(:mod:`.validate`): a bad one is a :class:`SchemeError` naming the key and line.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import SchemeError
from .validate import SchemeProblem, check_scheme_text

SCHEMES_ENV = "REPORTGEN_SCHEMES"

_ROUNDING = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN}


class UnknownScheme(SchemeError, KeyError):
    """No scheme of that name (the CLI names the known ones)."""


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    words: tuple[str, ...] = ()
    max: Decimal | None = None
    code: str | None = None  # portal export code (CKMB, TDGQ …)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    group: str | None
    max: Decimal
    words: tuple[str, ...] = ()  # header words that name it (lower case)
    threshold: Decimal | None = None  # 766 ratio at which full points are given
    scored: bool = True
    code: str | None = None


@dataclass(frozen=True)
class Criterion:
    """An indicator (chỉ tiêu) a unit's list of rates and points names row by
    row ("Tỷ lệ % | Điểm đánh giá"), which no table column carries: its
    maximum and, where the scheme states one, the rate at or above which it
    gives full points. ``names`` are the names as the lists write them."""

    key: str
    group: str | None
    max: Decimal
    names: tuple[str, ...]
    threshold: Decimal | None = None


@dataclass(frozen=True)
class GradeBand:
    name: str
    min: Decimal  # inclusive lower bound (percent, or points for absolute schemes)
    abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    basis: str
    total_max: Decimal
    indicators: tuple[Indicator, ...]
    groups: tuple[Group, ...] = ()
    grades: tuple[GradeBand, ...] = ()
    # 'percent' grades by total / applicable max × 100; 'points' by the total.
    grade_on: str = "percent"
    graded: bool = True
    ranked: bool = False
    dash_removes_max: bool = True
    places: int = 2  # decimals of totals and percents
    rounding: str = ROUND_HALF_UP
    # Differences up to this are rounding, never errors (percent points / points).
    tolerance: Decimal = Decimal("0.01")
    # A total rebuilt from parts each rounded to `places` may be off by this
    # much per part.
    part_tolerance: Decimal = Decimal("0.005")
    header_words: tuple[str, ...] = ()  # words in a table header that suggest it
    valid_from: str | None = None
    valid_to: str | None = None
    levels: tuple[str, ...] = ()
    notes: str = ""
    path: str = ""
    # True when the grade bands were not given by the document's scheme but
    # assumed (a scheme read from a table header): grade findings are warnings.
    grades_assumed: bool = False
    criteria: tuple[Criterion, ...] = ()

    def indicator(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)

    def group(self, key: str | None) -> Group | None:
        for g in self.groups:
            if g.key == key:
                return g
        return None

    @property
    def scored_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.scored)

    def grade_names(self) -> list[str]:
        return [g.name for g in self.grades]

    def canonical_grade(self, text: str | None) -> str | None:
        """The full grade name for a written grade ('XS', 'Trung\\nbình', 'TB')."""
        if not text:
            return None
        folded = " ".join(text.split()).casefold()
        for band in self.grades:
            names = (band.name, *band.abbreviations, *band.aliases)
            if any(folded == n.casefold() for n in names):
                return band.name
        return None


def _dec(value, default=None) -> Decimal | None:
    if value is None:
        return default
    return Decimal(str(value))


def _load(path: Path, text: str) -> Scheme:
    problems = check_scheme_text(text, str(path))
    if problems:
        raise SchemeError("Tệp bộ chỉ số không hợp lệ:\n" + "\n".join(f"  - {p}" for p in problems))
    data = tomllib.loads(text)
    groups = tuple(
        Group(key=g["key"], label=g["label"], words=tuple(w.casefold() for w in g.get("words", ())),
              max=_dec(g.get("max")), code=g.get("code"))
        for g in data.get("groups", ())
    )
    indicators = tuple(
        Indicator(key=i["key"], label=i["label"], group=i.get("group"), max=_dec(i["max"]),
                  words=tuple(w.casefold() for w in i.get("words", ())),
                  threshold=_dec(i.get("threshold")), scored=i.get("scored", True), code=i.get("code"))
        for i in data.get("indicators", ())
    )
    grades = tuple(
        GradeBand(name=g["name"], min=_dec(g["min"]), abbreviations=tuple(g.get("abbreviations", ())),
                  aliases=tuple(g.get("aliases", ())))
        for g in data.get("grades", ())
    )
    grades = tuple(sorted(grades, key=lambda g: g.min, reverse=True))
    criteria = tuple(
        Criterion(key=c["key"], group=c.get("group"), max=_dec(c["max"]), names=tuple(c["names"]),
                  threshold=_dec(c.get("threshold")))
        for c in data.get("criteria", ())
    )
    scheme = Scheme(
        name=data["name"],
        title=data["title"],
        basis=data.get("basis", ""),
        total_max=_dec(data["total_max"]),
        indicators=indicators,
        groups=groups,
        grades=grades,
        grade_on=data.get("grade_on", "percent"),
        graded=data.get("graded", bool(grades)),
        ranked=data.get("ranked", False),
        dash_removes_max=data.get("dash_removes_max", True),
        places=int(data.get("places", 2)),
        rounding=_ROUNDING[data.get("rounding", "half-up")],
        tolerance=_dec(data.get("tolerance"), Decimal("0.01")),
        part_tolerance=_dec(data.get("part_tolerance"), Decimal("0.005")),
        header_words=tuple(w.casefold() for w in data.get("header_words", ())),
        valid_from=data.get("valid_from"),
        valid_to=data.get("valid_to"),
        levels=tuple(data.get("levels", ())),
        notes=data.get("notes", ""),
        path=str(path),
        criteria=criteria,
    )
    _validate(scheme)
    return scheme


def _validate(scheme: Scheme) -> None:
    total = sum((i.max for i in scheme.scored_indicators), Decimal(0))
    if total != scheme.total_max:
        raise SchemeError(f"Bộ chỉ số {scheme.name}: tổng điểm tối đa các chỉ số là {total}, khác {scheme.total_max}")
    keys = [i.key for i in scheme.indicators]
    if len(keys) != len(set(keys)):
        raise SchemeError(f"Bộ chỉ số {scheme.name}: mã chỉ số bị trùng")
    group_keys = {g.key for g in scheme.groups}
    for ind in scheme.indicators:
        if ind.group is not None and group_keys and ind.group not in group_keys:
            raise SchemeError(f"Bộ chỉ số {scheme.name}: chỉ số {ind.key} thuộc nhóm không có: {ind.group}")


@lru_cache(maxsize=None)
def shipped_schemes() -> dict[str, Scheme]:
    """Every scheme shipped in ``reportgen/schemes/data``, by name."""
    out: dict[str, Scheme] = {}
    for entry in sorted(resources.files(__package__).joinpath("data").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            scheme = _load(Path(str(entry)), entry.read_text(encoding="utf-8"))
            out[scheme.name] = scheme
    return out


_FOLDERS: list[Path] = []  # folders added by add_scheme_folder, in this process


def add_scheme_folder(folder: str | Path) -> None:
    """Let the ``*.toml`` files of ``folder`` join the schemes of this process
    from now on, as they are at each call (a missing or empty folder adds
    nothing). For a server's uploaded schemes; idempotent."""
    path = Path(folder).resolve()
    if path not in _FOLDERS:
        _FOLDERS.append(path)


def _folder_stamp() -> tuple[tuple[str, int, int], ...]:
    """The added folders' scheme files with their change time and size: the
    cache key that makes a newly saved or replaced file count at once."""
    out = []
    for folder in _FOLDERS:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            try:
                st = path.stat()
            except OSError:
                continue  # removed between the listing and now
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


def all_schemes() -> dict[str, Scheme]:
    """The shipped schemes, the user's own (``REPORTGEN_SCHEMES``) and those of
    the folders added by :func:`add_scheme_folder`, by name."""
    spec = os.environ.get(SCHEMES_ENV, "").strip()
    stamp = _folder_stamp() if _FOLDERS else ()
    if not spec and not stamp:
        return shipped_schemes()
    return _with_user_schemes(spec, stamp)


@lru_cache(maxsize=8)
def _with_user_schemes(spec: str, stamp: tuple[tuple[str, int, int], ...] = ()) -> dict[str, Scheme]:
    out = dict(shipped_schemes())
    files = scheme_files([p for p in spec.split(os.pathsep) if p.strip()]) if spec else []
    added = [Path(entry[0]) for entry in stamp]
    for path in [*files, *added]:
        try:
            scheme = load_scheme_file(path)
        except SchemeError:
            if path in added:
                continue  # an added folder's file that no longer loads is not offered (the server lists it)
            raise
        if scheme.name in out:
            if out[scheme.name].path and Path(out[scheme.name].path).resolve() == Path(path).resolve():
                continue  # the same file named twice
            where = "bộ chỉ số có sẵn" if scheme.name in shipped_schemes() else f"tệp {out[scheme.name].path}"
            raise SchemeError(f"{path}: tên bộ chỉ số “{scheme.name}” trùng với {where}; hãy đặt tên khác.")
        out[scheme.name] = scheme
    return out


def scheme_files(paths: list[str | Path]) -> list[Path]:
    """The ``*.toml`` files named: files as given, folders by their ``*.toml``."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            found = sorted(path.glob("*.toml"))
            if not found:
                raise SchemeError(f"Thư mục {path} không có tệp bộ chỉ số nào (*.toml).")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise SchemeError(f"Không tìm thấy tệp bộ chỉ số {path}.")
    return out


def load_scheme(name: str) -> Scheme:
    schemes = all_schemes()
    if name not in schemes:
        raise UnknownScheme(name)
    return schemes[name]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SchemeError(f"{path}: tệp không phải văn bản UTF-8 (định dạng TOML).") from None
    except OSError as exc:
        raise SchemeError(f"Không đọc được tệp bộ chỉ số {path}: {exc.strerror or exc}.") from None


def load_scheme_file(path: str | Path) -> Scheme:
    """A scheme file, validated (SchemeError with every problem, by key and line)."""
    path = Path(path)
    return _load(path, _read_text(path))


def check_scheme_file(path: str | Path) -> list[SchemeProblem]:
    """Every problem of a scheme file ([] when it is valid), without raising."""
    path = Path(path)
    try:
        text = _read_text(path)
    except SchemeError as exc:
        return [SchemeProblem(str(path), str(exc).removeprefix(f"{path}: "))]
    problems = check_scheme_text(text, str(path))
    if not problems:
        try:
            _load(path, text)
        except SchemeError as exc:
            problems = [SchemeProblem(str(path), str(exc))]
    return problems
