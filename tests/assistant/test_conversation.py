"""Follow-ups: what the earlier question said carries over unless the new one says otherwise."""

from __future__ import annotations

import pytest

from assistant.conversation import merge
from assistant.understand import understand
from corpus.criteria import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue()


def follow(catalogue: Catalogue, earlier: str, now: str):
    # Every follow-up here speaks of the programme (the service asks the corpus's words).
    return merge(understand(now, catalogue), [understand(earlier, catalogue)], lambda _: True)


def test_a_statement_of_the_tier_completes_the_same_unit(catalogue: Catalogue) -> None:
    q = follow(
        catalogue,
        "Xã tôi có quyết định công nhận đạt chuẩn ký năm 2019, năm 2024 phải rà soát theo bộ nào?",
        "Dạ, quyết định đó công nhận xã đạt chuẩn NTM kiểu mẫu ạ.",
    )
    assert (q.level, q.tier, q.recognition_year, q.ask_year) == ("xã", "kiểu mẫu", 2019, 2024)


def test_a_question_about_another_tier_is_another_unit(catalogue: Catalogue) -> None:
    q = follow(catalogue, "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?", "Còn xã NTM kiểu mẫu thì sao?")
    assert q.tier == "kiểu mẫu" and q.recognition_year is None


@pytest.mark.parametrize("now", ["ok, còn năm nay thì xã giữ chuẩn theo cái gì?", "vậy bây giờ thì theo bộ nào?"])
def test_this_year_is_not_the_year_the_earlier_question_asked_about(catalogue: Catalogue, now: str) -> None:
    q = follow(
        catalogue, "Xã tôi được công nhận đạt chuẩn NTM năm 2016. Hồi năm 2024 xã phải rà soát theo bộ nào?", now
    )
    assert q.recognition_year == 2016 and q.ask_year is None


def test_a_follow_up_without_a_time_keeps_the_year_asked(catalogue: Catalogue) -> None:
    q = follow(
        catalogue, "Xã đạt chuẩn NTM năm 2016, năm 2024 phải rà soát theo bộ nào?", "Còn xã nâng cao cùng năm đó?"
    )
    assert q.ask_year == 2024


def test_the_earlier_questions_time_or_figure_pointed_at_carries_its_document(catalogue: Catalogue) -> None:
    q = merge(
        understand("thế mức chung cả nước cùng mốc đó là bao nhiêu?", catalogue),
        [
            understand(
                "Theo QĐ 342/QĐ-TTg, thu nhập bình quân đầu người xã vùng Tây Nguyên đến năm 2015 là bao nhiêu?",
                catalogue,
            )
        ],
    )
    assert q.sets == ["342/QĐ-TTg"] and q.context


@pytest.mark.parametrize("now", ["thế tiêu chí cuối cùng trong bộ đó tên là gì?", "danh sách đó có mấy xã?"])
def test_a_set_or_list_pointed_back_at_continues_the_conversation(catalogue: Catalogue, now: str) -> None:
    """ "trong bộ đó", "danh sách đó" point at what the earlier question named, even without a word of the programme."""
    earlier = "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026-2030 do văn bản nào ban hành?"
    q = merge(understand(now, catalogue), [understand(earlier, catalogue)])
    assert q.domain and q.context == earlier


@pytest.mark.parametrize("now", ["nó có hiệu lực từ ngày nào?", "no co hieu luc tu ngay nao?"])
def test_it_points_back_at_the_document_the_conversation_is_about(catalogue: Catalogue, now: str) -> None:
    q = follow(catalogue, "Quyết định 51/2025/QĐ-TTg do ai ký?", now)
    assert q.sets == ["51/2025/QĐ-TTg"] or "51/2025" in (q.context or "")


def test_accent_free_no_that_is_not_a_subject_does_not_point_back(catalogue: Catalogue) -> None:
    q = merge(
        understand("gia xang hom nay bao nhieu, tien no the nao?", catalogue), [understand("QĐ 318 ai ký?", catalogue)]
    )
    assert not q.sets and not q.context


def test_a_follow_up_keeps_the_period_of_the_set_asked_unless_it_names_another_time(catalogue: Catalogue) -> None:
    earlier = "Chỉ tiêu 15.4 trong bộ tiêu chí xã NTM giai đoạn 2021-2025 là chỉ tiêu gì?"
    assert follow(catalogue, earlier, "mức của nó ở vùng Đồng bằng sông Hồng là bao nhiêu %?").period == "2021-2025"
    assert follow(catalogue, earlier, "còn bộ mới thì chỉ tiêu đó thế nào?").period is None
    assert follow(catalogue, earlier, "vậy hiện nay thì sao?").period is None
    assert follow(catalogue, earlier, "Sang bộ 2026-2030 thì nội dung đó nằm ở tiêu chí nào?").period is None


def test_a_region_named_in_the_follow_up_replaces_the_earlier_province(catalogue: Catalogue) -> None:
    q = follow(
        catalogue,
        "Xã ở Bình Dương cũ thì chỉ tiêu 15.3 của bộ tiêu chí xã NTM 2021-2025 là bao nhiêu?",
        "Còn vùng Bắc Trung Bộ thì chỉ tiêu đó mức bao nhiêu?",
    )
    assert q.region == "BTB" and q.province is None
    assert q.indicator == "15.3"  # the topic still carries over


def test_the_pronoun_typed_without_marks_as_an_object_points_back(catalogue: Catalogue) -> None:
    now = "vay cai quyet dinh thay no gio con hieu luc khong"
    q = merge(understand(now, catalogue), [understand("QĐ 1980 bây giờ còn hiệu lực không?", catalogue)], None)
    assert q.sets == ["1980/QĐ-TTg"]
    # "nợ đọng" is a debt, not the pronoun.
    debt = merge(understand("toi con no dong tien dien", catalogue), [understand("QĐ 1980?", catalogue)], None)
    assert debt.sets == []


@pytest.mark.parametrize(
    ("earlier", "now", "carried"),
    [
        ("Quyết định 320 do ai ký?", "Ban hành ngày nào?", True),
        ("Công văn 14/BCĐCTMTQG gửi những ai?", "Yêu cầu báo cáo định kỳ thế nào?", True),
        ("Xã tôi đạt chuẩn NTM năm 2018.", "Vậy phải làm gì?", True),
        # Words of its own the corpus never uses: not the conversation's.
        ("Quyết định 320 do ai ký?", "Thời tiết ngày mai thế nào?", False),
    ],
)
def test_a_short_follow_up_that_names_nothing_of_its_own_asks_of_the_conversation(
    catalogue: Catalogue, earlier: str, now: str, carried: bool
) -> None:
    # The service's test: one content word the corpus uses and none it never does.
    def follows_on(text: str) -> bool:
        return "thời tiết" not in text.lower()

    q = merge(understand(now, catalogue), [understand(earlier, catalogue)], lambda _: False, follows_on)
    assert bool(q.context) is carried and q.domain is carried


def test_a_follow_up_that_names_only_a_period_continues_the_conversation(catalogue: Catalogue) -> None:
    q = merge(
        understand("Còn giai đoạn 2026-2030?", catalogue),
        [understand("Tiêu chí thu nhập của bộ xã 2021-2025 gồm những chỉ tiêu nào?", catalogue)],
        lambda _: False,
    )
    assert q.period == "2026-2030" and q.context and q.domain


def test_a_follow_up_naming_its_own_document_by_number_does_not_take_the_earlier_set(catalogue: Catalogue) -> None:
    q = merge(
        understand("Thế Quyết định 2540/QĐ-TTg ban hành ngày nào?", catalogue),
        [understand("Điều 3 Quyết định 691 dẫn chiếu văn bản nào?", catalogue)],
        lambda _: True,
    )
    assert "691/QĐ-TTg" not in q.sets


@pytest.mark.parametrize("now", ["Ai ký vậy?", "Ký ngày nào?", "Còn hiệu lực không?"])
def test_a_documents_fact_asked_in_two_or_three_words_follows_on(catalogue: Catalogue, now: str) -> None:
    # No content word of its own for `follows_on` to find: the fact asked is the sign.
    q = merge(understand(now, catalogue), [understand("Công văn 1345 hướng dẫn gì?", catalogue)], None, None)
    assert q.context and q.domain and "1345/BNN-VPĐP" in q.sets


def test_the_set_named_by_its_period_in_a_follow_up_is_the_set_asked_of(catalogue: Catalogue) -> None:
    q = merge(
        understand("Thế còn bộ 2016-2020?", catalogue),
        [understand("Bộ tiêu chí xã 2021-2025 có bao nhiêu chỉ tiêu?", catalogue)],
        lambda _: True,
    )
    assert q.period == "2016-2020" and q.recognition_period is None


def test_whom_it_is_sent_to_asked_in_two_words_is_asked_of_the_earlier_document(catalogue: Catalogue) -> None:
    q = follow(catalogue, "CV 14 do ai ký?", "Gửi cho ai?")
    assert q.sets == ["14/BCĐCTMTQG"]


def test_a_question_of_the_map_now_gives_context_to_the_next_province(catalogue: Catalogue) -> None:
    # "bây giờ thuộc tỉnh nào" asks the 2025 map: the next "Còn …?" is asked of it (it was answered "not in corpus").
    earlier = understand("Tỉnh Hà Giang bây giờ thuộc tỉnh nào?", catalogue)
    assert earlier.domain
    q = merge(understand("Còn Yên Bái?", catalogue), [earlier], None)
    assert q.context and q.province == "Yên Bái"


def test_a_part_named_without_its_document_is_the_earlier_documents(catalogue: Catalogue) -> None:
    # "Điều 3 nói gì?" after a question about 320 was refused as off the programme.
    got = merge(understand("Điều 3 quy định gì?", catalogue), [understand("QĐ 320 có mấy điều?", catalogue)])
    assert got.sets == ["320/QĐ-TTg"] and got.context
    got = merge(understand("Thế còn phụ lục II?", catalogue), [understand("Phụ lục I QĐ 318 là gì?", catalogue)])
    assert got.sets == ["318/QĐ-TTg"]
    # A share ("mục 90%") is no part.
    alone = merge(understand("Mức 90% là gì?", catalogue), [understand("QĐ 320 có mấy điều?", catalogue)])
    assert alone.sets == []
