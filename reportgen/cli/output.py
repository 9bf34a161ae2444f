"""Kept for the CLI modules that import ``atomic_path`` from here; the helper
lives in :mod:`reportgen.files`, a lower layer that annotate and the
use cases may import too."""
from __future__ import annotations

from ..files import atomic_path

__all__ = ["atomic_path"]
