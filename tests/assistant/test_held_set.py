"""A figure asked of "the new rule", "bộ đó" or "trong đó" after the question asked which set: the set the card
applies counts as named (needs.name_the_held_set)."""

from types import SimpleNamespace

import pytest

from assistant.asks import read_need
from assistant.needs import name_the_held_set
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()
CARD = SimpleNamespace(applicable=SimpleNamespace(ref=SimpleNamespace(doc="320/QĐ-TTg")))


def named_after(text: str) -> list[str]:
    q = understand(text, CATALOGUE)
    need = read_need(q, lambda n: None)
    name_the_held_set(q, need, CARD)
    return q.sets


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Huyện đạt chuẩn năm 2013 theo QĐ 491, năm 2025 phải đáp ứng bộ nào, trong đó bao nhiêu % xã nâng cao?", True),
        ("Huyện đạt chuẩn năm 2019 theo QĐ 558, theo quy định mới thì bao nhiêu % xã phải đạt nâng cao?", True),
        # "bộ tiêu chí đó" after a set the question named is that set, not the card's.
        ("Huyện đạt chuẩn năm 2019 theo bộ tiêu chí 2016-2020. Theo bộ tiêu chí đó, bao nhiêu % xã phải đạt?", False),
        # No recognition: no card's set to name.
        ("Theo quy định mới thì huyện phải có bao nhiêu % xã đạt chuẩn?", False),
    ],
)
def test_the_set_the_card_applies_is_named_only_when_the_question_points_at_it(text: str, held: bool) -> None:
    assert ("320/QĐ-TTg" in named_after(text)) is held
