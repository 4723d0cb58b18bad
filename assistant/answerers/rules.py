"""The applicability rule card (14/BCĐCTMTQG items 1-5, time-aware) and the shared duties (items 6-8)."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source, document_name, opening, sources
from assistant.dispatch import districts_note
from assistant.kinds import CASES_ASKED
from assistant.quote import weight
from assistant.rx import rx
from assistant.target_sets import (
    DISPATCH,
    DISTRICTS_END,
    NEW_SET_PARTS,
    NO_DISTRICT_PART,
    PERIOD_END,
    SETS,
    Resolution,
    duties,
)
from assistant.years import NOW_WORDS, period_of
from corpus.normalize import syllables


def _is_period_note(text: str) -> bool:
    return "giai đoạn trước" in text or "đã kết thúc" in text


def card_drafts(r: Resolution, dispatch_named: bool = False, listed: bool = False) -> list[Draft]:
    """Period note first (one line); then what applies; then (past 2025) the 2021-2025 answer as context. A question
    that names the dispatch ("Công văn 14 yêu cầu các xã làm gì?") asks what it says: its 2021-2025 answer comes
    before what applies today."""
    notes = [n for n in r.notes if _is_period_note(n.text)]
    out = [Draft(n.text, sources(n.refs, n.text)) for n in notes[:1]]
    if r.previous is not None:
        today: list[Draft] = []
        if r.applicable is not None:
            head = f"Bộ tiêu chí áp dụng hiện nay: {r.applicable.title}."
            today.append(Draft(head, sources([r.applicable.ref], head)))
        for step in r.actions:
            today.append(Draft(step.text, sources(step.refs, step.text)))
        then = _body(r.previous, past=True, listed=listed)
        out.extend(then + today if dispatch_named else today + then)
    else:
        out.extend(_body(r, past=r.as_of > PERIOD_END, listed=listed))
    for note in r.notes:
        if not _is_period_note(note.text):
            out.append(Draft(note.text, sources(note.refs, note.text)))
    return out


def _body(r: Resolution, past: bool, listed: bool = False) -> list[Draft]:
    """The card's own lines; `listed`: the question asks what the dispatch says, so its cases are the answer and
    no status of the unit is asked for."""
    out: list[Draft] = []
    prefix = "Theo quy định giai đoạn 2021-2025 (nay là giai đoạn trước), " if past else ""
    if r.applicable is None and r.alternatives:
        if not listed:
            out.append(Draft(f"Cần thêm thông tin để trả lời chính xác: {r.ask}"))
        # Each level's or tier's set on a date before 2021-2025 (applicability._ask_then) is no case of the dispatch.
        each = "theo từng hạng" if r.missing == ["tier"] else "theo từng cấp"
        cases = each if r.period.startswith("trước") else "theo Công văn 14/BCĐCTMTQG"
        lead = f"{prefix}các trường hợp {cases}:"
        out.append(Draft(lead[0].upper() + lead[1:]))  # not str.capitalize(): it lower-cases "14/BCĐCTMTQG"
        for alt in r.alternatives:
            text = f"- {alt.status}: áp dụng {alt.applicable.title}."
            out.append(Draft(text, sources([x for x in (alt.case, alt.applicable.ref) if x], text)))
        return out
    if r.applicable is None:
        for step in r.actions:
            out.append(Draft(step.text, sources(step.refs, step.text)))
        return out
    where = f" (mục {r.case.path.rsplit(' ', 1)[-1]} Công văn 14/BCĐCTMTQG)" if r.case else ""
    status = f"{r.status[0].lower()}{r.status[1:]}" if prefix else r.status
    head = f"{prefix}{status}{where}: áp dụng {r.applicable.title}."
    out.append(Draft(head[0].upper() + head[1:], sources([x for x in (r.case, r.applicable.ref) if x], head)))
    if r.missing and r.ask:
        out.append(Draft(f"Để trả lời chính xác hơn: {r.ask}"))
    if r.actions:
        out.append(Draft("Việc cần làm, theo thứ tự:"))
        for i, step in enumerate(r.actions, start=1):
            out.append(Draft(f"{i}. {step.text}", sources(step.refs, step.text)))
    if r.missing and r.alternatives:
        for alt in (a for a in r.alternatives if a.case != r.case):
            text = f"Nếu {alt.status[0].lower()}{alt.status[1:]}: {alt.actions[0].text if alt.actions else ''}".strip()
            out.append(Draft(text, sources(alt.actions[0].refs if alt.actions else [alt.applicable.ref], text)))
    if r.duties:
        out.append(Draft("Nhiệm vụ chung cho các xã, huyện đã đạt chuẩn:"))
        for step in r.duties:
            out.append(Draft(f"- {step.text}", sources(step.refs, step.text)))
    if not r.in_dispatch and r.case is None:
        out.append(
            Draft(
                "Lưu ý: Công văn 14/BCĐCTMTQG không có mục riêng cho trường hợp này; câu trả lời dựa trên bộ tiêu "
                "chí tương ứng."
            )
        )
    return out


# Tasks given to the recognised units themselves ("giao nhiệm vụ gì cho các xã đã đạt chuẩn …"), not to an agency
# "đối với việc xây dựng huyện".
_GIVEN_TO_UNITS = re.compile(r"\b(cho|doi voi) (cac |nhung )?(xa|huyen)\b[^?]{0,25}\b(dat chuan|duoc cong nhan)\b")


def _forwarded(ctx: Context) -> list[Draft]:
    """ "Công văn 5766 yêu cầu các xã làm gì?": a named document that forwards the dispatch says so first, since what
    follows (the cases, what to do) is the dispatch's (the registry's relation, not the document's words)."""
    for number in ctx.query.sets:
        m = ctx.meta(number)
        relation = next((x for x in m.relations if x.type == "forwards" and x.target == DISPATCH), None) if m else None
        if m is None or relation is None:
            continue
        who = f" của {m.issuer}" if m.issuer else ""
        when = f" ngày {m.issued:%d/%m/%Y}" if m.issued else ""
        text = (
            f"{document_name(m)}{who}{when} triển khai Công văn {DISPATCH}; các trường hợp và việc cần làm dưới đây "
            f"là của Công văn {DISPATCH}."
        )
        return [Draft(text, [Source(m.number, opening(m), m.title or m.number)])]
    return []


def applicability(ctx: Context) -> list[Candidate]:
    r = ctx.resolution
    if r is None:
        return []
    q = ctx.query
    covers = {("level", q.level or ""), ("tier", q.tier or "")} | {("doc", d) for d in q.sets}
    rule = r.previous or r
    docs = {DISPATCH} | {ref.doc for ref in r.refs()} | set(q.sets)
    covers |= {("doc", d) for d in docs}
    # "… nâng cao năm 2023 theo Phụ lục II QĐ 318 thì năm 2025 giữ chuẩn theo bộ nào": the set's annex the question
    # names is the one the card tells about.
    covers |= {("section", ref.path.split(" › ", 1)[1]) for ref in r.refs() if " › " in ref.path}
    if rule.recognition:
        covers.add(("period", rule.recognition))
    covers.add(("period", r.period))
    covers.add(("period", period_of(r.as_of.year)))  # the card is made for the question's date
    evidence = [ref.path for ref in (rule.case, rule.applicable.ref if rule.applicable else None) if ref]
    if rule is not r and r.applicable is not None:
        # A unit recognised after 2025 has no 2021-2025 rule to show: the set in force today is the card's evidence.
        evidence.insert(0, r.applicable.ref.path)
    evidence += [alt.case.path for alt in rule.alternatives if alt.case][:3]
    # Each level's set on a date before 2021-2025, side by side: those sets are the evidence.
    evidence += [alt.applicable.ref.path for alt in rule.alternatives if not alt.case and alt.applicable][:3]
    # "Công văn 14 yêu cầu các xã làm gì?" asks what the dispatch says; "… năm 2023 Công văn 14 yêu cầu …. Giờ đã cuối
    # năm 2026, xã giữ chuẩn theo bộ nào?" names it in a preamble and asks about now.
    named = any(d in q.sets for d in (DISPATCH, "5766/UBND-CNN&XD")) and not NOW_WORDS.search(q.folded)
    # Its cases are then the answer, unless the question tells the unit's own recognition ("Quyết định năm 2020 công
    # nhận xã tôi 'đạt chuẩn' … không ai nhớ là chuẩn nào"): what is missing of it is still asked for.
    drafts = card_drafts(r, dispatch_named=named, listed=named and not (q.recognition_year or q.recognition_period))
    # After the one-line period note, when the card opens with it.
    # (A list of the dispatch's cases opens "Theo quy định giai đoạn 2021-2025 (nay là giai đoạn trước), …": no note.)
    at = 1 if drafts and any(drafts[0].text == n.text for n in r.notes if _is_period_note(n.text)) else 0
    drafts[at:at] = _forwarded(ctx)
    # A card made after the period says from when the set in force applies ("51/2025/QĐ-TTg (từ ngày 15/02/2026)").
    # Only for a question that asks which set (a document's own date in force is that document's fact).
    dated = "set" in ctx.need.asks and any("có hiệu lực" in d.text and "từ ngày" in d.text for d in drafts)
    # "Xã đạt chuẩn năm 2019, theo Công văn 14 thì thuộc mục nào?": the dispatch's section the card's case is.
    placed = "where" in ctx.need.asks and rule.case is not None and rule.case.doc in q.sets
    # "Công văn 14 giao những nhiệm vụ gì cho các xã đã đạt chuẩn 2016-2020?": the duties of a unit recognised in a
    # period are the card's case, what it must do, before the tasks every unit shares.
    assigned = (
        "duty" in ctx.need.asks
        and rule.case is not None
        and bool(q.recognition_year or q.recognition_period)
        and _GIVEN_TO_UNITS.search(q.folded) is not None
    )
    # "Công văn 14 hướng dẫn những trường hợp nào?": the dispatch's cases listed are what is asked.
    cases = named and CASES_ASKED.search(q.folded) is not None
    return [
        Candidate(
            "applicability",
            drafts,
            covers=covers,
            answers={"todo", "set"}
            | ({"list", "count", "contents"} if cases else set())
            | ({"in_force", "when"} if dated else set())
            | ({"where"} if placed else set())
            | ({"duty", "contents"} if assigned else set()),
            evidence=evidence,
            docs=docs,
            period=r.period,
            # A unit's recognition and "what must it do / which set": the question this card exists for.
            prior=1.4 if (q.action and (q.recognition_year or q.recognition_period)) else 0.9 if q.action else 0.6,
            label="thẻ áp dụng",
        )
    ]


def shared_duties(ctx: Context) -> list[Candidate]:
    """Items 6-8 and the reporting, the ones the question is about first."""
    q = ctx.query
    shared = re.search(r"\bnhiem vu (chung|nao|gi)\b", q.folded)
    if not (q.duties or "report" in ctx.need.asks or shared):
        return []
    want = syllables(q.text)
    steps = sorted(duties(), key=lambda step: -weight(syllables(step.text) & want))
    out = [Draft("Theo Công văn 14/BCĐCTMTQG, các nhiệm vụ chung gồm:")]
    for step in steps:
        out.append(Draft(f"- {step.text}", sources(step.refs, step.text)))
    paths = [ref.path for step in steps for ref in step.refs]
    return [
        Candidate(
            "duties",
            out,
            covers={("doc", DISPATCH), ("doc", "5766/UBND-CNN&XD")},
            # What to report and how often (every 06 months); "những nhiệm vụ chung nào" lists them.
            answers={"report", "todo", "count", "when", "duty"} | ({"list", "contents"} if shared else set()),
            evidence=paths[:3],
            docs={DISPATCH},
            period="2021-2025",
            prior=0.7,
            label="nhiệm vụ chung",
            counts=frozenset({"thang", "lan", "nam", "nhiem vu", "viec"}),
        )
    ]


def _recognised_under(folded: str, lead: str) -> bool:
    """The question says the unit was recognised under that document ("đạt chuẩn năm 2030 theo Quyết định 491"),
    not that the document is the one it asks about now ("… thì nay áp dụng phụ lục nào của QĐ 318")."""
    # ("đề nghị công nhận", "xét công nhận": an application, not a recognition.)
    for m in re.finditer(r"\b(dat chuan|(?<!de nghi )(?<!xet )cong nhan|dat nong thon moi|dat ntm)\b", folded):
        between = rx(rf"([^.?;]{{0,80}}?)\b{lead}\b").match(folded[m.end() :])
        if between and not re.search(r"\b(thi|nay|phai|ap dung|giu chuan|ra soat|hien)\b", between.group(1)):
            return True
    return False


def contradictions(ctx: Context) -> list[Draft]:
    """What in the question cannot be true together, said before the answer ("đạt chuẩn năm 2030 theo
    Quyết định 491": 491 is the 2010-2015 set, and 2030 has not come)."""
    q = ctx.query
    year = q.recognition_year
    out: list[Draft] = []
    for typed, number in ctx.need.near:
        # A number typed with another code or kind than the held document's ("272/2025/QĐ-TTg").
        m = ctx.meta(number)
        if m is not None:
            out.append(
                Draft(
                    f"Lưu ý: kho văn bản không có {typed}; câu trả lời dưới đây theo {document_name(m)}, văn bản "
                    "cùng số hiệu có trong kho. Đề nghị kiểm tra lại số hiệu văn bản.",
                    [Source(m.number, opening(m), m.title or m.number)],
                )
            )
    if year is None:
        return out
    if year > ctx.as_of.year:
        out.append(
            Draft(
                f"Lưu ý: câu hỏi nêu năm công nhận {year}, sau ngày câu trả lời áp dụng "
                f"({ctx.as_of:%d/%m/%Y}); chưa thể có đơn vị được công nhận vào năm đó."
            )
        )
    typed = set(re.findall(r"\d+", q.folded))
    for number in q.sets:
        m = ctx.meta(number)
        if m is None or not m.period or m.number in (DISPATCH, "5766/UBND-CNN&XD"):
            continue
        if number.split("/")[0] not in typed:
            continue  # a document the conversation or an earlier answer brought in: the user said nothing of it
        if not _recognised_under(q.folded, number.split("/")[0]):
            continue  # "đạt chuẩn năm 2019 … thì nay áp dụng phụ lục nào của QĐ 318": the set asked, not the basis
        start, _, end = m.period.partition("-")
        # A set stays in force past its period until the next one replaces it (1980's 2016-2020 set until
        # 08/03/2022): a recognition in 2021 under 1980 is no contradiction.
        stopped = m.status_from.year if m.status_from and m.status != "in_force" else 0
        last = max(int(end), stopped) if end.isdigit() else None
        if start.isdigit() and last is not None and not int(start) - 1 <= year <= last:
            out.append(
                Draft(
                    f"Lưu ý: {document_name(m)} là quy định giai đoạn {m.period}, còn năm công nhận "
                    f"nêu trong câu hỏi là {year}; hai thông tin này không khớp nhau.",
                    [Source(m.number, opening(m), m.title or m.number)],
                )
            )
    return out


# The district level asked about, not a set for it ("còn cấp huyện không", "cấp huyện đã bị bỏ chưa").
_LEVEL_ASKED = re.compile(
    r"\b(con|van con) cap huyen (khong|ko|k|nua|hay)\b|\bcap huyen (co )?(con|da bi bo|bi bo|da bo|bi xoa)\b"
)


def no_district_set(ctx: Context) -> list[Candidate]:
    """ "Giờ còn bộ tiêu chí huyện không?", "bộ 2026-2030 có phần nào dành cho cấp huyện không?": asked once the
    district level has ended, what the set in force holds and why no district set is among its parts."""
    if "district_set" not in ctx.need.asks or ctx.as_of < DISTRICTS_END:
        return []
    new = SETS["51-2025"]
    text = f"{new.title} {NO_DISTRICT_PART}"
    if _LEVEL_ASKED.search(ctx.query.folded):
        # "Sau sáp nhập tỉnh năm 2025 thì còn cấp huyện không?": the level first, then what the set in force holds.
        text = f"{districts_note(ctx.as_of).text} {new.title} {NEW_SET_PARTS}, không có phụ lục dành cho huyện."
    return [
        Candidate(
            "documents",
            [Draft(text, sources([new.ref], text))],
            covers={("level", "huyện"), ("period", "2026-2030"), ("doc", new.ref.doc)},
            answers={"district_set"},
            evidence=[new.ref.path],
            docs={new.ref.doc},
            period="2026-2030",
            prior=0.9,
            label="không còn bộ tiêu chí huyện",
        )
    ]
