"""The 2025 map as a list: which provinces or cities were merged, which kept their borders, in a region or
nationwide, and how many units there are ("những thành phố trực thuộc Trung ương nào được hình thành do hợp nhất",
"ở vùng Trung du và miền núi phía Bắc những tỉnh nào không phải hợp nhất"). One province named is `places`'."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.kinds import question_parts
from assistant.topic import asking_clause
from assistant.understand import MAP_CUES, normalise_question
from corpus.criteria import RegionMap, Unit

# The question asks for provinces or cities, not one of them ("những tỉnh nào", "bao nhiêu thành phố").
# Which or how many units, asked as such ("tỉnh nào", "bao nhiêu tỉnh"), not units named as a subject ("các tỉnh mới").
_UNITS_NAMED = r"\b(bao nhieu|may|ke ten|liet ke)\s+(tinh|thanh pho|don vi)\b|\b(tinh|thanh pho)( [a-z]+){0,5} nao\b"
_NAMES_UNITS = re.compile(_UNITS_NAMED)
_ASKS_UNITS = re.compile(r"\b(nhung|cac)\s+(tinh|thanh pho|don vi)\b|" + _UNITS_NAMED)
_CITIES = re.compile(r"\bthanh pho\b")
_PROVINCES = re.compile(r"\btinh\b(?!\s*(khac|do|nay))")
_POINTING = re.compile(r"\b(do|nay|ay|moi (noi|tinh|thanh pho|don vi))\b")
_KEPT = re.compile(
    r"\b(khong (phai |bi |duoc )?(hop nhat|sap nhap|nhap|gop|sap xep)|giu nguyen|khong thay doi|dung doc lap)\b"
)


def _filtered(regions: RegionMap, folded: str, region: str | None) -> tuple[list[Unit], list[str]]:
    """The units the question asks for, and the words saying which (kind, merged or kept, region)."""
    units = list(regions.reorganisation.units)
    said: list[str] = []
    # "trước khi sáp nhập", "sau sắp xếp": when, not which units were merged; "tỉnh thành" is both kinds.
    folded = re.sub(r"\b(truoc|sau)( khi)? (sap nhap|sap xep|hop nhat|nhap)\b", " ", folded)
    both = re.search(r"\btinh thanh\b", folded) is not None
    cities, provinces = both or bool(_CITIES.search(folded)), both or bool(_PROVINCES.search(folded))
    if cities and not provinces:
        units = [u for u in units if u.kind == "thành phố"]
    elif provinces and not cities:
        units = [u for u in units if u.kind == "tỉnh"]
    if _KEPT.search(folded):
        units = [u for u in units if len(u.formed_from) == 1]
        said.append("không sắp xếp lại (giữ nguyên địa giới)")
    elif re.search(r"\b(hop nhat|sap nhap|nhap|gop|hinh thanh)\b", folded):
        units = [u for u in units if len(u.formed_from) > 1]
        said.append("hình thành do hợp nhất")
    if region is not None:
        members = {p.name for p in regions.provinces if p.regions.get("vung-7") == region}
        units = [u for u in units if members & set(u.formed_from)]
        said.append(f"có tỉnh cũ thuộc vùng {regions.region('vung-7', region).name}")
    return units, said


def map_lists(ctx: Context) -> list[Candidate]:
    q = ctx.query
    regions = ctx.catalogue.regions
    reorg = regions.reorganisation
    asking = normalise_question(asking_clause(ctx.text))
    if reorg is None or q.province or not MAP_CUES.search(q.folded) or not _ASKS_UNITS.search(asking):
        return []
    if "set" in ctx.need.asks and not _NAMES_UNITS.search(asking):
        return []  # "Các tỉnh mới sau sáp nhập áp dụng bộ tiêu chí nào?": the units are who asks, the set is asked
    number = reorg.document
    if ctx.meta(number) is None:
        return []
    # "có mấy thành phố trực thuộc TW, kể tên, tp nào giữ nguyên không phải sáp nhập?": each part its own list, when
    # one part asks for every unit and another for some. A part pointing back ("đó là những thành phố nào", "mỗi nơi
    # gồm những tỉnh nào") asks about the units the part before it names.
    parts = [p for p in map(normalise_question, question_parts(ctx.text)) if _ASKS_UNITS.search(p)]
    found = [(part, *_filtered(regions, part, q.region)) for part in parts]
    if not (any(said for _, _, said in found) and any(not said and not _POINTING.search(p) for p, _, said in found)):
        found = [(asking, *_filtered(regions, asking, q.region))]
    drafts: list[Draft] = []
    kinds: set[str] = set()
    for _, units, said in found:
        if not units:
            continue
        kinds |= {u.kind for u in units}
        drafts += [d for d in _listed(ctx, reorg, units, said) if d.text not in {x.text for x in drafts}]
    if not drafts:
        return []
    where = f"{number} › Phần mở đầu"
    drafts.append(
        Draft(
            "Thông tin lấy từ mục đăng ký của kho, tổng hợp từ trang công khai (không phải toàn văn nghị quyết; "
            "số hiệu nghị quyết chưa ghi nhận)."
        )
    )
    covers = {("topic", "map")} | ({("region", q.region)} if q.region else set())
    covers |= {("level", "thành phố")} if kinds == {"thành phố"} else set()
    return [
        Candidate(
            "places",
            drafts,
            covers=covers,
            answers={"list", "which", "count", "map", "definition"},
            evidence=[where],
            docs={number},
            prior=1.4,
            label="bản đồ 2025: danh sách",
        )
    ]


def _listed(ctx: Context, reorg, units: list[Unit], said: list[str]) -> list[Draft]:
    """The units one part asks for, and (when it names no subset) how many units the map has."""
    number = reorg.document
    kinds = {u.kind for u in units}
    noun = (
        "thành phố trực thuộc Trung ương"
        if kinds == {"thành phố"}
        else "tỉnh"
        if kinds == {"tỉnh"}
        else ("tỉnh, thành phố")
    )
    items = "; ".join(
        u.name + ("" if len(u.formed_from) == 1 else f" (từ {', '.join(u.formed_from)} cũ)") for u in units
    )
    where = f"{number} › Phần mở đầu"
    head = f"Từ 01/7/2025, {len(units)} {noun}{' ' + ', '.join(said) if said else ''}: {items}."
    drafts = [Draft(head, [Source(number, where, units[0].name)])]
    if not said and "count" in ctx.need.asks and "list" not in ctx.need.asks:
        drafts = []  # "cả nước còn bao nhiêu tỉnh": the count, not the 34 names
    if not said:
        n_cities = sum(u.kind == "thành phố" for u in reorg.units)
        before = sum(len(u.formed_from) for u in reorg.units)  # every former province is in exactly one unit
        drafts.insert(
            0,
            Draft(
                f"Sau đợt sắp xếp năm 2025, cả nước có {len(reorg.units)} đơn vị hành chính cấp tỉnh "
                f"({len(reorg.units) - n_cities} tỉnh, {n_cities} thành phố trực thuộc Trung ương), "
                f"từ {before} tỉnh, thành phố trước đó.",
                [Source(number, where, "")],
            ),
        )
    return drafts
