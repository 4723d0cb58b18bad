"""The 2021-2025 cases of Công văn 14/BCĐCTMTQG (items 1-5) and the one-line time notes of the card:
which set a recognised unit is held to in that period, and what changed after it."""

from __future__ import annotations

import datetime as dt

from assistant.target_sets import (
    DISPATCH_DATE,
    DISTRICTS_END,
    MAINTAIN,
    NEW_SET_IN_FORCE,
    NEW_SET_ISSUED,
    PERIOD_END,
    PERIOD_START,
    REVIEW,
    SETS,
    Resolution,
    Step,
    duties,
    item,
    tier_words,
)


def dispatch_case(level: str, tier: str, recognition: str | None) -> Resolution | None:
    """Items 1-5 of the dispatch, and the 2021-2025 cases it leaves to the sets themselves."""
    r = None
    if level == "xã" and tier == "NTM" and recognition in ("2010-2015", "2016-2020"):
        basis = "491/QĐ-TTg và 342/QĐ-TTg" if recognition == "2010-2015" else "1980/QĐ-TTg"
        r = period_resolution(
            level,
            tier,
            recognition,
            f"Xã đã đạt chuẩn nông thôn mới giai đoạn {recognition} (theo {basis})",
            item(1),
            "318-xa-ntm",
        )
        r.actions = [
            Step(REVIEW.format(what="mức đạt chuẩn", target=r.applicable.title), [item(1), r.applicable.ref]),
            Step(MAINTAIN, [item(1)]),
            Step(
                "Phấn đấu xây dựng xã nông thôn mới nâng cao giai đoạn 2021-2025, theo "
                f"{SETS['318-xa-nang-cao'].title}.",
                [item(1), SETS["318-xa-nang-cao"].ref],
            ),
        ]
    elif level == "xã" and tier == "nâng cao" and recognition == "2018-2020":
        r = period_resolution(
            level,
            tier,
            recognition,
            "Xã đã đạt chuẩn nông thôn mới nâng cao giai đoạn 2018-2020 (theo Công văn 1345/BNN-VPĐP và quy định "
            "của UBND cấp tỉnh)",
            item(2),
            "318-xa-nang-cao",
        )
        r.actions = [
            Step(
                REVIEW.format(what="điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [item(2), r.applicable.ref],
            ),
            Step(MAINTAIN, [item(2)]),
            Step(
                "Phấn đấu xây dựng xã nông thôn mới kiểu mẫu, hoặc mô hình xã nông thôn mới thông minh ở nơi có "
                "điều kiện "
                "do UBND cấp tỉnh quy định.",
                [item(2), SETS["319-xa-kieu-mau"].ref],
            ),
        ]
    elif level == "xã" and tier == "kiểu mẫu" and recognition == "2018-2020":
        r = period_resolution(
            level,
            tier,
            recognition,
            "Xã đã đạt chuẩn nông thôn mới kiểu mẫu giai đoạn 2018-2020 (theo Quyết định 691/QĐ-TTg)",
            item(3),
            "319-xa-kieu-mau",
        )
        r.actions = [
            Step(
                REVIEW.format(what="các điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [item(3), r.applicable.ref],
            ),
            Step(
                "Sau khi đáp ứng đầy đủ, duy trì và nâng cao chất lượng tiêu chí kiểu mẫu về lĩnh vực nổi trội nhất.",
                [item(3)],
            ),
            Step(
                "Phấn đấu xây dựng mô hình xã nông thôn mới thông minh ở nơi có điều kiện do UBND cấp tỉnh quy định.",
                [item(3)],
            ),
        ]
    elif level == "huyện" and tier == "NTM" and recognition in ("2010-2015", "2016-2020"):
        basis = "491/QĐ-TTg" if recognition == "2010-2015" else "558/QĐ-TTg"
        r = period_resolution(
            level,
            tier,
            recognition,
            f"Huyện đã đạt chuẩn nông thôn mới giai đoạn {recognition} (theo {basis})",
            item(4),
            "320-huyen-ntm",
        )
        r.actions = [
            Step(
                REVIEW.format(what="các điều kiện và mức đạt chuẩn", target=r.applicable.title),
                [item(4), r.applicable.ref],
            ),
            Step(MAINTAIN, [item(4)]),
            Step(
                "Phấn đấu xây dựng huyện nông thôn mới nâng cao giai đoạn 2021-2025.",
                [item(4), SETS["320-huyen-nang-cao"].ref],
            ),
        ]
    elif level == "huyện" and tier == "nâng cao" and recognition == "2021-2025":
        r = period_resolution(
            level,
            tier,
            recognition,
            "Huyện đã đạt chuẩn nông thôn mới nâng cao giai đoạn 2021-2025",
            item(5),
            "320-huyen-nang-cao",
        )
        r.actions = [
            Step(
                "Duy trì và nâng cao chất lượng các tiêu chí bằng nội dung, giải pháp phù hợp với điều kiện thực tế.",
                [item(5)],
            ),
            Step(
                "Phấn đấu xây dựng huyện nông thôn mới kiểu mẫu ở nơi có điều kiện do UBND cấp tỉnh quy định.",
                [item(5)],
            ),
        ]
    elif recognition == "2021-2025" or (recognition is None and tier is None):
        r = current_period_case(level, tier)
    if r is not None:
        r.duties = duties()
    return r


def current_period_case(level: str, tier: str | None) -> Resolution | None:
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
    status = f"{level.capitalize()} đã đạt chuẩn {tier_words(tier or 'NTM')} theo bộ tiêu chí giai đoạn 2021-2025"
    if tier is None:
        status = f"{level.capitalize()} chưa đạt chuẩn nông thôn mới"
    r = period_resolution(level, tier, "2021-2025" if tier else None, status, None, current)
    r.in_dispatch = False
    r.actions = [
        Step(
            ("Phấn đấu đáp ứng đầy đủ " if tier is None else "Duy trì, đáp ứng đầy đủ và nâng cao chất lượng ")
            + r.applicable.title
            + ".",
            [r.applicable.ref],
        ),
        # The higher tier aimed at names its own set ("phấn đấu lên nâng cao thì phải đạt bộ tiêu chí nào").
        Step(
            next_text.rstrip(".") + f", theo {SETS[nxt].title}." if nxt else next_text,
            [SETS[nxt].ref] if nxt else [item(3)],
        ),
    ]
    return r


def period_resolution(level, tier, recognition, status, case, target_id) -> Resolution:
    return Resolution(
        as_of=PERIOD_START,
        period="2021-2025",
        level=level,
        tier=tier,
        recognition=recognition,
        status=status,
        case=case,
        applicable=SETS[target_id],
    )


def time_notes(r: Resolution, as_of: dt.date) -> None:
    """Say which period's rules apply, and what changed after it."""
    r.as_of = as_of
    new = SETS["51-2025"]
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
    elif as_of >= NEW_SET_ISSUED:
        # Issued, not yet in force (from 29/12/2025): the 2021-2025 rules still answer, and the new set's date is said.
        ended = "giai đoạn 2021-2025 đã kết thúc; " if as_of > PERIOD_END else ""
        r.notes.append(
            Step(
                f"Tính đến ngày {as_of:%d/%m/%Y}: {ended}{new.title} đã ban hành ngày "
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
    # A thị xã or a provincial city was a district-level unit too.
    if r.level in ("huyện", "thị xã", "thành phố") and as_of >= DISTRICTS_END:
        r.notes.append(districts_note(as_of))


def districts_note(as_of: dt.date) -> Step:
    """The end of the district level (01/7/2025), cited to the set in force once it exists."""
    return Step(
        "Từ ngày 01/7/2025, chính quyền địa phương tổ chức theo hai cấp (tỉnh và xã); cấp huyện không còn là một cấp "
        "chính quyền.",
        [SETS["51-2025"].ref] if as_of >= NEW_SET_ISSUED else [],
    )
