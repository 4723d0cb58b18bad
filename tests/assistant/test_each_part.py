"""A part left open, asked on its own: what such an answer may add to the whole question's answer."""

from assistant.answerers.base import Candidate, Draft
from assistant.each_part import _about_part, _direct


def _criterion(label: str, covers: set, period: str, prior: float = 1.0, lexical: float = 0.0) -> Candidate:
    return Candidate("criteria", [Draft("…")], covers=covers, period=period, prior=prior, lexical=lexical, label=label)


def test_an_added_answer_is_about_what_the_part_itself_names() -> None:
    named = _criterion("318 tiêu chí 5", {("criterion", "5"), ("level", "xã")}, "2021-2025")
    # The part names criterion 5: the criterion answers it.
    assert _about_part(named, {("criterion", "5")}, {"threshold"}, None)
    # A part naming only a level ("xã vùng núi thì sao?") gets no criterion it did not name.
    assert not _about_part(named, {("level", "xã")}, {"threshold"}, None)
    # A document's fact answers a part asking that kind of fact, whatever the part names.
    fact = Candidate("documents", [Draft("…")], answers={"amends", "which"}, docs={"491/QĐ-TTg"})
    assert _about_part(fact, set(), {"amends"}, None)
    assert not _about_part(fact, set(), {"who"}, None)


def test_an_added_answer_keeps_the_period_the_whole_question_names() -> None:
    later = _criterion("318 tiêu chí 12", {("criterion", "12")}, "2021-2025")
    assert not _about_part(later, {("criterion", "12")}, {"threshold"}, "2016-2020")
    # Unless the part names a period of its own ("sang giai đoạn 2021-2025 thì …").
    assert _about_part(later, {("criterion", "12"), ("period", "2021-2025")}, {"threshold"}, "2016-2020")


def test_a_guessed_indicator_is_no_answer_added_to_another() -> None:
    guess = _criterion("318 tiêu chí 1 1.2", {("indicator_guess", "1.2")}, "2021-2025", prior=0.65, lexical=0.2)
    assert not _direct(guess)
    # Guessed from words the question shares widely, or said by name, it is direct.
    assert _direct(_criterion("x", {("indicator_guess", "1.2")}, "2021-2025", prior=0.65, lexical=0.6))
    assert _direct(_criterion("x", {("indicator_guess", "1.2")}, "2021-2025", prior=1.05))
    assert _direct(_criterion("x", {("criterion", "1")}, "2021-2025", prior=0.5))


def test_an_indicator_named_by_its_words_answers_a_part_asking_its_figure() -> None:
    """ "…, tỷ lệ người dân hài lòng tối thiểu bao nhiêu?": no number named, most of its words one indicator's."""
    named = _criterion("320 tiêu chí 9", set(), "2021-2025", lexical=0.9)
    named.answers = {"threshold"}
    assert _about_part(named, set(), {"threshold"}, None)
    # Not when the part asks no figure, nor for an indicator sharing only some of its words.
    assert not _about_part(named, set(), {"contents"}, None)
    assert not _about_part(_criterion("x", set(), "2021-2025", lexical=0.6), set(), {"threshold"}, None)
