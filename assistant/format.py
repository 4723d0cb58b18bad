"""How figures, dates and thresholds are written in Vietnamese answers and reports (shared by the
answerers and the assessment, so neither imports the other)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from corpus.criteria import Indicator
from corpus.model import DocumentMeta

COMPILED_MARK = "bản biên soạn — cần đối chiếu văn bản chính thức"
# Said of text read by OCR from a scanned page, besides the provenance mark: a character may be misread.
OCR_MARK = "văn bản nhận dạng từ bản quét"
SIGN = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}
# How the documents number annexes, chapters and groups of criteria ("Phụ lục III", "nhóm IV").
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def from_roman(numeral: str) -> int | None:
    """1 for "I" or "i", …; None for a numeral past XII or no numeral."""
    return ROMAN.index(numeral.upper()) + 1 if numeral.upper() in ROMAN else None


def ocr_note(meta: DocumentMeta | None, pages: Iterable[int | None]) -> str | None:
    """OCR_MARK when one of the pages a citation or section comes from was read by OCR; a page that is
    not known counts as OCR'd when the document has any (the mark errs on the side of caution)."""
    if meta is None or not meta.ocr_pages:
        return None
    scanned = set(meta.ocr_pages)
    return OCR_MARK if any(p is None or p in scanned for p in pages) else None


def vn_number(value: float) -> str:
    """A figure as Vietnamese texts write it: decimal comma (26,5), no trailing zeros."""
    return f"{value:g}".replace(".", ",")


def vn_date(day: dt.date) -> str:
    """dd/mm/yyyy, as the corpus and the answers write dates (15/02/2026)."""
    return f"{day:%d/%m/%Y}"


def region_label(code: str, names: Mapping[str, str] | None = None) -> str:
    """A threshold column's label: the region's name when `names` holds it, else its code; "chung" for the
    national value ("*")."""
    return "chung" if code == "*" else (names or {}).get(code, code)


def threshold_text(ind: Indicator, region: str | None, year: int | None, names: Mapping[str, str] | None = None) -> str:
    """The requirement of an indicator in words, for one region and year when given; every region's, labelled
    with its name from `names` (a reader does not know "DHNTB"), when no region is given."""
    if ind.comparator == "text":
        return ind.requirement or ""
    sign = SIGN[ind.comparator]
    unit = ("%" if ind.unit == "%" else f" {ind.unit}") if ind.unit else ""
    if region is not None or all(t.region == "*" for t in ind.thresholds):
        t = ind.threshold_for(region, year)
        if t is None:
            return ind.requirement or f"kho chưa ghi nhận mức{' cho vùng này' if region else ''}"
        when = f" (năm {t.year})" if t.year else ""
        return f"{sign} {vn_number(t.value)}{unit}{when}{_detail(t.detail)}"
    # "*" beside regional figures is the national ("chung") value, not a figure for every region.
    # A percentage is written on every region's figure ("DNB: ≥ 90%"), a longer unit once at the end.
    each, end = (unit, "") if ind.unit == "%" else ("", unit)
    parts = [
        f"{region_label(t.region, names)}{(' ' + str(t.year)) if t.year else ''}: {sign} {vn_number(t.value)}{each}"
        f"{_detail(t.detail)}"
        for t in ind.thresholds
    ]
    # Regions of the set whose figure the catalogue lacks are said to be lacking, not left out of the list.
    lacking = [n for code, n in (names or {}).items() if code not in {t.region for t in ind.thresholds}]
    if parts and lacking and len(lacking) < len(names or {}):
        parts.append(f"{', '.join(lacking)}: kho chưa ghi nhận mức")
    return ("; ".join(parts) + end) if parts else (ind.requirement or "kho chưa ghi nhận mức")


def _detail(detail: str | None) -> str:
    """What a cell adds to its figure, in brackets after it: " (trong đó ≥ 60% hộ được dùng nước sạch)"."""
    return f" ({detail})" if detail else ""
