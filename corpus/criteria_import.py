"""Criteria tables of official files into the catalogue.

A table is a criteria table when its header names a criterion-number column ("TT"), a content column
("Nội dung tiêu chí") and value columns that are the regions or commune groups of one scheme of
regions.yaml (or a single national column). Each body row is read in place: a group row ("I. QUY
HOẠCH"), a criterion (its number and name, merged over its indicators' rows), an indicator ("1.2. Tỷ
lệ …", its unit, one value per column). A value is "Đạt" (a requirement in words) or a comparator and
a number ("≥ 90", "≤ 1,5"). Nothing is guessed: a cell that does not read cleanly is reported with
its page, row, column and text and left out, and an indicator with no readable value is left out.

The set's level, tier, period and province come from the annex title the file prints ("BỘ TIÊU CHÍ
XÃ NÔNG THÔN MỚI TỈNH LÀO CAI GIAI ĐOẠN 2026-2030"). Figures from an official file count as verified:
each indicator's evidence is its row of the file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from corpus.criteria import ANY_REGION, Catalogue, CriteriaSet, Criterion, Evidence, Indicator, Threshold
from corpus.model import Document, Section
from corpus.normalize import fold
from corpus.tables import Cell, Table, header_rows, read_tables

_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(.+)$")
_VALUE = re.compile(r"^(≥|>=|≤|<=|>|<|=)?\s*(\d+(?:[.,]\d+)?)\s*(%)?$")
_GROUP = re.compile(r"^[IVX]+\.\s*\S")
_TITLE = re.compile(r"^BỘ TIÊU CHÍ\b.*(XÃ|HUYỆN|THỊ XÃ)\b.*NÔNG THÔN MỚI.*$")
_SIGNS = {"≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "=="}
_NATIONAL = ("chung", "chi tieu chung", "chi tieu", "muc dat chuan", "yeu cau", "muc chi tieu")


@dataclass
class Problem:
    """A cell (or a table) that was not imported, and why."""

    where: str
    text: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: «{self.text}» — {self.reason}"


@dataclass
class ImportResult:
    sets: list[CriteriaSet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    tables: int = 0  # tables read in the file


class _NotCriteria(ValueError):
    """A table with a criteria table's content column whose value columns name no known scheme."""


@dataclass
class _Layout:
    header_rows: int
    tt: int | None
    name: int | None
    content: int
    unit: int | None
    values: dict[int, str]  # column → region code ("*" for the national column)
    labels: dict[int, str]
    scheme: str | None


def _label(table: Table, col: int, header_rows: int) -> str:
    return " ".join(r[col].text for r in table.rows[:header_rows] if col < len(r) and r[col].text)


def _layout(table: Table, catalogue: Catalogue) -> _Layout | None:
    header = header_rows(table)
    if header == 0:
        return None
    roles: dict[str, int] = {}
    labels = {c: _label(table, c, header) for c in range(table.width)}
    # The last header row names the value columns; the rows above may hold a title spanning them.
    last = {c: (table.rows[header - 1][c].text or "") for c in range(table.width)}
    for c, label in labels.items():
        key = fold(label)
        if re.fullmatch(r"s?tt|so tt", key):
            roles.setdefault("tt", c)
        elif "ten tieu chi" in key:
            roles.setdefault("name", c)
        elif "noi dung" in key:
            roles.setdefault("content", c)
        elif re.fullmatch(r"(don vi( tinh)?|dvt)", key):
            roles.setdefault("unit", c)
    if "content" not in roles:
        return None
    taken = set(roles.values())
    candidates = [c for c in labels if c not in taken and labels[c]]
    best: tuple[int, str | None, dict[int, str]] | None = None
    for scheme_id in catalogue.regions.schemes:
        found = {}
        for c in candidates:
            region = catalogue.regions.find_region(scheme_id, last[c] or labels[c])
            if region is not None:
                found[c] = region.code
        if found and (best is None or len(found) > best[0]):
            best = (len(found), scheme_id, found)
    if best is None:
        national = [c for c in candidates if fold(last[c] or labels[c]) in _NATIONAL]
        if len(national) != 1:
            heads = ", ".join(f"«{last[c] or labels[c]}»" for c in candidates) or "(không có)"
            raise _NotCriteria(f"các cột giá trị {heads} không khớp vùng, nhóm xã hay cột chung nào của regions.yaml")
        best = (1, None, {national[0]: ANY_REGION})
    _, scheme, values = best
    # Columns are named as regions.yaml names them: a PDF may wrap a narrow header ("TDMN PB").
    names = {c: catalogue.regions.region(scheme, code).name if scheme else "chung" for c, code in values.items()}
    role = roles.get
    return _Layout(header, role("tt"), role("name"), roles["content"], role("unit"), values, names, scheme)


def _where(table: Table) -> str:
    return f"bảng bắt đầu ở trang {table.first_page}" if table.first_page else "bảng trong tệp"


def _provincial_issuer(document: Document) -> bool:
    number = fold(document.meta.number)
    issuer = fold(document.meta.issuer or "")
    return "ubnd" in number or "uy ban nhan dan" in issuer or "hdnd" in number


def _number(text: str) -> float:
    return float(text.replace(",", "."))  # a Vietnamese decimal comma ("1,5")


def _title(lines: list[str]) -> str | None:
    for line in lines:
        text = line.strip().strip("*# ").strip()
        if _TITLE.match(text):
            return text
    return None


def _meta(title: str, catalogue: Catalogue) -> tuple[str, str, str, str | None] | None:
    """(level, tier, period, province) the annex title states."""
    key = fold(title)
    period = re.search(r"(\d{4})\s*-\s*(\d{4})", title)
    if not period:
        return None
    level = "huyện" if re.search(r"\bhuyen\b", key) else "xã"
    tier = "nâng cao" if "nang cao" in key else "kiểu mẫu" if "kieu mau" in key else "NTM"
    province = None
    where = re.search(r"\b(?:tinh|thanh pho)\s+(.+?)\s+giai doan", key)
    if where:
        found = catalogue.regions.find_province(where.group(1))
        province = found.name if found else where.group(1).title()
    return level, tier, f"{period.group(1)}-{period.group(2)}", province


def _set_id(number: str, level: str, tier: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(number)).strip("-")
    lv = {"xã": "xa", "huyện": "huyen"}.get(level, "xa")
    tr = {"NTM": "ntm", "nâng cao": "nang-cao", "kiểu mẫu": "kieu-mau"}[tier]
    return f"{base}-{lv}-{tr}"


def _sections(root: Section) -> dict[int, str]:
    """Criterion number → the section the parser made for it ('… › Phụ lục I › Tiêu chí 3'), if any."""
    out: dict[int, str] = {}
    for s in root.walk():
        m = re.fullmatch(r"Tiêu chí (\d{1,2})", s.labels[-1] if s.labels else "")
        if m:
            out.setdefault(int(m.group(1)), s.path)
    return out


def _annex(root: Section) -> str:
    for s in root.walk():
        if s.labels and s.labels[-1].startswith("Phụ lục"):
            return s.path
    return root.path


def import_criteria(path: Path, document: Document, root: Section, catalogue: Catalogue) -> ImportResult:
    """The criteria sets the file's tables hold, and every cell left out with its reason."""
    result = ImportResult()
    tables = read_tables(path)
    result.tables = len(tables)
    title = _title([line.text for line in document.lines])
    for table in tables:
        try:
            layout = _layout(table, catalogue)
        except _NotCriteria as exc:
            result.problems.append(
                Problem(_where(table), title or "", f"{exc}; bảng không được nhập")
            )
            continue
        if layout is None:
            continue
        meta = _meta(title, catalogue) if title else None
        if meta is not None and meta[3] is None and _provincial_issuer(document):
            # A province's decision read as a national set would replace the country's thresholds.
            result.problems.append(
                Problem(
                    _where(table),
                    title or "",
                    "văn bản của UBND tỉnh nhưng tên bộ tiêu "
                    "chí không ghi tỉnh nào; bảng không được nhập (hãy kiểm tra tên bộ tiêu chí trong tệp)",
                )
            )
            continue
        if meta is None:
            result.problems.append(
                Problem(
                    _where(table),
                    title or "",
                    "không thấy tên bộ tiêu chí có giai đoạn "
                    '("BỘ TIÊU CHÍ … GIAI ĐOẠN 20xx-20xx") phía trên bảng; bảng không được nhập',
                )
            )
            continue
        cset = _read_set(table, layout, document, root, catalogue, meta, title or "", path, result.problems)
        if cset is not None:
            result.sets.append(cset)
    if title and not result.sets and not result.problems:
        # The file names a criteria set but holds no table that can be read: a scan, or tables as pictures.
        reason = "tệp có tên bộ tiêu chí nhưng không có bảng tiêu chí đọc được (bảng là hình ảnh hoặc bản quét?)"
        result.problems.append(Problem(path.name, title, reason + "; danh mục không đổi"))
    return result


def _read_set(
    table: Table,
    layout: _Layout,
    document: Document,
    root: Section,
    catalogue: Catalogue,
    meta: tuple[str, str, str, str | None],
    title: str,
    path: Path,
    problems: list[Problem],
) -> CriteriaSet | None:
    level, tier, period, province = meta
    number = document.meta.number
    sections = _sections(root)
    annex = _annex(root)
    doc_ref = re.sub(r"[^A-Za-z0-9]+", "-", fold(number).upper()).strip("-")
    criteria: dict[int, dict] = {}
    group: str | None = None
    current: int | None = None
    for row in table.rows[layout.header_rows :]:
        cells = {c.col: c for c in row}
        first = row[0].text or ""
        if _GROUP.match(first) and all(c.text is None for c in row[1:]):
            group = first
            continue
        tt = cells[layout.tt].text if layout.tt is not None else None
        if tt:
            if not re.fullmatch(r"\d{1,2}\.?", tt):
                problems.append(Problem(cells[layout.tt].where(), tt, "số thứ tự tiêu chí không đọc được"))
                current = None
                continue
            current = int(tt.rstrip("."))
            name = (cells[layout.name].text if layout.name is not None else None) or f"Tiêu chí {current}"
            criteria[current] = {"name": name, "group": group, "indicators": [], "page": row[0].page}
        content = cells[layout.content]
        if current is None or not content.text:
            if content.text:
                problems.append(Problem(content.where(), content.text, "chỉ tiêu không thuộc tiêu chí nào"))
            continue
        indicator = _indicator(row, cells, content, layout, current, criteria[current], number, doc_ref, problems)
        if indicator is not None:
            criteria[current]["indicators"].append(indicator)
    if not criteria:
        return None
    existing = next(
        (s for s in catalogue.for_document(number) if (s.level, s.tier) == (level, tier) and s.province == province),
        None,
    )
    cset_id = existing.id if existing else _set_id(number, level, tier)
    built = []
    for n, c in sorted(criteria.items()):
        section = sections.get(n, annex)
        indicators = [i.model_copy(update={"section": section}) for i in c["indicators"]]
        built.append(
            Criterion(
                number=n,
                name=c["name"],
                group=c["group"],
                section=section,
                indicators=indicators,
                pending=None
                if indicators
                else "Không đọc được chỉ tiêu nào của tiêu chí này từ bảng của tệp chính thức; xem báo cáo nhập.",
            )
        )
    name = re.sub(r"\s+", " ", title).strip()
    pretty = name[:1] + name[1:].lower()
    if province:
        pretty = re.sub(re.escape(province.lower()), province, pretty, flags=re.IGNORECASE)
    return CriteriaSet(
        id=cset_id,
        title=pretty,
        document=number,
        annex=annex.split(" › ", 1)[1] if " › " in annex else None,
        level=level,
        tier=tier,
        period=period,
        region_scheme=layout.scheme,
        evidence=Evidence(url=f"van-ban:{doc_ref}", title=f"{number}, bản chính thức ({path.name})", quote=name),
        notes=f"Nhập từ bảng của tệp chính thức {path.name} ngày {dt.date.today():%d/%m/%Y}.",
        province=province,
        imported_from=path.name,
        criteria=built,
    )


def _indicator(
    row: list[Cell],
    cells: dict[int, Cell],
    content: Cell,
    layout: _Layout,
    current: int,
    crit: dict,
    number: str,
    doc_ref: str,
    problems: list[Problem],
) -> Indicator | None:
    m = _CODE.match(content.text or "")
    if m:
        code, name = m.group(1), m.group(2).strip()
        if not code.startswith(f"{current}."):
            problems.append(Problem(content.where(), content.text or "", f"mã chỉ tiêu không thuộc tiêu chí {current}"))
            return None
    elif not crit["indicators"]:
        code, name = str(current), content.text or ""  # a criterion with one unnumbered indicator
    else:
        problems.append(Problem(content.where(), content.text or "", "chỉ tiêu không có mã (ví dụ 1.2)"))
        return None
    unit_text = (cells[layout.unit].text or "").strip() if layout.unit is not None else ""
    words: dict[str, str] = {}
    numbers: list[tuple[str, str, float, Cell]] = []
    for col, region in layout.values.items():
        cell = cells.get(col)
        text = (cell.text or "").strip() if cell else ""
        if cell is None or not text:
            if cell is not None:
                problems.append(Problem(cell.where(), "", f"ô trống ở cột {layout.labels[col]}"))
            continue
        value = _VALUE.match(text)
        if fold(text) in ("dat", "co", "hoan thanh"):
            words[region] = text
        elif value and value.group(1):
            numbers.append((region, _SIGNS[value.group(1)], _number(value.group(2)), cell))
            if value.group(3):
                unit_text = unit_text or "%"
        else:
            reason = "thiếu dấu so sánh (≥, ≤ …)" if value else "không đọc được mức đạt chuẩn"
            problems.append(Problem(cell.where(), text, f"{reason} ở cột {layout.labels[col]}"))
    quote = " | ".join(c.text for c in row if c.text)
    evidence = Evidence(
        url=f"van-ban:{doc_ref}#trang-{content.page or 1}", title=f"{number} (bản chính thức)", quote=quote
    )
    base = {"code": code, "name": name, "section": "", "verified": True, "evidence": evidence, "page": content.page}
    if numbers and words:
        for region, text in words.items():
            col = next(c for c, r in layout.values.items() if r == region)
            problems.append(Problem(cells[col].where(), text, "ô chữ trong chỉ tiêu có ngưỡng số; bỏ ô này"))
    if numbers:
        signs = {sign for _, sign, _, _ in numbers}
        if len(signs) > 1:
            reason = "các cột dùng dấu so sánh khác nhau; bỏ chỉ tiêu"
            problems.append(Problem(content.where(), content.text or "", reason))
            return None
        if not unit_text:
            problems.append(Problem(content.where(), content.text or "", "không rõ đơn vị của ngưỡng; bỏ chỉ tiêu"))
            return None
        thresholds = [
            Threshold(region=region, value=value, cell=f"{cell.where()} – {layout.labels[cell.col]}")
            for region, _, value, cell in numbers
        ]
        return Indicator(comparator=signs.pop(), unit=unit_text, thresholds=thresholds, **base)
    if words:
        texts = set(words.values())
        if len(texts) == 1:
            requirement = texts.pop()
        else:
            requirement = "; ".join(f"{layout.labels[c]}: {words[r]}" for c, r in layout.values.items() if r in words)
        return Indicator(comparator="text", requirement=requirement, unit=unit_text or None, **base)
    problems.append(Problem(content.where(), content.text or "", "không có mức đạt chuẩn nào đọc được; bỏ chỉ tiêu"))
    return None


def import_file_criteria(path: Path, document: Document, corpus, folder: Path) -> ImportResult:
    """Import an ingested official file's criteria tables into `folder`; never raises: a file whose tables
    cannot be read is reported, and the document itself stays ingested."""
    from corpus.errors import CorpusError

    try:
        root = corpus.tree(document.number)
        result = import_criteria(path, document, root, Catalogue(imported=folder))
    except (CorpusError, OSError, ValueError) as exc:
        reason = getattr(exc, "message", None) or str(exc)
        return ImportResult(problems=[Problem(path.name, "", f"không đọc được bảng: {reason}")])
    for cset in result.sets:
        save_set(folder, cset)
    return result


def save_set(folder: Path, cset: CriteriaSet) -> Path:
    """Write an imported set as YAML in `folder` (atomically: a reader never sees half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{cset.id}.yaml"
    data = cset.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["id"] = cset.id  # required fields that equal a default are still written
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=120)
    os.replace(name, target)
    return target
