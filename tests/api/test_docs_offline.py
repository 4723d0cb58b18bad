"""/docs (Swagger UI) and /redoc render in a real browser with every request that would leave the machine
refused and recorded: the users' servers are air-gapped, so the pages' assets must be the packaged copies
the app serves itself, never a CDN's. Also the favicon, served by the app and linked from every page."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from tests.api.conftest import make_settings
from tests.api.test_browser import ARTIFACTS, TIMEOUT_MS, _launch, _require_browser

if TYPE_CHECKING:  # playwright is imported lazily: without it the browser tests skip (fail under CI)
    from playwright.sync_api import Browser, Page, Route

pytestmark = pytest.mark.heavy

# In-memory URLs (ReDoc starts a worker from a blob:; Swagger UI's CSS has data: icons) never reach a network.
IN_MEMORY = ("data", "blob")
MIN_OPERATIONS = 20  # the API has 21 operations; a partial render must not pass


@dataclass
class Offline:
    """What a page did with the network cut off at the browser: anything not to the app is aborted."""

    base: str
    blocked: list[str] = field(default_factory=list)  # requests that tried to leave the machine
    failed: list[str] = field(default_factory=list)  # requests that did not complete or got an error status
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions

    def local(self, url: str) -> bool:
        return url.startswith(self.base + "/") or urlsplit(url).scheme in IN_MEMORY

    def check_local(self) -> None:
        assert not self.blocked, f"requests left the machine: {self.blocked}"

    def check(self) -> None:
        self.check_local()
        assert not self.failed, f"failed loads: {self.failed}"
        assert not self.errors, f"console errors: {self.errors}"


@contextlib.contextmanager
def offline_page(browser: Browser, base: str) -> Iterator[tuple[Page, Offline]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    net = Offline(base)

    def only_local(route: Route) -> None:
        if net.local(route.request.url):
            route.continue_()
        else:
            route.abort("internetdisconnected")

    # On the context, not the page: workers and popups are covered too. Every attempt is recorded, whether
    # or not it reached the route (the abort is what an air-gapped server's browser would see).
    context.route("**/*", only_local)
    context.on("request", lambda r: None if net.local(r.url) else net.blocked.append(r.url))
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("requestfailed", lambda r: net.failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: net.failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    page.on("console", lambda m: net.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: net.errors.append(str(e)))
    try:
        yield page, net
    finally:
        context.close()


def test_swagger_ui_and_redoc_render_offline(server: str) -> None:
    sync_playwright = _require_browser()
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            with offline_page(browser, server) as (page, net):
                page.goto(server + "/docs", wait_until="networkidle")
                net.check_local()  # first: a CDN asset would otherwise show up only as a page that never renders
                ask = page.locator(".opblock-summary-path[data-path='/v1/ask']")
                expect(ask).to_be_visible(timeout=TIMEOUT_MS)
                assert page.locator(".opblock").count() >= MIN_OPERATIONS
                assert page.locator("link[rel~='icon']").get_attribute("href") == "/favicon.ico"
                page.screenshot(path=str(ARTIFACTS / "docs-offline.png"), full_page=True)
                net.check()

            with offline_page(browser, server) as (page, net):
                page.goto(server + "/redoc", wait_until="networkidle")
                net.check_local()
                ask = page.locator("[data-section-id='operation/ask_v1_ask_post']")
                expect(ask).to_be_attached(timeout=TIMEOUT_MS)
                assert page.locator("[data-section-id^='operation/']").count() >= MIN_OPERATIONS
                assert page.locator("link[rel~='icon']").get_attribute("href") == "/favicon.ico"
                page.wait_for_load_state("networkidle")  # ReDoc's sidebar logo is fetched after rendering
                page.screenshot(path=str(ARTIFACTS / "redoc-offline.png"))
                net.check()
        finally:
            browser.close()


def test_favicon_is_served_and_linked(server: str) -> None:
    icon = httpx.get(server + "/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/")
    assert b"<svg" in icon.content and len(icon.content) < 2048
    link = re.compile(r'<link rel="icon" href="/favicon\.ico"')
    for page in ("/", "/assess"):
        assert link.search(httpx.get(server + page).text), page


def test_docs_pages_name_no_host(server: str) -> None:
    # Without a browser too: every script, stylesheet and icon the pages name is the app's own.
    for page in ("/docs", "/redoc"):
        html = httpx.get(server + page).text
        urls = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), (page, urls)
        for url in urls:
            assert httpx.get(server + url).status_code == 200, url


def test_docs_page_loads_are_not_rate_limited(tmp_path: Path) -> None:
    # A page load is several requests; with one request a minute allowed, none of them may be refused.
    client = TestClient(create_app(make_settings(tmp_path, rate_limit_per_minute=1)), raise_server_exceptions=False)
    urls = ["/docs", "/redoc", "/openapi.json", "/favicon.ico", "/redoc/logo-mini.svg"]
    urls += [f"/docs-assets/swagger/{name}" for name in ("swagger-ui-bundle.js", "swagger-ui.css")]
    urls.append("/docs-assets/redoc/redoc.standalone.js")
    for _ in range(3):
        assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    assert [client.get("/v1/models").status_code for _ in range(2)] == [200, 429]  # the API is still limited
