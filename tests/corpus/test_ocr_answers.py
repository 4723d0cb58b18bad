"""A scanned copy of a compiled document (its text drawn as page images, no text layer) ingests with OCR and
answers the questions the typed text answered, its citations marked as read from a scan."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.service import Assistant
from corpus.registry import BUILTIN_DIR
from tests.api.conftest import make_settings
from tests.fixtures.scan import scanned_pdf

pytestmark = pytest.mark.heavy

QUESTIONS = {
    "Theo Quyết định 319/QĐ-TTg, xã nông thôn mới kiểu mẫu phải có ít nhất mấy mô hình thôn thông minh?": "≥ 1 mô hình",
    "Quyết định 319/QĐ-TTg có hiệu lực từ khi nào?": "kể từ ngày ký ban hành",  # Điều 3's own words, read by OCR
}


def _body(path: Path) -> list[str]:
    """The document's text as printed: the front-matter dropped, Markdown emphasis removed."""
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return [re.sub(r"\*\*", "", line) for line in text.splitlines()]


def test_a_scanned_compiled_document_answers_the_same_questions(tmp_path: Path) -> None:
    source = BUILTIN_DIR / "319-QD-TTg-2022.md"
    settings = make_settings(tmp_path)
    shutil.copy(source, settings.corpus_dir / source.name)
    typed = Assistant(settings)
    typed.build()
    before = {q: typed.ask(q) for q in QUESTIONS}
    for question, fact in QUESTIONS.items():
        assert fact in before[question].text, before[question].text

    scan = scanned_pdf(_body(source), tmp_path / "319-quet.pdf")
    scanned = Assistant(settings)
    result = scanned.ingest(scan, official=False, number="319/QĐ-TTg")
    assert result.document.meta.ocr_pages and result.document.meta.provenance == "compiled"
    assert {"Điều 1", "Điều 2"} <= {s.labels[0] for s in scanned.corpus.tree("319/QĐ-TTg").walk()[1:]}
    scanned.build()
    for question, fact in QUESTIONS.items():
        answer = scanned.ask(question)
        assert fact in answer.text, answer.text
        cited = [c for c in answer.citations if c.doc == "319/QĐ-TTg"]
        assert cited and all(c.ocr_note == "văn bản nhận dạng từ bản quét" for c in cited), cited
