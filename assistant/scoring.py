"""Answer metrics of the evaluation: must-contain, applicability, the chooser's accuracy (the kind of
answer picked), honest scope (not in the corpus) and refusals, per question type, and the worst items."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from corpus.normalize import normalize_text

SCOPES = ("answer", "not_in_corpus", "out_of_domain")


def _dates(text: str) -> str:
    """Dates compared whatever the zero-padding: 01/7/2025 and 01/07/2025 are the same date."""
    return re.sub(
        r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)",
        lambda m: f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}",
        text,
    )


def contains(text: str, token: str) -> bool:
    return _dates(normalize_text(token).lower()) in _dates(normalize_text(text).lower())


@dataclass
class Tally:
    ok: int = 0
    total: int = 0

    def add(self, good: bool) -> None:
        self.ok += bool(good)
        self.total += 1

    @property
    def rate(self) -> float | None:
        return round(self.ok / self.total, 4) if self.total else None


@dataclass
class AnswerScores:
    """Accumulates one answer per item; `summary()` gives the metrics."""

    contain: Tally = field(default_factory=Tally)
    kind: Tally = field(default_factory=Tally)
    scope_exact: Tally = field(default_factory=Tally)
    per_tag: dict[str, dict[str, Tally]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Tally)))
    honest: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    refusal: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    rows: list[dict] = field(default_factory=list)

    def add(self, item, answer) -> dict:
        """Score one answer; returns the item's row (missing tokens, kind, scope)."""
        row: dict = {"id": item.id, "question": item.question, "kind": answer.kind, "scope": answer.scope}
        problems = 0
        if item.must_contain and item.expected_scope == "answer":
            missing = [t for t in item.must_contain if not contains(answer.text, t)]
            self.contain.add(not missing)
            row["missing_tokens"] = missing
            problems += len(missing)
            for tag in item.tags:
                self.per_tag[tag]["must_contain"].add(not missing)
        kinds = item.expected_kind if isinstance(item.expected_kind, list) else [item.expected_kind]
        if item.expected_kind:
            good = answer.kind in kinds
            self.kind.add(good)
            row["kind_ok"] = good
            problems += not good
            for tag in item.tags:
                self.per_tag[tag]["chooser"].add(good)
        self.scope_exact.add(answer.scope == item.expected_scope)
        problems += answer.scope != item.expected_scope
        for tag in item.tags:
            self.per_tag[tag]["scope"].add(answer.scope == item.expected_scope)
        want_nic, got_nic = item.expected_scope == "not_in_corpus", answer.scope == "not_in_corpus"
        self.honest["tp"] += want_nic and got_nic
        self.honest["fp"] += got_nic and not want_nic
        self.honest["fn"] += want_nic and not got_nic
        want_ref, got_ref = item.expected_scope == "out_of_domain", answer.scope == "out_of_domain"
        self.refusal["tp"] += want_ref and got_ref
        self.refusal["fp"] += got_ref and not want_ref
        self.refusal["fn"] += want_ref and not got_ref
        row["problems"] = problems
        self.rows.append(row)
        return row

    def summary(self) -> dict:
        def pr(c: dict[str, int]) -> tuple[float | None, float | None]:
            p = round(c["tp"] / (c["tp"] + c["fp"]), 4) if c["tp"] + c["fp"] else None
            r = round(c["tp"] / (c["tp"] + c["fn"]), 4) if c["tp"] + c["fn"] else None
            return p, r

        hp, hr = pr(self.honest)
        rp, rr = pr(self.refusal)
        worst = sorted((r for r in self.rows if r["problems"]), key=lambda r: -r["problems"])[:15]
        return {
            "must_contain_accuracy": self.contain.rate,
            "must_contain_items": self.contain.total,
            "chooser_accuracy": self.kind.rate,
            "chooser_items": self.kind.total,
            "scope_accuracy": self.scope_exact.rate,
            "honest_scope_precision": hp,
            "honest_scope_recall": hr,
            "honest_scope_items": self.honest["tp"] + self.honest["fn"],
            "refusal_precision": rp,
            "refusal_recall": rr,
            "refusal_items": self.refusal["tp"] + self.refusal["fn"],
            "per_tag": {
                tag: {name: {"rate": t.rate, "items": t.total} for name, t in metrics.items()}
                for tag, metrics in sorted(self.per_tag.items())
            },
            "worst": worst,
        }


def markdown(a: dict) -> list[str]:
    """Report lines: per question type, then the worst items."""
    lines = [
        "",
        "## Theo loại câu hỏi",
        "",
        "| nhãn | chứa từ khóa | chọn đúng loại | đúng phạm vi |",
        "| --- | --- | --- | --- |",
    ]

    def cell(m: dict, key: str) -> str:
        v = m.get(key)
        return f"{v['rate']} ({v['items']})" if v else "—"

    for tag, m in a.get("per_tag", {}).items():
        lines.append(f"| {tag} | {cell(m, 'must_contain')} | {cell(m, 'chooser')} | {cell(m, 'scope')} |")
    lines += ["", "## Các câu kém nhất", "", "| id | câu hỏi | loại / phạm vi | thiếu |", "| --- | --- | --- | --- |"]
    for r in a.get("worst", []):
        q = r["question"].replace("|", "/")
        q = q if len(q) <= 90 else q[:87] + "…"
        missing = ", ".join(r.get("missing_tokens") or []) or ""
        kind = r["kind"] + ("" if r.get("kind_ok", True) else " ✗") + f" / {r['scope']}"
        lines.append(f"| {r['id']} | {q} | {kind} | {missing} |")
    return lines
