"""Loaders on committed fixtures, and every kind of bad input."""

import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter

from corpus.errors import LoadError
from corpus.load import load
from corpus.parse import sections
from tests.conftest import FIXTURES


def test_pdf_keeps_page_numbers_and_metadata() -> None:
    doc = load(FIXTURES / "quyet-dinh-mau.pdf")
    assert doc.number == "99/QĐ-UBND"
    assert doc.meta.kind == "Quyết định"
    assert doc.meta.issued.isoformat() == "2023-03-15"
    secs = {s.path: s for s in sections(doc)}
    assert secs["99/QĐ-UBND › Điều 1"].page == 1
    assert secs["99/QĐ-UBND › Điều 3 › Khoản 2 › Điểm b"].page == 2
    assert "thủy lợi" in secs["99/QĐ-UBND › Điều 3 › Khoản 2 › Điểm b"].text


def test_docx_keeps_tables_as_rows() -> None:
    doc = load(FIXTURES / "cong-van-mau.docx")
    assert doc.number == "77/UBND-NN"
    assert doc.meta.kind == "Công văn"
    assert doc.meta.title.startswith("thực hiện tiêu chí thu nhập")
    assert any(line.text.startswith("| 17 | Môi trường | 17.1.") for line in doc.lines)
    secs = {s.path: s for s in sections(doc)}
    income = secs["77/UBND-NN › Phụ lục › Tiêu chí 10 › 10"]
    assert income.thresholds == {"Trung du miền núi phía Bắc": "≥45", "Đồng bằng sông Hồng": "≥55"}
    assert "77/UBND-NN › Mục 2" in secs


def test_html_and_text(tmp_path: Path) -> None:
    html = tmp_path / "cv.html"
    html.write_text(
        "<html><body><script>x()</script><p>Số: 12/UBND-NN</p><p>V/v thủy lợi</p>"
        "<p>1. Rà soát tiêu chí.</p><p>2. Báo cáo.</p><table><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = load(html)
    assert doc.number == "12/UBND-NN"
    assert "x()" not in doc.text
    assert "| 1 | 2 |" in doc.text
    assert [s.labels[-1] for s in sections(doc)][-2:] == ["Mục 1", "Mục 2"]
    txt = tmp_path / "cv.txt"
    txt.write_text("Số: 5/QĐ-UBND\nĐiều 1. Thuỷ lợi hoà bình", encoding="utf-8")
    assert load(txt).lines[1].text == "Điều 1. Thủy lợi hòa bình"


def test_markdown_front_matter_and_page_markers(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "---\nnumber: 1/QĐ-TEST\nprovenance: official\nlevel: [xã]\n---\n<!-- page: 3 -->\nĐiều 1. A\n<!-- page: 4 -->\nĐiều 2. B\n",
        encoding="utf-8",
    )
    doc = load(md)
    assert doc.meta.provenance == "official" and doc.meta.level == ["xã"]
    assert [s.page for s in sections(doc)] == [3, 4]


def _pdf(path: Path, *, password: str | None = None) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(user_password=password, owner_password=password)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("corrupt.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n garbage \x00\x01"), "hỏng"),
        ("empty.pdf", lambda p: _pdf(p), "không có nội dung"),
        ("secret.pdf", lambda p: _pdf(p, password="mật-khẩu"), "mã hóa"),
        ("zero.pdf", lambda p: p.write_bytes(b""), "tệp rỗng"),
        (
            "junk.docx",
            lambda p: zipfile.ZipFile(p, "w").writestr("junk.txt", "rác"),
            "không chứa word/document.xml",
        ),
        ("notzip.docx", lambda p: p.write_bytes(b"not a zip at all"), "không phải gói ZIP"),
        ("file.xlsx", lambda p: p.write_bytes(b"x"), "không được hỗ trợ"),
        (
            "nonumber.txt",
            lambda p: p.write_text("Điều 1. Không có số hiệu.", encoding="utf-8"),
            "số hiệu",
        ),
        ("binary.txt", lambda p: p.write_bytes(b"\xff\xfe\x00\x00garbage"), "UTF-8"),
        (
            "bad-front.md",
            lambda p: p.write_text("---\nnumber: [unclosed\n---\nx", encoding="utf-8"),
            "YAML",
        ),
        (
            "bad-meta.md",
            lambda p: p.write_text("---\nnumber: 1/QĐ-X\nprovenance: maybe\n---\nx", encoding="utf-8"),
            "provenance",
        ),
    ],
)
def test_bad_files_get_a_clear_error_naming_file_and_reason(tmp_path: Path, name, make, reason) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(LoadError) as info:
        load(path)
    assert name in info.value.message
    assert reason in info.value.message


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB without using the disk
    with pytest.raises(LoadError, match="quá lớn"):
        load(big)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="không tồn tại"):
        load(tmp_path / "nope.pdf")
