"""The applicability card of a question: which set a unit's status makes apply and what it must do (see
applicability.resolve), with the 2026-2030 step told from the official table once it is in the catalogue."""

from __future__ import annotations

import datetime as dt
import re

from assistant.applicability import goal_set, no_tier_step, resolve
from assistant.kinds import CASES_ASKED
from assistant.target_sets import DISPATCH, REGISTRY_2026_STEP, Resolution, tier_words
from assistant.topic import asking_clause
from assistant.understand import REGION_ASKED, Query, recognition_told
from assistant.unit import goal_tier
from assistant.years import ACTION, SET_CONTENT
from corpus.criteria import Catalogue
from corpus.normalize import fold

# An agency asked about ("ngoài việc chủ trì thì Sở còn phải làm gì đối với UBND tỉnh"): what a dispatch assigns it,
# not a recognised unit's card.
_AGENCY = re.compile(
    r"\b(so (?:nong nghiep|nn|tai chinh|ke hoach|xay dung|giao thong|y te|giao duc|van hoa|noi vu|tai nguyen)"
    r"|ubnd (?:cap )?tinh|chu tich ubnd|cac bo|bo nganh|van phong dieu phoi)\b[^.?!]{0,60}"
    r"\b(phai lam gi|lam gi|co trach nhiem|duoc giao|nhiem vu gi|chu tri)"
)
# The dispatches that say which set a recognised unit must meet: about units, not sets of their own.
_DISPATCHES = (DISPATCH, "5766/UBND-CNN&XD")


def card_for(query: Query, when: dt.date, catalogue: Catalogue) -> Resolution | None:
    """The applicability card, when the question is about a unit's status and what applies to it."""
    wants_rule = (query.level or query.tier or query.sets) and (
        query.action
        or query.recognition_year
        or query.recognition_period
        or query.not_recognised
        # "Công văn 14 hướng dẫn những trường hợp nào?": the dispatch's cases are the card's.
        or (any(d in query.sets for d in _DISPATCHES) and CASES_ASKED.search(query.folded))
    )
    # The card's rules (Công văn 14, the sets by recognition) are for communes and districts; a province
    # "hoàn thành nhiệm vụ" is answered from its own provisions, and asking it "xã hay huyện?" is wrong.
    if not wants_rule or query.level == "tỉnh":
        return None
    past_period = bool(query.period and query.period[-4:].isdigit() and int(query.period[-4:]) < when.year)
    if past_period and not recognition_told(query):
        # "Xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng những gì?" asked in 2026: what that period's set
        # requires, not which set a unit is held to today.
        return None
    if query.province and not recognition_told(query) and re.search(r"\b" + REGION_ASKED, query.folded):
        # "Xã thuộc tỉnh Bình Phước cũ áp dụng mức vùng nào?": the province's region, no unit's status.
        return None
    if (
        (query.criterion or query.criterion_name or query.indicator)
        and not recognition_told(query)
        and {m.group(0) for m in ACTION.finditer(query.folded)} == {"theo bo"}
    ):
        # "Tiêu chí văn hóa xã NTM theo bộ 2026-2030": "theo bộ" names the set whose criterion is asked; nothing is
        # to be done and no unit's status is told.
        return None
    status = query.recognition_year or query.recognition_period or query.not_recognised or query.tier
    if not status and _AGENCY.search(fold(query.text).lower().replace("uy ban nhan dan", "ubnd")):
        return None
    if query.sets and not any(catalogue.for_document(n) or n in _DISPATCHES for n in query.sets):
        return None  # "Theo Quyết định 417 … cả nước phấn đấu …": the named plan answers, not a unit's card
    named = next((s for s in query.sets if s not in (*_DISPATCHES, "51/2025/QĐ-TTg")), None)
    if named and catalogue.for_document(named) and SET_CONTENT.search(query.folded) and not recognition_told(query):
        # "Quyết định 691 quy định xã NTM kiểu mẫu phải đáp ứng mấy điều kiện?": what the named set holds, not which
        # set a unit is held to.
        return None
    card = resolve(
        query.level,
        query.tier,
        recognition_year=query.recognition_year,
        recognition_period=query.recognition_period,
        named_set=named,
        as_of=when,
        not_recognised=query.not_recognised,
        recognised_on=query.recognition_date,
    )
    goal = goal_tier(query.folded)
    if card is not None and goal and goal != card.tier and card.applicable is not None and card.previous is None:
        _aim_at(card, goal, fold(_asking(query.text)).lower())
    if card is not None and card.period == "2026-2030" and card.level == "xã" and goal and goal != card.tier:
        # "Xã … muốn phấn đấu lên xã NTM nâng cao": the tier aimed at has no set of its own from 2026; said once,
        # beside the commune's own higher tier when the card already says that one has none.
        own = no_tier_step(card.tier).text if card.tier in ("nâng cao", "kiểu mẫu") else None
        card.actions = [a for a in card.actions if a.text != own]
        card.actions.append(no_tier_step(*([card.tier] if own else []), goal))
    imported = next((c for c in catalogue.for_document("51/2025/QĐ-TTg") if c.imported_from), None)
    if card is not None and imported is not None:
        for step in card.actions:
            if step.text == REGISTRY_2026_STEP:
                # The official table is in the catalogue now: say what it holds, not what was missing.
                step.text = (
                    f"Phụ lục I của Quyết định 51/2025/QĐ-TTg quy định {len(imported.criteria)} tiêu chí, "
                    f"{len(imported.indicators())} chỉ tiêu xã theo nhóm xã (nhóm 1, 2, 3); mức đạt chuẩn của "
                    f"từng chỉ tiêu theo nhóm xã lấy từ bản chính thức đã nạp ({imported.imported_from})."
                )
    return card


def _asking(text: str) -> str:
    """The sentences that ask: "… muốn đề nghị công nhận xã NTM kiểu mẫu thì theo quyết định nào? Riêng thu nhập thì
    yêu cầu thế nào?" asks of the tier aimed at in both, though the last names no tier."""
    asked = re.findall(r"[^.?!]*\?", text)
    return " ".join(asked) if len(asked) > 1 else asking_clause(text)


# "muốn lên xã kiểu mẫu thì trước hết phải đáp ứng bộ nào": what comes before the aim is the unit's own set.
_FIRST = re.compile(r"\b(truoc het|truoc tien|dau tien)\b")


def _aim_at(card: Resolution, goal: str, clause: str) -> None:
    """ "Xã đạt chuẩn NTM năm 2024 …, năm 2025 phấn đấu lên xã NTM nâng cao thì phải đạt bộ tiêu chí nào?": the set
    asked for is the one of the tier aimed at, when the part that asks names that tier; the unit's own steps stay."""
    if not re.search(rf"\b{fold(goal)}\b(?! chat luong)", clause) or _FIRST.search(clause):
        return
    target = goal_set(card.level, goal, card.as_of)
    if target is None or target.catalogue_id == card.applicable.catalogue_id:
        return
    card.status = f"{card.status}; để phấn đấu lên {card.level} {tier_words(goal)}"
    card.applicable = target
