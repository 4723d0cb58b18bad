"""Which region of the 2016-2025 criteria sets a province belongs to ("Tỉnh Điện Biên thuộc vùng nào?", "xã ở
Nghệ An áp dụng mức của vùng nào theo QĐ 318?"). The decisions set their levels by region but list no provinces:
the assignment is the kho's own compilation (statistical regions), and the answer says so."""

from __future__ import annotations

from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.answerers.places import FORMER_REGION_RULE, former_regions
from corpus.places import UnknownPlaceError, locate

# The set whose annex names the seven regions, cited for the regions themselves (not for the provinces in them).
_REGIONAL_SET = "318/QĐ-TTg"


def region_of(ctx: Context) -> list[Candidate]:
    q = ctx.query
    regions = ctx.catalogue.regions
    if "region_of" not in ctx.need.asks or not q.province or ctx.meta(_REGIONAL_SET) is None:
        return []
    try:
        place = locate(regions, q.province, ctx.as_of, former=q.province_former)
    except UnknownPlaceError:
        return []
    if not place.regions:
        return []
    if place.region is not None:
        lead = f"Tỉnh {place.name} thuộc vùng {regions.region('vung-7', place.region).name}"
    else:
        each = former_regions(regions, place)
        lead = f"Tỉnh {place.name} gồm các tỉnh cũ thuộc những vùng khác nhau ({each}); {FORMER_REGION_RULE}"
    drafts = [
        Draft(
            f"{lead}, theo cách phân vùng kho dùng cho các bộ tiêu chí 2016-2025 (biên soạn theo vùng kinh tế - xã hội "
            "thống kê; các quyết định chỉ đặt mức theo vùng, không kèm danh sách tỉnh của từng vùng, nên cần đối chiếu "
            "hướng dẫn của bộ, ngành).",
            [Source(_REGIONAL_SET, f"{_REGIONAL_SET} › Phụ lục I", "Trung du miền núi phía Bắc")],
        ),
        Draft("Từ giai đoạn 2026-2030 (Quyết định 51/2025/QĐ-TTg), nhóm xã (nhóm 1, 2, 3) thay cho vùng."),
    ]
    return [
        Candidate(
            "places",
            drafts,
            # Asked nothing but the region ("xã ở tỉnh … áp dụng mức vùng nào theo bộ 2021-2025"): it is the region of
            # the communes of the 2016-2025 sets; beside a figure or the map asked, those answer the rest.
            covers={("province", q.province), ("doc", _REGIONAL_SET)}
            | (
                {("level", "xã"), ("period", "2016-2020"), ("period", "2021-2025")}
                | ({("region", place.region)} if place.region else set())
                if ctx.need.asks <= {"region_of", "which"}
                else set()
            ),
            answers={"region_of", "which"},
            evidence=[f"{_REGIONAL_SET} › Phụ lục I"],
            docs={_REGIONAL_SET},
            prior=1.4,
            label=f"vùng của tỉnh {place.name}",
        )
    ]
