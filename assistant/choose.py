"""Choosing the answer: a pure function that scores each candidate by how well it covers the
question (the entities it names, the kind of question, closeness in meaning) and keeps the best,
plus the candidates that answer the parts the best one leaves open."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answerers.base import Candidate
from assistant.asks import Need
from assistant.criterion_names import criterion_key
from assistant.kinds import FACT_KINDS, holds_figure, kinds_of
from corpus.normalize import fold

# How much naming an entity counts: a criterion or article number is what the user wants; the level
# ("xã") is in almost every question.
ATOM_WEIGHT = {
    "doc": 1.5,
    "criterion": 2.0,
    "indicator": 2.5,
    "criterion_name": 1.5,
    "section": 2.0,
    "period": 1.2,
    "group": 1.0,
    "group_name": 2.0,
    "level": 0.3,
    "tier": 0.6,
    "region": 0.3,
    "province": 0.3,
    "quoted": 2.0,  # words the question quotes: where they are written is what it asks
}
# The least closeness in meaning a fact of the named document that answers every kind asked counts for.
FACT_MEANING = 0.8
# Parts of a question that a second candidate may answer.
PART_ATOMS = {"criterion", "indicator", "section", "group_name", "criterion_name"}
# (a document's own facts, and what it contains, amends or reports)
PART_ASKS = FACT_KINDS | {"contents", "amends", "report"}
# Below this the best candidate does not cover the question (calibrated on the dev set).
THRESHOLD = 2.3
# Scored without closeness in meaning, a rule, catalogue or registry answer this sure of itself (and this far
# ahead of the next) is the answer; the question is then not embedded and no passage is retrieved.
CONFIDENT = 4.0
CONFIDENT_MARGIN = 0.5
# Below this share of the question's words, a catalogue criterion is never confident on words alone, unless it is the
# criterion or indicator the question names.
GUESS_LEXICAL = 0.3
_NAMED_CRITERIA = frozenset({"criterion", "criterion_name", "indicator"})
# A part's own best answer stands beside the others only this close to the whole question's best.
PART_MARGIN = 0.5
# The least share of the question's words a set's criterion or text holds to answer a figure asked beside the card.
FIGURE_WORDS = 0.3


@dataclass
class Scored:
    candidate: Candidate
    score: float
    detail: dict[str, float] = field(default_factory=dict)


@dataclass
class Choice:
    """The chosen parts (best first), or none; the scope tells why not."""

    parts: list[Candidate]
    scope: str  # answer | not_in_corpus | uncovered
    ranking: list[Scored] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)  # parts of the question a document's own fact answers


def semantic(sim: float | None) -> float:
    """e5 cosine similarities of related Vietnamese texts sit around 0.8-0.9; spread them to 0-1."""
    if sim is None:
        return 0.0
    return min(1.0, max(0.0, (sim - 0.78) / 0.12))


def score(c: Candidate, need: Need, sim: float | None) -> Scored:
    """How well one candidate covers the question."""
    total = sum(ATOM_WEIGHT.get(a[0], 0.5) for a in need.atoms)
    covers = _covers(c, need)
    quoted = {a for a in need.atoms if a[0] == "quoted"} - covers
    if quoted:
        # A candidate that says the quoted words (a criterion's name) covers them as a passage holding them does.
        said = " ".join(fold(_said(c)).lower().split())
        covers = covers | {a for a in quoted if a[1] in said}
    hit = sum(ATOM_WEIGHT.get(a[0], 0.5) for a in need.atoms if a in covers)
    entity = hit / total if total else 0.5  # a question that names nothing favours no candidate
    answers = c.answers
    if need.counted and c.counts is not None and not any(need.counted.startswith(x) for x in c.counts):
        answers = answers - {"count"}  # it counts criteria; the question counts provinces
    if need.listed and c.counts is not None and not any(need.listed.startswith(x) for x in c.counts):
        answers = answers - {"list"}  # it lists criteria; the question lists the sets a decision issues
    asks = len(need.asks & answers) / len(need.asks) if need.asks else 0.0
    if c.kind == "passages":
        asks *= 0.5  # a passage that holds a date or a name answers "when" or "who" only maybe
    elif (
        need.figure
        and c.kind == "criteria"
        and _met_or_not(c)
        and not any(holds_figure(d.text, need.figure) for d in c.drafts)
    ):
        # "Tỷ lệ … hài lòng là bao nhiêu?": an indicator met as "Đạt" states no share; it answers no more surely than a
        # passage does.
        asks *= 0.5
    named = {a[1] for a in need.atoms if a[0] == "doc"}
    conflict = 0.0
    if named and not (named & c.docs):
        conflict += 1.5
    # A document's facts (its status on a date above all) stay true whatever period the question is about.
    if (
        need.period
        and c.period
        and c.period != need.period
        and ("period", need.period) not in c.covers
        and c.kind not in ("documents", "applicability")  # a status, a card: made for the question's date
        # The document the question names by number is its subject, whatever period its words mention
        # ("342/QĐ-TTg … căn cứ quyết định phê duyệt Chương trình … giai đoạn 2010-2020").
        and not (named & c.docs)
        and c.period not in need.periods  # one of several periods the question compares
    ):
        conflict += 1.0
    # A set of a higher tier than any the question names ("xã" alone is a commune to be recognised NTM): the
    # base set's indicator of the same name is the one asked about.
    if (
        c.kind == "criteria"
        and not any(a[0] == "tier" for a in need.atoms)
        and any(a[0] == "tier" and a[1] in ("nâng cao", "kiểu mẫu") for a in c.covers)
    ):
        conflict += 0.3
    # A commune's set answering a district's question (or the reverse): another unit's criteria.
    if _other_unit(c, need):
        conflict += 0.5
    wanted = {a for a in need.atoms if a[0] in ("criterion", "indicator", "section")}
    if wanted and c.kind in ("criteria", "section") and not (wanted & covers):
        conflict += 0.5
    meaning = semantic(sim)
    if c.kind == "documents" and named & c.docs and asks >= 1.0 and need.asks <= FACT_KINDS:
        # A fact of the document named (its signer, its date) that answers every kind asked: its evidence (a signature
        # block, a front-matter line) reads unlike any question, so its closeness in meaning says little.
        meaning = max(meaning, FACT_MEANING)
    detail = {
        "entity": round(entity, 3),
        "asks": round(asks, 3),
        "semantic": round(meaning, 3),
        "lexical": round(c.lexical, 3),
        "prior": c.prior,
        "conflict": conflict,
    }
    value = 2.0 * entity + 1.6 * asks + 1.5 * meaning + 0.6 * c.lexical + 0.6 * c.prior - conflict
    return Scored(c, round(value, 4), detail)


def _other_unit(c: Candidate, need: Need) -> bool:
    """A commune's set answering a district's question (or the reverse): another unit's criteria."""
    levels = {a[1] for a in need.atoms if a[0] == "level"}
    theirs = {a[1] for a in c.covers if a[0] == "level"}
    return c.kind == "criteria" and bool(levels) and bool(theirs) and not levels & theirs


_MET = re.compile(r":\s*Đạt(?:\s*\(chưa xác minh\))?\.?\s*$")


def _met_or_not(c: Candidate) -> bool:
    """Every indicator the candidate lists is met or not ("8.1. Xã có điểm phục vụ bưu chính: Đạt"), none by a level."""
    listed = [d.text for d in c.drafts if d.text.startswith("- ")]
    return bool(listed) and all(_MET.search(t) for t in listed)


def _covers(c: Candidate, need: Need) -> set:
    """What a candidate covers; an indicator of the annex the question names ("Theo Phụ lục I QĐ 318, tỷ lệ … thấp
    còi") lies within it, so covers it."""
    named = {a for a in need.atoms if a[0] == "section"} - c.covers
    if not named or c.kind != "criteria":
        return c.covers
    return c.covers | {a for a in named if any(f" › {a[1]} ›" in e for e in c.evidence)}


def _text(c: Candidate) -> set[str]:
    return {d.text.lstrip("-0123456789. ") for d in c.drafts}


def choose(
    need: Need,
    candidates: list[Candidate],
    sims: list[float | None],
    unknown: list[str] | None = None,
    threshold: float = THRESHOLD,
    asked: list[str] | None = None,
) -> Choice:
    """The best candidate, then the ones that answer what it leaves open (a two-part question).

    Args:
        need: what the question asks.
        candidates: every answerer's proposals.
        sims: cosine similarity of the question to each candidate's evidence (None when unknown).
        unknown: the question's content words the corpus never uses (the topic it does not cover).
        threshold: the least score that counts as covering the question.
        asked: the parts of the question (kinds.question_parts), when it asks several things.
    """
    ranking = sorted((score(c, need, s) for c, s in zip(candidates, sims, strict=True)), key=lambda x: -x.score)
    if not ranking or ranking[0].score < threshold:
        return Choice([], "uncovered", ranking)
    if unknown and not _named_exactly(ranking[0], need):
        # The question's topic is a word the corpus never uses: whatever scored best is about something else.
        return Choice([], "uncovered", ranking)
    if (
        unknown
        and ranking[0].candidate.kind in ("criteria", "applicability", "passages")
        and (any(" " in u for u in unknown) or len(unknown) >= 3)
    ):
        # A topic no regulation of the corpus holds ("bao nhiêu điểm là đạt", a place's own results, a hamlet's own
        # standard): the criterion the question names is what is scored or counted, not the answer to how, and a
        # commune's card is not a hamlet's. Three words the corpus never uses ("hồ sơ minh chứng … gồm những giấy tờ
        # gì, nộp cho ai") ask about such a topic too, whatever indicator they name.
        return Choice([], "uncovered", ranking)
    if _cannot_say(ranking[0].candidate, need):
        return Choice([], "uncovered", ranking)
    best = ranking[0]
    by_part = _best_per_part(need, ranking, asked or [], threshold)
    parts: list[Candidate] = []
    for _, c in by_part:
        if all(c is not p for p in parts):
            parts.append(c)  # one candidate may answer two parts
    parts = parts or [best.candidate]
    covered = {a for c in parts for a in _covers(c, need)}
    # A passage that holds a date or a name answers "when" or "who" only maybe (see `score`): the document's own fact
    # may still complete it.
    answered = {a for c in parts for a in c.answers if c.kind != "passages" or a not in FACT_KINDS}
    seen = {t for c in parts for t in _text(c)}
    for other in ranking[1:]:
        if len(parts) >= 4 or other.score < threshold:
            break
        c = other.candidate
        if c.kind == "passages" and parts[0].kind == "passages":
            # Details from the next passages, when they are nearly as good.
            if other.score >= best.score - 0.35 and len(parts) < 3 and c.label != best.candidate.label:
                parts.append(c)
            continue
        open_atoms = {a for a in need.atoms if a[0] in PART_ATOMS} - covered
        open_asks = (need.asks & PART_ASKS) - answered
        adds = (
            (_covers(c, need) & open_atoms)
            or (c.answers & open_asks and (c.docs & best.candidate.docs or not c.docs))
            or _same_fact_of_another(best.candidate, c, need, covered)
            or _same_figure_of_another_set(parts, c, need)
        )
        if not adds and _figure_of_the_cards_set(parts[0], other, need, answered):
            parts.append(c)  # a passage too: the set's own text may be where the figure is written
            answered.add("threshold")
            continue
        if not adds or c.kind == "passages" or _text(c) <= seen or c in parts:
            continue
        if _other_unit(c, need) and not _other_unit(best.candidate, need):
            continue  # "thị trấn" of a district's question: a town's set is no part of the district's answer
        parts.append(c)
        covered |= _covers(c, need)
        answered |= c.answers
        seen |= _text(c)
    # A part a document's fact answers (its signer, its date) is answered, whatever words the part also holds.
    facts = [part for part, c in by_part if c.kind == "documents"]
    return Choice(_in_question_order(parts, need), "answer", ranking, answered=facts)


def _best_per_part(
    need: Need, ranking: list[Scored], asked: list[str], threshold: float
) -> list[tuple[str, Candidate]]:
    """ "Ai ký 558 …, và huyện phải có bao nhiêu % trường THPT đạt chuẩn?": parts that ask different kinds of
    question each get the candidate that best answers their own kind (the signer's fact, the indicator), where
    the whole question's best may be a passage that answers each part only half. Each part's own best must be
    nearly as good an answer to the whole question (a unit's card is not the answer to "theo bộ nào" beside
    the set it names). Empty when the question asks one kind of thing, or one candidate is best for all."""
    kinds = [kinds_of(p) & need.asks for p in asked]
    if len(asked) < 2 or not all(kinds) or len({frozenset(k) for k in kinds}) < 2:
        return []
    chosen: list[tuple[str, Candidate]] = []
    for text, part in zip(asked, kinds, strict=True):
        # The score with the part's kinds of question in place of the whole question's (see `score`).
        def for_part(s: Scored, part: set[str] = part) -> float:
            c = s.candidate
            share = len(part & c.answers) / len(part) * (0.5 if c.kind == "passages" else 1.0)
            return s.score - 1.6 * s.detail["asks"] + 1.6 * share

        top = max(ranking, key=for_part)
        if for_part(top) < threshold or top.score < ranking[0].score - PART_MARGIN:
            return []  # a part nothing answers well: the whole question's best and its completions
        chosen.append((text, top.candidate))
    if all(c.kind == "passages" for _, c in chosen):
        return []  # passages only: the whole question's best passages, as ever
    return chosen if len({id(c) for _, c in chosen}) > 1 else []


def confident(choice: Choice) -> bool:
    """The best candidate covers the question well enough, and clearly better than the next, that meaning
    could not change the choice."""
    ranking = choice.ranking
    if not ranking or ranking[0].score < CONFIDENT:
        return False
    best = ranking[0].candidate
    # Facts of the same document (its date, its date in force) do not compete with each other.
    rivals = [
        r for r in ranking[1:] if not (best.kind == r.candidate.kind == "documents" and r.candidate.docs == best.docs)
    ]
    return not rivals or ranking[0].score - rivals[0].score >= CONFIDENT_MARGIN or choice.parts[1:] != []


def guessed(choice: Choice, asked: list[str], need: Need) -> bool:
    """The best candidate is an indicator sharing only a word or two with a one-part question ("người dân hài lòng" →
    "… dân sinh"): a guess the passages, weighed by meaning, may beat, since the criteria catalogue does not hold every
    requirement. `asked`: the question's parts (kinds.question_parts); a part left open of a two-part question goes to
    the answerers of that part. The criterion or indicator the question names ("tiêu chí y tế … ở Nghệ An năm 2023
    gồm những chỉ tiêu nào") is no guess, however many other words the question has."""
    if not choice.ranking or len(asked) > 1:
        return False
    best = choice.ranking[0].candidate
    named = {a for a in need.atoms if a[0] in _NAMED_CRITERIA}
    return best.kind == "criteria" and best.lexical < GUESS_LEXICAL and not named & best.covers


# A sum of money, or an indicator measured in one whose figure the catalogue lacks ("… (triệu đồng/người/năm)");
# not "2.1. Tỷ lệ …", "nội đồng" or "Đồng bằng".
_SUM = re.compile(r"\d[\d.,]*\s*(triệu|tỷ(?! lệ)|nghìn|đồng(?! bào| bằng))(?!\w)|(triệu|nghìn|tỷ) đồng", re.I)
_PROCEDURE_WORDS = re.compile(r"hồ sơ|thủ tục|trình tự|quy trình|cách thức", re.I)


def _cannot_say(c: Candidate, need: Need) -> bool:
    """What the question asks is of a kind the best candidate cannot hold: an amount of money from the criteria
    catalogue (its only sums are incomes, in "triệu đồng"), a procedure from a set's list of criteria."""
    if c.kind == "applicability" and need.money and not need.asks & c.answers:
        return True  # which set applies says no sum of money ("mỗi xã được thưởng bao nhiêu tỷ đồng")
    if c.kind != "criteria":
        return False
    if need.money and not any(_SUM.search(d.text) for d in c.drafts):
        return True
    # An area ("bao nhiêu m2 mỗi học sinh") from criteria that state none: another regulation's figure.
    if need.figure == "area" and not any(holds_figure(d.text, "area") for d in c.drafts):
        return True
    if need.procedure and bool({("topic", "overview"), ("topic", "groups")} & c.covers):
        return True
    # An indicator's figure is no procedure ("hồ sơ đề xuất gồm những gì, trình cấp nào phê duyệt"), unless its own
    # words speak of one.
    return need.procedure and not any(_PROCEDURE_WORDS.search(d.text) for d in c.drafts)


def _named_exactly(best: Scored, need: Need) -> bool:
    """The candidate answers something the question names by number (a criterion, an article, a
    document's fact, a document it is close to in meaning), so words the corpus lacks do not make it
    off-topic."""
    c = best.candidate
    named = {a[1] for a in need.atoms if a[0] == "doc"}
    if named & c.docs and best.detail["semantic"] >= 0.8:
        return True
    # A figure of the document named by number that answers every kind of thing asked ("QĐ 1980, xã ngoại
    # thành Hà Nội: tỷ lệ … tối thiểu bao nhiêu?"): the question is about it, whatever else it says.
    if named & c.docs and c.kind == "criteria" and best.detail["asks"] >= 1.0 and best.detail["semantic"] >= 0.6:
        return True
    exact = {a for a in need.atoms if a[0] in ("criterion", "indicator", "section")}
    if exact & c.covers:
        return True
    if c.kind == "applicability" and (c.prior >= 1.0 or need.criteria_set_asked):
        # A recognised unit asking what it must do, or a unit asking which set it is held to: the card answers,
        # other words ("trước khi tổng kết giai đoạn", "phòng kinh tế") are detail.
        return True
    return c.kind == "documents" and bool(need.asks & c.answers)


def _same_fact_of_another(best: Candidate, c: Candidate, need: Need, covered: set) -> bool:
    """ "691 và 558 đã bị thay bằng những quyết định nào": the same fact of another document the question names,
    unless the two facts are one relation told from both ends (342 amends 491, 491 amended by 342)."""
    if not (best.kind == c.kind == "documents") or not (c.answers & best.answers & need.asks & PART_ASKS):
        return False
    if not ({a for a in need.atoms if a[0] == "doc"} - covered) & c.covers:
        return False
    return not (any(n in _said(c) for n in best.docs) or any(n in _said(best) for n in c.docs))


def _same_figure_of_another_set(parts: list[Candidate], c: Candidate, need: Need) -> bool:
    """ "Theo bộ 2016-2020 thì tối đa bao nhiêu %, sang bộ 2021-2025 thì bao nhiêu %?": the same criterion or
    indicator of another set the question names (by its period or its document)."""
    best = parts[0]
    tier = next((a[1] for a in c.covers if a[0] == "tier"), "NTM")
    other_tier = tier in need.tiers and all(
        tier != next((a[1] for a in p.covers if a[0] == "tier"), "NTM") for p in parts
    )
    # The same indicator told in words may have another number in the other tier's set (14.2 is 5.3 there).
    guessed = other_tier and all(any(a[0] == "indicator_guess" for a in x.covers) for x in (best, c))
    # "TC 11 và TC 12: ở QĐ 1980 tên là gì, sang QĐ 318 thế nào?": each criterion asked, of each set named; the
    # part it is another set's counterpart of may be any part chosen, not only the first.
    key = _figure_key(c.label)
    # "Tiếp cận pháp luật nằm trong tiêu chí số mấy ở bộ 2021-2025? Sang bộ 2026-2030 thì thuộc tiêu chí nào?": the
    # criterion of another set named by the same words, whatever its number there.
    # ("Môi trường và an toàn thực phẩm" and "Môi trường và cảnh quan nông thôn" are both named "môi trường").
    named_as = _names_keys(c)
    same = [
        p for p in parts if p.kind == "criteria" and key and (_figure_key(p.label) == key or named_as & _names_keys(p))
    ]
    if c.kind != "criteria" or not (same or guessed) or not key:
        return False  # another criterion, or another kind of answer (an overview, a group)
    same = same or [best]
    named = {a[1] for a in need.atoms if a[0] == "doc"}
    another = (c.period in need.periods and all(c.period != p.period for p in same)) or bool(
        (c.docs & named) - {d for p in same for d in p.docs}
    )
    # Two tiers' sets of one decision named: the other tier's criterion of the same number (or words).
    return another or other_tier


def _figure_of_the_cards_set(best: Candidate, other: Scored, need: Need, answered: set[str]) -> bool:
    """ "… rà soát theo bộ tiêu chí nào, và tỷ lệ suy dinh dưỡng thấp còi phải dưới mức bao nhiêu?": the card says
    which set; a figure asked beside it is a part of its own, answered by that set's criterion or text when its
    words are close enough to the question's (an indicator guessed from one shared word is not)."""
    c = other.candidate
    return (
        best.kind == "applicability"
        and c.kind in ("criteria", "passages")
        and "threshold" in (need.asks & c.answers) - answered
        and bool(c.docs)
        and c.docs <= best.docs
        and c.period in (None, best.period)
        and other.detail.get("lexical", 0.0) >= FIGURE_WORDS
    )


def _names_keys(c: Candidate) -> set[str]:
    """The words a question names a criterion by, of each criterion name the candidate answers."""
    return {criterion_key(a[1]) for a in c.covers if a[0] == "criterion_name"}


def _figure_key(label: str) -> str:
    """What a catalogue answer is about, whatever its set: "318-xa-ntm tiêu chí 19" → "tiêu chí 19",
    "tổng quan 1980-xa-ntm" → "tổng quan"."""
    return " ".join(w for w in label.split() if not ("-" in w and any(ch.isdigit() for ch in w)))


def _said(c: Candidate) -> str:
    return " ".join(d.text for d in c.drafts)


def _in_question_order(parts: list[Candidate], need: Need) -> list[Candidate]:
    """Parts that each answer one named criterion or section read in the order the question names them."""
    order = [("criterion", str(n)) for n in need.criteria] + [("section", s) for s in need.sections]
    if len(parts) < 2 or not order:
        return parts

    def position(c: Candidate) -> int:
        return min((i for i, atom in enumerate(order) if atom in c.covers), default=len(order))

    if all(position(c) < len(order) for c in parts):
        return sorted(parts, key=position)
    return parts
