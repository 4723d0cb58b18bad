"""OCR of PDF pages without a text layer (scanned decisions): pages are rendered with pypdfium2 and
read by tesseract (Vietnamese model `vie`) through pytesseract.

The PDF reader (corpus/load.py) decides which pages need it (`needs_ocr`) and calls `read_pages`;
every failure here is an `OcrError` whose reason is Vietnamese, turned into a LoadError there.
"""

from __future__ import annotations

import logging
import re
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# A page whose text layer holds fewer visible characters than this (a stamp's "Ký bởi…", a page number)
# is treated as a scan when it also holds an image.
MIN_TEXT_CHARS = 20
DEFAULT_DPI = 300
DEFAULT_MAX_PAGES = 200
DEFAULT_TIMEOUT_S = 120.0
# A hostile or poster-sized page at 300 dpi would render gigabytes; larger pages are rendered at a
# lower resolution so that one page never exceeds this many pixels (A4 at 300 dpi is 8.7 million).
MAX_PIXELS = 40_000_000
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"

# pytesseract reads the tesseract command from a module global; it is set and used under this lock so
# two uploads with different commands never mix them up (OCR is CPU-bound: running one page at a time
# costs little).
_TESSERACT_LOCK = threading.Lock()

Progress = Callable[[int, int, int], None]
"""Called after each OCR'd page with (pages done, pages to do, page number)."""


class OcrError(Exception):
    """OCR could not be done; `reason` is Vietnamese, for end users."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class OcrOptions:
    """How scanned pages are read (from the NTM_OCR* settings)."""

    enabled: bool = True
    dpi: int = DEFAULT_DPI
    max_pages: int = DEFAULT_MAX_PAGES
    timeout_s: float = DEFAULT_TIMEOUT_S
    lang: str = "vie"
    # 3 = automatic page segmentation: the two-column heading of a decision (issuer | national motto)
    # is read column by column; 6 (one uniform block) mixes the two columns line by line.
    psm: int = 3
    tesseract_cmd: str = "tesseract"
    progress: Progress | None = None


def visible_chars(text: str) -> int:
    return len(re.sub(r"\s+", "", text))


def has_image(page: Any) -> bool:
    """Whether a pypdf page draws an image (XObject or inline)."""
    try:
        return len(page.images) > 0
    except Exception:  # an image pypdf cannot list: let rendering tell whether there is anything to read
        return True


def needs_ocr(text: str, page: Any) -> bool:
    """A page with (almost) no extracted text that holds an image: a scan."""
    return visible_chars(text) < MIN_TEXT_CHARS and has_image(page)


def check_available(options: OcrOptions) -> None:
    """Raise OcrError unless the tesseract command runs and knows the language.

    Checked for each scanned file rather than once per process: a server started before the packages
    were installed picks them up without a restart, and `tesseract --list-langs` takes milliseconds.
    """
    missing = f"máy chủ chưa cài tesseract-ocr-{options.lang} để nhận dạng chữ ({INSTALL_HINT})"
    try:
        run = subprocess.run(
            [options.tesseract_cmd, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("tesseract không chạy được (%s): %s", options.tesseract_cmd, exc)
        raise OcrError(missing) from exc
    # tesseract 3/4 printed the list on stderr, 5 on stdout.
    langs = {ln.strip() for ln in (run.stdout + "\n" + run.stderr).splitlines()}
    if run.returncode != 0 or options.lang not in langs:
        raise OcrError(missing)


def _scale(width_pt: float, height_pt: float, dpi: int) -> float:
    scale = dpi / 72
    pixels = width_pt * height_pt * scale * scale
    if pixels > MAX_PIXELS:
        scale *= (MAX_PIXELS / pixels) ** 0.5
    return scale


def render_pages(path: Path, numbers: list[int], dpi: int) -> Iterator[tuple[int, Any, int]]:
    """(page number, grayscale PIL image, its resolution in dpi) for each 1-based page number, rendered
    one at a time so that memory holds one page."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                scale = _scale(width, height, dpi)
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
                bitmap.close()
            finally:
                page.close()
            yield number, image, round(scale * 72)
    finally:
        pdf.close()


def recognize(image: Any, options: OcrOptions, dpi: int | None = None) -> str:
    """Text of one page image (lines separated by newlines)."""
    import pytesseract

    config = f"--psm {options.psm} --dpi {dpi or options.dpi}"
    with _TESSERACT_LOCK:
        pytesseract.pytesseract.tesseract_cmd = options.tesseract_cmd
        try:
            text = pytesseract.image_to_string(image, lang=options.lang, config=config, timeout=options.timeout_s)
        except pytesseract.TesseractNotFoundError as exc:
            raise OcrError(f"máy chủ chưa cài tesseract-ocr-{options.lang} để nhận dạng chữ ({INSTALL_HINT})") from exc
        except RuntimeError as exc:  # pytesseract's timeout ("Tesseract process timeout")
            if "timeout" not in str(exc).lower():
                raise
            raise OcrError(f"nhận dạng chữ một trang quá {options.timeout_s:g} giây (NTM_OCR_TIMEOUT_S)") from exc
        except pytesseract.TesseractError as exc:
            raise OcrError(f"tesseract báo lỗi khi nhận dạng chữ ({exc.message or exc.status})") from exc
    return text.replace("\x0c", "").strip("\n")


def read_pages(path: Path, numbers: list[int], options: OcrOptions) -> dict[int, str]:
    """OCR the given pages of a PDF: {page number: text}.

    Raises:
        OcrError: OCR is off, there are more pages than allowed, tesseract or its language is missing,
            or a page failed or timed out.
    """
    if not numbers:
        return {}
    if not options.enabled:
        raise OcrError("PDF là bản quét (trang không có lớp chữ) nhưng nhận dạng chữ (OCR) đang tắt (NTM_OCR)")
    if len(numbers) > options.max_pages:
        raise OcrError(
            f"PDF có {len(numbers)} trang quét cần nhận dạng chữ, vượt giới hạn {options.max_pages} trang "
            "(NTM_OCR_MAX_PAGES); hãy tách tệp"
        )
    check_available(options)
    out: dict[int, str] = {}
    started = time.perf_counter()
    for done, (number, image, dpi) in enumerate(render_pages(path, numbers, options.dpi), start=1):
        page_started = time.perf_counter()
        try:
            out[number] = recognize(image, options, dpi)
        except OcrError as exc:
            raise OcrError(f"trang {number}: {exc.reason}") from exc
        log.info(
            "OCR %s: trang %d (%d/%d) trong %.1f giây", path.name, number, done, len(numbers),
            time.perf_counter() - page_started,
        )
        if options.progress is not None:
            options.progress(done, len(numbers), number)
    log.info("OCR %s: %d trang trong %.1f giây", path.name, len(numbers), time.perf_counter() - started)
    return out
