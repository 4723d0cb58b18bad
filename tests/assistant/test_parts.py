"""Two-part questions: the parts a question asks, and the passage added for a part the answer leaves open."""

from dataclasses import replace

from assistant.answerers.base import Candidate, Draft, Source, lexical_cover
from assistant.kinds import kinds_of, question_parts
from assistant.parts import answered_text, complete, facts_for, needs_fact, needs_figure, open_parts


def test_parts_are_split_where_each_asks_its_own_thing() -> None:
    q = (
        "Nghị quyết 25/2021/QH15 đặt mục tiêu cả nước có ít nhất bao nhiêu phần trăm số xã đạt chuẩn "
        "và ít nhất bao nhiêu tỉnh được công nhận hoàn thành nhiệm vụ?"
    )
    assert question_parts(q) == [
        "Nghị quyết 25/2021/QH15 đặt mục tiêu cả nước có ít nhất bao nhiêu phần trăm số xã đạt chuẩn",
        "ít nhất bao nhiêu tỉnh được công nhận hoàn thành nhiệm vụ?",
    ]
    # A comma alone splits too; a list ("xã A, B") and a preamble do not.
    assert len(question_parts("cả nước còn bao nhiêu tỉnh, nghị quyết có hiệu lực từ ngày nào")) == 2
    one = "Tôi là cán bộ xã A, huyện B, tỉnh C (xã không thuộc diện khó khăn). Xin hỏi tiêu chí 10 là gì?"
    assert question_parts(one) == [one]
    assert question_parts("Tiêu chí số 14 và số 16 là gì?") == ["Tiêu chí số 14 và số 16 là gì?"]
    # "trong bao lâu" asks its own thing.
    two = "Cơ quan nào tiếp nhận hồ sơ, và báo cáo phải đăng trên trang thông tin điện tử trong bao lâu?"
    assert len(question_parts(two)) == 2


def _passage(label: str, doc: str) -> Candidate:
    return Candidate(
        "passages",
        [Draft("Theo …: «{quote}»", [Source(doc, f"{doc} › Phần mở đầu", "")])],
        evidence=["#" + label],
        label=label,
        docs={doc},
    )


def test_a_part_left_open_gets_the_passage_holding_its_words() -> None:
    chosen = [Candidate("applicability", [Draft("Xã áp dụng Bộ tiêu chí xã nông thôn mới nâng cao 2021-2025.")])]
    texts = {
        "#a": "Ở tỉnh, giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các huyện thực hiện",
        "#b": "Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025",
    }
    passages = [_passage("b", "318/QĐ-TTg"), _passage("a", "5766/UBND-CNN&XD")]
    parts = ["xã phải đáp ứng bộ tiêu chí nào", "ở tỉnh thì cơ quan nào được giao chủ trì thực hiện việc này"]
    said = answered_text(chosen, lambda path: None)
    added = complete(open_parts(parts, said), said, set(), passages, lambda c: texts[c.evidence[0]])
    assert [c.label for c in added] == ["a"]
    # The quote is chosen for the part it answers.
    assert added[0].drafts[0].sources[0].hint == parts[1]


def test_a_part_with_nothing_of_its_own_needs_no_passage() -> None:
    chosen = [Candidate("assessment", [Draft("15,2% → Chưa đạt.")])]
    said = answered_text(chosen, lambda path: None)
    parts = ["xã đã đạt chỉ tiêu này chưa", "mức quy định là bao nhiêu"]
    added = complete(open_parts(parts, said), said, set(), [_passage("a", "318/QĐ-TTg")], lambda c: "mức quy định")
    assert added == []


def test_a_part_asking_a_documents_fact_gets_that_fact() -> None:
    fact = Candidate(
        "documents", [Draft("… có hiệu lực từ ngày 16/04/2009.")], answers={"in_force", "when"}, label="491: in_force"
    )
    combined = Candidate("documents", [Draft("…")], answers={"in_force", "who"}, label="491: in_force+who")
    who = Candidate("documents", [Draft("… do Nguyễn Tấn Dũng ký.")], answers={"who"}, label="491: who")
    parts = ["Điều 1 dùng làm căn cứ cho những việc gì", "quyết định này có hiệu lực từ ngày nào?"]
    added, left = facts_for(parts, [combined, who, fact], set(), kinds_of)
    assert [c.label for c in added] == ["491: in_force"] and left == parts[:1]
    # A fact already in the answer is not added twice.
    assert facts_for(parts[1:], [fact], {"491: in_force"}, kinds_of) == ([], parts[1:])


def test_a_part_asking_a_documents_fact_waits_for_a_fact_not_for_words() -> None:
    """ "CV 14 ký ngày nào? Mục 3 …": the section quoted holds "công văn" and "ngày", yet only a document's fact
    answers when it was signed."""
    section = Candidate("section", [Draft("Mục 3 Công văn 14 …")], answers={"contents", "when"}, label="Mục 3")
    when = Candidate("documents", [Draft("ban hành ngày 03/11/2023.")], answers={"when"}, label="14: when")
    assert needs_fact("CV 14 ký ngày nào", kinds_of, [section])
    assert not needs_fact("CV 14 ký ngày nào", kinds_of, [section, when])
    assert not needs_fact("Mục 3 bắt xã kiểu mẫu đáp ứng QĐ nào", kinds_of, [section])


def test_words_every_part_shares_do_not_answer_a_part() -> None:
    parts = ["đường huyện đạt chuẩn theo quy hoạch phải bn %", "còn bến xe khách ở trung tâm huyện phải đạt loại mấy?"]
    said = "Chỉ tiêu 2.4: Bến xe khách tại trung tâm huyện (nếu có theo quy hoạch) đạt tiêu chuẩn loại IV trở lên."
    # "huyện", "đạt chuẩn" are the question's context: the answer about the bus station leaves the road open.
    assert open_parts(parts, said) == [parts[0]]


def test_a_part_asking_a_figure_is_open_beside_a_card_alone() -> None:
    """ "… theo bộ tiêu chí nào, tỷ lệ trẻ suy dinh dưỡng thể thấp còi tối đa bao nhiêu?": the card names the set,
    not the figure, though the annex it cites holds the part's words."""
    card = Candidate("applicability", [Draft("áp dụng Bộ tiêu chí … (Phụ lục I, 318/QĐ-TTg)")], label="thẻ áp dụng")
    figure = "tỷ lệ trẻ suy dinh dưỡng thể thấp còi tối đa bao nhiêu?"
    assert needs_figure(figure, kinds_of, [card])
    # An indicator chosen with the card answers it; a part asking no figure ("phấn đấu lên mức nào") is the card's.
    indicator = Candidate("criteria", [Draft("15.3 … ≤ 26,5%")], label="318 15.3")
    assert not needs_figure(figure, kinds_of, [card, indicator])
    assert not needs_figure("làm xong thì phấn đấu lên mức nào", kinds_of, [card])


def test_a_multiple_asked_is_open_until_the_answer_gives_one() -> None:
    # "thu nhập" is in the criterion's name the answer gives; "gấp mấy lần" is answered only by a multiple.
    chosen = [Candidate("criteria", [Draft("Xã kiểu mẫu phải có ít nhất 02 hợp tác xã; thu nhập từ lúc đạt chuẩn.")])]
    said = answered_text(chosen, lambda path: None)
    parts = ["xã kiểu mẫu cần ít nhất mấy hợp tác xã", "thu nhập phải gấp mấy lần lúc đạt chuẩn"]
    assert open_parts(parts, said) == [parts[1]]
    assert open_parts(parts, said + " cao hơn từ 1,5 lần trở lên") == []


def test_one_passage_answering_two_open_parts_quotes_a_sentence_for_each() -> None:
    text = (
        "Có ít nhất 02 hợp tác xã kiểu mới liên kết làm ăn có hiệu quả; Thu nhập bình quân đầu người của xã phải "
        "cao hơn từ 1,5 lần trở lên so với thu nhập tại thời điểm được công nhận xã đạt chuẩn nông thôn mới"
    )
    parts = ["xã kiểu mẫu cần ít nhất mấy hợp tác xã kiểu mới liên kết", "thu nhập bình quân phải gấp mấy lần"]
    added = complete(parts, "", set(), [_passage("a", "691/QĐ-TTg")], lambda c: text)
    # One passage, its frame once, and a quote chosen for each part.
    assert len(added) == 1 and [d.sources[0].hint for d in added[0].drafts] == parts
    assert added[0].drafts[1].text == "- «{quote}»"


def test_a_count_of_units_is_open_until_the_answer_counts_those_units() -> None:
    # The answer counts provinces: "bao nhiêu xã" is open though every word of it is said.
    said = "Sau đợt sắp xếp năm 2025, cả nước có 34 đơn vị hành chính cấp tỉnh (28 tỉnh, 6 thành phố); xã sắp xếp lại."
    asked = ["Sau khi sắp xếp đơn vị hành chính năm 2025 cả nước còn bao nhiêu tỉnh, thành phố", "bao nhiêu xã?"]
    assert open_parts(asked, said) == ["bao nhiêu xã?"]
    assert open_parts(asked, said + " Cả nước còn 3.321 xã.") == []
    # The short part is looked up with what the part before it says, and only a sentence counting communes answers.
    texts = {
        "#a": "Sau khi sắp xếp đơn vị hành chính năm 2025, cả nước còn 34 tỉnh, thành phố trực thuộc trung ương.",
        "#b": "Theo báo chí, sau ngày 01/7/2025 cả nước còn 3.321 xã và 34 tỉnh, thành phố.",
    }
    passages = [_passage("a", "NQ"), _passage("b", "51/2025/QĐ-TTg")]
    added = complete(["bao nhiêu xã?"], said, set(), passages, lambda c: texts[c.evidence[0]], asked)
    assert [c.label for c in added] == ["b"]
    assert added[0].drafts[0].sources[0].hint == f"{asked[0]} bao nhiêu xã?"
    # A count of communes that reached the standard is not answered by a count of all communes.
    reached = "Tính đến hết tháng 9/2023 cả nước có bao nhiêu xã đạt chuẩn nông thôn mới"
    assert complete([reached], "", set(), passages, lambda c: texts[c.evidence[0]]) == []


def test_a_tie_between_passages_goes_to_the_better_ranked_one() -> None:
    # Both hold the same share of the part's words; the chooser ranked the first higher.
    texts = {
        "#a": "Bộ tiêu chí áp dụng cho cấp xã và cấp tỉnh, không có bộ tiêu chí cho cấp huyện.",
        "#b": "Không có bộ tiêu chí cho cấp huyện; bộ tiêu chí áp dụng cho cấp tỉnh và cấp xã.",
    }
    part = "Bộ tiêu chí này có phần nào dành cho cấp huyện không hay chỉ có xã với tỉnh?"
    assert lexical_cover(part, texts["#a"]) == lexical_cover(part, texts["#b"])
    for order in (["a", "b"], ["b", "a"]):
        passages = [_passage(x, "51/2025/QĐ-TTg") for x in order]
        added = complete([part], "", set(), passages, lambda c: texts[c.evidence[0]])
        assert [c.label for c in added] == order[:1]


def test_another_chunk_of_a_section_already_added_answers_a_later_part_as_its_own_passage() -> None:
    # A registry entry's opening is cut into chunks that share its label; the second chunk is not the first.
    texts = {
        "#1": "Số hiệu 51/2025/QĐ-TTg, ban hành theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường.",
        "#2": "Bộ tiêu chí áp dụng cho cấp xã và cấp tỉnh, không có bộ tiêu chí cho cấp huyện (từ 01/7/2025).",
    }
    label = "51/2025/QĐ-TTg › Phần mở đầu"
    passages = [replace(_passage("x", "51/2025/QĐ-TTg"), evidence=[e], label=label) for e in texts]
    parts = ["QĐ 51/2025 ban hành theo đề nghị của bộ nào", "có phần nào dành cho cấp huyện không hay chỉ có xã, tỉnh"]
    added = complete(parts, "", set(), passages, lambda c: texts[c.evidence[0]])
    assert [c.evidence for c in added] == [["#1"], ["#2"]]
    assert [c.drafts[0].sources[0].hint for c in added] == parts


def test_a_share_of_units_is_said_by_a_percentage_of_them() -> None:
    from assistant.parts import _count_unsaid

    # "bao nhiêu phần trăm số xã đạt chuẩn NTM": "100% số xã … đạt chuẩn nông thôn mới" says it, abbreviation or not.
    said = "Huyện có 100% số xã trên địa bàn đạt chuẩn nông thôn mới. Bến xe khách đạt tiêu chuẩn loại IV."
    assert not _count_unsaid("huyện phải có bao nhiêu phần trăm số xã đạt chuẩn NTM", said)
    # A share of other units is not said by it.
    assert _count_unsaid("bao nhiêu phần trăm số thôn đạt chuẩn NTM", said)
