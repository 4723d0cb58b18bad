"""Documents a question names by number: which the corpus holds, which it lacks, and whether those lacking are
what is asked or an aside (`assistant.doc_refs`, read on its own, without the rest of `read_need`)."""

from assistant.doc_refs import missing_asides, named_documents
from assistant.understand import understand

HELD = {"318/qd-ttg": "318/QĐ-TTg", "60/qd-bdttg": "60/QĐ-BDTTG", "272/2025/nd-cp": "272/2025/NĐ-CP"}


def known(typed: str) -> str | None:
    return next((v for k, v in HELD.items() if k == typed or k.startswith(typed + "/")), None)


def test_a_number_the_corpus_lacks_is_missing_and_a_held_one_joins_the_query_sets() -> None:
    query = understand("Thông tư 41/2013/TT-BNNPTNT và Nghị định 272/2025/NĐ-CP quy định gì?")
    refs, missing = named_documents(query, known)
    assert [r.display for r in refs] == ["Thông tư 41/2013/TT-BNNPTNT", "Nghị định 272/2025/NĐ-CP"]
    assert [r.display for r in missing] == ["Thông tư 41/2013/TT-BNNPTNT"]
    assert "272/2025/NĐ-CP" in query.sets


def test_two_digits_name_a_held_document_only_after_its_own_kind() -> None:
    decision = understand("Quyết định 60 quy định gì?")
    named_documents(decision, known)
    assert "60/QĐ-BDTTG" in decision.sets
    dispatch = understand("Công văn 60 quy định gì?")
    _, missing = named_documents(dispatch, known)
    assert "60/QĐ-BDTTG" not in dispatch.sets and missing == []


def test_one_document_named_bare_then_in_full_is_one_reference() -> None:
    refs, missing = named_documents(understand("Thông tư 41 và Thông tư 41/2013/TT-BNNPTNT hướng dẫn gì?"), known)
    assert [r.display for r in refs] == ["Thông tư 41/2013/TT-BNNPTNT"]
    assert len(missing) == 1


def test_a_lacking_document_named_only_in_the_preamble_is_an_aside() -> None:
    aside = understand("Trước đây xã tôi làm theo Quyết định 33/2020/QĐ-TTg. Quyết định 318 có bao nhiêu tiêu chí?")
    _, missing = named_documents(aside, known)
    assert missing_asides(aside, missing)[0] is True
    asked = understand("Quyết định 33/2020/QĐ-TTg có bao nhiêu tiêu chí?")
    _, missing = named_documents(asked, known)
    assert missing_asides(asked, missing) == (False, False)


def test_a_number_with_its_issuers_code_names_a_document_without_its_kind_word() -> None:
    held = understand("60/QĐ-BDTTG phê duyệt những gì?")
    named_documents(held, known)
    assert "60/QĐ-BDTTG" in held.sets
    lacking = understand("1028/BNN-VPĐP hướng dẫn những gì?")
    _, missing = named_documents(lacking, known)
    assert [r.number for r in missing] == ["1028/bnn-vpdp"]
    # Named with its kind, it is one document, not two.
    refs, _ = named_documents(understand("Quyết định 318/QĐ-TTg giao gì?"), known)
    assert len(refs) == 1


def test_a_proposals_number_is_no_document_asked() -> None:
    query = understand("Nghị quyết 424/NQ-CP ban hành theo Tờ trình 263/TTr-BNNMT của Bộ nào?")
    _, missing = named_documents(query, known)
    assert [r.number for r in missing] == ["424/nq-cp"]


def test_a_party_conclusion_named_by_its_number_is_a_document() -> None:
    query = understand("Kết luận số 97-KL/TW của Bộ Chính trị nói gì về nông thôn?")
    _, missing = named_documents(query, known)
    assert [r.display for r in missing] == ["Kết luận 97-KL/TW"]


def test_two_digits_after_a_resolutions_or_directives_kind_name_a_document() -> None:
    _, missing = named_documents(understand("Theo Chỉ thị 15 của Thủ tướng thì tỉnh phải làm gì?"), known)
    assert [r.display for r in missing] == ["Chỉ thị 15"]
    _, missing = named_documents(understand("Nghị quyết 19 về nông nghiệp nói gì?"), known)
    assert [r.display for r in missing] == ["Nghị quyết 19"]
    # "kế hoạch 5 năm" is no document.
    assert named_documents(understand("Kế hoạch 5 năm của xã cần có gì?"), known) == ([], [])
