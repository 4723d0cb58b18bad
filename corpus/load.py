"""`load(path) -> Document` for Markdown with front-matter, text, PDF, DOCX and HTML."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml
from pydantic import ValidationError

from corpus.detect import detect
from corpus.errors import LoadError
from corpus.model import Document, DocumentMeta, Line
from corpus.normalize import normalize_text
from corpus.ocr import MIN_TEXT_CHARS, OcrError, OcrOptions, needs_ocr, read_pages, visible_chars

SUFFIXES = (".md", ".markdown", ".txt", ".pdf", ".docx", ".html", ".htm")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Bounds for malformed or hostile files, so one upload cannot exhaust memory or time.
DEFAULT_MAX_PAGES = 2_000  # PDF pages read
DEFAULT_MAX_CHARS = 20_000_000  # characters of text taken from one file (~ 5,000 dense pages)
DEFAULT_MAX_UNZIPPED_BYTES = 200_000_000  # a DOCX package, all parts expanded
DEFAULT_MAX_ZIP_ENTRIES = 5_000  # parts of a DOCX package
DEFAULT_MAX_HTML_ELEMENTS = 200_000  # tags in an HTML file
DEFAULT_MAX_HTML_DEPTH = 5_000  # nesting of HTML elements (the parser slows with its square)
_DEFAULT_OCR = OcrOptions()
_PAGE = re.compile(r"^\s*<!--\s*page:\s*(\d+)\s*-->\s*$")


def load(
    path: str | Path,
    *,
    number: str | None = None,
    provenance: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES,
    ocr: OcrOptions | None = None,
) -> Document:
    """Read one file into a Document.

    Args:
        path: the file; its suffix picks the reader.
        number: the document number, when the text does not state it.
        provenance: "official" or "compiled", overriding the front-matter.
        max_bytes: larger files are refused before they are read.
        max_pages: a PDF with more pages is refused before its text is extracted.
        max_chars: a file yielding more text than this is refused.
        max_unzipped_bytes: a DOCX whose parts expand beyond this is refused before it is parsed
            (a zip bomb); the sizes its headers declare are checked against the real data.
        ocr: how PDF pages without a text layer are read (default: OCR on, see corpus/ocr.py); the
            pages read so are listed in the document's `ocr_pages`.

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
    limits = _Limits(
        max_pages=max_pages, max_chars=max_chars, max_unzipped_bytes=max_unzipped_bytes, ocr=ocr or _DEFAULT_OCR
    )
    try:
        meta, lines = reader(path, limits)
    except LoadError:
        raise
    except RecursionError as exc:
        raise LoadError(path, "cấu trúc tệp lồng nhau quá sâu, không đọc được") from exc
    except MemoryError as exc:
        raise LoadError(path, "tệp cần quá nhiều bộ nhớ để đọc") from exc
    except Exception as exc:  # every parser library fails differently; name the file and reason
        raise LoadError(path, f"tệp hỏng hoặc không đúng định dạng {suffix} ({type(exc).__name__}: {exc})") from exc
    _check_chars(path, sum(len(ln.text) for ln in lines), max_chars)
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


@dataclass(frozen=True)
class _Limits:
    max_pages: int = DEFAULT_MAX_PAGES
    max_chars: int = DEFAULT_MAX_CHARS
    max_unzipped_bytes: int = DEFAULT_MAX_UNZIPPED_BYTES
    max_zip_entries: int = DEFAULT_MAX_ZIP_ENTRIES
    max_html_elements: int = DEFAULT_MAX_HTML_ELEMENTS
    max_html_depth: int = DEFAULT_MAX_HTML_DEPTH
    # Bounds (pages, time) and switches of the OCR of scanned PDF pages; frozen, so one default is safe to share.
    ocr: OcrOptions = _DEFAULT_OCR


def _vn(n: int) -> str:
    """20000000 → '20.000.000' (Vietnamese digit grouping)."""
    return f"{n:,}".replace(",", ".")


def _check_chars(path: Path, count: int, limit: int) -> None:
    if count > limit:
        raise LoadError(path, f"văn bản quá dài (hơn {_vn(limit)} ký tự)")


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


def _read_markdown(path: Path, limits: _Limits) -> tuple[dict, list[Line]]:
    raw = path.read_text(encoding="utf-8")
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        raise LoadError(path, f"phần đầu YAML không hợp lệ ({exc})") from exc
    return dict(post.metadata), _split_pages(post.content)


def _read_text(path: Path, limits: _Limits) -> tuple[dict, list[Line]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(path, "không phải văn bản UTF-8") from exc
    if "\x00" in text:
        raise LoadError(path, "tệp nhị phân, không phải văn bản")
    return {}, _split_pages(text)


def _read_pdf(path: Path, limits: _Limits) -> tuple[dict, list[Line]]:
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
    pages = len(reader.pages)
    if pages > limits.max_pages:
        raise LoadError(path, f"PDF có {pages} trang, vượt giới hạn {limits.max_pages} trang; hãy tách tệp")
    texts: list[str] = []
    scanned: list[int] = []
    chars = 0
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text() or ""
        chars += len(text)
        _check_chars(path, chars, limits.max_chars)
        texts.append(text)
        if needs_ocr(text, page):
            scanned.append(number)
    meta: dict = {}
    if scanned and (limits.ocr.enabled or not any(visible_chars(t) >= MIN_TEXT_CHARS for t in texts)):
        # With OCR switched off, a PDF that has text elsewhere is read as before (its scanned pages
        # skipped); one that is only a scan (a stamp's few words at most) gets the reason, not "no text".
        try:
            read = read_pages(path, scanned, limits.ocr)
        except OcrError as exc:
            raise LoadError(path, exc.reason) from exc
        for number, text in read.items():
            chars += len(text) - len(texts[number - 1])
            _check_chars(path, chars, limits.max_chars)
            texts[number - 1] = text
        meta["ocr_pages"] = scanned
    lines = [Line(t, number) for number, text in enumerate(texts, start=1) for t in text.splitlines()]
    return meta, lines


def _read_docx(path: Path, limits: _Limits) -> tuple[dict, list[Line]]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    if not zipfile.is_zipfile(path):
        raise LoadError(path, "không phải tệp DOCX (không phải gói ZIP)")
    with zipfile.ZipFile(path) as zf:
        if "word/document.xml" not in zf.namelist():
            raise LoadError(path, "gói ZIP không chứa word/document.xml, không phải DOCX")
        _check_zip(path, zf, limits)
    try:
        document = docx.Document(str(path))
    except XMLSyntaxError as exc:
        # lxml refuses nesting deeper than 256 levels and oversized text nodes by itself.
        raise LoadError(path, f"nội dung XML của DOCX hỏng hoặc lồng nhau quá sâu ({exc})") from exc
    body = document.element.body
    if body.xpath(".//w:ins | .//w:del | .//w:moveFrom | .//w:moveTo"):
        # python-docx reads neither inserted nor deleted runs of a tracked change: the text would be wrong.
        raise LoadError(
            path,
            "DOCX còn thay đổi được theo dõi (Track Changes) chưa xử lý; hãy chấp nhận hoặc từ chối mọi thay đổi "
            "(Review → Accept/Reject All) rồi nạp lại",
        )
    lines: list[Line] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(Line(t) for t in block.text.splitlines() or [""])
        elif isinstance(block, Table):
            lines.extend(Line(row) for row in _table_rows(block))
    return {}, lines


def _check_zip(path: Path, zf: zipfile.ZipFile, limits: _Limits) -> None:
    """Refuse a package that expands beyond the limit (a zip bomb), before anything is parsed.

    The sizes in the ZIP headers are checked first; then every part is inflated in bounded
    steps (never more than 1 MB at a time) and compared with what its header declares, since
    a forged header would otherwise let the parser inflate far more than it announced.
    """
    infos = zf.infolist()
    if len(infos) > limits.max_zip_entries:
        raise LoadError(path, f"gói DOCX có {len(infos)} phần, vượt giới hạn {limits.max_zip_entries}")
    limit_mb = limits.max_unzipped_bytes / 1e6
    declared = sum(info.file_size for info in infos)
    if declared > limits.max_unzipped_bytes:
        raise LoadError(
            path, f"gói DOCX giải nén ra {declared / 1e6:.0f} MB, vượt giới hạn {limit_mb:.0f} MB (nghi là zip bomb)"
        )
    with path.open("rb") as raw:
        for info in infos:
            if info.flag_bits & 0x1:
                raise LoadError(path, "DOCX được mã hóa, không mở được")
            if _inflated_size(raw, info) != info.file_size:
                raise LoadError(
                    path,
                    f"phần {info.filename} giải nén ra khác kích thước khai báo (tệp hỏng hoặc zip bomb)",
                )


def _inflated_size(raw, info: zipfile.ZipInfo) -> int:
    """Bytes a ZIP member really expands to, counting no further than one step past its declared size."""
    raw.seek(info.header_offset)
    header = raw.read(zipfile.sizeFileHeader)
    if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        return -1
    fields = struct.unpack(zipfile.structFileHeader, header)
    raw.seek(fields[10] + fields[11], 1)  # file name and extra field lengths
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return -1
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left, produced = info.compress_size, 0
    while left > 0 and not inflater.eof:
        data = raw.read(min(left, 1 << 16))
        if not data:
            break
        left -= len(data)
        while data and not inflater.eof:
            produced += len(inflater.decompress(data, 1 << 20))
            data = inflater.unconsumed_tail
            if produced > info.file_size:
                return produced
    return produced


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


_HTML_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_HTML_VOID = frozenset(b"area base br col embed hr img input keygen link meta param source track wbr".split())


def _check_html(path: Path, raw: bytes, limits: _Limits) -> None:
    """Refuse HTML with too many elements or nested too deep before building the tree: the
    parser's memory grows with the elements (about 1 KB each) and its time with the nesting
    squared. A rough scan of the tags is enough to bound both."""
    if b"\x00" in raw[:4096]:
        # UTF-16/32 (the parser detects it from the BOM or the declaration): scan the decoded text.
        from bs4.dammit import UnicodeDammit

        raw = (UnicodeDammit(raw, is_html=True).unicode_markup or "").encode("utf-8", "replace")
    elements = depth = 0
    for m in _HTML_TAG.finditer(raw):
        closing, name, self_closing = m.groups()
        if closing:
            depth = max(0, depth - 1)
            continue
        elements += 1
        if elements > limits.max_html_elements:
            raise LoadError(path, f"HTML có quá nhiều thẻ (hơn {_vn(limits.max_html_elements)})")
        if not self_closing and name.lower() not in _HTML_VOID:
            depth += 1
            if depth > limits.max_html_depth:
                raise LoadError(path, f"HTML lồng nhau quá sâu (hơn {limits.max_html_depth} cấp)")


def _read_html(path: Path, limits: _Limits) -> tuple[dict, list[Line]]:
    from bs4 import BeautifulSoup

    raw = path.read_bytes()
    _check_html(path, raw, limits)
    soup = BeautifulSoup(raw, "html.parser")
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


_READERS: dict[str, Callable[[Path, _Limits], tuple[dict, list[Line]]]] = {
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".txt": _read_text,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
    ".html": _read_html,
    ".htm": _read_html,
}
