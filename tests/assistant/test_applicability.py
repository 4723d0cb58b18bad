"""Applicability rules: items 1-8 of Công văn 14/BCĐCTMTQG, read as of a date.

Every expectation here comes from the dispatch text (corpus/documents/14-BCDCTMTQG-2023.md)
and DESIGN.md ("Time"), not from the resolver's output.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata

import pytest

from assistant.applicability import resolve as resolve_card
from assistant.target_sets import Ref, Resolution
from assistant.years import period_of as calendar_period
from corpus.registry import Corpus

NEXT_PERIOD = dt.date(2026, 2, 15)


def check_next_period(r: Resolution) -> None:
    """From 15/02/2026 the card names the set that applies now (51/2025/QĐ-TTg for communes, none for a
    district, whose level ended on 01/7/2025) and keeps the 2021-2025 answer as `previous`."""
    assert r.as_of >= NEXT_PERIOD and r.period == "2026-2030"
    assert r.case is None and r.in_dispatch is False
    if r.level == "xã":
        assert r.applicable is not None and r.applicable.doc == "51/2025/QĐ-TTg"
    else:
        assert r.applicable is None
    assert r.actions and all(ref.doc == "51/2025/QĐ-TTg" for a in r.actions for ref in a.refs)
    if r.level == "xã":
        assert r.notes == r.previous.notes
    else:
        # Why no district annex (the level ended on 01/7/2025) is said once, beside it, and not again as a note.
        assert "01/7/2025" in " ".join(a.text for a in r.actions)
        assert r.notes == [n for n in r.previous.notes if "01/7/2025" not in n.text]


def resolve(*args, **kwargs) -> Resolution:
    """The 2021-2025 resolution these tables check: from 15/02/2026 it is the card's `previous`, and the
    card itself is checked against the next-period rules first."""
    r = resolve_card(*args, **kwargs)
    if r.previous is None:
        assert r.as_of < NEXT_PERIOD or r.level not in ("xã", "huyện", "thị xã", "thành phố")
        return r
    check_next_period(r)
    return r.previous


D = "14/BCĐCTMTQG"
CLOSING = f"{D} › Phần kết"


def item(n: int) -> str:
    return f"{D} › Mục {n}"


@pytest.fixture(scope="module")
def corpus_paths() -> set[str]:
    return {s.path for _, root in Corpus(None).parsed() for s in root.walk()}


# --- helpers -------------------------------------------------------------------------------


def norm(text: str) -> str:
    """Lower-case NFC text, with the abbreviation NTM spelled out so either wording matches."""
    text = unicodedata.normalize("NFC", text).lower()
    return text.replace("ntm", "nông thôn mới")


def has(text: str, *words: str) -> bool:
    t = norm(text)
    return all(norm(w) in t for w in words)


def all_resolutions(r: Resolution) -> list[Resolution]:
    out = [r]
    for alt in r.alternatives:
        out.extend(all_resolutions(alt))
    return out


def all_refs(r: Resolution) -> list[Ref]:
    return [ref for res in all_resolutions(r) for ref in res.refs()]


def notes_text(r: Resolution) -> str:
    return " ".join(n.text for n in r.notes)


def check_refs(r: Resolution, corpus_paths: set[str]) -> None:
    """Sources exist, every action/duty is sourced, the answer serialises (alternatives included)."""
    for ref in all_refs(r):
        assert ref.path in corpus_paths, f"ref to a section not in the corpus: {ref}"
        assert ref.path == ref.doc or ref.path.startswith(ref.doc + " › "), f"ref doc/path mismatch: {ref}"
    for res in all_resolutions(r):
        for step in (*res.actions, *res.duties):
            assert step.refs, f"unsourced step: {step.text!r}"
    r.to_dict()


def check_in_dispatch_flag(r: Resolution) -> None:
    """in_dispatch=True means a dispatch item is cited (alternatives included)."""
    for res in all_resolutions(r):
        if res.in_dispatch:
            assert res.case is not None, f"in_dispatch=True but no dispatch item cited: {res.status!r}"


def check_invariants(r: Resolution, corpus_paths: set[str]) -> None:
    check_refs(r, corpus_paths)
    check_in_dispatch_flag(r)


# --- the dispatch, as data ----------------------------------------------------------------

LEVELS = ("xã", "huyện")
TIERS = ("NTM", "nâng cao", "kiểu mẫu")

RECOGNITIONS = (
    [("year", y) for y in (2012, 2015, 2016, 2017, 2019, 2020, 2022, 2024)]
    + [("period", p) for p in ("2010-2015", "2016-2020", "2018-2020", "2021-2025")]
    + [
        ("named", n)
        for n in (
            "491/QĐ-TTg",
            "342/QĐ-TTg",
            "1980/QĐ-TTg",
            "558/QĐ-TTg",
            "1345/BNN-VPĐP",
            "691/QĐ-TTg",
            "318/QĐ-TTg",
            "319/QĐ-TTg",
            "320/QĐ-TTg",
        )
    ]
)

COMMON_DATES = (
    dt.date(2023, 6, 1),
    dt.date(2024, 12, 31),
    dt.date(2026, 1, 10),
    dt.date(2026, 11, 24),
    dt.date(2019, 5, 1),
)
DISTRICT_ONLY_DATE = dt.date(2025, 8, 1)

# Which (level, tier) a named set can have recognised, and in which period.
# 342 amended 491 (the national NTM criteria used for communes and, item 4, districts).
NAMED = {
    "491/QĐ-TTg": ({("xã", "NTM"), ("huyện", "NTM")}, "2010-2015"),
    "342/QĐ-TTg": ({("xã", "NTM"), ("huyện", "NTM")}, "2010-2015"),
    "1980/QĐ-TTg": ({("xã", "NTM")}, "2016-2020"),
    "558/QĐ-TTg": ({("huyện", "NTM")}, "2016-2020"),
    "1345/BNN-VPĐP": ({("xã", "nâng cao")}, "2018-2020"),
    "691/QĐ-TTg": ({("xã", "kiểu mẫu")}, "2018-2020"),
    "318/QĐ-TTg": ({("xã", "NTM"), ("xã", "nâng cao")}, "2021-2025"),
    "319/QĐ-TTg": ({("xã", "kiểu mẫu")}, "2021-2025"),
    "320/QĐ-TTg": ({("huyện", "NTM"), ("huyện", "nâng cao")}, "2021-2025"),
}

# The sets each dispatch item names as the basis of the earlier recognition.
ITEM_BASIS = {
    1: {"491/QĐ-TTg", "342/QĐ-TTg", "1980/QĐ-TTg"},
    2: {"1345/BNN-VPĐP"},
    3: {"691/QĐ-TTg"},
    4: {"491/QĐ-TTg", "342/QĐ-TTg", "558/QĐ-TTg"},
    5: {"320/QĐ-TTg"},
}

ITEM_OF = {
    ("xã", "NTM", "2010-2015"): 1,
    ("xã", "NTM", "2016-2020"): 1,
    ("xã", "nâng cao", "2018-2020"): 2,
    ("xã", "kiểu mẫu", "2018-2020"): 3,
    ("huyện", "NTM", "2010-2015"): 4,
    ("huyện", "NTM", "2016-2020"): 4,
    ("huyện", "nâng cao", "2021-2025"): 5,
}

REVIEW = ("rà soát", "đáp ứng đầy đủ")
MAINTAIN = ("duy trì", "nâng cao chất lượng")

# item -> (applicable doc, applicable section, actions in order as keyword groups,
#          the section the next-tier action must also cite, if the dispatch names the set)
ITEMS = {
    1: (
        "318/QĐ-TTg",
        "318/QĐ-TTg › Phụ lục I",
        [REVIEW, MAINTAIN, ("nông thôn mới nâng cao",)],
        "318/QĐ-TTg › Phụ lục II",
    ),
    2: ("318/QĐ-TTg", "318/QĐ-TTg › Phụ lục II", [REVIEW, MAINTAIN, ("kiểu mẫu", "thông minh")], None),
    3: ("319/QĐ-TTg", "319/QĐ-TTg › Điều 1", [REVIEW, ("duy trì", "nổi trội"), ("thông minh",)], None),
    4: ("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục I", [REVIEW, MAINTAIN, ("huyện", "nâng cao")], "320/QĐ-TTg › Phụ lục III"),
    5: ("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục III", [MAINTAIN, ("huyện", "kiểu mẫu")], None),
}

# Units recognised under the 2021-2025 sets themselves: no item of their own, the set applies.
CURRENT_SET = {
    ("xã", "NTM"): ("318/QĐ-TTg", "318/QĐ-TTg › Phụ lục I"),
    ("xã", "nâng cao"): ("318/QĐ-TTg", "318/QĐ-TTg › Phụ lục II"),
    ("xã", "kiểu mẫu"): ("319/QĐ-TTg", "319/QĐ-TTg › Điều 1"),
    ("huyện", "NTM"): ("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục I"),
}

# The set in force on 01/5/2019, by (level, tier); None: no national set for that tier then.
IN_FORCE_2019 = {
    ("xã", "NTM"): "1980/QĐ-TTg",
    ("xã", "nâng cao"): "1345/BNN-VPĐP",
    ("xã", "kiểu mẫu"): "691/QĐ-TTg",
    ("huyện", "NTM"): "558/QĐ-TTg",
    ("huyện", "nâng cao"): None,
    ("huyện", "kiểu mẫu"): None,
}


def period_of(level: str, tier: str, rec: tuple[str, object]) -> str:
    """The recognition period the dispatch would place this unit in ("conflict" if the facts clash)."""
    kind, value = rec
    if kind == "year":
        y = int(value)
        if y <= 2015:
            return "2010-2015"
        if y <= 2020:
            if tier == "NTM":
                return "2016-2020"
            # advanced / model NTM communes were first recognised nationally from 2018 (1345, 691)
            return "2018-2020" if y >= 2018 else "2016-2017"
        return "2021-2025"
    if kind == "period":
        if value == "2018-2020" and tier == "NTM":
            return "2016-2020"
        if value == "2016-2020" and tier != "NTM":
            return "2018-2020"
        return str(value)
    allowed, period = NAMED[str(value)]
    return period if (level, tier) in allowed else "conflict"


def kwargs_of(rec: tuple[str, object]) -> dict:
    kind, value = rec
    return {
        "year": {"recognition_year": value},
        "period": {"recognition_period": value},
        "named": {"named_set": value},
    }[kind]


def rec_id(rec: tuple[str, object]) -> str:
    return f"{rec[0]}={rec[1]}"


MATRIX = [
    (level, tier, rec, as_of)
    for level, tier, rec in itertools.product(LEVELS, TIERS, RECOGNITIONS)
    for as_of in COMMON_DATES + ((DISTRICT_ONLY_DATE,) if level == "huyện" else ())
]


def _id(case) -> str:
    level, tier, rec, as_of = case
    return f"{level}-{tier}-{rec_id(rec)}-{as_of.isoformat()}"


# --- checks ---------------------------------------------------------------------------------


def check_dispatch_item(r: Resolution, n: int) -> None:
    doc, section, actions, next_ref = ITEMS[n]
    assert r.in_dispatch is True
    assert r.case is not None and r.case.path == item(n)
    assert r.period == "2021-2025"
    assert r.applicable is not None
    assert r.applicable.doc == doc
    assert r.applicable.ref.path == section
    assert len(r.actions) == len(actions), [a.text for a in r.actions]
    for step, words in zip(r.actions, actions, strict=True):
        assert has(step.text, *words), f"expected {words} in {step.text!r}"
        assert item(n) in [ref.path for ref in step.refs], f"action not sourced to {item(n)}: {step.text!r}"
    if actions[0] is REVIEW:
        assert section in [ref.path for ref in r.actions[0].refs]
    if next_ref:
        assert next_ref in [ref.path for ref in r.actions[-1].refs]
    check_duties(r)


def check_duties(r: Resolution) -> None:
    assert [d.refs[0].path for d in r.duties] == [item(6), item(7), item(8), CLOSING]
    budget, roadmap, supervision, report = r.duties
    assert has(budget.text, "ngân sách")
    assert has(roadmap.text, "lộ trình", "từng năm")
    assert has(supervision.text, "kiểm tra", "giám sát", "cộng đồng")
    assert has(report.text, "06 tháng", "hằng năm", "báo cáo")


def check_time_notes(r: Resolution, level: str, as_of: dt.date) -> None:
    text = norm(notes_text(r))
    if as_of < dt.date(2025, 12, 29):
        assert "giai đoạn trước" not in text
        assert "51/2025" not in text, "51/2025/QĐ-TTg was not issued yet"
    elif as_of < dt.date(2026, 2, 15):
        # Issued on 29/12/2025, in force from 15/02/2026: said, and the 2021-2025 period ended only after 31/12.
        assert "51/2025/qđ-ttg" in text
        assert ("kết thúc" in text) == (as_of > dt.date(2025, 12, 31))
        assert "15/02/2026" in text
        assert "đang có hiệu lực" not in text
    else:
        assert "51/2025/qđ-ttg" in text
        assert "giai đoạn trước" in text and "2021-2025" in text
        new_notes = [n for n in r.notes if "51/2025" in n.text]
        assert any(ref.doc == "51/2025/QĐ-TTg" for n in new_notes for ref in n.refs)
    district_note = "01/7/2025" in text
    assert district_note == (level == "huyện" and as_of >= dt.date(2025, 7, 1))
    if district_note:
        assert "cấp huyện" in text


def test_a_set_issued_not_yet_in_force_is_said_with_its_date() -> None:
    # 30/12/2025: 51/2025/QĐ-TTg was signed the day before; the 2021-2025 set still applies until 15/02/2026.
    r = resolve("xã", "NTM", as_of=dt.date(2025, 12, 30), recognition_year=2018)
    assert r.applicable is not None and r.applicable.doc == "318/QĐ-TTg"
    check_time_notes(r, "xã", dt.date(2025, 12, 30))
    before = resolve("xã", "NTM", as_of=dt.date(2025, 12, 28), recognition_year=2018)
    check_time_notes(before, "xã", dt.date(2025, 12, 28))


# --- the full matrix ------------------------------------------------------------------------


@pytest.mark.parametrize("case", MATRIX, ids=_id)
def test_matrix(case, corpus_paths) -> None:
    level, tier, rec, as_of = case
    r = resolve(level, tier, as_of=as_of, **kwargs_of(rec))
    check_invariants(r, corpus_paths)
    assert r.as_of == as_of

    if as_of < dt.date(2022, 3, 8):
        # Before the 2021-2025 sets (and the dispatch): the set in force then.
        assert r.in_dispatch is False
        assert r.case is None
        expected = IN_FORCE_2019[(level, tier)]
        if expected is None:
            assert r.applicable is None and r.status
        else:
            assert r.applicable is not None and r.applicable.doc == expected
        return

    check_time_notes(r, level, as_of)
    period = period_of(level, tier, rec)
    n = ITEM_OF.get((level, tier, period))
    if n is not None:
        check_dispatch_item(r, n)
        return
    # Outside the dispatch: no item cited, an applicable set or a clear, sourced statement.
    assert not r.missing or r.ask
    if r.case is not None and r.case.path in {item(i) for i in ITEM_BASIS}:
        cited = int(r.case.path.rsplit(" ", 1)[1])
        named = rec[1] if rec[0] == "named" else None
        assert named in ITEM_BASIS[cited], f"cites {r.case.path} for {level} {tier} {rec_id(rec)} ({period})"
    assert r.in_dispatch is False, f"{level} {tier} {rec_id(rec)} ({period}) is not a dispatch case"
    assert r.status
    assert r.applicable is not None or r.actions
    if period == "2021-2025" and (level, tier) in CURRENT_SET:
        doc, section = CURRENT_SET[(level, tier)]
        assert r.applicable is not None
        assert (r.applicable.doc, r.applicable.ref.path) == (doc, section)


# --- time ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2025, 12, 28), "period"),
        (dt.date(2025, 12, 31), "issued"),  # 51/2025/QĐ-TTg signed on 29/12/2025, the period not yet over
        (dt.date(2026, 1, 1), "ended"),
        (dt.date(2026, 2, 14), "ended"),
        (dt.date(2026, 2, 15), "in_force"),
        (dt.date(2030, 6, 1), "in_force"),
    ],
)
def test_period_boundaries(as_of, expected, corpus_paths) -> None:
    r = resolve("xã", "NTM", recognition_year=2016, as_of=as_of)
    check_invariants(r, corpus_paths)
    check_dispatch_item(r, 1)  # a question about the 2021-2025 rules still gets their answer
    text = norm(notes_text(r))
    if expected == "period":
        assert "51/2025" not in text and "giai đoạn trước" not in text
    elif expected == "issued":
        assert "51/2025/qđ-ttg" in text and "15/02/2026" in text and "kết thúc" not in text
        assert "giai đoạn trước" not in text and "đang có hiệu lực" not in text
    elif expected == "ended":
        assert "kết thúc" in text and "15/02/2026" in text and "51/2025/qđ-ttg" in text
        assert "giai đoạn trước" not in text and "đang có hiệu lực" not in text
    else:
        assert "51/2025/qđ-ttg" in text and "giai đoạn trước" in text


@pytest.mark.parametrize(
    ("level", "as_of", "district_note"),
    [
        ("huyện", dt.date(2025, 6, 30), False),
        ("huyện", dt.date(2025, 7, 1), True),
        ("huyện", dt.date(2026, 3, 1), True),
        ("xã", dt.date(2025, 7, 1), False),
        ("xã", dt.date(2026, 3, 1), False),
    ],
)
def test_district_level_ended_on_1_july_2025(level, as_of, district_note, corpus_paths) -> None:
    tier_rec = {"recognition_year": 2019}
    r = resolve(level, "NTM", as_of=as_of, **tier_rec)
    check_invariants(r, corpus_paths)
    check_dispatch_item(r, 4 if level == "huyện" else 1)
    text = norm(notes_text(r))
    assert ("01/7/2025" in text) == district_note
    if district_note:
        assert "cấp huyện" in text


@pytest.mark.parametrize(
    ("level", "tier", "as_of", "doc"),
    [
        ("xã", "NTM", dt.date(2011, 1, 1), "491/QĐ-TTg"),
        ("xã", "NTM", dt.date(2013, 6, 1), "491/QĐ-TTg"),  # 491 as amended by 342 (20/02/2013)
        ("xã", "NTM", dt.date(2014, 6, 1), "491/QĐ-TTg"),
        ("xã", "NTM", dt.date(2016, 11, 30), "491/QĐ-TTg"),  # 1980 in force from 01/12/2016 (Điều 3)
        ("xã", "NTM", dt.date(2016, 12, 1), "1980/QĐ-TTg"),
        ("xã", "NTM", dt.date(2019, 5, 1), "1980/QĐ-TTg"),
        ("xã", "nâng cao", dt.date(2019, 5, 1), "1345/BNN-VPĐP"),
        ("xã", "kiểu mẫu", dt.date(2019, 5, 1), "691/QĐ-TTg"),
        ("huyện", "NTM", dt.date(2019, 5, 1), "558/QĐ-TTg"),
        ("huyện", "NTM", dt.date(2014, 6, 1), "491/QĐ-TTg"),  # item 4: districts of 2010-2015 under 491
    ],
)
def test_pre_2022_dates_get_the_set_in_force_then(level, tier, as_of, doc, corpus_paths) -> None:
    r = resolve(level, tier, as_of=as_of)
    check_invariants(r, corpus_paths)
    assert r.as_of == as_of
    assert r.in_dispatch is False and r.case is None
    assert r.applicable is not None, r.status
    assert r.applicable.doc == doc
    assert r.applicable.ref.path.startswith(doc + " › ")
    assert r.period != "2021-2025"


# --- missing facts --------------------------------------------------------------------------

AS_OF = dt.date(2024, 12, 31)


def is_vietnamese_question(text: str | None) -> bool:
    return bool(text) and "?" in text and any(ch in text for ch in "ăâđêôơưàáạảãằắặẳẵầấậẩẫ")


@pytest.mark.parametrize(
    ("level", "tier", "kwargs", "missing", "ask_words"),
    [
        (None, "NTM", {"recognition_year": 2016}, "level", ("xã", "huyện")),
        (None, "nâng cao", {"recognition_year": 2019}, "level", ("xã", "huyện")),
        (None, None, {}, "level", ("xã", "huyện")),
        ("xã", None, {"recognition_year": 2016}, "tier", ("nâng cao", "kiểu mẫu")),
        ("huyện", None, {"recognition_year": 2016}, "tier", ("nâng cao",)),
        ("xã", "nâng cao", {}, "recognition", ("năm",)),
        ("xã", "kiểu mẫu", {}, "recognition", ("năm",)),
    ],
)
def test_missing_fact_is_asked_for(level, tier, kwargs, missing, ask_words, corpus_paths) -> None:
    r = resolve(level, tier, as_of=AS_OF, **kwargs)
    check_refs(r, corpus_paths)
    assert missing in r.missing
    assert is_vietnamese_question(r.ask), r.ask
    assert has(r.ask, *ask_words)


@pytest.mark.parametrize(
    ("tier", "earlier_item"),
    [("nâng cao", 2), ("kiểu mẫu", 3)],
)
def test_no_year_for_advanced_or_model_commune_lays_cases_side_by_side(tier, earlier_item, corpus_paths) -> None:
    r = resolve("xã", tier, as_of=AS_OF)
    check_refs(r, corpus_paths)
    assert r.missing == ["recognition"]
    assert len(r.alternatives) >= 2
    assert len({a.recognition for a in r.alternatives}) == len(r.alternatives)
    cited = [a for a in r.alternatives if a.case and a.case.path == item(earlier_item)]
    assert len(cited) == 1
    check_dispatch_item(cited[0], earlier_item)
    assert "2021-2025" in {a.recognition for a in r.alternatives}


@pytest.mark.parametrize(
    ("level", "item_n", "doc", "section"),
    [
        ("xã", 1, "318/QĐ-TTg", "318/QĐ-TTg › Phụ lục I"),
        ("huyện", 4, "320/QĐ-TTg", "320/QĐ-TTg › Phụ lục I"),
    ],
)
def test_no_year_for_ntm_still_names_the_set_both_earlier_periods_lead_to(
    level, item_n, doc, section, corpus_paths
) -> None:
    r = resolve(level, "NTM", as_of=AS_OF)
    check_refs(r, corpus_paths)
    assert r.missing == ["recognition"]
    assert is_vietnamese_question(r.ask)
    assert r.applicable is not None
    assert (r.applicable.doc, r.applicable.ref.path) == (doc, section)
    recognitions = {a.recognition for a in r.alternatives}
    assert {"2010-2015", "2016-2020"} <= recognitions, recognitions
    for alt in r.alternatives:
        if alt.recognition in ("2010-2015", "2016-2020"):
            check_dispatch_item(alt, item_n)


@pytest.mark.parametrize(
    ("named", "item_n"),
    [
        ("342/QĐ-TTg", 1),
        ("1980/QĐ-TTg", 1),
        ("1345/BNN-VPĐP", 2),
        ("691/QĐ-TTg", 3),
        ("558/QĐ-TTg", 4),
    ],
)
def test_named_set_alone_places_the_unit(named, item_n, corpus_paths) -> None:
    r = resolve(None, None, named_set=named, as_of=AS_OF)
    check_invariants(r, corpus_paths)
    check_dispatch_item(r, item_n)


def test_491_alone_does_not_say_whether_commune_or_district(corpus_paths) -> None:
    # Items 1 and 4 both name 491/QĐ-TTg: communes and districts of 2010-2015.
    r = resolve(None, None, named_set="491/QĐ-TTg", as_of=AS_OF)
    check_refs(r, corpus_paths)
    assert "level" in r.missing
    assert is_vietnamese_question(r.ask)


@pytest.mark.parametrize(("named", "level"), [("318/QĐ-TTg", "xã"), ("320/QĐ-TTg", "huyện")])
def test_set_with_two_tiers_alone_does_not_guess_the_tier(named, level, corpus_paths) -> None:
    # 318 holds the commune NTM and advanced-NTM sets; 320 the district NTM and advanced sets.
    r = resolve(None, None, named_set=named, as_of=AS_OF)
    check_refs(r, corpus_paths)
    tiers = {a.tier for a in r.alternatives}
    assert "tier" in r.missing or {"NTM", "nâng cao"} <= tiers, (r.tier, r.missing, tiers)


@pytest.mark.parametrize(
    ("level", "tier", "kwargs"),
    [
        (None, "NTM", {"recognition_year": 2016}),
        (None, None, {}),
        ("xã", None, {"recognition_year": 2016}),
        ("huyện", None, {"recognition_year": 2016}),
        ("xã", "nâng cao", {}),
        ("xã", "NTM", {}),
    ],
)
def test_question_back_is_not_marked_as_a_dispatch_case(level, tier, kwargs) -> None:
    r = resolve(level, tier, as_of=AS_OF, **kwargs)
    assert r.missing
    check_in_dispatch_flag(r)


# --- outside the dispatch -----------------------------------------------------------------


@pytest.mark.parametrize("as_of", [dt.date(2023, 6, 1), dt.date(2024, 12, 31), dt.date(2026, 11, 24)])
@pytest.mark.parametrize(
    ("level", "tier", "doc", "section"),
    [
        ("xã", None, "318/QĐ-TTg", "318/QĐ-TTg › Phụ lục I"),
        ("xã", "NTM", "318/QĐ-TTg", "318/QĐ-TTg › Phụ lục I"),
        ("huyện", None, "320/QĐ-TTg", "320/QĐ-TTg › Phụ lục I"),
    ],
)
def test_not_yet_recognised(level, tier, doc, section, as_of, corpus_paths) -> None:
    r = resolve(level, tier, not_recognised=True, as_of=as_of)
    check_invariants(r, corpus_paths)
    assert r.in_dispatch is False
    assert not r.missing
    assert r.applicable is not None
    assert (r.applicable.doc, r.applicable.ref.path) == (doc, section)
    assert r.actions
    check_time_notes(r, level, as_of)


@pytest.mark.parametrize("as_of", [dt.date(2024, 12, 31), dt.date(2026, 11, 24)])
@pytest.mark.parametrize("level", ["thị xã", "thành phố"])
def test_town_or_city(level, as_of, corpus_paths) -> None:
    r = resolve(level, None, as_of=as_of)
    check_invariants(r, corpus_paths)
    assert r.in_dispatch is False
    assert r.applicable is not None
    assert (r.applicable.doc, r.applicable.ref.path) == ("320/QĐ-TTg", "320/QĐ-TTg › Phụ lục II")
    assert r.actions


@pytest.mark.parametrize("as_of", [dt.date(2024, 12, 31), dt.date(2026, 11, 24)])
def test_smart_ntm_cites_items_2_and_3(as_of, corpus_paths) -> None:
    r = resolve("xã", "thông minh", as_of=as_of)
    check_invariants(r, corpus_paths)
    assert r.in_dispatch is True
    paths = {ref.path for ref in r.refs()}
    assert {item(2), item(3)} <= paths
    assert r.applicable is not None or (r.actions and has(r.actions[0].text, "thông minh", "UBND cấp tỉnh"))


@pytest.mark.parametrize(
    ("level", "tier", "year"),
    [("huyện", "kiểu mẫu", 2024), ("xã", "nâng cao", 2014), ("huyện", "nâng cao", 2019)],
)
def test_no_national_case_gives_a_statement_not_an_error(level, tier, year, corpus_paths) -> None:
    r = resolve(level, tier, recognition_year=year, as_of=AS_OF)
    check_invariants(r, corpus_paths)
    assert r.in_dispatch is False
    assert r.case is None or r.case.path not in {item(i) for i in range(1, 6)}
    assert r.status and (r.applicable is not None or r.actions)


def test_a_thi_xa_recognised_under_558_is_a_district_level_unit_that_ended_in_2025() -> None:
    # 558/QĐ-TTg also issued the rules for a thị xã completing the programme: no conflict with the level.
    r = resolve_card("thị xã", "NTM", recognition_year=2020, named_set="558/QĐ-TTg", as_of=dt.date(2026, 11, 24))
    assert "không phải bộ tiêu chí" not in r.status
    assert any(n.text.startswith("Từ ngày 01/7/2025") for n in r.previous.notes)
    assert any("01/7/2025" in a.text for a in r.actions)  # today's card says it beside "no district annex"
    # Before the reform, no such note.
    before = resolve_card("thị xã", "NTM", recognition_year=2020, named_set="558/QĐ-TTg", as_of=dt.date(2024, 5, 1))
    assert not any(n.text.startswith("Từ ngày 01/7/2025") for n in before.notes)
    # 558 named alone still means a district.
    assert resolve_card(None, None, named_set="558/QĐ-TTg", as_of=dt.date(2024, 5, 1)).level == "huyện"


@pytest.mark.parametrize(
    ("level", "tier", "year", "named", "not_recognised", "applies", "case"),
    [
        # A district striving in 2024 whose office scores it by the commune set.
        ("huyện", "NTM", None, "318/QĐ-TTg", True, "320/QĐ-TTg", None),
        # A model commune recognised in 2019 whose decision cites the advanced-commune guidance.
        ("xã", "kiểu mẫu", 2019, "1345/BNN-VPĐP", False, "319/QĐ-TTg", "14/BCĐCTMTQG › Mục 3"),
    ],
)
def test_a_named_set_that_does_not_fit_the_unit_is_said_and_the_unit_answered(
    level, tier, year, named, not_recognised, applies, case
) -> None:
    r = resolve_card(
        level,
        tier,
        recognition_year=year,
        named_set=named,
        as_of=dt.date(2024, 5, 1),
        not_recognised=not_recognised,
    )
    assert r.applicable is not None and r.applicable.doc == applies
    assert (r.case.path if r.case else None) == case
    said = [n.text for n in r.notes if named in n.text]
    assert said and "không phải bộ tiêu chí" in said[0]


def test_a_named_set_that_does_not_fit_an_untold_unit_asks_for_it() -> None:
    # Nothing but the set: the card cannot answer without guessing, so it says what does not fit and asks.
    r = resolve_card("huyện", None, named_set="318/QĐ-TTg", as_of=dt.date(2024, 5, 1))
    assert r.applicable is None and "không phải bộ tiêu chí dành cho huyện" in r.status


def test_a_tier_only_one_period_could_have_recognised_needs_no_year() -> None:
    # An advanced district was first recognised nationally under 320 (2021-2025): the year changes nothing.
    r = resolve("huyện", "nâng cao", as_of=dt.date(2025, 6, 1))
    assert r.missing == [] and r.case == Ref("14/BCĐCTMTQG", "14/BCĐCTMTQG › Mục 5")
    assert r.applicable is not None and r.applicable.ref.path == "320/QĐ-TTg › Phụ lục III"
    # An advanced commune could have been recognised in 2018-2020 or 2021-2025: the year is asked.
    c = resolve("xã", "nâng cao", as_of=dt.date(2025, 6, 1))
    assert c.missing == ["recognition"] and c.ask


def test_an_advanced_tier_before_2018_under_a_named_ntm_set_is_that_sets_recognition() -> None:
    # No national advanced set existed in 2012; the set named (491) and the year agree: an NTM commune of 2010-2015.
    r = resolve("xã", "nâng cao", recognition_year=2012, named_set="491/QĐ-TTg", as_of=dt.date(2024, 6, 1))
    assert r.case == Ref("14/BCĐCTMTQG", "14/BCĐCTMTQG › Mục 1") and r.missing == []
    assert r.notes and r.notes[0].text.startswith("Lưu ý: trước năm 2018 chưa có bộ tiêu chí quốc gia về xã")
    # In 2019 an advanced set existed: the tier and year are kept, and the set named is said not to fit.
    s = resolve("xã", "nâng cao", recognition_year=2019, named_set="491/QĐ-TTg", as_of=dt.date(2024, 6, 1))
    assert s.case == Ref("14/BCĐCTMTQG", "14/BCĐCTMTQG › Mục 2")
    assert "491/QĐ-TTg không phải bộ tiêu chí nông thôn mới nâng cao" in s.notes[0].text


@pytest.mark.parametrize("tier", ["nâng cao", "kiểu mẫu", "NTM"])
def test_from_2026_an_advanced_or_model_commune_is_told_the_new_set_has_no_such_tier(tier: str) -> None:
    r = resolve_card("xã", tier, recognition_year=2023, as_of=dt.date(2026, 11, 24))
    said = " ".join(a.text for a in r.actions)
    if tier == "NTM":
        assert "hiện đại" not in said  # a commune recognised NTM asks nothing of higher tiers
    else:
        assert f"không có bộ tiêu chí xã nông thôn mới {tier} riêng" in said and "xã nông thôn mới hiện đại" in said


def test_a_year_read_as_its_last_day_also_tells_the_set_in_force_earlier_that_year(corpus_paths) -> None:
    # 1980 came into force on 01/12/2016: a commune recognised "năm 2016" was most likely scored under 491.
    r = resolve("xã", "NTM", as_of=dt.date(2016, 12, 31))
    check_invariants(r, corpus_paths)
    assert r.applicable is not None and r.applicable.doc == "1980/QĐ-TTg"
    earlier = [a for a in r.actions if a.text.startswith("Trong năm 2016, trước ngày 01/12/2016")]
    assert len(earlier) == 1 and "491/QĐ-TTg" in earlier[0].text
    # A date inside the year is that date: no other set is said; nor for a year with no change.
    assert not any("Trong năm" in a.text for a in resolve("xã", "NTM", as_of=dt.date(2016, 12, 15)).actions)
    assert not any("Trong năm" in a.text for a in resolve("xã", "NTM", as_of=dt.date(2019, 12, 31)).actions)


@pytest.mark.parametrize(
    ("level", "tier", "year", "named", "n"),
    [
        ("xã", "NTM", 2021, "1980/QĐ-TTg", 1),  # 1980 stayed in force until 08/03/2022
        ("huyện", "NTM", 2021, "558/QĐ-TTg", 4),
        ("xã", "kiểu mẫu", 2022, "691/QĐ-TTg", 3),
    ],
)
def test_a_recognition_under_a_set_still_in_force_after_its_period_is_that_sets_case(
    level, tier, year, named, n, corpus_paths
) -> None:
    r = resolve(
        level,
        tier,
        recognition_year=year,
        recognition_period=calendar_period(year),
        named_set=named,
        as_of=dt.date(2023, 6, 1),
    )
    check_invariants(r, corpus_paths)
    assert r.case is not None and r.case.path == item(n), r.status


def test_a_date_before_2021_2025_needs_no_level_when_every_levels_set_was_the_same() -> None:
    # 491 was the only national set in 2014, for communes and districts alike: nothing to ask.
    r = resolve_card(None, "NTM", as_of=dt.date(2014, 12, 31))
    assert r.missing == [] and r.applicable.doc == "491/QĐ-TTg"
    # Only communes had an advanced set in 2019.
    assert resolve_card(None, "nâng cao", as_of=dt.date(2019, 6, 30)).applicable.doc == "1345/BNN-VPĐP"
    # In 2018 communes had 1980 and districts 558: the level is asked, with each level's set of that date.
    r = resolve_card(None, "NTM", as_of=dt.date(2018, 12, 31))
    assert r.missing == ["level"] and r.applicable is None
    assert [alt.applicable.doc for alt in r.alternatives] == ["1980/QĐ-TTg", "558/QĐ-TTg"]
