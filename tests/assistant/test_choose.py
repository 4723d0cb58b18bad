"""The chooser alone: candidates scored by what the question names and asks, two-part answers,
a different document losing, and the honest 'not covered' outcome."""

from assistant.answerers.base import Candidate, Draft
from assistant.asks import Need
from assistant.choose import THRESHOLD, choose, score


def cand(kind: str, label: str, **kw) -> Candidate:
    return Candidate(kind, [Draft(f"{label}.")], label=label, **kw)


def need(asks=(), atoms=(), **kw) -> Need:
    n = Need(asks=set(asks), atoms=set(atoms), **kw)
    return n


def labels(choice) -> list[str]:
    return [c.label for c in choice.parts]


def test_the_fact_asked_beats_a_passage_about_the_same_document() -> None:
    n = need(asks={"who"}, atoms={("doc", "558/QĐ-TTg")})
    signer = cand(
        "documents", "signer", covers={("doc", "558/QĐ-TTg")}, answers={"who"}, docs={"558/QĐ-TTg"}, prior=1.0
    )
    passage = cand("passages", "passage", covers={("doc", "558/QĐ-TTg")}, docs={"558/QĐ-TTg"}, lexical=0.9)
    choice = choose(n, [passage, signer], [0.9, 0.86])
    assert labels(choice) == ["signer"]


def test_a_candidate_about_another_document_loses() -> None:
    n = need(asks={"count"}, atoms={("doc", "1980/QĐ-TTg")})
    named = cand("criteria", "1980", covers={("doc", "1980/QĐ-TTg")}, answers={"count"}, docs={"1980/QĐ-TTg"})
    other = cand("criteria", "318", covers={("doc", "318/QĐ-TTg")}, answers={"count"}, docs={"318/QĐ-TTg"}, prior=1.5)
    choice = choose(n, [other, named], [0.95, 0.85])
    assert labels(choice) == ["1980"]
    assert score(other, n, 0.95).detail["conflict"] > 0


def test_another_period_than_the_one_named_loses() -> None:
    n = need(asks={"count"}, atoms={("period", "2026-2030")}, period="2026-2030")
    old = cand("criteria", "318 overview", answers={"count"}, period="2021-2025", prior=0.8)
    new = cand("passages", "51/2025 entry", covers={("period", "2026-2030")}, answers={"count"}, period="2026-2030")
    assert labels(choose(n, [old, new], [0.9, 0.9])) == ["51/2025 entry"]


def test_both_parts_of_a_two_part_question_are_answered_in_the_order_asked() -> None:
    n = need(asks={"which"}, atoms={("criterion", "14"), ("criterion", "16"), ("doc", "318/QĐ-TTg")}, criteria=[14, 16])
    c16 = cand(
        "criteria", "criterion 16", covers={("criterion", "16"), ("doc", "318/QĐ-TTg")}, answers={"which"}, prior=1.2
    )
    c14 = cand(
        "criteria", "criterion 14", covers={("criterion", "14"), ("doc", "318/QĐ-TTg")}, answers={"which"}, prior=1.0
    )
    choice = choose(n, [c16, c14], [0.9, 0.9])
    assert labels(choice) == ["criterion 14", "criterion 16"]


def test_parts_asking_different_kinds_each_get_the_candidate_of_their_kind() -> None:
    """ "Ai ký 558 …, và huyện phải có bao nhiêu % trường THPT đạt chuẩn?": the signer's fact and the indicator,
    not the annex passage that half answers both; the part the fact answers is not left open."""
    asked = ["Ai ký Quyết định 558/QĐ-TTg", "huyện phải có bao nhiêu phần trăm trường THPT đạt chuẩn?"]
    doc = {"558/QĐ-TTg"}
    n = need(asks={"who", "threshold"}, atoms={("doc", "558/QĐ-TTg")})
    annex = cand(
        "passages", "annex", covers={("doc", "558/QĐ-TTg")}, answers={"who", "threshold"}, docs=doc, lexical=0.6
    )
    signer = cand("documents", "signer", covers={("doc", "558/QĐ-TTg")}, answers={"who"}, docs=doc, prior=1.0)
    indicator = cand("criteria", "5.3", covers={("doc", "558/QĐ-TTg")}, answers={"threshold"}, docs=doc, prior=0.65)
    sims = [0.92, 0.9, 0.92]
    assert labels(choose(n, [annex, signer, indicator], sims))[0] == "annex"
    choice = choose(n, [annex, signer, indicator], sims, asked=asked)
    assert sorted(labels(choice)) == ["5.3", "signer"]
    assert choice.answered == [asked[0]]


def test_a_part_whose_own_best_is_far_behind_does_not_split_the_answer() -> None:
    asked = ["xã theo bộ tiêu chí nào", "bộ đó có bao nhiêu tiêu chí"]
    n = need(asks={"which", "count"}, atoms={("period", "2026-2030")})
    overview = cand("criteria", "overview", covers={("period", "2026-2030")}, answers={"count"}, prior=1.0)
    card = cand("applicability", "card", answers={"which"}, prior=0.4)
    assert labels(choose(n, [overview, card], [0.9, 0.9], asked=asked)) == ["overview"]


def test_two_facts_of_a_document_come_from_two_candidates() -> None:
    n = need(asks={"when", "contents"}, atoms={("doc", "691/QĐ-TTg")})
    doc = {"691/QĐ-TTg"}
    when = cand("documents", "when", covers={("doc", "691/QĐ-TTg")}, answers={"when"}, docs=doc, prior=1.0)
    what = cand("documents", "contents", covers={("doc", "691/QĐ-TTg")}, answers={"contents"}, docs=doc, prior=1.0)
    assert sorted(labels(choose(n, [when, what], [0.8, 0.8]))) == ["contents", "when"]


def test_a_part_already_said_is_not_repeated() -> None:
    n = need(asks={"todo", "report"}, atoms={("level", "xã")})
    card = cand("applicability", "card", covers={("level", "xã")}, answers={"todo", "report"}, prior=1.4)
    duties = Candidate("duties", [Draft("card.")], answers={"report"}, label="duties")
    assert labels(choose(n, [card, duties], [0.9, 0.9])) == ["card"]


def test_nothing_that_covers_the_question_is_not_an_answer() -> None:
    weak = cand("passages", "weak", lexical=0.2, prior=0.3)
    choice = choose(need(), [weak], [0.5])
    assert choice.parts == [] and choice.scope == "uncovered"
    assert choice.ranking[0].score < THRESHOLD


def test_words_the_corpus_never_uses_mean_the_topic_is_not_covered() -> None:
    n = need(asks={"threshold"}, atoms={("level", "xã")})
    indicator = cand("criteria", "2.1 roads", covers={("level", "xã")}, answers={"threshold"}, prior=0.9, lexical=0.4)
    assert labels(choose(n, [indicator], [0.95])) == ["2.1 roads"]
    assert choose(n, [indicator], [0.95], unknown=["đóng_góp"]).scope == "uncovered"


def test_unknown_words_do_not_hide_what_the_question_names_by_number() -> None:
    n = need(asks={"contents"}, atoms={("section", "Điều 2"), ("doc", "318/QĐ-TTg")}, sections=["Điều 2"])
    article = cand(
        "section", "Điều 2", covers={("section", "Điều 2"), ("doc", "318/QĐ-TTg")}, answers={"contents"}, prior=1.0
    )
    assert labels(choose(n, [article], [0.8], unknown=["ủy_ban"])) == ["Điều 2"]


def test_a_count_of_something_else_is_not_an_answer_to_how_many() -> None:
    n = need(asks={"count"}, counted="tinh")
    overview = cand("criteria", "overview", answers={"count"}, counts=frozenset({"tieu chi"}))
    assert score(overview, n, None).detail["asks"] == 0.0
    n.counted = "tieu chi"
    assert score(overview, n, None).detail["asks"] == 1.0


def test_a_sure_structured_answer_is_confident_without_meaning() -> None:
    from assistant.choose import confident

    n = need(asks={"todo"}, atoms={("level", "xã"), ("tier", "nâng cao")})
    card = cand("applicability", "card", covers={("level", "xã"), ("tier", "nâng cao")}, answers={"todo"}, prior=1.4)
    overview = cand("criteria", "overview", covers={("level", "xã")}, prior=0.8)
    assert confident(choose(n, [card, overview], [None, None]))
    close = cand("criteria", "close", covers={("level", "xã"), ("tier", "nâng cao")}, answers={"todo"}, prior=1.2)
    assert not confident(choose(n, [card, close], [None, None]))  # meaning could decide between them


def test_facts_of_one_document_do_not_make_the_choice_unsure() -> None:
    from assistant.choose import confident

    n = need(asks={"in_force", "when"}, atoms={("doc", "51/2025/QĐ-TTg")})
    doc = {"51/2025/QĐ-TTg"}
    covers = {("doc", "51/2025/QĐ-TTg")}
    in_force = cand("documents", "in force", covers=covers, answers={"in_force", "when"}, docs=doc, prior=1.0)
    issued = cand("documents", "issued", covers=covers, answers={"when"}, docs=doc, prior=1.0)
    assert confident(choose(n, [in_force, issued], [None, None]))


def test_the_same_fact_of_each_document_named_is_answered() -> None:
    n = need(asks={"amends"}, atoms={("doc", "691/QĐ-TTg"), ("doc", "558/QĐ-TTg")})

    def replaced(old: str, new: str) -> Candidate:
        return Candidate(
            "documents",
            [Draft(f"{old} được thay thế bởi {new}.")],
            covers={("doc", old)},
            answers={"amends", "which"},
            docs={old},
            prior=1.0,
            label=old,
        )

    choice = choose(n, [replaced("558/QĐ-TTg", "320/QĐ-TTg"), replaced("691/QĐ-TTg", "319/QĐ-TTg")], [0.9, 0.9])
    assert sorted(labels(choice)) == ["558/QĐ-TTg", "691/QĐ-TTg"]


def test_one_relation_told_from_both_ends_is_said_once() -> None:
    n = need(asks={"amends"}, atoms={("doc", "342/QĐ-TTg"), ("doc", "491/QĐ-TTg")})
    amends = Candidate(
        "documents",
        [Draft("342/QĐ-TTg sửa đổi 491/QĐ-TTg.")],
        covers={("doc", "342/QĐ-TTg")},
        answers={"amends"},
        docs={"342/QĐ-TTg"},
        prior=1.0,
        label="342",
    )
    amended = Candidate(
        "documents",
        [Draft("491/QĐ-TTg được sửa đổi bởi 342/QĐ-TTg.")],
        covers={("doc", "491/QĐ-TTg")},
        answers={"amends"},
        docs={"491/QĐ-TTg"},
        prior=1.0,
        label="491",
    )
    assert len(choose(n, [amends, amended], [0.9, 0.85]).parts) == 1


def test_the_named_document_has_no_period_conflict() -> None:
    # "342/QĐ-TTg … căn cứ Chương trình giai đoạn 2010-2020": the period is in the description, 342 is the subject.
    n = need(asks={"which"}, atoms={("doc", "342/QĐ-TTg"), ("period", "2010-2020")}, period="2010-2020")
    passage = cand("passages", "342 Điều 2", covers={("doc", "342/QĐ-TTg")}, docs={"342/QĐ-TTg"}, period="2010-2015")
    other = cand("passages", "491 Điều 2", covers={("doc", "491/QĐ-TTg")}, docs={"491/QĐ-TTg"}, period="2010-2015")
    assert score(passage, n, 0.9).detail["conflict"] == 0
    assert score(other, n, 0.9).detail["conflict"] > 0


def test_with_no_tier_named_the_base_sets_indicator_wins_over_the_higher_tiers() -> None:
    # 318's NTM (15.4) and nâng cao (14.4) sets hold an indicator of the same name; "xã" alone is the base set.
    n = need(asks={"threshold"}, atoms={("doc", "318/QĐ-TTg"), ("level", "xã")})
    base = cand("criteria", "15.4", covers={("doc", "318/QĐ-TTg"), ("level", "xã")}, answers={"threshold"})
    higher = cand(
        "criteria", "14.4", covers={("doc", "318/QĐ-TTg"), ("level", "xã"), ("tier", "nâng cao")}, answers={"threshold"}
    )
    assert labels(choose(n, [higher, base], [0.95, 0.9])) == ["15.4"]
    # Named, the higher tier is what is asked.
    n_tier = need(asks={"threshold"}, atoms={("doc", "318/QĐ-TTg"), ("level", "xã"), ("tier", "nâng cao")})
    assert labels(choose(n_tier, [higher, base], [0.9, 0.9])) == ["14.4"]


def test_an_amount_of_money_or_a_procedure_the_catalogue_cannot_hold_is_not_covered() -> None:
    housing = Candidate(
        "criteria",
        [Draft("9.1. Nhà tạm, dột nát: Không.")],
        covers={("criterion_name", "nhà ở")},
        answers={"threshold"},
        prior=1.0,
        label="9",
    )
    money = need(asks={"threshold"}, atoms={("criterion_name", "nhà ở")}, money=True)
    assert choose(money, [housing], [0.9]).scope == "uncovered"
    # An income threshold is a sum of money the catalogue does hold.
    income = Candidate(
        "criteria",
        [Draft("10. Thu nhập: ≥ 45 triệu đồng/người/năm.")],
        covers={("criterion_name", "thu nhập")},
        answers={"threshold"},
        prior=1.0,
        label="10",
    )
    assert choose(need(asks={"threshold"}, atoms={("criterion_name", "thu nhập")}, money=True), [income], [0.9]).parts
    # "2.1. Tỷ lệ …", "nội đồng", "Đồng bằng" are no sums of money.
    roads = Candidate(
        "criteria",
        [Draft("- 2.1. Tỷ lệ đường xã được cứng hóa: ≥ 100%."), Draft("- 2.4. Đường trục chính nội đồng: Đạt.")],
        covers={("criterion_name", "giao thông")},
        answers={"threshold"},
        prior=1.0,
        label="2",
    )
    upkeep = need(asks={"threshold"}, atoms={("criterion_name", "giao thông")}, money=True)
    assert choose(upkeep, [roads], [0.9]).scope == "uncovered"
    # An area asked ("bao nhiêu m2 mỗi học sinh") of criteria that state shares only.
    area = need(asks={"threshold"}, atoms={("criterion_name", "giao thông")}, figure="area")
    assert choose(area, [roads], [0.9]).scope == "uncovered"
    assert choose(need(asks={"threshold"}, atoms={("criterion_name", "giao thông")}), [roads], [0.9]).parts
    overview = cand(
        "criteria", "overview", covers={("topic", "overview"), ("level", "xã")}, answers={"list"}, prior=1.0
    )
    asked = need(asks={"list", "procedure"}, atoms={("level", "xã")}, procedure=True)
    assert choose(asked, [overview], [0.9]).scope == "uncovered"
    # "hồ sơ" in a preamble only: the list of criteria may still answer.
    assert choose(need(asks={"list", "procedure"}, atoms={("level", "xã")}), [overview], [0.9]).parts


def test_another_levels_set_loses_to_a_passage_about_the_level_asked() -> None:
    n = need(asks={"threshold"}, atoms={("level", "huyện")})
    commune = cand("criteria", "318 2.4", covers={("level", "xã")}, answers={"threshold"}, prior=1.0)
    district = cand("passages", "211 entry", covers={("level", "huyện")}, answers={"threshold"}, prior=0.5)
    assert score(commune, n, 0.9).detail["conflict"] == 0.5
    assert score(district, n, 0.9).detail["conflict"] == 0


def test_a_figure_of_the_document_named_answers_despite_a_word_the_corpus_lacks() -> None:
    """ "QĐ 1980, xã ngoại thành Hà Nội: tỷ lệ … tối thiểu bao nhiêu?": "ngoại thành" is not a new topic when the
    named document's indicator answers all that is asked; a passage of it does not."""
    n = need(asks={"threshold"}, atoms={("doc", "1980/QĐ-TTg")})
    doc = {"1980/QĐ-TTg"}
    figure = cand("criteria", "14.2", covers={("doc", "1980/QĐ-TTg")}, answers={"threshold"}, docs=doc, prior=0.65)
    assert labels(choose(n, [figure], [0.87], unknown=["ngoại_thành"])) == ["14.2"]
    passage = cand("passages", "annex", covers={("doc", "1980/QĐ-TTg")}, answers={"threshold"}, docs=doc)
    assert choose(n, [passage], [0.87], unknown=["ngoại_thành"]).scope == "uncovered"


def test_the_same_criterion_of_each_period_compared_is_answered() -> None:
    """ "theo bộ 2016-2020 thì tối đa bao nhiêu %, sang bộ 2021-2025 thì bao nhiêu %": both sets' criterion 15; the
    second period is not a conflict, and another criterion of it is not added."""
    n = need(
        asks={"threshold"}, atoms={("period", "2016-2020")}, period="2016-2020", periods=["2016-2020", "2021-2025"]
    )
    old = cand("criteria", "xa-1980 tiêu chí 15", answers={"threshold"}, period="2016-2020", prior=1.0)
    new = cand("criteria", "xa-318 tiêu chí 15", answers={"threshold"}, period="2021-2025", prior=0.8)
    other = cand("criteria", "xa-318 tiêu chí 14", answers={"threshold"}, period="2021-2025", prior=0.8)
    assert labels(choose(n, [old, new, other], [0.9, 0.9, 0.9])) == ["xa-1980 tiêu chí 15", "xa-318 tiêu chí 15"]
    one = need(asks={"threshold"}, atoms={("period", "2016-2020")}, period="2016-2020")
    assert labels(choose(one, [old, new], [0.9, 0.9])) == ["xa-1980 tiêu chí 15"]


def test_each_criterion_asked_of_each_set_named_is_answered() -> None:
    """ "TC 11 và TC 12: ở QĐ 1980 tên là gì, sang QĐ 318 đổi tên thế nào?": the four, not the first two picked."""
    n = need(
        asks={"definition"},
        atoms={("criterion", "11"), ("criterion", "12"), ("doc", "1980/QĐ-TTg"), ("doc", "318/QĐ-TTg")},
    )
    made = [
        cand(
            "criteria",
            f"xa-{d.split('/')[0]} tiêu chí {c}",
            covers={("criterion", c), ("doc", d)},
            answers={"definition"},
            docs={d},
            prior=1.2,
        )
        for d, c in [("318/QĐ-TTg", "11"), ("1980/QĐ-TTg", "12"), ("1980/QĐ-TTg", "11"), ("318/QĐ-TTg", "12")]
    ]
    assert sorted(labels(choose(n, made, [0.9, 0.85, 0.8, 0.75]))) == sorted(c.label for c in made)


def test_the_overview_of_each_period_compared_is_answered() -> None:
    """ "bộ 2016-2020 có bao nhiêu chỉ tiêu, bộ 2021-2025 có bao nhiêu?": both sets' overviews, not a group."""
    n = need(asks={"count"}, atoms={("period", "2021-2025")}, period="2021-2025", periods=["2021-2025", "2016-2020"])
    new = cand("criteria", "tổng quan 318-xa-ntm", answers={"count"}, period="2021-2025", prior=1.0)
    old = cand("criteria", "tổng quan 1980-xa-ntm", answers={"count"}, period="2016-2020", prior=0.8)
    group = cand("criteria", "nhóm 1980-xa-ntm", answers={"count"}, period="2016-2020", prior=0.8)
    assert labels(choose(n, [new, old, group], [0.9, 0.9, 0.9])) == ["tổng quan 318-xa-ntm", "tổng quan 1980-xa-ntm"]


def test_a_part_a_passage_answers_beside_a_part_a_fact_answers() -> None:
    """ "… do ai ký, đặt ra mấy mục tiêu?": the signer's fact for one part, the passage for the other; passages
    alone for every part leave the whole question's ranking as it is."""
    asked = ["Nghị quyết 25/2021/QH15 do ai ký", "nghị quyết đặt ra mấy mục tiêu"]
    doc = {"25/2021/QH15"}
    n = need(asks={"who", "count"}, atoms={("doc", "25/2021/QH15")})
    entry = cand("passages", "entry", covers={("doc", "25/2021/QH15")}, answers={"count"}, docs=doc, lexical=0.8)
    signer = cand("documents", "signer", covers={("doc", "25/2021/QH15")}, answers={"who"}, docs=doc, prior=1.0)
    choice = choose(n, [entry, signer], [0.95, 0.9], asked=asked)
    assert sorted(labels(choice)) == ["entry", "signer"] and choice.answered == [asked[0]]


def test_a_passage_holding_a_name_does_not_stand_for_the_signers_fact() -> None:
    """A registry entry that mentions "người ký" answers "who" only maybe: the document's own fact (here, that the
    corpus does not record the signer) completes it."""
    doc = {"351/2025/NĐ-CP"}
    n = need(asks={"threshold", "who"}, atoms={("doc", "351/2025/NĐ-CP")})
    entry = cand(
        "passages", "entry", covers={("doc", "351/2025/NĐ-CP")}, answers={"threshold", "who"}, docs=doc, lexical=0.9
    )
    signer = cand("documents", "signer", covers={("doc", "351/2025/NĐ-CP")}, answers={"who"}, docs=doc, prior=1.0)
    choice = choose(n, [entry, signer], [0.9, 0.85], asked=["thu nhập bao nhiêu trở xuống", "ai ký"])
    assert labels(choice)[0] == "entry" and "signer" in labels(choice)


def test_a_rule_of_which_regions_levels_apply_is_answered_by_the_article_not_an_indicator() -> None:
    n = need(asks={"threshold", "region_level"}, atoms={("doc", "318/QĐ-TTg")})
    doc = {"318/QĐ-TTg"}
    guess = cand(
        "criteria", "17.3", covers={("doc", "318/QĐ-TTg")}, answers={"threshold"}, docs=doc, prior=0.65, lexical=0.1
    )
    article = cand(
        "passages",
        "Điều 1",
        covers={("doc", "318/QĐ-TTg")},
        answers={"threshold", "region_level"},
        docs=doc,
        lexical=0.6,
    )
    assert labels(choose(n, [guess, article], [0.95, 0.95]))[0] == "Điều 1"
    # Asked only for a figure, the indicator is the answer.
    figure = need(asks={"threshold"}, atoms={("doc", "318/QĐ-TTg")})
    assert labels(choose(figure, [guess, article], [0.95, 0.95]))[0] == "17.3"


def test_the_words_a_question_quotes_are_covered_where_they_are_held_or_said() -> None:
    phrase = "nong thon moi chi co diem khoi dau"
    n = need(asks={"which"}, atoms={("quoted", phrase)})
    holder = cand("passages", "14 opening", covers={("quoted", phrase)})
    other = cand("passages", "211 opening", lexical=0.6, prior=0.5)
    assert labels(choose(n, [other, holder], [0.9, 0.88]))[0] == "14 opening"
    named = Candidate("criteria", [Draft("Tiêu chí 7 (Nông thôn mới chỉ có điểm khởi đầu)")], label="criterion 7")
    assert score(named, n, 0.9).detail["entity"] == 1.0


def test_an_indicators_figure_is_no_procedure() -> None:
    """ "hồ sơ đề xuất gồm những gì, trình cấp nào phê duyệt": a criterion's figure does not say how to apply."""
    n = need(asks={"list"}, atoms={("level", "xã")}, procedure=True)
    figure = cand("criteria", "318-xa-ntm tiêu chí 6", covers={("level", "xã")}, answers={"list"}, prior=1.0)
    assert choose(n, [figure], [0.9]).scope == "uncovered"
    assert choose(need(asks={"list"}, atoms={("level", "xã")}), [figure], [0.9]).scope == "answer"


def test_the_card_says_no_sum_of_money_unless_the_question_also_asks_which_set() -> None:
    card = cand("applicability", "thẻ áp dụng", covers={("level", "xã"), ("tier", "kiểu mẫu")}, answers={"todo", "set"})
    card.prior = 1.4
    reward = need(asks={"threshold"}, atoms={("level", "xã"), ("tier", "kiểu mẫu")}, money=True)
    assert choose(reward, [card], [0.9]).scope == "uncovered"
    both = need(asks={"set", "threshold"}, atoms={("level", "xã"), ("tier", "kiểu mẫu")}, money=True)
    assert labels(choose(both, [card], [0.9])) == ["thẻ áp dụng"]


def test_a_named_documents_fact_wins_though_its_evidence_reads_unlike_the_question() -> None:
    # The signer's evidence is a signature block: far in meaning from "Ai ký QĐ 319 …", yet it is the answer.
    n = need(asks={"who"}, atoms={("doc", "319/QĐ-TTg")})
    signer = cand(
        "documents", "signer", covers={("doc", "319/QĐ-TTg")}, answers={"who"}, docs={"319/QĐ-TTg"}, prior=1.0
    )
    passage = cand(
        "passages", "preamble", covers={("doc", "319/QĐ-TTg")}, answers={"who"}, docs={"319/QĐ-TTg"}, lexical=0.8
    )
    choice = choose(n, [passage, signer], [0.99, 0.45])
    assert labels(choice)[0] == "signer"


def test_an_indicator_sharing_a_word_or_two_with_a_one_part_question_is_a_guess() -> None:
    from assistant.choose import guessed

    n = need(asks={"threshold"}, atoms={("level", "huyện")})
    weak = cand("criteria", "3.1", covers={("level", "huyện")}, answers={"threshold"}, prior=0.65, lexical=0.2)
    strong = cand("criteria", "5.3", covers={("level", "huyện")}, answers={"threshold"}, prior=0.65, lexical=0.6)
    one = ["Tỷ lệ người dân hài lòng là bao nhiêu?"]
    assert guessed(choose(n, [weak], [None], asked=one), one, n)
    assert not guessed(choose(n, [strong], [None], asked=one), one, n)
    # A two-part question's open part goes to that part's own answerers, not to the passages.
    two = ["… gồm những chỉ tiêu nào", "… nằm ở tiêu chí nào?"]
    assert not guessed(choose(n, [weak], [None], asked=two), two, n)
    # The criterion the question names is no guess, however few of the question's words it shares.
    named = need(asks={"list"}, atoms={("level", "xã"), ("criterion_name", "Y tế")})
    health = cand("criteria", "15", covers={("level", "xã"), ("criterion_name", "Y tế")}, answers={"list"}, lexical=0.2)
    asked = ["Tiêu chí y tế của xã ở Nghệ An năm 2023 gồm những chỉ tiêu nào?"]
    assert not guessed(choose(named, [health], [None], asked=asked), asked, named)


def test_an_indicator_met_or_not_answers_a_share_asked_no_more_surely_than_a_passage() -> None:
    n = need(asks={"threshold"}, atoms={("level", "huyện")}, figure="%")
    met = Candidate(
        "criteria",
        [Draft("Chỉ tiêu 3.1 …:"), Draft("- 3.1. Hệ thống thủy lợi liên xã …: Đạt (chưa xác minh).")],
        label="3.1",
        answers={"threshold"},
    )
    share = Candidate(
        "criteria",
        [Draft("Chỉ tiêu 5.3 …:"), Draft("- 5.3. Tỷ lệ trường THPT đạt chuẩn: ≥ 60%.")],
        label="5.3",
        answers={"threshold"},
    )
    assert score(met, n, None).detail["asks"] == 0.5
    assert score(share, n, None).detail["asks"] == 1.0
    n.figure = None  # "có những chỉ tiêu nào": met or not is an answer
    assert score(met, n, None).detail["asks"] == 1.0


def test_another_units_set_is_no_part_of_the_answer() -> None:
    # "… bộ tiêu chí huyện … thị trấn và sự hài lòng": a town's rule on satisfaction is not the district's.
    n = need(asks={"list"}, atoms={("level", "huyện"), ("doc", "320/QĐ-TTg"), ("criterion_name", "Sự hài lòng")})
    district = cand(
        "criteria",
        "district",
        covers={("level", "huyện"), ("doc", "320/QĐ-TTg")},
        answers={"list"},
        docs={"320/QĐ-TTg"},
    )
    town = cand(
        "criteria",
        "town",
        covers={("level", "thị xã"), ("doc", "320/QĐ-TTg"), ("criterion_name", "Sự hài lòng")},
        docs={"320/QĐ-TTg"},
    )
    assert labels(choose(n, [district, town], [0.9, 0.9])) == ["district"]
    # The district's own criterion of that name is a part.
    own = cand("criteria", "own", covers={("level", "huyện"), ("criterion_name", "Sự hài lòng")}, docs={"320/QĐ-TTg"})
    assert labels(choose(n, [district, own], [0.9, 0.9])) == ["district", "own"]
