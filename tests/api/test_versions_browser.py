"""The document panel of the chat page lists a document's versions and shows what changed, in Chromium."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.registry import BUILTIN_DIR
from tests.api.conftest import serving
from tests.api.test_browser import ARTIFACTS, DOCS, QUESTION, _get, _launch, _new_page, _post, _require_browser

pytestmark = pytest.mark.heavy

OLD = "không ngừng nâng cao chất lượng cuộc sống của người dân nông thôn"
NEW = "không ngừng ươm tạo khởi nghiệp xanh của người dân nông thôn"


@contextlib.contextmanager
def _app_with_an_amended_document(tmp: Path) -> Iterator[str]:
    """The chat page's app where an upload replaced the built-in 14/BCĐCTMTQG (version 1) with an
    amended text (version 2)."""
    from api.deps import get_settings
    from api.main import create_app
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus_dir = tmp / "corpus"
    corpus_dir.mkdir()
    for name in DOCS:
        shutil.copy(BUILTIN_DIR / name, corpus_dir / name)
    settings = Settings(
        data_dir=tmp / "data", embedder="fake", corpus_dir=corpus_dir, today=dt.date(2023, 6, 1), _env_file=None
    )
    amended = tmp / "cv14-sua-doi.md"
    amended.write_text((corpus_dir / "14-BCDCTMTQG-2023.md").read_text(encoding="utf-8").replace(OLD, NEW), "utf-8")
    assert Assistant(settings).ingest(amended, official=True).document.meta.version == 2
    Assistant(settings).build()
    app = create_app()
    app.dependency_overrides[get_settings] = lambda: settings
    with serving(app) as port:
        yield f"http://127.0.0.1:{port}"


def test_the_panel_lists_versions_and_shows_the_diff(tmp_path: Path) -> None:
    sync_playwright = _require_browser()
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with _app_with_an_amended_document(tmp_path) as server:
        expected = _post(server + "/v1/ask", {"question": QUESTION})
        cited = next(c for c in expected["citations"] if c["doc"] == "14/BCĐCTMTQG")
        assert cited["version"] == 2
        versions = _get(server + "/v1/documents/14-BCDCTMTQG/versions")["versions"]
        assert [v["number"] for v in versions] == [2, 1]

        with sync_playwright() as p:
            browser = _launch(p)
            try:
                context, page, _seen, errors = _new_page(browser, server)
                page.goto(server + "/")
                page.get_by_role("button", name=QUESTION).click()
                answer = page.locator("li.message.assistant").nth(0)
                expect(answer).to_have_attribute("data-state", "done")

                # The source list names the version of the replaced document, and only of it.
                source = answer.locator(f".source[data-n='{cited['n']}']")
                expect(source).to_contain_text("phiên bản 2")
                unreplaced = [c for c in expected["citations"] if c["doc"] != "14/BCĐCTMTQG"]
                if unreplaced:
                    expect(answer.locator(f".source[data-n='{unreplaced[0]['n']}']")).not_to_contain_text("phiên bản")

                source.get_by_role("button", name="Xem văn bản").click()
                panel = page.get_by_role("dialog")
                expect(panel).to_be_visible()
                box = panel.locator("section.versions")
                expect(box.get_by_role("heading", name="Phiên bản")).to_be_visible()
                items = box.locator("li.version")
                expect(items).to_have_count(2)
                expect(items.nth(0)).to_contain_text("Phiên bản 2 (hiện hành)")
                expect(items.nth(0)).to_contain_text("cv14-sua-doi.md")
                expect(items.nth(1)).to_contain_text("Phiên bản 1")
                expect(items.nth(1)).to_contain_text("14-BCDCTMTQG-2023.md")

                compare = box.get_by_role("button", name="So sánh với bản trước")
                expect(compare).to_have_attribute("aria-expanded", "false")
                with page.expect_response(lambda r: r.url.endswith("/versions/1/diff/current")) as got:
                    compare.click()
                assert got.value.status == 200
                expect(compare).to_have_attribute("aria-expanded", "true")
                diff = box.locator("ol.diff")
                expect(diff).to_be_visible()
                expect(box.locator(".diff-summary")).to_contain_text("Phiên bản 1 → phiên bản 2")
                expect(box).to_contain_text("Mục sửa: Mục 1; Mục 4")
                added, removed = diff.locator("li.diff-add ins"), diff.locator("li.diff-del del")
                expect(added.first).to_contain_text(NEW[12:])
                expect(removed.first).to_contain_text(OLD[12:])
                # Not by colour alone: a visible +/− and a spoken "Thêm:"/"Bỏ:" on every changed line.
                expect(added.first.locator(".diff-mark")).to_have_text("+ ")
                expect(removed.first.locator(".diff-mark")).to_have_text("− ")
                expect(added.first).to_contain_text("Thêm:")
                # Within a long paragraph, the words that changed are marked.
                expect(added.first.locator("mark.diff-word")).to_have_text("ươm tạo khởi nghiệp xanh")
                expect(removed.first.locator("mark.diff-word")).to_have_text("nâng cao chất lượng cuộc sống")
                colours = {
                    page.evaluate(
                        "e => getComputedStyle(e).backgroundColor", added.first.locator("..").element_handle()
                    ),
                    page.evaluate(
                        "e => getComputedStyle(e).backgroundColor", removed.first.locator("..").element_handle()
                    ),
                }
                assert len(colours) == 2
                box.locator("h3").evaluate("e => e.scrollIntoView({block: 'start'})")
                page.screenshot(path=str(ARTIFACTS / "chat-versions-diff.png"))

                compare.click()  # closes again
                expect(diff).to_be_hidden()
                assert not errors, errors
                context.close()
            finally:
                browser.close()
