"""How a named document is laid out (its articles, annexes, items), counted from its text in the corpus."""

from __future__ import annotations

from assistant.kinds import kinds_of
from assistant.service import Assistant


def test_the_articles_of_a_decision_are_counted(full_assistant: Assistant) -> None:
    answer = full_assistant.ask("QĐ 319 gồm mấy điều?")
    assert answer.kind == "documents"
    assert "4 điều" in answer.text and "Điều 4" in answer.text
    assert {c.path for c in answer.citations} >= {"319/QĐ-TTg › Điều 1", "319/QĐ-TTg › Điều 4"}


def test_annexes_are_named_and_a_decision_without_one_says_so(full_assistant: Assistant) -> None:
    assert "3 phụ lục" in full_assistant.ask("Quyết định 320 có bao nhiêu phụ lục?").text
    assert "không có phụ lục" in full_assistant.ask("QĐ 319 có phụ lục không?").text


def test_the_layout_and_the_signer_asked_together_are_both_answered(full_assistant: Assistant) -> None:
    text = full_assistant.ask("qđ 319 có kèm phụ luc ko, gồm mấy điều, ai ky vậy").text
    assert "không có phụ lục" in text and "4 điều" in text and "Phạm Bình Minh" in text


def test_a_registry_entry_counts_only_the_parts_it_records(full_assistant: Assistant) -> None:
    # The corpus holds no full text of 272/2025/NĐ-CP: the sections it lacks are not sections the decree lacks.
    assert "không có điều" not in full_assistant.ask("Nghị định 272/2025/NĐ-CP có mấy điều?").text
    # 51/2025/QĐ-TTg's entry records its three annexes, said as the entry's.
    assert (
        "Theo mục đăng ký của kho, Quyết định 51/2025/QĐ-TTg có 3 phụ lục"
        in full_assistant.ask("Quyết định 51/2025/QĐ-TTg có mấy phụ lục?").text
    )


def test_the_last_article_asked_after_the_count_is_the_documents_last(full_assistant: Assistant) -> None:
    text = full_assistant.ask(
        "Quyết định 1980/QĐ-TTg gồm tất cả mấy điều? Điều cuối cùng giao trách nhiệm thi hành cho những ai?"
    ).text
    assert "4 điều" in text and "Điều 4 Quyết định 1980/QĐ-TTg" in text and "Chủ tịch Ủy ban nhân dân" in text


def test_conditions_and_goals_are_not_parts_of_a_document() -> None:
    assert "layout" in kinds_of("QĐ 318 gồm mấy điều?")
    assert "layout" not in kinds_of("xã NTM theo QĐ 318 phải đáp ứng mấy điều kiện?")
    assert "layout" not in kinds_of("Chương trình có mấy mục tiêu?")


def test_an_annex_held_only_as_a_registry_entry_is_never_quoted_as_the_decision(full_assistant: Assistant) -> None:
    a = full_assistant.ask("PL I của QĐ 51/2025 quy định gì?")
    assert a.kind == "section" and "Gồm 10 tiêu chí, 47 chỉ tiêu" in a.text
    assert "«" not in a.text  # the registry's summary of the press, not the annex's words
    # An annex the corpus holds in full is quoted.
    assert "«" in full_assistant.ask("Phụ lục I Quyết định 318 quy định gì?").text


def test_an_article_that_is_one_sentence_is_said_once(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Nội dung Điều 3 của QĐ 318/QĐ-TTg là gì?")
    assert a.kind == "section"
    assert a.text.count("có hiệu lực thi hành kể từ ngày ký ban hành") == 1
