"""Legal-structure parser: Chương, Mục, Điều, Khoản, Điểm, Phụ lục, dispatch items, criteria tables.

The parser reads text lines, so it works on the corpus's Markdown and on text taken from
PDF, DOCX and HTML alike. See docs/corpus-format.md for the rules.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from corpus.detect import clean_markup
from corpus.model import Document, Line, Section

_CHAPTER = re.compile(r"^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b\.?\s*[:.\-–]?\s*(.*)$")
_MUC = re.compile(r"^(?:MỤC|Mục)\s+(\d+|[IVXLC]+)\b\.?\s*[:.\-–]?\s*(.*)$")
_DIEU = re.compile(r"^Điều\s+(\d+)\s*[.:]\s*(.*)$")
_ANNEX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+([IVXLC]+|\d+))?\b\s*[:.\-–]?\s*(.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+(?!\d)(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s*(.*)$")
_ROMAN = re.compile(r"^([IVX]{1,4})\.\s+(.+)$")
_CRITERION = re.compile(r"^Tiêu chí\s+(?:số\s+)?(\d{1,2})\b\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
_INDICATOR = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(.*)$")
_CLOSING = ("Đề nghị", "Trên đây", "Căn cứ chỉ đạo")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
_FOOTNOTE_DEF = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_FOOTNOTE_REF = re.compile(r"\[\^(\d+)\]")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}")

# Rank of each kind: a heading closes every open section of equal or higher rank.
_RANK = {
    "document": 0,
    "preamble": 1,
    "chapter": 1,
    "annex": 1,
    "closing": 1,
    "section": 2,
    "item": 2,
    "article": 3,
    "criterion": 3,
    "clause": 4,
    "indicator": 4,
    "point": 5,
}


@dataclass
class _Table:
    tt: int
    name: int
    content: int
    thresholds: list[tuple[int, str]]


@dataclass
class _State:
    doc: str
    root: Section
    stack: list[Section]
    has_articles: bool
    group: str | None = None
    table: _Table | None = None
    items: int = 0
    footnotes: dict[str, str] = field(default_factory=dict)
    title_pending: Section | None = None


def _roman(value: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]+", value))


def _label(kind: str, num: str) -> str:
    return {
        "chapter": f"Chương {num}",
        "section": f"Mục {num}",
        "article": f"Điều {num}",
        "clause": f"Khoản {num}",
        "point": f"Điểm {num}",
        "item": f"Mục {num}",
        "annex": f"Phụ lục {num}".strip(),
        "criterion": f"Tiêu chí {num}",
        "indicator": num,
    }[kind]


def _open(state: _State, kind: str, num: str, title: str, text: str, page: int | None) -> Section:
    rank = _RANK[kind]
    while len(state.stack) > 1 and (_RANK[state.stack[-1].kind] >= rank or state.stack[-1].kind == "preamble"):
        state.stack.pop()
    parent = state.stack[-1]
    label = {"preamble": "Phần mở đầu", "closing": "Phần kết"}.get(kind) or _label(kind, num)
    labels = (*parent.labels, label)
    # A repeated label under one parent (a numbering slip in the source) gets a suffix so
    # every path stays unique and addressable.
    taken = {c.labels[-1] for c in parent.children}
    if label in taken:
        n = 2
        while f"{label} ({n})" in taken:
            n += 1
        labels = (*parent.labels, f"{label} ({n})")
    section = Section(labels=labels, kind=kind, title=title, text=text, doc=state.doc, page=page)
    if kind in ("criterion", "indicator"):
        section.group = state.group
    parent.children.append(section)
    state.stack.append(section)
    return section


def _append(section: Section, text: str) -> None:
    section.text = f"{section.text}\n{text}" if section.text else text


def _inside(state: _State, *kinds: str) -> bool:
    return any(s.kind in kinds for s in state.stack)


def _current(state: _State, *kinds: str) -> Section | None:
    for s in reversed(state.stack):
        if s.kind in kinds:
            return s
    return None


def _children_of_kind(section: Section | None, kind: str) -> int:
    if section is None:
        return 0
    return sum(1 for c in section.children if c.kind == kind)


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [c.strip() for c in body.split("|")]


def _header(cells: list[str]) -> _Table | None:
    low = [c.lower() for c in cells]
    if not low or low[0] not in ("tt", "stt"):
        return None
    name = next((i for i, c in enumerate(low) if "tên tiêu chí" in c), None)
    content = next((i for i, c in enumerate(low) if "nội dung" in c or c.startswith("chỉ tiêu")), None)
    if name is None or content is None or content == name:
        return None
    thresholds = [(i, cells[i]) for i in range(len(cells)) if i not in (0, name, content)]
    return _Table(tt=0, name=name, content=content, thresholds=thresholds)


def _threshold_text(values: dict[str, str]) -> str:
    return "\n".join(f"{col}: {val}" for col, val in values.items())


def _table_row(state: _State, cells: list[str], page: int | None) -> None:
    table = state.table
    assert table is not None

    def cell(i: int) -> str:
        return cells[i].replace("<br>", "\n").strip() if i < len(cells) else ""

    tt, name, content = cell(table.tt), cell(table.name), cell(table.content)
    values = {col: cell(i) for i, col in table.thresholds if cell(i)}
    annex = _current(state, "annex")
    if tt and _roman(tt):
        state.group = name or tt
        if annex is not None:
            _append(annex, f"{tt}. {name}")
        return
    if tt.isdigit():
        n = tt
        text = f"Tiêu chí {n}. {name}".strip()
        crit = _open(state, "criterion", n, name, text, page)
        crit.group = state.group
    crit = _current(state, "criterion")
    if not content and not values:
        return
    first = content.split("\n", 1)[0]
    m = _INDICATOR.match(first)
    if m and crit is not None:
        code = f"{m.group(1)}.{m.group(2)}"
        body = content + ("\n" + _threshold_text(values) if values else "")
        ind = _open(state, "indicator", code, m.group(3).strip(), body, page)
        ind.thresholds = values
        return
    indicator = _current(state, "indicator")
    if indicator is not None and _POINT.match(first):
        _append(indicator, content + ("\n" + _threshold_text(values) if values else ""))
        for col, val in values.items():
            indicator.thresholds[col] = f"{indicator.thresholds.get(col, '')} {first[:2]} {val}".strip()
        return
    if crit is not None and values and not crit.children:
        # A criterion with a single indicator written without a code: the indicator is "N".
        code = crit.labels[-1].removeprefix("Tiêu chí ")
        ind = _open(
            state,
            "indicator",
            code,
            content or crit.title,
            content + "\n" + _threshold_text(values),
            page,
        )
        ind.thresholds = values
        return
    target = indicator if (indicator is not None and values) else (crit or annex or state.stack[-1])
    _append(target, content + ("\n" + _threshold_text(values) if values else ""))


def _line(state: _State, raw: Line) -> None:
    text = clean_markup(raw.text)
    page = raw.page
    if not text:
        return
    fn = _FOOTNOTE_DEF.match(text)
    if fn:
        state.footnotes[fn.group(1)] = fn.group(2).strip()
        return
    if text.startswith("|"):
        cells = _cells(text)
        if _TABLE_SEP.match(text):
            return
        header = _header(cells) if _inside(state, "annex") else None
        if header is not None:
            state.table = header
            return
        if state.table is not None:
            _table_row(state, cells, page)
            return
        _append(state.stack[-1], " | ".join(c for c in cells if c))
        return
    if state.table is not None:
        # A table ended: what follows belongs to the annex, not to the table's last row.
        state.table = None
        while state.stack[-1].kind in ("criterion", "indicator", "point"):
            state.stack.pop()

    if state.title_pending is not None:
        pending = state.title_pending
        state.title_pending = None
        if not any(p.match(text) for p in (_DIEU, _CHAPTER, _MUC, _ANNEX, _NUMBERED, _CRITERION, _ROMAN)):
            pending.title = text
            _append(pending, text)
            return

    m = _ANNEX.match(text)
    if m and (m.group(1) or not m.group(2) or m.group(2).isupper()):
        num = m.group(1) or ""
        sec = _open(state, "annex", num, m.group(2).strip(), text, page)
        state.group = None
        if not sec.title:
            state.title_pending = sec
        return
    in_annex = _inside(state, "annex")
    if _RECIPIENTS.match(text) and not in_annex:
        if state.stack[-1].kind == "closing":
            _append(state.stack[-1], text)
        else:
            _open(state, "closing", "", "Phần kết", text, page)
        return
    if state.stack[-1].kind == "closing":
        # Recipients and signature: nothing after them is structure, until an annex.
        _append(state.stack[-1], text)
        return
    m = _CHAPTER.match(text)
    if m and not in_annex:
        sec = _open(state, "chapter", m.group(1), m.group(2).strip(), text, page)
        if not sec.title:
            state.title_pending = sec
        return
    m = _MUC.match(text)
    if m and _inside(state, "chapter"):
        sec = _open(state, "section", m.group(1), m.group(2).strip(), text, page)
        if not sec.title:
            state.title_pending = sec
        return
    m = _DIEU.match(text)
    if m:
        _open(state, "article", m.group(1), m.group(2).strip(), text, page)
        return
    if in_annex:
        m = _CRITERION.match(text)
        if m:
            _open(state, "criterion", m.group(1), m.group(2).strip(), text, page)
            return
        m = _INDICATOR.match(text)
        if m and _current(state, "criterion") is not None and _current(state, "article") is None:
            code = f"{m.group(1)}.{m.group(2)}"
            _open(state, "indicator", code, m.group(3).strip(), text, page)
            return
        m = _ROMAN.match(text)
        if m and _current(state, "article") is None:
            state.group = m.group(2).strip()
            while state.stack[-1].kind != "annex":
                state.stack.pop()
            _append(state.stack[-1], text)
            return

    m = _NUMBERED.match(text)
    if m:
        n = int(m.group(1))
        article = _current(state, "article")
        if article is not None:
            if n == _children_of_kind(article, "clause") + 1:
                _open(state, "clause", str(n), m.group(2).strip(), text, page)
                return
        elif not state.has_articles and not in_annex and n == state.items + 1:
            state.items = n
            _open(state, "item", str(n), m.group(2).strip(), text, page)
            return
    m = _POINT.match(text)
    if m and state.stack[-1].kind in ("article", "clause", "point", "item", "indicator"):
        parent = _current(state, "clause", "article", "item", "indicator")
        expected = chr(ord("a") + _children_of_kind(parent, "point"))
        letter = m.group(1)
        # đ follows d in Vietnamese legal numbering.
        if letter == expected or (letter == "đ" and expected == "e") or _children_of_kind(parent, "point") > 0:
            _open(state, "point", letter, m.group(2).strip(), text, page)
            return
    if state.items and text.startswith(_CLOSING) and state.stack[-1].kind in ("item", "point"):
        _open(state, "closing", "", "Phần kết", text, page)
        return
    if len(state.stack) == 1:
        _open(state, "preamble", "", "Phần mở đầu", text, page)
        return
    _append(state.stack[-1], text)


def _attach_footnotes(root: Section, notes: dict[str, str]) -> None:
    for section in root.walk():
        section.title = _FOOTNOTE_REF.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), section.title)
        refs = _FOOTNOTE_REF.findall(section.text)
        if not refs:
            continue
        section.text = _FOOTNOTE_REF.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), section.text)
        for ref in dict.fromkeys(refs):
            if ref in notes:
                section.text += f"\n{ref.translate(_SUPERSCRIPT)} {notes[ref]}"


def parse(document: Document) -> Section:
    """Parse a document into its section tree; the root is the whole document."""
    doc = document.number
    root = Section(labels=(), kind="document", title=document.meta.title or doc, text="", doc=doc)
    has_articles = any(_DIEU.match(clean_markup(ln.text)) for ln in document.lines)
    state = _State(doc=doc, root=root, stack=[root], has_articles=has_articles)
    for line in document.lines:
        _line(state, line)
    _attach_footnotes(root, state.footnotes)
    return root


def sections(document: Document) -> list[Section]:
    """All sections of a document except the root, in document order."""
    return parse(document).walk()[1:]


def _main(argv: list[str]) -> int:
    from corpus.load import load

    for path in argv:
        doc = load(path)
        all_sections = sections(doc)
        print(f"# {doc.number} — {len(all_sections)} sections")
        for s in all_sections:
            indent = "  " * (len(s.labels) - 1)
            extra = f" [{len(s.thresholds)} ngưỡng]" if s.thresholds else ""
            page = f" (tr. {s.page})" if s.page else ""
            group = f" {{{s.group}}}" if s.group and s.kind == "criterion" else ""
            print(f"{indent}{s.path}{page}{group}{extra} — {len(s.text.split())} từ")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
