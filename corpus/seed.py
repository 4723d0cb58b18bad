"""Turn the original text of the 2023 dispatches (shared/seed) into two official corpus documents.

The seed file holds 5766/UBND-CNN&XD (Thái Nguyên, forwarding) followed by 14/BCĐCTMTQG.
The wording is kept as it is; only the layout is repaired: paragraphs broken by a page
break are joined, the footnote is attached to its reference, and a passage the source lost
at a page break is marked "[…]" (and said so in the front-matter) rather than filled in.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from corpus.normalize import normalize_text

_SPLIT = "BAN CHỈ ĐẠO TRUNG ƯƠNG"
# Where the source lost text at a page break: (end of the text before, start of the text after).
_GAPS = [("đáp ứng đầy đủ yêu cầu của Bộ", "nội dung, giải pháp cụ thể")]

# The dispatches concern the 2021-2025 period, which ended on 31/12/2025: a status as of a date.
PERIOD_ENDED = (
    "Văn bản viết cho giai đoạn 2021-2025, đã kết thúc ngày 31/12/2025 (status period_ended từ 01/01/2026): "
    "không bị thay thế hay bãi bỏ, vẫn là căn cứ cho các câu hỏi về giai đoạn đó."
)

META_5766 = {
    "number": "5766/UBND-CNN&XD",
    "kind": "Công văn",
    "issued": "2023-11-10",
    "issuer": "Ủy ban nhân dân tỉnh Thái Nguyên",
    "signer": "Đặng Xuân Trường",
    "title": (
        "V/v tập trung chỉ đạo duy trì và nâng cao chất lượng các tiêu chí đối với các xã, huyện "
        "đã đạt chuẩn nông thôn mới, nông thôn mới nâng cao và nông thôn mới kiểu mẫu; phân đấu "
        "hoàn thành mục tiêu của Chương trình mục tiêu quốc gia xây dựng nông thôn mới"
    ),
    "level": ["tỉnh", "huyện", "xã"],
    "tier": ["NTM", "nâng cao", "kiểu mẫu"],
    "period": "2021-2025",
    "status": "period_ended",
    "status_from": "2026-01-01",
    "relations": [
        {
            "type": "forwards",
            "target": "14/BCĐCTMTQG",
            "note": "chuyển Công văn 14/BCĐCTMTQG đến các sở, huyện của tỉnh Thái Nguyên",
        }
    ],
    "provenance": "official",
    "source_url": None,
    "notes": "Văn bản gốc (bản số hóa do dự án nhận được). Áp dụng cho giai đoạn 2021-2025. " + PERIOD_ENDED,
}

META_14 = {
    "number": "14/BCĐCTMTQG",
    "kind": "Công văn",
    "issued": "2023-11-03",
    "issuer": "Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia giai đoạn 2021-2025",
    "signer": "Lê Minh Hoan",
    "title": (
        "V/v tập trung chỉ đạo duy trì và nâng cao chất lượng các tiêu chí đối với các xã, huyện "
        "đã đạt chuẩn NTM, NTM nâng cao và NTM kiểu mẫu; phân đầu hoàn thành mục tiêu của Chương trình NTM"
    ),
    "level": ["xã", "huyện"],
    "tier": ["NTM", "nâng cao", "kiểu mẫu", "thông minh"],
    "period": "2021-2025",
    "status": "period_ended",
    "status_from": "2026-01-01",
    "relations": [
        {
            "type": "guides",
            "target": "318/QĐ-TTg",
            "note": "mục 1, 2: xã đạt chuẩn NTM, NTM nâng cao trước 2021 phải đáp ứng bộ tiêu chí 2021-2025",
        },
        {
            "type": "guides",
            "target": "319/QĐ-TTg",
            "note": "mục 3: xã NTM kiểu mẫu 2018-2020 phải đáp ứng quy định 2021-2025",
        },
        {
            "type": "guides",
            "target": "320/QĐ-TTg",
            "note": "mục 4: huyện đạt chuẩn NTM trước 2021 phải đáp ứng bộ tiêu chí huyện 2021-2025",
        },
    ],
    "provenance": "official",
    "source_url": None,
    "notes": (
        "Văn bản gốc (bản số hóa do dự án nhận được). Áp dụng cho giai đoạn 2021-2025. "
        'Bản số hóa mất một đoạn ở chỗ ngắt trang trong mục 4 (sau "đáp ứng đầy đủ yêu cầu của Bộ"); '
        "chỗ thiếu được đánh dấu […], không điền thêm. " + PERIOD_ENDED
    ),
}


def _paragraphs(lines: list[str]) -> list[str]:
    paras: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paras[-1].append(line.rstrip())
        elif paras[-1]:
            paras.append([])
    return ["\n".join(p) for p in paras if p]


def _ends_open(paragraph: str) -> bool:
    last = paragraph.rstrip().rstrip("*_ ")
    return not last.endswith((".", ";", ":", "!", "?", "**", "/.", ")"))


def _starts_continuation(paragraph: str) -> bool:
    first = paragraph.lstrip("*_ ")[:1]
    return bool(first) and (first.islower() or first.isdigit()) and not re.match(r"^\d+\.\s", paragraph)


def _repair(paragraphs: list[str]) -> list[str]:
    footnotes: list[str] = []
    kept: list[str] = []
    for para in paragraphs:
        m = re.match(r"^<sup>(\d+)</sup>\s*(.*)$", para, re.DOTALL)
        if m:
            footnotes.append(f"[^{m.group(1)}]: {' '.join(m.group(2).split())}")
            continue
        kept.append(re.sub(r"<sup>(\d+)</sup>", r"[^\1]", para))
    joined: list[str] = []
    for para in kept:
        if joined and _ends_open(joined[-1]) and _starts_continuation(para):
            gap = any(joined[-1].rstrip().endswith(a) and para.startswith(b) for a, b in _GAPS)
            joined[-1] = joined[-1].rstrip() + (" […] " if gap else " ") + para.lstrip()
        else:
            joined.append(para)
    return joined + footnotes


def _document(meta: dict, lines: list[str]) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    body = "\n\n".join(_repair(_paragraphs(lines)))
    return f"---\n{front}---\n\n{body}\n"


def convert(seed_text: str) -> dict[str, str]:
    """Return {file name: Markdown} for the two dispatches in the seed text."""
    lines = normalize_text(seed_text).splitlines()
    start = next(i for i, ln in enumerate(lines) if _SPLIT in ln)
    return {
        "5766-UBND-CNNXD-2023.md": _document(META_5766, lines[:start]),
        "14-BCDCTMTQG-2023.md": _document(META_14, lines[start:]),
    }


def main(argv: list[str]) -> int:
    """`python -m corpus.seed SEED_FILE OUT_DIR` writes the two documents."""
    seed, out = Path(argv[0]), Path(argv[1])
    for name, text in convert(seed.read_text(encoding="utf-8")).items():
        (out / name).write_text(text, encoding="utf-8")
        print(out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
