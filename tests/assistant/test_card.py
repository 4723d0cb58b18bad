"""When a question gets the applicability card: a unit's status and what it must do, not an agency's task."""

import datetime as dt

from assistant.card import card_for
from assistant.target_sets import Resolution
from assistant.understand import understand
from assistant.unit import goal_tier
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()
TODAY = dt.date(2024, 6, 1)


def _card(question: str, on: dt.date) -> Resolution | None:
    """The card a question gets on a date."""
    return card_for(understand(question), on, CATALOGUE)


def test_an_agency_asked_about_gets_no_card() -> None:
    q = understand(
        "Công văn 5766/UBND-CNN&XD giao Sở NN&PTNT chủ trì, phối hợp với các huyện. Vậy ngoài việc chủ trì thì Sở "
        "còn phải làm gì đối với UBND tỉnh?"
    )
    assert card_for(q, TODAY, CATALOGUE) is None


def test_a_unit_with_a_status_gets_its_card_whoever_else_is_named() -> None:
    q = understand("Xã đạt chuẩn NTM năm 2017, theo Công văn 5766 thì xã phải làm gì?")
    card = card_for(q, TODAY, CATALOGUE)
    assert card is not None and card.applicable is not None and card.applicable.doc == "318/QĐ-TTg"


def test_from_2026_a_commune_aiming_at_a_higher_tier_is_told_the_new_set_has_none() -> None:
    q = understand(
        "Xã tôi đạt chuẩn NTM tháng 9/2026 theo bộ mới. Giờ xã muốn phấn đấu lên xã NTM nâng cao thì theo bộ nào?"
    )
    card = card_for(q, dt.date(2026, 11, 24), CATALOGUE)
    assert card is not None and card.applicable is not None and card.applicable.doc == "51/2025/QĐ-TTg"
    assert any("không có bộ tiêu chí xã nông thôn mới nâng cao riêng" in a.text for a in card.actions)
    # Its own tier is no aim; before 2026 the advanced set of 2021-2025 is the step (no such note).
    assert goal_tier("xa dat chuan nong thon moi nang cao nam 2023") is None
    before = card_for(
        understand("Xã đạt chuẩn NTM năm 2022, muốn phấn đấu lên NTM nâng cao thì làm gì?"), TODAY, CATALOGUE
    )
    assert before is not None and not any("hiện đại" in a.text for a in before.actions)


def test_an_advanced_commune_aiming_at_model_is_told_once_of_both_tiers() -> None:
    q = understand("Xã tôi đạt NTM nâng cao năm 2023, nay muốn phấn đấu lên xã NTM kiểu mẫu thì theo bộ nào?")
    card = card_for(q, dt.date(2026, 11, 24), CATALOGUE)
    assert card is not None
    notes = [a.text for a in card.actions if "không có bộ tiêu chí xã nông thôn mới" in a.text]
    assert len(notes) == 1 and "nâng cao hay kiểu mẫu riêng" in notes[0]


def test_a_set_asked_for_a_tier_aimed_at_is_that_tiers_set_unless_the_first_step_is_asked() -> None:
    aim = understand(
        "Xã em đạt chuẩn NTM tháng 11/2024 theo QĐ 318. Năm 2025 xã phấn đấu lên xã NTM nâng cao thì phải đạt bộ tiêu "
        "chí nào?"
    )
    card = card_for(aim, dt.date(2025, 1, 22), CATALOGUE)
    assert card is not None and card.applicable is not None
    assert card.applicable.ref.path == "318/QĐ-TTg › Phụ lục II"
    assert "phấn đấu lên xã nông thôn mới nâng cao" in card.status
    # Before 2021-2025: the model-commune set of the time (691), the unit's own set named with its tier.
    early = _card(
        "Xã đạt NTM nâng cao đầu năm 2018, nay muốn đăng ký xây dựng xã kiểu mẫu. Tiêu chí xã kiểu mẫu theo "
        "quyết định nào?",
        dt.date(2018, 11, 20),
    )
    assert early is not None and early.applicable is not None and early.applicable.doc == "691/QĐ-TTg"
    assert early.actions and "nâng cao áp dụng tại thời điểm đó" in early.actions[0].text
    # "thì trước hết phải đáp ứng bộ nào": the unit's own set comes first.
    first = _card(
        "Xã đạt NTM nâng cao năm 2019 theo hướng dẫn 1345, nay muốn phấn đấu lên xã kiểu mẫu thì trước hết "
        "phải đáp ứng bộ tiêu chí nào?",
        dt.date(2024, 6, 1),
    )
    assert first is not None and first.applicable is not None and first.applicable.ref.path == "318/QĐ-TTg › Phụ lục II"
    # The aim only in a preamble, the part that asks about the unit's own tier: the card is the unit's.
    own = _card(
        "Xã đạt chuẩn NTM năm 2023 và đang phấn đấu lên nâng cao. Hỏi: xã đạt chuẩn NTM phải giữ chuẩn theo bộ nào?",
        dt.date(2024, 6, 1),
    )
    assert own is not None and own.applicable is not None and own.applicable.ref.path == "318/QĐ-TTg › Phụ lục I"


def test_keeping_a_title_is_what_a_unit_must_do() -> None:
    # "rà soát duy trì danh hiệu thì căn cứ quy định nào": the model commune's card, with its year to be asked.
    q = understand("Xã tôi là xã nông thôn mới kiểu mẫu, năm 2024 rà soát duy trì danh hiệu thì căn cứ quy định nào?")
    card = card_for(q, dt.date(2024, 5, 5), CATALOGUE)
    assert card is not None and card.applicable is not None and card.applicable.doc == "319/QĐ-TTg"


def test_a_recognition_asked_for_is_the_tier_aimed_at_not_the_units_own() -> None:
    q = understand(
        "Xã em đạt chuẩn NTM nâng cao tháng 6/2023 theo Phụ lục II QĐ 318. Năm 2025 xã muốn đề nghị công nhận xã NTM "
        "kiểu mẫu thì theo quy định nào, điều kiện về thu nhập bình quân đầu người là gì?"
    )
    assert q.tier == "nâng cao" and goal_tier(q.folded) == "kiểu mẫu"
    card = card_for(q, dt.date(2025, 1, 22), CATALOGUE)
    assert card is not None and card.applicable is not None and card.applicable.doc == "319/QĐ-TTg"
    assert card.status.startswith("Xã đã đạt chuẩn nông thôn mới nâng cao")
    # A second sentence that asks (of the figure) names no tier: the aim is still the set asked about.
    later = _card(
        "Xã được công nhận xã NTM nâng cao hồi tháng 8/2018. Năm 2020 xã muốn đề nghị công nhận xã NTM kiểu mẫu thì "
        "phải đáp ứng tiêu chí của quyết định nào? Riêng thu nhập bình quân đầu người thì yêu cầu thế nào?",
        dt.date(2019, 11, 20),
    )
    assert later is not None and later.applicable is not None and later.applicable.doc == "691/QĐ-TTg"


def test_a_past_periods_set_named_without_a_status_gets_no_card() -> None:
    # Asked in 2026, "xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng …" asks that set's content, not today's set.
    assert _card("Xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng những gì?", dt.date(2026, 5, 1)) is None
    # Asked within the period, or with the unit's recognition told, the card answers.
    assert _card("Xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng những gì?", TODAY) is not None
    assert _card("Xã tôi đạt chuẩn năm 2019, giai đoạn 2021-2025 phải đáp ứng bộ nào?", dt.date(2026, 5, 1)) is not None
