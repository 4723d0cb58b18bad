"""Communes held to another region's figures: 318/QĐ-TTg (Điều 1) has its especially disadvantaged communes and
safe-zone communes of poor districts use the figures of the Northern midlands and mountains; 211/QĐ-TTg (2024) extends
that to the communes of area II and III of the ethnic-minority and mountain areas and to the coastal and island
communes. The rule is quoted from the document, not restated."""

from __future__ import annotations

import datetime as dt
import re

from assistant.answerers.base import QUOTE, Context, Draft, Source

NORTHERN_MOUNTAINS = "TDMNPB"
_DISADVANTAGED = re.compile(r"\b(dac biet kho khan|dbkk|an toan khu)\b")
_AREA = re.compile(r"\b(khu vuc (ii|iii|2|3)|bai ngang)\b")
_AMENDED = dt.date(2024, 3, 1)  # 211/QĐ-TTg
# "không thuộc diện đặc biệt khó khăn hay bãi ngang", "ko phải xã ĐBKK": the commune is not one of them.
_NOT = re.compile(r"\b(khong|ko|k|chua|ngoai)\b[^.,;?]{0,60}$")


def _says(pattern: re.Pattern[str], f: str) -> bool:
    """The question says the commune is one (not that it is not)."""
    return any(not _NOT.search(f[: m.start()]) for m in pattern.finditer(f))


def special_region(ctx: Context, document: str) -> tuple[str, Draft] | None:
    """(the region code whose figures apply, the sentence saying why) for a commune of 318/QĐ-TTg's sets the question
    describes as one of those communes; None otherwise."""
    if document != "318/QĐ-TTg" or ctx.query.level not in (None, "xã"):
        return None
    f = ctx.query.folded
    year = ctx.query.ask_year or ctx.as_of.year
    if _says(_AREA, f) and ctx.meta("211/QĐ-TTg") is not None and (year > 2024 or ctx.as_of >= _AMENDED):
        # A registry entry: its summary of public sources, quoted as the registry's words, the whole line of the rule.
        path = "211/QĐ-TTg › Phần mở đầu"
        section = ctx.section(path)
        line = next(
            (
                x.strip(" -")
                for x in (section.full_text() if section else "").splitlines()
                if "khu vực III" in x and "Trung du miền núi phía Bắc" in x
            ),
            None,
        )
        if line is not None:
            summary = "tóm tắt từ nguồn công khai, không phải nguyên văn"
            draft = Draft(
                f"Theo mục đăng ký của kho về 211/QĐ-TTg (năm 2024; {summary}): {QUOTE}",
                [Source("211/QĐ-TTg", path, line, text=line, whole=True)],
            )
            return NORTHERN_MOUNTAINS, draft
    if _says(_DISADVANTAGED, f):
        source = Source("318/QĐ-TTg", "318/QĐ-TTg › Điều 1", "xã đặc biệt khó khăn Trung du miền núi phía Bắc")
        return NORTHERN_MOUNTAINS, Draft(f"Theo Điều 1 Quyết định 318/QĐ-TTg: «{QUOTE}»", [source])
    return None
