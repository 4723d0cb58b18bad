"""Evaluation metrics, the threshold gate, and a small end-to-end run with the fast embedder."""

import json
from pathlib import Path

import pytest

from assistant.evaluate import Item, check_gate, evaluate, flatten, load_items, ndcg, rank_of, relevant, write_report
from assistant.service import Assistant
from assistant.settings import Settings


def test_relevance_rank_and_ndcg() -> None:
    assert relevant(["318/QĐ-TTg › Phụ lục I › Tiêu chí 15 › 15.3"], "318/QĐ-TTg › Phụ lục I › Tiêu chí 15")
    assert not relevant(["318/QĐ-TTg › Phụ lục I › Tiêu chí 1"], "318/QĐ-TTg › Phụ lục I › Tiêu chí 15")
    assert not relevant(
        ["318/QĐ-TTg › Phụ lục I"], "318/QĐ-TTg › Phụ lục I › Tiêu chí 15"
    )  # an enclosing heading is not the answer
    ranked = [["a"], ["b", "c"], ["d"]]
    assert rank_of(ranked, ["c"]) == 2 and rank_of(ranked, ["z"]) is None
    assert ndcg([["x"], ["c"]], ["c"]) == pytest.approx(1 / 1.5849625)
    assert ndcg([["c"]], ["c"]) == 1.0


def test_gate_reports_each_metric_under_its_threshold(tmp_path: Path) -> None:
    report = {"retrievers": {"hybrid": {"recall@5": 0.8}}, "answers": {"applicability_accuracy": 0.9}}
    assert flatten(report) == {"hybrid.recall@5": 0.8, "answers.applicability_accuracy": 0.9}
    gate = tmp_path / "t.toml"
    gate.write_text(
        '[dev]\n"hybrid.recall@5" = 0.85\n"answers.applicability_accuracy" = 0.9\n"answers.missing" = 0.1\n'
    )
    failures = check_gate(report, gate, "dev")
    assert any("hybrid.recall@5 = 0.8 < ngưỡng 0.85" in f for f in failures)
    assert any("answers.missing" in f for f in failures)
    assert len(failures) == 2


def test_malformed_item_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"dev\.jsonl:1"):
        load_items("dev", tmp_path)


def test_the_committed_sets_load_and_point_at_real_sections() -> None:
    from corpus.registry import Corpus

    paths = {s.path for _, root in Corpus(None).parsed() for s in root.walk()}
    dev, test = load_items("dev"), load_items("test")
    assert len(dev) + len(test) >= 200
    assert not {i.id for i in dev} & {i.id for i in test}
    for item in dev + test:
        assert all(p in paths for p in item.expected_sections), item.id
        assert not (item.must_refuse and item.expected_sections)
    assert sum(i.must_refuse for i in dev + test) >= 25


def test_end_to_end_with_the_fast_embedder(settings: Settings, tmp_path: Path) -> None:
    assistant = Assistant(settings)
    assistant.build()
    items = [
        Item(
            "e1",
            "báo cáo định kỳ 06 tháng và hằng năm gửi Bộ",
            None,
            [],
            ["14/BCĐCTMTQG"],
            ["14/BCĐCTMTQG › Phần kết"],
            None,
            ["06 tháng"],
            False,
            ["duties"],
        ),
        Item(
            "e2",
            "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?",
            None,
            [],
            ["14/BCĐCTMTQG"],
            ["14/BCĐCTMTQG › Mục 1"],
            {"doc": "318/QĐ-TTg", "ref": "318/QĐ-TTg › Phụ lục I", "case": "14/BCĐCTMTQG › Mục 1", "missing": []},
            ["318/QĐ-TTg"],
            False,
            ["applicability"],
        ),
        Item("e3", "Giá vàng hôm nay bao nhiêu?", None, [], [], [], None, [], True, ["refusal"]),
    ]
    report = evaluate(assistant, items, ("bm25", "hybrid", "langchain"), baseline_dir=tmp_path / "b")
    assert set(report["retrievers"]) == {"bm25", "hybrid", "langchain"}
    assert report["retrievers"]["hybrid"]["items"] == 2
    assert report["retrievers"]["bm25"]["recall@10"] == 1.0
    a = report["answers"]
    assert a["applicability_accuracy"] == 1.0 and a["refusal_recall"] == 1.0 and a["citation_validity"] == 1.0
    meta = {"set": "dev", "items": 3, "embedder": "fake", "today": "2026-11-24", "machine": "x", "when": "now", "k": 10}
    json_path, md_path = write_report(report, "t", meta, folder=tmp_path / "reports")
    assert json.loads(json_path.read_text())["meta"]["set"] == "dev"
    assert "| hybrid |" in md_path.read_text()
    for png in ("t-recall.png", "t-per-document.png", "t-latency.png"):
        assert (tmp_path / "reports" / png).read_bytes()[:4] == b"\x89PNG"
