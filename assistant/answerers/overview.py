"""A set of criteria as a whole: its overview (how many criteria and indicators, their names), its groups or one
group named by name or number, and the 2026-2030 commune groups."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answerers.asked_sets import set_without_tier
from assistant.answerers.base import FIGURE_UNKNOWN, Candidate, Context, Draft, lexical_cover, sources
from assistant.answerers.catalogue import (
    annex_path,
    base_covers,
    criterion_label,
    period_note,
    set_docs,
    src,
)
from assistant.answerers.indicators import match_indicator
from assistant.applicability import no_tier_step
from assistant.format import from_roman
from assistant.quote import word_pairs
from assistant.rx import rx
from corpus.criteria import CriteriaSet, Criterion, Scheme
from corpus.normalize import fold

# How a set's thresholds are divided ("chia theo những vùng nào", "phân mức đạt chuẩn theo cách nào").
_DIVIDED = re.compile(
    r"\b(chia (nguong |muc |muc dat chuan )?(theo|thanh)|phan (muc|chia)|theo (nhung |cac )?(vung|nhom)( xa)? nao"
    r"|theo cach nao|theo cai gi|theo kieu (khac|nao)"
    # "theo mấy vùng, kể tên các vùng": how many regions, and which.
    r"|(theo )?(may|bao nhieu) vung|ke ten (cac |nhung )?vung|(nhung|cac) vung nao"
    # "chia xã thành mấy nhóm", "có mấy nhóm xã": the 2026-2030 set's commune groups.
    r"|chia (cac |nhung )?xa (theo|thanh)|(may|bao nhieu) nhom xa)\b"
)


def set_overview(ctx: Context, cset: CriteriaSet, absent: Sequence[int] = ()) -> Candidate:
    """The set's counts and list of criteria; `absent`: criterion numbers asked of that the set does not have."""
    n_ind = len(cset.indicators())
    where = f"{cset.annex}, {cset.document}" if cset.annex else cset.document
    head = f"{cset.title} ({where}) gồm {len(cset.criteria)} tiêu chí với {n_ind} chỉ tiêu:"
    pending = [c for c in cset.criteria if not c.indicators]
    meta = ctx.meta(cset.document)
    if pending and cset.declared_indicators:
        head = f"{cset.title} ({where}) gồm {len(cset.criteria)} tiêu chí, {cset.declared_indicators} chỉ tiêu:"
    if meta is not None and not meta.full_text:
        # Known from a registry entry: its summary of public sources, never the decision's own words.
        said = f"; nguồn: {cset.evidence.title or cset.evidence.url}" if cset.evidence else ""
        head = (
            f"Theo mục đăng ký của kho về {cset.document} (tóm tắt từ nguồn công khai, không phải nguyên văn{said}), "
            + head[0].lower()
            + head[1:]
        )
    if absent:
        head = f"{head[:-1]}; không có tiêu chí số {', '.join(map(str, absent))}:"
    drafts = [Draft(head, src(cset, annex_path(cset), cset.title))]
    drafts.append(Draft("; ".join(criterion_label(c) for c in cset.criteria) + "."))
    unknown = bool(pending) and len(pending) == len(cset.criteria)
    # "theo bộ 2026-2030, tỷ lệ … phải đạt bao nhiêu": no figure of the set is known, which is the answer, first.
    # (Asked its counts, "gồm bao nhiêu tiêu chí, bao nhiêu chỉ tiêu", the figures asked are known.)
    asks = ctx.need.asks
    figure_unknown = unknown and "threshold" in asks and "count" not in asks and _earlier_indicator(ctx, cset)
    if pending and not figure_unknown:
        drafts.append(
            Draft(
                f"Kho văn bản chưa có các chỉ tiêu và mức đạt chuẩn của {len(pending)} tiêu chí"
                f"{'' if len(pending) < len(cset.criteria) else ' (toàn bộ)'}; cần đối chiếu bản chính thức."
            )
        )
    scheme = ctx.catalogue.regions.schemes.get(cset.region_scheme or "")
    divided = scheme is not None and _DIVIDED.search(ctx.query.folded) is not None
    if divided:
        # "mức đạt chuẩn chia theo những vùng nào / theo cách nào": the columns of the set's table.
        unit = "nhóm xã" if scheme.by == "commune_group" else "vùng"
        names = "; ".join(r.name for r in scheme.regions)
        text = f"Mức đạt chuẩn của bộ này chia theo {len(scheme.regions)} {unit}: {names}."
        # What is asked comes first; the set's criteria follow.
        drafts.insert(0, Draft(text, src(cset, annex_path(cset), cset.title)))
    # "Bộ 2026-2030 có còn bộ xã NTM nâng cao riêng không": the new set holds one commune set, and no tier of its
    # own is what such a question is told first.
    no_tier = ctx.query.tier if cset is set_without_tier(ctx) else None
    if no_tier:
        step = no_tier_step(no_tier)
        drafts.insert(0, Draft(step.text, sources(step.refs, "không có bộ tiêu chí riêng")))
    # Without the set's indicators, its criteria's names are all the corpus can answer "which criterion holds …" with.
    if figure_unknown:
        drafts.insert(
            0,
            Draft(
                f"Kho văn bản chưa có các chỉ tiêu và mức đạt chuẩn của {cset.title} ({cset.document}),"
                f" {FIGURE_UNKNOWN}; cần đối chiếu bản chính thức.",
                src(cset, annex_path(cset), cset.title),
            ),
        )
    elif unknown and "indicator" in ctx.need.asks:
        drafts.append(
            Draft(
                "Vì kho chưa có danh mục chỉ tiêu của bộ này, chưa thể khẳng định nội dung được hỏi thuộc tiêu chí nào;"
                " hãy đối chiếu tên các tiêu chí trên với Phụ lục của bản chính thức."
            )
        )
    return Candidate(
        "criteria",
        drafts + period_note(ctx, cset),
        covers=base_covers(cset) | {("topic", "overview")} | ({("tier", no_tier)} if no_tier else set()),
        # How its thresholds are divided is what "chia ngưỡng theo vùng hay theo kiểu khác" asks of them; a figure
        # asked ("bao nhiêu tiền …, tính theo vùng nào") is an indicator's.
        answers={"count", "list"}
        | ({"indicator"} if unknown else set())
        | ({"threshold"} if figure_unknown else set())
        | ({"threshold"} if divided and not (ctx.need.money or ctx.need.figure) else set())
        # "… kiểu mẫu còn được công nhận nữa không": whether the tier still stands is what no_tier_step tells.
        | ({"status"} if no_tier else set()),
        evidence=[annex_path(cset)],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=0.6,
        label=f"tổng quan {cset.id}",
        counts=frozenset({"tieu chi", "chi tieu", "tieu"} | ({"vung", "nhom"} if divided else set())),
    )


# A figure of the criteria ("theo bộ tiêu chí hiện hành", "xã NTM phải đạt"), not the programme's targets ("Chương
# trình … có mục tiêu riêng về hộ nghèo").
_OF_CRITERIA = re.compile(r"\b(tieu chi|chi tieu|dat chuan|xa (nong thon moi|ntm)|phai (co|dat))\b")
_OF_PROGRAMME = re.compile(r"\b(muc tieu|chuong trinh|ctr|mtqg)\b")


def _earlier_indicator(ctx: Context, cset: CriteriaSet) -> bool:
    """The question names a criterion, or spells out an indicator of a set of the same level and tier ("tỷ lệ hộ có
    nhà ở kiên cố"): a figure of the set's criteria is asked, not one of the programme's targets."""
    f = ctx.query.folded
    if not _OF_CRITERIA.search(f) or _OF_PROGRAMME.search(f):
        return False
    if ctx.query.criterion_name:
        return True  # a criterion named ("tiêu chí thu nhập … bao nhiêu triệu đồng"): its figure is asked
    return any(
        match_indicator(f, c, asked=True) is not None
        for c in ctx.catalogue.sets.values()
        if c is not cset and (c.level, c.tier) == (cset.level, cset.tier) and c.indicators()
    )


def set_groups(ctx: Context, cset: CriteriaSet, only: str | None = None) -> Candidate | None:
    groups: dict[str, list[Criterion]] = {}
    for c in cset.criteria:
        if c.group:
            groups.setdefault(c.group, []).append(c)
    if len(groups) < 2:
        return None
    if only is not None:
        names = {g: cs for g, cs in groups.items() if fold(g) == only}
        if not names:
            return None
        ((g, cs),) = names.items()
        head = (
            f"Nhóm {g} của {cset.title} ({cset.document}) gồm {len(cs)} tiêu chí: "
            + "; ".join(criterion_label(c) for c in cs)
            + "."
        )
        drafts = [Draft(head, src(cset, cs[0].section, g))]
        covers = {("group_name", fold(g)), ("topic", "groups")}  # one group of the set is about its groups too
    else:
        head = f"{cset.title} ({cset.document}) chia thành {len(groups)} nhóm tiêu chí:"
        drafts = [Draft(head, src(cset, annex_path(cset), cset.title))]
        for i, (g, cs) in enumerate(groups.items(), start=1):
            names = "; ".join(criterion_label(c) for c in cs)
            drafts.append(Draft(f"{i}. Nhóm {g} ({len(cs)} tiêu chí): {names}.", src(cset, cs[0].section, g)))
        covers = {("topic", "groups")}
    return Candidate(
        "criteria",
        drafts + period_note(ctx, cset),
        covers=base_covers(cset) | covers,
        answers={"count", "list"},
        evidence=[annex_path(cset)],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=1.1 if only else 0.6,
        label=f"nhóm {cset.id}",
        counts=frozenset({"nhom", "tieu chi", "tieu"}),
    )


def group_named(cset: CriteriaSet, f: str) -> str | None:
    """The group of criteria the question names: by its name ("nhóm Văn hóa - xã hội - môi trường", "nhóm tiêu chí
    thứ IV (văn hóa - xã hội - môi trường)"), else by its place in the set ("nhóm IV", "nhóm thứ 4")."""
    groups = list(dict.fromkeys(c.group for c in cset.criteria if c.group))
    lead = r"\bnhom (?:tieu chi )?(?:(?:thu|so) )?(?:[ivx]{1,3}|[1-6])?\s*[(:-]?\s*(?:ve )?"
    named = next((g for g in groups if rx(lead + re.escape(fold(g)) + r"\b").search(f)), None)
    if named is not None or len(groups) < 2:
        return named
    m = re.search(r"\bnhom (?:tieu chi )?(?:thu |so )?([ivx]{1,3}|[1-6])\b", f)
    if m is None:
        return None
    at = from_roman(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0)
    return groups[at - 1] if 1 <= at <= len(groups) else None


def _group_described(f: str, groups: list) -> str | None:
    """ "Xã khu vực III … thuộc nhóm xã nào?": the one group whose description says what the question says
    of the commune (two or more shared word pairs, clearly more than any other group)."""
    if not re.search(r"\bnhom( xa)? nao\b", f):
        return None
    asked = word_pairs(f)
    scored = sorted(((len(asked & word_pairs(g.description or "")), g.code[1:]) for g in groups), reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] >= scored[0][0]):
        return None
    return scored[0][1]


def _stated(f: str, cue: str) -> bool | None:
    """Whether the question says `cue` of the commune (True), says it is not so ("không giáp đô thị": False), or
    does not say (None)."""
    m = rx(cue).search(f)
    if m is None:
        return None
    # "không được quy hoạch định hướng thành đô thị mới": the negation governs the clause up to a comma.
    return not re.search(r"\b(khong|chua|chang)\b(?: [a-z]+){0,8} ?$", f[max(0, m.start() - 60) : m.start()])


def _farm_share(f: str) -> tuple[float, str] | None:
    """The share of farming in the commune's economy the question states ("nông nghiệp chiếm khoảng 35%", "hơn 1/3",
    "thuần nông"), in percent, with how the answer repeats it (never a figure the question did not give)."""
    m = re.search(r"\bnong nghiep\b[^.?]{0,60}?(\d+(?:[.,]\d+)?)\s*%", f)
    if m is not None:
        return float(m.group(1).replace(",", ".")), f"tỷ trọng nông nghiệp {m.group(1)}%"
    m = re.search(r"\bnong nghiep\b[^.?]{0,40}?\b(\d)/(\d)\b", f)
    if m is not None and int(m.group(2)):
        return 100 * int(m.group(1)) / int(m.group(2)), f"tỷ trọng nông nghiệp trên {m.group(1)}/{m.group(2)}"
    return (50.0, "xã thuần nông") if re.search(r"\bthuan nong\b", f) else None


_NOT_REMOTE = "xã không phải xã khu vực II, III vùng đồng bào dân tộc thiểu số và miền núi"


# "thuộc nhóm mấy", "xếp vào nhóm xã nào": which commune group a commune is in.
_WHICH_GROUP = r"\bnhom( xa)? (may|nao|so may)\b"


def group_of_commune(f: str) -> tuple[str, list[str]] | None:
    """The 2026-2030 commune group the facts the question states about its commune put it in, by the registry's
    summary of the three groups, with why it is in no other; None when the facts do not decide it."""
    if not re.search(_WHICH_GROUP + r"|\b(xep|thuoc|vao)( xa)? nhom\b|\bnhom khac\b", f):
        return None
    # ("Xã tôi ở vùng đồng bào dân tộc thiểu số khu vực III": the area's class, whatever word comes before it.)
    remote = _stated(f, r"\bkhu vuc (iii|ii|3|2)\b")
    if remote:
        return "3", []
    if _stated(f, r"\bkhu vuc (?:i|1)\b") or _stated(f, r"\bthuoc nhom 3\b") is False:
        remote = False  # "chỉ là xã khu vực I", "không thuộc nhóm 3"
    not_first = _stated(f, r"\bthuoc nhom 1\b") is False  # "xã không thuộc nhóm 1"
    farm = _farm_share(f)
    share = farm[0] if farm else None
    near = _stated(f, r"\b(giap|lien ke|ke ben|sat|ven) (voi )?(mot )?(do thi|phuong|thi tran|thanh pho)\b")
    oriented = _stated(f, r"\b(dinh huong|phat trien|quy hoach)(?: [a-z]+){0,4} thanh (mot )?(do thi|phuong)\b")
    new_town = _stated(f, r"\b(do thi moi)\b")
    if not not_first and ((share is not None and share < 10) or new_town or (near and oriented)):
        return "1", []
    why = []
    if share is None and near is not False and not not_first:
        if remote is not False:
            return None  # nothing said that rules the first group out, nor the third
        # Not the third group, and nothing said of the first: the second, unless what makes the first holds.
        return "2", [
            _NOT_REMOTE,
            "với điều kiện xã không thuộc nhóm 1 (không liền kề đô thị hiện hữu có định hướng phát triển thành đô thị,"
            " tỷ trọng nông nghiệp không dưới 10%, không được định hướng là đô thị mới)",
        ]
    if not_first:
        why.append("xã không thuộc nhóm 1")
    if farm is not None:
        why.append(f"{farm[1]}, không dưới 10%")
    if near is False:
        why.append("xã không liền kề đô thị hiện hữu")
    elif near and oriented is not True:
        why.append("xã liền kề đô thị nhưng không có định hướng phát triển thành đô thị")
    if remote is False or _stated(f, r"\bvung dong bao\b") is False:
        why.append(_NOT_REMOTE)
    else:
        why.append(f"với điều kiện {_NOT_REMOTE}")
    return "2", why


# The commune groups are known from the press's summary of the decision, which every answer about them says.
_PRESS_SUMMARY = "Đây là tóm tắt của báo chí, chưa đối chiếu nguyên văn quyết định"


def _groups_undecided(ctx: Context, scheme: Scheme) -> list[Candidate]:
    """ "Xã ven đô thị thì thuộc nhóm xã nào?": what the question says of its commune does not decide its group;
    the three groups as the registry summarises them, for the asker to place it."""
    cset = next((c for c in ctx.catalogue.sets.values() if c.region_scheme == "nhom-xa"), None)
    groups = [g for g in scheme.regions if g.description]
    if cset is None or not groups:
        return []
    drafts = [
        Draft(
            f"Những điều câu hỏi nêu về xã chưa đủ để xếp nhóm; theo {cset.document} ({cset.period}), xã chia thành"
            f" {len(scheme.regions)} nhóm:",
            src(cset, annex_path(cset), cset.title),
        )
    ]
    drafts += [Draft(f"- {g.description}", src(cset, annex_path(cset), g.name)) for g in groups]
    drafts.append(Draft(f"{_PRESS_SUMMARY}; cần đối chiếu bản chính thức."))
    return [
        Candidate(
            "criteria",
            drafts,
            covers=base_covers(cset) | {("topic", "groups")},
            # (Not "which": "chấm theo bộ tiêu chí nào, và xã thuộc nhóm nào" asks the set of the card too.)
            answers={"definition", "group"},
            evidence=[annex_path(cset)],
            docs={cset.document},
            period=cset.period,
            prior=1.0,
            label="các nhóm xã",
        )
    ]


def commune_groups(ctx: Context) -> list[Candidate]:
    """ "Xã nhóm 1 là xã nào?", "xã tôi … thuộc nhóm mấy?": the 2026-2030 commune groups as the registry knows
    them, with provenance; the group a commune's stated facts put it in."""
    f = ctx.query.folded
    scheme = ctx.catalogue.regions.schemes.get("nhom-xa")
    if scheme is None or not re.search(r"\bxa\b", f):
        return []
    placed = group_of_commune(f)
    named = str(ctx.need.groups[0]) if ctx.need.groups else None  # "nhóm 1", "nhóm xã 1" (asks.read_need)
    number = placed[0] if placed else named or _group_described(f, scheme.regions)
    if number is None:
        # (Asked the set too, "chấm theo bộ tiêu chí nào, và có phải xác định nhóm không", the card leads.)
        undecided = re.search(_WHICH_GROUP, f) and not ctx.need.asks & {"set", "todo"}
        return _groups_undecided(ctx, scheme) if undecided else []
    cset = next((c for c in ctx.catalogue.sets.values() if c.region_scheme == "nhom-xa"), None)
    group = next((r for r in scheme.regions if r.code == f"N{number}"), None)
    if cset is None or group is None or not group.description:
        return []
    source = f" Nguồn: {group.evidence.title or group.evidence.url}." if group.evidence else ""
    drafts = [
        Draft(
            f"Theo {cset.document} ({cset.period}), {group.description}{source}",
            src(cset, annex_path(cset), group.name),
        ),
        Draft(
            f"{_PRESS_SUMMARY}; dự thảo tháng 7/2025 từng đánh số "
            "nhóm ngược lại (nhóm 1 là xã khu vực II, III), cần dùng cách đánh số của quyết định đã ban hành."
        ),
    ]
    context: set[tuple[str, str]] = set()
    if placed is not None:
        # What the question says of its own commune (its region, its level, the earlier period it compares with) is
        # the context of the group it is placed in, not another subject.
        context = {a for a in ctx.need.atoms if a[0] in ("level", "region", "province", "topic", "period")}
        # "có được xếp vào nhóm 3 không?": the group it is placed in answers whether it is in the one named.
        context |= {a for a in ctx.need.atoms if a[0] == "group"}
        why = f" ({'; '.join(placed[1])})" if placed[1] else ""
        other = named if named and named != number else None
        said = f"không thuộc nhóm {other} mà thuộc" if other else "thuộc"
        name = group.name.lower().removeprefix("xã ")
        drafts.insert(0, Draft(f"Theo những điều câu hỏi nêu về xã, xã {said} {name}{why}."))
    return [
        Candidate(
            "criteria",
            drafts,
            covers=base_covers(cset) | {("group", number)} | context,
            answers={"definition", "who", "which", "contents"} | ({"group"} if placed else set()),
            evidence=[annex_path(cset)],
            docs={cset.document},
            period=cset.period,
            prior=1.3,
            lexical=lexical_cover(ctx.text, group.description),
            label=f"nhóm xã {group.code}",
        )
    ]
