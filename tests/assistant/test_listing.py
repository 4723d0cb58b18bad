"""Questions across the registry ("văn bản nào trong kho …"): each condition lists exactly the documents the
front-matter (or the citing text) shows, cited where it can be read."""

import re

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def _valid(a: Assistant, answer) -> None:
    assert answer.citations
    for c in answer.citations:
        section = a.section(c.path)
        assert section is not None, c.path
        assert c.quote and c.quote in section.full_text(), (c.path, c.quote)


@pytest.mark.parametrize(
    ("question", "listed", "not_listed"),
    [
        # a signer the registry records, named in full
        (
            "Phó Thủ tướng Phạm Bình Minh đã ký những quyết định nào trong số văn bản mà hệ thống đang lưu?",
            ["318/QĐ-TTg", "319/QĐ-TTg", "320/QĐ-TTg"],
            ["1980/QĐ-TTg", "51/2025/QĐ-TTg"],
        ),
        # a kind ("là công văn"), not every document
        (
            "Trong kho văn bản NTM, những văn bản nào là công văn chứ không phải quyết định hay nghị quyết?",
            ["1345/BNN-VPĐP", "14/BCĐCTMTQG", "5766/UBND-CNN&XD"],
            ["318/QĐ-TTg", "25/2021/QH15"],
        ),
        # replaced on a date, of one kind
        (
            "Những quyết định nào của Thủ tướng về nông thôn mới bị thay thế từ ngày 08/3/2022?",
            ["1980/QĐ-TTg", "558/QĐ-TTg", "691/QĐ-TTg"],
            ["491/QĐ-TTg", "342/QĐ-TTg", "318/QĐ-TTg"],
        ),
        # amending another document
        ("Trong kho có những quyết định nào là quyết định sửa đổi văn bản khác?", ["342/QĐ-TTg", "211/QĐ-TTg"], []),
        # issued in a month
        (
            "Trong tháng 12/2025 có những văn bản nào về chương trình NTM được ban hành?",
            ["257/2025/QH15", "51/2025/QĐ-TTg", "424/NQ-CP"],
            ["272/2025/NĐ-CP", "417/QĐ-BNNMT"],
        ),
        # in force from a date, asked without a word of the programme
        ("van ban nao co hieu luc tu 15/2/2026 vay", ["51/2025/QĐ-TTg"], ["318/QĐ-TTg", "417/QĐ-BNNMT"]),
        # in force from another day than the day signed, of the decisions issuing a set
        (
            "Trong các quyết định của Thủ tướng ban hành bộ tiêu chí NTM, quyết định nào không có hiệu lực ngay từ "
            "ngày ký mà có hiệu lực từ một ngày khác?",
            ["1980/QĐ-TTg", "51/2025/QĐ-TTg"],
            ["318/QĐ-TTg", "491/QĐ-TTg", "2540/QĐ-TTg"],
        ),
        # the oldest by the date issued
        ("Văn bản cũ nhất mà kho văn bản nông thôn mới đang lưu là văn bản nào?", ["491/QĐ-TTg", "16/04/2009"], []),
        # the relations pointing at a named document, of the kinds asked ("không tính văn bản thay thế")
        (
            "Những văn bản nào trong kho hướng dẫn, quy định thủ tục theo hoặc sửa đổi QĐ 318 (không tính văn bản "
            "thay thế nó)?",
            ["14/BCĐCTMTQG", "18/2022/QĐ-TTg", "211/QĐ-TTg"],
            ["51/2025/QĐ-TTg"],
        ),
    ],
)
def test_a_condition_on_the_registry_lists_exactly_the_documents_that_meet_it(
    full_assistant: Assistant, question: str, listed: list[str], not_listed: list[str]
) -> None:
    a = full_assistant.ask(question)
    assert a.scope == "answer" and a.kind == "documents", a.text
    head = a.text.split("\n")[0]
    assert head.startswith(("Các văn bản trong kho", "Văn bản cũ nhất")), head
    lines = [x for x in a.text.split("\n") if x.startswith("- ")]
    numbers = {
        m.group(1) for x in lines if (m := re.match(r"- (?:Quyết định|Nghị quyết|Nghị định|Công văn) (\S+?),", x))
    }
    assert all(n in a.text for n in listed), (listed, a.text)
    assert not numbers & set(not_listed), (not_listed, a.text)
    _valid(full_assistant, a)


def test_documents_citing_a_number_the_corpus_lacks_are_listed_after_saying_it_is_not_held(
    full_assistant: Assistant,
) -> None:
    a = full_assistant.ask("Những văn bản nào trong kho có phần căn cứ dẫn Nghị quyết 100/2015/QH13 của Quốc hội?")
    assert a.scope == "answer"
    assert a.text.startswith("Nghị quyết 100/2015/QH13 chưa có trong kho")
    assert all(n in a.text for n in ("1980/QĐ-TTg", "558/QĐ-TTg", "691/QĐ-TTg"))
    # each is cited at the line of its own text that names the number
    assert all("100/2015/QH13" in c.quote for c in a.citations)


def test_a_named_documents_own_bases_are_not_a_list_of_what_cites_it(full_assistant: Assistant) -> None:
    """ "342 được ban hành căn cứ quyết định nào" asks 342's bases, not which documents cite 342."""
    a = full_assistant.ask("Quyết định 342/QĐ-TTg năm 2013 được ban hành căn cứ quyết định nào?")
    assert "dẫn chiếu 342" not in a.text and "800/QĐ-TTg" in a.text


def test_a_registry_entrys_summary_of_bases_is_said_to_be_the_registrys(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Luật Tổ chức Chính phủ số 63/2025/QH15 được những văn bản nào trong kho dẫn làm căn cứ?")
    assert "51/2025/QĐ-TTg" in a.text and "theo tóm tắt căn cứ trong mục đăng ký của kho" in a.text


def test_an_office_asked_last_is_the_one_listed_and_unrecorded_dates_are_named(full_assistant: Assistant) -> None:
    own = full_assistant.ask(
        "Các quyết định về bộ tiêu chí NTM thường do Phó Thủ tướng ký thay Thủ tướng. Trong kho có quyết định nào do "
        "chính Thủ tướng ký không?"
    )
    assert "491/QĐ-TTg" in own.text and "Nguyễn Tấn Dũng" in own.text and "318/QĐ-TTg" not in own.text
    since = full_assistant.ask(
        "Trong các văn bản ban hành từ tháng 10/2025 trở đi mà kho đang lưu, văn bản nào kho ghi được tên người ký?"
    )
    assert "người ký Trần Hồng Hà" in since.text and "Kho chưa ghi nhận ngày ban hành của:" in since.text
    assert "351/2025/NĐ-CP" in since.text  # its date is not recorded: named, not silently left out


def test_a_person_who_signed_nothing_in_the_registry_gets_no_list(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ông Nguyễn Văn Bình ký những văn bản nào trong kho?")
    assert "Các văn bản trong kho do" not in a.text


def test_documents_issued_on_a_day_named(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ngày 05/4/2016 Thủ tướng ban hành những quyết định nào về nông thôn mới?")
    assert "558/QĐ-TTg" in a.text and "ban hành ngày 05/04/2016" in a.text
    assert "1980/QĐ-TTg" not in a.text and "318/QĐ-TTg" not in a.text


def test_the_whole_registry_is_listed_and_counted_with_what_is_held_only_as_an_entry(
    full_assistant: Assistant,
) -> None:
    a = full_assistant.ask("Kho văn bản hiện có bao nhiêu văn bản?")
    assert a.kind == "documents"
    held = full_assistant.metas()
    lines = a.text.split("\n")
    assert lines[0] == f"Các văn bản trong kho ({len(held)} văn bản):"
    assert len(lines) == len(held) + 1
    entries = [m for m in held if not m.full_text]
    assert entries and sum("(kho chỉ có mục đăng ký)" in x for x in lines) == len(entries)
    b = full_assistant.ask("Trong kho có bao nhiêu công văn?")
    assert b.text.startswith("Các văn bản trong kho là công văn (")
