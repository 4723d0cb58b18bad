"""Which criteria set applies to a commune or district, and what it must do, as of a date.

A deterministic reading of items 1-8 of Công văn 14/BCĐCTMTQG (03/11/2023) for the
2021-2025 period, plus the sets in force before and after it (see DESIGN.md, "Time").
Every action and duty carries the corpus sections it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from assistant.understand import period_of

DISPATCH = "14/BCĐCTMTQG"
NEW_SET = "51/2025/QĐ-TTg"
NEW_SET_IN_FORCE = dt.date(2026, 2, 15)
NEW_SET_ISSUED = dt.date(2025, 12, 29)
PERIOD_START = dt.date(2022, 3, 8)  # 318, 319, 320 were issued (and took effect) on 08/3/2022
PERIOD_END = dt.date(2025, 12, 31)
DISPATCH_DATE = dt.date(2023, 11, 3)
DISTRICTS_END = dt.date(2025, 7, 1)

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


def _item(n: int) -> Ref:
    return Ref(DISPATCH, f"{DISPATCH} › Mục {n}")


_SETS = {
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
_EARLIER = {
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
            [_item(6)],
        ),
        Step("Có kế hoạch, lộ trình thực hiện các chỉ tiêu, nhiệm vụ cụ thể theo từng năm.", [_item(7)]),
        Step(
            "Tăng cường kiểm tra, giám sát, đôn đốc; phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ "
            "quốc, các tổ chức "
            "chính trị - xã hội và giám sát của cộng đồng dân cư.",
            [_item(8)],
        ),
        Step(
            "Định kỳ 06 tháng và hằng năm báo cáo kết quả gửi Bộ Nông nghiệp và Phát triển nông thôn (qua Văn "
            "phòng Điều phối "
            "nông thôn mới Trung ương).",
            [Ref(DISPATCH, f"{DISPATCH} › Phần kết")],
        ),
    ]


def _dispatch_case(level: str, tier: str, recognition: str | None) -> Resolution | None:
    """Items 1-5 of the dispatch, and the 2021-2025 cases it leaves to the sets themselves."""
    r = None
    if level == "xã" and tier == "NTM" and recognition in ("2010-2015", "2016-2020"):
        basis = "491/QĐ-TTg và 342/QĐ-TTg" if recognition == "2010-2015" else "1980/QĐ-TTg"
        r = _res(
            level,
            tier,
            recognition,
            f"Xã đã đạt chuẩn nông thôn mới giai đoạn {recognition} (theo {basis})",
            _item(1),
            "318-xa-ntm",
        )
        r.actions = [
            Step(REVIEW.format(what="mức đạt chuẩn", target=r.applicable.title), [_item(1), r.applicable.ref]),
            Step(MAINTAIN, [_item(1)]),
            Step(
                "Phấn đấu xây dựng xã nông thôn mới nâng cao giai đoạn 2021-2025.",
                [_item(1), _SETS["318-xa-nang-cao"].ref],
            ),
        ]
    elif level == "xã" and tier == "nâng cao" and recognition == "2018-2020":
        r = _res(
            level,
            tier,
            recognition,
            "Xã đã đạt chuẩn nông thôn mới nâng cao giai đoạn 2018-2020 (theo Công văn 1345/BNN-VPĐP và quy định "
            "của UBND cấp tỉnh)",
            _item(2),
            "318-xa-nang-cao",
        )
        r.actions = [
            Step(
                REVIEW.format(what="điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [_item(2), r.applicable.ref],
            ),
            Step(MAINTAIN, [_item(2)]),
            Step(
                "Phấn đấu xây dựng xã nông thôn mới kiểu mẫu, hoặc mô hình xã nông thôn mới thông minh ở nơi có "
                "điều kiện "
                "do UBND cấp tỉnh quy định.",
                [_item(2), _SETS["319-xa-kieu-mau"].ref],
            ),
        ]
    elif level == "xã" and tier == "kiểu mẫu" and recognition == "2018-2020":
        r = _res(
            level,
            tier,
            recognition,
            "Xã đã đạt chuẩn nông thôn mới kiểu mẫu giai đoạn 2018-2020 (theo Quyết định 691/QĐ-TTg)",
            _item(3),
            "319-xa-kieu-mau",
        )
        r.actions = [
            Step(
                REVIEW.format(what="các điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [_item(3), r.applicable.ref],
            ),
            Step(
                "Sau khi đáp ứng đầy đủ, duy trì và nâng cao chất lượng tiêu chí kiểu mẫu về lĩnh vực nổi trội nhất.",
                [_item(3)],
            ),
            Step(
                "Phấn đấu xây dựng mô hình xã nông thôn mới thông minh ở nơi có điều kiện do UBND cấp tỉnh quy định.",
                [_item(3)],
            ),
        ]
    elif level == "huyện" and tier == "NTM" and recognition in ("2010-2015", "2016-2020"):
        basis = "491/QĐ-TTg" if recognition == "2010-2015" else "558/QĐ-TTg"
        r = _res(
            level,
            tier,
            recognition,
            f"Huyện đã đạt chuẩn nông thôn mới giai đoạn {recognition} (theo {basis})",
            _item(4),
            "320-huyen-ntm",
        )
        r.actions = [
            Step(
                REVIEW.format(what="các điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [_item(4), r.applicable.ref],
            ),
            Step(MAINTAIN, [_item(4)]),
            Step(
                "Phấn đấu xây dựng huyện nông thôn mới nâng cao giai đoạn 2021-2025.",
                [_item(4), _SETS["320-huyen-nang-cao"].ref],
            ),
        ]
    elif level == "huyện" and tier == "nâng cao" and recognition == "2021-2025":
        r = _res(
            level,
            tier,
            recognition,
            "Huyện đã đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025",
            _item(5),
            "320-huyen-nang-cao",
        )
        r.actions = [
            Step(
                "Duy trì và nâng cao chất lượng các tiêu chí bằng nội dung, giải pháp phù hợp với điều kiện thực tế.",
                [_item(5)],
            ),
            Step(
                "Phấn đấu xây dựng huyện nông thôn mới kiểu mẫu ở nơi có điều kiện do UBND cấp tỉnh quy định.",
                [_item(5)],
            ),
        ]
    elif recognition == "2021-2025" or (recognition is None and tier is None):
        r = _current_period_case(level, tier)
    if r is not None:
        r.duties = duties()
    return r


def _current_period_case(level: str, tier: str | None) -> Resolution | None:
    """Units recognised under the 2021-2025 sets themselves (or not yet recognised): the
    dispatch has no item of its own; the set applies directly and the shared duties (6-8) apply."""
    table = {
        ("xã", "NTM"): ("318-xa-ntm", "318-xa-nang-cao", "Phấn đấu xây dựng xã nông thôn mới nâng cao."),
        ("xã", "nâng cao"): ("318-xa-nang-cao", "319-xa-kieu-mau", "Phấn đấu xây dựng xã nông thôn mới kiểu mẫu."),
        ("xã", "kiểu mẫu"): (
            "319-xa-kieu-mau",
            None,
            "Phấn đấu xây dựng mô hình xã nông thôn mới thông minh ở nơi có điều kiện do UBND cấp tỉnh quy định.",
        ),
        ("huyện", "NTM"): ("320-huyen-ntm", "320-huyen-nang-cao", "Phấn đấu xây dựng huyện nông thôn mới nâng cao."),
    }
    key = (level, tier or "NTM")
    if key not in table:
        return None
    current, nxt, next_text = table[key]
    status = f"{level.capitalize()} đã đạt chuẩn {_tier_words(tier or 'NTM')} theo bộ tiêu chí giai đoạn 2021-2025"
    if tier is None:
        status = f"{level.capitalize()} chưa đạt chuẩn nông thôn mới"
    r = _res(level, tier, "2021-2025" if tier else None, status, None, current)
    r.in_dispatch = False
    r.actions = [
        Step(
            ("Phấn đấu đáp ứng đầy đủ " if tier is None else "Duy trì, đáp ứng đầy đủ và nâng cao chất lượng ")
            + r.applicable.title
            + ".",
            [r.applicable.ref],
        ),
        Step(next_text, [_SETS[nxt].ref] if nxt else [_item(3)]),
    ]
    return r


def _tier_words(tier: str) -> str:
    return {"NTM": "nông thôn mới", "nâng cao": "nông thôn mới nâng cao", "kiểu mẫu": "nông thôn mới kiểu mẫu"}.get(
        tier, tier
    )


def _res(level, tier, recognition, status, case, target_id) -> Resolution:
    return Resolution(
        as_of=PERIOD_START,
        period="2021-2025",
        level=level,
        tier=tier,
        recognition=recognition,
        status=status,
        case=case,
        applicable=_SETS[target_id],
    )


def _earlier(level: str, tier: str, as_of: dt.date) -> Resolution:
    for start, end, target in _EARLIER.get((level, tier), []):
        if start <= as_of <= end:
            r = Resolution(
                as_of=as_of,
                period=f"trước {PERIOD_START:%d/%m/%Y}",
                level=level,
                tier=tier,
                recognition=None,
                status=f"Thời điểm {as_of:%d/%m/%Y}, trước khi ban hành các bộ tiêu chí giai đoạn 2021-2025",
                case=None,
                applicable=target,
                in_dispatch=False,
            )
            r.actions = [Step(f"Bộ tiêu chí áp dụng tại thời điểm đó: {target.title}.", [target.ref])]
            return r
    r = Resolution(
        as_of=as_of,
        period="không xác định",
        level=level,
        tier=tier,
        recognition=None,
        status=(
            f"Chưa có bộ tiêu chí quốc gia cho {level} {_tier_words(tier)} tại thời điểm {as_of:%d/%m/%Y} trong kho "
            "văn bản"
        ),
        case=None,
        applicable=None,
        in_dispatch=False,
    )
    return r


def _recognition_period(tier: str | None, year: int | None, period: str | None) -> str | None:
    if period:
        a, _, b = period.partition("-")
        if a.isdigit() and b.isdigit():
            a_i, b_i = int(a), int(b)
            if tier in ("nâng cao", "kiểu mẫu") and a_i >= 2016 and b_i <= 2020:
                return "2018-2020"
            if b_i <= 2015:
                return "2010-2015"
            if b_i <= 2020:
                return "2016-2020"
            if b_i <= 2025:
                return "2021-2025"
        return period
    if year is None:
        return None
    if tier in ("nâng cao", "kiểu mẫu") and 2018 <= year <= 2020:
        return "2018-2020"
    return period_of(year)


def _time_notes(r: Resolution, as_of: dt.date) -> None:
    """Say which period's rules apply, and what changed after it."""
    r.as_of = as_of
    new = _SETS["51-2025"]
    if as_of >= NEW_SET_IN_FORCE:
        r.notes.append(
            Step(
                # One short line: the set in force, and that the 2021-2025 rules are the previous period's.
                f"Tính đến ngày {as_of:%d/%m/%Y}, bộ tiêu chí đang có hiệu lực là 51/2025/QĐ-TTg (từ ngày "
                f"{NEW_SET_IN_FORCE:%d/%m/%Y}); các quy định giai đoạn 2021-2025 (318, 319, 320/QĐ-TTg) và Công văn "
                "14/BCĐCTMTQG thuộc giai đoạn trước.",
                [new.ref],
            )
        )
    elif as_of > PERIOD_END:
        r.notes.append(
            Step(
                f"Tính đến ngày {as_of:%d/%m/%Y}: giai đoạn 2021-2025 đã kết thúc; {new.title} đã ban hành ngày "
                f"{NEW_SET_ISSUED:%d/%m/%Y} và có hiệu lực từ ngày {NEW_SET_IN_FORCE:%d/%m/%Y}.",
                [new.ref],
            )
        )
    elif as_of < DISPATCH_DATE and r.case is not None:
        r.notes.append(
            Step(
                f"Công văn 14/BCĐCTMTQG được ban hành ngày {DISPATCH_DATE:%d/%m/%Y}; các bộ tiêu chí giai đoạn "
                "2021-2025 áp dụng "
                f"từ ngày {PERIOD_START:%d/%m/%Y}.",
                [r.case],
            )
        )
    if r.level == "huyện" and as_of >= DISTRICTS_END:
        r.notes.append(districts_note(as_of))


def districts_note(as_of: dt.date) -> Step:
    """The end of the district level (01/7/2025), cited to the set in force once it exists."""
    return Step(
        "Từ ngày 01/7/2025, chính quyền địa phương tổ chức theo hai cấp (tỉnh và xã); cấp huyện không còn là một cấp "
        "chính quyền.",
        [_SETS["51-2025"].ref] if as_of >= NEW_SET_ISSUED else [],
    )


def resolve(
    level: str | None,
    tier: str | None,
    *,
    recognition_year: int | None = None,
    recognition_period: str | None = None,
    named_set: str | None = None,
    as_of: dt.date | None = None,
    not_recognised: bool = False,
) -> Resolution:
    """Resolve what applies to a unit on a date.

    Args:
        level: "xã" or "huyện" (None when unknown).
        tier: "NTM", "nâng cao", "kiểu mẫu" (None when unknown).
        recognition_year: the year it was recognised.
        recognition_period: or the period ("2016-2020").
        named_set: or the document number of the set it was recognised under (e.g. "558/QĐ-TTg").
        as_of: the date the answer is for (default today).
        not_recognised: the unit has not been recognised yet.

    From 15/02/2026 the set that applies now is 51/2025/QĐ-TTg (communes); a district has no
    national set (the district level ended on 01/7/2025). The 2021-2025 answer is kept as
    `previous`, for context.
    """
    as_of = as_of or dt.date.today()
    r = _resolve_period(
        level,
        tier,
        recognition_year=recognition_year,
        recognition_period=recognition_period,
        named_set=named_set,
        as_of=as_of,
        not_recognised=not_recognised,
    )
    if as_of < NEW_SET_IN_FORCE or r.level not in ("xã", "huyện", "thị xã", "thành phố"):
        return r
    return _next_period(r, as_of)


def _next_period(previous: Resolution, as_of: dt.date) -> Resolution:
    new = _SETS["51-2025"]
    r = Resolution(
        as_of=as_of,
        period="2026-2030",
        level=previous.level,
        tier=previous.tier,
        recognition=previous.recognition,
        status=previous.status,
        case=None,
        applicable=None,
        notes=previous.notes,
        in_dispatch=False,
        previous=previous,
    )
    if previous.level == "xã":
        r.applicable = new
        r.actions = [Step(REGISTRY_2026_STEP, [new.ref])]
    else:
        r.actions = [
            Step(
                f"{new.title} gồm bộ tiêu chí xã (Phụ lục I), khung thí điểm xã nông thôn mới hiện đại (Phụ lục II) và "
                "điều kiện tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới (Phụ lục III); không có phụ lục dành "
                "cho huyện.",
                [new.ref],
            )
        ]
    return r


def _resolve_period(
    level: str | None,
    tier: str | None,
    *,
    recognition_year: int | None = None,
    recognition_period: str | None = None,
    named_set: str | None = None,
    as_of: dt.date | None = None,
    not_recognised: bool = False,
) -> Resolution:
    as_of = as_of or dt.date.today()
    if named_set:
        level, tier, recognition_period, conflict = _from_named_set(named_set, level, tier, recognition_period)
        if conflict and as_of >= PERIOD_START:
            r = Resolution(
                as_of=as_of,
                period="2021-2025",
                level=level,
                tier=tier,
                recognition=None,
                status=f"Thông tin chưa khớp: {conflict}",
                case=None,
                applicable=None,
                in_dispatch=False,
                missing=["recognition"],
                ask=_ASK["recognition"],
            )
            r.actions = [
                Step(
                    f"Kiểm tra lại cấp, hạng và bộ tiêu chí đã được công nhận: {conflict}.",
                    [Ref(named_set, f"{named_set} › Phần mở đầu")],
                )
            ]
            _time_notes(r, as_of)
            return r
    if level in ("thị xã", "thành phố"):
        r = _res(level, tier, None, f"{level.capitalize()} trực thuộc cấp tỉnh", None, "320-thi-xa-thanh-pho")
        r.in_dispatch = False
        r.actions = [Step(f"Đáp ứng {r.applicable.title}.", [r.applicable.ref])]
        r.duties = duties()
        _time_notes(r, as_of)
        return r
    if tier == "thông minh":
        r = Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=None,
            status="Mô hình xã nông thôn mới thông minh",
            case=_item(2),
            applicable=None,
            in_dispatch=True,
        )
        r.actions = [
            Step(
                "Chưa có bộ tiêu chí quốc gia riêng trong kho văn bản; mô hình xã nông thôn mới thông minh được xây "
                "dựng ở nơi có điều kiện theo quy định cụ thể của UBND cấp tỉnh.",
                [_item(2), _item(3)],
            )
        ]
        _time_notes(r, as_of)
        return r
    if not_recognised and level in LEVELS:
        if as_of < PERIOD_START:
            return _earlier(level, "NTM", as_of)  # the set a commune had to reach then
        tier = None
    if as_of < PERIOD_START and level in LEVELS and tier in TIERS:
        r = _earlier(level, tier, as_of)
        return r
    missing = []
    if level not in LEVELS:
        missing.append("level")
    if tier not in TIERS and not not_recognised:
        missing.append("tier")
    period = None if not_recognised else _recognition_period(tier, recognition_year, recognition_period)
    if not missing and period is None and not not_recognised:
        missing.append("recognition")
    if missing:
        return _ask(level, tier, period, missing, as_of)
    r = _dispatch_case(level, tier, period)
    if r is None:
        r = Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=period,
            status=f"{level.capitalize()} đạt chuẩn {_tier_words(tier)} giai đoạn {period}",
            case=None,
            applicable=None,
            in_dispatch=False,
        )
        r.actions = [
            Step(
                "Công văn 14/BCĐCTMTQG không có mục cho trường hợp này; cần đối chiếu quy định của UBND cấp tỉnh.",
                [Ref(DISPATCH, f"{DISPATCH} › Phần mở đầu")],
            )
        ]
    _time_notes(r, as_of)
    return r


# What each set a unit can be recognised under says about it: (levels, tier, period).
# A tier of None means the set alone does not tell (318 and 320 hold two tiers each); two
# levels mean the same (491 served communes and districts, item 4 of the dispatch).
_NAMED = {
    "491/QĐ-TTg": (("xã", "huyện"), "NTM", "2010-2015"),
    "342/QĐ-TTg": (("xã", "huyện"), "NTM", "2010-2015"),
    "1980/QĐ-TTg": (("xã",), "NTM", "2016-2020"),
    "1345/BNN-VPĐP": (("xã",), "nâng cao", "2018-2020"),
    "691/QĐ-TTg": (("xã",), "kiểu mẫu", "2018-2020"),
    "558/QĐ-TTg": (("huyện",), "NTM", "2016-2020"),
    "318/QĐ-TTg": (("xã",), None, "2021-2025"),
    "319/QĐ-TTg": (("xã",), "kiểu mẫu", "2021-2025"),
    "320/QĐ-TTg": (("huyện",), None, "2021-2025"),
}


def canonical_set(number: str) -> str | None:
    """The canonical spelling of a set a unit can be recognised under ('558/qd-ttg' → '558/QĐ-TTg')."""
    from corpus.registry import number_key

    return next((n for n in _NAMED if number_key(n) == number_key(number)), None)


_TIERS_OF = {"318/QĐ-TTg": ("NTM", "nâng cao"), "320/QĐ-TTg": ("NTM", "nâng cao")}


def _from_named_set(number: str, level, tier, period):
    """(level, tier, period, conflict): what a named set says about the unit, or why it cannot apply."""
    if number not in _NAMED:
        return level, tier, period, None
    levels, k_tier, k_period = _NAMED[number]
    if level is not None and level not in levels:
        return level, tier, period, f"{number} không phải bộ tiêu chí dành cho {level}"
    tiers = _TIERS_OF.get(number, (k_tier,))
    if tier is not None and tier not in tiers:
        return level, tier, period, f"{number} không phải bộ tiêu chí {_tier_words(tier)}"
    # Item 1 names 342 for communes only; item 4 names 491 alone for districts.
    default = levels[0] if len(levels) == 1 or number == "342/QĐ-TTg" else None
    new_level = level or default
    return new_level, tier or k_tier, period or k_period, None


_ASK = {
    "level": "Đơn vị của bạn là xã hay huyện?",
    "tier": (
        "Đơn vị đã đạt chuẩn nông thôn mới, nông thôn mới nâng cao hay nông thôn mới kiểu mẫu (hay chưa đạt chuẩn)?"
    ),
    "recognition": "Đơn vị được công nhận đạt chuẩn năm nào (hoặc theo bộ tiêu chí nào)?",
}


def _ask(level, tier, period, missing: list[str], as_of: dt.date) -> Resolution:
    """A fact is missing: ask for it, and lay the possible cases side by side."""
    levels = [level] if level in LEVELS else list(LEVELS)
    tiers = [tier] if tier in TIERS else list(TIERS)
    alternatives: list[Resolution] = []
    for lv in levels:
        for tr in tiers:
            periods = (
                [period]
                if period
                else (["2010-2015", "2016-2020", "2021-2025"] if tr == "NTM" else ["2018-2020", "2021-2025"])
            )
            if lv == "huyện" and tr == "nâng cao":
                periods = ["2021-2025"]
            for pr in periods:
                case = _dispatch_case(lv, tr, pr)
                if case is not None:
                    _time_notes(case, as_of)
                    alternatives.append(case)
    # When every possible case leads to the same set, name it, and still lay out the cases.
    targets = {a.applicable.catalogue_id for a in alternatives if a.applicable}
    if missing == ["recognition"] and len(targets) == 1 and all(a.applicable for a in alternatives):
        first = next((a for a in alternatives if a.case), alternatives[0])
        return Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=None,
            status=f"{level.capitalize()} đạt chuẩn {_tier_words(tier)} (chưa rõ năm công nhận)",
            # The set is known, the dispatch item is not: it depends on when the unit was recognised.
            case=None,
            in_dispatch=False,
            applicable=first.applicable,
            actions=first.actions,
            duties=first.duties,
            notes=first.notes,
            missing=missing,
            ask=_ASK["recognition"],
            alternatives=alternatives,
        )
    return Resolution(
        as_of=as_of,
        period="2021-2025",
        level=level if level in LEVELS else None,
        tier=tier if tier in TIERS else None,
        recognition=period,
        status="Chưa đủ thông tin để xác định",
        case=None,
        applicable=None,
        missing=missing,
        ask=" ".join(_ASK[m] for m in missing),
        alternatives=alternatives,
        in_dispatch=False,
    )
