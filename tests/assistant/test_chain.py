"""Chains of reference: a part pointing back at a document means the one the answer so far names for the relation
the part before asked."""

from assistant.chain import describes, pointed_documents
from corpus.model import DocumentMeta

HELD = {
    "491/QĐ-TTg",
    "342/QĐ-TTg",
    "1980/QĐ-TTg",
    "558/QĐ-TTg",
    "320/QĐ-TTg",
    "2540/QĐ-TTg",
    "14/BCĐCTMTQG",
    "257/2025/QH15",
}


def known(typed: str) -> str | None:
    return typed if typed in HELD else None


def meta(number: str) -> DocumentMeta | None:
    if number not in HELD:
        return None
    kind = "Nghị quyết" if "QH" in number else "Công văn" if "BCĐ" in number else "Quyết định"
    return DocumentMeta(number=number, kind=kind, title="", issuer="Thủ tướng Chính phủ", issued=None)


SAID_491 = (
    "Quyết định 491/QĐ-TTg được sửa đổi, bổ sung bởi Quyết định 342/QĐ-TTg (ban hành 20/02/2013). "
    "Quyết định 491/QĐ-TTg được thay thế bởi Quyết định 1980/QĐ-TTg (ban hành 17/10/2016). "
    "Quyết định 491/QĐ-TTg ban hành ngày 16/04/2009."
)
SAID_558 = (
    "Quyết định 558/QĐ-TTg được triển khai thực hiện bởi Quyết định 2540/QĐ-TTg (ban hành 30/12/2016). "
    "Quyết định 558/QĐ-TTg được thay thế bởi Quyết định 320/QĐ-TTg (ban hành 08/03/2022)."
)


def test_the_document_pointed_at_is_the_one_stating_the_relation_asked_before() -> None:
    parts = ["bộ tiêu chí năm 2009 (qđ 491) bị văn bản nào thay", "văn bản đó có hiệu lực từ ngày nào và ai ký"]
    assert pointed_documents(parts, SAID_491, known, meta, {"491/QĐ-TTg"}) == (["1980/QĐ-TTg"], parts[1:])
    amended = ["qđ 491 được sửa đổi bởi văn bản nào", "văn bản đó ai ký"]
    assert pointed_documents(amended, SAID_491, known, meta, {"491/QĐ-TTg"})[0] == ["342/QĐ-TTg"]


def test_the_document_pointed_at_is_the_agent_of_the_relation_and_the_replacement_is_pointed_at_too() -> None:
    # The set named no document; "quyết định nào sửa …" is answered by the one after "bởi" (342), not 491.
    parts = ["năm 2013 có quyết định nào sửa bộ tiêu chí không", "quyết định đó sửa những gì"]
    assert pointed_documents(parts, SAID_491, known, meta, set()) == (["342/QĐ-TTg"], parts[1:])
    # "quyết định thay thế do ai ký": the replacing decision, though no word points back ("đó").
    replaced = ["QĐ 491 thôi áp dụng từ ngày nào", "quyết định thay thế do ai ký"]
    assert pointed_documents(replaced, SAID_491, known, meta, {"491/QĐ-TTg"}) == (["1980/QĐ-TTg"], replaced[1:])


def test_parts_after_a_document_described_by_its_relation_ask_of_that_document() -> None:
    parts = ["Quyết định thay thế QĐ 558/QĐ-TTg là quyết định nào", "do ai ký", "căn cứ nghị quyết nào của Quốc hội?"]
    assert pointed_documents(parts, SAID_558, known, meta, {"558/QĐ-TTg"}) == (["320/QĐ-TTg"], parts[1:])
    # The document itself named: its own facts are asked, nothing points elsewhere.
    own = ["Quyết định 558/QĐ-TTg là quyết định gì", "do ai ký"]
    assert pointed_documents(own, SAID_558, known, meta, {"558/QĐ-TTg"}) == ([], [])


def test_a_document_described_by_its_relation_is_recognised_with_a_number_or_a_pronoun() -> None:
    assert describes("Văn bản thay thế Quyết định 491 do ai ký?")
    assert describes("thế bộ tiêu chí thay cho nó ở giai đoạn sau thì ai ký")
    assert not describes("Quyết định 491 bị văn bản nào thay thế?")  # asks the relation of 491, describes nothing
    # The describing part itself asks of the described document when it asks a fact beyond which one it is.
    parts = ["Văn bản thay thế Quyết định 491 do ai ký?"]
    said = "Quyết định 491/QĐ-TTg được thay thế bởi Quyết định 1980/QĐ-TTg (ban hành 17/10/2016)."
    assert pointed_documents(parts, said, known, meta, {"491/QĐ-TTg"}) == (["1980/QĐ-TTg"], parts)


def test_in_a_follow_up_the_document_pointed_at_is_the_conversations() -> None:
    # After "Công văn 14 do ai ký?", "văn bản đó còn hiệu lực không" asks of dispatch 14, not of 51/2025 its answer
    # names; a document described by its relation is still the one described.
    said = "Công văn 14/BCĐCTMTQG thuộc giai đoạn 2021-2025 đã kết thúc. Giai đoạn 2026-2030 áp dụng Quyết định 320/QĐ-TTg."
    parts = ["văn bản đó giờ còn hiệu lực không", "hết từ khi nào?"]
    assert pointed_documents(parts, said, known, meta, {"14/BCĐCTMTQG"}, follow_up=True) == ([], [])
    assert pointed_documents(parts, said, known, meta, {"14/BCĐCTMTQG"})[0] == ["320/QĐ-TTg"]
    # A pointer of another kind than the conversation's document is one the answer named.
    nq = "Quyết định 320/QĐ-TTg được ban hành căn cứ: Nghị quyết 257/2025/QH15."
    found = pointed_documents(
        ["căn cứ nghị quyết nào", "nghị quyết ấy thông qua ngày nào?"], nq, known, meta, {"320/QĐ-TTg"}, True
    )
    assert found[0] == ["257/2025/QH15"]


def test_that_decision_after_a_fact_of_the_question_own_is_the_question_own() -> None:
    parts = ["Ai ký Quyết định 342/QĐ-TTg năm 2013 sửa đổi Bộ tiêu chí", "quyết định đó sửa những tiêu chí nào?"]
    said = "Kho văn bản chưa ghi nhận người ký của Quyết định 342/QĐ-TTg. Quyết định 342/QĐ-TTg sửa đổi 491/QĐ-TTg."
    assert pointed_documents(parts, said, known, meta, {"342/QĐ-TTg"}) == ([], [])
    # After a part that asks for another document, "văn bản đó" is the one the answer names.
    parts = ["Quyết định 491 bị văn bản nào thay", "văn bản đó có hiệu lực từ ngày nào?"]
    assert pointed_documents(parts, SAID_491, known, meta, {"491/QĐ-TTg"})[0] == ["1980/QĐ-TTg"]


def test_what_replaced_a_decision_asked_with_thay_alone_is_its_replacement(full_assistant) -> None:
    # "bị QĐ nào thay" (without "thế"), after what it amended: both relations, the replacement first.
    text = full_assistant.ask("qd 342 nam 2013 la sua doi cho qd nao, roi sau nay no bi qd nao thay").text
    assert "Quyết định 342/QĐ-TTg được thay thế bởi Quyết định 1980/QĐ-TTg" in text and "491/QĐ-TTg" in text
