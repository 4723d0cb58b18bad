"""Words a question quotes: found where the corpus holds them, word for word."""

from assistant.retrieve import Result, quoted_first, quoted_phrases
from index.chunk import Chunk


def test_quoted_phrases_of_four_words_or_more() -> None:
    q = 'Câu "Nông thôn mới chỉ có điểm khởi đầu" và «xã» có trong văn bản nào?'
    assert quoted_phrases(q) == ["nong thon moi chi co diem khoi dau"]
    assert quoted_phrases("Câu “đạt chuẩn” là gì?") == []


def test_the_passage_holding_the_quoted_words_comes_first() -> None:
    import dataclasses

    fields = {f.name for f in dataclasses.fields(Chunk)}
    base = {k: None for k in fields}

    def chunk(cid: str, text: str) -> Chunk:
        return Chunk(**{**base, "id": cid, "text": text, "doc": "x", "path": f"x › {cid}"})

    held = chunk("a", "Tiếp tục kiên trì quan điểm “Nông thôn mới chỉ có điểm khởi đầu, không có điểm kết thúc”.")
    other = chunk("b", "Bộ tiêu chí gồm 19 tiêu chí.")
    found = [Result(other, 0.9)]
    out = quoted_first('Câu "nong thon moi chi co diem khoi dau" ở đâu?', found, [other, held])
    assert [r.chunk.id for r in out] == ["a", "b"]
    assert quoted_first("Không trích dẫn gì", found, [other, held]) == found
