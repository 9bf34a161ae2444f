"""Shared pieces of the web tests: an app on a temporary archive and data
folder with three accounts, logging in through the real form, and the
seed documents as DOCX and PDF (LibreOffice)."""
from __future__ import annotations

import re
import time
from pathlib import Path

PASSWORD = "mat-khau-01"
ACCOUNTS = {"quantri": "quan_tri", "lanhdao": "lanh_dao", "chuyenvien": "chuyen_vien", "chuyenvien2": "chuyen_vien"}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(tmp: Path, **config):
    from reportgen.archive.db import open_engine
    from reportgen.web import accounts
    from reportgen.web.app import create_app
    from reportgen.web.config import WebConfig

    db = f"sqlite:///{tmp / 'archive.sqlite3'}"
    engine = open_engine(db)
    for name, role in ACCOUNTS.items():
        if accounts.get_user(engine, name) is None:
            accounts.add_user(engine, name, PASSWORD, role, full_name=name.title())
    config.setdefault("workers", 2)
    return create_app(WebConfig(data_dir=tmp / "data", db_url=db, **config), engine=engine)


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def login(client, username: str, password: str = PASSWORD):
    token = csrf_of(client.get("/dang-nhap").text)
    response = client.post("/dang-nhap", data={"username": username, "password": password, "csrf_token": token,
                                               "next": "/kiem-tra"}, follow_redirects=False)
    client.headers["X-CSRF-Token"] = csrf_of(client.get("/kiem-tra").text) if response.status_code == 303 else token
    return response


def upload(client, *files: tuple[str, bytes], accept: str = "application/json"):
    return client.post("/kiem-tra/tai-len", files=[("files", (name, data)) for name, data in files],
                       headers={"Accept": accept})


def wait_done(client, item_id: str, timeout: float = 240) -> dict:
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = client.get(f"/kiem-tra/{item_id}/tien-do", headers={"Accept": "application/json"}).json()
        if state["state"] == "failed":
            return state
        if state["state"] == "done":
            view = client.get(f"/kiem-tra/{item_id}/ket-qua.json").json().get("view")
            if view == "ready":
                return state
        time.sleep(0.3)
    raise AssertionError(f"job {item_id} did not finish: {state}")


def seed_files(folder: Path) -> dict[str, Path]:
    """Seed 002 (the planted slips) as DOCX and as its LibreOffice PDF, and
    seeds 000 and 004 as DOCX."""
    from fixtures.build import build_seed
    from fixtures.build_pdf import libreoffice_pdfs

    out = {s: build_seed(s, folder / s)["docx"] for s in ("000", "002", "004")}
    (pdf,) = libreoffice_pdfs([out["002"]], folder / "pdf")
    out["002.pdf"] = pdf
    return out
