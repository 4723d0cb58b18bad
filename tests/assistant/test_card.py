"""When a question gets the applicability card: a unit's status and what it must do, not an agency's task."""

import datetime as dt

from assistant.card import card_for
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()
TODAY = dt.date(2024, 6, 1)


def test_an_agency_asked_about_gets_no_card() -> None:
    q = understand(
        "Công văn 5766/UBND-CNN&XD giao Sở NN&PTNT chủ trì, phối hợp với các huyện. Vậy ngoài việc chủ trì thì Sở "
        "còn phải làm gì đối với UBND tỉnh?"
    )
    assert card_for(q, TODAY, CATALOGUE) is None


def test_a_unit_with_a_status_gets_its_card_whoever_else_is_named() -> None:
    q = understand("Xã đạt chuẩn NTM năm 2017, theo Công văn 5766 thì xã phải làm gì?")
    card = card_for(q, TODAY, CATALOGUE)
    assert card is not None and card.applicable is not None and card.applicable.doc == "318/QĐ-TTg"
