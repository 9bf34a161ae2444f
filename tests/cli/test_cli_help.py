"""Every command's help is Vietnamese: no argparse English heading anywhere."""
from __future__ import annotations

import argparse

import pytest

from reportgen.cli import build_parser, main

ENGLISH = ("usage:", "options:", "positional arguments", "optional arguments", "show this help")


def _commands(parser, path=()):
    yield " ".join(path), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def test_every_command_and_sub_command_has_vietnamese_help():
    commands = dict(_commands(build_parser()))
    assert {"verify", "extract", "draft", "archive", "archive import", "schemes", "rules"} <= set(commands)
    for name, parser in commands.items():
        text = parser.format_help()
        assert text.startswith("Cách dùng: "), name
        assert [w for w in ENGLISH if w in text] == [], name
        assert "tùy chọn" in text and "in trợ giúp này rồi thoát" in text, name


@pytest.mark.parametrize("argv", [["draft", "bang.xlsx", "--khong-co"], ["archive", "import", "a.pdf", "--khong-co"]])
def test_a_wrong_option_is_explained_in_vietnamese(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.startswith("Cách dùng: ") and "lỗi: tham số không nhận ra: --khong-co" in err


def test_every_value_an_option_takes_is_named_in_vietnamese():
    """argparse names a value after its option in English capitals (--scheme
    SCHEME) unless told: every option and argument that takes a value has a
    metavar (or its choices)."""
    unnamed = [(name, a.option_strings[0] if a.option_strings else a.dest)
               for name, parser in _commands(build_parser()) for a in parser._actions
               if a.nargs != 0 and a.metavar is None and a.choices is None]
    assert unnamed == []
