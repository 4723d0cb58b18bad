"""Years a question tells (a recognition, a merger, a figure's year, a standard asked about), who recognises a unit
asked without a period, a dispatch's cases asked for, and quotes that are the words sought (an annex's title, a
signer's name), never a compiler's mark or a drafter's reference."""

from __future__ import annotations

import pytest

from assistant.kinds import kinds_of
from assistant.quote import quotable
from assistant.service import Assistant
from assistant.uncovered import uncovered_topics
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


@pytest.mark.parametrize(
    ("question", "recognition", "asked"),
    [
        # The cue right after a year is that year's; the year after a comma is the time asked about.
        ("Xã em năm 2018 đạt chuẩn nông thôn mới, năm 2024 tự đánh giá lại thì căn cứ bộ nào?", 2018, 2024),
        # The cue just before a year, with a comma after the first year, is the later year's.
        ("Năm 2022, xã NTM nâng cao được công nhận năm 2020 phải đáp ứng bộ nào?", 2020, 2022),
        ("Năm 2024 một xã đã đạt chuẩn NTM từ năm 2013 phải đáp ứng bộ tiêu chí nào?", 2013, 2024),
        # Whether it meets the standard is asked, not told.
        ("Thu nhập của xã là 50 triệu đồng, năm 2023, có đạt chuẩn không?", None, 2023),
        # The year of a figure asked of any commune of a tier.
        ("Tỷ lệ nghèo đa chiều năm 2024 của xã đạt chuẩn nâng cao vùng Bắc Trung Bộ là bao nhiêu?", None, 2024),
        # A year told first of a merger is no time asked about.
        ("Xã tôi năm 2020 đạt chuẩn NTM, năm 2025 sáp nhập với hai xã khác thì còn giữ danh hiệu không?", 2020, None),
    ],
)
def test_each_year_told_is_read_as_what_it_dates(question: str, recognition: int | None, asked: int | None) -> None:
    q = understand(question, CATALOGUE)
    assert (q.recognition_year, q.ask_year) == (recognition, asked)


def test_who_recognises_told_to_be_checked_asks_a_duty() -> None:
    assert "duty" in kinds_of("UBND tỉnh công nhận huyện nông thôn mới phải không?")
    assert "duty" not in kinds_of("Xã được công nhận nông thôn mới năm nào?")


def test_a_merged_communes_title_asked_is_uncovered() -> None:
    said = "Xã em sáp nhập với xã chưa đạt chuẩn, vậy xã mới có còn là xã nông thôn mới không?"
    assert uncovered_topics(said) == ["danh hiệu nông thôn mới của đơn vị sau sắp xếp hành chính"]


def test_a_compilers_mark_or_a_drafters_reference_is_never_quoted() -> None:
    assert not quotable("[chưa xác minh]")
    assert not quotable('[chưa xác minh: phần sau cụm "triển khai thực hiện"]')
    assert not quotable("Nguyenvh, 12/05/2023, CV7")
    assert quotable("Hà Nội, ngày 08 tháng 3 năm 2022")


@pytest.mark.heavy
def test_who_recognises_without_a_period_is_the_latest_held_decisions_clause(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Có phải Chủ tịch UBND tỉnh công nhận xã đạt chuẩn nông thôn mới nâng cao không?")
    assert a.kind == "duties"
    assert "318/QĐ-TTg" in a.text and "xét công nhận" in a.text
    assert "gồm 19 tiêu chí" not in a.text


@pytest.mark.heavy
def test_a_dispatchs_cases_asked_are_listed(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Công văn 14/BCĐCTMTQG chia ra những trường hợp nào?")
    assert a.kind == "applicability"
    assert "Xã đã đạt chuẩn nông thôn mới giai đoạn 2016-2020" in a.text
    assert "Huyện đã đạt chuẩn nông thôn mới giai đoạn 2016-2020" in a.text
    # The province's dispatch forwards the central one: said first, before the cases it carries.
    b = full_assistant.ask("Công văn 5766 nêu bao nhiêu trường hợp?")
    assert b.kind == "applicability" and "không có nội dung về" not in b.text
    assert b.sentences[0].text.startswith("Công văn 5766/UBND-CNN&XD")


@pytest.mark.heavy
def test_a_criterion_named_by_its_set_gets_no_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chí giáo dục xã nông thôn mới theo bộ 2026-2030")
    assert a.kind == "criteria" and a.card is None


@pytest.mark.heavy
def test_a_merged_commune_told_with_years_is_the_uncovered_title(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Xã em năm 2020 đạt chuẩn NTM, năm 2025 sáp nhập với xã bên cạnh, vậy xã mới có còn là xã NTM không?"
    )
    assert a.scope == "not_in_corpus" and "sắp xếp hành chính" in a.text
    assert "sau ngày câu trả lời áp dụng" not in a.text


@pytest.mark.heavy
def test_an_annex_named_by_its_title_and_a_signer_are_quoted_as_written(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí xã NTM giai đoạn 2016-2020 gồm những tiêu chí nào?")
    annex = [c for c in a.citations if c.path == "1980/QĐ-TTg › Phụ lục"]
    assert annex and annex[0].quote == "BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2016 - 2020"
    b = full_assistant.ask("Ai ký Quyết định 1980/QĐ-TTg?")
    assert [c.quote for c in b.citations if c.path.endswith("Phần kết")] == ["Trịnh Đình Dũng"]


@pytest.mark.parametrize(
    ("question", "recognition", "asked"),
    [
        # A tier reached, told year first, is another recognition: the year after it is the time asked about.
        ("Xã em năm 2014 đạt chuẩn, năm 2019 đạt NTM nâng cao, năm 2022 thì rà soát theo bộ nào?", 2014, 2022),
        # The task done, told year first, is the town's recognition.
        ("Năm 2018 thị xã đã hoàn thành nhiệm vụ xây dựng nông thôn mới, bây giờ phải làm gì?", 2018, None),
    ],
)
def test_a_tier_reached_or_a_task_done_told_year_first(question: str, recognition: int, asked: int | None) -> None:
    q = understand(question, CATALOGUE)
    assert (q.recognition_year, q.ask_year) == (recognition, asked)


def test_whether_the_corpus_holds_a_document_asks_its_form() -> None:
    assert "fulltext" in kinds_of("Quyết định 691 có trong kho không?")


@pytest.mark.heavy
def test_who_recognises_a_tier_of_a_period_is_the_clause_led_by_an_authority(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã nông thôn mới kiểu mẫu giai đoạn 2021-2025 do cơ quan nào xét công nhận?")
    assert a.kind == "duties" and a.card is None
    assert a.sentences[0].text.startswith("Theo Khoản 2 Điều 2 Quyết định 319/QĐ-TTg")
