"""The criteria sets a unit can be held to, the dispatch's items and the shared duties: the data the
applicability card (assistant.applicability) reads, kept apart from the rules that pick among them."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

DISPATCH = "14/BCĐCTMTQG"
NEW_SET = "51/2025/QĐ-TTg"
NEW_SET_IN_FORCE = dt.date(2026, 2, 15)
NEW_SET_ISSUED = dt.date(2025, 12, 29)
PERIOD_START = dt.date(2022, 3, 8)  # 318, 319, 320 were issued (and took effect) on 08/3/2022
PERIOD_END = dt.date(2025, 12, 31)
DISPATCH_DATE = dt.date(2023, 11, 3)
DISTRICTS_END = dt.date(2025, 7, 1)
# What the 2026-2030 set holds, and why no district set is among its parts.
NEW_SET_PARTS = (
    "gồm bộ tiêu chí xã (Phụ lục I), khung thí điểm xã nông thôn mới hiện đại (Phụ lục II) và điều kiện tỉnh hoàn "
    "thành nhiệm vụ xây dựng nông thôn mới (Phụ lục III)"
)
NO_DISTRICT_PART = (
    f"{NEW_SET_PARTS}; không có phụ lục dành cho huyện, vì từ ngày 01/7/2025 cấp huyện không còn là một cấp chính "
    "quyền."
)

LEVELS = ("xã", "huyện")
TIERS = ("NTM", "nâng cao", "kiểu mẫu")


@dataclass
class Ref:
    """A corpus section a statement rests on."""

    doc: str
    path: str


@dataclass
class TargetSet:
    doc: str
    catalogue_id: str | None
    title: str
    ref: Ref


# What the card says of the 2026-2030 commune set while the corpus holds only its registry entry; the
# service replaces it once an official file's table has been imported (assistant.service).
REGISTRY_2026_STEP = (
    "Phụ lục I của Quyết định 51/2025/QĐ-TTg quy định 10 tiêu chí, 47 chỉ tiêu xã theo nhóm xã (nhóm 1, "
    "2, 3); kho văn bản mới có tên 10 tiêu chí (mục đăng ký), chưa có các chỉ tiêu và mức đạt chuẩn, cần "
    "đối chiếu văn bản chính thức để biết mức đạt cụ thể."
)


@dataclass
class Step:
    """One action or duty, in order, with its sources."""

    text: str
    refs: list[Ref]


@dataclass
class Resolution:
    """The applicability card: status → applicable set → actions, valid as of a date."""

    as_of: dt.date
    period: str  # the period whose rules are applied
    level: str | None
    tier: str | None
    recognition: str | None  # e.g. "2016-2020"
    status: str  # what the unit is, in words
    case: Ref | None  # the dispatch item the case falls under
    applicable: TargetSet | None
    actions: list[Step] = field(default_factory=list)
    duties: list[Step] = field(default_factory=list)
    notes: list[Step] = field(default_factory=list)  # time notes, e.g. the set now in force
    missing: list[str] = field(default_factory=list)  # facts needed: "level", "tier", "recognition"
    ask: str | None = None  # the question to ask back, in Vietnamese
    alternatives: list[Resolution] = field(default_factory=list)  # cases side by side
    in_dispatch: bool = True
    previous: Resolution | None = None  # the 2021-2025 answer, when as_of is in the next period

    def to_dict(self) -> dict:
        return asdict(self)

    def refs(self) -> list[Ref]:
        out: list[Ref] = []
        for ref in [self.case, self.applicable.ref if self.applicable else None]:
            if ref:
                out.append(ref)
        for step in (*self.actions, *self.duties, *self.notes):
            out.extend(step.refs)
        if self.previous is not None:
            out.extend(self.previous.refs())
        return out


def item(n: int) -> Ref:
    return Ref(DISPATCH, f"{DISPATCH} › Mục {n}")


SETS = {
    "318-xa-ntm": TargetSet(
        "318/QĐ-TTg",
        "318-xa-ntm",
        "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 (Phụ lục I, Quyết định 318/QĐ-TTg)",
        Ref("318/QĐ-TTg", "318/QĐ-TTg › Phụ lục I"),
    ),
    "318-xa-nang-cao": TargetSet(
        "318/QĐ-TTg",
        "318-xa-nang-cao",
        "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025 (Phụ lục II, Quyết định 318/QĐ-TTg)",
        Ref("318/QĐ-TTg", "318/QĐ-TTg › Phụ lục II"),
    ),
    "319-xa-kieu-mau": TargetSet(
        "319/QĐ-TTg",
        "319-xa-kieu-mau",
        "Quy định xã nông thôn mới kiểu mẫu giai đoạn 2021-2025 (Quyết định 319/QĐ-TTg)",
        Ref("319/QĐ-TTg", "319/QĐ-TTg › Điều 1"),
    ),
    "320-huyen-ntm": TargetSet(
        "320/QĐ-TTg",
        "320-huyen-ntm",
        "Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025 (Phụ lục I, Quyết định 320/QĐ-TTg)",
        Ref("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục I"),
    ),
    "320-huyen-nang-cao": TargetSet(
        "320/QĐ-TTg",
        "320-huyen-nang-cao",
        "Bộ tiêu chí quốc gia về huyện nông thôn mới nâng cao giai đoạn 2021-2025 (Phụ lục III, Quyết định 320/QĐ-TTg)",
        Ref("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục III"),
    ),
    "320-thi-xa-thanh-pho": TargetSet(
        "320/QĐ-TTg",
        "320-thi-xa-thanh-pho",
        "Quy định thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021-2025 "
        "(Phụ lục II, Quyết định 320/QĐ-TTg)",
        Ref("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục II"),
    ),
    "51-2025": TargetSet(
        NEW_SET,
        "51-2025-xa-ntm",
        "Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026-2030 (Quyết định 51/2025/QĐ-TTg)",
        Ref(NEW_SET, f"{NEW_SET} › Phần mở đầu"),
    ),
}

# Sets in force before the 2021-2025 period, by (level, tier): (from, until, set).
EARLIER = {
    ("xã", "NTM"): [
        (
            dt.date(2009, 4, 16),
            dt.date(2016, 11, 30),
            TargetSet(
                "491/QĐ-TTg",
                "491-342-xa-ntm",
                "Bộ tiêu chí quốc gia về nông thôn mới (Quyết định 491/QĐ-TTg, sửa đổi bởi 342/QĐ-TTg từ 20/02/2013)",
                Ref("491/QĐ-TTg", "491/QĐ-TTg › Phụ lục"),
            ),
        ),
        (
            dt.date(2016, 12, 1),
            dt.date(2022, 3, 7),
            TargetSet(
                "1980/QĐ-TTg",
                "1980-xa-ntm",
                "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020 (Quyết định 1980/QĐ-TTg)",
                Ref("1980/QĐ-TTg", "1980/QĐ-TTg › Phụ lục"),
            ),
        ),
    ],
    ("xã", "nâng cao"): [
        (
            dt.date(2018, 2, 8),
            dt.date(2022, 3, 7),
            TargetSet(
                "1345/BNN-VPĐP",
                "1345-xa-nang-cao",
                "Hướng dẫn xét, công nhận xã nông thôn mới nâng cao giai đoạn 2018-2020 (Công văn 1345/BNN-VPĐP) "
                "và quy định của UBND cấp tỉnh",
                Ref("1345/BNN-VPĐP", "1345/BNN-VPĐP › Phụ lục"),
            ),
        ),
    ],
    ("xã", "kiểu mẫu"): [
        (
            dt.date(2018, 6, 5),
            dt.date(2022, 3, 7),
            TargetSet(
                "691/QĐ-TTg",
                "691-xa-kieu-mau",
                "Tiêu chí xã nông thôn mới kiểu mẫu giai đoạn 2018-2020 (Quyết định 691/QĐ-TTg)",
                Ref("691/QĐ-TTg", "691/QĐ-TTg › Điều 1"),
            ),
        ),
    ],
    ("huyện", "NTM"): [
        (
            dt.date(2009, 4, 16),
            dt.date(2016, 4, 4),
            TargetSet(
                "491/QĐ-TTg",
                "491-342-xa-ntm",
                "Bộ tiêu chí quốc gia về nông thôn mới (Quyết định 491/QĐ-TTg), căn cứ công nhận huyện đạt chuẩn "
                "giai đoạn 2010-2015 (mục 4 Công văn 14/BCĐCTMTQG)",
                Ref("491/QĐ-TTg", "491/QĐ-TTg › Phụ lục"),
            ),
        ),
        (
            dt.date(2016, 4, 5),
            dt.date(2022, 3, 7),
            TargetSet(
                "558/QĐ-TTg",
                "558-huyen-ntm",
                "Tiêu chí huyện nông thôn mới (Quyết định 558/QĐ-TTg)",
                Ref("558/QĐ-TTg", "558/QĐ-TTg › Phụ lục"),
            ),
        ),
    ],
}

REVIEW = "Trước hết rà soát, chỉ đạo thực hiện để đáp ứng đầy đủ {what} theo yêu cầu của {target}."
MAINTAIN = (
    "Sau khi đáp ứng đầy đủ, triển khai các nội dung, giải pháp phù hợp với điều kiện thực tế để duy trì và nâng "
    "cao chất lượng các tiêu chí."
)


def duties() -> list[Step]:
    """The duties every recognised commune and district shares (items 6-8 and the reporting)."""
    return [
        Step(
            "Rà soát, tham mưu UBND cấp tỉnh bố trí ngân sách trung ương, ngân sách địa phương và huy động nguồn "
            "lực xã hội "
            "để hỗ trợ duy trì và nâng cao chất lượng các tiêu chí.",
            [item(6)],
        ),
        Step("Có kế hoạch, lộ trình thực hiện các chỉ tiêu, nhiệm vụ cụ thể theo từng năm.", [item(7)]),
        Step(
            "Tăng cường kiểm tra, giám sát, đôn đốc; phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ "
            "quốc, các tổ chức "
            "chính trị - xã hội và giám sát của cộng đồng dân cư.",
            [item(8)],
        ),
        Step(
            "Định kỳ 06 tháng và hằng năm báo cáo kết quả gửi Bộ Nông nghiệp và Phát triển nông thôn (qua Văn "
            "phòng Điều phối "
            "nông thôn mới Trung ương).",
            [Ref(DISPATCH, f"{DISPATCH} › Phần kết")],
        ),
    ]


def tier_words(tier: str) -> str:
    return {"NTM": "nông thôn mới", "nâng cao": "nông thôn mới nâng cao", "kiểu mẫu": "nông thôn mới kiểu mẫu"}.get(
        tier, tier
    )


# What each set a unit can be recognised under says about it: (levels, tier, period).
# A tier of None means the set alone does not tell (318 and 320 hold two tiers each); two
# levels mean the same (491 served communes and districts, item 4 of the dispatch).
NAMED = {
    "491/QĐ-TTg": (("xã", "huyện"), "NTM", "2010-2015"),
    "342/QĐ-TTg": (("xã", "huyện"), "NTM", "2010-2015"),
    "1980/QĐ-TTg": (("xã",), "NTM", "2016-2020"),
    "1345/BNN-VPĐP": (("xã",), "nâng cao", "2018-2020"),
    "691/QĐ-TTg": (("xã",), "kiểu mẫu", "2018-2020"),
    # 558 also issued the rules for a thị xã or a provincial city completing the programme.
    "558/QĐ-TTg": (("huyện", "thị xã", "thành phố"), "NTM", "2016-2020"),
    "318/QĐ-TTg": (("xã",), None, "2021-2025"),
    "319/QĐ-TTg": (("xã",), "kiểu mẫu", "2021-2025"),
    "320/QĐ-TTg": (("huyện",), None, "2021-2025"),
}


def canonical_set(number: str) -> str | None:
    """The canonical spelling of a set a unit can be recognised under ('558/qd-ttg' → '558/QĐ-TTg')."""
    from corpus.registry import number_key

    return next((n for n in NAMED if number_key(n) == number_key(number)), None)


TIERS_OF = {"318/QĐ-TTg": ("NTM", "nâng cao"), "320/QĐ-TTg": ("NTM", "nâng cao")}
