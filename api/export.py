"""An answer as a document to paste into a report: DOCX (python-docx) and print-friendly HTML.

Both hold what an official needs to rely on the answer: the question, the date the answer applies
on, the answer with its [n] marks, and the numbered sources (document, section, page, the exact
quote, and whether the text is the official one or a compiled copy to check against it).
"""

from __future__ import annotations

import datetime as dt
import html
import io

from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

FONT = "Times New Roman"
TITLE = "TRỢ LÝ TRA CỨU NÔNG THÔN MỚI — CÂU TRẢ LỜI"
OFFICIAL = "văn bản chính thức"
COMPILED = "bản biên soạn — cần đối chiếu văn bản chính thức"


def _date(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def _source_line(c: dict) -> str:
    page = f", trang {c['page']}" if c.get("page") else ""
    return f"[{c['n']}] {c['path']}{page} ({OFFICIAL if c.get('official') else COMPILED})"


def _answer_lines(record: dict) -> list[str]:
    text = record.get("text") or ""
    return [line for line in text.splitlines() if line.strip()] or ["(Không có nội dung.)"]


def _font(run, size: float = 13, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    # East-Asian and complex-script slots too, so Word does not swap the font for Vietnamese letters.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def answer_docx(record: dict) -> bytes:
    """The recorded answer as a .docx file (bytes)."""
    doc = Docx()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)

    def para(text: str = "", size: float = 13, bold: bool = False, italic: bool = False, center: bool = False):
        p = doc.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            _font(p.add_run(text), size, bold, italic)
        return p

    para(TITLE, 14, bold=True, center=True)
    para(f"Áp dụng tại ngày {_date(record.get('as_of'))}", 12, italic=True, center=True)
    p = para()
    _font(p.add_run("Câu hỏi: "), bold=True)
    _font(p.add_run(record.get("question") or ""))
    para("Trả lời:", bold=True)
    for line in _answer_lines(record):
        para(line)
    citations = record.get("citations") or []
    if citations:
        para("Nguồn:", bold=True)
        for c in citations:
            p = para(_source_line(c), 12)
            if c.get("quote"):
                run = p.add_run(f"\n«{c['quote']}»")
                _font(run, 12, italic=True)
                if not c.get("official"):
                    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    para(
        f"Mã câu trả lời {record.get('id')}; hỏi lúc {_date(record.get('at'))}. Câu trả lời trích từ kho văn bản của "
        "trợ lý; khi dùng trong văn bản hành chính, hãy đối chiếu văn bản gốc.",
        10,
        italic=True,
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def answer_html(record: dict) -> str:
    """The recorded answer as a self-contained page to print (no script, no external asset)."""
    e = html.escape
    lines = "".join(f"<p>{e(line)}</p>" for line in _answer_lines(record))
    items = []
    for c in record.get("citations") or []:
        quote = ""
        if c.get("quote"):
            quote = f'<blockquote class="{"" if c.get("official") else "compiled"}">«{e(c["quote"])}»</blockquote>'
        items.append(f"<li><span>{e(_source_line(c))}</span>{quote}</li>")
    sources = "".join(items)
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Câu trả lời — {e((record.get("question") or "")[:80])}</title>
<style>
body {{ font-family: "{FONT}", serif; font-size: 13pt; max-width: 48rem; margin: 2rem auto; color: #111; }}
h1 {{ font-size: 14pt; text-align: center; }} .as-of {{ text-align: center; font-style: italic; }}
ol {{ list-style: none; padding: 0; }} blockquote {{ font-style: italic; margin: .3rem 0 .8rem 1.5rem; }}
blockquote.compiled {{ color: #555; }} .note {{ font-size: 10pt; font-style: italic; margin-top: 2rem; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{e(TITLE)}</h1>
<p class="as-of">Áp dụng tại ngày {e(_date(record.get("as_of")))}</p>
<p><strong>Câu hỏi:</strong> {e(record.get("question") or "")}</p>
<p><strong>Trả lời:</strong></p>
{lines}
{"<p><strong>Nguồn:</strong></p><ol>" + sources + "</ol>" if sources else ""}
<p class="note">Mã câu trả lời {e(str(record.get("id")))}; hỏi lúc {e(_date(record.get("at")))}.
Câu trả lời trích từ kho văn bản của trợ lý; khi dùng trong văn bản hành chính, hãy đối chiếu văn bản gốc.</p>
</body></html>
"""
