"""`load(path) -> Document` for Markdown with front-matter, text, PDF, DOCX and HTML."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import frontmatter
import yaml
from pydantic import ValidationError

from corpus.detect import detect
from corpus.errors import LoadError
from corpus.model import Document, DocumentMeta, Line
from corpus.normalize import normalize_text

SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_PAGE = re.compile(r"^\s*<!--\s*page:\s*(\d+)\s*-->\s*$")


def load(
    path: str | Path,
    *,
    number: str | None = None,
    provenance: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file into a Document.

    Args:
        path: the file; its suffix picks the reader.
        number: the document number, when the text does not state it.
        provenance: "official" or "compiled", overriding the front-matter.
        max_bytes: larger files are refused before they are read.

    Raises:
        LoadError: naming the file and the reason, for anything that cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        raise LoadError(path, "tệp không tồn tại")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(
            path,
            f"định dạng '{suffix or '(không có)'}' không được hỗ trợ; chỉ nhận {', '.join(SUFFIXES)}",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(path, f"tệp quá lớn ({size / 1e6:.1f} MB, tối đa {max_bytes / 1e6:.0f} MB)")
    if size == 0:
        raise LoadError(path, "tệp rỗng")
    reader = _READERS[suffix]
    try:
        meta, lines = reader(path)
    except LoadError:
        raise
    except Exception as exc:  # every parser library fails differently; name the file and reason
        raise LoadError(path, f"tệp hỏng hoặc không đúng định dạng {suffix} ({type(exc).__name__}: {exc})") from exc
    lines = [Line(normalize_text(ln.text).rstrip(), ln.page) for ln in lines]
    if not any(ln.text.strip() for ln in lines):
        raise LoadError(path, "không có nội dung văn bản (tệp trống hoặc bản scan chưa nhận dạng chữ)")
    text = "\n".join(ln.text for ln in lines)
    found = detect(text)
    merged = {**{k: v for k, v in found.items() if v is not None}, **meta}
    if number:
        merged["number"] = number
    if provenance:
        merged["provenance"] = provenance
    if not merged.get("number"):
        raise LoadError(path, "không tìm thấy số hiệu văn bản (dòng 'Số: …'); hãy chỉ rõ số hiệu")
    merged["number"] = normalize_text(str(merged["number"])).strip()
    try:
        doc_meta = DocumentMeta.model_validate(merged)
    except ValidationError as exc:
        raise LoadError(path, f"thông tin đầu văn bản không hợp lệ: {_first_error(exc)}") from exc
    return Document(meta=doc_meta, lines=lines, source=str(path))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"


def _split_pages(text: str) -> list[Line]:
    """Lines of a Markdown/text body; `<!-- page: N -->` markers set the page of what follows."""
    page: int | None = None
    out: list[Line] = []
    for raw in text.splitlines():
        m = _PAGE.match(raw)
        if m:
            page = int(m.group(1))
            continue
        out.append(Line(raw, page))
    return out


def _read_markdown(path: Path) -> tuple[dict, list[Line]]:
    raw = path.read_text(encoding="utf-8")
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise LoadError(path, f"phần đầu YAML không hợp lệ ({exc})") from exc
    return dict(post.metadata), _split_pages(post.content)


def _read_text(path: Path) -> tuple[dict, list[Line]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, "không phải văn bản UTF-8") from exc
    if "\x00" in text:
        raise LoadError(path, "tệp nhị phân, không phải văn bản")
    return {}, _split_pages(text)


def _read_pdf(path: Path) -> tuple[dict, list[Line]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
    except PdfReadError as exc:
        raise LoadError(path, f"PDF hỏng ({exc})") from exc
    if reader.is_encrypted:
        # Many official PDFs carry an owner password only; they open with an empty user password.
        try:
            ok = reader.decrypt("")
        except Exception as exc:
            raise LoadError(path, "PDF được mã hóa, không mở được") from exc
        if not ok:
            raise LoadError(path, "PDF được mã hóa bằng mật khẩu, không mở được")
    lines: list[Line] = []
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        lines.extend(Line(t, number) for t in text.splitlines())
    return {}, lines


def _read_docx(path: Path) -> tuple[dict, list[Line]]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(path):
        raise LoadError(path, "không phải tệp DOCX (không phải gói ZIP)")
    with zipfile.ZipFile(path) as zf:
        if "word/document.xml" not in zf.namelist():
            raise LoadError(path, "gói ZIP không chứa word/document.xml, không phải DOCX")
    document = docx.Document(str(path))
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(Line(t) for t in block.text.splitlines() or [""])
        elif isinstance(block, Table):
            lines.extend(Line(row) for row in _table_rows(block))
    return {}, lines


def _table_rows(table) -> Iterator[str]:
    """DOCX table rows as Markdown rows, so criteria tables parse like the corpus's own."""
    for i, row in enumerate(table.rows):
        cells = []
        previous = None
        for cell in row.cells:
            # Merged cells repeat the same object; keep one copy so columns stay aligned by grid.
            text = cell.text.strip().replace("\n", "<br>").replace("|", "/")
            cells.append("" if cell._tc is previous else text)
            previous = cell._tc
        yield "| " + " | ".join(cells) + " |"
        if i == 0:
            yield "| " + " | ".join("---" for _ in cells) + " |"


def _read_html(path: Path) -> tuple[dict, list[Line]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "noscript"]):
        tag.decompose()
    for table in soup.find_all("table"):
        rows = []
        for i, tr in enumerate(table.find_all("tr")):
            cells = [c.get_text(" ", strip=True).replace("|", "/") for c in tr.find_all(["td", "th"])]
            rows.append("| " + " | ".join(cells) + " |")
            if i == 0:
                rows.append("| " + " | ".join("---" for _ in cells) + " |")
        table.replace_with(soup.new_string("\n" + "\n".join(rows) + "\n"))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"]):
        block.insert_after("\n")
    text = soup.get_text()
    meta: dict = {}
    return meta, [Line(t.strip()) for t in text.splitlines()]


_READERS: dict[str, Callable[[Path], tuple[dict, list[Line]]]] = {
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".txt": _read_text,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}
