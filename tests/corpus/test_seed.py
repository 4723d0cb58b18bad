"""The two official dispatches: generated from the original text, split and structured."""

from pathlib import Path

import pytest

from corpus.load import load
from corpus.parse import sections
from corpus.registry import BUILTIN_DIR
from corpus.seed import convert
from tests.conftest import ROOT

SEED = ROOT.parent / "shared" / "seed" / "000_85d34ce87b45f125.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="shared/seed is not beside this checkout")
def test_committed_documents_are_exactly_the_conversion_of_the_original() -> None:
    for name, text in convert(SEED.read_text(encoding="utf-8")).items():
        assert (BUILTIN_DIR / name).read_text(encoding="utf-8") == text, name


def _secs(name: str) -> dict:
    return {s.labels[-1]: s for s in sections(load(BUILTIN_DIR / name))}


def test_dispatch_14_items_are_addressable() -> None:
    doc = load(BUILTIN_DIR / "14-BCDCTMTQG-2023.md")
    assert doc.number == "14/BCĐCTMTQG"
    assert doc.meta.provenance == "official"
    assert doc.meta.issued.isoformat() == "2023-11-03"
    secs = _secs("14-BCDCTMTQG-2023.md")
    assert [f"Mục {i}" for i in range(1, 9)] == [k for k in secs if k.startswith("Mục")]
    assert "318/QĐ-TTg" in secs["Mục 1"].text and "1980/QĐ-TTg ngày 17/10/2016" in secs["Mục 1"].text
    assert "1345/BNN-VPĐP" in secs["Mục 2"].text
    assert "319/QĐ-TTg" in secs["Mục 3"].text
    assert "558/QĐ-TTg" in secs["Mục 4"].text and "320/QĐ-TTg" in secs["Mục 4"].text
    assert "huyện NTM kiểu mẫu" in secs["Mục 5"].text
    assert "định kỳ 06 tháng và hằng năm" in secs["Phần kết"].text


def test_footnote_of_20_provinces_is_attached_to_its_place() -> None:
    secs = _secs("14-BCDCTMTQG-2023.md")
    intro = secs["Phần mở đầu"].text
    assert "100% số xã đạt chuẩn NTM¹" in intro
    footnote = intro.split("\n¹ ", 1)[1]
    provinces = [p.strip(" .") for p in footnote.split(",")]
    assert len(provinces) == 20 and provinces[0] == "Hà Nội" and provinces[-1] == "Trà Vinh"
    # The page break no longer cuts item 1 in two around the footnote.
    assert "Hà Nội, Hải Phòng" not in secs["Mục 1"].text


def test_the_gap_in_the_source_is_marked_not_filled() -> None:
    doc = load(BUILTIN_DIR / "14-BCDCTMTQG-2023.md")
    assert "yêu cầu của Bộ […] nội dung, giải pháp" in _secs("14-BCDCTMTQG-2023.md")["Mục 4"].text
    assert "[…]" in doc.meta.notes


def test_dispatch_5766_is_separate_and_forwards_14() -> None:
    doc = load(BUILTIN_DIR / "5766-UBND-CNNXD-2023.md")
    assert doc.number == "5766/UBND-CNN&XD"
    assert doc.meta.signer == "Đặng Xuân Trường"
    assert [(r.type, r.target) for r in doc.meta.relations] == [("forwards", "14/BCĐCTMTQG")]
    assert "Lê Minh Hoan" not in doc.text
    assert "Thái Nguyên, ngày 10 tháng 11 năm 2023" in doc.text


def test_convert_is_deterministic(tmp_path: Path) -> None:
    if not SEED.is_file():
        pytest.skip("shared/seed is not beside this checkout")
    text = SEED.read_text(encoding="utf-8")
    assert convert(text) == convert(text)
