"""The web server's settings: where its files live and how much it accepts.

Everything the server writes (uploads under random names, results, page
images, the session secret) lives under ``data_dir``, which is never served;
static files come from the package itself.
"""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("reportgen")) / "web"


@dataclass
class WebConfig:
    data_dir: Path = field(default_factory=default_data_dir)
    db_url: str | None = None  # None: REPORTGEN_DB or the SQLite archive in the user data folder
    no_auth: bool = False
    host: str = "127.0.0.1"
    max_upload_bytes: int = 50 * 1024 * 1024
    max_pages: int = 200
    # A ZIP-based file (DOCX, XLSX) may not unpack to more than this, nor
    # more than ``max_zip_ratio`` times its own size.
    max_unpacked_bytes: int = 300 * 1024 * 1024
    max_zip_ratio: int = 200
    max_files_per_upload: int = 50
    retention_days: int = 30
    workers: int = field(default_factory=lambda: max(1, os.cpu_count() or 1))
    render_dpi: int = 110
    secret_key: str | None = None

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).expanduser().resolve()
        if self.no_auth and self.host not in LOOPBACK:
            raise ValueError("Chỉ được tắt đăng nhập (--no-auth) khi máy chủ nghe trên 127.0.0.1.")

    @property
    def work_dir(self) -> Path:
        return self.data_dir / "work"

    @property
    def scheme_dir(self) -> Path:
        """Where an administrator's uploaded schemes are kept (one TOML each)."""
        return self.data_dir / "schemes"

    @property
    def view_cache_dir(self) -> Path:
        """LibreOffice's renderings of uploads, by content (see web.verifying)."""
        return self.data_dir / "view-cache"

    def ensure(self) -> None:
        """Create the folders (private to this user) and the session secret."""
        for folder in (self.data_dir, self.work_dir, self.data_dir / "drafts", self.data_dir / "imports",
                       self.scheme_dir, self.view_cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
            os.chmod(folder, 0o700)
        if self.secret_key is None:
            key_file = self.data_dir / "secret.key"
            if not key_file.exists():
                fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w") as fh:
                    fh.write(secrets.token_urlsafe(48))
            self.secret_key = key_file.read_text().strip()
