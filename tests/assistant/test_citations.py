"""Citations: what is quoted from a section when a sentence cites it without giving the words."""

from assistant.answer import Citations
from corpus.model import Section


def _article() -> Section:
    head = "**Điều 2.** Tổ chức thực hiện [nội dung biên soạn theo hiểu biết, chưa đối chiếu nguyên văn]"
    clause = Section(
        ("Điều 2", "Khoản 1"),
        "khoan",
        "",
        "1. Các bộ, cơ quan trung ương có trách nhiệm ban hành văn bản hướng dẫn thực hiện các tiêu chí.",
        "320/QĐ-TTg",
    )
    return Section(("Điều 2",), "dieu", "Tổ chức thực hiện", head, "320/QĐ-TTg", children=[clause])


def test_an_article_whose_own_line_is_a_heading_is_quoted_from_its_clauses() -> None:
    article = _article()
    cites = Citations(lambda path: article if path == article.path else None, lambda doc: None)
    n = cites.add("320/QĐ-TTg", article.path, "các bộ có trách nhiệm gì")
    quote = cites.items[n - 1].quote
    assert "ban hành văn bản hướng dẫn" in quote and "biên soạn" not in quote
    assert quote in article.full_text()


def test_an_article_with_words_of_its_own_is_quoted_from_them() -> None:
    article = _article()
    article.text = "**Điều 2.** Các bộ, ngành theo chức năng, nhiệm vụ được giao có trách nhiệm hướng dẫn thực hiện."
    cites = Citations(lambda path: article if path == article.path else None, lambda doc: None)
    n = cites.add("320/QĐ-TTg", article.path, "các bộ có trách nhiệm gì")
    assert "chức năng, nhiệm vụ" in cites.items[n - 1].quote
