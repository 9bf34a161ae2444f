"""Vietnamese help for sub-commands: argparse's own headings ('usage:',
'options', '-h') are English, so each sub-command's parser is made here."""
from __future__ import annotations

import argparse


class VietnameseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


def add_command(subparsers, name: str, help: str, description: str) -> argparse.ArgumentParser:
    """A sub-command parser whose help is entirely in Vietnamese."""
    p = subparsers.add_parser(name, help=help, description=description, add_help=False,
                              formatter_class=VietnameseHelpFormatter)
    p._positionals.title = "tham số"
    p._optionals.title = "tùy chọn"
    if not any("-h" in a.option_strings for a in p._actions):
        p.add_argument("-h", "--help", action="help", help="in trợ giúp này rồi thoát")
    return p


_ARGPARSE_MESSAGES = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("unrecognized arguments: ", "tham số không nhận ra: "),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("(choose from ", "(chọn một trong "),
    ("expected one argument", "cần một giá trị"),
    ("argument ", "tham số "),
    ("not allowed with argument ", "không dùng cùng tham số "),
)


class VietnameseArgumentParser(argparse.ArgumentParser):
    """A parser whose help and errors are entirely Vietnamese: "Cách dùng:",
    "tham số", "tùy chọn", "-h in trợ giúp này rồi thoát", and argparse's own
    errors translated (exit status 2, as argparse does). Sub-parsers made by
    ``add_subparsers`` are of this class too, so every command inherits it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="in trợ giúp này rồi thoát")

    def error(self, message: str):
        for english, vietnamese in _ARGPARSE_MESSAGES:
            message = message.replace(english, vietnamese)
        self.print_usage(__import__("sys").stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")
