"""Scanned PDFs (pages without a text layer) are read by OCR (tesseract, vie) and their citations say so.

The scans are drawn at test time (tests/fixtures/scan.py): a fictional decision in Liberation Serif
2 (Times's metrics) or DejaVu Serif, with Vietnamese tone marks, saved as an image-only PDF. OCR takes
about 3 s a page here, so the scanned decision is read once (through `ntm ingest`) and shared.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from api.main import create_app
from api.present import chat_text
from assistant.answer import Answer, Citations, Sentence
from assistant.cli import app
from assistant.format import COMPILED_MARK, OCR_MARK
from assistant.service import Assistant
from assistant.settings import Settings
from corpus.errors import LoadError
from corpus.load import load
from corpus.ocr import OcrOptions
from corpus.registry import Corpus
from tests.conftest import FIXTURES
from tests.fixtures.scan import char_accuracy, page_lines, render, save_pdf, scanned_pdf

runner = CliRunner()
NUMBER = "57/QĐ-UBND"
DECISION = [
    "ỦY BAN NHÂN DÂN TỈNH MẪU",
    "Số: 57/QĐ-UBND",
    "Tỉnh Mẫu, ngày 20 tháng 4 năm 2024",
    "QUYẾT ĐỊNH",
    "Về việc công nhận xã đạt chuẩn nông thôn mới năm 2024",
    "Căn cứ Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng Chính phủ;",
    "Điều 1. Công nhận xã Hòa Bình đạt chuẩn nông thôn mới năm 2024; xã được hưởng các chính sách "
    "khuyến khích theo quy định hiện hành.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Ủy ban nhân dân huyện chịu trách nhiệm thi hành Quyết định này.",
]
NO_TESSERACT = "/nonexistent/bin/tesseract"


def _env(monkeypatch: pytest.MonkeyPatch, root: Path, seed_dir: Path, **extra: str) -> Settings:
    monkeypatch.setenv("NTM_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("NTM_CORPUS_DIR", str(seed_dir))
    monkeypatch.setenv("NTM_EMBEDDER", "fake")
    for name, value in extra.items():
        monkeypatch.setenv(f"NTM_{name.upper()}", value)
    return Settings(_env_file=None)


def _stored(settings: Settings) -> list[str]:
    folder = settings.ingested_dir
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return scanned_pdf(DECISION, tmp_path_factory.mktemp("scan") / "quyet-dinh-quet.pdf")


@pytest.fixture(scope="module")
def ingested(scan: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, str]:
    """The scan ingested through `ntm ingest` (OCR on by default); its settings and the command's output."""
    root = tmp_path_factory.mktemp("ingested")
    seed = root / "builtin"
    seed.mkdir()
    for name in ("14-BCDCTMTQG-2023.md",):
        (seed / name).write_bytes((Corpus().builtin_dir / name).read_bytes())
    with pytest.MonkeyPatch.context() as mp:
        settings = _env(mp, root, seed)
        result = runner.invoke(app, ["ingest", str(scan), "--official", "--no-index"])
    assert result.exit_code == 0, result.output
    return settings, " ".join(result.output.split())


def test_generated_scan_has_no_text_layer(scan: Path) -> None:
    page = PdfReader(scan).pages[0]
    assert (page.extract_text() or "").strip() == ""
    assert len(page.images) == 1


@pytest.mark.heavy
def test_scanned_decision_is_read_with_its_articles(ingested: tuple[Settings, str]) -> None:
    settings, output = ingested
    assert "Nhận dạng chữ (OCR) quyet-dinh-quet.pdf: trang 1 — 1/1" in output  # progress per page
    assert f"Đã thêm {NUMBER}" in output
    corpus = Corpus(settings.ingested_dir, builtin_dir=settings.corpus_dir)  # re-read from the stored Markdown
    doc = corpus.get(NUMBER)
    assert doc.meta.ocr_pages == [1]
    assert doc.meta.provenance == "official"
    labels = [s.labels for s in corpus.tree(NUMBER).walk()[1:]]
    assert ("Điều 1",) in labels and ("Điều 2",) in labels
    accuracy = char_accuracy("\n".join(page_lines(DECISION)), doc.text)
    assert accuracy >= 0.95, (accuracy, doc.text)
    article = next(s for s in corpus.tree(NUMBER).walk() if s.labels == ("Điều 1",))
    assert "đạt chuẩn nông thôn mới" in article.full_text() and article.page == 1
    stored = (settings.ingested_dir / "57-QD-UBND.md").read_text(encoding="utf-8")
    assert re.search(r"^ocr_pages:\n- 1$", stored, re.M)  # the mark survives the Markdown round trip


@pytest.mark.heavy
def test_citations_section_view_and_chat_carry_the_ocr_mark(ingested: tuple[Settings, str]) -> None:
    settings, _ = ingested
    assistant = Assistant(settings)
    cites = Citations(assistant.section, assistant.meta)
    scanned = cites.add(NUMBER, f"{NUMBER} › Điều 1", "công nhận xã đạt chuẩn")
    typed = cites.add("14/BCĐCTMTQG", assistant.corpus.tree("14/BCĐCTMTQG").walk()[1].path, "nông thôn mới")
    by_n = {c.n: c for c in cites.items}
    assert by_n[scanned].ocr_note == OCR_MARK and by_n[scanned].official
    assert by_n[typed].ocr_note is None
    answer = Answer(
        id="x",
        question="?",
        as_of=dt.date(2024, 5, 1),
        sentences=[Sentence("Xã được công nhận.", [scanned])],
        citations=cites.items,
    )
    text = chat_text(answer)
    assert f"[{scanned}] {NUMBER} › Điều 1, tr. 1 ({OCR_MARK})" in text
    assert text.count(OCR_MARK) == 1

    client = TestClient(create_app(settings), raise_server_exceptions=False)
    section = client.get("/v1/documents/57-QD-UBND/sections/dieu-2")
    assert section.status_code == 200, section.text
    body = section.json()
    assert body["ocr_note"] == OCR_MARK and body["note"] is None  # official, but read from a scan
    assert "hiệu lực kể từ ngày ký" in body["text"]
    other = client.get("/v1/documents/14-BCDCTMTQG").json()
    assert other["ocr_pages"] == []
    first = other["sections"][0]["anchor"]
    assert client.get(f"/v1/documents/14-BCDCTMTQG/sections/{first}").json()["ocr_note"] is None


@pytest.mark.heavy
def test_compiled_scan_carries_both_marks(ingested: tuple[Settings, str]) -> None:
    settings, _ = ingested
    corpus = Corpus(settings.ingested_dir, builtin_dir=settings.corpus_dir)
    meta = corpus.get(NUMBER).meta.model_copy(update={"provenance": "compiled"})
    cites = Citations(lambda path: None, lambda doc: meta)
    c = cites.items[cites.add(NUMBER, f"{NUMBER} › Điều 1", "xã", page=1, text="Công nhận xã.") - 1]
    assert (c.note, c.ocr_note) == (COMPILED_MARK, OCR_MARK)


def test_page_with_text_is_not_ocred() -> None:
    # A command that does not exist: any attempt at OCR would fail the load.
    doc = load(FIXTURES / "quyet-dinh-mau.pdf", ocr=OcrOptions(tesseract_cmd=NO_TESSERACT))
    assert doc.meta.ocr_pages == []
    assert "Điều 3. Trách nhiệm thi hành" in doc.text


@pytest.mark.heavy
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocred(tmp_path: Path) -> None:
    scanned = scanned_pdf(["Điều 4. Giao Sở Nông nghiệp theo dõi việc thực hiện Quyết định này."], tmp_path / "p.pdf")
    writer = PdfWriter(clone_from=FIXTURES / "quyet-dinh-mau.pdf")
    writer.append(scanned)
    writer.write(tmp_path / "mixed.pdf")
    doc = load(tmp_path / "mixed.pdf")
    assert doc.meta.ocr_pages == [3]
    assert [ln.page for ln in doc.lines if ln.text.startswith("Điều 3.")] == [2]  # the text layer, as before
    page3 = " ".join(ln.text for ln in doc.lines if ln.page == 3)
    assert char_accuracy("Điều 4. Giao Sở Nông nghiệp theo dõi việc thực hiện Quyết định này.", page3) >= 0.95


def test_missing_tesseract_is_a_specific_error_and_nothing_is_stored(
    scan: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed_dir: Path
) -> None:
    settings = _env(monkeypatch, tmp_path, seed_dir, ocr_tesseract_cmd=NO_TESSERACT)
    result = runner.invoke(app, ["ingest", str(scan), "--official", "--no-index"])
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert "Không đọc được tệp quyet-dinh-quet.pdf: máy chủ chưa cài tesseract-ocr-vie" in output
    assert "Traceback" not in output
    assert _stored(settings) == []


def test_missing_vietnamese_model_is_a_specific_error(scan: Path, tmp_path: Path) -> None:
    fake = tmp_path / "tesseract"  # a tesseract that knows English only
    fake.write_text("#!/bin/sh\necho 'List of available languages in \"/x/\" (2):'\necho eng\necho osd\n")
    fake.chmod(0o755)
    with pytest.raises(LoadError, match="chưa cài tesseract-ocr-vie"):
        load(scan, ocr=OcrOptions(tesseract_cmd=str(fake)))


def test_ocr_switched_off_is_a_specific_error(scan: Path) -> None:
    with pytest.raises(LoadError, match=r"bản quét .* nhận dạng chữ \(OCR\) đang tắt \(NTM_OCR\)"):
        load(scan, ocr=OcrOptions(enabled=False))


def test_ocr_page_timeout_is_a_specific_error(scan: Path) -> None:
    with pytest.raises(LoadError, match=r"trang 1: nhận dạng chữ một trang quá 0.01 giây"):
        load(scan, ocr=OcrOptions(timeout_s=0.01))


def test_too_many_scanned_pages_names_the_limit_and_stores_nothing(tmp_path: Path, seed_dir: Path) -> None:
    # 500 small image pages: a long scan, refused before any page is rendered or read.
    pages = [Image.new("L", (40, 56), 255) for _ in range(500)]
    path = save_pdf(pages, tmp_path / "ban-quet-500-trang.pdf", dpi=5)
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    with pytest.raises(LoadError) as caught:
        corpus.ingest(path, official=True, ocr=OcrOptions(tesseract_cmd=NO_TESSERACT))
    assert "PDF có 500 trang quét cần nhận dạng chữ, vượt giới hạn 200 trang (NTM_OCR_MAX_PAGES)" in str(caught.value)
    assert not (tmp_path / "ingested").exists() or not any((tmp_path / "ingested").iterdir())


def test_password_protected_scan_keeps_its_error(scan: Path, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=scan)
    writer.encrypt(user_password="mat-khau", owner_password="chu-so-huu")
    writer.write(tmp_path / "quet-mat-khau.pdf")
    with pytest.raises(LoadError, match="PDF được mã hóa bằng mật khẩu"):
        load(tmp_path / "quet-mat-khau.pdf")


def test_large_pages_render_within_the_pixel_bound(tmp_path: Path) -> None:
    from corpus.ocr import MAX_PIXELS, render_pages

    poster = save_pdf([Image.new("L", (120, 120), 255)], tmp_path / "poster.pdf", dpi=1)  # 120 × 120 inches
    [(_, image, dpi)] = list(render_pages(poster, [1], 300))
    assert image.width * image.height <= MAX_PIXELS * 1.01 and dpi < 300


def test_noisy_skewed_render_differs_from_clean() -> None:
    # The benchmark's degraded condition really is degraded (same text, other pixels).
    clean = render(["Điều 1. Phạm vi điều chỉnh"], dpi=100)[0]
    noisy = render(["Điều 1. Phạm vi điều chỉnh"], dpi=100, noise=0.01, skew_deg=1.5)[0]
    assert clean.size == noisy.size and clean.tobytes() != noisy.tobytes()


def test_upload_of_a_scan_without_tesseract_is_a_400_naming_it(scan: Path, tmp_path: Path) -> None:
    from tests.api.conftest import make_settings

    settings = make_settings(tmp_path, ocr_tesseract_cmd=NO_TESSERACT)
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    response = client.post(
        "/v1/documents",
        files={"file": ("quyet-dinh-quet.pdf", scan.read_bytes(), "application/pdf")},
        headers={"Authorization": f"Bearer {settings.admin_token}"},
    )
    assert response.status_code == 400, response.text
    assert "chưa cài tesseract-ocr-vie" in response.json()["error"]["message"]
    assert _stored(settings) == []
