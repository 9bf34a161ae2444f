"""The web application (``reportgen serve``): verify, draft and archive in a
browser, for office staff. FastAPI + Jinja2 + htmx (vendored), served by
uvicorn; long work runs as background jobs (:mod:`.runner`)."""
