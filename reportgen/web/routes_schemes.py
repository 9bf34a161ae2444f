"""Bộ chỉ số: the shipped schemes and the province schemes uploaded by an
administrator, each shown in full; an uploaded file is validated first and
kept only when valid (under the data folder, by the scheme's own name)."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from fastapi import APIRouter, Depends, File, Request, UploadFile

from .accounts import User
from .app import Forbidden, audit, check_csrf, current_user, page, require

router = APIRouter()
MAX_SCHEME_BYTES = 256 * 1024
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")


def _folder(request: Request) -> Path:
    folder = request.app.state.config.scheme_dir
    folder.mkdir(exist_ok=True)
    return folder


def uploaded_schemes(request: Request) -> dict:
    from ..schemes import load_scheme_file

    out = {}
    for path in sorted(_folder(request).glob("*.toml")):
        try:
            scheme = load_scheme_file(path)
        except Exception:  # a file that no longer loads is not offered
            continue
        out[scheme.name] = scheme
    return out


def validate(path: Path) -> tuple[object | None, list[str]]:
    """(scheme, []) for a valid scheme file, else (None, Vietnamese messages)."""
    from .. import schemes as schemes_module

    check = getattr(schemes_module, "check_scheme_file", None)  # the richer validator, when present
    if check is not None:
        problems = check(path)
        messages = [str(p) for p in problems] if problems else []
        if messages:
            return None, messages
    try:
        scheme = schemes_module.load_scheme_file(path)
    except UnicodeDecodeError:
        return None, ["Tệp không phải văn bản UTF-8 (định dạng TOML)."]
    except tomllib.TOMLDecodeError as exc:
        return None, [f"Sai cú pháp TOML: {exc}"]
    except KeyError as exc:
        return None, [f"Thiếu khóa bắt buộc: {exc.args[0]}"]
    except (ValueError, TypeError, ArithmeticError) as exc:
        return None, [f"Bộ chỉ số không hợp lệ: {exc}"]
    except Exception as exc:  # SchemeError and the like carry their own message
        return None, [str(exc)]
    if not _NAME.match(scheme.name or ""):
        return None, [f"Tên bộ chỉ số '{scheme.name}' chỉ được gồm chữ thường không dấu, số, dấu chấm, gạch."]
    return scheme, []


def _catalogue(request: Request) -> dict:
    """The schemes known (the shipped, the user's own) apart from the uploaded."""
    from ..schemes import all_schemes

    uploaded = uploaded_schemes(request)
    return {"shipped": {k: v for k, v in all_schemes().items() if k not in uploaded}, "uploaded": uploaded}


@router.get("/bo-chi-so")
def list_page(request: Request, user: User = Depends(current_user)):
    return page(request, "schemes.html", {**_catalogue(request), "messages": [], "saved": None})


@router.get("/bo-chi-so/{name}")
def show(request: Request, name: str, user: User = Depends(current_user)):
    from ..schemes import all_schemes

    scheme = all_schemes().get(name) or uploaded_schemes(request).get(name)
    if scheme is None:
        raise Forbidden(f"Không có bộ chỉ số '{name}'.")
    grades = [(band, scheme.grades[k - 1].min if k else None) for k, band in enumerate(scheme.grades)]
    return page(request, "scheme.html", {"scheme": scheme, "grades": grades})


@router.post("/bo-chi-so", dependencies=[Depends(check_csrf)])
async def upload(request: Request, file: UploadFile = File(...), user: User = Depends(require("quan_tri"))):
    data = await file.read(MAX_SCHEME_BYTES + 1)
    messages, saved = [], None
    if not data:
        messages = ["Tệp rỗng."]
    elif len(data) > MAX_SCHEME_BYTES:
        messages = [f"Tệp bộ chỉ số quá lớn (tối đa {MAX_SCHEME_BYTES // 1024} KB)."]
    else:
        folder = _folder(request)
        tmp = folder / ".upload.toml.tmp"
        tmp.write_bytes(data)
        try:
            scheme, messages = validate(tmp)
            if scheme is not None and scheme.name in _catalogue(request)["shipped"]:  # an uploaded one is replaced
                scheme, messages = None, [f"Tên '{scheme.name}' trùng một bộ chỉ số có sẵn: hãy đặt tên khác."]
            if scheme is not None:
                tmp.replace(folder / f"{scheme.name}.toml")
                saved = scheme.name
                audit(request, user, "scheme_upload", file.filename or "", scheme.name)
        finally:
            tmp.unlink(missing_ok=True)
    return page(request, "schemes.html", {**_catalogue(request), "messages": messages, "saved": saved},
                status_code=200 if saved else 400)
