"""A criterion asked of the tier a question names is read from that tier's set: while the set in force (51/2025) has
one set for every tier, the previous period's set of that tier answers ("xã kiểu mẫu … thu nhập" is 319's)."""

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


@pytest.mark.parametrize(
    "question",
    [
        "Xã nông thôn mới kiểu mẫu giai đoạn 2021-2025 phải đạt thu nhập bao nhiêu?",
        "Điều kiện về thu nhập đối với xã NTM kiểu mẫu giai đoạn 2021-2025 là mức nào?",
        "xa ntm kieu mau giai doan 2021-2025 can dat dieu kien gi ve thu nhap",
    ],
)
def test_income_of_a_model_commune_is_the_model_set_s(full_assistant: Assistant, question: str) -> None:
    a = full_assistant.ask(question)
    assert a.kind == "criteria"
    assert "10%" in a.text and "319/QĐ-TTg" in a.text
    # Not 318's criterion 10 of the basic set, nor the programme's target of 10% model communes.
    assert not any(c.path.startswith(("318/QĐ-TTg", "25/2021/QH15")) for c in a.citations)


def test_who_does_what_for_a_named_tier_is_not_that_tier_s_set(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Bộ Nông nghiệp và PTNT có trách nhiệm gì với việc xây dựng xã NTM kiểu mẫu giai đoạn 2021-2025?"
    )
    assert a.kind != "criteria"
    assert "đôn đốc" in a.text


@pytest.mark.parametrize(
    ("question", "tier"),
    [
        ("Giai đoạn 2026-2030 còn bộ tiêu chí quốc gia riêng cho xã NTM nâng cao không?", "nâng cao"),
        ("Bộ tiêu chí 2026-2030 có quy định riêng cho xã kiểu mẫu nữa không?", "kiểu mẫu"),
    ],
)
def test_whether_a_tier_still_has_a_set_is_told_first(full_assistant: Assistant, question: str, tier: str) -> None:
    a = full_assistant.ask(question)
    first = a.text.split("\n", 1)[0]
    # The first sentence answers: 51/2025 holds no set of that tier; the new set's overview follows.
    assert f"không có bộ tiêu chí xã nông thôn mới {tier} riêng" in first
    assert "51/2025/QĐ-TTg" in first and "10 tiêu chí" in a.text
    assert "Tính đến ngày" not in first  # not the applicability card's boilerplate


def test_a_commune_recognised_at_a_tier_asks_its_own_case(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Xã em đạt NTM kiểu mẫu năm 2024 theo QĐ 319. Sang giai đoạn 2026-2030 thì còn xét xã kiểu mẫu nữa không?"
    )
    assert a.kind == "applicability"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Bộ tiêu chí huyện NTM giai đoạn 2021-2025 (Phụ lục I QĐ 320) gồm bao nhiêu tiêu chí, kể tên từng tiêu chí.",
            "gồm 9 tiêu chí",
        ),
        ("Trong Phụ lục I QĐ 318/QĐ-TTg, nhóm IV Văn hóa - Xã hội - Môi trường gồm những tiêu chí nào?", "15. Y tế"),
    ],
)
def test_a_set_asked_by_the_annex_that_holds_it_is_the_catalogue_s(
    full_assistant: Assistant, question: str, said: str
) -> None:
    # The annex named is the set's own: its overview or groups answer, not the annex's raw text.
    a = full_assistant.ask(question)
    assert a.kind == "criteria" and said in a.text
