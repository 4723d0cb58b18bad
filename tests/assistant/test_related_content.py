"""Beside "this document is not in the corpus", related content only when it shares a word of the question's topic:
"thông tư", "hướng dẫn", "quy định", "nội dung" and the document's own number relate nothing."""

from __future__ import annotations

import pytest

from assistant.answerers.base import shares_topic
from assistant.service import Assistant
from corpus.normalize import syllables


def test_words_about_documents_share_no_topic() -> None:
    ref = syllables("thông tư 12/2021/tt-bnnptnt")
    question = "Thông tư 12/2021/TT-BNNPTNT hướng dẫn những nội dung gì?"
    assert not shares_topic(question, "Thông tư này hướng dẫn nội dung quy định tại Điều 5, ngày 12/2021.", ref)


def test_a_word_of_the_topic_is_shared() -> None:
    ref = syllables("thông tư 12/2021/tt-bnnptnt")
    question = "Thông tư 12/2021/TT-BNNPTNT hướng dẫn về tiêu chí thu nhập thế nào?"
    assert shares_topic(question, "Thu nhập bình quân đầu người khu vực nông thôn", ref)


@pytest.mark.heavy
@pytest.mark.parametrize(
    "question",
    [
        "Thông tư 12/2021/TT-BNNPTNT hướng dẫn những nội dung gì?",
        "Nghị định 35/2019/NĐ-CP quy định gì về nông thôn mới?",
    ],
)
def test_nothing_related_is_offered_for_a_question_with_no_topic(full_assistant: Assistant, question: str) -> None:
    a = full_assistant.ask(question)
    assert a.scope == "not_in_corpus"
    assert "chưa có trong kho" in a.text
    assert "Nội dung liên quan" not in a.text and not a.citations


@pytest.mark.heavy
def test_related_content_stays_when_the_topic_is_shared(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Thông tư 41/2013/TT-BNNPTNT hướng dẫn thực hiện bộ tiêu chí quốc gia về nông thôn mới ra sao?"
    )
    assert a.scope == "not_in_corpus"
    assert "Nội dung liên quan" in a.text and a.citations
