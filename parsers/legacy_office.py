"""Office files read through LibreOffice: Word 97-2003 ``.doc`` and Excel
97-2003 ``.xls`` (OLE compound documents), OpenDocument ``.odt``/``.ods``
(what LibreOffice saves by default, as many offices do) and ``.rtf`` are
converted by LibreOffice headless to DOCX/XLSX in a private temporary folder,
then read by :mod:`parsers.docx` / :mod:`parsers.xlsx`. An OLE file that
holds an encrypted OOXML package, or a .doc/.xls with its encryption flag
set, is refused with a Vietnamese message.

Settings: ``soffice`` (the program, default "soffice"), ``convert_timeout``
(seconds, default 120).

:func:`run_soffice` is the one way the project starts LibreOffice (reading a
.doc/.xls here, DOCX → PDF for ``draft --pdf``, batches and the web view): an
isolated profile with links and remote data off, no network namespace route,
and a timeout that ends the whole process group.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Callable, Sequence

from reportgen.raw import RawDocument, UnreadableInput

from .ooxml import ole_is_encrypted_legacy, ole_kind, read_ole
from .settings import ReaderSettings

DEFAULTS = {"soffice": "soffice", "convert_timeout": 120}


# A document must not reach the network or other files: links are never
# updated, images and data behind a URL never fetched (Writer and Calc
# "update links: never"; remote images from an untrusted referer blocked).
_SETTINGS = (
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "2"),  # 2: never update links
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "2"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    # A proxy nowhere: anything that still tries HTTP(S) gets no answer.
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "1"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName", "0.0.0.0"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName", "0.0.0.0"),
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort", "9"),
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", ""),
)
_PROFILE = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            + "".join(f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop>'
                      "</item>\n" for path, name, value in _SETTINGS)
            + "</oor:items>\n")


def _quiet_profile(profile: Path) -> None:
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")


_NO_NETWORK: list[str] | None = None


def no_network_prefix() -> list[str]:
    """``["unshare", "-n"]`` where a process may get a network namespace of
    its own (Linux, as root or with user namespaces): LibreOffice then has no
    route anywhere, loopback included. Elsewhere nothing (the profile's
    settings still keep links and remote images off)."""
    global _NO_NETWORK
    if _NO_NETWORK is None:
        _NO_NETWORK = []
        unshare = shutil.which("unshare")
        if unshare:
            for cmd in ([unshare, "-n"], [unshare, "-r", "-n"]):
                try:
                    ok = subprocess.run([*cmd, "true"], capture_output=True, timeout=10).returncode == 0
                except (OSError, subprocess.SubprocessError):
                    ok = False
                if ok:
                    _NO_NETWORK = cmd
                    break
    return list(_NO_NETWORK)


def soffice_program(name: str = "soffice") -> str:
    """The LibreOffice program (``soffice``, else ``libreoffice``)."""
    for candidate in (name, "soffice", "libreoffice"):
        found = shutil.which(candidate)
        if found:
            return found
    raise UnreadableInput("Không tìm thấy LibreOffice (lệnh soffice). Cài gói libreoffice-writer.")


def isolated_profile(folder: str | Path) -> Path:
    """Make ``folder`` a LibreOffice user profile with links, remote data and
    macros off (idempotent: a long-lived profile keeps its settings)."""
    folder = Path(folder)
    if not (folder / "user" / "registrymodifications.xcu").is_file():
        _quiet_profile(folder)
    return folder


def run_soffice(files: Sequence[Path], target: str, outdir: Path, *, timeout: float,
                profile: str | Path | None = None, on_line: Callable[[str], None] | None = None,
                program: str = "soffice") -> tuple[int, str]:
    """THE way this project runs LibreOffice: ``--convert-to target`` of
    ``files`` into ``outdir`` in one headless process, with an isolated user
    profile (``profile``, kept by the caller, or a private one for this call),
    no network (:func:`no_network_prefix`), no input on stdin, and the whole
    process group killed after ``timeout`` seconds (Vietnamese
    UnreadableInput). ``on_line`` gets each line LibreOffice prints. Returns
    (exit status, output)."""
    with contextlib.ExitStack() as stack:
        if profile is None:
            profile = stack.enter_context(tempfile.TemporaryDirectory(prefix="reportgen-lo-"))
        isolated_profile(profile)
        cmd = [*no_network_prefix(), soffice_program(program), f"-env:UserInstallation=file://{profile}",
               "--headless", "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(outdir),
               *map(str, files)]
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True)
        except FileNotFoundError as exc:
            raise UnreadableInput("Không tìm thấy LibreOffice (lệnh soffice). Cài gói libreoffice-writer.") from exc
        output: list[str] = []
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            _kill_group(proc)

        timer = threading.Timer(timeout, expire)
        timer.start()
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                line = raw.decode("utf-8", "replace")
                output.append(line)
                if on_line is not None:
                    on_line(line)
            proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                _kill_group(proc)
                proc.wait()
        if expired.is_set():
            names = ", ".join(Path(f).name for f in files)
            raise UnreadableInput(f"LibreOffice không chuyển đổi xong {names} sau {timeout:g} giây.")
    return proc.returncode, "".join(output)


def _kill_group(proc: subprocess.Popen) -> None:
    # soffice starts soffice.bin in the same session: end the whole group.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def convert(path: Path, target: str, outdir: Path, settings: ReaderSettings | Mapping | None = None) -> Path:
    """Convert ``path`` with LibreOffice headless to ``target`` ('docx',
    'xlsx', 'pdf' …) in ``outdir``; return the new file. Each call uses its
    own user profile, so parallel runs do not fight over a lock."""
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    rc, output = run_soffice([path], target, outdir, timeout=settings.convert_timeout, program=settings.soffice)
    out = outdir / (path.stem + "." + target.split(":")[0])
    if rc != 0 or not out.exists():
        detail = output.strip().splitlines()
        raise UnreadableInput(f"LibreOffice không chuyển đổi được tệp {path.name}"
                              + (f": {detail[-1]}" if detail else "."))
    return out


def read(path, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    path = Path(path)
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    ole = read_ole(path)
    if ole is None:
        raise UnreadableInput(f"Tệp {path.name} hỏng: không đọc được cấu trúc tệp Office cũ (OLE).")
    kind = ole_kind(ole)
    if kind == "encrypted_ooxml":
        raise UnreadableInput(f"Tệp {path.name} được bảo vệ bằng mật khẩu (đã mã hóa); hãy gỡ mật khẩu rồi gửi lại.")
    if kind == "unknown":
        raise UnreadableInput(f"Tệp {path.name} là tệp Office cũ (OLE) nhưng không phải Word (.doc) hay Excel (.xls).")
    if ole_is_encrypted_legacy(ole, kind):
        raise UnreadableInput(f"Tệp {path.name} được bảo vệ bằng mật khẩu (đã mã hóa); hãy gỡ mật khẩu rồi gửi lại.")
    return read_converted(path, "doc" if kind == "doc" else "xls", settings)


def word_as_docx(path, kind: str, outdir: Path, settings: ReaderSettings | Mapping | None = None) -> Path | None:
    """``path`` (of the kind :func:`parsers.sniff_format` gave) as a DOCX in
    ``outdir``, converted the way :func:`read_converted` reads it: the same
    paragraphs and tables, so a finding's place in the one is its place in
    the other. None for what is no word-processing document (a sheet, a PDF)."""
    path = Path(path)
    if kind == "ole":
        ole = read_ole(path)
        kind = ole_kind(ole) if ole is not None else "unknown"
    if _TARGETS.get(kind) != "docx":
        return None
    return _converted_copy(path, kind, Path(outdir), ReaderSettings.of(settings).with_defaults(DEFAULTS))


def _converted_copy(path: Path, kind: str, outdir: Path, settings: ReaderSettings) -> Path:
    """A private copy of ``path`` under a plain ASCII name (LibreOffice names
    its output after the input) converted to its kind's target in ``outdir``."""
    src = outdir / ("input." + kind)
    shutil.copyfile(path, src)
    os.chmod(src, 0o600)
    return convert(src, _TARGETS[kind], outdir, settings)


# What each convertible kind becomes, and the name its copy is given.
_TARGETS = {"doc": "docx", "xls": "xlsx", "odt": "docx", "ods": "xlsx", "rtf": "docx"}


def read_converted(path, kind: str, settings: ReaderSettings | Mapping | None = None) -> RawDocument:
    """Read ``path`` of ``kind`` ('doc', 'xls', 'odt', 'ods' or 'rtf') by
    converting it to DOCX or XLSX first; ``properties['converted_from']``
    names the kind."""
    path = Path(path)
    settings = ReaderSettings.of(settings).with_defaults(DEFAULTS)
    target = _TARGETS[kind]
    with tempfile.TemporaryDirectory(prefix="reportgen-conv-") as tmp:
        out = _converted_copy(path, kind, Path(tmp), settings)
        if target == "docx":
            from . import docx

            doc = docx.read(out, settings)
        else:
            from . import xlsx

            doc = xlsx.read(out, settings)
    doc.source = str(path)
    doc.properties["converted_from"] = kind
    return doc
