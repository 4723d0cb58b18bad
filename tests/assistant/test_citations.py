"""Citations: what is quoted from a section when a sentence cites it without giving the words."""

from types import SimpleNamespace

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


def test_an_article_asked_in_words_it_does_not_share_is_quoted_from_its_body_not_its_heading() -> None:
    # "Điều 3 Quyết định 1980 quy định gì?": the document's own number words are ignored, so no sentence shares a
    # word with the question; the heading line names the article and is not what it provides.
    article = Section(
        ("Điều 3",),
        "dieu",
        "Hiệu lực thi hành",
        "Điều 3. Hiệu lực thi hành\nQuyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2016 và thay thế"
        " Quyết định số 491/QĐ-TTg ngày 16 tháng 4 năm 2009 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về"
        " nông thôn mới và Quyết định số 342/QĐ-TTg ngày 20 tháng 02 năm 2013 của Thủ tướng Chính phủ sửa đổi một số"
        " tiêu chí của Bộ tiêu chí quốc gia về nông thôn mới.",
        "1980/QĐ-TTg",
    )
    meta = SimpleNamespace(
        kind="Quyết định", title=None, sources=[], full_text=True, issuer=None, provenance="compiled", ocr_pages=[]
    )
    cites = Citations(lambda path: article if path == article.path else None, lambda doc: meta)
    n = cites.add("1980/QĐ-TTg", article.path, "Điều 3 Quyết định 1980 quy định gì?")
    assert cites.items[n - 1].quote.startswith("Quyết định này có hiệu lực")


def test_a_criterion_whose_own_text_is_its_heading_is_quoted_from_its_parts() -> None:
    row = Section(
        ("Phụ lục II", "Tiêu chí 13", "13"),
        "chi_tieu",
        "",
        "Có sản phẩm OCOP được xếp hạng đạt chuẩn hoặc tương đương còn hiệu lực; hợp tác xã hoạt động hiệu quả.",
        "318/QĐ-TTg",
    )
    title = "Tổ chức sản xuất và phát triển kinh tế nông thôn"
    crit = Section(
        ("Phụ lục II", "Tiêu chí 13"), "criterion", title, f"Tiêu chí 13. {title}", "318/QĐ-TTg", children=[row]
    )
    cites = Citations(lambda path: crit if path == crit.path else None, lambda doc: None)
    n = cites.add("318/QĐ-TTg", crit.path, "xã nâng cao có cần sản phẩm OCOP không")
    assert "OCOP" in cites.items[n - 1].quote
