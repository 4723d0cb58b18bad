"""The 2025 map: which former provinces a new province was formed from, and which province a former
one now belongs to ("Tỉnh Lào Cai mới gồm những tỉnh nào?", "xã ở tỉnh Yên Bái cũ nay thuộc tỉnh nào?")."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.asks import MAP_CUES
from corpus.places import UnknownPlaceError, describe, locate


def places(ctx: Context) -> list[Candidate]:
    q = ctx.query
    regions = ctx.catalogue.regions
    if not q.province or regions.reorganisation is None or not MAP_CUES.search(q.folded):
        return []
    # "mới" reads the name on the new map whatever the date; "cũ" on the old one.
    moi = re.search(r"\b(tinh|thanh pho) [a-z ]{2,30}? moi\b|\bmoi gom\b", q.folded)
    on = max(ctx.as_of, regions.reorganisation.effective) if moi else ctx.as_of
    try:
        place = locate(regions, q.province, on, former=q.province_former)
    except UnknownPlaceError:
        return []
    number = regions.reorganisation.document
    meta = ctx.meta(number)
    if meta is None:
        return []
    text = describe(place)
    if place.on_new_map is False and place.unit is None and on >= regions.reorganisation.effective:
        return []
    if on < regions.reorganisation.effective:
        text = (
            f"Tính đến ngày {on:%d/%m/%Y} chưa có đợt sắp xếp tỉnh năm 2025 (các tỉnh mới hoạt động từ 01/7/2025). "
            + text
        )
    drafts = [Draft(text, [Source(number, f"{number} › Phần mở đầu", place.name)])]
    if place.spans_regions:
        parts = "; ".join(
            f"{name} cũ: vùng {regions.region('vung-7', code).name}" for name, code in place.regions.items()
        )
        drafts.append(
            Draft(
                f"Các tỉnh cũ hợp thành thuộc những vùng khác nhau của các bộ tiêu chí 2016-2025 ({parts}); với các bộ "
                "tiêu chí đó, mức đạt chuẩn của một xã tính theo vùng của tỉnh cũ mà xã thuộc về (suy luận của kho, "
                "không nguồn nào quy định). Từ giai đoạn 2026-2030, nhóm xã (nhóm 1, 2, 3) thay cho vùng."
            )
        )
    drafts.append(
        Draft(
            "Danh sách lấy từ mục đăng ký của kho, tổng hợp từ trang công khai (không phải toàn văn nghị quyết; "
            "số hiệu nghị quyết chưa ghi nhận)."
        )
    )
    return [
        Candidate(
            "places",
            drafts,
            covers={("province", q.province)},
            answers={"list", "which", "contents", "definition"},
            evidence=[f"{number} › Phần mở đầu"],
            docs={number},
            prior=1.4,
            label=f"bản đồ tỉnh {place.name}",
        )
    ]
