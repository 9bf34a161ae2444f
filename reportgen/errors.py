"""The errors reportgen raises on purpose, under one base class.

Every error here carries a Vietnamese message meant for the user, shown as is,
and means "the input, the command line or the environment is wrong": the CLI
prints the message and exits 2 (``exit_status``). Any other exception is a bug
of ours: the CLI says so and exits 70 (see ``reportgen.cli``).

This module is at the bottom of the layers (docs/architecture.md): it imports
nothing of the project, so any layer may raise these.
"""
from __future__ import annotations

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE (sysexits.h)


class ReportgenError(Exception):
    """Base of every error the project raises on purpose (exit 2)."""

    exit_status = EXIT_BAD_INPUT


class UnreadableInput(ReportgenError):
    """The file cannot be read as the format it claims (or at all).

    The message is Vietnamese and shown to the user as is; the CLI exits 2."""


class UsageError(ReportgenError):
    """A user mistake on the command line (a wrong option, an unknown name)."""


class OutputError(ReportgenError):
    """An output cannot be written (a folder that does not exist, an output
    that would replace an input, no permission)."""


class TemplateError(ReportgenError):
    """A drafting template that cannot be found or rendered."""


class ArchiveError(ReportgenError):
    """The archive cannot be opened or used."""


class SchemeError(ReportgenError):
    """A scheme file that is not valid: the message names the file, the key
    and, where known, the line."""


__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "ArchiveError", "OutputError", "ReportgenError",
           "SchemeError", "TemplateError", "UnreadableInput", "UsageError"]
