"""Legal-structure boundaries, as tables of (text, expected paths)."""

import pytest

from corpus.model import Document, DocumentMeta, Line
from corpus.parse import parse, sections


def doc(body: str, number: str = "1/QĐ-TEST") -> Document:
    return Document(meta=DocumentMeta(number=number), lines=[Line(t) for t in body.splitlines()])


def paths(body: str) -> list[str]:
    return [s.path.removeprefix("1/QĐ-TEST › ") for s in sections(doc(body))]


CASES = [
    (
        "articles, clauses, points",
        "Căn cứ Luật Tổ chức Chính phủ;\nĐiều 1. Phạm vi\n1. Khoản một.\na) Điểm a;\nb) Điểm b.\n2. Khoản hai.\nĐiều 2. Hiệu lực",
        [
            "Phần mở đầu",
            "Điều 1",
            "Điều 1 › Khoản 1",
            "Điều 1 › Khoản 1 › Điểm a",
            "Điều 1 › Khoản 1 › Điểm b",
            "Điều 1 › Khoản 2",
            "Điều 2",
        ],
    ),
    (
        "đ follows d",
        "Điều 1. X\na) một;\nb) hai;\nc) ba;\nd) bốn;\nđ) năm;\ne) sáu.",
        ["Điều 1", *[f"Điều 1 › Điểm {x}" for x in "abcdđe"]],
    ),
    (
        "a reference to Điều inside a sentence is not a heading",
        "Điều 1. X\n1. Theo quy định tại Điều 5 của Luật.\nĐiều 5 của Luật này không áp dụng.",
        ["Điều 1", "Điều 1 › Khoản 1"],
    ),
    (
        "a number out of sequence is text, not a clause",
        "Điều 1. X\n1. Một.\n2023. Năm nay.\n3. Ba.",
        ["Điều 1", "Điều 1 › Khoản 1"],
    ),
    (
        "chapters and sections",
        "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. A\nChương II\nMục 1. Về xã\nĐiều 2. B\nMục 2\nĐiều 3. C",
        [
            "Chương I",
            "Chương I › Điều 1",
            "Chương II",
            "Chương II › Mục 1",
            "Chương II › Mục 1 › Điều 2",
            "Chương II › Mục 2",
            "Chương II › Mục 2 › Điều 3",
        ],
    ),
    (
        "dispatch items, sub-points and closing",
        "Kính gửi: các tỉnh.\n1. Đối với các xã.\na) rà soát;\n2. Đối với các huyện.\nĐề nghị các tỉnh thực hiện.\nNơi nhận:\n- Như trên;",
        ["Phần mở đầu", "Mục 1", "Mục 1 › Điểm a", "Mục 2", "Phần kết"],
    ),
    (
        "annex with criteria and indicators as lines",
        "Điều 1. Ban hành.\nPHỤ LỤC I\nBỘ TIÊU CHÍ\nI. QUY HOẠCH\nTiêu chí số 1: Quy hoạch\n1.1. Có quy hoạch\n1.2. Có quy định\nII. HẠ TẦNG\nTiêu chí 2. Giao thông\n2.1. Đường xã",
        [
            "Điều 1",
            "Phụ lục I",
            "Phụ lục I › Tiêu chí 1",
            "Phụ lục I › Tiêu chí 1 › 1.1",
            "Phụ lục I › Tiêu chí 1 › 1.2",
            "Phụ lục I › Tiêu chí 2",
            "Phụ lục I › Tiêu chí 2 › 2.1",
        ],
    ),
    (
        "a sentence mentioning a Phụ lục is not an annex",
        "Điều 1. X\nPhụ lục kèm theo được sửa đổi như sau.",
        ["Điều 1"],
    ),
    (
        "annex after the recipients block",
        "Điều 1. X\nNơi nhận:\n- Như trên;\nPHỤ LỤC II\nDANH MỤC\nĐiều 1. Trong phụ lục",
        ["Điều 1", "Phần kết", "Phụ lục II", "Phụ lục II › Điều 1"],
    ),
]


@pytest.mark.parametrize(("name", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_structure_boundaries(name: str, body: str, expected: list[str]) -> None:
    assert paths(body) == expected


TABLE = """PHỤ LỤC I
| TT | Tên tiêu chí | Nội dung tiêu chí | Trung du miền núi phía Bắc | Đồng bằng sông Hồng |
| --- | --- | --- | --- | --- |
| I | KINH TẾ | | | |
| 10 | Thu nhập | Thu nhập bình quân đầu người năm 2022 (triệu đồng/người) | ≥39 | ≥52 |
| II | MÔI TRƯỜNG | | | |
| 17 | Môi trường | 17.1. Tỷ lệ hộ sử dụng nước sạch | ≥30% | ≥50% |
| | | 17.2. Tỷ lệ cơ sở đảm bảo quy định<br>a) có giấy phép | 100% | 100% |
| | | b) có hệ thống xử lý | Đạt | Đạt |
"""


def test_criteria_table_rows() -> None:
    by_path = {s.path.removeprefix("1/QĐ-TEST › "): s for s in sections(doc(TABLE))}
    assert list(by_path) == [
        "Phụ lục I",
        "Phụ lục I › Tiêu chí 10",
        "Phụ lục I › Tiêu chí 10 › 10",
        "Phụ lục I › Tiêu chí 17",
        "Phụ lục I › Tiêu chí 17 › 17.1",
        "Phụ lục I › Tiêu chí 17 › 17.2",
    ]
    income = by_path["Phụ lục I › Tiêu chí 10 › 10"]
    assert income.thresholds == {"Trung du miền núi phía Bắc": "≥39", "Đồng bằng sông Hồng": "≥52"}
    assert "Đồng bằng sông Hồng: ≥52" in income.text
    assert by_path["Phụ lục I › Tiêu chí 10"].group == "KINH TẾ"
    assert by_path["Phụ lục I › Tiêu chí 17"].group == "MÔI TRƯỜNG"
    water = by_path["Phụ lục I › Tiêu chí 17 › 17.1"]
    assert water.thresholds["Trung du miền núi phía Bắc"] == "≥30%"
    # Sub-points of an indicator stay inside it with their thresholds.
    waste = by_path["Phụ lục I › Tiêu chí 17 › 17.2"]
    assert "a) có giấy phép" in waste.text and "b) có hệ thống xử lý" in waste.text
    assert "Đạt" in waste.text


def test_text_after_a_table_belongs_to_the_annex() -> None:
    body = TABLE + "Ghi chú: các tỉnh quy định cụ thể.\n"
    secs = {s.path.removeprefix("1/QĐ-TEST › "): s for s in sections(doc(body))}
    assert "Ghi chú" in secs["Phụ lục I"].text
    assert "Ghi chú" not in secs["Phụ lục I › Tiêu chí 17 › 17.2"].text


def test_footnote_markers_in_titles_are_rendered() -> None:
    d = doc("Điều 1. Phạm vi[^1]\n[^1]: Chú thích.")
    assert sections(d)[0].title == "Phạm vi¹"


def test_pages_and_footnotes() -> None:
    d = Document(
        meta=DocumentMeta(number="1/QĐ-TEST"),
        lines=[
            Line("Mở đầu có 20 tỉnh[^1].", 1),
            Line("1. Mục một.", 1),
            Line("2. Mục hai.", 2),
            Line("[^1]: Hà Nội, Hải Phòng.", 2),
        ],
    )
    secs = {s.labels[-1]: s for s in sections(d)}
    assert secs["Mục 2"].page == 2 and secs["Mục 1"].page == 1
    assert "20 tỉnh¹" in secs["Phần mở đầu"].text
    assert "¹ Hà Nội, Hải Phòng." in secs["Phần mở đầu"].text
    assert "Hà Nội" not in secs["Mục 2"].text


def test_duplicate_labels_get_unique_paths() -> None:
    body = "Điều 1. A\nĐiều 1. B (số trùng trong nguồn)"
    assert paths(body) == ["Điều 1", "Điều 1 (2)"]


def test_full_text_keeps_every_line() -> None:
    body = "Căn cứ A;\nĐiều 1. X\n1. Một.\na) a.\nNơi nhận:\n- Như trên;"
    root = parse(doc(body))
    for line in body.splitlines():
        assert line in root.full_text()
