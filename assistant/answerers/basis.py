"""On what a document rests: the "Căn cứ …" lines of its opening, the one the question describes ("căn cứ
quyết định nào phê duyệt Chương trình …") or all of them. A registry entry's summary of those lines is quoted
as the registry's words, never as the document's."""

from __future__ import annotations

import re

from assistant.answerers.base import QUOTE, Context, Draft, Source, document_name, opening
from assistant.quote import word_pairs
from corpus.model import DocumentMeta

# "căn cứ (vào) quyết định nào …", "trong phần căn cứ có dẫn nghị định nào …": what follows describes the basis.
_DESCRIBED = re.compile(r"\bcan cu\b(?:\s+vao)?(.*)")
# Words that join the description, not describe ("những quyết định nào về …"); "tiêu chí huyện" does describe.
_FUNCTION = frozenset(
    ["nao", "gi", "nhung", "cac", "ve", "va", "co", "dan", "vao", "duoc", "la", "cua", "the", "trong", "phan"]
)
_PLURAL = re.compile(r"^\s*(?:co dan\s+)?(?:nhung|cac)\b")
# A clause that names a legal text (after the line's own "Căn cứ ban hành:" lead).
_LAW = re.compile(
    r"(?:Căn cứ[^:]*:\s*)?(?:Hiến pháp|Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư)\b"
)
# A dispatch rests on what it carries out ("Thực hiện Quyết định số 1600/QĐ-TTg …; nhằm …"): the clause before ";".
_LINE = re.compile(
    r"(?m)^[-*\s]*(?:\[[^\]\n]*\]\s*)?(Căn cứ[ :](?!chỉ đạo|điều kiện|tình hình)[^\n]*"
    r"|Thực hiện (?:Quyết định|Nghị quyết|Nghị định|Chỉ thị|Công văn|Kế hoạch|Thông báo) số[^;\n]*)"
)


def _described(folded_question: str) -> tuple[frozenset[str], bool]:
    """The word pairs the question describes the basis with (after "căn cứ"), and whether it asks for several."""
    m = _DESCRIBED.search(folded_question)
    if m is None:
        return frozenset(), False
    pairs = frozenset(p for p in word_pairs(m.group(1)) if not set(p.split()) & _FUNCTION)
    # "những luật nào", "luật nào và nghị quyết nào": more than one line is asked for.
    return pairs, bool(_PLURAL.search(m.group(1))) or len(re.findall(r"\bnao\b", m.group(1))) >= 2


def basis(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """The drafts that say on what `m` was issued; none when its opening has no "Căn cứ" line."""
    head = ctx.section(opening(m))
    lines = _LINE.findall(head.text) if head is not None else []
    if head is None or not lines:
        return []
    if not m.full_text:
        # A registry entry lists them on one line, separated by ";"; "theo đề nghị của …" there is no basis.
        lines = [c.strip() for c in lines[0].split("; ") if _LAW.match(c.strip())]
        if not lines:
            return []
    want, several = _described(ctx.query.folded)
    shared = [len(want & word_pairs(line)) for line in lines]
    top = max(shared)
    fitting = [line for line, n in zip(lines, shared, strict=True) if n >= 2]
    if several and len(fitting) >= 2:
        picked = fitting  # "những quyết định nào về …": every line the description fits
    elif top >= 2 and shared.count(top) == 1 and not several:
        picked = [lines[shared.index(top)]]  # the question describes one of them
    else:
        picked = lines[:5]
    name = document_name(m)
    if m.full_text and picked[0].startswith("Thực hiện"):
        first, other = f"{name} ghi ở phần mở đầu: «{QUOTE}»", f"Căn cứ khác: «{QUOTE}»"
    elif m.full_text:
        first, other = f"{name} được ban hành căn cứ: «{QUOTE}»", f"Căn cứ khác: «{QUOTE}»"
    else:
        first = f"Mục đăng ký của kho ghi căn cứ ban hành của {name}: {QUOTE}"
        other = f"Căn cứ khác (mục đăng ký): {QUOTE}"
    return [
        Draft(first if i == 0 else other, [Source(m.number, head.path, line[:160])]) for i, line in enumerate(picked)
    ]
