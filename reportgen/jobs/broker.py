"""Where batch jobs go: the broker given, else ``REPORTGEN_BROKER``, else
none (the jobs run on this machine). Its own module so that the Celery
runner does not import the package that imports it."""
from __future__ import annotations

import os

BROKER_ENV = "REPORTGEN_BROKER"


def broker_url(broker: str | None = None) -> str | None:
    """The broker given, else REPORTGEN_BROKER, else None (run locally)."""
    return broker or os.environ.get(BROKER_ENV) or None
