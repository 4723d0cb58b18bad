"""Where a named document says something: the section of the kind asked whose heading holds the question's words,
named only when it is clearly ahead of the others."""

import re

from assistant.kinds import kinds_of
from assistant.service import Assistant


def test_the_annex_that_holds_what_is_asked_is_named(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Quy định về thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng NTM nằm ở phụ lục nào của "
        "QĐ 320/QĐ-TTg?"
    )
    assert a.kind == "section"
    assert "nằm ở Phụ lục II Quyết định 320/QĐ-TTg" in a.text


def test_each_part_asking_where_gets_its_own_section(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Điều nào của QĐ 319 nêu các điều kiện của xã NTM kiểu mẫu?")
    assert "nằm ở Điều 1 Quyết định 319/QĐ-TTg" in a.text
    assert "Điều 4" not in a.text.split("\n")[0]


def test_no_section_is_named_when_none_is_clearly_ahead(full_assistant: Assistant) -> None:
    # "các huyện đã đạt NTM nâng cao" shares its words with several of the dispatch's items alike.
    a = full_assistant.ask("CV 14/BCĐCTMTQG mục nào nói về các huyện?")
    assert "Nội dung được hỏi nằm ở" not in a.text


def test_an_article_of_few_clauses_found_is_shown_with_its_clauses(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Thẩm quyền công nhận, công bố xã NTM kiểu mẫu quy định ở điều nào của QĐ 691?")
    assert "nằm ở Điều 3 Quyết định 691/QĐ-TTg" in a.text
    assert "Chủ tịch Ủy ban nhân dân tỉnh" in a.text  # the clause that says who


def test_a_list_of_parts_is_not_where_something_is() -> None:
    assert "where" not in kinds_of("Bộ tiêu chí 2026-2030 gồm những phần nào?")
    assert "where" in kinds_of("Phần quy định tỉnh hoàn thành nhiệm vụ ở phụ lục mấy?")


def test_a_point_of_a_clause_is_located_when_asked_by_its_letter(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Trong QĐ 320/QĐ-TTg, điểm nào giao UBND tỉnh quy định tiêu chí huyện nông thôn mới kiểu mẫu?"
    )
    assert a.kind == "section"
    assert "nằm ở Điểm c Khoản 3 Điều 2 Quyết định 320/QĐ-TTg" in a.text
    # "thời điểm nào", "địa điểm nào" ask no part of a document.
    assert "where" in kinds_of("điểm nào của quyết định quy định việc này")
    assert "where" not in kinds_of("đến thời điểm nào thì xã phải hoàn thành")
    assert "where" not in kinds_of("xây chợ ở địa điểm nào")


def test_two_parts_asking_where_are_told_apart_by_their_own_words(full_assistant: Assistant) -> None:
    """ "sửa", "tiêu chí" are said by both parts and by every amending clause: "thu nhập" and "bảo hiểm y tế" tell
    which clause each part asks about."""
    a = full_assistant.ask("QĐ 342 khoản nào sửa tiêu chí thu nhập, khoản nào sửa chỉ tiêu bảo hiểm y tế?")
    assert "nằm ở Khoản 2 Điều 1 Quyết định 342/QĐ-TTg" in a.text
    assert "nằm ở Khoản 5 Điều 1 Quyết định 342/QĐ-TTg" in a.text


def test_a_registry_entrys_part_located_is_never_quoted_as_the_decisions_words(full_assistant: Assistant) -> None:
    a = full_assistant.ask("QĐ 51/2025 quy định về xã NTM hiện đại ở phần nào, đã có tiêu chí cụ thể chưa?")
    assert "Phụ lục II" in a.text
    # 51/2025 is held as a registry entry: its lines are the registry's summary, not in «».
    quoted = re.findall(r"«(.+?)»", a.text, re.S)
    registry = [c.quote[:40] for c in a.citations if c.path.startswith("51/2025/QĐ-TTg") and c.quote]
    assert registry and not any(r in q for r in registry for q in quoted)
