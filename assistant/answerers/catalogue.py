"""What every answer from the criteria catalogue shares: where it cites, what it covers, and the note that a
set belongs to the previous period."""

from __future__ import annotations

import re

from assistant.answerers.base import Context, Draft, Source
from assistant.target_sets import PERIOD_END
from corpus.criteria import CriteriaSet, Criterion

# "thuộc nhóm nào", "nằm trong nhóm gì": the group of criteria (not a 2026-2030 commune group "nhóm 1").
ASKS_GROUP = re.compile(r"\bnhom\b(?!\s*[1-3]\b)")

# "Có 3 con số chưa được xác minh …": said after figures no public page confirms, once per answer.
UNVERIFIED = re.compile(r"^Có (\d+) con số chưa được xác minh")


def unverified_note(count: int) -> Draft:
    """The note on `count` figures no public page confirms (UNVERIFIED reads the count back)."""
    return Draft(
        f"Có {count} con số chưa được xác minh với trang công khai; hãy đối chiếu văn bản chính thức trước khi sử dụng."
    )


NEXT_SET = "51/2025/QĐ-TTg"


def src(cset: CriteriaSet, path: str, hint: str, page: int | None = None) -> list[Source]:
    return [Source(cset.document, path, hint, page=page)]


def hint(cset: CriteriaSet, ind) -> str:
    # An imported table's indicators share the annex section: their code makes the quoted span theirs.
    return f"{ind.code}. {ind.name}" if cset.imported_from else ind.name


def base_covers(cset: CriteriaSet) -> set[tuple[str, str]]:
    covers = {("doc", cset.document), ("period", cset.period), ("level", cset.level)}
    # The annex that holds the set is named with it ("Phụ lục I QĐ 320 gồm bao nhiêu tiêu chí").
    annex = annex_path(cset).split(" › ")[-1]
    if annex.startswith("Phụ lục"):
        covers.add(("section", annex))
    if cset.tier != "NTM":
        covers.add(("tier", cset.tier))
    return covers


def annex_path(cset: CriteriaSet) -> str:
    return cset.criteria[0].section.rsplit(" › ", 1)[0]


def _lacking_tier(ctx: Context, cset: CriteriaSet) -> str | None:
    """The higher tier the question names when the set's period has no national set of it ("xã NTM nâng cao
    2026-2030": 51/2025 holds one commune set), else None."""
    tier = ctx.query.tier
    if tier not in ("nâng cao", "kiểu mẫu") or cset.tier != "NTM" or cset.province:
        return None
    held = ctx.catalogue.sets.values()
    of_tier = (c for c in held if c.period == cset.period and c.level == cset.level and c.tier == tier)
    return None if any(not c.province for c in of_tier) else tier


def period_note(ctx: Context, cset: CriteriaSet) -> list[Draft]:
    """What the reader must know of the set answered from: a tier asked that its period has no set of
    (_lacking_tier), and a set of a period that is over (on the question's date)."""
    notes = []
    tier = _lacking_tier(ctx, cset)
    if tier is not None:
        notes.append(
            Draft(
                f"Kho văn bản không có bộ tiêu chí {cset.level} nông thôn mới {tier} riêng của giai đoạn "
                f"{cset.period}; câu trả lời theo {cset.title} ({cset.document})."
            )
        )
    if ctx.as_of > PERIOD_END and cset.period == "2021-2025":
        text = (
            "Bộ tiêu chí này thuộc giai đoạn 2021-2025 (giai đoạn trước); bộ tiêu chí đang có hiệu lực là "
            "51/2025/QĐ-TTg (từ 15/02/2026)."
        )
        notes.append(Draft(text, [Source(NEXT_SET, f"{NEXT_SET} › Phần mở đầu", "có hiệu lực", by_hint=True)]))
    return notes


# The table's national column ("chung"), asked by name.
def set_docs(cset: CriteriaSet, named: list[str]) -> set[str]:
    return {cset.document} | {n for n in named if n.split("/")[0] in cset.id.split("-")[:3]}


def criterion_label(crit: Criterion) -> str:
    """ "12. Tỷ lệ lao động có việc làm thường xuyên (trước khi sửa đổi: Cơ cấu lao động)": the name a set gives,
    and the name its original decision gave before an amendment renamed it."""
    former = f" (trước khi sửa đổi: {crit.former_name})" if crit.former_name else ""
    return f"{crit.number}. {crit.name}{former}"
