"""`/docs` (Swagger UI) and `/redoc` from assets shipped in the `fastapi-standalone-docs` package, and the
favicon: FastAPI's own pages load their JS/CSS from a CDN, which leaves them blank on air-gapped servers.

Only the package's asset folder is used: its `StandaloneDocs` helper would patch functions inside FastAPI
for the whole process, while these routes are plain and local to the app.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
ASSETS_URL = "/docs-assets"
FAVICON_URL = "/favicon.ico"
FAVICON = Path(__file__).parent / "static" / "favicon.svg"
# swagger/ and redoc/ as the package lays them out (Swagger UI 5 and ReDoc 2, with their licences).
PACKAGE_ASSETS = Path(str(files("fastapi_standalone_docs") / "static"))
# The package rewrote ReDoc's Redocly logo (a cdn.redoc.ly URL) to `location.pathname + "/logo-mini.svg"`.
REDOC_LOGO_URL = REDOC_URL + "/logo-mini.svg"

# Requests of a page load that the rate limiter lets through, like "/" and "/static/": opening the
# docs must not use up a client's API budget (nor be refused halfway, leaving a broken page).
FREE_PATHS = (DOCS_URL, REDOC_URL, REDOC_LOGO_URL, FAVICON_URL, "/openapi.json")
FREE_PREFIXES = (ASSETS_URL + "/",)


def _root(request: Request) -> str:
    # Behind a proxy that serves the app under a prefix, as FastAPI's own docs routes do.
    return request.scope.get("root_path", "").rstrip("/")


def install(app: FastAPI) -> None:
    """Serve the docs pages, their assets and the favicon; `app` must be built with docs_url=None and
    redoc_url=None so that FastAPI's CDN pages are not registered first."""
    if app.docs_url or app.redoc_url:
        raise ValueError("build the app with docs_url=None, redoc_url=None: api.docs serves both pages")
    app.mount(ASSETS_URL, StaticFiles(directory=PACKAGE_ASSETS), name="docs-assets")

    @app.get(FAVICON_URL, include_in_schema=False)
    def favicon() -> FileResponse:
        # An SVG under the conventional name: browsers ask for /favicon.ico by themselves.
        return FileResponse(FAVICON, media_type="image/svg+xml")

    openapi_url = app.openapi_url
    if not openapi_url:
        return

    @app.get(DOCS_URL, include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = _root(request)
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} — Swagger UI",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger/swagger-ui.css",
            swagger_favicon_url=root + FAVICON_URL,
            swagger_ui_parameters=app.swagger_ui_parameters,
        )

    @app.get(REDOC_URL, include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = _root(request)
        return get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} — ReDoc",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc/redoc.standalone.js",
            redoc_favicon_url=root + FAVICON_URL,
            with_google_fonts=False,  # fonts.googleapis.com is not reachable either
        )

    @app.get(REDOC_LOGO_URL, include_in_schema=False)
    def redoc_logo() -> FileResponse:
        return FileResponse(PACKAGE_ASSETS / "redoc" / "logo-mini.svg", media_type="image/svg+xml")
