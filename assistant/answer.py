"""Grounded answers: built from the resolved rule, the criteria catalogue and retrieved passages,
every sentence with numbered citations whose quotes are exact spans of the corpus text."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from assistant.applicability import PERIOD_END, Ref, Resolution
from assistant.retrieve import Result
from assistant.understand import Query
from corpus.criteria import Catalogue, CriteriaSet, Indicator
from corpus.model import DocumentMeta, Section
from corpus.normalize import fold, syllables

REFUSAL = (
    "Không tìm thấy căn cứ trong các văn bản về nông thôn mới của kho để trả lời câu hỏi này. "
    "Trợ lý chỉ trả lời về các bộ tiêu chí và văn bản chỉ đạo xây dựng nông thôn mới."
)
NO_EVIDENCE = (
    "Không tìm thấy căn cứ đủ rõ trong kho văn bản để trả lời câu hỏi này. Hãy nêu cụ thể hơn (cấp xã hay huyện, "
    "bộ tiêu chí, tiêu chí số mấy, năm công nhận)."
)
FOREIGN = "Trợ lý hiện chỉ hỗ trợ câu hỏi bằng tiếng Việt về chương trình xây dựng nông thôn mới."
COMPILED_MARK = "bản biên soạn — cần đối chiếu văn bản chính thức"
_SIGN = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


def vn_number(value: float) -> str:
    """A figure as Vietnamese texts write it: decimal comma (26,5), no trailing zeros."""
    return f"{value:g}".replace(".", ",")


_ENGLISH = {"the", "what", "which", "are", "is", "of", "for", "how", "does", "must", "and", "to", "in", "rural"}


@dataclass
class Citation:
    n: int
    doc: str
    path: str
    page: int | None
    quote: str
    provenance: str
    official: bool
    note: str | None = None  # "bản biên soạn — cần đối chiếu…" for compiled text


@dataclass
class Sentence:
    text: str
    cites: list[int] = field(default_factory=list)


@dataclass
class Answer:
    id: str
    question: str
    as_of: dt.date
    sentences: list[Sentence]
    citations: list[Citation]
    card: Resolution | None = None
    refused: bool = False
    reason: str | None = None
    kind: str = "passages"  # applicability | criteria | passages | refusal
    mode: str = "extractive"
    flags: list[str] = field(default_factory=list)
    query: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        lines = []
        for s in self.sentences:
            marks = "".join(f"[{n}]" for n in s.cites)
            lines.append(f"{s.text} {marks}".rstrip())
        return "\n".join(lines)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["text"] = self.text
        d["as_of"] = self.as_of.isoformat()
        if self.card is not None:
            d["card"] = _card_dict(self.card)
        return d


def _card_dict(r: Resolution) -> dict:
    d = asdict(r)

    def fix(x):
        if isinstance(x, dict):
            return {k: fix(v) for k, v in x.items()}
        if isinstance(x, list):
            return [fix(v) for v in x]
        if isinstance(x, dt.date):
            return x.isoformat()
        return x

    return fix(d)


# Words in nearly every passage; they say little about which sentence answers the question.
_GENERIC = frozenset(
    [
        "xa",
        "huyen",
        "dat",
        "chuan",
        "nong",
        "thon",
        "moi",
        "tieu",
        "chi",
        "cac",
        "va",
        "cua",
        "la",
        "co",
        "duoc",
        "theo",
        "trong",
        "de",
        "voi",
        "nhung",
        "ve",
        "cho",
        "tai",
        "phai",
        "nao",
        "gi",
        "the",
        "nhu",
        "bao",
        "nhieu",
        "giai",
        "doan",
        "ntm",
    ]
)


def _weight(shared: set[str]) -> float:
    """Figures and distinctive words count more than the domain's everyday words."""
    return sum(3.0 if any(ch.isdigit() for ch in w) else (0.3 if w in _GENERIC else 1.0) for w in shared)


def best_span(text: str, hint: str, limit: int = 320) -> str:
    """The sentence (or line) of `text` that shares most words with `hint`; an exact substring."""
    pieces = [p.strip() for p in re.split(r"(?<=[.;:!?])\s+|\n+", text) if p.strip()]
    if not pieces:
        return text[:limit]
    want = syllables(hint)
    best = max(pieces, key=lambda p: (_weight(syllables(p) & want), -abs(len(p) - 160)))
    if len(best) > limit:
        best = _densest_window(best, want, limit)
    return best if best in text else text[:limit]


def _densest_window(sentence: str, want: set[str], limit: int) -> str:
    """The run of consecutive clauses, within `limit` characters, that shares most words with the hint."""
    clauses = re.split(r"(?<=,)\s+|\s+(?=\()", sentence)
    best, best_score = sentence[:limit].rsplit(" ", 1)[0], -1
    for i in range(len(clauses)):
        for j in range(i + 1, len(clauses) + 1):
            window = " ".join(clauses[i:j])
            if len(window) > limit:
                break
            score = _weight(syllables(window) & want)
            if score > best_score and window in sentence:
                best, best_score = window, score
    return best


class Citations:
    """Numbered citations, one per (path, quote)."""

    def __init__(self, lookup: Callable[[str], Section | None], meta: Callable[[str], DocumentMeta | None]) -> None:
        self.items: list[Citation] = []
        self._lookup = lookup
        self._meta = meta

    def add(self, doc: str, path: str, hint: str, page: int | None = None, text: str | None = None) -> int | None:
        section = self._lookup(path)
        if text is None:
            if section is None:
                return None
            text = section.full_text() if len(section.text) < 40 else section.text
        quote = best_span(text, hint)
        for c in self.items:
            if c.path == path and c.quote == quote:
                return c.n
        meta = self._meta(doc)
        provenance = meta.provenance if meta else "compiled"
        c = Citation(
            n=len(self.items) + 1,
            doc=doc,
            path=path,
            page=page if page is not None else (section.page if section else None),
            quote=quote,
            provenance=provenance,
            official=provenance == "official",
            note=None if provenance == "official" else COMPILED_MARK,
        )
        self.items.append(c)
        return c.n

    def refs(self, refs: list[Ref], hint: str) -> list[int]:
        out = []
        for ref in refs:
            n = self.add(ref.doc, ref.path, hint)
            if n is not None and n not in out:
                out.append(n)
        return out


def refuse(question: str, query: Query, as_of: dt.date, reason: str) -> Answer:
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        as_of=as_of,
        sentences=[Sentence(reason)],
        citations=[],
        refused=True,
        reason=reason,
        kind="refusal",
        query=query.to_dict(),
    )


def looks_foreign(question: str) -> bool:
    words = re.findall(r"[a-zA-Z]+", question.lower())
    has_vietnamese = any(ord(c) > 127 and c.isalpha() for c in question)
    return not has_vietnamese and len([w for w in words if w in _ENGLISH]) >= 2


def _covered(query_text: str, result: Result) -> float:
    """Share of the question's accent-free syllables found in a passage (evidence strength)."""
    generic = {
        "xa",
        "huyen",
        "la",
        "gi",
        "nao",
        "nhu",
        "the",
        "co",
        "khong",
        "cua",
        "va",
        "cac",
        "nhung",
        "duoc",
        "phai",
    }
    want = syllables(query_text) - generic
    if not want:
        return 0.0
    have = syllables(result.chunk.context + " " + result.chunk.text)
    return len(want & have) / len(want)


def compose(
    question: str,
    query: Query,
    as_of: dt.date,
    resolution: Resolution | None,
    results: Callable[[], list[Result]],
    lookup: Callable[[str], Section | None],
    meta: Callable[[str], DocumentMeta | None],
    catalogue: Catalogue | None = None,
    criteria_set: CriteriaSet | None = None,
    judged: tuple | None = None,
) -> Answer:
    """Build the extractive answer.

    Args:
        question: as asked.
        query: what it asks about.
        as_of: the date the answer is valid for.
        resolution: the applicability card, when the question asks what applies.
        results: retrieves the passages, best first; called only when the answer is built from passages
            (the rule, criteria and document answers cite their own sections), which saves a query
            embedding on most questions.
        lookup: section by path; meta: document metadata by number.
        catalogue / criteria_set: for questions about criteria and indicators.
        judged: (indicator result, region name, year) when the question states a value to judge.
    """
    if looks_foreign(question) and not query.domain:
        return refuse(question, query, as_of, FOREIGN)
    if not (query.domain or query.duties or query.history):
        return refuse(question, query, as_of, REFUSAL)
    cites = Citations(lookup, meta)
    sentences: list[Sentence] = []
    kind = "passages"
    if judged is not None and criteria_set is not None:
        kind = "assessment"
        sentences = assessment_answer(judged[0], criteria_set, judged[1], judged[2], cites)
    # A question naming a criterion or an indicator gets its figures (the card still comes along).
    if not sentences and criteria_set is not None and (query.criterion or query.criterion_name or query.indicator):
        kind = "criteria"
        sentences = _criteria(query, criteria_set, catalogue, cites, as_of)
    if not sentences and resolution is not None:
        kind = "applicability"
        sentences = _applicability(resolution, cites)
    if (
        not sentences
        and criteria_set is not None
        and re.search(
            r"\b(bao nhieu tieu chi|may tieu chi|gom nhung tieu chi|gom cac tieu chi|co nhung tieu chi)\b", query.folded
        )
    ):
        kind = "criteria"
        sentences = _overview(criteria_set, cites, as_of)
    if not sentences:
        sentences = _document_facts(query, meta, cites)
        kind = "documents" if sentences else kind
    if (
        not sentences
        and (query.duties or re.search(r"\bnhiem vu chung\b", query.folded))
        and not (
            query.level or query.tier not in (None, "NTM") or query.criterion or query.criterion_name or query.indicator
        )
    ):
        kind = "duties"
        sentences = duties_answer(cites, query.text)
    if not sentences:
        kind = "passages"
        strong = [r for r in results() if _covered(query.text, r) >= 0.4]
        if not strong:
            return refuse(question, query, as_of, NO_EVIDENCE)
        sentences = _passages(query, strong[:3], cites, as_of)
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        as_of=as_of,
        sentences=sentences,
        citations=cites.items,
        card=resolution,
        kind=kind,
        query=query.to_dict(),
    )


def _is_period_note(text: str) -> bool:
    return "giai đoạn trước" in text or "đã kết thúc" in text


def _applicability(r: Resolution, cites: Citations) -> list[Sentence]:
    """Period notes first; then what applies now; then (past 2025) the 2021-2025 answer as context."""
    out = [Sentence(n.text, cites.refs(n.refs, n.text)) for n in r.notes if _is_period_note(n.text)]
    if r.previous is not None:
        if r.applicable is not None:
            head = f"Bộ tiêu chí áp dụng hiện nay: {r.applicable.title}."
            out.append(Sentence(head, cites.refs([r.applicable.ref], head)))
        for step in r.actions:
            out.append(Sentence(step.text, cites.refs(step.refs, step.text)))
        out.extend(_body(r.previous, cites, past=True))
    else:
        out.extend(_body(r, cites, past=r.as_of > PERIOD_END))
    for note in r.notes:
        if not _is_period_note(note.text):
            out.append(Sentence(note.text, cites.refs(note.refs, note.text)))
    return out


def _body(r: Resolution, cites: Citations, past: bool) -> list[Sentence]:
    out: list[Sentence] = []
    prefix = "Theo quy định giai đoạn 2021-2025 (nay là giai đoạn trước), " if past else ""
    if r.applicable is None and r.alternatives:
        out.append(Sentence(f"Cần thêm thông tin để trả lời chính xác: {r.ask}"))
        out.append(Sentence(f"{prefix}các trường hợp theo Công văn 14/BCĐCTMTQG:".strip().capitalize()))
        for alt in r.alternatives:
            text = f"- {alt.status}: áp dụng {alt.applicable.title}."
            out.append(Sentence(text, cites.refs([x for x in (alt.case, alt.applicable.ref) if x], text)))
        return out
    if r.applicable is None:
        for step in r.actions:
            out.append(Sentence(step.text, cites.refs(step.refs, step.text)))
        return out
    where = f" (mục {r.case.path.rsplit(' ', 1)[-1]} Công văn 14/BCĐCTMTQG)" if r.case else ""
    status = f"{r.status[0].lower()}{r.status[1:]}" if prefix else r.status
    head = f"{prefix}{status}{where}: áp dụng {r.applicable.title}."
    out.append(Sentence(head[0].upper() + head[1:], cites.refs([x for x in (r.case, r.applicable.ref) if x], head)))
    if r.missing and r.ask:
        out.append(Sentence(f"Để trả lời chính xác hơn: {r.ask}"))
    if r.actions:
        out.append(Sentence("Việc cần làm, theo thứ tự:"))
        for i, step in enumerate(r.actions, start=1):
            out.append(Sentence(f"{i}. {step.text}", cites.refs(step.refs, step.text)))
    if r.missing and r.alternatives:
        for alt in (a for a in r.alternatives if a.case != r.case):
            text = f"Nếu {alt.status[0].lower()}{alt.status[1:]}: {alt.actions[0].text if alt.actions else ''}".strip()
            out.append(Sentence(text, cites.refs(alt.actions[0].refs if alt.actions else [alt.applicable.ref], text)))
    if r.duties:
        out.append(Sentence("Nhiệm vụ chung cho các xã, huyện đã đạt chuẩn:"))
        for step in r.duties:
            out.append(Sentence(f"- {step.text}", cites.refs(step.refs, step.text)))
    if not r.in_dispatch and r.case is None:
        out.append(
            Sentence(
                "Lưu ý: Công văn 14/BCĐCTMTQG không có mục riêng cho trường hợp này; câu trả lời dựa trên bộ tiêu "
                "chí tương ứng."
            )
        )
    return out


def threshold_text(ind: Indicator, region: str | None, year: int | None) -> str:
    """The requirement of an indicator in words, for one region and year when given."""
    if ind.comparator == "text":
        return ind.requirement or ""
    sign = _SIGN[ind.comparator]
    unit = ("%" if ind.unit == "%" else f" {ind.unit}") if ind.unit else ""
    if region is not None or all(t.region == "*" for t in ind.thresholds):
        t = ind.threshold_for(region, year)
        if t is None:
            return ind.requirement or "chưa có số liệu trong danh mục"
        when = f" (năm {t.year})" if t.year else ""
        return f"{sign} {vn_number(t.value)}{unit}{when}"
    parts = [f"{t.region}{(' ' + str(t.year)) if t.year else ''}: {sign} {vn_number(t.value)}" for t in ind.thresholds]
    return ("; ".join(parts) + unit) if parts else (ind.requirement or "chưa có số liệu trong danh mục")


def _criteria(
    query: Query, cset: CriteriaSet, catalogue: Catalogue | None, cites: Citations, as_of: dt.date
) -> list[Sentence]:
    crit = None
    if query.criterion is not None:
        crit = next((c for c in cset.criteria if c.number == query.criterion), None)
    elif query.criterion_name:
        want = fold(query.criterion_name)
        crit = next((c for c in cset.criteria if fold(c.name) == want), None) or next(
            (c for c in cset.criteria if fold(c.name).split(" va ")[0] in want or want in fold(c.name)), None
        )
    if crit is None:
        return []
    region_name = None
    if query.region and catalogue is not None and cset.region_scheme:
        try:
            region_name = catalogue.regions.region(cset.region_scheme, query.region).name
        except StopIteration:
            region_name = None
    year = query.ask_year or (as_of.year if as_of.year <= PERIOD_END.year else None)
    indicators = [i for i in crit.indicators if query.indicator in (None, i.code)]
    where = f", vùng {region_name}" if region_name else ""
    head = f"Tiêu chí {crit.number} ({crit.name}) của {cset.title}{where} gồm {len(crit.indicators)} chỉ tiêu:"
    if query.indicator and indicators:
        head = f"Chỉ tiêu {query.indicator} thuộc tiêu chí {crit.number} ({crit.name}) của {cset.title}{where}:"
    out = [Sentence(head, cites.refs([Ref(cset.document, crit.section)], crit.name))]
    unverified = 0
    for ind in indicators:
        req = threshold_text(ind, query.region if region_name else None, year)
        flag = "" if ind.figures_verified else " (chưa xác minh)"
        unverified += 0 if ind.figures_verified else 1
        text = f"- {ind.code}. {ind.name}: {req}{flag}."
        out.append(Sentence(text, cites.refs([Ref(cset.document, ind.section)], ind.name)))
    if unverified:
        out.append(
            Sentence(
                f"Có {unverified} con số chưa được xác minh với trang công khai; hãy đối chiếu văn bản chính thức "
                "trước khi sử dụng."
            )
        )
    if as_of > PERIOD_END and cset.period == "2021-2025":
        out.append(_next_period_note("Bộ tiêu chí này thuộc", cites))
    return out


def _overview(cset: CriteriaSet, cites: Citations, as_of: dt.date) -> list[Sentence]:
    """'Bộ tiêu chí … gồm bao nhiêu tiêu chí?': the count and the list, from the catalogue."""
    n_ind = len(cset.indicators())
    head = f"{cset.title} ({cset.document}) gồm {len(cset.criteria)} tiêu chí với {n_ind} chỉ tiêu:"
    out = [Sentence(head, cites.refs([Ref(cset.document, cset.criteria[0].section.rsplit(" › ", 1)[0])], head))]
    names = "; ".join(f"{c.number}. {c.name}" for c in cset.criteria)
    out.append(Sentence(names + "."))
    return out


def duties_answer(cites: Citations, question: str = "") -> list[Sentence]:
    """The duties every recognised commune and district shares (items 6-8 and the reporting),
    the ones the question is about first."""
    from assistant.applicability import _duties

    want = syllables(question)
    steps = sorted(_duties(), key=lambda step: -_weight(syllables(step.text) & want))
    out = [Sentence("Theo Công văn 14/BCĐCTMTQG, các nhiệm vụ chung gồm:")]
    for step in steps:
        out.append(Sentence(f"- {step.text}", cites.refs(step.refs, step.text)))
    return out


def _document_facts(query: Query, meta: Callable[[str], DocumentMeta | None], cites: Citations) -> list[Sentence]:
    """Who signed a document, when it was issued: from its metadata, cited to its own text."""
    if len(query.sets) != 1:
        return []
    m = meta(query.sets[0])
    if m is None:
        return []
    f = query.folded
    out: list[Sentence] = []
    if re.search(r"\b(ai ky|nguoi ky|do ai ky|ky ban hanh)\b", f) and m.signer:
        text = f"{m.kind or 'Văn bản'} {m.number} do {m.signer} ký."
        out.append(Sentence(text, cites.refs([Ref(m.number, f"{m.number} › Phần kết")], m.signer)))
    if re.search(r"\b(ngay nao|ban hanh ngay|ban hanh khi nao|nam nao)\b", f) and m.issued:
        text = f"{m.kind or 'Văn bản'} {m.number} ban hành ngày {m.issued:%d/%m/%Y}."
        out.append(
            Sentence(text, cites.refs([Ref(m.number, f"{m.number} › Phần mở đầu")], f"ngày {m.issued.day} tháng"))
        )
    if out and m.provenance != "official":
        out.append(Sentence(f"Thông tin lấy từ bản biên soạn của {m.number}; cần đối chiếu văn bản chính thức."))
    return out


def assessment_answer(
    result, cset: CriteriaSet, region_name: str | None, year: int | None, cites: Citations
) -> list[Sentence]:
    """A value stated in a question, judged by the assessment code, with the threshold cited."""
    from assistant.assess import STATUS_LABEL

    where = "".join([f", vùng {region_name}" if region_name else "", f", năm {year}" if year else ""])
    unverified = "" if result.verified or result.threshold is None else " (chưa xác minh)"
    head = (
        f"Theo {cset.title} ({cset.document}){where}, chỉ tiêu {result.code} ({result.name}) yêu cầu "
        f"{result.requirement}{unverified}."
    )
    out = [Sentence(head, cites.refs([Ref(cset.document, result.section)], result.name))]
    unit = f" {result.unit}" if result.unit and result.unit != "%" else (result.unit or "")
    value = vn_number(result.value) if isinstance(result.value, float) else str(result.value)
    if result.status == "cannot_judge":
        out.append(
            Sentence(
                f"Giá trị nêu trong câu hỏi: {value}{unit}. Không thể kết luận: {result.note}; cần đối chiếu văn "
                "bản chính thức."
            )
        )
    else:
        verdict = STATUS_LABEL[result.status] + (f" ({result.shortfall})" if result.shortfall else "")
        out.append(Sentence(f"Giá trị nêu trong câu hỏi: {value}{unit} → {verdict}."))
        if unverified:
            out.append(Sentence("Ngưỡng này chưa được xác minh với văn bản chính thức; kết luận chỉ để tham khảo."))
    return out


def _next_period_note(subject: str, cites: Citations) -> Sentence:
    text = (
        f"{subject} giai đoạn 2021-2025 (giai đoạn trước); bộ tiêu chí đang có hiệu lực là 51/2025/QĐ-TTg "
        "(từ 15/02/2026)."
    )
    return Sentence(text, cites.refs([Ref("51/2025/QĐ-TTg", "51/2025/QĐ-TTg › Phần mở đầu")], "có hiệu lực"))


def _passages(query: Query, results: list[Result], cites: Citations, as_of: dt.date) -> list[Sentence]:
    out: list[Sentence] = []
    for r in results:
        chunk = r.chunk
        n = cites.add(chunk.doc, chunk.path, query.text, page=chunk.page, text=chunk.text)
        quote = cites.items[n - 1].quote
        page = f", trang {chunk.page}" if chunk.page else ""
        label = chunk.path.removeprefix(chunk.doc + " › ")
        out.append(Sentence(f"Theo {chunk.doc} ({label}{page}): «{quote}»", [n]))
    superseded = {c.doc for c in cites.items}
    if as_of > PERIOD_END and superseded & {"318/QĐ-TTg", "319/QĐ-TTg", "320/QĐ-TTg"}:
        out.append(_next_period_note("Các quyết định 318, 319, 320/QĐ-TTg thuộc", cites))
    return out
