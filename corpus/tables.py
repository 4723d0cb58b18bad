"""Tables of official files as grids of cells with their page, row and column: DOCX through python-docx,
PDF through pdfplumber.

Merged cells come out as one text in the cell where the merge starts and None in the cells it covers
(both libraries' own view, kept so a column keeps its meaning). A table that runs over several PDF
pages is one table: a table at the top of a page with as many columns as the one that ended the
previous page continues it, and the header rows it repeats are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus.errors import LoadError


@dataclass
class Cell:
    text: str | None  # None: covered by a merged cell
    page: int | None  # PDF page (1-based); None in DOCX, which has no pages until it is laid out
    row: int  # row in the whole table (0-based, repeated headers not counted)
    col: int

    def where(self) -> str:
        page = f"trang {self.page}, " if self.page else ""
        return f"{page}hàng {self.row + 1}, cột {self.col + 1}"


@dataclass
class Table:
    rows: list[list[Cell]] = field(default_factory=list)
    first_page: int | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", text).strip()


def read_tables(path: Path) -> list[Table]:
    """Every table of a DOCX or PDF file (others have none)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_tables(path)
    if suffix == ".pdf":
        return pdf_tables(path)
    return []


def docx_tables(path: Path) -> list[Table]:
    import docx

    out = []
    for table in docx.Document(str(path)).tables:
        grid = Table()
        above: list[object] = []
        for r, row in enumerate(table.rows):
            cells, previous = [], None
            for c, cell in enumerate(row.cells):
                # python-docx repeats a merged cell's object in every grid position it covers.
                covered = cell._tc is previous or (c < len(above) and cell._tc is above[c])
                cells.append(Cell(None if covered else _clean(cell.text), None, r, c))
                previous = cell._tc
            above = [cell._tc for cell in row.cells]
            grid.rows.append(cells)
        out.append(grid)
    return out


def pdf_tables(path: Path) -> list[Table]:
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises many types for damaged or protected files
        raise LoadError(path, f"không đọc được bảng trong PDF ({type(exc).__name__})") from exc
    out: list[Table] = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found = page.find_tables()
            for i, table in enumerate(found):
                rows = [[_clean(t) for t in row] for row in table.extract()]
                if not rows:
                    continue
                continues = (
                    i == 0
                    and out
                    and out[-1].width == len(rows[0])
                    and table.bbox[1] < page.height * 0.25  # at the top of the page
                )
                if continues:
                    grid = out[-1]
                    header = [[c.text for c in r] for r in grid.rows[: header_rows(grid)]]
                    while rows and header and rows[: len(header)] == header:
                        rows = rows[len(header) :]  # the header rows the page repeats
                else:
                    grid = Table(first_page=number)
                    out.append(grid)
                for row in rows:
                    r = len(grid.rows)
                    grid.rows.append([Cell(text, number, r, c) for c, text in enumerate(row)])
    return out


def header_rows(table: Table) -> int:
    """Rows before the body: before the first whose first cell is a criterion number ("1", "1.") or a
    group row's roman numeral ("II", "II. HẠ TẦNG …"); 0 when no row is."""
    for i, row in enumerate(table.rows):
        first = row[0].text or ""
        if re.fullmatch(r"(\d+|[IVX]+)\.?", first) or re.match(r"^[IVX]+\.\s*\S", first):
            return i
    return 0
