"""The web chat page in a real browser: system Chromium driven by Playwright against the running app."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.registry import BUILTIN_DIR
from tests.api.conftest import serving

pytestmark = pytest.mark.heavy

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DOCS = ("14-BCDCTMTQG-2023.md", "5766-UBND-CNNXD-2023.md", "318-QD-TTg-2022.md")
QUESTION = "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"
FOLLOW_UP = "Còn xã đạt chuẩn NTM nâng cao năm 2019 thì sao?"
COMPILED_MARK = "Bản biên soạn — cần đối chiếu văn bản chính thức"
TIMEOUT_MS = 30_000


def _require_browser():
    """Playwright's sync API, or skip (fail under CI) when it or the system Chromium is missing."""
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        reason = f"playwright is not importable ({exc}); install it with pip install 'playwright>=1.50,<2'"
    else:
        if not CHROMIUM.exists():
            reason = f"no Chromium at {CHROMIUM}; install it with apt-get install -y chromium"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run under CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return sync_playwright


def _launch(p):
    try:
        return p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as exc:  # the browser binary exists but cannot start here
        reason = f"Chromium at {CHROMIUM} did not start: {exc}"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def _post(url: str, body: dict) -> dict:
    req = urllib.request.Request(
        url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read().decode("utf-8"))


def _section_url(base: str, citation: dict) -> str:
    anchor = "/".join(urllib.parse.quote(part) for part in citation["anchor"].split("/"))
    return f"{base}/v1/documents/{urllib.parse.quote(citation['doc_id'])}/sections/{anchor}"


def _ddmmyyyy(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


@contextlib.contextmanager
def running_app(tmp: Path, docs: tuple[str, ...], **overrides) -> Iterator[str]:
    """The real app under uvicorn on a free port, over an index of `docs` built with the fake embedder."""

    from api.deps import get_settings
    from api.main import create_app
    from assistant.service import Assistant
    from assistant.settings import Settings

    corpus_dir = tmp / "corpus"
    corpus_dir.mkdir()
    for name in docs:
        shutil.copy(BUILTIN_DIR / name, corpus_dir / name)
    settings = Settings(
        data_dir=tmp / "data",
        embedder="fake",
        corpus_dir=corpus_dir,
        today=dt.date(2023, 6, 1),
        _env_file=None,
        **overrides,
    )
    Assistant(settings).build()

    app = create_app()
    app.dependency_overrides[get_settings] = lambda: settings
    with serving(app) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The chat page's app: the 2023 dispatches and 318."""
    with running_app(tmp_path_factory.mktemp("browser"), DOCS) as base:
        yield base


def _new_page(browser, base: str, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    seen: list = []
    errors: list[str] = []
    page.on("request", lambda r: seen.append(r))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, seen, errors


def test_chat_page_end_to_end(server: str) -> None:
    sync_playwright = _require_browser()
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expected = _post(server + "/v1/ask", {"question": QUESTION})
    assert expected["kind"] == "applicability" and expected["card"]["applicable"]["doc"] == "318/QĐ-TTg"
    first = next(c for c in expected["citations"] if c["n"] == 1)
    section = _get(_section_url(server, first))
    section_line = next(line.strip() for line in section["text"].splitlines() if line.strip())[:60]
    compiled_318 = [c for c in expected["citations"] if c["doc"] == "318/QĐ-TTg"]
    assert compiled_318 and not compiled_318[0]["official"]

    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context, page, seen, errors = _new_page(browser, server)
            page.goto(server + "/")

            # Vietnamese page, everything served by the app itself.
            assert page.locator("html").get_attribute("lang") == "vi"
            expect(page.get_by_role("heading", level=1)).to_have_text("Trợ lý Nông thôn mới")
            expect(page.get_by_label("Câu hỏi của bạn")).to_be_visible()
            examples = page.locator("button.example")
            assert 4 <= examples.count() <= 6

            # An example question is sent to the streaming route with an empty history.
            with page.expect_request(lambda r: r.url.endswith("/v1/ask/stream")) as asked:
                page.get_by_role("button", name=QUESTION).click()
            body = json.loads(asked.value.post_data)
            assert body["question"] == QUESTION and body["history"] == []

            answer = page.locator("li.message.assistant").nth(0)
            expect(answer).to_have_attribute("data-state", "done")
            expect(answer.locator(".sentences > li")).to_have_count(len(expected["sentences"]))
            expect(answer.locator(".sentences button.cite").first).to_be_visible()
            assert not any(r.url.endswith("/v1/ask") for r in seen), "the page fell back to /v1/ask"

            expect(answer.locator(".as-of")).to_have_text(f"Áp dụng tại ngày {_ddmmyyyy(expected['as_of'])}")
            card = answer.locator(".card").first
            expect(card).to_contain_text("318/QĐ-TTg")
            for heading in ("Tình trạng", "Bộ tiêu chí áp dụng", "Việc cần làm", "Nhiệm vụ chung"):
                expect(card.get_by_role("heading", name=heading)).to_be_visible()
            expect(card).to_contain_text(expected["card"]["status"])

            # Citation [1] expands its quote inline; "Xem văn bản" opens the section from the API.
            cite = answer.locator(".sentences button.cite[data-n='1']").first
            cite.click()
            expect(cite).to_have_attribute("aria-expanded", "true")
            quote = answer.locator(".sentences .quote-box").first
            expect(quote).to_contain_text(first["quote"])
            expect(quote).to_contain_text("Chính thức" if first["official"] else COMPILED_MARK)
            view = quote.get_by_role("button", name="Xem văn bản")
            with page.expect_response(lambda r: "/v1/documents/" in r.url and "/sections/" in r.url) as got:
                view.click()
            assert got.value.status == 200
            panel = page.get_by_role("dialog")
            expect(panel).to_be_visible()
            expect(panel).to_contain_text(section["path"])
            expect(panel).to_contain_text(section_line)
            expect(panel).to_contain_text("Chính thức" if section["official"] else COMPILED_MARK)
            page.screenshot(path=str(ARTIFACTS / "chat-desktop-panel.png"))
            page.keyboard.press("Escape")
            expect(panel).to_be_hidden()
            expect(view).to_be_focused()

            # A 318/QĐ-TTg (compiled) source carries the visible mark; an official one its badge.
            source_318 = answer.locator(".source[data-doc='318/QĐ-TTg']").first
            expect(source_318.locator(".badge")).to_have_text(COMPILED_MARK)
            expect(source_318.locator(".badge")).to_be_visible()
            expect(answer.locator(".source[data-doc='14/BCĐCTMTQG'] .badge").first).to_have_text("Chính thức")

            # Feedback is posted and thanked.
            with page.expect_response(lambda r: r.url.endswith("/v1/feedback")) as fb:
                answer.get_by_role("button", name="Câu trả lời hữu ích").click()
            assert fb.value.ok, fb.value.status
            stored_id = page.evaluate("JSON.parse(localStorage.getItem('ntm-chat-v1')).messages[1].answer.id")
            assert len(stored_id) >= 8 and stored_id != expected["id"]  # a fresh answer, not a cached one
            assert json.loads(fb.value.request.post_data) == {"answer_id": stored_id, "rating": 1}
            expect(answer.get_by_text("Cảm ơn phản hồi")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "chat-desktop.png"), full_page=True)

            # Keyboard: Shift+Enter is a new line, Enter sends with the earlier question as history.
            box = page.get_by_label("Câu hỏi của bạn")
            box.click()
            page.keyboard.type("dòng 1")
            page.keyboard.press("Shift+Enter")
            page.keyboard.type("dòng 2")
            assert box.input_value() == "dòng 1\ndòng 2"
            box.fill(FOLLOW_UP)
            with page.expect_request(lambda r: r.url.endswith("/v1/ask/stream")) as asked:
                box.press("Enter")
            assert json.loads(asked.value.post_data)["history"] == [QUESTION]
            expect(page.locator("li.message.assistant").nth(1)).to_have_attribute("data-state", "done")
            assert box.input_value() == ""

            # Reload: the conversation comes back from localStorage.
            page.reload()
            expect(page.locator("li.message.user")).to_have_count(2)
            expect(page.locator("li.message.user .user-text").first).to_have_text(QUESTION)
            restored = page.locator("li.message.assistant").first
            expect(restored.locator(".sentences > li")).to_have_count(len(expected["sentences"]))
            expect(restored.locator(".card")).to_contain_text("318/QĐ-TTg")
            expect(restored.get_by_text("Cảm ơn phản hồi")).to_be_visible()
            restored.locator(".sentences button.cite[data-n='1']").first.click()
            expect(restored.locator(".sentences .quote-box").first).to_contain_text(first["quote"])

            # Phone: the input stays reachable, the panel becomes a full-width overlay.
            page.set_viewport_size({"width": 390, "height": 844})
            expect(box).to_be_visible()
            expect(box).to_be_in_viewport()
            expect(page.get_by_role("button", name="Gửi", exact=True)).to_be_in_viewport()
            page.screenshot(path=str(ARTIFACTS / "chat-phone.png"))
            restored.locator(".source").first.get_by_role("button", name="Xem văn bản").click()
            expect(panel).to_be_visible()
            expect(panel.locator(".section-text")).not_to_be_empty()
            width = panel.bounding_box()["width"]
            assert width >= 385, f"panel is {width}px wide on a 390px phone"
            page.screenshot(path=str(ARTIFACTS / "chat-phone-panel.png"))
            page.get_by_role("button", name="Đóng khung văn bản").click()
            expect(panel).to_be_hidden()

            assert all(r.url.startswith(server) for r in seen), [r.url for r in seen if not r.url.startswith(server)]
            assert errors == [], errors
            context.close()
        finally:
            browser.close()


def test_refusal_clarification_fallback_and_errors(server: str) -> None:
    sync_playwright = _require_browser()
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    refusal_q = "Ai vô địch bóng đá World Cup 2022?"
    unclear_q = "Xã đạt chuẩn thì phải làm gì?"
    refusal = _post(server + "/v1/ask", {"question": refusal_q})
    unclear = _post(server + "/v1/ask", {"question": unclear_q})
    assert refusal["refused"] is True
    assert unclear["card"]["missing"] and len(unclear["card"]["alternatives"]) >= 2

    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context, page, _seen, errors = _new_page(browser, server)
            page.goto(server + "/")
            box = page.get_by_label("Câu hỏi của bạn")
            answers = page.locator("li.message.assistant")

            # A refusal is shown muted.
            box.fill(refusal_q)
            page.get_by_role("button", name="Gửi", exact=True).click()
            expect(answers.nth(0)).to_have_attribute("data-state", "done")
            expect(answers.nth(0)).to_have_class("message assistant refused")
            expect(answers.nth(0)).to_contain_text(refusal["sentences"][0]["text"])

            # A missing fact: the question back is prominent, the cases side by side.
            box.fill(unclear_q)
            box.press("Enter")
            expect(answers.nth(1)).to_have_attribute("data-state", "done")
            expect(answers.nth(1).locator(".ask-back")).to_contain_text(unclear["card"]["ask"])
            alts = answers.nth(1).locator(".alternatives > .card")
            expect(alts).to_have_count(len(unclear["card"]["alternatives"]))
            # offsetTop/offsetLeft, not bounding boxes: those move while the page scrolls smoothly.
            tops = alts.evaluate_all("cards => cards.map(c => [c.offsetTop, c.offsetLeft])")
            assert tops[0][0] == tops[1][0] and tops[1][1] > tops[0][1], f"alternatives are not side by side: {tops}"
            page.screenshot(path=str(ARTIFACTS / "chat-clarify.png"), full_page=True)

            # The stream fails: the page asks /v1/ask instead.
            page.route("**/v1/ask/stream", lambda route: route.abort())
            with page.expect_response(lambda r: r.url.endswith("/v1/ask")) as plain:
                box.fill(QUESTION)
                box.press("Enter")
            assert plain.value.status == 200
            assert json.loads(plain.value.request.post_data)["history"] == [refusal_q, unclear_q]
            expect(answers.nth(2)).to_have_attribute("data-state", "done")
            expect(answers.nth(2).locator(".card")).to_contain_text("318/QĐ-TTg")
            page.unroute("**/v1/ask/stream")

            # An API error is shown with its Vietnamese message.
            message = "Câu hỏi dài quá 2000 ký tự."
            page.route(
                "**/v1/ask/stream",
                lambda route: route.fulfill(
                    status=400,
                    content_type="application/json",
                    body=json.dumps({"error": {"code": "question_too_long", "message": message}}),
                ),
            )
            box.fill("Câu hỏi thử lỗi")
            box.press("Enter")
            expect(answers.nth(3)).to_have_attribute("data-state", "error")
            expect(answers.nth(3).get_by_role("alert")).to_contain_text(message)
            page.unroute("**/v1/ask/stream")

            # An error reported inside the stream (event: error) is shown too.
            box.fill("?!")
            box.press("Enter")
            expect(answers.nth(4)).to_have_attribute("data-state", "error")
            expect(answers.nth(4).get_by_role("alert")).to_contain_text("Câu hỏi không có chữ hoặc số nào")

            # An empty question is not sent.
            box.fill("   ")
            page.get_by_role("button", name="Gửi", exact=True).click()
            expect(page.locator("#form-error")).to_have_text("Vui lòng nhập câu hỏi.")

            # "Cuộc trò chuyện mới" clears the conversation, also after a reload.
            page.get_by_role("button", name="Cuộc trò chuyện mới").click()
            expect(page.locator("li.message")).to_have_count(0)
            expect(box).to_be_focused()
            page.reload()
            expect(page.locator("li.message")).to_have_count(0)

            # Keyboard only: Tab reaches an example question and Enter on it asks it.
            page.keyboard.press("Tab")  # skip link
            page.keyboard.press("Tab")  # new conversation
            page.keyboard.press("Tab")  # first example
            focused = page.evaluate("document.activeElement.textContent")
            assert focused == QUESTION
            page.keyboard.press("Enter")
            expect(answers.nth(0)).to_have_attribute("data-state", "done")

            # Asked about a date after 2025: the "previous period" note leads the card as a warning.
            box.fill("Xã đạt chuẩn NTM năm 2017 thì năm 2026 phải làm gì?")
            box.press("Enter")
            expect(answers.nth(1)).to_have_attribute("data-state", "done")
            lead = answers.nth(1).locator(".card > .card-section").first
            expect(lead).to_have_class("card-section warning")
            expect(lead.get_by_role("heading")).to_have_text("Lưu ý")
            expect(lead).to_contain_text("2021-2025")
            answers.nth(1).screenshot(path=str(ARTIFACTS / "chat-previous-period.png"))
            assert errors == [], errors
            context.close()
        finally:
            browser.close()
