"""The 2025 map: which former provinces a new province was formed from, and which province a former
one now belongs to ("Tỉnh Lào Cai mới gồm những tỉnh nào?", "xã ở tỉnh Yên Bái cũ nay thuộc tỉnh nào?")."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.rx import rx
from assistant.understand import MAP_CUES
from corpus.criteria import RegionMap
from corpus.normalize import fold
from corpus.places import Place, UnknownPlaceError, describe, locate


def places(ctx: Context) -> list[Candidate]:
    q = ctx.query
    regions = ctx.catalogue.regions
    # "Còn Quảng Trị?" after "Tỉnh Quảng Bình sau sáp nhập thuộc tỉnh nào?": the conversation asks the map.
    earlier = fold(q.context).lower() if q.context else ""
    if not q.province or regions.reorganisation is None or not (MAP_CUES.search(q.folded) or MAP_CUES.search(earlier)):
        return []
    # "mới" reads the name on the new map whatever the date; "cũ" on the old one.
    # "sau sắp xếp thuộc tỉnh nào": the new map too, whatever date the conversation was about.
    moi = re.search(
        r"\b(tinh|thanh pho) [a-z ]{2,30}? moi\b|\bmoi gom\b|\bsau (khi )?(sap xep|sap nhap|hop nhat)\b", q.folded
    )
    on = max(ctx.as_of, regions.reorganisation.effective) if moi else ctx.as_of
    number = regions.reorganisation.document
    if ctx.meta(number) is None:
        return []
    # "Gia Lai mới gồm những tỉnh nào, còn Quảng Ngãi mới hợp nhất với tỉnh nào?": each province named, in order.
    # Another province is asked about only when the map is asked twice; "Bình Định, nay thuộc Gia Lai" asks once.
    # So is one named beside it as one subject ("Lạng Sơn với Cao Bằng thì có phải nhập với tỉnh nào").
    others = [
        (name, former)
        for name, former in q.other_provinces
        if len(MAP_CUES.findall(q.folded)) >= 2 or _joined(q.folded, q.province, name)
    ]
    drafts: list[Draft] = []
    said: list[str] = []
    for name, former in [(q.province, q.province_former), *others]:
        try:
            place = locate(regions, name, on, former=former)
        except UnknownPlaceError:
            continue
        if place.name in said or (
            place.on_new_map is False and place.unit is None and on >= regions.reorganisation.effective
        ):
            continue
        said.append(place.name)
        drafts += _place_drafts(ctx, place, on, number)
    if not drafts:
        return []
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
            answers={"list", "which", "contents", "definition", "map"},
            evidence=[f"{number} › Phần mở đầu"],
            docs={number},
            prior=1.4,
            label=f"bản đồ tỉnh {said[0]}",
        )
    ]


def _place_drafts(ctx: Context, place, on, number: str) -> list[Draft]:
    """What the map says of one province, and the regions its former provinces belonged to."""
    regions = ctx.catalogue.regions
    text = describe(place)
    if on < regions.reorganisation.effective:
        text = (
            f"Tính đến ngày {on:%d/%m/%Y} chưa có đợt sắp xếp tỉnh năm 2025 (các tỉnh mới hoạt động từ 01/7/2025). "
            + text
        )
    drafts = [Draft(text, [Source(number, f"{number} › Phần mở đầu", place.name)])]
    if place.spans_regions:
        drafts.append(
            Draft(
                f"Các tỉnh cũ hợp thành thuộc những vùng khác nhau của các bộ tiêu chí 2016-2025 "
                f"({former_regions(regions, place)}); với các bộ tiêu chí đó, {FORMER_REGION_RULE}. Từ giai đoạn "
                "2026-2030, nhóm xã (nhóm 1, 2, 3) thay cho vùng."
            )
        )
    return drafts


# Which former province's region a commune of a merged province takes: the kho's inference, said as such.
FORMER_REGION_RULE = (
    "mức đạt chuẩn của một xã tính theo vùng của tỉnh cũ mà xã thuộc về (suy luận của kho, không nguồn nào quy định)"
)


def former_regions(regions: RegionMap, place: Place) -> str:
    """Each former province of a merged one with its region of the 2016-2025 sets ("Gia Lai cũ: vùng Tây Nguyên; …")."""
    return "; ".join(f"{name} cũ: vùng {regions.region('vung-7', code).name}" for name, code in place.regions.items())


def _joined(folded: str, first: str, other: str) -> bool:
    """Two provinces named together as one subject: "X và Y", "X với Y", "X, Y"."""
    a, b = (re.escape(fold(n).lower()) for n in (first, other))
    return bool(rx(rf"\b{a}\s*(?:,|va|voi|vs|hoac|&)\s*(?:tinh\s+)?{b}\b").search(folded))
