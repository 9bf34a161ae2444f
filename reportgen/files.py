"""Writing output files safely (any layer may use it): a temporary file in the same folder, then a
rename, so an interrupted run never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one file: the same resolved path (through
    symlinks) or, when both exist, the same device and inode (hard links,
    bind mounts)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # a symlink loop
        return False


def refuse_clobber(outputs, inputs=(), archive: str | os.PathLike | None = None) -> None:
    """Refuse (OutputError) an output that is one of the inputs or the
    archive's database, or that is an existing folder."""
    for out in outputs:
        if out is None:
            continue
        if os.path.isdir(out):
            raise OutputError(f"Không ghi được kết quả {out}: đó là một thư mục; hãy chỉ tên một tệp.")
        for src in inputs:
            if src is not None and same_file(out, src):
                raise OutputError(f"Tệp kết quả {out} trùng với tệp đầu vào {src}: từ chối ghi đè lên đầu vào. "
                                  "Hãy chọn tên tệp kết quả khác.")
        if archive is not None and same_file(out, archive):
            raise OutputError(f"Tệp kết quả {out} trùng với tệp kho lưu trữ {archive}: từ chối ghi đè lên kho. "
                              "Hãy chọn tên tệp kết quả khác.")


def output_dir(path: str | os.PathLike) -> Path:
    """A folder for outputs, created when missing; OutputError when it is a
    file or cannot be created."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"Không ghi được vào {path}: đó là một tệp, không phải thư mục.")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục kết quả {path}: {_why(exc)}.") from exc
    if not os.access(path, os.W_OK):
        raise OutputError(f"Không ghi được vào thư mục {path}: không có quyền ghi.")
    return path


def _why(exc: OSError) -> str:
    import errno

    return {errno.EACCES: "không có quyền ghi", errno.EPERM: "không có quyền ghi",
            errno.EROFS: "ổ đĩa chỉ đọc", errno.ENOSPC: "ổ đĩa đầy", errno.EISDIR: "đó là một thư mục",
            errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
            errno.ENOENT: "thư mục không tồn tại"}.get(exc.errno, exc.strerror or type(exc).__name__)


@contextmanager
def atomic_path(target: str | os.PathLike, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target``
    only when the block finishes without error. The file gets the mode a
    plain ``open`` would give (0666 less the umask), not mkstemp's 0600.
    Errors on the output's side are an :class:`OutputError` naming it."""
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"Không ghi được kết quả {target}: đó là một thư mục; hãy chỉ tên một tệp.")
    if target.parent.exists() and not target.parent.is_dir():
        raise OutputError(f"Không ghi được kết quả {target}: {target.parent} là một tệp, không phải thư mục.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or target.suffix, dir=target.parent)
    except OSError as exc:
        raise OutputError(f"Không ghi được kết quả {target}: {_why(exc)}.") from exc
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        try:
            yield tmp_path
        except OSError as exc:
            if exc.filename is not None and Path(str(exc.filename)) not in (tmp_path, target):
                raise
            raise OutputError(f"Không ghi được kết quả {target}: {_why(exc)}.") from exc
        try:
            os.chmod(tmp_path, 0o666 & ~_umask())
            os.replace(tmp_path, target)
        except OSError as exc:
            raise OutputError(f"Không ghi được kết quả {target}: {_why(exc)}.") from exc
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
